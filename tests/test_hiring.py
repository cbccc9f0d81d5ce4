"""Hiring kit: a job description and a structured interview guide for every position, in HTML,
PDF and Word, built for each sample jurisdiction from its own program facts."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from genkit.checks.validate import load_profile
from genkit.paths import SearchPath

REPO = Path(__file__).resolve().parent.parent
SAMPLES = ["durham", "harris-county", "long-beach", "philadelphia", "phoenix"]

JD_SECTIONS = [
    "About HEART",
    "The position",
    "Schedule",
    "Essential duties",
    "Minimum qualifications",
    "Preferred qualifications",
    "Licenses and certifications",
    "Knowledge, skills and abilities",
    "Working conditions",
    "Physical demands",
    "Pay and benefits",
    "Training",
    "Background check",
    "Fair chance",
    "Equal opportunity",
    "How to apply",
    "Sources and notes",
]
GUIDE_SECTIONS = [
    "How this interview works",
    "Instructions for the panel",
    "Questions you must not ask",
    "Opening (read to every candidate)",
    "Questions",
    "Closing (read to every candidate)",
    "Scoring sheet",
]


@pytest.fixture
def kit(built):
    """A sample's job descriptions and interview guides, built once for the session."""
    return lambda jurisdiction: built(jurisdiction, "job_descriptions,interview_guides")


def html_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<main>") : raw.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return " ".join(" ".join(parts).split())


def texts(bundle: Path, stem: str) -> dict[str, str]:
    return {
        "html": html_text(bundle / f"{stem}.html"),
        "pdf": pdf_text(bundle / f"{stem}.pdf"),
        "docx": docx_text(bundle / f"{stem}.docx"),
    }


def profile(name: str):
    return load_profile(name, SearchPath.from_cwd(REPO)).profile


@pytest.mark.parametrize("name", SAMPLES)
def test_every_position_gets_a_job_description_and_an_interview_guide(kit, name: str) -> None:
    bundle = kit(name)
    positions = profile(name).staffing.positions
    assert len(positions) >= 3
    for position in positions:
        for family in ("job_descriptions", "interview_guides"):
            for ext in ("html", "pdf", "docx"):
                path = bundle / family / f"{position.id}.{ext}"
                assert path.is_file() and path.stat().st_size > 1000, path
        guide = html_text(bundle / "interview_guides" / f"{position.id}.html")
        assert position.title in guide


def test_job_description_sections_in_all_formats(kit) -> None:
    for fmt, text in texts(kit("durham"), "job_descriptions/peer-support-specialist").items():
        for section in JD_SECTIONS:
            assert section in text, (fmt, section)
        assert "Peer Support Specialist" in text
        assert "Durham Community Safety Department" in text
        assert "North Carolina Certified Peer Support Specialist" in text, fmt
        assert "$49,737 to $77,169 a year" in text, fmt
        # Schedule derived from the program's hours and the position's shifts.
        assert "9 am to 9 pm or noon to midnight" in text, fmt
        assert "equal opportunity employer" in text, fmt


def test_illustrative_pay_is_marked(kit) -> None:
    text = html_text(kit("durham") / "job_descriptions" / "advanced-emt.html")
    assert "Illustrative figure" in text
    sourced = html_text(kit("durham") / "job_descriptions" / "peer-support-specialist.html")
    assert "Illustrative figure" not in sourced
    # A job description lists its own illustrative facts, not every other position's.
    assert "Pay range (Advanced EMT)" not in sourced


