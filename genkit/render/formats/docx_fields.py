"""Places to write in a Word document: plain-text content controls.

A scoresheet's ``[input]`` and ``[notes]`` cells and an ``answer`` block become content
controls, the fields Word's "Restrict Editing: filling in forms" and LibreOffice both know: a
click selects the field, typing replaces its placeholder, and each field carries the same name
(tag) and label (title) as the PDF's form field, so answers can be read back by name. The
placeholder is a few blank spaces, not words, so a printed form is still blank to write on.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

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
