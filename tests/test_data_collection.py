"""The field data form and data dictionary: the metric/field checks at their file and line, the
data-minimization warning and --strict, the CSV (formula-safe, byte-stable, fact-tracked) and
the form's fillable fields."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from genkit.checks.validate import load_profile
from genkit.errors import TemplateError
from genkit.paths import SearchPath
from genkit.render.formats.csv_table import defuse, table_csv
from genkit.render.formats.markdown import parser
from tests.helpers import build_town, edit, html_text, line_of, problems

FIELDS = "data_collection:\n  fields: [incident-number, "
FELT_SAFE = "backup, felt-safe, injury"
DICTIONARY = "data/data-dictionary"


# ---- checks --------------------------------------------------------------------------------


def test_a_metric_whose_input_is_not_collected_is_an_error_at_the_metric(project) -> None:
    edit(project, FELT_SAFE, "backup, injury")
    [problem] = problems(project)
    assert problem.file.endswith("jurisdictions/town/profile.yaml")
    assert problem.line == line_of(project, '  - {id: "felt-safe"')
    assert problem.field == "metrics[6].id"
    assert "'felt-safe' (Team felt safe throughout) is not collected" in problem.message
    assert "data_collection.fields" in problem.message


def test_recorded_elsewhere_answers_for_a_metric(project) -> None:
    edit(project, FELT_SAFE, "backup, injury")
    edit(
        project,
        "  recorded_elsewhere:\n",
        "  recorded_elsewhere:\n    felt-safe: the weekly team debrief survey\n",
    )
    load_profile("town", SearchPath.from_cwd(project))  # no error


def test_unknown_and_repeated_fields_are_errors_at_their_place(project) -> None:
    line = edit(project, FIELDS, "data_collection:\n  fields: [incident-numbr, unit, unit, ")
    found = {p.field: p for p in problems(project)}
    assert found["data_collection.fields[0]"].line == line + 1
    assert "no field 'incident-numbr'" in found["data_collection.fields[0]"].message
    assert "field 'unit' is collected twice" in found["data_collection.fields[2]"].message


def test_a_library_field_naming_an_unknown_metric(project) -> None:
    line = edit(
        project,
        FIELDS,
        "data_collection:\n  library:\n    felt-safe:\n"
        "      metrics: [felt-saf]\n  fields: [incident-number, ",
    )
    found = {p.field: p for p in problems(project)}
    problem = found["data_collection.library.felt-safe.metrics[0]"]
    assert problem.line == line + 3
    assert "no metric 'felt-saf' in metric_library" in problem.message


SHOE = (
    "data_collection:\n  library:\n    shoe-size:\n      name: Shoe size\n"
    "      type: number\n      group: person\n"
    "      definition: The person's shoe size.\n  fields: [shoe-size, incident-number, "
)


def test_an_unused_field_warns_and_strict_fails_with_nothing_written(run, project) -> None:
    line = edit(project, FIELDS, SHOE)
    where = f"jurisdictions/town/profile.yaml:{line + 7}:"
    result = run(
        "build",
        "town",
        "--only",
        "data/data-dictionary",
        "--format",
        "csv",
        "--strict",
        "--out",
        "strict-out",
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "warning: " in result.output and where in result.output
    assert (
        "data_collection.fields[0]: field 'shoe-size' (Shoe size) is collected but nothing "
        "uses it" in result.output
    )
    assert "in strict mode; nothing was written." in result.output
    assert not (project / "strict-out").exists()

    result = run("build", "town", "--only", "data/data-dictionary", "--format", "csv")
    assert result.exit_code == 0
    assert "warning: " in result.output and "'shoe-size'" in result.output
    assert (project / "build/town/data/data-dictionary.csv").is_file()

    result = run("validate", "town")
    assert result.exit_code == 0 and "'shoe-size'" in result.output


def test_an_operational_use_answers_for_a_field(project) -> None:
    edit(
        project,
        FIELDS,
        SHOE.replace("      definition:", "      operations: Fits boots.\n      definition:"),
    )
    assert load_profile("town", SearchPath.from_cwd(project)).warnings == []


# ---- the CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_get_a_leading_apostrophe(cell: str) -> None:
    assert defuse(cell) == "'" + cell


def test_plain_cells_are_left_alone() -> None:
    assert defuse("Team on scene") == "Team on scene"
    assert defuse("a=b") == "a=b" and defuse("") == ""


def test_a_document_made_as_csv_needs_a_table() -> None:
    with pytest.raises(TemplateError) as caught:
        table_csv(parser().parse("No table here.\n"), "templates/x.md.j2")
    assert "needs a table" in caught.value.problems[0].message


def test_profile_values_cannot_become_formulas_in_the_csv(project) -> None:
    edit(
        project,
        FIELDS,
        "data_collection:\n  library:\n    unit:\n"
        '      name: "=cmd|\' /C calc\'!A0"\n      definition: "@SUM(1+1)"\n'
        "  fields: [incident-number, ",
    )
    build_town(project, DICTIONARY, ["csv"])
    text = (project / "build/town/data/data-dictionary.csv").read_bytes().decode("utf-8")
    row = next(line for line in text.split("\r\n") if line.startswith('"unit"'))
    assert row.startswith('"unit","\'=cmd|\' /C calc\'!A0","identifier","","\'@SUM(1+1)"')


def test_csv_is_byte_identical_quoted_and_crlf(project) -> None:
    build_town(project, DICTIONARY, ["csv"])
    path = project / "build/town/data/data-dictionary.csv"
    first = path.read_bytes()
    build_town(project, DICTIONARY, ["csv"], force=True)
    assert path.read_bytes() == first
    assert not first.startswith(b"\xef\xbb\xbf")
    lines = first.decode("utf-8").split("\r\n")
    assert lines[0].startswith('"Field id","Field","Type","Allowed values","Definition"')
    assert lines[-1] == "" and "\n" not in "".join(lines)  # every line ends in CRLF
    assert all(line.startswith('"') and line.endswith('"') for line in lines[:-1])
    ids = [line.split('","')[0].strip('"') for line in lines[1:-1]]
    profile = load_profile("town", SearchPath.from_cwd(project)).profile
    assert sorted(ids) == sorted(profile.data_collection.fields)


def test_csv_is_in_the_index_and_manifest_and_rebuilt_when_a_field_changes(project) -> None:
    build_town(project, DICTIONARY, ["html", "csv"])
    bundle = project / "build/town"
    assert 'href="data/data-dictionary.csv"' in (bundle / "index.html").read_text("utf-8")
    assert '"data/data-dictionary.csv"' in (bundle / "manifest.json").read_text("utf-8")

    edit(project, "      pay: {min: 49737, max: 77169}\n", "      pay: {min: 50000, max: 77169}\n")
    outcome = build_town(project, DICTIONARY, ["html", "csv"])
    assert outcome.rendered == []  # nothing the dictionary reads changed

    edit(
        project,
        FIELDS,
        "data_collection:\n  library:\n    unit:\n"
        "      definition: The call sign on the radio.\n  fields: [incident-number, ",
    )
    outcome = build_town(project, DICTIONARY, ["html", "csv"])
    assert "data/data-dictionary.csv" in outcome.rendered
    assert "The call sign on the radio." in (bundle / "data/data-dictionary.csv").read_text("utf-8")


# ---- the form ------------------------------------------------------------------------------


def test_the_form_has_a_fillable_field_per_team_field_and_none_for_cad(project) -> None:
    build_town(project, "data/field-form", ["pdf", "html"])
    folder = project / "build/town/data"
    fields = PdfReader(folder / "field-form.pdf").get_fields() or {}
    assert fields["form1_cad-incident-number_answer"]["/FT"] == "/Tx"
    assert fields["form1_cad-incident-number_answer"]["/TU"] == "CAD incident number: Answer"
    names = " ".join(fields)
    for team_field in (
        "age-group",
        "team-felt-safe-throughout",
        "follow-up-contact-made",
        "notes-for-the-next-provider",
    ):
        assert team_field in names, team_field
    assert "team-on-scene" not in names  # a CAD field: joined by incident number, not asked
    text = html_text(folder / "field-form.html")
    assert "Hispanic or Latino" in text
    # A single choice is one radio group whose options are the dictionary's codes; a multiple
    # choice is a tick box per code, whose "on" state is named after the code.
    gender = fields["person1_gender_answer"]
    assert gender["/FT"] == "/Btn" and gender["/Ff"] & (1 << 15)
    assert list(gender["/Opt"]) == ["woman", "man", "another gender", "declined", "not asked"]
    boxes = {k: v for k, v in fields.items() if k.startswith("person1_race_answer-")}
    assert sorted(str(v["/_States_"][0]) for v in boxes.values()) == sorted(
        f"/{code}"
        for code in (
            "American Indian or Alaska Native",
            "Asian",
            "Black or African American",
            "Native Hawaiian or Other Pacific Islander",
            "White",
            "declined",
            "not asked",
        )
    )
    assert all(not v["/Ff"] & (1 << 15) for v in boxes.values() if "/Ff" in v)
    # Two people per call, each with consent asked.
    assert "person2_consent-to-share_answer" in fields
    page = (folder / "field-form.html").read_text("utf-8")
    assert '<input type="radio" name="person1_gender_answer" value="woman"' in page
    assert '<input type="checkbox" name="person1_race_answer-asian-2" value="Asian"' in page
    assert "Team on scene" in text.split("Not on this form")[1]


def test_the_word_form_has_a_tick_box_per_code(project) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    build_town(project, "data/field-form", ["docx"])
    doc = Document(str(project / "build/town/data/field-form.docx"))
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
    tags = [
        sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val"))
        for sdt in doc.element.body.iter(qn("w:sdt"))
        if sdt.find(qn("w:sdtPr")).find(f"{w14}checkbox") is not None
    ]
    for code in ("agreed", "declined", "not able to decide now", "not asked"):
        assert f"person1_consent-to-share_answer={code}" in tags
        assert f"person2_consent-to-share_answer={code}" in tags
    assert "person1_race_answer=White" in tags
    assert any(t.startswith("form4_outcome-of-the-call_answer=") for t in tags)


def test_an_equity_field_needs_a_privacy_note_and_a_choice_its_values(project) -> None:
    line = edit(
        project,
        FIELDS,
        "data_collection:\n  library:\n    tenure:\n"
        "      name: Years in the city\n      type: choice\n      group: person\n"
        "      values: [under 5]\n      equity: true\n"
        "      definition: How long the person has lived in the city.\n"
        "  fields: [tenure, incident-number, ",
    )
    [problem] = problems(project)
    assert problem.field.startswith("data_collection.library.tenure")
    assert line + 2 <= problem.line <= line + 9
    assert "at least two allowed values" in problem.message
    edit(project, "      values: [under 5]\n", "      values: [under 5, 5 or more]\n")
    [problem] = problems(project)
    assert problem.field.startswith("data_collection.library.tenure")
    assert "needs a privacy note" in problem.message
