"""Write the example Word shell that ships with the Long Beach sample.

A real procurement office would make its shell in Word: letterhead in the header, its own fonts
and heading styles, its boilerplate, and ``{{p body }}`` on a paragraph of its own where the
generated RFP goes. This script makes such a file with python-docx so that the example can be
rebuilt and reviewed as code. Run from the repository root::

    python tools/make_example_shell.py

Every fact in the shell is a tag filled from the profile; the boilerplate is generic.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from genkit.render.formats.docx_page import word_field as field
from genkit.render.formats.zipnorm import normalize_docx

OUT = Path("jurisdictions/long-beach/templates/_shells/rfp/rfp.docx")
INK = RGBColor(0x00, 0x4D, 0x5A)  # the office's color: a dark teal
GRAY = RGBColor(0x55, 0x55, 0x55)


def styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 20), (2, 15), (3, 12)):
        style = doc.styles[f"Heading {level}"]
        style.font.name = "Georgia"
        # Word's built-in headings name theme fonts, which win over a named font: drop them.
        fonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = INK
        style.paragraph_format.space_before = Pt(14 if level < 3 else 10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True


def letterhead(doc) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    run = header.add_run("{{ jurisdiction.name | upper }}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(11), INK
    header.add_run("\n{{ procurement.issuing_agency }}").font.size = Pt(9)
    notice = section.header.add_paragraph()
    warn = notice.add_run("{% if sample_notice %}{{ sample_notice }}{% endif %}")
    warn.bold, warn.font.size, warn.font.color.rgb = True, Pt(8), RGBColor(0x8A, 0x1C, 0x1C)
    rule = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "8"), ("space", "1"), ("color", "004D5A")):
        bottom.set(qn(f"w:{key}"), value)
    rule.append(bottom)
    notice._p.get_or_add_pPr().append(rule)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ procurement.rfp_number }} · {{ procurement.title }} · Page ")
    field(footer, "PAGE")
    footer.add_run(" of ")
    field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size, run.font.color.rgb = Pt(8), GRAY
    doc.styles["Footer"].font.size = Pt(8)


def boilerplate(doc) -> None:
    intro = doc.add_paragraph()
    intro.add_run("Notice to proposers. ").bold = True
    intro.add_run(
        "This solicitation is issued by {{ procurement.issuing_agency }} under the purchasing "
        "rules of the {{ jurisdiction.name }}. Read it together with any addenda posted before "
        "the deadline. Submitting a proposal means the proposer accepts the terms stated here."
    )
    doc.add_paragraph("{{p body }}")
    doc.add_paragraph("General conditions", style="Heading 2")
    for title, text in (
        (
            "No obligation. ",
            "Issuing this RFP does not commit the {{ jurisdiction.name }} to "
            "award a contract or to pay any cost of preparing a proposal.",
        ),
        (
            "Public records. ",
            "Proposals become public records once an award is announced, "
            "except for material that the law allows to be withheld and that the proposer marks "
            "as confidential when it submits.",
        ),
        (
            "Equal opportunity. ",
            "The {{ jurisdiction.name }} does not discriminate in awarding "
            "contracts, and its contractors may not discriminate in hiring or in serving the "
            "public.",
        ),
        (
            "Protests. ",
            "A proposer may protest an award in writing to the contact named in "
            "this RFP within the time the purchasing rules allow after the notice of intended "
            "award.",
        ),
    ):
        para = doc.add_paragraph()
        para.add_run(title).bold = True
        para.add_run(text)


def main() -> int:
    doc = Document()
    styles(doc)
    letterhead(doc)
    boilerplate(doc)
    props = doc.core_properties
    props.title = "Procurement office RFP shell (example)"
    props.author = "genkit example"
    stamp = dt.datetime(2025, 1, 1)
    props.created = props.modified = stamp
    props.revision = 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    OUT.write_bytes(normalize_docx(buffer.getvalue()))  # pinned zip dates: same bytes each run
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
