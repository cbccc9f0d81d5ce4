"""The training protocol: each check at its file and line, and one rendered protocol."""

from __future__ import annotations

from pathlib import Path

import pytest

from genkit.checks.validate import load_profile
from genkit.paths import SearchPath
from tests.conftest import REPO
from tests.helpers import build_town, edit, html_text, problems_by_field, squash

PROFILE = "jurisdictions/town/profile.yaml"
PEER = "    - position: peer-support-specialist\n"
MODULES = (
    "      modules: [dispatch-orientation, decision-tree, scene-safety, de-escalation, "
    "trauma-informed-care, suicide-risk, substance-use, local-resources, "
    "documentation-privacy, radio-vehicle, scenario-training, peer-practice, "
    "supervised-shifts]\n"
)
SCENES = "[mental-health-crisis, suicide-threat, welfare-check"


def test_a_call_type_no_module_covers(project: Path) -> None:
    edit(project, "{covers: [suicide-threat], course:", "{course:")
    edit(project, SCENES, SCENES.replace(" suicide-threat,", ""))
    line = edit(project, "{id: suicide-threat,", "{id: suicide-threat,")
    [problem] = problems_by_field(project).values()
    assert (problem.field, problem.line) == ("program.call_types[1].id", line)
    assert "covers call type 'suicide-threat'" in problem.message


def test_an_exclusion_no_module_covers(project: Path) -> None:
    edit(project, "[weapon, violence, medical-emergency]", "[weapon, violence]")
    edit(project, "[intoxicated-person, medical-emergency]", "[intoxicated-person]")
    line = edit(project, "{id: medical-emergency,", "{id: medical-emergency,")
    [problem] = problems_by_field(project).values()
    assert (problem.field, problem.line) == ("program.exclusions[2].id", line)
    assert "exclusion 'medical-emergency'" in problem.message


def test_a_module_only_an_untaught_module_covers_does_not_count(project: Path) -> None:
    # suicide-risk still lists suicide-threat, but no curriculum teaches suicide-risk.
    text = (project / PROFILE).read_text(encoding="utf-8")
    (project / PROFILE).write_text(
        text.replace(" suicide-risk, substance-use", " substance-use"), encoding="utf-8"
    )
    edit(project, SCENES, SCENES.replace(" suicide-threat,", ""))
    found = problems_by_field(project)
    assert "program.call_types[1].id" in found
    # and the four curricula are now 16 hours short of their eight weeks
    assert "hours" in found["training.curricula[0].modules"].message


def test_hours_must_fill_the_stated_weeks(project: Path) -> None:
    edit(project, PEER, PEER + "      weeks: 9\n")
    line = edit(project, MODULES, MODULES, after=PEER)
    [problem] = problems_by_field(project).values()
    assert (problem.field, problem.line) == ("training.curricula[0].modules", line)
    assert (
        "the modules add up to 320 hours (204 classroom, 116 field), but 9 weeks "
        "(training.curricula[0].weeks) at 40 hours a week"
    ) in problem.message


def test_weeks_come_from_the_rfp_and_a_changed_rfp_is_caught(project: Path) -> None:
    edit(project, "    pre_service_weeks: 8\n", "    pre_service_weeks: 4\n")
    line = edit(project, MODULES, MODULES, after=PEER)
    found = problems_by_field(project)
    assert found["training.curricula[0].modules"].line == line
    assert "4 weeks (procurement.training.pre_service_weeks)" in (
        found["training.curricula[0].modules"].message
    )


def test_fewer_weeks_than_the_rfp_requires(project: Path) -> None:
    line = edit(project, PEER, PEER + "      weeks: 5\n") + 1
    found = problems_by_field(project)
    assert found["training.curricula[0].weeks"].line == line
    assert "less than the 8 weeks" in found["training.curricula[0].weeks"].message


def test_training_must_end_before_the_first_shift(project: Path) -> None:
    line = edit(project, "  start: 2026-07-27\n", "  start: 2026-09-01\n")
    [problem] = problems_by_field(project).values()
    assert (problem.field, problem.line) == ("training.start", line)
    assert (
        "starts 1 September 2026 and takes 8 weeks, so it ends 26 October 2026, not before "
        "the first shift on 28 September 2026"
    ) in problem.message


def test_refresher_hours_are_the_rfps(project: Path) -> None:
    line = (
        edit(
            project,
            "  start: 2026-07-27\n",
            "  start: 2026-07-27\n  refresher: {hours_per_year: 24}\n",
        )
        + 1
    )
    [problem] = problems_by_field(project).values()
    assert (problem.field, problem.line) == ("training.refresher.hours_per_year", line)
    assert "the RFP requires 40 (procurement.training.annual_hours)" in problem.message


