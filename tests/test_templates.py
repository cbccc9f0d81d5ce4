"""Templates: overrides, located errors, the sandbox, and profile values printed literally."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from genkit.cli.main import main
from genkit.errors import SecurityError, TemplateError
from tests.helpers import build_town, docx_text, edit, html_text, pdf_text, squash

STEM = "worksheets/stakeholder-worksheet"


def override(project: Path, body: str, name: str = "stakeholder-worksheet.md.j2") -> Path:
    folder = project / "jurisdictions/town/templates/worksheets"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(body)
    return folder / name


def build_worksheet(project: Path, formats: Sequence[str] = ("html",)) -> Path:
    """Only the worksheet (every test here overrides its template); the bundle folder."""
    return build_town(project, "worksheets", formats).out_dir


def test_override_replaces_one_block(project: Path) -> None:
    override(
        project,
        '{% extends "builtin/worksheets/stakeholder-worksheet.md.j2" %}\n'
        "{% block tips %}## Our own tips\n\nCall the 911 director first.\n"
        "{% endblock %}\n",
    )
    text = html_text(build_worksheet(project) / f"{STEM}.html")
    assert "Call the 911 director first." in text
    assert "Tips for working with public-safety partners" not in text
    assert "1. Who should be at the table?" in text, "the other blocks are kept"


def test_working_folder_template_overrides_builtin(project: Path) -> None:
    folder = project / "templates/worksheets"
    folder.mkdir(parents=True)
    (folder / "stakeholder-worksheet.md.j2").write_text(
        "{#---\ntitle: Local worksheet\naudience: Staff\n---#}\n# Local worksheet for "
        "{{ jurisdiction.short_name }}\n"
    )
    text = html_text(build_worksheet(project) / f"{STEM}.html")
    assert "Local worksheet for Durham" in text


def test_undefined_name_fails_at_template_line(project: Path) -> None:
    path = override(
        project,
        "{#---\ntitle: T\naudience: A\n---#}\n# Title\n\nHours: {{ program.hours.sumary }}\n",
    )
    with pytest.raises(TemplateError) as info:
        build_worksheet(project)
    problem = info.value.problems[0]
    assert problem.file == str(path) and problem.line == 7
    assert "sumary" in problem.message
    assert not (project / "build").exists()


def test_syntax_error_fails_at_template_line(project: Path) -> None:
    path = override(project, "{#---\ntitle: T\naudience: A\n---#}\n# Title\n{% if %}\n")
    with pytest.raises(TemplateError) as info:
        build_worksheet(project)
    assert str(info.value.problems[0]).startswith(f"{path}:6: template syntax")


def test_cli_reports_template_error_without_traceback(project: Path, monkeypatch) -> None:
    override(project, "{#---\ntitle: T\naudience: A\n---#}\n{{ nope }}\n")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "town", "--only", "worksheets"])
    assert result.exit_code == 1
    assert "stakeholder-worksheet.md.j2:5: undefined: 'nope' is undefined" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ program.__class__ }}",
        "{{ ''|attr('__class__') }}",
        "{{ 'a{0.__class__}'.format(program) }}",
        "{{ program.model_validate }}",
    ],
)
def test_sandbox_refuses_escapes(project: Path, payload: str) -> None:
    override(project, "{#---\ntitle: T\naudience: A\n---#}\n# T\n\n" + payload + "\n")
    with pytest.raises((SecurityError, TemplateError)) as info:
        build_worksheet(project)
    assert info.value.problems[0].line == 7
    assert not (project / "build").exists()


def test_profile_values_come_out_literally_everywhere(project: Path) -> None:
    nasty = 'Team & <Co> "{{ 7*7 }}" <script>alert(1)</script> *not bold* [x](http://e.org)'
    edit(project, "agency: Durham Police Department", "agency: '" + nasty.replace("'", "''") + "'")
    bundle = build_worksheet(project, ["html", "pdf", "docx"])
    raw_html = (bundle / f"{STEM}.html").read_text()
    assert "<script>" not in raw_html and "49" not in html_text(bundle / f"{STEM}.html")
    for reader, fmt in ((html_text, "html"), (pdf_text, "pdf"), (docx_text, "docx")):
        out = squash(reader(bundle / f"{STEM}.{fmt}"))
        assert squash(nasty) in out, fmt
