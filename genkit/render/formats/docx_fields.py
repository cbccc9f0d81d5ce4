"""Places to write in a Word document: plain-text and tick-box content controls.

A scoresheet's ``[input]`` and ``[notes]`` cells and an ``answer`` block become content
controls, the fields Word's "Restrict Editing: filling in forms" and LibreOffice both know: a
click selects the field, typing replaces its placeholder, and each field carries the same name
(tag) and label (title) as the PDF's form field, so answers can be read back by name. The
placeholder is a few blank spaces, not words, so a printed form is still blank to write on.

A ``[one: ...]`` or ``[any: ...]`` cell becomes one tick box per choice (Word's check box
content control, ``w14:checkbox``, which a click ticks), tagged ``NAME=CODE`` so a filled-in
form reads back as field name and data-dictionary code. Word has no radio button; a single
choice says "one" in its row, as on paper.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph

from genkit.render.formats.markdown import FormField

BLANK = "\u2002" * 8  # en spaces: something to click on that prints as nothing


def add_text_field(paragraph: Paragraph, name: str, label: str, multiline: bool) -> None:
    """Append a plain-text content control named ``name`` to ``paragraph``."""
    sdt = OxmlElement("w:sdt")
    props = OxmlElement("w:sdtPr")
    for tag, value in (("w:alias", label[:255]), ("w:tag", name[:64])):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        props.append(element)
    props.append(OxmlElement("w:showingPlcHdr"))
    text = OxmlElement("w:text")
    if multiline:
        text.set(qn("w:multiLine"), "1")
    props.append(text)
    sdt.append(props)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    blank = OxmlElement("w:t")
    blank.set(qn("xml:space"), "preserve")
    blank.text = BLANK
    run.append(blank)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_BOX_FONT = "Segoe UI Symbol"  # has U+2610 and U+2612; LibreOffice falls back to DejaVu Sans
NBSP = "\u00a0"


def add_choice_fields(paragraph: Paragraph, field: FormField) -> None:
    """Append a tick box and its label per choice of ``field`` to ``paragraph``."""
    for i, (code, text) in enumerate(field.choices):
        if i:
            paragraph.add_run("\u2003")  # an em space between choices, where a line may wrap
        paragraph._p.append(_checkbox(f"{field.name}={code}", f"{field.label}: {text}"))
        # A short label stays whole on its line, beside its box; a long one may wrap.
        paragraph.add_run(NBSP + (text.replace(" ", NBSP) if len(text) <= 24 else text))


def _checkbox(tag: str, label: str) -> object:
    """A ``w14:checkbox`` content control showing an empty box (U+2610)."""
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")} xmlns:w14="{W14}"><w:sdtPr>'
        f'<w:rPr><w:rFonts w:ascii="{_BOX_FONT}" w:hAnsi="{_BOX_FONT}" w:eastAsia="{_BOX_FONT}"/>'
        '<w:sz w:val="28"/></w:rPr>'
        "<w:alias/><w:tag/>"
        '<w14:checkbox><w14:checked w14:val="0"/>'
        f'<w14:checkedState w14:val="2612" w14:font="{_BOX_FONT}"/>'
        f'<w14:uncheckedState w14:val="2610" w14:font="{_BOX_FONT}"/></w14:checkbox>'
        "</w:sdtPr><w:sdtContent><w:r><w:rPr>"
        f'<w:rFonts w:ascii="{_BOX_FONT}" w:hAnsi="{_BOX_FONT}" w:eastAsia="{_BOX_FONT}"/>'
        '<w:sz w:val="28"/></w:rPr><w:t>\u2610</w:t></w:r></w:sdtContent></w:sdt>'
    )
    props = sdt.find(qn("w:sdtPr"))
    props.find(qn("w:alias")).set(qn("w:val"), label[:255])
    props.find(qn("w:tag")).set(qn("w:val"), tag)
    return sdt
