"""Bad exports and bad settings give located, actionable messages, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from genkit.calls.reader import ColumnError
from genkit.checks.validate import load_profile
from genkit.cli.calls_command import run_calls
from genkit.cli.main import main
from genkit.errors import ProfileError
from genkit.paths import SearchPath
from tests.helpers import edit, seattle_town

DATA = Path(__file__).parent / "data"
HEADER = (
    "CAD Event Number,Event Clearance Description,Call Type,Priority,Initial Call Type,"
    "Final Call Type,Original Time Queued,Arrived Time,Precinct,Sector,Beat,"
    "Blurred_Longitude,Blurred_Latitude\n"
)
GOOD = (
    "1,ASSISTANCE RENDERED,911,2,DISTURBANCE,--DISTURBANCE,11/04/2023 6:08:26 PM,"
    "11/04/2023 6:51:06 PM,EAST,CHARLIE,C3,-122.28,47.61\n"
)


@pytest.fixture
def seattle_project(tmp_path: Path) -> Path:
    return seattle_town(tmp_path)


def run(project: Path, text: str):
    path = project / "calls.csv"
    path.write_text(text, encoding="utf-8")
    return run_calls("seattle-town", path, SearchPath.from_cwd(project))


def test_missing_column_is_named(seattle_project: Path) -> None:
    text = HEADER.replace("Original Time Queued", "Time Queued") + GOOD
    with pytest.raises(ColumnError) as info:
        run(seattle_project, text)
    problem = info.value.problems[0]
    assert problem.field == "calls.columns.received"
    assert problem.file.endswith("seattle-town/profile.yaml") and problem.line > 0
    assert "column 'Original Time Queued' is not in calls.csv" in problem.message
    assert "did you mean 'Time Queued'?" in problem.message
    assert not (seattle_project / "jurisdictions/seattle-town/calls-analysis.json").exists()


def test_every_missing_column_is_reported(seattle_project: Path) -> None:
    text = "Initial Call Type,When\nDISTURBANCE,11/04/2023 6:08:26 PM\n"
    with pytest.raises(ColumnError) as info:
        run(seattle_project, text)
    fields = {p.field for p in info.value.problems}
    assert fields == {
        "calls.columns.received",
        "calls.columns.arrived",
        "calls.columns.source",
        "calls.columns.disposition",
        "calls.columns.area",
    }


def test_ragged_row_is_refused_at_its_line(seattle_project: Path) -> None:
    text = HEADER + GOOD + "2,ASSISTANCE RENDERED,911,2,DISTURBANCE\n" + GOOD
    with pytest.raises(ColumnError) as info:
        run(seattle_project, text)
    (problem,) = info.value.problems
    assert (problem.file, problem.line) == ("calls.csv", 3)
    assert problem.message == "this row has 5 fields but the header has 13"
    assert not (seattle_project / "jurisdictions/seattle-town/calls-analysis.json").exists()


def test_unparseable_dates_are_refused_with_line_value_and_format(seattle_project: Path) -> None:
    bad = GOOD.replace("11/04/2023 6:08:26 PM", "2023-11-04 18:08")
    blank = GOOD.replace("11/04/2023 6:08:26 PM", "")
    late = GOOD.replace("11/04/2023 6:51:06 PM", "soon")
    with pytest.raises(ColumnError) as info:
        run(seattle_project, HEADER + GOOD + bad + blank + late)
    shown = [str(p) for p in info.value.problems]
    assert shown == [
        "calls.csv:3: calls.date_format: 'Original Time Queued' value '2023-11-04 18:08' is not "
        "a date and time in the format '%m/%d/%Y %I:%M:%S %p'",
        "calls.csv:4: calls.columns.received: 'Original Time Queued' is empty: every call needs "
        "the time it was received",
        "calls.csv:5: calls.date_format: 'Arrived Time' value 'soon' is not a date and time in "
        "the format '%m/%d/%Y %I:%M:%S %p'",
    ]


def test_wrong_date_format_also_points_at_the_profile(seattle_project: Path) -> None:
    text = HEADER + GOOD.replace("11/04/2023 6:08:26 PM", "2023-11-04T18:08:26") * 3
    with pytest.raises(ColumnError) as info:
        run(seattle_project, text)
    *rows, profile = info.value.problems
    assert [p.line for p in rows] == [2, 3, 4]
    assert profile.field == "calls.date_format" and profile.line > 0
    assert profile.file.endswith("seattle-town/profile.yaml")
    assert "no row could be read with this date format (calls.csv line 2)" in profile.message


def test_empty_file(seattle_project: Path) -> None:
    with pytest.raises(ColumnError, match="the file is empty"):
        run(seattle_project, "")


def test_cli_reports_without_traceback(seattle_project: Path, monkeypatch) -> None:
    (seattle_project / "calls.csv").write_text("a,b\n1,2\n")
    monkeypatch.chdir(seattle_project)
    result = CliRunner().invoke(main, ["calls", "seattle-town", "calls.csv"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert (
        "calls.columns.call_type: column 'Initial Call Type' is not in calls.csv" in result.output
    )


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("%d/%m/%Y %Q", "unknown date code %Q"),
        ("%m/%d/%Y", "has no hour (%H or %I)"),
        ("%m/%d/%Y %I:%M", "%I is a 12-hour clock hour and needs %p"),
    ],
)
def test_bad_date_format_in_profile(project: Path, fmt: str, message: str) -> None:
    profile = project / "jurisdictions/town/profile.yaml"
    text = profile.read_text()
    start = text.index("  date_format:")
    end = text.index("\n", start)
    profile.write_text(text[:start] + f'  date_format: "{fmt}"' + text[end:])
    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    (problem,) = info.value.problems
    assert problem.field == "calls.date_format" and problem.line > 0
    assert message in problem.message


def test_profile_without_calls_section(project: Path) -> None:
    profile = project / "jurisdictions/town/profile.yaml"
    text = profile.read_text()
    start = text.index("\ncalls:\n")
    end = text.index("\ndecision_tree:\n")
    profile.write_text(text[:start] + text[end:])
    (project / "calls.csv").write_text(HEADER + GOOD)
    with pytest.raises(ProfileError, match="the profile has no 'calls:' section"):
        run_calls("town", project / "calls.csv", SearchPath.from_cwd(project))


def test_code_listed_twice_is_refused(project: Path) -> None:
    profile = project / "jurisdictions/town/profile.yaml"
    text = (
        profile.read_text()
        .replace(
            "{id: trespass, label: Trespass, ",
            "{id: trespass, label: Trespass, cad_codes: [OVERDOSE], ",
        )
        .replace(
            "{id: medical-emergency, label: A medical emergency such as an overdose or unconscious "
            "person, route_to: Durham County EMS, ",
            "{id: medical-emergency, label: A medical emergency such as an overdose or unconscious "
            "person, route_to: Durham County EMS, cad_codes: [overdose], ",
        )
    )
    profile.write_text(text)
    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    (problem,) = info.value.problems
    assert problem.field == "program.exclusions[2].cad_codes[0]" and problem.line > 0
    assert (
        "CAD code 'overdose' is already listed under program.call_types[2] (trespass)"
        in problem.message
    )


def test_durham_layout_and_time_on_task_from_the_export(project: Path) -> None:
    """The Durham sample's column map reads an export of that shape; without a planning
    figure, the staffing estimate uses the export's median time on task."""
    edit(project, "  minutes_per_call: 60\n", "")
    header = (
        "Incident,Nature Code,Call Received,First Unit Dispatched,First Unit Arrived,"
        "Call Closed,Call Source,Disposition,Beat\n"
    )
    rows = [
        f"{i},WELFARE CHECK,2024-03-0{1 + i % 7} 10:00:00,2024-03-0{1 + i % 7} 10:05:00,"
        f"2024-03-0{1 + i % 7} 10:20:00,2024-03-0{1 + i % 7} 11:{10 + i:02d}:00,911,"
        f"Advised,B{i % 3}\n"
        for i in range(12)
    ]
    rows.append("99,TRAFFIC STOP,2024-03-01 10:00:00,,,,Officer Initiated,Cited,B1\n")
    (project / "calls.csv").write_text(header + "".join(rows))
    run_calls("town", project / "calls.csv", SearchPath.from_cwd(project))
    analysis = load_profile("town", SearchPath.from_cwd(project)).calls_analysis
    assert analysis.officer_initiated == 1 and analysis.eligible_total._value == 12
    # dispatch 10:05 to clear 11:10..11:21: 65..76 minutes, median 70
    assert analysis.medians["on_task"] == 70
    assert (analysis.minutes_per_call, analysis.minutes_source) == (70, "export")
