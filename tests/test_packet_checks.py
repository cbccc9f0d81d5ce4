"""Packet rules: criteria map onto proposal parts, rubric labels differ, payment is complete."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import edit, line_of, problems


def test_a_criterion_scoring_no_part_is_refused_at_its_line(project: Path) -> None:
    edit(project, "        scores: [approach]\n", "")
    [problem] = problems(project)
    assert problem.field == "procurement.evaluation.criteria[3]"
    assert problem.line == line_of(project, "      - id: need")
    assert problem.message.startswith(
        "'Understanding of the need' names no proposal part it scores; add scores:"
    )


def test_a_part_no_criterion_scores_is_refused(project: Path) -> None:
    edit(project, "        scores: [community-plan]\n", "        scores: [approach]\n")
    [problem] = problems(project)
    assert problem.field == "procurement.submission.parts[4]"
    assert problem.message == (
        "no evaluation criterion scores the part 'Community engagement plan'; name "
        "'community-plan' under a criterion's scores:, or drop the part"
    )


def test_an_unknown_part_is_refused_at_the_list_entry(project: Path) -> None:
    edit(project, "        scores: [experience]\n", "        scores: [experience, budget]\n")
    [problem] = problems(project)
    assert problem.field == "procurement.evaluation.criteria[1].scores[1]"
    assert problem.line == line_of(project, "scores: [experience, budget]")
    assert problem.message.startswith("'budget' is not a proposal part; the parts are approach,")


def test_two_rubric_levels_with_one_label_are_refused(project: Path) -> None:
    edit(
        project,
        "    finalists: 3\n",
        "    finalists: 3\n    scale:\n"
        "      - {score: 2, label: Poor, meaning: Real gaps.}\n"
        "      - {score: 1, label: Poor, meaning: Barely there.}\n"
        "      - {score: 0, label: Unacceptable, meaning: Missing.}\n",
    )
    [problem] = problems(project)
    assert problem.field == "procurement.evaluation.scale[1].label"
    assert problem.message == (
        "scores 2 and 1 are both labeled 'Poor'; give each level its own label"
    )


def test_the_default_rubric_has_distinct_labels() -> None:
    from genkit.model.procurement import DEFAULT_SCALE

    labels = [level.label for level in DEFAULT_SCALE]
    assert len(set(labels)) == len(labels)


def test_a_unit_rate_needs_its_unit(project: Path) -> None:
    edit(project, "    basis: cost_reimbursement\n", "    basis: unit_rate\n")
    [problem] = problems(project)
    assert problem.field == "procurement.payment.basis"
    assert "needs the unit it pays for" in problem.message
