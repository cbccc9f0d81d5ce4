"""The funding plan: budget arithmetic, the rendered plan, and each check at its file and line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from genkit.checks.validate import load_profile
from genkit.cli.main import main
from genkit.funding.budget import build_budget, profile_budget, yearly_pay
from genkit.model.funding import Funding, FundingStream
from genkit.paths import SearchPath
from tests.helpers import build_town, edit, html_text, problems, squash

PROFILE = "jurisdictions/town/profile.yaml"
FUNDING = "\nfunding:\n"  # edits below change the funding block, not a same-named value


def _position(pid: str, fte: float, low: float, high: float, period: str = "year"):
    return SimpleNamespace(
        id=pid, title=pid.title(), fte=fte, pay=SimpleNamespace(min=low, max=high, period=period)
    )


def _stream(**extra) -> FundingStream:
    return FundingStream(name="Test stream", kind="grant", summary="For tests.", **extra)


# ---- arithmetic -----------------------------------------------------------------------------


def test_personnel_is_fte_times_midpoint_plus_fringe_with_yearly_raises() -> None:
    funding = Funding(
        first_year_start=dt.date(2026, 7, 1),
        years=3,
        fringe_rate=0.3,
        raise_percent=3,
        positions=["peer"],
    )
    budget = build_budget(funding, [_position("peer", 2, 40000, 60000)], {})
    [row] = budget.cost_rows
    base = 2 * 50000 * 1.3
    assert row.amounts == [round(base), round(base * 1.03), round(base * 1.03**2)]
    assert row.kind == "personnel"


def test_hourly_pay_becomes_a_year_of_2080_hours() -> None:
    assert yearly_pay(_position("emt", 1, 20, 30, "hour")) == 25 * 2080


def test_years_add_cost_and_funding_and_show_the_gap() -> None:
    funding = Funding(
        first_year_start=dt.date(2026, 1, 1),
        years=2,
        fringe_rate=0,
        positions=[],
        lines=[
            {"id": "a", "name": "Vans", "kind": "vehicles", "amounts": [100, 50]},
            {"id": "b", "name": "Operator", "kind": "contract", "amounts": [900, 950]},
        ],
        streams=[{"stream": "grant", "amounts": [600, 1200]}],
    )
    budget = build_budget(funding, [], {"grant": _stream()})
    assert [(y.cost, y.funded, y.gap) for y in budget.years] == [
        (1000, 600, 400),
        (1000, 1200, -200),
    ]
    assert budget.years[0].funded_share == pytest.approx(0.6)
    assert (budget.total_cost, budget.total_funded, budget.total_gap) == (2000, 1800, 200)
    assert [y.number for y in budget.gap_years] == [1]
    kinds = {r.kind: r.amounts for r in budget.kind_totals()}
    assert kinds == {"vehicles": [100, 50], "contract": [900, 950]}
    assert (budget.years[1].start, budget.years[1].end) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 12, 31),
    )


def test_a_deadline_inside_a_year_is_found() -> None:
    funding = Funding(
        first_year_start=dt.date(2026, 8, 1),
        years=2,
        fringe_rate=0,
        streams=[{"stream": "m", "amounts": [10, 0]}],
    )
    budget = build_budget(funding, [], {"m": _stream(spend_by=dt.date(2027, 3, 31))})
    assert budget.deadline_in_year(budget.fund_rows[0]).number == 1


# ---- the rendered plan ----------------------------------------------------------------------


def _build(project: Path) -> list[str]:
    """The funding plan's web page, built; what was rendered rather than reused."""
    return sorted(build_town(project, "funding").rendered)


