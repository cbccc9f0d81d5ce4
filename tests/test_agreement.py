"""The 911 center and operator agreement: the facts it restates, its draft marking on every
page, and each of its checks failing at the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from genkit.checks.validate import load_profile
from genkit.cli.main import main
from genkit.errors import Problem
from genkit.language.formatting import date_long
from genkit.paths import SearchPath
from tests.helpers import (
    build_sample,
    build_town,
    docx_text,
    edit,
    html_text,
    pdf_pages,
    problems,
    squash,
)

REPO = Path(__file__).resolve().parent.parent
DOC = "agreements/operating-agreement"
DRAFT = "DRAFT FOR LEGAL REVIEW: not signed"


def render(tmp: Path, name: str, formats: list[str], only: str = "agreements") -> Path:
    return build_sample(name, tmp, only, formats).out_dir


@pytest.fixture(scope="module")
def durham_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(tmp_path_factory.mktemp("agreement"), "durham", ["html"]) / f"{DOC}.html"


def test_states_the_profiles_facts(durham_html: Path) -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    agreement, proc = profile.agreement, profile.procurement
    assert agreement is not None and proc is not None
    text = squash(html_text(durham_html))
    facts = [
        agreement.center.name,
        "the operator selected under " + proc.rfp_number,
        profile.program.hours.summary,
        profile.program.team_summary,
        f"within {agreement.dispatch.dispatch_within_min} minutes of the call being answered",
        f"within {agreement.dispatch.acknowledge_within_min} minutes",
        "median response time of 20 minutes",
        f"{proc.terms.records_retention_years} years after the agreement ends",
        f"allows {proc.terms.cure_days} days to put it right",
        f"Every {agreement.review.every_months} months",
        f"within {agreement.review.critical_incident_days} days",
        date_long(proc.timeline.contract_start.date),
        proc.dispatch.backup_method,
        agreement.backup.emergency_phrase,
        agreement.jurisdiction.signatory,
        agreement.jurisdiction.notice_address,
        *agreement.jurisdiction.copy_to,
        agreement.center.signatory,
    ]
    facts += [c.label for c in profile.program.call_types]
    facts += [
        f"{e.label} {e.route_to[:1].upper()}{e.route_to[1:]}" for e in profile.program.exclusions
    ]
    facts += [q.ask for q in profile.decision_tree.questions]
    assert profile.calls is not None
    facts += [profile.calls.columns.mapped()[f] for f in agreement.data_sharing.from_center]
    facts += list(agreement.data_sharing.from_operator) + list(agreement.review.members)
    missing = [f for f in facts if squash(f) not in text]
    assert not missing, missing


def test_html_carries_the_draft_and_sample_marks(durham_html: Path) -> None:
    page = durham_html.read_text(encoding="utf-8")
    assert f'<p class="draft-banner" role="note"><strong>{DRAFT}</strong></p>' in page
    assert 'class="sample-banner"' in page
    # Illustrative terms are named as such, not passed off as the city's own.
    assert "Time for a team to accept a call" in page.split("Illustrative, not")[1]


def test_other_documents_carry_no_draft_mark(tmp_path: Path) -> None:
    out = render(tmp_path, "durham", ["html"], only="dispatch/quick-reference")
    page = (out / "dispatch" / "quick-reference.html").read_text(encoding="utf-8")
    assert "draft-banner" not in page.split("</style>")[1]


def test_word_header_repeats_the_draft_mark(tmp_path: Path) -> None:
    import docx

    out = render(tmp_path, "philadelphia", ["docx"])
    path = out / f"{DOC}.docx"
    header = [p.text for p in docx.Document(str(path)).sections[0].header.paragraphs]
    assert DRAFT in header and any(t.startswith("SAMPLE") for t in header)
    # The provider supplies only the clinicians: the agreement says so.
    assert "supplies the civilian mental health clinician on each" in squash(docx_text(path))


def test_every_pdf_page_is_marked(tmp_path: Path) -> None:
    out = render(tmp_path, "durham", ["pdf"])
    pages = pdf_pages(out / f"{DOC}.pdf")
    assert len(pages) > 3
    assert all(DRAFT in squash(page) and "SAMPLE" in page for page in pages)


def test_a_named_operator_replaces_the_placeholder(project: Path) -> None:
    edit(
        project,
        "  operator:\n    short_name: the Operator\n",
        "  operator:\n    name: Triangle Crisis Care\n    short_name: the Operator\n",
    )
    build_town(project, "agreements")
    text = squash(html_text(project / "build" / "town" / f"{DOC}.html"))
    assert 'Triangle Crisis Care ("the Operator"), which staffs and runs' in text
    assert "For Triangle Crisis Care" in text and "selected under" not in text


# --- checks: each bad value fails at its own line, and nothing is written ------------------


def problem_at(project: Path, field: str) -> Problem:
    found = {p.field: p for p in problems(project)}
    assert field in found, list(found)
    assert found[field].file.endswith("jurisdictions/town/profile.yaml")
    return found[field]


SHARED = "    from_center: [call_type, received, dispatched, arrived, cleared, disposition, area]\n"


def test_unknown_cad_field(project: Path) -> None:
    line = edit(project, SHARED, SHARED.replace("call_type", "call_typ"))
    problem = problem_at(project, "agreement.data_sharing.from_center[0]")
    assert problem.line == line and "call_type" in problem.message


def test_cad_field_the_export_lacks(project: Path) -> None:
    edit(project, "    disposition: Disposition\n", "")
    line = edit(project, SHARED, SHARED)
    problem = problem_at(project, "agreement.data_sharing.from_center[5]")
    assert problem.line == line
    assert "no 'disposition' column" in problem.message


def test_cad_field_listed_twice(project: Path) -> None:
    line = edit(project, SHARED, SHARED.replace("area]", "area, received]"))
    problem = problem_at(project, "agreement.data_sharing.from_center[7]")
    assert problem.line == line and "more than once" in problem.message


def test_shared_metric_not_tracked(project: Path) -> None:
    old = "    metrics: [calls-handled, share-eligible-handled"
    line = edit(project, old, old.replace("calls-handled", "calls-taken"))
    problem = problem_at(project, "agreement.data_sharing.metrics[0]")
    assert problem.line == line and "no metric 'calls-taken'" in problem.message


def test_review_less_often_than_the_term(project: Path) -> None:
    edit(project, "  term_months: 24\n", "  term_months: 12\n")
    line = edit(project, "    every_months: 3\n", "    every_months: 18\n")
    problem = problem_at(project, "agreement.review.every_months")
    assert problem.line == line and "12-month contract term" in problem.message


def test_serious_incident_reviewed_after_the_routine_review(project: Path) -> None:
    edit(project, "    every_months: 3\n", "    every_months: 1\n")
    line = edit(project, "    critical_incident_days: 10\n", "    critical_incident_days: 45\n")
    problem = problem_at(project, "agreement.review.critical_incident_days")
    assert problem.line == line and "make it sooner" in problem.message


def test_accepting_a_call_takes_longer_than_the_target(project: Path) -> None:
    line = edit(project, "    acknowledge_within_min: 2\n", "    acknowledge_within_min: 25\n")
    problem = problem_at(project, "agreement.dispatch.acknowledge_within_min")
    assert problem.line == line
    assert "response-time target (metrics[4].target) is 20 minutes" in problem.message


def test_agreement_in_force_after_the_contract_start(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = edit(project, "  effective: 2026-07-01\n", "  effective: 2026-07-15\n")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "town", "--only", "agreements"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        f"jurisdictions/town/profile.yaml:{line}:3: agreement.effective: the agreement "
        "takes effect on 15 July 2026, after the operator's contract starts on 1 July 2026"
        in result.output
    )
    assert not (project / "build").exists()


def test_the_agreement_is_between_legal_entities_with_the_clauses_a_lawyer_expects(
    durham_html: Path,
) -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    text = squash(html_text(durham_html))
    assert "memorandum of understanding" not in text.lower()
    assert f'{profile.jurisdiction.name} (the "City"), acting through' in text
    for heading in (
        "Never-transfer list",
        "Reverse transfers",
        "Interpreters",
        "988 hand-offs",
        "When CAD or the radio is down",
        "Training each other",
        "Measured on the team's own unit",
        "Disagreements",
        "Governing law",
        "Notices",
        "Public records",
        "Breach notice",
        "independent contractor",
        "Indemnification and insurance are as the contract sets them",
        "data-sharing and business associate exhibit (Attachment C",
    ):
        assert heading in text, heading
    assert "The law of North Carolina governs" in text
    # The term follows the contract: no separate exit while the contract runs.
    assert "Neither party may end it separately while the contract runs" in text
    assert "days' written notice" not in text
    hours = profile.agreement.data_sharing.missed_call_notice_hours
    assert f"Missed eligible calls, within {hours} hours" in text


def test_missed_calls_must_reach_the_operator_before_its_follow_up_window(project: Path) -> None:
    line = (
        edit(
            project,
            "    frequency: weekly\n",
            "    frequency: weekly\n    missed_call_notice_hours: 72\n",
        )
        + 1
    )
    problem = problem_at(project, "agreement.data_sharing.missed_call_notice_hours")
    assert problem.line == line
    assert "must follow up within 48 hours (program.follow_up_hours)" in problem.message


def test_signature_block_keeps_together_in_word(tmp_path: Path) -> None:
    from docx import Document

    folder = render(tmp_path, "durham", ["docx"])
    table = [
        t
        for t in Document(str(folder / f"{DOC}.docx")).tables
        if t.rows[0].cells[0].text.startswith("For City of Durham")
    ][0]
    for row in table.rows:
        assert (
            row._tr.trPr.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
            )
            is not None
        )
    for row in table.rows[:-1]:
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)


def test_each_data_flow_names_its_legal_basis_from_one_place(tmp_path: Path) -> None:
    # The agreement's flows and the exhibit's table render agreement.data_sharing.legal_basis.
    import re

    from genkit.model.agreement import LEGAL_BASES

    bundle = render(tmp_path, "philadelphia", ["html"])
    agreement = squash(html_text(bundle / f"{DOC}.html"))
    exhibit = squash(html_text(bundle / "agreements" / "data-sharing-exhibit.html"))
    both = (
        "section 4 (business associate terms) and section 3 (substance use records only "
        "with the person's written consent, under 42 CFR Part 2)"
    )
    assert (
        f"From the Provider to Police Radio, every week, under the exhibit's {both}:" in agreement
    )
    assert (
        "From Police Radio to the Provider, every week, under the exhibit's section 4 "
        "(business associate terms):"
    ) in agreement
    assert "Missed eligible calls, within 24 hours, under the exhibit's section 4" in agreement
    assert "Every week Section 4 (business associate terms) CAD received" in exhibit
    assert f"Every week {both[0].upper()}{both[1:]}" in exhibit
    # A basis names the exhibit's section by number: the heading there must say the same.
    for section, words in LEGAL_BASES.values():
        heading = {4: "Business associate terms", 3: "Legal basis"}[section]
        assert re.search(rf"(^|\s){section}\. {heading}\b", exhibit), (section, words)


def test_an_unknown_legal_basis_is_refused_at_its_line(project: Path) -> None:
    line = edit(
        project,
        "      from_center: [business_associate]\n",
        "      from_center: [public_interest]\n",
    )
    problem = problem_at(project, "agreement.data_sharing.legal_basis.from_center[0]")
    assert problem.line == line and "business_associate" in problem.message
