"""The real Seattle sample (tests/data) analyzed end to end, checked against counts made here
independently with the standard library (csv, datetime.strptime, fnmatch)."""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import io
import json
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from genkit.checks.validate import load_profile
from genkit.cli.calls_command import run_calls
from genkit.paths import SearchPath
from genkit.pipeline import Options, build
from tests.helpers import seattle_town

DATA = Path(__file__).parent / "data"
CSV_NAME = "seattle_calls_sample.csv"

# The test profile's classification, restated here so the check does not reuse genkit's code.
ELIGIBLE = {
    "suicide-threat": {"SUICIDE - SUICIDAL PERSON AND ATTEMPTS"},
    "trespass": {"TRESPASS"},
    "welfare-check": {"SERVICE - WELFARE CHECK", "DOWN - CHECK FOR DOWN PERSON"},
    "indecency": {"LEWD - (EXPOSING, FLASHING)", "URINATING, DEFECATING IN PUBLIC"},
    "verbal-disturbance": {
        "DISTURBANCE",
        "OBS - FIGHT - VERBAL/ORAL (NO WEAPONS)",
        "NUISANCE",
        "SUSPICIOUS PERSON, VEHICLE, OR INCIDENT",
    },
}
ELIGIBLE_PATTERNS = {"indecency": ["SEX IN PUBLIC*"]}
EXCLUDED_PATTERNS = ["SHOTS*", "*GUN*", "*DV*", "ASLT*", "*CRITICAL*", "THREATS*", "SFD - *"]
EXCLUDED_CODES = {"OVERDOSE", "OBS - DOA - CASUALTY, DEAD BODY"}


def independent_status(code: str) -> str:
    code = " ".join(code.split()).upper()
    for ident, codes in ELIGIBLE.items():
        if code in codes:
            return ident
    if code in EXCLUDED_CODES or any(fnmatch.fnmatchcase(code, p) for p in EXCLUDED_PATTERNS):
        return "excluded"
    for ident, patterns in ELIGIBLE_PATTERNS.items():
        if any(fnmatch.fnmatchcase(code, p) for p in patterns):
            return ident
    return "unmatched"


