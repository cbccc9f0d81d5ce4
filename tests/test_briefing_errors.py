"""Located errors for the briefings and the evaluation plan, and the reading-grade check."""

from __future__ import annotations

import re
from pathlib import Path

from genkit.checks.validate import load_profile
from genkit.paths import SearchPath
from tests.helpers import edit, line_of, problems

PROFILE = "jurisdictions/town/profile.yaml"


def add_language(project: Path, lang: str) -> None:
    """List a language and give it a full wording (a copy of the Spanish one)."""
    text = (project / PROFILE).read_text(encoding="utf-8")
    start = text.index("    es:\n      jurisdiction_name:")
    end = text.index("\nevaluation:", start)
    block = text[start:end].replace("    es:\n", f"    {lang}:\n", 1)
    from tests.conftest import REPO

    base = (REPO / "jurisdictions/_base/profile.yaml").read_text(encoding="utf-8")
    names = base[base.index("      metrics:\n        eligible-calls:") :]
    block = block.rstrip("\n") + "\n" + names[: names.index("\n\n")]
    text = text[:end] + "\n" + block.rstrip("\n") + text[end:]
    text = text.replace("  languages: [en, es]", f"  languages: [en, es, {lang}]", 1)
    text = re.sub(r"  (resident|partner)_facts: \[.*\]", r"  \1_facts: []", text)
    (project / PROFILE).write_text(text, encoding="utf-8")


def test_listed_language_without_a_template_is_a_located_error(run, project) -> None:
    add_language(project, "vi")
    result = run("validate", "town")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    line = line_of(project, "  languages: [en, es, vi]")
    expected = f"{PROFILE}:{line}:"
    assert expected in result.output, result.output
    assert (
        "briefings.languages[2]: no template for language 'vi': briefings/resident-sheet "
        "has templates for en, es; add briefings/resident-sheet.vi.md.j2" in result.output
    )
    assert "briefings/partner-brief" in result.output


def test_language_with_templates_but_no_layout_strings_is_a_located_error(run, project) -> None:
    add_language(project, "vi")
    from tests.conftest import REPO

    folder = project / "templates" / "briefings"
    folder.mkdir(parents=True)
    for doc in ("resident-sheet", "partner-brief"):
        source = (REPO / "templates" / "briefings" / f"{doc}.es.md.j2").read_text("utf-8")
        (folder / f"{doc}.vi.md.j2").write_text(source, "utf-8")
    result = run("validate", "town")
    assert result.exit_code == 1
    assert "briefings.languages[2]: genkit has no layout strings for 'vi'" in result.output
    # With a strings file (copied from Spanish) the language builds.
    strings = project / "templates" / "_common" / "strings"
    strings.mkdir(parents=True)
    (strings / "vi.yaml").write_text(
        (REPO / "templates/_common/strings/es.yaml").read_text("utf-8"), "utf-8"
    )
    result = run("build", "town", "--only", "resident-sheet", "--format", "html")
    assert result.exit_code == 0, result.output
    assert (project / "build/town/briefings/resident-sheet.vi.html").is_file()
    assert "town: briefings/resident-sheet.vi: reading grade" in result.output


def test_language_template_must_name_its_language_list(run, project) -> None:
    folder = project / "templates" / "briefings"
    folder.mkdir(parents=True)
    (folder / "resident-sheet.fr.md.j2").write_text(
        "{#---\ntitle: Fiche\naudience: Habitants\n---#}\n# Fiche\n", "utf-8"
    )
    result = run("validate", "town")
    assert result.exit_code == 1
    assert (
        "resident-sheet.fr.md.j2:1:1: languages: this template is for language 'fr'"
        in result.output
    )


def test_metric_without_a_data_source_is_a_located_error(project) -> None:
    path = project / PROFILE
    path.write_text(
        path.read_text("utf-8")
        + (
            "\nmetric_library:\n"
            "  calls-per-team:\n"
            "    name: Calls per team per day\n"
            "    group: volume\n"
            "    definition: Calls handled divided by team shifts worked.\n"
            "    unit: rate\n"
            "    data_sources: []\n"
        ),
        "utf-8",
    )
    found = problems(project)
    line = line_of(project, "    data_sources: []")
    match = [p for p in found if p.field == "metric_library.calls-per-team.data_sources"]
    assert match, found
    assert match[0].line == line and match[0].file == PROFILE
    assert "list at least one data source" in match[0].message


