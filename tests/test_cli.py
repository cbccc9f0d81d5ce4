"""The command line as users meet it: exit codes, messages, and nothing written on error."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import edit

PROFILE = "jurisdictions/town/profile.yaml"


def break_profile(project: Path) -> None:
    edit(project, "  host_department:", "  host_departmnt:")


def test_bad_profile_exits_1_with_located_message_and_writes_nothing(run, project) -> None:
    break_profile(project)
    result = run("build", "town")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{PROFILE}:" in result.output
    assert (
        "program.host_departmnt: unknown field 'host_departmnt'; did you mean "
        "'host_department'?" in result.output
    )
    assert not (project / "build").exists()


def test_validate_writes_nothing_and_reports(run, project) -> None:
    result = run("validate", "town")
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
    assert not (project / "build").exists()
    break_profile(project)
    assert run("validate", "town").exit_code == 1


def test_unknown_jurisdiction_and_bad_names(run) -> None:
    result = run("build", "nowhere")
    assert result.exit_code == 1
    assert "no jurisdiction named 'nowhere'" in result.output
    for bad in ("../etc", "/abs", "CON", "a b"):
        result = run("build", bad)
        assert result.exit_code == 1, bad
        assert "is not a valid jurisdiction name" in result.output


def test_build_only_and_format(run, project) -> None:
    result = run("build", "town", "--only", "stakeholder-worksheet", "--format", "html", "-q")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    bundle = project / "build" / "town"
    assert (bundle / "worksheets/stakeholder-worksheet.html").is_file()
    assert not (bundle / "worksheets/stakeholder-worksheet.pdf").exists()
    assert run("build", "town", "--only", "nothing").exit_code == 1
    assert run("build", "town", "--format", "odt").exit_code == 2


def test_list_shows_documents_and_override(run, project) -> None:
    result = run("list", "town")
    assert "worksheets/stakeholder-worksheet" in result.output
    assert "(built-in)" in result.output
    override = project / "jurisdictions/town/templates/worksheets"
    override.mkdir(parents=True)
    (override / "stakeholder-worksheet.md.j2").write_text(
        '{% extends "builtin/worksheets/stakeholder-worksheet.md.j2" %}\n'
        "{% block tips %}## Our own tips\n\nCall us first.\n{% endblock %}\n"
    )
    result = run("list", "town")
    assert (
        "jurisdictions/town/templates/worksheets/stakeholder-worksheet.md.j2 "
        "(jurisdiction override)" in result.output
    )


def test_schema_is_json_schema(run) -> None:
    schema = json.loads(run("schema").output)
    assert schema["title"] == "genkit jurisdiction profile"
    assert "program" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_new_profile_validates_and_builds(run, project) -> None:
    result = run("new", "springfield", "--name", "City of Springfield, IL")
    assert result.exit_code == 0, result.output
    text = (project / "jurisdictions/springfield/profile.yaml").read_text()
    assert "# " in text and '"City of Springfield"' in text
    assert run("validate", "springfield").exit_code == 0
    assert run("build", "springfield", "--format", "html", "-q", "--strict").exit_code == 0
    assert run("new", "springfield", "--name", "City of Springfield, IL").exit_code == 1
    assert run("new", "x", "--name", "Springfield").exit_code == 1


def test_help_and_validate_do_not_import_weasyprint() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom genkit.cli.main import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        "assert CliRunner().invoke(main, ['validate', 'durham']).exit_code == 0\n"
        "print(sorted(m for m in ('weasyprint', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "[]"