def test_unknown_position_and_module(project: Path) -> None:
    line = edit(project, PEER, "    - position: peer-supporter\n")
    edit(
        project,
        "[dispatch-orientation, decision-tree,",
        "[dispatch-orientation, decision-trees,",
        after=PEER.replace("peer-support-specialist", "crisis-response-clinician"),
    )
    found = problems_by_field(project)
    assert found["training.curricula[0].position"].line == line
    assert "no position 'peer-supporter'" in found["training.curricula[0].position"].message
    assert "no module 'decision-trees'" in found["training.curricula[1].modules[1]"].message


# ---- the rendered protocol ----------------------------------------------------------------


def _render(project: Path, position: str = "advanced-emt") -> str:
    out = build_town(project, "training", out="out").out_dir
    return squash(html_text(out / "training" / f"{position}.html"))


def _add_a_week(project: Path) -> None:
    """Seven weeks in the RFP and a 40-hour module, taught to everyone, to fill the seventh."""
    edit(project, "    pre_service_weeks: 8\n", "    pre_service_weeks: 9\n")
    edit(
        project,
        "    substance-use: {covers: [intoxicated-person, medical-emergency]}\n",
        "    substance-use: {covers: [intoxicated-person, medical-emergency]}\n"
        "    de-escalation-extra: {title: Extra role-play, summary: More scenes., "
        "classroom_hours: 40, delivered_by: Instructor, sign_off: Passes}\n",
    )
    text = (project / PROFILE).read_text(encoding="utf-8")
    (project / PROFILE).write_text(
        text.replace(", supervised-shifts]", ", supervised-shifts, de-escalation-extra]"),
        encoding="utf-8",
    )


def test_protocol_is_drawn_from_the_programs_own_facts(project: Path) -> None:
    text = _render(project)
    assert "Training protocol: Advanced EMT" in text
    # hours and dates: the RFP's eight weeks at 40 hours, ending before its first shift
    assert "320 hours over 8 weeks of 40 hours" in text
    assert "204 hours" in text and "116 hours" in text
    assert "27 July 2026 to 20 September 2026" in text
    assert "28 September 2026" in text and "40 hours a year" in text
    # call types, exclusions with where they go, team, decision tree and partners by name
    assert "Calls the team takes: trespass; panhandling; indecent exposure" in text
    assert "violence in progress or a threat to others, which goes to police" in text
    assert "EMT (this position)" in text
    assert "Is a weapon mentioned or seen?" in text
    assert "Alliance Health" in text
    assert "4 in the field. Taught by: EMT instructor with a harm-reduction partner" in text
    assert "Signed off when: demonstrates naloxone use" in text


def test_sign_off_sheet_has_a_field_per_module(project: Path) -> None:
    _render(project)
    page = (project / "out" / "town" / "training" / "advanced-emt.html").read_text("utf-8")
    assert page.count('<input type="text" name="modules_') == 13 * 2  # date, initials
    # the standard met or not, a radio group per module whose values are the two codes
    assert page.count('<input type="radio" name="modules_') == 13 * 2
    assert page.count('value="met"') == 13 and page.count('value="not yet met"') == 13
    assert 'name="final_' in page and 'name="trainee_' in page


ROLE_TOPICS = {  # what each role learns that the others do not
    "peer-support-specialist": "self-disclosure",
    "crisis-response-clinician": "involuntary commitment",
    "advanced-emt": "medical director",
    "community-response-supervisor": "incident review",
}


def test_each_role_learns_what_the_others_do_not(project: Path) -> None:
    texts = {position: _render(project, position) for position in ROLE_TOPICS}
    for position, topic in ROLE_TOPICS.items():
        others = [p for p in ROLE_TOPICS if p != position]
        assert topic in texts[position], position
        assert not any(topic in texts[p] for p in others), (position, topic)
    for position, text in texts.items():
        # every role gets scenario training with actors and outcomes to reach
        assert "Scenario training with actors" in text, position
        assert "By the end of the module the trainee" in text, position
        # the recognized courses the profile names, and whose staff it trains
        assert "Applied Suicide Intervention Skills Training (ASIST)" in text
        assert "Mental Health First Aid" in text
        assert "City of Durham's own staff" in text
    assert "Certified Peer Support Specialist (NCCPSS)" in texts["peer-support-specialist"]
    assert "signs the final sign-off" in texts["community-response-supervisor"]
    assert "the program manager" in texts["community-response-supervisor"]


