"""PDFs are byte-identical whichever way WeasyPrint subsets fonts, at any time and with or
without SOURCE_DATE_EPOCH; an incremental build equals a ``--force`` build byte for byte.

The tests force the fontTools subsetting path (as on a machine without libharfbuzz-subset),
so they catch a clock time in an embedded font even where HarfBuzz's subsetter is installed.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from tests.helpers import edit

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PAGE = (
    "<html lang='en'><head><title>One page</title>"
    "<meta name='dcterms.created' content='2026-01-15'></head>"
    "<body style='font-family: \"DejaVu Sans\", sans-serif'><h1>One page</h1>"
    "<p>Text with <b>bold</b> and <i>italic</i> words.</p></body></html>"
)


@pytest.fixture
def fonttools_subsetting(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint as on a machine without libharfbuzz-subset: fonts subset by fontTools."""
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _pdf() -> bytes:
    from genkit.render.formats.pdf import html_to_pdf

    return html_to_pdf(PAGE, TEMPLATES, [TEMPLATES], "page")


def _embedded_fonts(pdf: bytes) -> list[TTFont]:
    fonts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            data = descriptor.get_object()["/FontFile2"].get_object().get_data()
            fonts.append(TTFont(io.BytesIO(data)))
    return fonts


def test_fonttools_subsetting_gives_the_same_bytes_a_moment_later(
    fonttools_subsetting: None,
) -> None:
    first = _pdf()
    time.sleep(1.1)  # fonts' head dates count seconds
    assert _pdf() == first


def test_source_date_epoch_changes_nothing(
    fonttools_subsetting: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    without = _pdf()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _pdf() == without


def test_embedded_fonts_keep_their_own_dates(fonttools_subsetting: None) -> None:
    fonts = _embedded_fonts(_pdf())
    assert fonts
    now = time.time() + 2082844800  # fonts count seconds from 1904, not 1970
    for font in fonts:
        assert font["head"].modified < now - 86400, "a font's date is not the clock's"


def test_cli_rebuild_after_an_edit_equals_a_forced_build(
    run, project: Path, fonttools_subsetting: None
) -> None:
    args = ("--only", "quick-reference,rfp", "--format", "pdf", "-j", "1", "-q")
    assert run("build", "town", *args, "--force").exit_code == 0
    edit(project, "rfp_number: RFP 26-014", "rfp_number: RFP 26-015")
    time.sleep(1.1)
    assert run("build", "town", *args).exit_code == 0
    assert run("build", "town", *args, "--force", "--out", "forced").exit_code == 0
    incremental = sorted((project / "build/town").rglob("*.pdf"))
    assert incremental
    for path in incremental:
        forced = project / "forced/town" / path.relative_to(project / "build/town")
        assert path.read_bytes() == forced.read_bytes(), path.name
