"""``genkit validate`` stops after the plan stage: it loads, validates and plans every profile,
renders nothing and writes nothing; ``--render`` also renders, as a build would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PROBE = """
import sys
from click.testing import CliRunner
from genkit.cli.main import main
result = CliRunner().invoke(main, {args})
print(result.exit_code)
print(result.output)
print(sorted(m for m in sys.modules if m.startswith(("genkit.render.", "weasyprint", "docx"))))
"""


def _validate(project: Path, *args: str) -> tuple[int, str, str]:
    code = PROBE.format(args=repr(["validate", "town", *args]))
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
    )
    exit_code, *output, modules = done.stdout.strip().split("\n")
    return int(exit_code), "\n".join(output), modules


def test_validate_plans_without_rendering_or_writing(project: Path) -> None:
    code, output, modules = _validate(project)
    assert code == 0, output
    assert "1 profile is valid and their documents are planned: town" in output
    # No template was rendered: neither the render stage nor a writer was even imported.
    assert "genkit.render.stage" not in modules and "weasyprint" not in modules
    assert "'docx'" not in modules
    assert not (project / "build").exists()


def test_validate_render_renders_every_document_and_reports_reading_grades(project: Path) -> None:
    code, output, modules = _validate(project, "--render")
    assert code == 0, output
    assert "town: briefings/resident-sheet.en: reading grade" in output
    assert "their templates render: town" in output
    assert "genkit.render.stage" in modules
    assert not (project / "build").exists()


def test_a_template_error_found_only_by_rendering(project: Path) -> None:
    folder = project / "templates" / "notes"
    folder.mkdir(parents=True)
    (folder / "broken.md.j2").write_text(
        "{#---\ntitle: Broken\naudience: Staff\n---#}\n# Broken\n\n{{ program.no_such_field }}\n",
        encoding="utf-8",
    )
    assert _validate(project)[0] == 0  # the front matter is fine
    code, output, _ = _validate(project, "--render")
    assert code == 1
    assert "broken.md.j2" in output and "Traceback" not in output
