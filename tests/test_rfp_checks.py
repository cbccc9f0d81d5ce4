"""RFP rules: each bad input fails before anything is written, with file:line and a sentence."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from genkit.checks.validate import load_profile
from genkit.cli.main import main
from genkit.paths import SearchPath
from tests.helpers import edit, line_of, problems

REPO = Path(__file__).resolve().parent.parent


def test_sample_profile_is_valid(project: Path) -> None:
    assert load_profile("town", SearchPath.from_cwd(project)).profile.procurement is not None


def test_weights_summing_to_99_fail(project: Path) -> None:
    edit(project, "        weight: 40\n", "        weight: 39\n")
    [problem] = problems(project)
    assert problem.field == "procurement.evaluation.criteria"
    assert problem.line == line_of(project, "  criteria:")
    assert problem.message == (
        "the evaluation weights add up to 99, not 100 (Program design and approach 39, "
        "Organizational capacity and experience 30, Community knowledge and cultural "
        "responsiveness 10, Understanding of the need 10, Cost and effective use of funds 10); "
        "change them so that they total 100"
    )


def test_out_of_order_date_fails(project: Path) -> None:
    edit(project, "    answers_posted: 2026-03-26\n", "    answers_posted: 2026-03-18\n")
    [problem] = problems(project)
    assert (problem.file, problem.line) == (
        "jurisdictions/town/profile.yaml",
        line_of(project, "answers_posted:"),
    )
    assert problem.field == "procurement.timeline.answers_posted"
    assert problem.message.startswith(
        "answers posted (18 March 2026) must come after written questions due (19 March 2026); "
        "the dates must run in this order: RFP released, pre-proposal conference, written "
        "questions due, answers posted, proposals due"
    )
    assert str(problem).startswith("jurisdictions/town/profile.yaml:")


def test_a_range_must_end_before_the_next_step(project: Path) -> None:
    edit(
        project,
        "    panel_review: {date: 2026-04-13, end: 2026-04-24}",
        "    panel_review: {date: 2026-04-13, end: 2026-05-05}",
    )
    [problem] = problems(project)
    assert problem.field == "procurement.timeline.interviews"
    assert "(4 May 2026) must come after evaluation panel review (5 May 2026)" in problem.message


def test_standard_naming_no_metric_fails(project: Path) -> None:
    edit(project, "    - {metric: follow-up-on-time}\n", "    - {metric: backup-rat}\n")
    [problem] = problems(project)
    assert problem.line == line_of(project, "{metric: backup-rat}")
    assert problem.field == "procurement.performance_standards[2].metric"
    tracked = [m.id for m in load_profile("durham", SearchPath.from_cwd(REPO)).profile.metrics]
    assert problem.message == (
        "no metric 'backup-rat' among the metrics this profile tracks (metrics: "
        f"{', '.join(tracked)})"
    )


def test_standard_on_a_library_metric_not_chosen_says_how_to_fix(project: Path) -> None:
    edit(project, "    - {metric: follow-up-on-time}\n", "    - {metric: training-hours}\n")
    [problem] = problems(project)
    assert problem.message.endswith(
        "; it is in metric_library, so add it under metrics with a target"
    )


def test_standard_without_a_metric_is_required(project: Path) -> None:
    edit(project, "    - {metric: follow-up-on-time}\n", "    - {note: no metric here}\n")
    [problem] = problems(project)
    assert problem.field == "procurement.performance_standards[2].metric"
    assert problem.message == "is required but missing"


def test_budget_ceiling_must_be_positive(project: Path) -> None:
    edit(project, "  budget_ceiling: 6600000\n", "  budget_ceiling: -5\n")
    [problem] = problems(project)
    assert problem.field == "procurement.budget_ceiling"
    assert problem.message == "the budget ceiling must be more than $0 (it is -5)"


def test_too_few_days_between_release_and_deadline(project: Path) -> None:
    edit(
        project,
        '    proposals_due: {date: 2026-04-02, time: "14:00"}',
        '    proposals_due: {date: 2026-03-30, time: "14:00"}',
    )
    [problem] = problems(project)
    assert problem.field == "procurement.timeline.proposals_due"
    assert problem.message == (
        "proposals are due 28 days after release; this profile allows no fewer than 30 days "
        "(min_days_open), so move the deadline to 1 April 2026 or later"
    )


def test_shifts_must_cover_the_service_hours(project: Path) -> None:
    edit(
        project,
        '{name: Day shift, start: "09:00", end: "21:00", teams: 2}',
        '{name: Day shift, start: "10:00", end: "21:00", teams: 2}',
    )
    [problem] = problems(project)
    assert problem.field == "procurement.staffing.shifts"
    assert problem.message == (
        "the shifts leave fewer than 2 teams on duty from 9 am to 10 am, but the service hours "
        "are 9 am to midnight, every day (15 hours a day); add a shift or teams, or lower "
        "minimum_teams"
    )


def test_overnight_shifts_cover_round_the_clock_hours(project: Path) -> None:
    edit(
        project,
        '    days: [mon, tue, wed, thu, fri, sat, sun]\n    start: "09:00"\n    end: "24:00"\n',
        "    always: true\n",
    )
    edit(
        project,
        '      - {name: Day shift, start: "09:00", end: "21:00", teams: 2}\n'
        '      - {name: Evening shift, start: "12:00", end: "24:00", teams: 2}\n',
        '      - {name: Day, start: "07:00", end: "19:00", teams: 2}\n'
        '      - {name: Night, start: "19:00", end: "06:00", teams: 2}\n',
    )
    [problem] = problems(project)
    assert problem.message.startswith(
        "the shifts leave fewer than 2 teams on duty from 6 am to "
        "7 am, but the service hours are 24 hours a day"
    )


def test_response_time_must_agree_with_the_program(project: Path) -> None:
    edit(
        project,
        "  follow_up_hours: 48\n",
        "  follow_up_hours: 48\n  response_time_target_min: 25\n",
    )
    [problem] = problems(project)
    tracked = [m.id for m in load_profile("durham", SearchPath.from_cwd(REPO)).profile.metrics]
    assert problem.field == f"metrics[{tracked.index('response-time')}].target"
    assert "differs from program.response_time_target_min (25)" in problem.message


def test_every_problem_is_reported_and_nothing_is_written(project: Path, monkeypatch) -> None:
    edit(project, "        weight: 40\n", "        weight: 39\n")
    edit(project, "    answers_posted: 2026-03-26\n", "    answers_posted: 2026-03-18\n")
    edit(project, "    - {metric: follow-up-on-time}\n", "    - {metric: backup-rat}\n")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "town", "--out", "out"])
    assert result.exit_code == 1
    assert "3 problems found; nothing was written." in result.output
    assert "Traceback" not in result.output
    assert not (project / "out").exists()


def test_a_profile_without_procurement_builds_without_an_rfp(project: Path, monkeypatch) -> None:
    path = project / "jurisdictions" / "town" / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nprocurement:\n")
    end = re.compile(r"^\S", re.M).search(text, start + len("\nprocurement:\n")).start() - 1
    tail = text.index("\nsources:\n")
    kept = [line for line in text[tail:].splitlines(keepends=True) if "procurement." not in line]
    text = text[:start] + text[end:tail] + "".join(kept)
    # Durham's training protocol takes its weeks, refresher hours and dates from the RFP, so
    # without one the profile would have to state them; this profile has no protocol either.
    start = text.index("\ntraining:\n")
    end = re.compile(r"^\S", re.M).search(text, start + len("\ntraining:\n")).start() - 1
    kept = [line for line in text[end:].splitlines(keepends=True) if "training." not in line]
    path.write_text(text[:start] + "".join(kept), encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "town", "--out", "out", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert (project / "out" / "town" / "worksheets" / "stakeholder-worksheet.html").is_file()
    assert not (project / "out" / "town" / "rfp").exists()
    result = CliRunner().invoke(main, ["build", "town", "--out", "out", "--only", "rfp"])
    assert result.exit_code == 1
    assert "'rfp/rfp' needs procurement in the profile of 'town'" in result.output


def test_first_shift_must_fit_the_readiness_period(project: Path) -> None:
    edit(project, "  readiness_days: 90\n", "  readiness_days: 60\n")
    [problem] = problems(project)
    assert problem.field == "procurement.timeline.service_start"
    assert problem.message == (
        "the first shift (28 September 2026) is 89 days after the contract start, but "
        "readiness_days gives the contractor 60; make them agree"
    )


def test_first_phase_must_start_with_the_first_shift(project: Path) -> None:
    edit(project, "      from_month: 3\n", "      from_month: 2\n")
    [problem] = problems(project)
    assert problem.field == "procurement.phases[0].from_month"
    assert problem.message == (
        "the first phase starts in month 2, but the first shift (28 September 2026) falls in "
        "month 3 of the contract; make them agree"
    )


def test_contact_email_and_deadline_time_are_checked(project: Path) -> None:
    edit(project, "    email: heart-rfp@example.org\n", "    email: heart-rfp\n")
    edit(
        project,
        'questions_due: {date: 2026-03-19, time: "17:00"}',
        'questions_due: {date: 2026-03-19, time: "5pm"}',
    )
    found = {p.field: p.message for p in problems(project)}
    assert found["procurement.contact.email"] == (
        "'heart-rfp' is not an email address such as name@example.org"
    )
    assert found["procurement.timeline.questions_due.time"].startswith("'5pm' is not a time of day")


def test_a_bad_date_in_the_short_form_is_located(project: Path) -> None:
    edit(project, "    answers_posted: 2026-03-26\n", "    answers_posted: 2026-02-30\n")
    [problem] = problems(project)
    assert problem.line == line_of(project, "answers_posted:")
    assert problem.field.startswith("procurement.timeline.answers_posted")
