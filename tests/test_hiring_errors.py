"""Bad staffing plans fail validation at the file, line and field to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from genkit.checks.validate import load_profile
from genkit.cli.main import main
from genkit.paths import SearchPath
from tests.helpers import PROFILE, build_town, edit, html_text, problems, squash

PEER_PAY = "      pay: {min: 49737, max: 77169}\n"


def test_pay_minimum_above_maximum(project: Path) -> None:
    line = edit(project, PEER_PAY, "      pay: {min: 97737, max: 77169}\n")
    [problem] = problems(project)
    assert problem.file.endswith("jurisdictions/town/profile.yaml")
    assert problem.line == line
    assert problem.field == "staffing.positions[0].pay.min"
    assert "above the maximum" in problem.message


def test_pay_error_through_the_cli(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = edit(project, PEER_PAY, "      pay: {min: 97737, max: 77169}\n")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["validate", "town"])
    assert result.exit_code == 1
    assert (
        f"jurisdictions/town/profile.yaml:{line}:" in result.output
        and "staffing.positions[0].pay.min: pay minimum (97,737) is above the maximum (77,169)"
        in result.output
    )
    assert "Traceback" not in result.output


def test_unknown_library_role(project: Path) -> None:
    line = edit(project, "      role: peer-support-specialist\n", "      role: peer-supporter\n")
    [problem] = problems(project)
    assert (problem.line, problem.field) == (line, "staffing.positions[0].role")
    assert "no role 'peer-supporter' in the role library" in problem.message
    assert "peer-support-specialist" in problem.message  # the known roles are listed


def test_position_without_role_must_define_everything(project: Path) -> None:
    edit(project, "      role: care-navigator\n", "")
    found = {p.field: p for p in problems(project)}
    for name in (
        "summary",
        "duties",
        "minimum_qualifications",
        "working_conditions",
        "competencies",
    ):
        assert f"staffing.positions[4].{name}" in found, name
        assert "not built on a library role" in found[f"staffing.positions[4].{name}"].message


def test_fte_must_be_positive(project: Path) -> None:
    line = edit(project, "      fte: 12\n", "      fte: 0\n")
    [problem] = problems(project)
    assert (problem.line, problem.field) == (line, "staffing.positions[0].fte")
    assert "greater than 0" in problem.message


def test_shift_outside_program_hours(project: Path) -> None:
    line = edit(
        project,
        '          - {start: "09:00", end: "21:00"}\n',
        '          - {start: "06:00", end: "18:00"}\n',
    )
    [problem] = problems(project)
    assert (problem.line, problem.field) == (line, "staffing.positions[0].schedule.shifts[0]")
    assert "outside the program's hours" in problem.message


def test_scenario_names_an_unknown_call_type(project: Path) -> None:
    line = edit(project, "call_type: trespass}", "call_type: loitering}")
    found = problems(project)
    assert any(
        p.field == "staffing.scenarios[1].call_type"
        and p.line == line
        and "no call type 'loitering'" in p.message
        for p in found
    )


def test_competency_needs_a_linked_scenario(project: Path) -> None:
    # With only the welfare-check scene linked, some competencies have no question that fits.
    path = project / "jurisdictions" / "town" / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    - {scenario: sleeping-in-doorway")
    end = text.index("  benefits:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems(project)
    assert any(
        p.field.endswith(".competencies") and "needs one of these scenarios" in p.message
        for p in found
    )


def test_unknown_competency(project: Path) -> None:
    edit(project, "      role: emt\n", "      role: emt\n      add_competencies: [juggling]\n")
    found = problems(project)
    assert any(
        p.field == "staffing.positions[2].add_competencies"
        and "no competency 'juggling'" in p.message
        for p in found
    )


def test_profile_can_add_a_role_to_the_library(project: Path) -> None:
    edit(
        project,
        "staffing:\n",
        """staffing:
  role_library:
    outreach-worker:
      title: Outreach Worker
      summary: You find people where they are and offer help.
      duties: [Walk the service area and meet people sleeping outside]
      minimum_qualifications: [One year of outreach work]
      working_conditions: [Field work in all weather]
      competencies: [trauma-informed-engagement, resource-linkage, de-escalation, teamwork,
                     resilience]
