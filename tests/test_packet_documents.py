"""The RFP packet's forms: score sheet, proposer forms, notice of intent and question form."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from genkit.checks.validate import load_profile
from genkit.paths import SearchPath
from tests.helpers import docx_text, html_text, squash

REPO = Path(__file__).resolve().parent.parent
NAME = "long-beach"  # any sample with an RFP; its rfp family is built once per session


def profile():
    return load_profile(NAME, SearchPath.from_cwd(REPO)).profile


def word_fields(path: Path) -> list[str]:
    body = Document(str(path)).element.body
    return [
        tag.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
        for tag in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tag")
    ]


def test_the_score_sheet_scores_every_criterion_but_cost_with_fillable_fields(built) -> None:
    folder = built(NAME, "rfp") / "rfp"
    ev = profile().procurement.evaluation
    text = squash(html_text(folder / "score-sheet.html"))
    pdf_fields = set(PdfReader(folder / "score-sheet.pdf").get_fields() or {})
    docx_fields = set(word_fields(folder / "score-sheet.docx"))
    for c in ev.criteria:
        if c.cost:
            assert f"c-{c.id}_score-0-to-5_details" not in pdf_fields
            continue
        assert c.name in text
        for name in (
            f"c-{c.id}_strengths_details",
            f"c-{c.id}_weaknesses_details",
            f"c-{c.id}_score-0-to-5_details",
        ):
            assert name in pdf_fields and name in docx_fields, name
    for level in ev.scale:  # the 0-5 anchors, each with its own label
        assert f"{level.score} {level.label} {level.meaning}" in text
    assert "statement_signature_details" in pdf_fields
    assert "confidential" in text and "financial interest" in text


@pytest.mark.parametrize(
    "doc, fields",
    [
        (
            "proposer-forms",
            [
                "proposer_legal-name-of-the-organization_details",
                "noncollusion_signature-of-a-person-who-can-bind-the-p_details",
                "addenda_addendum-first_date-issued",
                "signature_signature_details",
            ],
        ),
        ("notice-of-intent", ["intent_legal-name-of-the-organization_details"]),
        ("question-form", ["questions_1_question", "questions_5_rfp-section"]),
    ],
)
def test_each_form_is_fillable_in_pdf_and_word(built, doc: str, fields: list[str]) -> None:
    folder = built(NAME, "rfp") / "rfp"
    pdf_fields = set(PdfReader(folder / f"{doc}.pdf").get_fields() or {})
    docx_fields = set(word_fields(folder / f"{doc}.docx"))
    for name in fields:
        assert name in pdf_fields and name in docx_fields, name


def test_forms_take_their_dates_and_terms_from_the_profile(built) -> None:
    folder = built(NAME, "rfp") / "rfp"
    proc = profile().procurement
    forms = squash(docx_text(folder / "proposer-forms.docx"))
    assert f"for {proc.packet.validity_days} days after the deadline" in forms
    questions = squash(html_text(folder / "question-form.html"))
    assert proc.contact.email in questions and proc.rfp_number in questions


def test_federal_certifications_come_with_federal_money(built) -> None:
    # Long Beach plans a SAMHSA grant: a federal award, so the forms carry form 6.
    text = squash(html_text(built(NAME, "rfp") / "rfp" / "proposer-forms.html"))
    assert "Form 6. Federal certifications" in text and "debarred" in text
    phoenix = squash(html_text(built("phoenix", "rfp") / "rfp" / "proposer-forms.html"))
    assert "Federal certifications" not in phoenix and "forms 1 to 5" in phoenix