def test_the_plan_shows_every_year_the_gap_and_the_stream_rules(project: Path) -> None:
    assert _build(project) == ["funding/funding-plan.html"]
    page = project / "build/town/funding/funding-plan.html"
    text = squash(html_text(page))
    budget = profile_budget(load_profile("town", SearchPath.from_cwd(project)).profile)
    for year in budget.years:
        assert f"${year.cost:,}" in text and f"${year.funded:,}" in text
        if year.gap > 0:
            assert f"${year.gap:,}" in text
    assert "The plan is not fully funded" in text
    assert f"leave ${budget.total_gap:,} unpaid" in text
    assert "12 FTE at $63,453 (pay midpoint) plus 30% benefits" in text
    # Each line's note follows its name after a spaced middle dot, in the table cell as written.
    raw = page.read_text()
    assert re.search(r"\w · 12 FTE at \$63,453", raw)
    assert not re.search(r"[^\s>]·", raw)
    assert "$6,600,000 for its 24-month initial term" in text  # the RFP ceiling, from procurement
    # Streams not planned still show their dates; SLFRF can no longer take new commitments.
    assert "Only money already committed by 31 December 2024" in text
    assert "31 December 2026" in text
    assert "only for teams available around the clock, which HEART is not yet" in text
    assert "medicaid.gov/federal-policy-guidance/downloads/sho21008.pdf" in text
    assert "Planned funding amounts" in text  # listed as illustrative
    assert "<svg" in page.read_text() or "data:image/svg+xml" in page.read_text()


def test_stream_notes_come_out_literally_in_tables_and_the_chart(project: Path) -> None:
    nasty = "A | B <script>x</script> $5 *x* {{ 7*7 }}"
    edit(
        project,
        "      note: Community Safety Department budget, adopted each year by City Council\n",
        "      note: '" + nasty + "'\n",
        after=FUNDING,
    )
    # A stream of the profile's own, whose name also goes into the chart's legend.
    edit(project, "    - stream: medicaid-regular\n", "    - stream: city-trust\n", after=FUNDING)
    path = project / PROFILE
    path.write_text(
        path.read_text() + "funding_streams:\n  city-trust:\n    name: 'Trust | $1 <b>'"
        "\n    kind: local\n    summary: Money the council set aside.\n"
    )
    _build(project)
    page = project / "build/town/funding/funding-plan.html"
    raw = page.read_text()
    assert "<script>" not in raw and "<b>" not in raw
    text = squash(html_text(page))
    assert nasty in text and "Trust | $1 <b>" in text


def test_a_pay_change_rebuilds_the_plan(project: Path) -> None:
    _build(project)
    assert _build(project) == []
    edit(project, "pay: {min: 49737, max: 77169}", "pay: {min: 59737, max: 77169}")
    assert _build(project) == ["funding/funding-plan.html"]
    assert "$1,067,867" in html_text(project / "build/town/funding/funding-plan.html")


# ---- checks: each at its file, line and field ---------------------------------------------


def _one(project: Path, field: str) -> object:
    found = problems(project)
    assert [p.field for p in found] == [field], [(p.field, p.message) for p in found]
    assert found[0].file.endswith(PROFILE)
    return found[0]


def test_lines_must_add_to_their_total(project: Path) -> None:
    line = edit(project, "      total: 10300000\n", "      total: 10400000\n", after=FUNDING)
    problem = _one(project, "funding.lines[0].total")
    assert problem.line == line
    assert "add up to 10,300,000 dollars, not the total of 10,400,000" in problem.message


def test_a_stream_past_its_deadline_is_an_error_at_that_year(project: Path) -> None:
    # The enhanced Medicaid match ends 31 March 2027; year 2 starts 1 July 2027.
    line = (
        edit(
            project,
            "    - stream: medicaid-regular\n",
            "    - stream: medicaid-mobile-crisis\n",
            after=FUNDING,
        )
        + 2
    )
    year2, year3 = problems(project)  # both later years plan money from it
    assert (year2.field, year3.field) == (
        "funding.streams[2].amounts[1]",
        "funding.streams[2].amounts[2]",
    )
    assert year2.line == year3.line == line
    assert "must be spent by 31 March 2027, before program year 2 starts" in year2.message


