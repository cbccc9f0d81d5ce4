"""The Phoenix sample's week of real calls: the stored analysis is what `genkit calls` makes of
the shipped export, its counts match a count made here with the standard library alone, and the
call analysis document shows them."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from genkit.checks.validate import load_profile
from genkit.cli.calls_command import run_calls
from genkit.paths import SearchPath
from tests.helpers import build_sample

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "jurisdictions" / "phoenix"
EXPORT = FOLDER / "calls" / "phoenix-calls-2019-11-24-to-30.csv.gz"
# shared/ sits beside the checkout (CI's clean clone gets a copy there too).
WORKBOOK = REPO.parent / "shared" / "data" / "phoenix_calls_2019-11-24_to_30.xlsx"
# CAP's eligible call types in the sample profile, restated so the check does not reuse genkit.
ELIGIBLE = {
    "INSANE PERSON",
    "MENTALLY ILL SUBJECT TRANSPORT",
    "DRUNK DISTURBING/DOWN/CAR",
    "CHECK WELFARE",
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with gzip.open(EXPORT, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def stored() -> dict:
    return json.loads((FOLDER / "calls-analysis.json").read_text(encoding="utf-8"))


def test_stored_analysis_is_remade_from_the_shipped_export(tmp_path: Path) -> None:
    shutil.copytree(
        FOLDER,
        tmp_path / "jurisdictions" / "phoenix",
        ignore=shutil.ignore_patterns("calls-analysis.json"),
    )
    for name in ("_base", "_data", "_hiring"):
        shutil.copytree(REPO / "jurisdictions" / name, tmp_path / "jurisdictions" / name)
    copy = tmp_path / "jurisdictions" / "phoenix"
    run_calls("phoenix", copy / "calls" / EXPORT.name, SearchPath.from_cwd(tmp_path))
    assert (copy / "calls-analysis.json").read_bytes() == (
        FOLDER / "calls-analysis.json"
    ).read_bytes(), (
        "run 'genkit calls phoenix jurisdictions/phoenix/calls/...' to refresh the stored file"
    )


def test_counts_match_an_independent_count(rows: list[dict[str, str]], stored: dict) -> None:
    assert len(rows) == 12_903 == stored["meta"]["rows"] == stored["meta"]["demand"]
    types = Counter(" ".join(r["final_call_type"].split()) or "(blank)" for r in rows)
    assert {k: v["calls"] for k, v in stored["types"].items()} == dict(types)
    assert types["CHECK WELFARE"] == 1_155 and types["(blank)"] == 4
    when = [dt.datetime.strptime(r["call_date_time_mst"], "%Y-%m-%d %H:%M:%S") for r in rows]
    hours = Counter(w.weekday() * 24 + w.hour for w in when)
    merged: Counter = Counter()
    for entry in stored["types"].values():
        merged.update({int(k): v for k, v in entry["hours"].items()})
    assert merged == hours
    grids = Counter(r["grid"].strip() or "(blank)" for r in rows)
    areas: Counter = Counter()
    for entry in stored["types"].values():
        areas.update(entry["areas"])
    assert areas == grids and len(grids) == 1_357
    assert (stored["meta"]["first_day"], stored["meta"]["last_day"]) == ("2019-11-24", "2019-11-30")


def test_eligible_calls_match(rows: list[dict[str, str]]) -> None:
    analysis = load_profile("phoenix", SearchPath.from_cwd(REPO)).calls_analysis
    eligible = [r for r in rows if r["final_call_type"] in ELIGIBLE]
    assert analysis.eligible_total._value == len(eligible) == 1_333
    by_hour = Counter(int(r["call_date_time_mst"][11:13]) for r in eligible)
    assert [c._value for c in analysis.by_hour] == [by_hour[h] for h in range(24)]
    assert analysis.days == 7 and analysis.short_period


@pytest.mark.skipif(not WORKBOOK.exists(), reason="the city's workbook is not beside the repo")
def test_shipped_export_is_faithful_to_the_city_workbook(rows: list[dict[str, str]]) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(WORKBOOK, read_only=True).worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = list(next(values))
    original = [dict(zip(header, v, strict=True)) for v in values]
    assert len(original) == len(rows)
    for mine, theirs in zip(rows, original, strict=True):
        assert mine["final_call_type"] == (theirs["final_call_type"] or "")
        assert mine["grid"] == (theirs["grid"] or "")
        assert mine["call_date_time_mst"] == theirs["call_date_time_mst"].strftime(
            "%Y-%m-%d %H:%M:%S"
        )


def test_the_document_shows_the_week(tmp_path: Path) -> None:
    build_sample("phoenix", tmp_path, "analysis")
    page = (tmp_path / "phoenix" / "analysis" / "call-analysis.html").read_text()
    text = " ".join(page.split())
    assert "12,903 calls" in text and "1,333 calls" in text
    assert "24 November 2019 to 30 November 2019 (7 days)" in text
    assert "What 7 days of calls can and cannot show." in text
    assert "includes Thanksgiving Day" in text
    assert "calls officers started themselves are counted too" in text
    assert "No calls have been analyzed yet" not in text
    # A week spread over 1,357 grid cells: nearly every cell is too small to show.
    assert "areas with eligible calls had fewer than 10 of them, too few to show" in text
    for figure in ("heatmap", "hours", "areas", "staffing"):  # drawn, as SVG pictures
        assert f'id="figure-calls-{figure}"><img src="data:image/svg+xml;base64,' in page
