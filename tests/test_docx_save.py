"""The Word writer's shortcuts write exactly what python-docx's own calls would."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from genkit.render.formats.docx import add_text
from genkit.render.formats.docx_save import docx_bytes
from genkit.render.formats.zipnorm import normalize_docx

WHEN = dt.date(2026, 3, 1)


def _sample() -> Document:
    document = Document()
    document.core_properties.title = "Sample"
    para = document.add_paragraph("Plain text, then a table.")
    para.add_run(" bold").bold = True
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "42"
    return document


def test_docx_bytes_equal_saving_then_normalizing() -> None:
    saved = io.BytesIO()
    _sample().save(saved)
    assert docx_bytes(_sample(), WHEN) == normalize_docx(saved.getvalue(), WHEN)


def test_docx_bytes_open_in_python_docx() -> None:
    document = Document(io.BytesIO(docx_bytes(_sample(), WHEN)))
    assert document.paragraphs[0].text == "Plain text, then a table. bold"
    assert document.tables[0].cell(1, 1).text == "42"


def _run_xml(text: str, quick: bool) -> str:
    run = Document().add_paragraph().add_run()
    if quick:
        add_text(run, text)
    else:
        run.text = text
    return run._r.xml


def test_add_text_writes_what_run_text_writes() -> None:
    for text in ("plain", " leading and trailing ", "a\ttab", "two\nlines", "cr\rlf", "", "·"):
        assert _run_xml(text, quick=True) == _run_xml(text, quick=False), text


def test_paragraph_style_set_directly_as_python_docx_sets_it() -> None:
    from genkit.render.formats.docx import _BodyWriter

    quick = _BodyWriter(Document())._paragraph("List Bullet 2")
    slow = Document().add_paragraph(style="List Bullet 2")
    assert quick._p.xml == slow._p.xml