def test_metric_with_no_data_sources_key_is_reported_at_the_metric(project) -> None:
    path = project / PROFILE
    path.write_text(
        path.read_text("utf-8")
        + (
            "\nmetric_library:\n"
            "  calls-per-team:\n"
            "    name: Calls per team per day\n"
            "    group: volume\n"
            "    definition: Calls handled divided by team shifts worked.\n"
            "    unit: rate\n"
        ),
        "utf-8",
    )
    found = problems(project)
    match = [p for p in found if p.field == "metric_library.calls-per-team.data_sources"]
    assert match and match[0].message == "is required but missing", found
    assert match[0].line == line_of(project, "  calls-per-team:")


def test_metric_whose_data_the_plan_does_not_describe(project) -> None:
    from genkit.checks.registry import run_rules
    from genkit.model import Profile

    loaded = load_profile("town", SearchPath.from_cwd(project))
    data = loaded.profile.model_dump(mode="json")
    data["evaluation"]["data_sources"] = {"cad": data["evaluation"]["data_sources"]["cad"]}
    messages = [(path, message) for path, message in run_rules(Profile.model_validate(data))]
    assert any(
        path[:1] == ("metrics",)
        and "evaluation.data_sources does not describe" in m
        and "('program_records')" in m
        for path, m in messages
    ), messages


def test_missing_translation_points_at_the_wording(project) -> None:
    edit(project, "        trespass: Una persona en una propiedad sin permiso\n", "")
    found = problems(project)
    match = [p for p in found if p.field == "briefings.text.es.call_types"]
    assert match, found
    assert "no 'es' wording for call type 'trespass' (program.call_types[2])" in match[0].message
    lines = (project / "jurisdictions/town/profile.yaml").read_text().splitlines()
    start = lines.index("briefings:")
    start = lines.index("    es:", start)  # the Spanish wording (English has its own names)
    expected = next(
        i for i, line in enumerate(lines[start:], start + 1) if line == "      call_types:"
    )
    assert match[0].line == expected


def test_stale_translation_and_unknown_fact_are_errors(project) -> None:
    edit(project, "        trespass: Una persona", "        trespassing: Una persona")
    edit(project, "  resident_facts: [durham-calls,", "  resident_facts: [durham-cals,")
    fields = {p.field: p.message for p in problems(project)}
    assert (
        fields["briefings.text.es.call_types.trespassing"]
        == "names no call type in program.call_types"
    )
    assert fields["briefings.resident_facts[0]"].startswith("no fact 'durham-cals'")


def test_build_prints_each_resident_sheet_grade(run, project) -> None:
    result = run("build", "town", "--only", "resident-sheet", "--format", "html")
    assert result.exit_code == 0, result.output
    for lang, formula in (("en", "Flesch-Kincaid"), ("es", "Crawford")):
        assert re.search(
            rf"town: briefings/resident-sheet\.{lang}: reading grade \d+\.\d "
            rf"\({formula}, limit 8\)",
            result.output,
        ), result.output
    assert "warning" not in result.output


def test_grade_above_the_limit_warns_and_fails_with_strict(run, project) -> None:
    edit(project, "  languages: [en, es]\n", "  languages: [en, es]\n  max_reading_grade: 2\n")
    result = run(
        "build",
        "town",
        "--only",
        "resident-sheet",
        "--format",
        "html",
        "--strict",
        "--out",
        "strict-out",
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "warning: " in result.output and "is above the limit of 2" in result.output
    assert "resident-sheet.en.md.j2" in result.output
    assert "in strict mode; nothing was written." in result.output
    assert not (project / "strict-out").exists()
    result = run("build", "town", "--only", "resident-sheet", "--format", "html")
    assert result.exit_code == 0
    assert "warning: " in result.output and "is above the limit of 2" in result.output
    assert (project / "build/town/briefings/resident-sheet.en.html").is_file()


def test_a_call_type_without_residents_words_warns_at_its_line(run, project) -> None:
    # Durham's plain name for panhandling removed: the sheet would fall back to the dispatch
    # label, so the build says where the wording belongs, and --strict writes nothing.
    edit(project, "        panhandling: Someone asking people for money\n", "")
    # the line of briefings.text.en.call_types, just above its first wording
    line = line_of(project, "mental-health-crisis: Someone in a mental health crisis") - 1
    result = run(
        "build",
        "town",
        "--only",
        "resident-sheet",
        "--format",
        "html",
        "--strict",
        "--out",
        "strict-out",
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(
        rf"profile\.yaml:{line}:\d+: briefings\.text\.en\.call_types: no "
        r"residents' wording for call type 'panhandling' \(program\.call_types"
        r"\[\d\]\); the resident sheet would show the dispatch label "
        r"'Panhandling'",
        result.output,
    ), result.output
    assert not (project / "strict-out").exists()
