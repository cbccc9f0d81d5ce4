"""Small pieces of the call analysis: dates, classification, suppression, lazy imports."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from genkit.calls.classify import Classifier
from genkit.calls.dates import make_parser, to_datetime
from genkit.calls.suppress import counter
from genkit.model.program import Program

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("fmt", "text", "expected"), [
    ("%m/%d/%Y %I:%M:%S %p", "11/04/2023 6:08:26 PM", dt.datetime(2023, 11, 4, 18, 8, 26)),
    ("%m/%d/%Y %I:%M:%S %p", "01/01/2020 12:00:01 AM", dt.datetime(2020, 1, 1, 0, 0, 1)),
    ("%m/%d/%Y %I:%M:%S %p", "01/01/2020 12:30:00 pm", dt.datetime(2020, 1, 1, 12, 30)),
    ("%Y-%m-%dT%H:%M:%S", "2024-02-29T23:59:59", dt.datetime(2024, 2, 29, 23, 59, 59)),
    ("%Y-%m-%d %H:%M:%S.%f", "2024-02-29 07:05:09.123", dt.datetime(2024, 2, 29, 7, 5, 9)),
    ("%d %b %Y %H:%M", "3 Mar 2022 14:15", dt.datetime(2022, 3, 3, 14, 15)),
    ("%m/%d/%y %H:%M", " 3/7/22  14:15 ", dt.datetime(2022, 3, 7, 14, 15)),
])
def test_dates_parse_like_strptime(fmt: str, text: str, expected: dt.datetime) -> None:
    assert to_datetime(make_parser(fmt)(text)) == expected


@pytest.mark.parametrize("text", ["02/30/2023 1:00:00 PM", "13/01/2023 1:00:00 PM",
                                  "01/01/2023 13:00:00 PM", "01/01/2023 1:60:00 PM", "",
                                  "01/01/2023 1:00:00 PM extra", "2023-01-01 13:00:00"])
def test_impossible_dates_are_refused(text: str) -> None:
    assert make_parser("%m/%d/%Y %I:%M:%S %p")(text) is None


def _program(**extra) -> Program:  # noqa: ANN003
    base = {
        "name": "T", "host_department": "D", "summary": "S",
        "team": [{"role": "x", "title": "clinician"}],
        "hours": {"always": "true"}, "service_area": {"description": "all"},
        "call_types": [
            {"id": "mh", "label": "Mental health", "patterns": ["MENTAL*"]},
            {"id": "welfare", "label": "Welfare", "cad_codes": ["WELFARE  CHECK"]},
        ],
        "exclusions": [
            {"id": "violent", "label": "Violent", "route_to": "police",
             "patterns": ["*VIOLENT*", "*WELFARE*"]},
        ],
    }
    base.update(extra)
    return Program.model_validate(base)


def test_classification_precedence() -> None:
    classify = Classifier(_program())
    assert classify("MENTAL NOT VIOLENT").status == "excluded"      # exclusion pattern wins
    assert classify("mental  health").id == "mh"                     # case and spaces ignored
    assert classify("Welfare Check").id == "welfare"                 # exact code beats patterns
    assert classify("WELFARE CHECK - CHILD").id == "violent"
    assert classify("MENTAL [TEST] (A)").id == "mh"                  # brackets are literal
    assert classify("NOISE").status == "unmatched"


def test_suppression() -> None:
    count, share = counter(10)
    assert str(count(9)) == "fewer than 10" and count(9).shown is None
    assert count(9).short == "<10" and str(count(0)) == "0" and str(count(12345)) == "12,345"
    assert str(share(9, 100)) == "not shown" and str(share(10, 40)) == "25.0%"


def test_heavy_libraries_load_only_when_drawing(tmp_path: Path) -> None:
    """--help and validate stay light, even for a jurisdiction whose analysis has charts."""
    import shutil

    from genkit.calls.run import run_calls
    from genkit.paths import SearchPath

    data = REPO / "tests" / "data"
    shutil.copytree(data / "seattle-town", tmp_path / "jurisdictions" / "seattle-town")
    run_calls("seattle-town", data / "seattle_calls_sample.csv", SearchPath.from_cwd(tmp_path))
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from click.testing import CliRunner\n"
        "from genkit.cli.main import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "r = CliRunner().invoke(main, ['validate', 'durham', 'seattle-town'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('matplotlib', 'numpy', 'weasyprint') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_parallel_read_equals_one_pass(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Split reading gives the same tally, also with quoted line breaks, a stray quote and a
    broken row (which makes it fall back to one pass when near a split)."""
    from genkit.calls import parallel
    from genkit.calls.reader import read_export
    from genkit.errors import Problem
    from genkit.model.calls import CallsData

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    monkeypatch.setattr(parallel, "EDGE_LINES", 2)
    config = CallsData.model_validate({
        "columns": {"call_type": "type", "received": "when", "source": "src", "area": "area"},
        "date_format": "%Y-%m-%d %H:%M", "officer_initiated": ["ONVIEW"]})
    lines = ["type,when,src,area\n"]
    for i in range(3000):
        kind = ['"WELFARE\nCHECK"', 'DISTURBANCE', '"SAY ""HI"""', 'NOISE 5" PIPE'][i % 4]
        src = "ONVIEW" if i % 7 == 0 else "911"
        lines.append(f"{kind},2024-01-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d},{src},B{i % 5}\n")
        if i == 1234:
            lines.append("broken,row\n")
    path = tmp_path / "calls.csv"
    path.write_text("".join(lines), encoding="utf-8")

    def where(p, m):  # noqa: ANN001, ANN202
        return Problem("t", 0, 0, "", m)

    one = read_export(path, config, where, workers=1).to_json()
    for workers in (2, 3, 4):
        assert read_export(path, config, where, workers=workers).to_json() == one
    meta = one["meta"]
    # header + 1,235 records before it, 309 of which span two lines (quoted line break)
    assert meta["malformed"] == 1 and meta["malformed_lines"][0]["line"] == 1 + 1235 + 309 + 1
    assert one["types"]["WELFARE CHECK"]["calls"] > 0
    assert meta["demand"] + meta["officer_initiated"] == 3000


def test_date_cache_is_never_misled() -> None:
    """Halves of odd values (extra spaces) are not cached, so later values still parse right."""
    values = [" 11/04/2023 1:00:00 PM", " 12/05/2023 2:00:00 PM", "11/04/2023  1:00:00 PM",
              " 11/04/2023 1:00:00 PM", "12/05/2023 2:00:00 PM", "11/04/2023 1:00:00 PM",
              "02/30/2023 1:00:00 PM", "11/04/2023 13:00:00 PM", "11/04/2023 1:00:00 PM"]
    cached = make_parser("%m/%d/%Y %I:%M:%S %p")
    for value in values * 2:
        fresh = make_parser("%m/%d/%Y %I:%M:%S %p")
        assert cached(value) == fresh(value), value
    assert to_datetime(cached(" 11/04/2023 1:00:00 PM")) == dt.datetime(2023, 11, 4, 13)
