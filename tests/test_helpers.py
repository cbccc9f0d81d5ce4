"""The shared test helpers do what the tests rely on: edit() reports the line it changed and
edits only the first match (after ``after``), line_of() agrees with it, problems() are located."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PROFILE, edit, line_of, problems_by_field


@pytest.fixture
def small(tmp_path: Path) -> Path:
    (tmp_path / PROFILE).parent.mkdir(parents=True)
    (tmp_path / PROFILE).write_text("a:\n  x: 1\nb:\n  x: 1\n", encoding="utf-8")
    return tmp_path


def test_edit_replaces_the_first_match_and_returns_its_line(small: Path) -> None:
    assert edit(small, "  x: 1\n", "  x: 2\n") == 2
    assert (small / PROFILE).read_text(encoding="utf-8") == "a:\n  x: 2\nb:\n  x: 1\n"


def test_edit_after_skips_earlier_matches(small: Path) -> None:
    assert edit(small, "  x: 1\n", "  x: 3\n", after="\nb:\n") == 4
    assert (small / PROFILE).read_text(encoding="utf-8") == "a:\n  x: 1\nb:\n  x: 3\n"
    assert line_of(small, "x: 3") == 4


def test_edit_refuses_text_that_is_not_there(small: Path) -> None:
    with pytest.raises(AssertionError):
        edit(small, "  y: 1\n", "")
    with pytest.raises(AssertionError):
        edit(small, "a:\n", "", after="\nb:\n")  # only before the anchor
    assert (small / PROFILE).read_text(encoding="utf-8") == "a:\n  x: 1\nb:\n  x: 1\n"


def test_problems_are_located_in_the_town_profile(project: Path) -> None:
    line = edit(project, "  host_department:", "  host_departmnt:")
    found = problems_by_field(project)
    assert found["program.host_departmnt"].line == line
