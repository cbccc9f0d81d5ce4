"""Precise rebuilds: a document re-renders when a field it read changes, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import build_town, edit


def _build(project: Path, force: bool = False) -> list[str]:
    """Every web page of the town, built; what was rendered rather than reused."""
    return sorted(build_town(project, force=force).rendered)


@pytest.fixture
def once_built(project: Path) -> Path:
    assert _build(project), "the first build renders everything"
    assert _build(project) == [], "an unchanged rebuild renders nothing"
    return project


def test_a_field_only_the_rfp_shows_rebuilds_only_the_rfp(once_built: Path) -> None:
    # The page limit, not the RFP number: the operating agreement names the RFP too.
    edit(once_built, "    page_limit: 30\n", "    page_limit: 42\n")
    assert _build(once_built) == ["rfp/rfp.html"]
    assert "may not exceed 42 pages" in (once_built / "build/town/rfp/rfp.html").read_text()


def test_a_field_many_documents_show_rebuilds_each_of_them(once_built: Path) -> None:
    edit(
        once_built,
        "  host_department: Durham Community Safety Department\n",
        "  host_department: Department of Community Care\n",
    )
    rendered = _build(once_built)
    for stem in (
        "rfp/rfp.html",
        "worksheets/stakeholder-worksheet.html",
        "briefings/resident-sheet.en.html",
    ):
        assert stem in rendered, stem


def test_incremental_output_matches_a_forced_build(once_built: Path, tmp_path: Path) -> None:
    edit(once_built, "  rfp_number: RFP 26-014\n", '  rfp_number: "RFP-TEST-43"\n')
    _build(once_built)
    bundle = once_built / "build/town"
    incremental = {p.relative_to(bundle): p.read_bytes() for p in bundle.rglob("*.html")}
    _build(once_built, force=True)
    forced = {p.relative_to(bundle): p.read_bytes() for p in bundle.rglob("*.html")}
    assert incremental == forced


def test_why_names_the_fields_a_document_read(run) -> None:
    result = run("why", "town", "rfp/rfp")
    assert result.exit_code == 0, result.output
    assert "procurement.rfp_number" in result.output
    worksheet = run("why", "town", "worksheets/stakeholder-worksheet")
    assert worksheet.exit_code == 0, worksheet.output
    assert "procurement.rfp_number" not in worksheet.output
    assert "program.name" in worksheet.output