""",
    )
    edit(project, "      role: care-navigator\n", "      role: outreach-worker\n")
    loaded = load_profile("town", SearchPath.from_cwd(project)).profile
    position = loaded.staffing.positions[4]
    job = loaded.staffing.job(position, loaded.program)
    assert job.role.duties == ["Walk the service area and meet people sleeping outside"]
    assert [i.id for i in job.interview][0] == "trauma-informed-engagement"
    # Library roles are still there.
    assert "peer-support-specialist" in loaded.staffing.role_library


def test_an_anchor_marking_down_what_the_decision_tree_asks_is_refused(project: Path) -> None:
    # The weapon scene may become the excluded call that the decision tree sends to police; a
    # low anchor that marks down calling police would punish following the tree.
    line = edit(
        project,
        "staffing:\n",
        "staffing:\n  competency_library:\n"
        "    safety-awareness:\n      anchors:\n        low: Would call police to the "
        "scene before trying to calm it.\n",
    )
    [problem] = problems(project)
    assert problem.field == "staffing.competency_library.safety-awareness.anchors.low"
    assert problem.line == line + 4
    assert "marks down calling police" in problem.message and "'weapon'" in problem.message


def test_interview_rules_are_checked(project: Path) -> None:
    line = edit(
        project,
        "  interview: {cut_score: 3, knock_out_at: 1}\n",
        "  interview: {cut_score: 6, knock_out_at: 1, knock_out_competencies: [safety]}\n",
    )
    found = {p.field: p for p in problems(project)}
    assert found["staffing.interview.cut_score"].line == line
    assert "less than or equal to 5" in found["staffing.interview.cut_score"].message


CLINICIAN_LICENSE = "        - Full North Carolina clinical license (LCSW, LCMHC or LMFT)\n"
LICENSE = "Full North Carolina clinical license (LCSW, LCMHC or LMFT)"
TRAINING = "  training:\n    weeks: 8\n"


def test_a_license_due_after_probation_is_refused_at_its_line(project: Path) -> None:
    edit(project, "  training:\n    weeks: 8\n", f"  probation_months: 12\n{TRAINING}")
    line = edit(
        project,
        CLINICIAN_LICENSE,
        f'        - {{name: "{LICENSE}", within_months: 18, at_hire: license-eligible}}\n',
    )
    found = [p for p in problems(project) if p.field.endswith("certifications[0]")]
    assert len(found) == 1, found
    problem = found[0]
    assert problem.file.endswith(str(PROFILE)) and problem.line == line
    assert problem.field == "staffing.positions[1].certifications[0]"
    assert "due within 18 months of hire, after the 12-month probation" in problem.message


def test_a_license_due_within_probation_shows_its_timing(project: Path) -> None:
    edit(project, "  training:\n    weeks: 8\n", f"  probation_months: 12\n{TRAINING}")
    edit(
        project,
        CLINICIAN_LICENSE,
        f'        - {{name: "{LICENSE}", within_months: 12, at_hire: license-eligible}}\n',
    )
    out = build_town(project, "job_descriptions", out="out").out_dir
    text = squash(html_text(out / "job_descriptions" / "crisis-response-clinician.html"))
    assert f"{LICENSE}: needed within 12 months of hire; at hire, license-eligible" in text
    assert "Valid driver's license and an acceptable driving record: needed at hire" in text
    assert (
        "CPR and first aid certification: earned in the paid pre-service training, before "
        "the first shift alone"
    ) in text
    assert "The probation period is 12 months" in text


def test_a_certification_earned_in_training_needs_a_training_period(project: Path) -> None:
    # Without staffing.training, a position no curriculum trains has no training to earn it in.
    path = project / "jurisdictions" / "town" / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  training:\n    weeks: 8\n")
    end = text.index("\n  ", text.index("    topics:\n", start) + 12)
    while text[end + 1 : end + 5] == "    ":  # skip the topics list
        end = text.index("\n", end + 1)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    edit(
        project,
        "    - id: care-navigator\n",
        "    - id: care-navigator\n"
        "      add_certifications: [{name: Naloxone training, after_training: true}]\n",
    )
    found = {p.field: p.message for p in problems(project)}
    field = next(f for f in found if f.endswith("add_certifications[0]"))
    assert "no training.curricula entry trains" in found[field]
