"""Profiles: every sample validates; every mistake is reported with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from genkit.checks.validate import load_profile
from genkit.paths import SearchPath
from tests.helpers import edit, line_of, problems

SAMPLES = ["durham", "harris-county", "long-beach", "philadelphia", "phoenix"]
PROFILE = Path("jurisdictions/town/profile.yaml")


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_validate_and_are_marked_as_samples(name: str) -> None:
    loaded = load_profile(name, SearchPath.from_cwd(Path(__file__).parent.parent))
    profile = loaded.profile
    assert profile.status == "sample"
    assert profile.sources, "a sample cites its sources"
    assert profile.citations, "a sample maps facts to sources"


def errors(project: Path) -> list[str]:
    return [str(p) for p in problems(project)]


def test_unknown_key_gets_did_you_mean(project: Path) -> None:
    edit(project, "  host_department:", "  host_departmnt:")
    line = line_of(project, "host_departmnt")
    found = errors(project)
    assert (
        f"{PROFILE}:{line}:3: program.host_departmnt: unknown field 'host_departmnt'; "
        "did you mean 'host_department'?" in found
    )
    assert any("program.host_department: is required but missing" in e for e in found)


def test_bad_time_names_field_and_line(project: Path) -> None:
    edit(project, 'start: "09:00"', 'start: "9am"')
    line = line_of(project, 'start: "9am"')
    assert (
        f"{PROFILE}:{line}:5: program.hours.start: '9am' is not a time of day; write it as "
        "HH:MM on the 24-hour clock, e.g. 21:00"
    ) in errors(project)


def test_yes_is_not_a_boolean(project: Path) -> None:
    edit(project, "    via_911: true", "    via_911: yes")
    line = line_of(project, "via_911: yes")
    assert f"{PROFILE}:{line}:5: program.access.via_911: must be true or false" in errors(project)


def test_impossible_date(project: Path) -> None:
    edit(project, "launch_date: 2022-06-27", "launch_date: 2022-02-30")
    found = errors(project)
    assert any(
        e.startswith(f"{PROFILE}:{line_of(project, '2022-02-30')}:3: program.launch_date")
        for e in found
    ), found


def test_all_errors_reported_together(project: Path) -> None:
    edit(project, "  host_department:", "  host_departmnt:")
    edit(project, 'end: "24:00"', 'end: "25:00"')
    edit(project, "as_of: 2025-04-26", "as_of: someday")
    assert len(errors(project)) >= 4


def test_control_characters_refused(project: Path) -> None:
    edit(project, "  name: HEART", '  name: "HE\\x01ART"')
    assert any("program.name: contains the control character U+0001" in e for e in errors(project))


def test_extends_merges_and_unknown_parent_is_located(project: Path) -> None:
    loaded = load_profile("town", SearchPath.from_cwd(project))
    assert len(loaded.profile.evidence) >= 5, "evidence comes from the base profile"
    edit(project, "extends: _base", "extends: _nothere")
    found = errors(project)
    assert any(
        e.startswith(
            f"{PROFILE}:{line_of(project, '_nothere')}:1: extends: no "
            "profile named '_nothere' to extend"
        )
        for e in found
    ), found


def test_citation_of_missing_field_and_source(project: Path) -> None:
    edit(project, "  program.name: [durham-csd]", "  program.nmae: [durham-csdd]")
    found = errors(project)
    assert any("citations.program.nmae: 'program.nmae' names no field" in e for e in found)
    assert any("no source 'durham-csdd'" in e for e in found)


def test_a_problem_in_an_inherited_value_points_at_the_users_own_key(project: Path) -> None:
    # Without the RFP's yearly hours, the refresher the base profile gives has none: the user
    # is sent to their own training section, and told where the inherited value lives.
    edit(project, "    annual_hours: 40\n", "")
    found = [e for e in errors(project) if "training.refresher:" in e]
    own = (project / PROFILE).read_text().splitlines().index("training:") + 1
    assert found == [
        f"{PROFILE}:{own}:1: training.refresher: say how "
        "many refresher hours a year each responder completes (hours_per_year: N) "
        "(inherited from <built-in>/jurisdictions/_base/profile.yaml:"
        f"{_base_line('  refresher:')})"
    ], found


def _base_line(needle: str) -> int:
    lines = Path("jurisdictions/_base/profile.yaml").read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(needle))
