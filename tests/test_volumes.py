"""Call volumes: figures of one period agree, are derived rather than typed twice, and every
document quotes the same set."""

from __future__ import annotations

from pathlib import Path

from genkit.checks.validate import load_profile
from genkit.model.volumes import VolumeSet
from genkit.paths import SearchPath
from tests.helpers import build_sample, edit, html_text, line_of, problems, squash

REPO = Path(__file__).resolve().parent.parent


def test_two_figures_give_the_other_two() -> None:
    item = VolumeSet(id="a", period="a year", definition="calls", missed=20000, reach_rate=0.5)
    assert item.value("eligible") == 40000
    assert item.value("reached") == 20000
    assert item.formula("eligible") == "missed ÷ (1 − reach rate)"
    assert item.formula("missed") is None  # typed, so published


def test_durham_metrics_take_their_baselines_from_the_set_in_use() -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    by_id = {m["id"]: m["choice"] for m in profile.selected_metrics}
    assert by_id["eligible-calls"].baseline == 40000
    assert by_id["missed-eligible"].baseline == 20000
    # missed at the reach target: eligible x (1 - 0.75), never worse than the baseline
    assert by_id["missed-eligible"].target == 10000
    assert by_id["missed-eligible"].target <= by_id["missed-eligible"].baseline


def test_more_missed_than_eligible_fails_at_its_line(project: Path) -> None:
    edit(project, "      eligible: 18710\n", "      eligible: 18710\n      missed: 20000\n")
    [problem] = problems(project)
    assert problem.field == "call_volumes.sets[1].missed"
    assert problem.line == line_of(project, "18710") + 1
    assert problem.message.startswith("missed (20,000) is more than the eligible calls (18,710)")


def test_three_figures_that_disagree_fail(project: Path) -> None:
    edit(project, "      reach_rate: 0.5\n", "      reach_rate: 0.5\n      eligible: 30000\n")
    [problem] = problems(project)
    assert problem.field == "call_volumes.sets[0].eligible"
    assert problem.line == line_of(project, "      eligible: 30000")
    assert "the set's other figures give 40,000 (missed ÷ (1 − reach rate))" in problem.message


def test_a_typed_baseline_of_a_volume_metric_is_refused(project: Path) -> None:
    edit(project, '  - {id: "eligible-calls"}', '  - {id: "eligible-calls", baseline: 18710}')
    [problem] = problems(project)
    assert problem.field == "metrics[0].baseline"
    assert problem.line == line_of(project, '{id: "eligible-calls", baseline: 18710}')
    assert "comes from call_volumes (set 'status-2025': 40,000)" in problem.message


def test_a_target_worse_than_its_baseline_fails(project: Path) -> None:
    edit(
        project,
        '{id: "share-eligible-handled", target: 0.75}',
        '{id: "share-eligible-handled", target: 0.4}',
    )
    [problem] = problems(project)
    assert problem.field == "metrics[2].target"
    assert problem.line == line_of(project, "target: 0.4}")
    assert problem.message == (
        "the target of share-eligible-handled (40.0%) is worse than its "
        "baseline (50.0%); higher is better for this metric"
    )


def test_the_set_in_use_must_exist(project: Path) -> None:
    edit(project, "  use: status-2025\n", "  use: status-2024\n")
    [problem] = problems(project)
    assert problem.field == "call_volumes.use"
    assert problem.line == line_of(project, "  use: status-2024")


def test_a_sample_set_needs_a_source(project: Path) -> None:
    edit(project, "  call_volumes.sets[1]: [durham-faq]\n", "")
    [problem] = problems(project)
    assert problem.field == "call_volumes.sets[1]"
    assert "cite this set's sources" in problem.message


def test_rfp_and_evaluation_plan_quote_the_same_set(tmp_path: Path) -> None:
    build_sample("durham", tmp_path, ["rfp", "evaluation"])
    bundle = tmp_path / "durham"
    rfp = squash(html_text(bundle / "rfp" / "rfp.html"))
    plan = squash(html_text(bundle / "evaluation" / "evaluation-plan.html"))
    for text in (rfp, plan):
        assert "Eligible for the teams 40,000 worked out: missed ÷ (1 − reach rate)" in text
        assert "18,710 eligible calls over a year" in text  # the other count, named
    assert "Eligible calls missed Volume and reach CAD monthly 20,000 10,000" in plan
