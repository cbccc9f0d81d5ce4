"""Generic pieces the RFP introduced: ```toc blocks, heading ids, `requires`, Word shells."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from docx import Document

from genkit.render.formats.docx import tokens_to_docx
from genkit.render.formats.docx_page import DocxPage
from genkit.render.formats.html import body_html
from genkit.render.formats.markdown import parser

SAMPLE_MD = """# Title

```toc levels=2-3
On this page
```

## First part

### A detail & more

## First part

Text with a [link to the detail](#a-detail-more).
"""


def test_headings_get_unique_ids_and_the_toc_lists_them() -> None:
    page = body_html(parser().parse(SAMPLE_MD))
    assert '<h2 id="first-part">' in page and '<h2 id="first-part-2">' in page
    assert '<nav class="toc" aria-label="On this page">' in page
    assert '<li class="toc-level-3"><a href="#a-detail-more">A detail &amp; more</a></li>' in page
    assert 'href="#title"' not in page  # level 1 is outside levels=2-3


def test_word_toc_is_a_field_with_linked_entries() -> None:
    import datetime as dt

    page = DocxPage("Title", "Dept", "Header", None, "Footer", dt.date(2025, 1, 1))
    data = tokens_to_docx(parser().parse(SAMPLE_MD), page)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'TOC \\o "2-3" \\h \\z \\u' in xml
    assert xml.count('w:fldCharType="begin" w:dirty="true"') == 1
    assert '<w:bookmarkStart w:id="3" w:name="_Toc00000003"/>' in xml
    assert 'w:anchor="_Toc00000003"' in xml  # the entry and the in-text link both point at it
    doc = Document(io.BytesIO(data))
    entries = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("toc")]
    assert entries == [
        ("toc 2", "First part"),
        ("toc 3", "A detail & more"),
        ("toc 2", "First part"),
    ]
    assert any(p.style.name == "TOC Heading" and p.text == "On this page" for p in doc.paragraphs)


def make_shell(path: Path, body_tag: str = "{{p body }}") -> None:
    doc = Document()
    doc.styles["Heading 1"].font.name = "Courier New"
    doc.sections[0].header.paragraphs[0].text = "LETTERHEAD {{ jurisdiction.name }}"
    doc.add_paragraph("Shell opening for {{ title }}.")
    doc.add_paragraph(body_tag)
    doc.add_paragraph("Shell closing.")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_worksheet(run: Callable[..., Result]) -> Result:
    """The worksheet alone, in Word, through the CLI: what each shell below wraps."""
    return run(
        "build", "town", "--out", "out", "--only", "worksheets", "--format", "docx", "--force"
    )


def test_a_default_shell_wraps_any_document(project: Path, run: Callable[..., Result]) -> None:
    make_shell(project / "jurisdictions" / "town" / "templates" / "_shells" / "default.docx")
    result = build_worksheet(run)
    assert result.exit_code == 0, result.output
    path = project / "out" / "town" / "worksheets" / "stakeholder-worksheet.docx"
    doc = Document(path)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Shell opening for Preparing to meet with public-safety stakeholders."
    assert texts[-1] == "Shell closing."
    assert "Preparing to meet with public-safety stakeholders" in texts[1:5]
    assert doc.sections[0].header.paragraphs[0].text == "LETTERHEAD City of Durham"
    assert doc.styles["Heading 1"].font.name == "Courier New"
    first = path.read_bytes()
    assert build_worksheet(run).exit_code == 0
    assert path.read_bytes() == first  # byte-identical on a rebuild


def test_a_document_shell_beats_the_default(project: Path, run: Callable[..., Result]) -> None:
    shells = project / "jurisdictions" / "town" / "templates" / "_shells"
    make_shell(shells / "default.docx")
    doc = Document()
    doc.add_paragraph("Worksheet shell")
    doc.add_paragraph("{{p body }}")
    (shells / "worksheets").mkdir(parents=True)
    doc.save(shells / "worksheets" / "stakeholder-worksheet.docx")
    assert build_worksheet(run).exit_code == 0
    out = Document(project / "out" / "town" / "worksheets" / "stakeholder-worksheet.docx")
    assert out.paragraphs[0].text == "Worksheet shell"


@pytest.mark.parametrize("tag", ["{{ body }}", "no placeholder at all"])
def test_a_shell_without_the_body_placeholder_is_refused(
    project: Path, run: Callable[..., Result], tag: str
) -> None:
    make_shell(
        project / "jurisdictions" / "town" / "templates" / "_shells" / "default.docx", body_tag=tag
    )
    result = build_worksheet(run)
    assert result.exit_code == 1
    assert "_shells/default.docx: the Word shell has no {{p body }} placeholder" in result.output
    assert "Traceback" not in result.output


def test_a_shell_cannot_escape_the_sandbox(project: Path, run: Callable[..., Result]) -> None:
    make_shell(project / "jurisdictions" / "town" / "templates" / "_shells" / "default.docx")
    path = project / "jurisdictions" / "town" / "templates" / "_shells" / "default.docx"
    doc = Document(path)
    doc.add_paragraph("{{ profile.__class__.__mro__ }}")
    doc.save(path)
    result = build_worksheet(run)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "_shells/default.docx: refused by the template sandbox" in result.output


def test_pdf_toc_prints_each_entry_with_its_page_number(tmp_path: Path) -> None:
    """The contents page's numbers come from WeasyPrint's target-counter, and a title long
    enough to wrap still gets its number (the leader is drawn as a background, not text)."""
    from pypdf import PdfReader

    from genkit.render.document import stylesheet
    from genkit.render.formats.pdf import html_to_pdf
    from tests.helpers import pdf_pages

    long_title = (
        "A part whose title is long enough that it has to wrap onto a second line in "
        "the contents page of this document"
    )
    filler = "\n\n".join(["Words to fill the page, one paragraph after another."] * 60)
    md = (
        f"# Title\n\n```toc levels=2-2\nContents\n```\n\n## First part\n\n{filler}\n\n"
        f"## {long_title}\n\n{filler}\n\n## Last part\n\nEnd.\n"
    )
    templates = Path(__file__).resolve().parent.parent / "templates"
    css = stylesheet([templates])
    html = (
        f"<html lang='en'><head><title>t</title><style>{css}</style></head><body>"
        f"{body_html(parser().parse(md))}</body></html>"
    )
    pdf = tmp_path / "toc.pdf"
    pdf.write_bytes(html_to_pdf(html, templates, [templates], "toc"))
    pages = [" ".join(text.split()) for text in pdf_pages(pdf)]
    # Read as laid out, as a reader sees it: the numbers are floats, drawn before the titles.
    contents = " ".join(PdfReader(pdf).pages[0].extract_text(extraction_mode="layout").split())

    def page_of(title: str) -> int:  # the page of its heading (page 1 also lists it)
        return next(i + 1 for i, text in enumerate(pages) if text.count(title) > (i == 0))

    assert page_of("Last part") >= 3
    for title in ("First part", long_title, "Last part"):
        assert f"{title} {page_of(title)}" in contents, contents
    assert "..." not in contents  # the dots are a background, not in the text layer
