"""Keep a Word table on one page: a signature block or a short sign-off sheet never splits.

Word has no "keep table together" switch; the usual way is to keep every paragraph of every row
but the last with the next paragraph (and each row from splitting), and to keep the paragraph
before the table (its heading or lead-in) with it. A table taller than a page still breaks, as
it must. Signing rows also get a minimum height, so there is room to sign by hand.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

SIGNING_ROW_TWIPS = 620  # about 0.43 inch: room for a handwritten signature


def keep_together(table: Table, signing: bool = False) -> None:
    rows = table.rows
    for r, row in enumerate(rows):
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.append(OxmlElement("w:cantSplit"))
        if signing and r > 0:
            height = OxmlElement("w:trHeight")
            height.set(qn("w:val"), str(SIGNING_ROW_TWIPS))
            height.set(qn("w:hRule"), "atLeast")
            tr_pr.append(height)
        if r < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    before = table._tbl.getprevious()
    if before is not None and before.tag == qn("w:p"):
        Paragraph(before, table._parent).paragraph_format.keep_with_next = True
