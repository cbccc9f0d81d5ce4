"""No figure typed into template prose: every number a reader sees comes from the profile, a
derivation genkit computes, or the evidence library. Structure is exempt (section numbers and
references, numbered list items, 911 and 988, a law's citation, program year 1, the start of a
numbered list of questions, a rating scale's points); anything else fails with its file:line."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Jinja comments, statements and expressions hold code, not prose (even across lines).
_CODE = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_STRUCTURE = [
    re.compile(r"^```.*$"),  # fenced block headers
    re.compile(r"^#+[\s\d.]+"),  # numbered headings
    re.compile(r"^\s*\d+\.\s"),  # ordered list items
    re.compile(r"\b[Ss]ections?\s+[\d.]+(\s*(\([^)]*\))?\s*(,|and|or|to)\s*[\d.]+)*"),
    re.compile(r"\b(911|988)\b"),  # service numbers
    re.compile(r"\b42 CFR Part 2\b"),  # a law's name
    re.compile(r"\byear 1\b"),  # the plan's first program year
    re.compile(r"\bstarting at (question )?1\b"),  # numbered questions start at 1
    re.compile(r"\bfrom 1 to\b"),  # a count or scale's lower end
    re.compile(r"\]\(#[^)]*\)"),  # heading anchors
    re.compile(r"<[^>]+>"),  # HTML tags
    re.compile(r"^\*\*\d+\."),  # a bold section number
    re.compile(r"\b[Ff]orms? \d+( to)?"),  # the packet's form numbers
    re.compile(r"^\|\s*\d+\s*\|"),  # a numbered table row
    re.compile(r"\(0 to\b"),  # a score scale's lower end
    re.compile(r"\(1 \+ "),  # "× (1 + rate)" in a formula
]
# The interview rating scale: its points are the scale itself, named on the scoring sheet.
_RATING_SCALE = re.compile(r"\b[1-5]\b")
_RATING_FILES = {"interview_guides/interview-guide.md.j2"}


def typed_figures() -> list[str]:
    found = []
    for path in sorted(TEMPLATES.rglob("*.j2")):
        name = path.relative_to(TEMPLATES).as_posix()
        text = _CODE.sub(
            lambda m: " " + "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8")
        )
        for number, line in enumerate(text.splitlines(), 1):
            for pattern in _STRUCTURE:
                line = pattern.sub(" ", line)
            if name in _RATING_FILES:
                line = _RATING_SCALE.sub(" ", line)
            if re.search(r"\d", line):
                found.append(f"templates/{name}:{number}: {line.strip()}")
    return found


def test_no_numeral_is_typed_into_template_prose() -> None:
    assert typed_figures() == []


def test_the_scan_finds_a_typed_figure(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "rfp").mkdir()
    (tmp_path / "rfp" / "x.md.j2").write_text(
        "{# 3 in a comment #}\n## 3.2 Hours\nSee section 4.\nTeams cost {{ n }} a year.\n"
        "Report a breach within 24 hours.\n",
        encoding="utf-8",
    )
    import sys

    monkeypatch.setattr(sys.modules[__name__], "TEMPLATES", tmp_path)
    assert typed_figures() == ["templates/rfp/x.md.j2:5: Report a breach within 24 hours."]
