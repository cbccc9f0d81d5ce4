"""The golden tree: building the fixture profile writes tests/golden/springfield/ byte for byte.

Any change to what genkit writes (a template's word, a filter, the page layout) fails here with
the diff of the first file that changed. If the change is intended, refresh the tree with
``python tools/refresh_golden.py`` and commit it, so the review shows the output's diff too.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tools.refresh_golden import FIXTURE, GOLDEN, NAME, REFRESH, differences, render, tree

DIFF_LINES = 80  # enough to read a change, short enough to leave the rest of the report visible


def report(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """What a failure prints: every file that differs, the first one's diff, the command."""
    changed = differences(expected, actual)
    first = changed[0]
    lines = [
        f"{len(changed)} file(s) differ from tests/golden/{NAME}/:",
        *(f"  {path}" for path in changed),
        "",
    ]
    if first not in actual:
        lines.append(f"{first}: in the golden tree, no longer built")
    elif first not in expected:
        lines.append(f"{first}: built, not in the golden tree")
    else:
        diff = list(
            difflib.unified_diff(
                expected[first].decode("utf-8", "replace").splitlines(),
                actual[first].decode("utf-8", "replace").splitlines(),
                f"golden/{first}",
                f"built/{first}",
                lineterm="",
            )
        )
        lines += diff[:DIFF_LINES]
        if len(diff) > DIFF_LINES:
            lines.append(f"... {len(diff) - DIFF_LINES} more diff lines")
    lines += ["", f"If the change is intended, refresh the golden tree: {REFRESH}"]
    return "\n".join(lines)


def test_the_fixture_builds_the_golden_tree_byte_for_byte(tmp_path: Path) -> None:
    expected = tree(GOLDEN)
    assert expected, f"no golden tree in {GOLDEN}; make it with: {REFRESH}"
    actual = render(tmp_path)
    if differences(expected, actual):
        pytest.fail(report(expected, actual), pytrace=False)


def test_the_tree_is_small_text_without_fingerprints() -> None:
    files = tree(GOLDEN)
    assert {Path(path).suffix for path in files} == {".html", ".csv"}
    assert sum(len(data) for data in files.values()) < 1_000_000
    # Only the formats kept: no manifest or zip, which carry genkit's code fingerprints.
    assert (
        sorted(
            p.name for p in GOLDEN.rglob("*") if p.is_file() and p.suffix not in {".html", ".csv"}
        )
        == []
    )
    profile = (FIXTURE / "jurisdictions" / NAME / "profile.yaml").read_text(encoding="utf-8")
    assert "\nas_of: 2026-01-15 " in profile, "the fixture's date is pinned, not today's"


def test_a_failure_shows_the_first_diff_and_the_refresh_command() -> None:
    expected = {"a.html": b"<p>one</p>\n<p>two</p>\n", "b.csv": b"x\n", "c.html": b"gone\n"}
    actual = {"a.html": b"<p>one</p>\n<p>2</p>\n", "b.csv": b"x\n", "d.csv": b"new\n"}
    text = report(expected, actual)
    assert "3 file(s) differ" in text
    assert "  a.html\n  c.html\n  d.csv\n" in text
    assert "--- golden/a.html\n+++ built/a.html\n" in text
    assert "-<p>two</p>\n+<p>2</p>" in text
    assert text.endswith("refresh the golden tree: python tools/refresh_golden.py")
    assert "c.html: in the golden tree, no longer built" in report({"c.html": b"x"}, {})
