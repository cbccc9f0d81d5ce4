"""A character no installed font can draw is a build warning (an error under --strict) that
names the document, the characters and the font package that draws them."""

from __future__ import annotations

from pathlib import Path

import pytest

from genkit.render.pdf import glyphs
from tests.helpers import edit

# Fonts that draw ASCII, Latin and punctuation but no CJK or emoji, as on a machine with only
# DejaVu: code points 0x20-0x7E and 0xA0-0x2FFF, as (starts, ends).
LATIN_ONLY = ((0x20, 0xA0), (0x7E, 0x2FFF))


@pytest.fixture
def latin_fonts_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "installed_coverage", lambda: LATIN_ONLY)


def _agency(project: Path, value: str) -> None:
    edit(project, "agency: Durham Police Department", f"agency: '{value}'")


def test_missing_characters_are_grouped_by_the_package_that_draws_them(
    latin_fonts_only: None,
) -> None:
    found = glyphs.missing_glyphs("Équipe 日本 🚑 x\u200d\ufe0f · \ue000")
    assert [(m.chars, m.package) for m in found] == [
        ("\ue000", ""),
        ("日本", "fonts-noto-cjk"),
        ("🚑", "fonts-noto-color-emoji"),
    ]
    assert "日 (U+65E5), 本 (U+672C)" in found[1].describe()
    assert "apt-get install fonts-noto-cjk" in found[1].describe()
    assert "brew install --cask font-noto-sans-cjk" in found[1].describe()
    assert "private-use" in found[0].describe()


def test_without_fc_list_nothing_is_claimed_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "installed_coverage", lambda: None)
    assert glyphs.missing_glyphs("日本語") == []


def test_installed_coverage_is_read_from_fontconfig() -> None:
    coverage = glyphs.installed_coverage()
    if coverage is None:
        pytest.skip("fontconfig's fc-list is not installed")
    assert glyphs.missing_glyphs("Plain ASCII text, é") == [], "the stylesheet's font draws it"


def test_a_glyph_no_font_draws_is_a_warning_and_fails_strict(
    run, project: Path, latin_fonts_only: None
) -> None:
    _agency(project, "日本語 police")
    args = ("build", "town", "--only", "worksheets", "--format", "pdf", "-j", "1")
    strict = run(*args, "--strict", "--out", "strict")
    assert strict.exit_code == 1
    assert not (project / "strict").exists(), "nothing written under --strict"
    result = run(*args)
    assert result.exit_code == 0
    warning = next(line for line in result.output.splitlines() if "U+65E5" in line)
    assert "worksheets/stakeholder-worksheet.pdf" in warning
    assert "日 (U+65E5), 本 (U+672C), 語 (U+8A9E)" in warning
    assert "fonts-noto-cjk" in warning


def test_a_pdf_with_missing_glyphs_is_rendered_again_next_build(
    run, project: Path, latin_fonts_only: None
) -> None:
    _agency(project, "日本語 police")
    args = ("build", "town", "--only", "worksheets", "--format", "pdf", "-j", "1")
    assert "U+65E5" in run(*args).output
    again = run(*args)
    assert "U+65E5" in again.output, "not reused silently: it warns until the fonts are there"


def test_installing_fonts_changes_what_pdfs_are_fingerprinted_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from genkit.plan import versions

    monkeypatch.setattr(versions, "_FONT_FOLDERS", (str(tmp_path),))
    versions.fonts_fingerprint.cache_clear()
    before = versions.fonts_fingerprint()
    versions.fonts_fingerprint.cache_clear()
    assert versions.fonts_fingerprint() == before
    (tmp_path / "noto-cjk").mkdir()  # what installing a font package does to the folders
    versions.fonts_fingerprint.cache_clear()
    assert versions.fonts_fingerprint() != before
    versions.fonts_fingerprint.cache_clear()
