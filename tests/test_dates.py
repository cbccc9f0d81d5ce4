"""Dates that follow the program: plans of future work never start in the past, and the
operating agreement is in force before pre-service training starts."""

from __future__ import annotations

from pathlib import Path

from genkit.checks.validate import load_profile
from genkit.model.dates import agreement_effective, evaluation_anchor
from genkit.paths import SearchPath
from tests.helpers import edit, problems

REPO = Path(__file__).resolve().parent.parent


def test_durham_dates_follow_the_contract() -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    when, name = evaluation_anchor(profile)
    assert (str(when), name) == ("2026-09-28", "the first shift of the contracted teams")
    assert str(agreement_effective(profile)) == "2026-07-01"  # the contract start
    assert agreement_effective(profile) <= profile.training.start


def test_an_agreement_after_training_starts_is_refused(project: Path) -> None:
    # Training before the contract, and an agreement dated between the two: the agreement's
    # own date is the one to move. (A date after the contract start is refused by
    # checks/agreement.py, tested in test_agreement.py.)
    edit(project, "  start: 2026-07-27\n", "  start: 2026-06-15\n")
    line = edit(project, "  effective: 2026-07-01\n", "  effective: 2026-06-20\n")
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("agreement.effective", line)
    assert problem.message.startswith(
        "the agreement takes effect 20 June 2026, after pre-service training starts (15 June 2026)"
    )


def test_training_before_the_contract_is_refused(project: Path) -> None:
    line = edit(project, "  start: 2026-07-27\n", "  start: 2026-06-15\n")
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("training.start", line)
    assert "before the contract and the operating agreement start (1 July 2026)" in problem.message


def test_an_evaluation_milestone_in_the_past_is_refused(project: Path) -> None:
    # Checked on 26 April 2025: a first shift in 2024 puts the plan's first year in the past.
    edit(project, "    service_start: 2026-09-28\n", "    service_start: 2024-01-02\n")
    found = [p for p in problems(project) if p.field.startswith("evaluation.timeline")]
    assert found and found[0].message.startswith("the evaluation milestone '")
    assert "before the facts were checked (as_of: 26 April 2025)" in found[0].message


def test_an_rfp_released_before_the_profile_date_is_refused(project: Path) -> None:
    line = edit(project, "as_of: 2025-04-26", "as_of: 2026-04-26")
    found = [p for p in problems(project) if p.field == "procurement.timeline.release"]
    assert found and "the RFP's release falls in 2 March 2026" in found[0].message
    assert line == 7
