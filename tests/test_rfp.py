"""The RFP: built for every sample from its profile, in HTML, PDF and Word."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from genkit.checks.validate import load_profile
from genkit.language.formatting import date_long
from genkit.paths import SearchPath
from genkit.render.text.filters import metric_value as _metric_value
from genkit.render.text.filters import money
from tests.helpers import docx_text, html_text, pdf_text, squash

REPO = Path(__file__).resolve().parent.parent
SAMPLES = ["durham", "harris-county", "long-beach", "philadelphia", "phoenix"]


def html_rows(path: Path) -> list[list[str]]:
    """Every table row of a page as its cells' text."""
    page = path.read_text(encoding="utf-8")
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


def expected_facts(name: str) -> list[str]:
    """Strings every format must show, taken from the profile rather than typed here."""
    profile = load_profile(name, SearchPath.from_cwd(REPO)).profile
    proc = profile.procurement
    assert proc is not None
    facts = [
        proc.rfp_number,
        proc.contact.email,
        money(proc.budget_ceiling),
        date_long(proc.timeline.proposals_due.date),
        date_long(proc.timeline.release.date),
        program_hours(profile),
    ]
    facts += [c.name for c in proc.evaluation.criteria]
    facts += [row.coverage for row in proc.terms.insurance]
    for standard in proc.performance_standards:
        definition = profile.metric_library[standard.metric]
        choice = next(m for m in profile.metrics if m.id == standard.metric)
        facts += [definition.name, metric_value(choice.target, definition.unit)]
    facts += [e.label for e in profile.program.exclusions]
    facts += [shift.hours_text for shift in proc.staffing.shifts]
    return facts


def program_hours(profile) -> str:
    return profile.program.hours.summary


def metric_value(value: float | None, unit: str) -> str:
    """The filter as an English document prints it (no template context: English strings)."""
    return _metric_value({}, value, unit)


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_builds_an_rfp_from_its_profile(built, name: str) -> None:
    folder = built(name, "rfp") / "rfp"
    texts = {
        "html": squash(html_text(folder / "rfp.html")),
        "pdf": squash(pdf_text(folder / "rfp.pdf")),
        "docx": squash(docx_text(folder / "rfp.docx")),
    }
    for fmt, text in texts.items():
        for fact in expected_facts(name):
            assert fact in text, f"{name} {fmt}: missing {fact!r}"
        for section in (
            "Scope of work",
            "Minimum data set",
            "Performance standards",
            "Minimum qualifications",
            "Checklist",
            "Scoring scale",
            "Timeline",
            "Insurance",
            "Indemnification",
            "Background checks",
            "Termination",
        ):
            assert section in text, f"{name} {fmt}: no section {section!r}"
        assert "{{" not in text and "{%" not in text


def test_weights_and_timeline_rows_come_from_the_profile(built) -> None:
    page = built("harris-county", "rfp") / "rfp" / "rfp.html"
    rows = {row[0]: row[1:] for row in html_rows(page) if row}
    assert rows["Technical approach"][-1] == "35" and rows["Price"][-1] == "20"
    assert rows["Total"][-1] == "100"
    assert rows["Notice of intent to propose due"][0] == "16 February 2026"
    assert rows["Evaluation panel review"][0] == "16 March 2026 to 27 March 2026"
    assert rows["Proposals due"][:2] == ["5 March 2026", "2 pm"]
    text = squash(html_text(page))
    # A county is "the County"; a yearly ceiling says so.
    assert 'the "County"' in text and "$6,600,000 a year" in text


def test_contractor_supplies_only_its_roles(built) -> None:
    page = built("philadelphia", "rfp") / "rfp" / "rfp.html"
    assert "The contractor will supply the civilian mental health clinician" in squash(
        html_text(page)
    )
    rows = {row[0]: row[1:] for row in html_rows(page) if row}
    assert rows["Police officer"] == ["1", "The City, not the contractor"]
    assert rows["Civilian mental health clinician"] == ["1", "The contractor"]


def test_word_rfp_has_a_toc_field_and_real_headings(built) -> None:
    path = built("durham", "rfp") / "rfp" / "rfp.docx"
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'TOC \\o "2-3" \\h \\z \\u' in xml
    assert 'w:fldCharType="begin" w:dirty="true"' in xml
    assert xml.count("<w:bookmarkStart") >= 40
    doc = Document(path)
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "toc 2", "toc 3"} <= styles
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == ["1. Introduction", "2. Background", "3. Scope of work"]
    entries = [p.text for p in doc.paragraphs if p.style.name == "toc 2"]
    assert entries[0] == "1. Introduction" and "10. Contract terms" in entries


def test_html_contents_links_to_every_section(built) -> None:
    page = (built("durham", "rfp") / "rfp" / "rfp.html").read_text(encoding="utf-8")
    links = re.findall(r'<li class="toc-level-\d"><a href="#([^"]+)">', page)
    assert "3-4-eligible-calls-and-exclusions" in links
    for anchor in links:
        assert f'id="{anchor}"' in page


def test_long_beach_rfp_is_built_inside_its_word_shell(built) -> None:
    path = built("long-beach", "rfp") / "rfp" / "rfp.docx"
    doc = Document(path)
    text = squash(docx_text(path))
    assert "Notice to proposers." in text and "General conditions" in text
    assert "Request for Proposals RFP HE26-031" in text  # the generated body is inside
    header = " ".join(p.text for p in doc.sections[0].header.paragraphs)
    assert "CITY OF LONG BEACH" in header and "City of Long Beach, Purchasing Division" in header
    assert "SAMPLE" in header
    assert doc.styles["Heading 2"].font.name == "Georgia"  # the shell's styles win
    assert "{{" not in text and "{{" not in header


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_shell_rfp_converts_cleanly_with_libreoffice(built, tmp_path: Path) -> None:
    source = built("long-beach", "rfp") / "rfp" / "rfp.docx"
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "rfp.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    text = squash(pdf_text(pdf))
    assert "RFP HE26-031" in text and "Contents" in text and "General conditions" in text
    assert len(PdfReader(pdf).pages) > 10
