"""What every page of a generated Word file carries besides its body: properties, language,
running header, sample notice, "Page X of Y" footer, the compact two-column sheet layout and the
landscape wide layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class DocxPage:
    """What every page of the document carries, besides its body."""

    title: str
    author: str
    running_header: str
    sample_notice: str | None
    footer: str
    created: dt.date
    lang: str = "en-US"  # Word's language tag: spelling, grammar and hyphenation follow it
    page_word: str = "Page"
    of_word: str = "of"
    layout: str = "document"  # "sheet": compact, two columns; "wide": landscape, for wide tables
    draft_notice: str = ""  # the front matter's line for every page ("Draft for legal review")


def setup_page(document, page: DocxPage) -> None:
    props = document.core_properties
    props.title = page.title
    props.author = page.author
    props.last_modified_by = page.author
    props.comments = " ".join(n for n in (page.draft_notice, page.sample_notice or "") if n)
    stamp = dt.datetime(page.created.year, page.created.month, page.created.day)
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.language = page.lang
    _set_language(document, page.lang)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = page.running_header
    _small(header, RGBColor(0x4A, 0x4A, 0x4A))
    if page.sample_notice:
        notice = section.header.add_paragraph()
        run = notice.add_run(page.sample_notice)
        run.bold = True
        _small(notice, RGBColor(0x8A, 0x1C, 0x1C))
    if page.draft_notice:
        draft = section.header.add_paragraph()
        draft.add_run(page.draft_notice).bold = True
        _small(draft, RGBColor(0x8A, 0x1C, 0x1C))
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{page.footer}    {page.page_word} ")
    word_field(footer, "PAGE")
    footer.add_run(f" {page.of_word} ")
    word_field(footer, "NUMPAGES")
    _small(footer, RGBColor(0x4A, 0x4A, 0x4A))
    # Field results take the paragraph style's size, not the run's: size the style too.
    document.styles["Footer"].font.size = Pt(8)
    document.styles["Header"].font.size = Pt(8)
    if page.layout == "sheet":
        _sheet_layout(document)
    elif page.layout == "wide":
        _wide_layout(document)


def _wide_layout(document) -> None:
    """Landscape pages and slightly smaller type, so a table of many columns stays readable."""
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    if width < height:  # turning the page means swapping its sides, not just the flag
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.styles["Normal"].font.size = Pt(8.5)


def _sheet_layout(document) -> None:
    """A handout: narrow margins, smaller type, two newspaper columns (as in the PDF)."""
    section = document.sections[0]
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin, section.bottom_margin = Mm(14), Mm(14)
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), str(int(Mm(7).twips)))
    sizes = {"Normal": 9.5, "Heading 1": 15, "Heading 2": 11.5, "Heading 3": 10}
    for name, size in sizes.items():
        style = document.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(6 if name.startswith("Heading") else 0)
        style.paragraph_format.space_after = Pt(2)
    for name in ("List Bullet", "List Bullet 2", "List Number", "List Continue"):
        document.styles[name].paragraph_format.space_after = Pt(1)


def _set_language(document, lang: str) -> None:
    """Mark all text with the document's language (the default run properties of styles.xml)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)


def _small(paragraph: Paragraph, color: RGBColor) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = color


def word_field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        ("instr", f" {code} "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