def test_interview_guide_sections_in_all_formats(kit) -> None:
    loaded = profile("durham")
    position = loaded.staffing.positions[0]
    job = loaded.staffing.job(position, loaded.program)
    assert 5 <= len(job.interview) <= 8
    for fmt, text in texts(kit("durham"), f"interview_guides/{position.id}").items():
        for section in GUIDE_SECTIONS:
            assert section in text, (fmt, section)
        for item in job.interview:
            assert item.competency.name in text, (fmt, item.competency.name)
        assert "Behavioral question" in text and "Situational question" in text, fmt
        assert "5: High" in text and "3: Middle" in text and "1: Low" in text, fmt
        assert "Evidence and notes" in text and "Panel decision" in text, fmt
    # Situational questions are framed by this program's own call types.
    guide = html_text(kit("durham") / "interview_guides" / f"{position.id}.html")
    labels = {item.call_type.label for item in job.interview}
    assert len(labels) >= 4
    for label in labels:
        assert f"call type {label}" in guide


def test_scoring_sheet_is_fillable_in_pdf_and_a_table_in_word(kit) -> None:
    loaded = profile("durham")
    position = loaded.staffing.positions[0]
    job = loaded.staffing.job(position, loaded.program)
    folder = kit("durham") / "interview_guides"
    fields = PdfReader(folder / f"{position.id}.pdf").get_fields() or {}
    for name in (
        "interview_candidate_details",
        "interview_panel-member_details",
        "interview_date_details",
        "agreed_agreed-total_agreed-rating",
    ):
        assert name in fields, name
    for i, item in enumerate(job.interview, start=1):
        for sheet, column in (("score", "your-rating"), ("agreed", "agreed-rating")):
            [rating] = [
                n for n in fields if n.startswith(f"{sheet}_{i}-") and n.endswith(f"_{column}")
            ]
            # a radio group whose values are the ratings 1 to 5
            assert fields[rating]["/FT"] == "/Btn" and fields[rating]["/Ff"] & (1 << 15)
            assert list(fields[rating]["/Opt"]) == ["1", "2", "3", "4", "5"]
            assert fields[rating]["/TU"].startswith(f"{i}. {item.competency.name}")
        assert any(
            n.startswith(f"score_{i}-") and n.endswith("_evidence-and-notes") for n in fields
        )
    assert any(n.startswith("score_your-total") for n in fields)
    assert list(fields["decision_recommendation_details"]["/Opt"]) == ["advance", "do not advance"]

    doc = Document(str(folder / f"{position.id}.docx"))
    sheet = next(
        t
        for t in doc.tables
        if t.cell(0, 0).text == "Competency" and "Your rating" in t.cell(0, 1).text
    )
    assert len(sheet.rows) == len(job.interview) + 2
    tags = [e.get(qn("w:val")) for e in sheet._tbl.xpath(".//w:sdtPr/w:tag")]
    prefix = tags[0].rsplit("=", 1)[0]
    assert prefix.startswith("score_1-") and prefix.endswith("_your-rating")
    assert tags[:5] == [f"{prefix}={r}" for r in "12345"]  # a Word tick box per rating


@pytest.mark.parametrize("name", ["durham", "long-beach"])
def test_job_description_ksas_are_the_interview_competencies_one_to_one(kit, name: str) -> None:
    loaded = profile(name)
    for position in loaded.staffing.positions:
        job = loaded.staffing.job(position, loaded.program)
        page = (kit(name) / "job_descriptions" / f"{position.id}.html").read_text("utf-8")
        ksa = page.split("Knowledge, skills and abilities</h2>")[1].split("<h2")[0]
        listed = [html.unescape(n) for n in re.findall(r"<li><strong>([^<]+)\.</strong>", ksa)]
        guide = html_text(kit(name) / "interview_guides" / f"{position.id}.html")
        asked = [item.competency.name for item in job.interview]
        assert listed == asked, position.id
        for number, competency in enumerate(asked, start=1):
            assert f"{number}. {competency}" in guide, (position.id, competency)