def test_new_money_after_an_obligation_deadline_is_refused(project: Path) -> None:
    line = (
        edit(
            project,
            "    - stream: samhsa-grant\n      status: applied\n",
            "    - stream: slfrf\n      status: planned\n",
            after=FUNDING,
        )
        + 1
    )
    found = problems(project)
    status = next(p for p in found if p.field == "funding.streams[1].status")
    assert status.line == line
    assert "could only be committed until 31 December 2024" in status.message
    # ... and its later years fall after the spending deadline.
    assert {p.field for p in found} >= {
        "funding.streams[1].amounts[1]",
        "funding.streams[1].amounts[2]",
    }


def test_a_stream_needs_a_positive_amount(project: Path) -> None:
    line = edit(
        project, "      amounts: [0, 150000, 250000]\n", "      amounts: [0, 0, 0]\n", after=FUNDING
    )
    problem = _one(project, "funding.streams[2].amounts")
    assert problem.line == line
    assert "plans no money" in problem.message


def test_a_negative_amount_is_refused(project: Path) -> None:
    line = edit(
        project,
        "      amounts: [75000, 40000, 40000]\n",
        "      amounts: [75000, -40000, 40000]\n",
        after=FUNDING,
    )
    problem = _one(project, "funding.lines[2].amounts[1]")
    assert problem.line == line and "negative" in problem.message


def test_one_amount_per_year(project: Path) -> None:
    line = edit(
        project,
        "      amounts: [90000, 45000, 45000]\n",
        "      amounts: [90000, 45000]\n",
        after=FUNDING,
    )
    problem = _one(project, "funding.lines[3].amounts")
    assert problem.line == line and "gives 2 yearly amounts" in problem.message


def test_an_unknown_position_is_named(project: Path) -> None:
    line = edit(project, "    - care-navigator\n", "    - care-navigater\n", after=FUNDING)
    problem = _one(project, "funding.positions[4]")
    assert problem.line == line and "no position 'care-navigater'" in problem.message


def test_an_unknown_stream_is_named(project: Path) -> None:
    line = edit(project, "    - stream: samhsa-grant\n", "    - stream: samhsa\n", after=FUNDING)
    problem = _one(project, "funding.streams[1].stream")
    assert problem.line == line and "no funding stream 'samhsa'" in problem.message


def test_the_contract_stays_within_the_rfp_ceiling(project: Path) -> None:
    line = edit(
        project,
        "      amounts: [3000000, 3600000, 3700000]\n",
        "      amounts: [3400000, 3600000, 3300000]\n",
        after=FUNDING,
    )
    problem = _one(project, "funding.lines[0].amounts")
    assert problem.line == line
    assert "first 2 years cost 7,000,000 dollars, more than the RFP ceiling" in problem.message


def test_contract_lines_count_together_against_the_ceiling(project: Path) -> None:
    line = (
        edit(
            project,
            "    - id: vehicles\n",
            "    - id: amendment\n      name: Contract amendment\n      kind: contract\n"
            "      amounts: [100000, 0, 0]\n    - id: vehicles\n",
            after=FUNDING,
        )
        + 3
    )
    problem = _one(project, "funding.lines[1].amounts")
    assert problem.line == line
    assert "the contract lines' first 2 years cost 6,700,000 dollars" in problem.message


def test_a_yearly_ceiling_is_checked_year_by_year(project: Path) -> None:
    path = project / PROFILE
    text = path.read_text()
    path.write_text(
        text.replace(
            "  budget_ceiling: 6600000\n  budget_basis: term\n",
            "  budget_ceiling: 3650000\n  budget_basis: year\n",
            1,
        )
    )
    line = edit(
        project,
        "      amounts: [3000000, 3600000, 3700000]\n",
        "      amounts: [3000000, 3600000, 3700000]\n",
        after=FUNDING,
    )
    problem = _one(project, "funding.lines[0].amounts[2]")
    assert problem.line == line
    assert "costs 3,700,000 dollars in year 3, more than the RFP" in problem.message


def test_a_funding_error_through_the_cli(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = edit(project, "      total: 10300000\n", "      total: 1\n", after=FUNDING)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["validate", "town"])
    assert result.exit_code == 1
    assert re.search(
        rf"jurisdictions/town/profile\.yaml:{line}:\d+: funding\.lines\[0\]\.total: ", result.output
    ), result.output
    assert "Traceback" not in result.output
