"""The ```scoresheet block: a Markdown table whose [input]/[notes] cells are places to write."""

from __future__ import annotations

import datetime as dt
import io
import re

from docx import Document
from docx.oxml.ns import qn

from genkit.render.formats.docx import tokens_to_docx
from genkit.render.formats.docx_page import DocxPage
from genkit.render.formats.html import body_html
from genkit.render.formats.markdown import parser
from genkit.render.text.escaping import markdown_value
from genkit.render.text.filters import choices

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
        "panel_risk-safety-input-now_rating",
        "panel_risk-safety-input-now_notes",
        "panel_total_rating",
    ]
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


def _val(props, child: str, attribute: str = "w:val") -> str | None:
    """An attribute of one child of a content control's properties."""
    return props.find(qn(child)).get(qn(attribute))


# ---- choices: [one: ...] radio buttons, [any: ...] tick boxes ------------------------------

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
# Profile values arrive escaped through the choices filter: a ";" or "=" inside one stays in it.
CHOICES = choices(["no", "yes, for safety", "a=b; c", "[input]"])
CHOICE_SOURCE = f"""
```scoresheet name=form
| Field | Answer |
|---|---|
| **Backup** *(one)* | [one: {CHOICES}] |
| Rating | [one: 1=Poor; 2; 3=Good] |
| Race *(all that apply)* | [any: {choices(["Asian", "White"])}] |
| Not a field | {markdown_value("[one: a; b]")} |
```
"""


def test_choice_cells_are_radio_groups_and_tick_boxes_with_codes_as_values() -> None:
    page = body_html(parser().parse(CHOICE_SOURCE))
    radios = re.findall(r'<input type="radio" name="([^"]+)" value="([^"]*)"', page)
    assert radios[:4] == [
        ("form_backup_answer", "no"),
        ("form_backup_answer", "yes, for safety"),
        ("form_backup_answer", "a=b; c"),
        ("form_backup_answer", "[input]"),
    ]
    assert radios[4:] == [("form_rating_answer", c) for c in ("1", "2", "3")]
    assert ">Poor</label>" in page and ">Good</label>" in page
    boxes = re.findall(r'<input type="checkbox" name="([^"]+)" value="([^"]*)"', page)
    assert boxes == [("form_race_answer-asian-1", "Asian"), ("form_race_answer-white-2", "White")]
    assert "[one: a; b]" in page  # an escaped value is text, not a field


def test_docx_choices_are_tick_box_content_controls_tagged_with_codes() -> None:
    page = DocxPage("T", "A", "H", None, "F", dt.date(2025, 1, 1))
    doc = Document(io.BytesIO(tokens_to_docx(parser().parse(CHOICE_SOURCE), page)))
    [table] = doc.tables
    controls = table._tbl.xpath(".//w:sdt/w:sdtPr")
    assert all(c.find(f"{W14}checkbox") is not None for c in controls)
    assert [_val(c, "w:tag") for c in controls] == [
        "form_backup_answer=no",
        "form_backup_answer=yes, for safety",
        "form_backup_answer=a=b; c",
        "form_backup_answer=[input]",
        "form_rating_answer=1",
        "form_rating_answer=2",
        "form_rating_answer=3",
        "form_race_answer=Asian",
        "form_race_answer=White",
    ]
    assert _val(controls[5], "w:alias") == "Rating: Answer: 2"
    assert "Poor" in table.cell(2, 1).text and "[one: a; b]" in table.cell(4, 1).text
