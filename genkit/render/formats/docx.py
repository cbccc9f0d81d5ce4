"""Markdown tokens -> an editable Word document with real styles.

Headings use Word's Heading 1-3 (so the navigation pane works), lists use List Bullet and List
Number (each numbered list restarts at 1), tables repeat their header row on every page, and the
footer carries "Page X of Y" fields. Answer areas become boxed table cells city staff type into;
score sheets become tables whose fill-in cells are left empty (with room to write in notes cells).
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from markdown_it.token import Token

from genkit.render.formats.docx_fields import add_choice_fields, add_text_field
from genkit.render.formats.docx_page import DocxPage, setup_page
from genkit.render.formats.docx_save import docx_bytes
from genkit.render.formats.docx_toc import add_bookmark, bookmark_names, write_toc
from genkit.render.formats.markdown import (
    answer_lines,
    answer_name,
    fence_of,
    form_field_of,
    form_table,
    parser,
)

ACCENT = RGBColor(0x1F, 0x4E, 0x79)


def add_text(run: Run, text: str) -> None:
    """``run.text = text`` for a new run, quicker: python-docx feeds the text through a
    character-by-character state machine (tabs and line breaks become their own elements),
    which was a tenth of the time to write a document. Plain text, the usual case, becomes
    the one <w:t> that machine would make (``xml:space="preserve"`` included)."""
    if not text:
        return
    if _SPECIAL_CHARACTERS.search(text):
        run.text = text
    else:
        run._r.add_t(text)


# The characters python-docx writes as elements of their own: <w:tab/> and <w:br/>.
_SPECIAL_CHARACTERS = re.compile("[\t\r\n]")


def tokens_to_docx(tokens: list[Token], page: DocxPage, figures: dict | None = None) -> bytes:
    document = Document()
    setup_page(document, page)
    _BodyWriter(document, figures).write(tokens)
    return docx_bytes(document, page.created)


class _BodyWriter:
    def __init__(self, document, figures=None):
        self.doc = document
        self.figures = figures or {}
        self.lists: list[dict] = []  # stack of {"ordered": bool, "num_id": int | None}
        self.tokens: list[Token] = []
        self.bookmarks: dict[str, str] = {}
        self._styles: dict[str, object] = {}
        # Answer blocks and scoresheets so far: numbered as in HTML, so that a Word field has
        # the name of the PDF field for the same place.
        self._answers = self._sheets = 0

    def _style(self, name: str):
        """Style objects by name, looked up once: python-docx scans every style per lookup."""
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name]
        return self._styles[name]

    def _add_table(self, rows: int, cols: int) -> Table:
        """A new table in the "Table Grid" style. Its style id is set directly: python-docx's
        ``table.style`` setter scans every style for the default table style on each call."""
        table = self.doc.add_table(rows=rows, cols=cols)
        table._tbl.tblStyle_val = self._style("Table Grid").style_id
        return table

    def _paragraph(self, style_name: str) -> Paragraph:
        para = self.doc.add_paragraph()
        if style_name != "Normal":
            # Set the style id directly: python-docx's style setter searches every style for
            # the default on each call, which dominated the time to write a long document.
            # The new paragraph is empty, so this is the <w:pPr><w:pStyle w:val=".."/></w:pPr>
            # that ``para._p.style = id`` writes, without its search for where pPr goes.
            style = OxmlElement("w:pStyle")
            style.set(qn("w:val"), self._style(style_name).style_id)
            properties = OxmlElement("w:pPr")
            properties.append(style)
            para._p.insert(0, properties)
        para._genkit_style = style_name  # remembered for list numbering
        return para

    def write(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.bookmarks = bookmark_names(tokens)
        i = 0
        while i < len(tokens):
            i = self._block(tokens, i)

    def _block(self, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            level = min(int(tok.tag[1]), 3)
            para = self._paragraph(f"Heading {level}")
            self._inline(para, tokens[i + 1])
            name = self.bookmarks.get(str(tok.attrGet("id")))
            if name:
                add_bookmark(para, name, int(name.removeprefix("_Toc")))
            return i + 3
        if kind == "paragraph_open":
            para = self._paragraph(self._paragraph_style(tok))
            if self.lists and self.lists[-1]["ordered"]:
                self._number(para)
            self._inline(para, tokens[i + 1])
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append(
                {"ordered": kind == "ordered_list_open", "num_id": None, "first": True}
            )
            return i + 1
        if kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            return i + 1
        if kind == "list_item_open":
            if self.lists:
                self.lists[-1]["first"] = True
            return i + 1
        if kind == "table_open":
            return self._table(tokens, i)
        if kind == "fence" or kind == "code_block":
            self._fence(tok)
            return i + 1
        if kind == "blockquote_open":
            return self._blockquote(tokens, i)
        if kind == "hr":
            self.doc.add_paragraph()
            return i + 1
        return i + 1

    def _paragraph_style(self, tok: Token) -> str:
        if not self.lists:
            return "Normal"
        depth = min(len(self.lists), 3)
        current = self.lists[-1]
        if not current["first"]:
            return "List Continue" + ("" if depth == 1 else f" {depth}")
        current["first"] = False
        base = "List Number" if current["ordered"] else "List Bullet"
        return base if depth == 1 else f"{base} {depth}"

    def _number(self, para: Paragraph) -> None:
        """Give each ordered list its own numbering instance so it restarts at 1."""
        current = self.lists[-1]
        ppr = para._p.get_or_add_pPr()
        style_numpr = self._style(para._genkit_style).element.pPr
        if style_numpr is None or style_numpr.numPr is None:
            return
        if current["num_id"] is None:
            numbering = self.doc.part.numbering_part.numbering_definitions._numbering
            base_num = style_numpr.numPr.numId.val
            abstract = next(n for n in numbering.num_lst if n.numId == base_num).abstractNumId.val
            num = numbering.add_num(abstract)
            override = num.add_lvlOverride(ilvl=0)
            override.add_startOverride(1)
            current["num_id"] = num.numId
        numpr = ppr.get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = current["num_id"]

    def _inline(self, para: Paragraph, inline: Token) -> None:
        bold = italic = strike = False
        link: str | None = None
        link_el = None
        for child in inline.children or []:
            kind = child.type
            if kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind == "s_open":
                strike = True
            elif kind == "s_close":
                strike = False
            elif kind == "link_open":
                link = str(child.attrs.get("href", ""))
                link_el = self._hyperlink(para, link)
            elif kind == "link_close":
                link, link_el = None, None
            elif kind in ("softbreak",):
                self._run(para, " ", bold, italic, strike, link_el)
            elif kind == "hardbreak":
                para.add_run().add_break()
            elif kind in ("text", "code_inline"):
                run = self._run(para, child.content, bold, italic, strike, link_el)
                if kind == "code_inline":
                    run.font.name = "Consolas"

    def _run(
        self, para: Paragraph, text: str, bold: bool, italic: bool, strike: bool, link_el
    ) -> object:
        run = para.add_run()
        add_text(run, text)
        # What ``run.bold = bold or None`` and ``run.italic = ...`` write, without python-docx's
        # Font object per flag: an (often empty) <w:rPr>, then <w:b/> and <w:i/> as needed.
        properties = run._r.get_or_add_rPr()
        if bold:
            properties.get_or_add_b()
        if italic:
            properties.get_or_add_i()
        if strike:
            run.font.strike = True
        if link_el is not None:
            run.font.color.rgb = ACCENT
            run.font.underline = True
            link_el.append(run._r)
        return run

    def _hyperlink(self, para: Paragraph, url: str):
        el = OxmlElement("w:hyperlink")
        if url.startswith("#"):
            el.set(qn("w:anchor"), self.bookmarks.get(url[1:], url[1:]))
        else:
            rid = para.part.relate_to(url, RT.HYPERLINK, is_external=True)
            el.set(qn("r:id"), rid)
        para._p.append(el)
        return el

    def _table(self, tokens: list[Token], i: int) -> int:
        rows: list[list[Token]] = []
        right: list[bool] = []  # per cell, in reading order
        header_rows = 0
        in_head = False
        j = i + 1
        while tokens[j].type != "table_close":
            t = tokens[j]
            if t.type == "thead_open":
                in_head = True
            elif t.type == "thead_close":
                in_head = False
            elif t.type == "tr_open":
                rows.append([])
                if in_head:
                    header_rows += 1
            elif t.type in ("th_open", "td_open"):
                right.append("text-align:right" in (t.attrGet("style") or ""))
            elif t.type == "inline":
                rows[-1].append(t)
            j += 1
        width = max(len(r) for r in rows)
        table = self._add_table(len(rows), width)
        widths = self._column_widths(rows, width, header_rows)
        for c, column in enumerate(table.columns):
            column.width = widths[c]
        cell_index = 0
        for r, (row, table_row) in enumerate(zip(rows, table.rows, strict=True)):
            cells = table_row.cells  # once per row: table.cell() rebuilds the whole grid
            for c, cell in enumerate(cells):
                cell.width = widths[c]
            for c, inline in enumerate(row):
                para = cells[c].paragraphs[0]
                self._inline(para, inline)
                if right[cell_index + c]:  # a Markdown column aligned right (amounts)
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                field = form_field_of(inline)
                if field is not None and field.choices:
                    add_choice_fields(para, field)
                elif field is not None:
                    add_text_field(para, field.name, field.label, field.kind == "notes")
                if field is not None and field.kind == "notes":
                    cells[c].add_paragraph()  # room to write by hand or type
                if r < header_rows:
                    for run in para.runs:
                        run.bold = True
            cell_index += len(row)
        for r, row in enumerate(table.rows):  # a row split across two pages is hard to read
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if r >= header_rows and any(form_field_of(i) for i in rows[r]):
                height = OxmlElement("w:trHeight")  # room to write by hand: about 0.3 inch
                height.set(qn("w:val"), "430")
                height.set(qn("w:hRule"), "atLeast")
                tr_pr.append(height)
        for r in range(header_rows):
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            tr_pr.append(header)
        self.doc.add_paragraph()
        return j + 1

    def _column_widths(self, rows: list[list[Token]], count: int, header_rows: int) -> list[int]:
        """Column widths from what each column holds: first room for its longest word (and for
        a short cell such as an amount whole), then the rest of the line in proportion to its
        text. Word's equal split wraps a column of amounts while a column of names idles."""
        # One character of body text (0.08 inch at the usual 11-point Normal; smaller type, as
        # in the wide layout, fits more per line), and the cell margins.
        size = self._style("Normal").font.size
        char, pad = Inches(0.08 * (size.pt / 11 if size else 1.0)), Inches(0.16)
        need = [4.0] * count  # characters that must fit on one line
        want = [4.0] * count  # how much text the column holds, capped
        for r, row in enumerate(rows):
            for c, inline in enumerate(row):
                plain = inline.content.replace("\\", "").replace("*", "")
                bold = 1.05 if "**" in inline.content or r < header_rows else 1.0
                scale = bold * (1.02 if plain.strip(" $,.%-+0123456789") == "" else 1.0)
                words = plain.split() or [""]
                whole = len(plain) if len(plain) <= 14 else max(len(w) for w in words)
                field = form_field_of(inline)
                if field is not None and field.choices:  # as wide as its choices' labels
                    plain = "   ".join(f"xx {text}" for _, text in field.choices)
                    whole = max(len(w) for _, text in field.choices for w in text.split()) + 3
                elif field is not None:  # a fill-in cell: room to write, not its marker's length
                    plain = "x" * (40 if field.kind == "notes" else 24)  # room to write
                    whole = 6
                need[c] = max(need[c], whole * scale)
                want[c] = max(want[c], min(len(plain), 40) * scale)
        section = self.doc.sections[-1]
        usable = section.page_width - section.left_margin - section.right_margin
        base = [n * char + pad for n in need]
        if sum(base) >= usable:
            return [int(usable * b / sum(base)) for b in base]
        # The rest goes to columns whose text would still wrap, by how much more they hold.
        more = [max(w - n, 0) + 1 for w, n in zip(want, need, strict=True)]
        extra = usable - sum(base)
        return [int(b + extra * m / sum(more)) for b, m in zip(base, more, strict=True)]

    def _fence(self, tok: Token) -> None:
        special = fence_of(tok)
        if special is not None and special.kind == "pagebreak":
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            return
        if special is not None and special.kind == "figure":
            self._figure(self.figures.get(special.attrs.get("name", "")))
            return
        if special is not None and special.kind in ("scoresheet", "signatures"):
            self._signing_block(special)
            return  # its Markdown source is not part of the document
        if special is not None and special.kind == "toc":
            write_toc(self.doc, special, self.tokens, self.bookmarks)
            return
        if special is not None and special.kind == "answer":
            table = self._add_table(1, 1)
            cell = table.cell(0, 0)
            prompt = cell.paragraphs[0].add_run(special.text or "Your answer")
            prompt.bold = True
            prompt.font.color.rgb = ACCENT
            self._answers += 1
            add_text_field(
                cell.add_paragraph(),
                answer_name(special, self._answers),
                special.text or "Your answer",
                multiline=True,
            )
            for _ in range(answer_lines(special) - 1):
                cell.add_paragraph()
            self.doc.add_paragraph()
            return
        for line in tok.content.rstrip("\n").split("\n"):
            run = self._paragraph("No Spacing").add_run(line)
            run.font.name = "Consolas"

    def _signing_block(self, special) -> None:  # markdown.Fence
        """A scoresheet (fields to fill in) or a signature block (tall rows to sign by hand);
        a signature block, or a scoresheet marked keep=yes, is kept on one page."""
        from genkit.render.formats.docx_keep import keep_together

        before = len(self.doc.tables)
        if special.kind == "scoresheet":
            self._sheets += 1
            self.write(form_table(special, self._sheets))
        else:
            self.write(parser().parse(special.text))
        if special.kind == "signatures" or special.attrs.get("keep") == "yes":
            for table in self.doc.tables[before:]:
                keep_together(table, signing=special.kind == "signatures")

    def _figure(self, figure) -> None:  # genkit.render.figure.Figure
        """A picture with its alternative text, or (for SVG-only figures) that text instead."""
        if figure is None:
            return
        png = figure.png()
        if png is None:
            para = self.doc.add_paragraph()
            run = para.add_run(figure.alt)
            run.italic = True
        else:
            section = self.doc.sections[-1]  # as wide as the text, never into the margin
            width = section.page_width - section.left_margin - section.right_margin
            self.doc.add_picture(io.BytesIO(png), width=width)
            # Word reads a picture's alternative text from its docPr description.
            doc_pr = self.doc.paragraphs[-1]._p.xpath(".//wp:docPr")
            if doc_pr:
                doc_pr[0].set("descr", figure.alt)
                doc_pr[0].set("name", figure.name)
        caption = self._paragraph("Caption")
        caption.add_run(figure.caption)

    def _blockquote(self, tokens: list[Token], i: int) -> int:
        j = i + 1
        while tokens[j].type != "blockquote_close":
            if tokens[j].type == "inline":
                para = self._paragraph("Intense Quote")
                self._inline(para, tokens[j])
            j += 1
        return j + 1
