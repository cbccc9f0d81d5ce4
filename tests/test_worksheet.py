"""The stakeholder worksheet: content, answer areas, sample marking, per-jurisdiction detail."""

from __future__ import annotations

import docx
from pypdf import PdfReader

from tests.helpers import docx_text, html_text, pdf_pages, pdf_text, squash

QUESTIONS = [
    "1. Who should be at the table?",
    "What does each person know that the plan needs?",
    "What matters most to each of them?",
    "What will they ask, and what will you bring?",
]
STEM = "worksheets/stakeholder-worksheet"


def texts(bundle) -> dict[str, str]:
    return {
        "html": squash(html_text(bundle / f"{STEM}.html")),
        "pdf": squash(pdf_text(bundle / f"{STEM}.pdf")),
        "docx": squash(docx_text(bundle / f"{STEM}.docx")),
    }


def test_four_questions_tips_and_evidence_in_every_format(built) -> None:
    for fmt, text in texts(built("durham", "worksheets")).items():
        for question in QUESTIONS[1:]:
            assert question in text, (fmt, question)
        assert "Tips for working with public-safety partners" in text, fmt
        assert "99% of about 30,000 calls" in text, fmt
        assert "Sources and notes" in text, fmt


def test_worked_examples_come_from_the_profile(built) -> None:
    durham = texts(built("durham", "worksheets"))
    long_beach = texts(built("long-beach", "worksheets"))
    for fmt in ("html", "pdf", "docx"):
        assert "Durham Emergency Communications Center" in durham[fmt]
        assert "Jordan Ellis" in durham[fmt]
        assert "9 am to midnight, every day" in durham[fmt]
        assert "Durham Emergency Communications Center" not in long_beach[fmt]
        assert "10 am to 5 pm, Monday to Friday" in long_beach[fmt]
        assert "562-435-6711" in long_beach[fmt]


def test_pdf_answer_areas_are_form_fields(built) -> None:
    reader = PdfReader(str(built("durham", "worksheets") / f"{STEM}.pdf"))
    fields = reader.get_fields() or {}
    names = set(fields)
    assert {"q1_who", "q2_expertise", "q3_priorities", "q4_questions"} <= names, names


def test_pdf_is_tagged_with_language_title_and_page_numbers(built) -> None:
    path = built("durham", "worksheets") / f"{STEM}.pdf"
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).startswith("en")
    assert "public-safety stakeholders" in reader.metadata.title
    pages = pdf_pages(path)
    assert f"Page 1 of {len(pages)}" in squash(pages[0])
    assert f"Page {len(pages)} of {len(pages)}" in squash(pages[-1])


def test_every_page_of_a_sample_says_so(built) -> None:
    bundle = built("durham", "worksheets")
    for page in pdf_pages(bundle / f"{STEM}.pdf"):
        assert "SAMPLE" in page and "not an official document" in squash(page)
        assert "City of Durham · HEART" in squash(page)
    document = docx.Document(str(bundle / f"{STEM}.docx"))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "SAMPLE" in header and "City of Durham" in header
    assert "SAMPLE" in html_text(bundle / f"{STEM}.html")
    assert "SAMPLE" in html_text(bundle / "index.html")


def test_docx_uses_real_word_styles(built) -> None:
    document = docx.Document(str(built("durham", "worksheets") / f"{STEM}.docx"))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "List Number", "List Bullet"} <= styles, styles
    table = document.tables[0]
    first_row = table.rows[0]._tr
    assert first_row.trPr is not None and first_row.trPr.xpath("./w:tblHeader"), (
        "table header rows repeat on every page"
    )
    footer_xml = document.sections[0].footer._element.xml
    assert "NUMPAGES" in footer_xml and " PAGE " in footer_xml
    assert document.core_properties.title.startswith("Preparing to meet")


def test_docx_answer_areas_are_boxes(built) -> None:
    document = docx.Document(str(built("durham", "worksheets") / f"{STEM}.docx"))
    prompts = [
        t.cell(0, 0).paragraphs[0].text
        for t in document.tables
        if len(t.rows) == 1 and len(t.columns) == 1
    ]
    assert "My answers: who I will invite, and why" in prompts
    assert len(prompts) == 4


def test_word_template_document_renders(built) -> None:
    text = docx_text(built("durham", "worksheets") / "worksheets/stakeholder-invitation.docx")
    assert "Invitation: HEART public-safety working group" in text
    assert "Alliance Health: Alliance manages" in text
    assert "{{" not in text and "{%" not in text