def test_a_longer_curriculum_shows_everywhere(project: Path) -> None:
    # A seventh week (in the RFP, with a new module to fill it) moves the totals, the
    # schedule and the sheet.
    _add_a_week(project)
    edit(project, "  start: 2026-07-27\n", "  start: 2026-07-20\n")
    text = _render(project)
    assert "360 hours over 9 weeks of 40 hours" in text
    assert "14. Extra role-play" in text and "All modules 360" in text


def test_a_changed_rfp_figure_rebuilds_the_protocol(project: Path) -> None:
    # The protocol takes the refresher hours from the RFP through Python (Training.plan): the
    # read must be recorded, or the next build would keep the old figure.
    assert "40 hours a year" in _render(project)
    edit(project, "    annual_hours: 40\n", "    annual_hours: 36\n")
    assert "36 hours of refresher training a year" in _render(project)


def test_job_description_takes_its_training_from_the_protocol(project: Path) -> None:
    _add_a_week(project)
    edit(project, "  start: 2026-07-27\n", "  start: 2026-07-20\n")
    out = build_town(project, "job_descriptions", out="out").out_dir
    emt = squash(html_text(out / "job_descriptions" / "advanced-emt.html"))
    assert "paid training period of 9 weeks (360 hours, 116 of them on supervised" in emt
    assert "supervised field shifts and extra role-play." in emt
    # a position the protocol does not train keeps staffing.training's own wording
    boss = squash(html_text(out / "job_descriptions" / "care-navigator.html"))
    assert "paid training period of 8 weeks before working alone" in boss


def test_phoenix_field_lead_and_caseworker_train_differently(built) -> None:
    folder = built("phoenix", "training") / "training"
    caseworker = squash(html_text(folder / "caseworker-ii.html"))
    lead = squash(html_text(folder / "caseworker-iii.html"))
    assert "commitment law" in caseworker and "commitment law" not in lead
    assert "Leading the team" in lead and "Leading the team" not in caseworker
    for text in (caseworker, lead):
        assert "Scenario training with actors" in text
        assert "320 hours over 8 weeks of 40 hours" in text


# The module each sample's trained positions take that its other positions do not.
SAMPLE_ROLE_MODULES = {
    "durham": {
        "peer-support-specialist": "peer-practice",
        "crisis-response-clinician": "clinical-practice",
        "advanced-emt": "emt-practice",
        "community-response-supervisor": "supervisor-practice",
    },
    "harris-county": {
        "crisis-intervention-specialist": "clinical-practice",
        "licensed-emt": "emt-practice",
    },
    "long-beach": {
        "crisis-intervention-specialist": "clinical-practice",
        "public-health-nurse": "nursing-practice",
        "peer-navigator": "peer-practice",
    },
    "philadelphia": {"cirt-clinician": "clinical-practice"},
    "phoenix": {"caseworker-ii": "clinical-practice", "caseworker-iii": "supervisor-practice"},
}


@pytest.mark.parametrize("sample", sorted(SAMPLE_ROLE_MODULES))
def test_every_sample_trains_each_role_in_its_own_practice(sample: str) -> None:
    training = load_profile(sample, SearchPath.from_cwd(REPO)).profile.training
    expected = SAMPLE_ROLE_MODULES[sample]
    # every curriculum of the sample is listed, so a new one must say what its role learns
    assert {c.position for c in training.curricula} == set(expected)
    for curriculum in training.curricula:
        own = expected[curriculum.position]
        assert own in curriculum.modules, (sample, curriculum.position)
        others = [c for c in training.curricula if c is not curriculum]
        assert not any(own in c.modules for c in others), (sample, own)
        module = training.module_library[own]
        assert module.outcomes and module.hours > 0, (sample, own)


@pytest.mark.parametrize("sample", ["harris-county", "long-beach", "philadelphia"])
def test_rendered_protocols_differ_by_role(built, sample: str) -> None:
    training = load_profile(sample, SearchPath.from_cwd(REPO)).profile.training
    folder = built(sample, "training") / "training"
    texts = {
        c.position: squash(html_text(folder / f"{c.position}.html")) for c in training.curricula
    }
    for position, module_id in SAMPLE_ROLE_MODULES[sample].items():
        title = squash(training.module_library[module_id].title)
        assert title in texts[position], (sample, position)
        assert not any(title in text for p, text in texts.items() if p != position)