def test_job_description_carries_the_classification_facts(kit) -> None:
    page = html_text(kit("durham") / "job_descriptions" / "crisis-response-clinician.html")
    assert "FLSA status Exempt (not paid overtime)" in " ".join(page.split())
    assert "Grade set by human resources" in " ".join(page.split())
    assert "Hiring range" in page and "Supervision received" in page
    assert "Applications close on 15 May 2026" in page
    assert "Human Resources Department" in page  # the accommodation contact
    peer = " ".join(
        html_text(kit("durham") / "job_descriptions" / "peer-support-specialist.html").split()
    )
    assert "FLSA status Non-exempt (paid overtime)" in peer
    assert "Supervision exercised none" in peer
    boss = " ".join(
        html_text(kit("durham") / "job_descriptions" / "community-response-supervisor.html").split()
    )
    assert "Supervision exercised The field teams on each shift" in boss
    assert "A conviction record does not by itself rule anyone out" in boss


def test_panel_decision_states_the_cut_score_and_knock_out(kit) -> None:
    loaded = profile("durham")
    rules = loaded.staffing.interview
    assert rules is not None and "staffing.interview" in loaded.illustrative
    for position in loaded.staffing.positions:
        count = len(loaded.staffing.job(position, loaded.program).interview)
        text = html_text(kit("durham") / "interview_guides" / f"{position.id}.html")
        total = rules.total_needed(count)
        assert total == -(-rules.cut_score * count // 1)
        assert f"agreed total of at least {total} out of {count * 5}" in text, position.id
        assert f"An agreed rating of {rules.knock_out_at} on any competency ends" in text


def test_same_role_differs_between_jurisdictions(kit) -> None:
    durham = html_text(kit("durham") / "job_descriptions" / "peer-support-specialist.html")
    long_beach = html_text(kit("long-beach") / "job_descriptions" / "peer-navigator.html")
    assert profile("long-beach").staffing.positions[2].role == "peer-support-specialist"
    assert "HEART" in durham and "HEART" not in long_beach
    assert "CCR" in long_beach
    assert "North Carolina Certified Peer Support Specialist" in durham
    assert "North Carolina" not in long_beach and "Medi-Cal" in long_beach
    assert "$49,737" in durham and "$49,737" not in long_beach
    assert "trespass" in durham and "unwelcome person" in long_beach
    assert "unwelcome person" not in durham

    guides = "interview_guides"
    durham_guide = html_text(kit("durham") / guides / "crisis-response-clinician.html")
    philly_guide = html_text(kit("philadelphia") / guides / "cirt-clinician.html")
    assert "HEART's call type" in durham_guide
    assert "Philadelphia 911 Triage & Co-Responder / CIRT" in philly_guide
    philly_jd = html_text(kit("philadelphia") / "job_descriptions" / "cirt-clinician.html")
    assert "Pennsylvania license" in philly_jd and "police officer" in philly_jd
    phoenix_jd = html_text(kit("phoenix") / "job_descriptions" / "caseworker-ii.html")
    assert "$40,976 to $62,317 a year" in phoenix_jd


def test_position_without_a_library_role_is_built_from_its_own_fields(kit) -> None:
    nurse = profile("long-beach").staffing.positions[1]
    assert nurse.role is None
    text = html_text(kit("long-beach") / "job_descriptions" / "public-health-nurse.html")
    assert "California Public Health Nurse certificate" in text
    assert "Medical screening and scope of practice" in html_text(
        kit("long-beach") / "interview_guides" / "public-health-nurse.html"
    )


@pytest.mark.parametrize("name", SAMPLES)
def test_questions_fit_the_role_and_vary_the_scenes(name: str) -> None:
    loaded = profile(name)
    for position in loaded.staffing.positions:
        job = loaded.staffing.job(position, loaded.program)
        # A 911-center clinician is asked phone scenes, a manager office ones.
        assert all(job.role.setting in item.situational.settings for item in job.interview)
        scenes = [item.situational.scenario for item in job.interview]
        assert len(set(scenes)) >= 4, (position.id, scenes)
        assert max(scenes.count(s) for s in scenes) <= 2, (position.id, scenes)
        calls = {c.id for c in loaded.program.call_types}
        assert all(item.call_type.id in calls for item in job.interview)
