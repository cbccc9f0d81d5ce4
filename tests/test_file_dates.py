"""Dates inside files come from the profile's ``as_of``, never from the clock: Word files'
core properties, the members of every zip (Word files and the bundle)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from ruamel.yaml import YAML


def _as_of(project: Path) -> dt.date:
    profile = YAML(typ="safe").load((project / "jurisdictions/town/profile.yaml").read_text())
    return dt.date.fromisoformat(str(profile["as_of"]))


def test_word_files_and_the_bundle_zip_carry_the_profile_date(run, project: Path) -> None:
    result = run("build", "town", "--only", "worksheets", "--format", "html,docx", "-q")
    assert result.exit_code == 0, result.output
    bundle = project / "build/town"
    day = _as_of(project)
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    words = sorted(bundle.rglob("*.docx"))
    assert len(words) >= 2, "the worksheet and the invitation letter (a Word template)"
    for path in words:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert {info.date_time for info in archive.infolist()} == {stamp}, path.name
        props = docx.Document(io.BytesIO(data)).core_properties
        assert props.created.date() == day and props.modified.date() == day, path.name
    with zipfile.ZipFile(bundle / "town-bundle.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {stamp}
