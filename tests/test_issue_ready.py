"""A packet built for issue keeps its sources out of the documents and in a record for the file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.helpers import edit, html_text, squash

CITATION = re.compile(r"\[\d+(?:, \d+)*\]")
PACKET = ["rfp/rfp", "agreements/operating-agreement", "agreements/data-sharing-exhibit"]


def build(project: Path, run: Callable[..., Result]) -> Path:
    """The RFP packet's web pages, built through the CLI; the bundle folder."""
    result = run("build", "town", "--only", "rfp,agreements", "--format", "html", "-q")
    assert result.exit_code == 0, result.output
    return project / "build" / "town"


def test_an_issue_ready_packet_moves_its_sources_to_a_record(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(project, "  payment:\n", "  packet:\n    issue_ready: true\n  payment:\n")
    out = build(project, run)
    for doc in PACKET:
        text = squash(html_text(out / f"{doc}.html"))
        assert not CITATION.findall(text), (doc, CITATION.findall(text)[:3])
        assert "Sources and notes" not in text and "\nSources\n" not in text
    record = squash(html_text(out / "rfp" / "sources-record.html"))
    assert "not part of the solicitation" in record
    assert "Which source supports which fact" in record and "https://" in record
    assert "G.S. 132" not in record or "Public records and trade secrets" in record


def test_a_sample_keeps_its_sources_visible_and_has_no_record(
    project: Path, run: Callable[..., Result]
) -> None:
    out = build(project, run)
    assert not (out / "rfp" / "sources-record.html").exists()
    text = squash(html_text(out / "rfp" / "rfp.html"))
    assert CITATION.findall(text) and "Sources and notes" in text
