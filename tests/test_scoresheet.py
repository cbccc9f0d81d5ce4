"""The ```scoresheet block: a Markdown table whose [input]/[notes] cells are places to write."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.oxml.ns import qn

from genkit.render.escaping import markdown_value
from genkit.render.formats.docx import tokens_to_docx
from genkit.render.formats.docx_page import DocxPage
from genkit.render.formats.html import body_html
from genkit.render.formats.markdown import parser

# A profile value printed into the table arrives escaped, as a template would print it.
TRICKY = markdown_value("Risk | safety [input] *now*")
SOURCE = f"""
```scoresheet name=panel
| Competency | Rating | Notes |
|---|---|---|
| {TRICKY} | [input] | [notes] |
| **Total** | [input] | |
```
"""


def test_html_has_labeled_fields_in_cells() -> None:
    page = body_html(parser().parse(SOURCE))
    assert '<div class="scoresheet">' in page
    assert page.count("<input") == 2 and page.count("<textarea") == 1
    assert 'name="panel_risk-safety-input-now_rating"' in page
    assert 'name="panel_total_rating"' in page
    # The escaped value reads as plain text: no field, no emphasis, no broken table.
    assert "Risk | safety [input] *now*" in page
    assert 'title="Risk | safety [input] *now*: Notes"' in page
    assert "<em>" not in page


def test_docx_has_a_table_of_text_fields() -> None:
    page = DocxPage("T", "A", "H", None, "F", dt.date(2025, 1, 1))
    doc = Document(io.BytesIO(tokens_to_docx(parser().parse(SOURCE), page)))
    [table] = doc.tables
    assert [c.text for c in table.rows[0].cells] == ["Competency", "Rating", "Notes"]
    assert table.cell(1, 0).text == "Risk | safety [input] *now*"
    assert table.cell(1, 1).text == "" and table.cell(1, 2).text.strip() == ""
    assert len(table.cell(1, 2).paragraphs) > 1  # room to write notes
    assert table.cell(2, 0).text == "Total"
    # Each place to write is a Word text field with the PDF field's name and label.
    controls = table._tbl.xpath(".//w:sdt/w:sdtPr")
    assert [_val(c, "w:tag") for c in controls] == [
        "panel_risk-safety-input-now_rating", "panel_risk-safety-input-now_notes",
        "panel_total_rating"]
    assert _val(controls[1], "w:alias") == "Risk | safety [input] *now*: Notes"
    assert [_val(c, "w:text", "w:multiLine") for c in controls] == [None, "1", None]
    # Only the table: the block's Markdown source is not printed after it.
    assert not any("[input]" in p.text or "|---" in p.text for p in doc.paragraphs)
    # The notes column, where panelists write, is the widest.
    widths = [column.width for column in table.columns]
    assert widths[2] == max(widths)


def test_field_names_are_unique() -> None:
    source = "```scoresheet\n| A | B |\n|---|---|\n| x | [input] |\n| x | [input] |\n```\n"
    page = body_html(parser().parse(source))
    assert 'name="sheet1_x_b"' in page and 'name="sheet1_x_b-2"' in page


def test_docx_answer_block_is_a_named_multiline_field() -> None:
    page = DocxPage("T", "A", "H", None, "F", dt.date(2025, 1, 1))
    source = "```answer name=q1 lines=3\nWhat did you do?\n```\n"
    doc = Document(io.BytesIO(tokens_to_docx(parser().parse(source), page)))
    [table] = doc.tables
    [control] = table._tbl.xpath(".//w:sdt/w:sdtPr")
    assert _val(control, "w:tag") == "q1"
    assert _val(control, "w:alias") == "What did you do?"
    assert _val(control, "w:text", "w:multiLine") == "1"
    assert table.cell(0, 0).text.strip() == "What did you do?"  # the blank prints as nothing


def _val(props, child: str, attribute: str = "w:val") -> str | None:  # noqa: ANN001
    """An attribute of one child of a content control's properties."""
    return props.find(qn(child)).get(qn(attribute))
