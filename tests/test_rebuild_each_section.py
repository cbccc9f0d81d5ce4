"""An incremental build after an edit to any top-level section of the profile is byte for byte
the build ``--force`` makes of the same profile.

A precise rebuild reuses a document when none of the fields it read changed. If the read
record missed a field, the reused document would be stale, and this comparison shows it. Every
section gets one edit a user could make; HTML and Word cover every read, because a PDF is made
from the same render as its HTML (one section goes through all three formats as well).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import build_town

PROFILE = "jurisdictions/town/profile.yaml"

# (top-level section, pattern within that section, replacement)
EDITS: list[tuple[str, str, str]] = [
    ("status", r"^status: sample$", "status: draft"),
    ("as_of", r"^as_of: .*$", "as_of: 2025-06-30"),
    ("jurisdiction", r"^(  short_name: ).*$", r"\1Bull City"),
    ("program", r"^(  full_name: ).*$", r"\1Health and Emergency Assistance Response Teams"),
    ("program_director", r"^(  name: ).*$", r"\1Sam Rivera"),
    ("stakeholders", r"^(    contact_role: ).*$", r"\g<1>911 center director"),
    ("calls", r"^(  export_name: ).*$", r"\1Durham ECC export"),
    ("decision_tree", r"^(  title: ).*$", r"\1Which calls HEART takes"),
    ("staffing", r"^(      fte: )12$", r"\g<1>14"),
    ("metrics", r"target: 0\.75", "target: 0.8"),
    ("call_volumes", r"^(      missed: )20000$", r"\g<1>21000"),
    ("responsibilities", r"^(  cad_access: )status_updates$", r"\1read_only"),
    ("data_collection", r"notes, ", ""),
    ("procurement", r"^(  title: ).*$", r"\1Operator for HEART teams"),
    ("briefings", r"^(  languages: )\[en, es\]$", r"\1[en]"),
    ("evaluation", r"^(      system: ).*$", r"\1Durham CAD"),
    ("training", r"^(      signed_off_by: ).*$", r"\1the HEART training lead"),
    ("sources", r"^(    title: )Community Safety Department$", r"\1Community Safety (city page)"),
    ("citations", r"^(  program\.full_name: )\[durham-csd\]$", r"\1[durham-launch]"),
    ("illustrative", r"^  - metrics\[2\]\.target\n", ""),
]
ALL_FORMATS = {"program"}  # shown by nearly every document: most PDFs re-render


def _edit_section(project: Path, section: str, pattern: str, replacement: str) -> None:
    """Apply one regular-expression edit inside one top-level section of the profile's text
    (the table above names each by pattern; tests.helpers.edit replaces literal text)."""
    path = project / PROFILE
    text = path.read_text()
    start = re.search(rf"^{section}:", text, re.M)
    assert start, section
    end = re.compile(r"^\S", re.M).search(text, start.end() + 1)
    block = text[start.start() : end.start() if end else len(text)]
    edited, count = re.subn(pattern, replacement, block, count=1, flags=re.M)
    assert count == 1, (section, pattern)
    path.write_text(text.replace(block, edited, 1))


def _bundle(project: Path, out: str, formats: list[str], force: bool) -> dict[str, bytes]:
    root = build_town(project, formats=formats, force=force, out=out).out_dir
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.mark.slow
def test_incremental_builds_match_forced_builds_after_each_sections_edit(project: Path) -> None:
    formats = ["html", "docx", "csv"]  # csv: the data dictionary's table, from the same render
    _bundle(project, "build", formats, force=False)
    stale: list[str] = []
    for section, pattern, replacement in EDITS:
        _edit_section(project, section, pattern, replacement)
        incremental = _bundle(project, "build", formats, force=False)
        shutil.rmtree(project / "forced", ignore_errors=True)
        forced = _bundle(project, "forced", formats, force=True)
        if incremental != forced:
            differing = sorted(
                k for k in incremental.keys() | forced.keys() if incremental.get(k) != forced.get(k)
            )
            stale.append(f"{section}: {', '.join(differing)}")
    assert not stale, "stale documents after an edit:\n" + "\n".join(stale)


@pytest.mark.slow
def test_every_format_matches_a_forced_build_after_an_edit(project: Path) -> None:
    formats = ["html", "pdf", "docx"]
    _bundle(project, "build", formats, force=False)
    for section, pattern, replacement in EDITS:
        if section not in ALL_FORMATS:
            continue
        _edit_section(project, section, pattern, replacement)
        incremental = _bundle(project, "build", formats, force=False)
        shutil.rmtree(project / "forced", ignore_errors=True)
        forced = _bundle(project, "forced", formats, force=True)
        assert incremental == forced, section
