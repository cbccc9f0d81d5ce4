"""Small pieces of the call analysis: classification, suppression, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from genkit.calls.classify import Classifier
from genkit.calls.suppress import counter
from genkit.model.program import Program
from tests.helpers import seattle_town

REPO = Path(__file__).resolve().parent.parent


def _program(**extra) -> Program:
    base = {
        "name": "T",
        "host_department": "D",
        "summary": "S",
        "team": [{"role": "x", "title": "clinician"}],
        "hours": {"always": "true"},
        "service_area": {"description": "all"},
        "call_types": [
            {"id": "mh", "label": "Mental health", "patterns": ["MENTAL*"]},
            {"id": "welfare", "label": "Welfare", "cad_codes": ["WELFARE  CHECK"]},
        ],
        "exclusions": [
            {
                "id": "violent",
                "label": "Violent",
                "route_to": "police",
                "patterns": ["*VIOLENT*", "*WELFARE*"],
            },
        ],
    }
    base.update(extra)
    return Program.model_validate(base)


def test_classification_precedence() -> None:
    classify = Classifier(_program())
    assert classify("MENTAL NOT VIOLENT").status == "excluded"  # exclusion pattern wins
    assert classify("mental  health").id == "mh"  # case and spaces ignored
    assert classify("Welfare Check").id == "welfare"  # exact code beats patterns
    assert classify("WELFARE CHECK - CHILD").id == "violent"
    assert classify("MENTAL [TEST] (A)").id == "mh"  # brackets are literal
    assert classify("NOISE").status == "unmatched"


def test_suppression() -> None:
    count, share = counter(10)
    assert str(count(9)) == "fewer than 10" and count(9).shown is None
    assert count(9).short == "<10" and str(count(0)) == "0" and str(count(12345)) == "12,345"
    assert str(share(9, 100)) == "not shown" and str(share(10, 40)) == "25.0%"


def test_heavy_libraries_load_only_when_drawing(tmp_path: Path) -> None:
    """--help and validate stay light, even for a jurisdiction whose analysis has charts."""

    from genkit.cli.calls_command import run_calls
    from genkit.paths import SearchPath

    data = REPO / "tests" / "data"
    seattle_town(tmp_path)
    run_calls("seattle-town", data / "seattle_calls_sample.csv", SearchPath.from_cwd(tmp_path))
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from click.testing import CliRunner\n"
        "from genkit.cli.main import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "r = CliRunner().invoke(main, ['validate', 'durham', 'seattle-town'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('matplotlib', 'numpy', 'weasyprint', 'duckdb', 'fastexcel')\n"
        "             if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
