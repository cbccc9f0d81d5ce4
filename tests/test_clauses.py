"""The RFP's administrative clauses: state wording, overrides, federal and multi-year rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from genkit.checks.validate import load_profile
from genkit.errors import ProfileError
from genkit.packet.clauses import rfp_clauses
from genkit.paths import SearchPath
from tests.helpers import edit, line_of

REPO = Path(__file__).resolve().parent.parent


def clauses(name: str, root: Path = REPO) -> dict:
    return {c.id: c for c in rfp_clauses(load_profile(name, SearchPath.from_cwd(root)).profile)}


@pytest.mark.parametrize(
    "name, law",
    [
        ("durham", "G.S. 132-1.2"),
        ("harris-county", "Texas Public Information Act"),
        ("long-beach", "California Public Records Act"),
        ("philadelphia", "Right-to-Know Law"),
        ("phoenix", "Arizona Revised Statutes 39-121"),
    ],
)
def test_public_records_are_worded_for_the_state(name: str, law: str) -> None:
    found = clauses(name)
    assert law in found["public-records"].text and found["public-records"].state_wording
    assert found["public-records"].sources  # the state's law is cited
    for required in ("validity", "addenda", "portal", "protests", "cost-of-preparation"):
        assert required in found
    assert "{" not in "".join(c.text for c in found.values())


def test_a_profile_rewords_or_drops_a_clause(project: Path) -> None:
    edit(
        project,
        "  payment:\n",
        "  packet:\n    validity_days: 90\n"
        "    clauses: {protests: Protests go to the City Manager within three days.}\n"
        "    omit_clauses: [cost-of-preparation]\n  payment:\n",
    )
    found = clauses("town", project)
    assert found["protests"].text == "Protests go to the City Manager within three days."
    assert "cost-of-preparation" not in found
    assert "for 90 days after the deadline" in found["validity"].text


def test_an_unknown_clause_id_is_refused_at_its_line(project: Path) -> None:
    edit(project, "  payment:\n", "  packet:\n    omit_clauses: [protest]\n  payment:\n")
    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    [problem] = info.value.problems
    assert problem.field == "procurement.packet.omit_clauses[0]"
    assert problem.line == line_of(project, "omit_clauses: [protest]")
    assert problem.message.startswith("no clause 'protest' in procurement_clauses")


def test_an_unknown_placeholder_is_refused(project: Path) -> None:
    edit(
        project,
        "  payment:\n",
        "  packet:\n    clauses:\n      validity: Open for {valid_days} days.\n  payment:\n",
    )
    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    [problem] = info.value.problems
    assert problem.field == "procurement.packet.clauses.validity"
    assert problem.message.startswith("{valid_days} is not a value genkit can fill in")


def test_federal_provisions_follow_the_funding_plan(project: Path) -> None:
    assert "federal-provisions" in clauses("durham")  # a SAMHSA grant is planned
    assert "federal-provisions" not in clauses("phoenix")  # general fund and Medicaid only
    edit(project, "  payment:\n", "  packet:\n    federal_funds: false\n  payment:\n")
    assert "federal-provisions" not in clauses("town", project)


def test_funding_out_only_for_contracts_past_a_budget_year(project: Path) -> None:
    assert "funding-out" in clauses("durham")
    edit(project, "  term_months: 24\n", "  term_months: 12\n")
    edit(project, "  renewal: {count: 2, months: 12}\n", "  renewal: {count: 0, months: 12}\n")
    assert "funding-out" not in clauses("town", project)
