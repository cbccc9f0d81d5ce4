"""Tables of contents and heading bookmarks for the Word writer.

A ```` ```toc ```` block becomes a real Word TOC field (``TOC \\o "2-3" \\h \\z \\u``), so
"Update field" in Word rebuilds it with page numbers. Its result is filled in beforehand with one
linked entry per heading, so the contents show even before anyone updates the field (LibreOffice
shows that result as is). The field is marked dirty, which makes Word offer to refresh it on
opening. Every heading carries a hidden ``_Toc`` bookmark, the kind Word makes itself, for the
entries and for internal ``#id`` links to point at.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from genkit.render.formats.markdown import Fence, toc_entries, toc_levels


def bookmark_names(tokens: list[Token]) -> dict[str, str]:
    """Heading id -> bookmark name. Word allows 40 characters and no hyphens in a name."""
    names = {}
    for token in tokens:
        if token.type == "heading_open" and token.attrGet("id"):
            names[str(token.attrGet("id"))] = f"_Toc{len(names) + 1:08d}"
    return names


def add_bookmark(para: Paragraph, name: str, number: int) -> None:
    """Wrap a paragraph's content in a bookmark."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    ppr = para._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        para._p.insert(0, start)
    para._p.append(end)


def _toc_style(document, level: int):
    """Word's built-in "toc N" paragraph style, created when the base template lacks it."""
    name = f"toc {level}"
    try:
        return document.styles[name]
    except KeyError:
        pass
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), f"TOC{level}")
    style.base_style = document.styles["Normal"]
    style.quick_style = False
    fmt = style.paragraph_format
    fmt.left_indent = Inches(0.2 * (level - 1))
    fmt.space_after = Pt(3)
    fmt.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    return style


def _field_char(para: Paragraph, kind: str, dirty: bool = False) -> None:
    run = para.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run._r.append(char)


def _instruction(para: Paragraph, text: str) -> None:
    run = para.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    run._r.append(instr)


def _linked_entry(para: Paragraph, text: str, anchor: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = para.add_run(text)
    link.append(run._r)
    para._p.append(link)


def write_toc(document, fence: Fence, tokens: list[Token], bookmarks: dict[str, str]) -> None:
    low, high = toc_levels(fence)
    heading = document.add_paragraph(fence.text or "Contents", style="TOC Heading")
    heading.paragraph_format.keep_with_next = True
    entries = toc_entries(tokens, (low, high))
    paragraphs = [document.add_paragraph(style=_toc_style(document, e.level)) for e in entries]
    if not paragraphs:
        paragraphs = [document.add_paragraph(style=_toc_style(document, low))]
    first = paragraphs[0]
    _field_char(first, "begin", dirty=True)
    _instruction(first, f' TOC \\o "{low}-{high}" \\h \\z \\u ')
    _field_char(first, "separate")
    if not entries:
        first.add_run("Right-click and choose Update Field to build the table of contents.")
    for para, entry in zip(paragraphs, entries, strict=False):
        _linked_entry(para, entry.text, bookmarks.get(entry.id, entry.id))
    _field_char(paragraphs[-1], "end")