@pytest.fixture(scope="module")
def expected() -> dict:
    with open(DATA / CSV_NAME, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    demand = [r for r in rows if r["Call Type"] in ("911", "TELEPHONE OTHER, NOT 911")]
    eligible = [
        r
        for r in demand
        if independent_status(r["Initial Call Type"]) not in ("excluded", "unmatched")
    ]
    when = [
        dt.datetime.strptime(r["Original Time Queued"], "%m/%d/%Y %I:%M:%S %p") for r in eligible
    ]
    return {
        "rows": len(rows),
        "officer": sum(r["Call Type"] == "ONVIEW" for r in rows),
        "demand": len(demand),
        "eligible": len(eligible),
        "excluded": sum(independent_status(r["Initial Call Type"]) == "excluded" for r in demand),
        "by_type": Counter(independent_status(r["Initial Call Type"]) for r in eligible),
        "years": Counter(w.year for w in when),
        "hours": Counter(w.hour for w in when),
        "grid": Counter((w.weekday(), w.hour) for w in when),
    }


@pytest.fixture(scope="module")
def seattle(tmp_path_factory) -> Path:
    """A working folder with the Seattle test profile and its analysis stored."""
    root = seattle_town(tmp_path_factory.mktemp("seattle"))
    shutil.copy(DATA / CSV_NAME, root / CSV_NAME)
    shutil.copy(DATA / "README.md", root / "README-data-origin.md")  # keep the origin note
    run_calls("seattle-town", root / CSV_NAME, SearchPath.from_cwd(root))
    return root


@pytest.fixture(scope="module")
def analysis(seattle: Path):
    return load_profile("seattle-town", SearchPath.from_cwd(seattle)).calls_analysis


def test_stored_tally_matches_independent_counts(seattle: Path, expected: dict) -> None:
    data = json.loads((seattle / "jurisdictions/seattle-town/calls-analysis.json").read_text())
    meta = data["meta"]
    assert expected["rows"] == 222 and expected["demand"] == 173
    assert meta["rows"] == expected["rows"]
    assert meta["officer_initiated"] == expected["officer"] == 13
    assert meta["other_sources"] == 36
    assert meta["demand"] == expected["demand"]
    assert (meta["first_day"], meta["last_day"]) == ("2018-01-05", "2023-12-28")
    assert sum(t["calls"] for t in data["types"].values()) == expected["demand"]


def test_analysis_matches_independent_counts(analysis, expected: dict) -> None:
    assert analysis.demand_total._value == expected["demand"]
    assert analysis.eligible_total._value == expected["eligible"] == 50
    assert analysis.excluded_total._value == expected["excluded"]
    assert (
        analysis.unmatched_total._value
        == expected["demand"] - expected["eligible"] - expected["excluded"]
    )
    assert {r["id"]: r["calls"]._value for r in analysis.by_call_type if r["calls"]._value} == dict(
        expected["by_type"]
    )
    assert {
        r["year"]: r["eligible"]._value for r in analysis.per_year if r["eligible"]._value
    } == dict(expected["years"])
    assert [c._value for c in analysis.by_hour] == [expected["hours"][h] for h in range(24)]
    assert [[c._value for c in row] for row in analysis.grid] == [
        [expected["grid"][(d, h)] for h in range(24)] for d in range(7)
    ]
    assert str(analysis.eligible_share) == f"{50 / 173:.1%}"


def test_service_window_is_the_shortest(analysis, expected: dict) -> None:
    hours, total = expected["hours"], expected["eligible"]

    def best(length: int) -> int:
        return max(sum(hours[(s + k) % 24] for k in range(length)) for s in range(24))

    window = analysis.window
    shortest = next(n for n in range(1, 25) if best(n) >= 0.8 * total)
    assert window.hours == shortest
    assert sum(hours[(window.start + k) % 24] for k in range(window.hours)) == best(shortest)


def test_small_counts_are_suppressed(analysis) -> None:
    trespass = next(r for r in analysis.by_call_type if r["id"] == "trespass")
    assert trespass["calls"]._value == 1
    assert str(trespass["calls"]) == "fewer than 3" and trespass["calls"].shown is None
    assert str(trespass["share"]) == "not shown"
    # Rare unmatched call types are counted, never named.
    assert all(r["calls"]._value >= 3 for r in analysis.unmatched)
    assert analysis.unmatched_rare > 0


def test_rerun_gives_identical_bytes(seattle: Path) -> None:
    path = seattle / "jurisdictions/seattle-town/calls-analysis.json"
    before = path.read_bytes()
    run_calls("seattle-town", seattle / CSV_NAME, SearchPath.from_cwd(seattle))
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".calls-analysis.json.*"))  # no temporary file left


