"""The independent cost estimate: the RFP's coverage priced before any bid, and the ceiling
checked against it (an error below the minimum coverage, a warning below the illustrated
shifts), shown the same way in the funding plan and the buyer's-file estimate."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from genkit.checks.validate import load_profile
from genkit.cli.main import main
from genkit.funding.estimate import build_estimate
from genkit.paths import SearchPath
from tests.helpers import build_sample, edit, html_text, problems, squash

REPO = Path(__file__).resolve().parent.parent
PROFILE = Path("jurisdictions") / "town" / "profile.yaml"


def test_durham_minimum_coverage_is_priced_from_hours_team_and_pay() -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    est = build_estimate(profile)
    # 2 teams x 15 hours x 365 days = 10,950 team-hours; 3 seats each; 1,750 hours per FTE
    seats = [line for line in est.minimum.lines[:3]]
    assert [round(line.fte, 2) for line in seats] == [6.26] * 3
    # the clinician seat: 6.257 FTE x the pay midpoint (58,490 + 90,646) / 2 x 1.3 benefits
    assert seats[0].amount == round(10950 / 1750 * (58490 + 90646) / 2 * 1.3)
    assert est.minimum.year_total < est.pattern.year_total  # 4 teams at the busiest hours
    assert est.pattern.peak_teams == 4
    assert est.ceiling_pays_minimum and est.ceiling_pays_pattern


def test_a_ceiling_below_the_minimum_coverage_is_refused(project: Path) -> None:
    line = edit(project, "  budget_ceiling: 6600000\n", "  budget_ceiling: 3600000\n")
    found = [p for p in problems(project) if p.field == "procurement.budget_ceiling"]
    [problem] = found
    assert problem.line == line
    assert problem.message.startswith(
        "the independent cost estimate puts minimum coverage (2 teams of 3 on duty every "
        "service hour) at $4,487,056 for the initial term, more than the ceiling of $3,600,000"
    )


def test_a_ceiling_below_the_illustrated_shifts_warns(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = edit(project, "  budget_ceiling: 6600000\n", "  budget_ceiling: 5000000\n")
    edit(
        project,
        "      amounts: [3000000, 3600000, 3700000]\n      total: 10300000\n",
        "      amounts: [2400000, 2600000, 3700000]\n",
    )
    loaded = load_profile("town", SearchPath.from_cwd(project))
    [warning] = [w for w in loaded.warnings if w.field == "procurement.budget_ceiling"]
    assert warning.line == line
    assert (
        "illustrated shifts (the RFP's shifts: 48 team-hours a day, up to 4 at once) at "
        "$6,578,196" in warning.message
    )
    monkeypatch.chdir(project)
    result = CliRunner().invoke(
        main, ["build", "town", "--strict", "--only", "rfp", "--format", "html"]
    )
    assert result.exit_code == 1
    assert f"profile.yaml:{line}:" in result.output
    assert not (project / "build" / "town").exists()


def test_a_seat_without_pay_is_named(project: Path) -> None:
    edit(project, "      team_role: emt\n", "")
    found = [p for p in problems(project) if p.field == "procurement.cost_estimate.pay"]
    assert found and "no pay for the 'emt' seat" in found[0].message


def test_the_funding_plan_must_budget_the_minimum_coverage(project: Path) -> None:
    line = edit(
        project,
        "      amounts: [3000000, 3600000, 3700000]\n      total: 10300000\n",
        "      amounts: [2000000, 2000000, 3700000]\n",
    )
    [problem] = [p for p in problems(project) if p.field == "funding.lines[0].amounts"]
    assert problem.line == line
    assert (
        "the contract is budgeted at $4,000,000 over its first 2 years, less than the "
        "independent cost estimate of the minimum coverage ($4,487,056)"
    ) in problem.message


def test_funding_plan_and_buyers_file_show_the_same_estimate(tmp_path: Path) -> None:
    build_sample("durham", tmp_path, ["funding", "rfp"])
    plan = squash(html_text(tmp_path / "durham" / "funding" / "funding-plan.html"))
    buyer = squash(html_text(tmp_path / "durham" / "rfp" / "cost-estimate.html"))
    for text in (plan, buyer):
        assert "A year at full service $2,450,852 $3,599,271" in text
        assert (
            "The ceiling of $6,600,000 for the 24-month initial term pays for the minimum "
            "coverage ($4,487,056) and for the illustrated shifts ($6,578,196)."
        ) in text


def test_cost_per_response_is_one_figure_in_three_documents(tmp_path: Path) -> None:
    from genkit.funding.budget import profile_budget
    from genkit.funding.per_response import cost_per_response

    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    found = cost_per_response(profile)
    # the plan's last year, over eligible calls (40,000) x the reach target (75%)
    assert found.responses == 30000
    assert found.cost == profile_budget(profile).years[-1].cost
    figure = f"${found.value:,}"
    build_sample("durham", tmp_path, ["funding", "evaluation", "briefings"])
    bundle = tmp_path / "durham"
    plan = squash(html_text(bundle / "funding" / "funding-plan.html"))
    assert f"about {figure} of program cost per field response" in plan
    evaluation = squash(html_text(bundle / "evaluation" / "evaluation-plan.html"))
    formula = (
        f"{figure} = ${found.cost:,}, the whole program's cost in year 3 (every line of "
        "the funding plan, staff who never go out on calls included) ÷ 30,000 expected "
        "field responses a year (40,000 eligible calls a year × the target share "
        "reached, 75%)"
    )
    assert f"Expected from the funding plan: {formula}" in evaluation
    assert "Numerator: The whole program's operating cost in the period." in evaluation
    brief = squash(html_text(bundle / "briefings" / "partner-brief.en.html"))
    assert (
        f"Program cost per field response, expected: about {figure} = ${found.cost:,} "
        "(whole program, year 3) ÷ 30,000 field responses (40,000 eligible calls a year × "
        "the target share reached, 75%)."
    ) in brief
    brief_es = squash(html_text(bundle / "briefings" / "partner-brief.es.html"))
    assert f"Costo del programa por respuesta en el terreno, previsto: unos {figure}" in brief_es
    for text in (brief, brief_es):  # an expected cost, never a row of the targets table
        assert "Cost per response" not in text and f"| {figure}" not in text


def test_an_expected_cost_is_not_a_target(tmp_path: Path) -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    [choice] = [m["choice"] for m in profile.selected_metrics if m["id"] == "cost-per-response"]
    assert choice.target is None
    build_sample("durham", tmp_path, "evaluation")
    evaluation = squash(html_text(tmp_path / "durham" / "evaluation" / "evaluation-plan.html"))
    assert "Baseline: to be set. Target: to be set. Expected from the funding plan: $" in evaluation


def test_phoenix_expects_responses_from_its_call_analysis(tmp_path: Path) -> None:
    # No published counts: eligible calls a year scaled from the stored week of 2019 calls.
    from genkit.funding.budget import profile_budget
    from genkit.funding.per_response import cost_per_response

    loaded = load_profile("phoenix", SearchPath.from_cwd(REPO))
    assert loaded.profile.call_volumes is None
    assert cost_per_response(loaded.profile) is None  # nothing to divide by without the analysis
    found = cost_per_response(loaded.profile, loaded.calls_analysis)
    eligible = loaded.calls_analysis.eligible_per_year.shown
    assert found.responses == round(eligible * 0.6)
    assert found.cost == profile_budget(loaded.profile).years[-1].cost
    basis = (
        f"{eligible:,} eligible calls a year estimated from one week of 2019 calls × the "
        "target share reached, 60%"
    )
    assert found.responses_basis == basis
    build_sample("phoenix", tmp_path, ["funding", "evaluation", "briefings"])
    bundle = tmp_path / "phoenix"
    figure = f"${found.value:,}"
    for doc in ("funding/funding-plan", "evaluation/evaluation-plan", "briefings/partner-brief.en"):
        text = squash(html_text(bundle / f"{doc}.html"))
        assert figure in text and basis in text, doc


def test_without_counts_the_documents_say_why_no_figure(tmp_path: Path) -> None:
    build_sample("long-beach", tmp_path, ["funding", "evaluation", "briefings"])
    bundle = tmp_path / "long-beach"
    why = (
        "no published yearly count of the eligible calls, or of the calls teams of the size "
        "this plan pays for would answer, is available"
    )
    for doc in ("funding/funding-plan", "evaluation/evaluation-plan", "briefings/partner-brief.en"):
        assert why in squash(html_text(bundle / f"{doc}.html")), doc
    es = squash(html_text(bundle / "briefings" / "partner-brief.es.html"))
    assert "todavía no hay una cifra prevista, porque no hay una cifra anual publicada" in es