@pytest.fixture(scope="module")
def bundle(seattle: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seattle-out")
    build(["seattle-town"], SearchPath.from_cwd(seattle), Options(out_root=out, only=["analysis"]))
    return out / "seattle-town"


def test_document_in_all_formats(bundle: Path) -> None:
    html = (bundle / "analysis/call-analysis.html").read_text()
    reader = PdfReader(bundle / "analysis/call-analysis.pdf")
    pdf = "\n".join(p.extract_text() for p in reader.pages)
    assert not any(page.images for page in reader.pages), "charts must stay vector in the PDF"
    docx = Document(bundle / "analysis/call-analysis.docx")
    word = "\n".join(p.text for p in docx.paragraphs) + "\n".join(
        c.text for t in docx.tables for row in t.rows for c in row.cells
    )
    for text in (html, pdf, word):
        text = " ".join(text.split())  # PDF lines wrap inside table cells
        assert "911 call analysis" in text
        assert "173" in text and "28.9%" in text
        assert "fewer than 3" in text
        assert "SUSPICIOUS PERSON, VEHICLE, OR INCIDENT" in text
        assert "Staffing estimate" in text
    # Vector charts in HTML (and so in the PDF), pictures with alternative text in Word.
    assert html.count('src="data:image/svg+xml;base64,') == 5
    assert 'alt="Bar chart of 911 calls per year' in html
    with zipfile.ZipFile(bundle / "analysis/call-analysis.docx") as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        body = archive.read("word/document.xml").decode()
    assert len(media) == 5 and all(n.endswith(".png") for n in media)
    assert 'descr="Heat map of eligible calls' in body


def test_charts_are_deterministic(seattle: Path) -> None:
    from genkit.render.figure_registry import make_figure

    loaded = load_profile("seattle-town", SearchPath.from_cwd(seattle))
    first = make_figure("calls-heatmap", loaded)
    again = make_figure("calls-heatmap", load_profile("seattle-town", SearchPath.from_cwd(seattle)))
    assert first.svg() == again.svg() and first.png() == again.png()
    svg = first.svg().decode()
    assert "<title>Heat map of eligible calls" in svg and "Date" not in svg.split("<title>")[0]


def test_analysis_changes_the_fingerprint(seattle: Path) -> None:
    from genkit.plan.jobs import inputs_fingerprint

    search = SearchPath.from_cwd(seattle)
    loaded = load_profile("seattle-town", search)
    with_analysis = inputs_fingerprint(loaded, search.template_dirs())
    loaded.calls_tally = None
    assert inputs_fingerprint(loaded, search.template_dirs()) != with_analysis


def test_reclassified_at_build_time(seattle: Path, tmp_path: Path) -> None:
    """Editing the eligible call types changes the figures without reading the export again."""
    shutil.copytree(seattle / "jurisdictions", tmp_path / "jurisdictions")
    profile = tmp_path / "jurisdictions/seattle-town/profile.yaml"
    profile.write_text(
        profile.read_text().replace(', "SUSPICIOUS PERSON, VEHICLE, OR INCIDENT"', "")
    )
    analysis = load_profile("seattle-town", SearchPath.from_cwd(tmp_path)).calls_analysis
    assert analysis.eligible_total._value == 50 - 23
    assert any(r["code"] == "SUSPICIOUS PERSON, VEHICLE, OR INCIDENT" for r in analysis.unmatched)


def test_cli_lists_unmatched_types(seattle: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from genkit.cli.main import main

    monkeypatch.chdir(seattle)
    result = CliRunner().invoke(main, ["calls", "seattle-town", CSV_NAME])
    assert result.exit_code == 0, result.output
    assert "173 calls count as 911 demand" in result.output
    assert "PARKING VIOLATION (EXCEPT ABANDONED CAR)" in result.output
    assert io.StringIO(result.output).read().count("wrote ") == 1


def test_calls_facts_partial_for_other_documents(seattle: Path, tmp_path: Path) -> None:
    """The RFP and briefing sheets include _common/calls_facts.md.j2 to quote the analysis."""
    shutil.copytree(seattle / "jurisdictions", tmp_path / "jurisdictions")
    family = tmp_path / "templates" / "briefings"
    family.mkdir(parents=True)
    (family / "facts.md.j2").write_text(
        "{#---\ntitle: Facts\naudience: test\n---#}\n# Facts\n\n"
        '{% include "_common/calls_facts.md.j2" %}\n'
    )
    build(
        ["seattle-town"],
        SearchPath.from_cwd(tmp_path),
        Options(out_root=tmp_path / "out", only=["facts"], formats=["html"]),
    )
    html = (tmp_path / "out/seattle-town/briefings/facts.html").read_text()
    assert "received 173 calls for service" in html
    assert "50 (28.9%) were of a type HEART could take" in html


def test_benchmark_script_runs() -> None:
    """The 10,000,000-row target is checked by running the script itself; here, a small run of
    its three cases (CSV, workbook, the Phoenix week)."""
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "calls_benchmark.py"
    out = subprocess.run(
        [sys.executable, str(script), "--rows", "20000", "--workbook-rows", "500"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "csv: read 20,000 rows" in out.stdout and "workbook: read 500 rows" in out.stdout
    assert "phoenix: read 12,903 rows" in out.stdout and out.stdout.strip().endswith("PASS")
