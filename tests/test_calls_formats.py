"""Exports as cities have them: one export saved as CSV, gzip CSV, Excel and Parquet gives the
same tally, and every kind of bad export is refused at its line with nothing stored."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from genkit.calls.reader import ColumnError
from genkit.cli.calls_command import run_calls
from genkit.paths import SearchPath
from tests.helpers import seattle_town

DATA = Path(__file__).parent / "data"
COLUMNS = [
    "CAD Event Number",
    "Event Clearance Description",
    "Call Type",
    "Priority",
    "Initial Call Type",
    "Final Call Type",
    "Original Time Queued",
    "Arrived Time",
    "Precinct",
    "Sector",
    "Beat",
    "Blurred_Longitude",
    "Blurred_Latitude",
]
TYPES = ["DISTURBANCE", "SERVICE - WELFARE CHECK", "TRESPASS", "NOISE  COMPLAINT", "OVERDOSE"]
SOURCES = ["911", "911", "ONVIEW", "TELEPHONE OTHER, NOT 911", "ALARM CALL (NOT POLICE ALARM)"]
STORED = "jurisdictions/seattle-town/calls-analysis.json"


def stamp(moment: dt.datetime) -> str:
    return f"{moment:%m/%d/%Y} {moment.hour % 12 or 12}:{moment:%M:%S} {moment:%p}"


def rows(count: int = 40) -> list[list]:
    """Forty calls over a week, with empty arrival times and values holding a comma."""
    out = []
    start = dt.datetime(2023, 11, 4, 0, 17, 5)
    for i in range(count):
        queued = start + dt.timedelta(hours=4 * i + i % 3, minutes=7 * i)
        arrived = None if i % 6 == 0 else queued + dt.timedelta(minutes=9 + i)
        out.append(
            [
                str(1000 + i),
                "ASSISTANCE RENDERED" if i % 2 else "REPORT, WRITTEN",
                SOURCES[i % 5],
                str(1 + i % 4),
                TYPES[i % 5],
                "--" + TYPES[i % 5],
                queued,
                arrived,
                "EAST",
                "CHARLIE",
                f"C{1 + i % 3}",
                "-122.28",
                "47.61",
            ]
        )
    return out


def csv_text(data: list[list], delimiter: str = ",") -> str:
    def cell(value: object) -> str:
        text = (
            "" if value is None else stamp(value) if isinstance(value, dt.datetime) else str(value)
        )
        return f'"{text}"' if delimiter in text or '"' in text else text

    return "".join(delimiter.join(cell(v) for v in row) + "\r\n" for row in [COLUMNS, *data])


def workbook(path: Path, data: list[list], serial: bool = False) -> Path:
    """An .xlsx as Excel writes it: date-time cells, or bare serial numbers (no date style)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in data:
        if serial:
            row = [
                (v - dt.datetime(1899, 12, 30)) / dt.timedelta(days=1)
                if isinstance(v, dt.datetime)
                else v
                for v in row
            ]
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return seattle_town(tmp_path)


def analyze(project: Path, path: Path) -> dict:
    run_calls("seattle-town", path, SearchPath.from_cwd(project))
    return json.loads((project / STORED).read_text())


def test_csv_gzip_excel_and_parquet_give_the_same_counts(project: Path) -> None:
    import duckdb

    # A disposition with accents, so that each encoding has something to get right.
    data = [["RÉFÉRÉ, WRITTEN" if v == "REPORT, WRITTEN" else v for v in row] for row in rows()]
    plain = project / "calls.csv"
    plain.write_text(csv_text(data), encoding="utf-8")
    packed = project / "calls.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    semicolons = project / "semicolons.csv"
    semicolons.write_text(csv_text(data, ";"), encoding="cp1252")
    wide = project / "utf16.csv"  # as some Windows tools save "Unicode text", with a BOM
    wide.write_text(csv_text(data, "\t"), encoding="utf-16")
    parquet = project / "calls.parquet"
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{plain}', all_varchar=true)) TO '{parquet}'")
    results = {}
    profile = project / "jurisdictions/seattle-town/profile.yaml"
    settings = profile.read_text()
    for path in (
        plain,
        packed,
        semicolons,
        wide,
        workbook(project / "calls.xlsx", data),
        workbook(project / "serial.xlsx", data, serial=True),
        parquet,
    ):
        # The Windows file is read with the encoding its profile declares.
        profile.write_text(
            settings.replace("  suppress_below: 3\n", "  suppress_below: 3\n  encoding: cp1252\n")
            if path == semicolons
            else settings
        )
        results[path.name] = analyze(project, path)
    first = results["calls.csv"]
    assert first["meta"]["rows"] == 40 and first["meta"]["demand"] == 24
    assert "NOISE COMPLAINT" in first["types"]  # runs of spaces fold, in every format
    for name, result in results.items():
        assert result["types"] == first["types"], name
        for key in (
            "rows",
            "demand",
            "officer_initiated",
            "other_sources",
            "first_day",
            "last_day",
            "sources",
        ):
            assert result["meta"][key] == first["meta"][key], (name, key)
    # by call type, area and hour, as the issue asks, spelled out
    welfare = first["types"]["SERVICE - WELFARE CHECK"]
    assert welfare["calls"] == 8 and set(welfare["areas"]) <= {"C1", "C2", "C3"}
    assert sum(welfare["hours"].values()) == 8
    assert results["calls.xlsx"]["meta"]["format"] == "workbook"
    assert any("RÉFÉRÉ, WRITTEN" in t.get("dispositions", {}) for t in first["types"].values())


def bad(project: Path, name: str, content: bytes | str) -> list[str]:
    path = project / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    with pytest.raises(ColumnError) as info:
        run_calls("seattle-town", path, SearchPath.from_cwd(project))
    return [str(p) for p in info.value.problems]


def good_csv(count: int = 3) -> str:
    return csv_text(rows(count))


def test_a_bad_export_never_replaces_the_stored_analysis(project: Path) -> None:
    before = analyze(project, DATA / "seattle_calls_sample.csv")
    stored = (project / STORED).read_bytes()
    bad(project, "calls.csv", good_csv(30) + "1,2,3\r\n" + good_csv(5).split("\r\n", 1)[1])
    assert (project / STORED).read_bytes() == stored and before["meta"]["rows"] == 222


def test_invalid_byte_names_line_byte_and_encoding(project: Path) -> None:
    lines = good_csv(120).split("\r\n")
    lines[100] = lines[100].replace("ASSISTANCE", "ASSISTANCE \xe9")  # row 100, line 101
    data = "\r\n".join(lines).encode("latin-1")
    assert bad(project, "calls.csv", data) == [
        "calls.csv:101: calls.encoding: byte 0xE9 is not valid utf-8 text; if the CAD system "
        "exports in another encoding, set calls.encoding in the profile (this byte reads as "
        "'é' with encoding: cp1252)"
    ]


def test_invalid_byte_in_a_declared_encoding(project: Path) -> None:
    profile = project / "jurisdictions/seattle-town/profile.yaml"
    profile.write_text(
        profile.read_text().replace(
            "  suppress_below: 3\n", "  suppress_below: 3\n  encoding: ascii\n"
        )
    )
    lines = good_csv(5).split("\r\n")
    lines[3] += "\xe9"
    data = "\r\n".join(lines).encode("latin-1")
    (message,) = bad(project, "calls.csv", data)
    assert message.startswith("calls.csv:4: calls.encoding: byte 0xE9 is not valid ascii text")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("9,A,911", "calls.csv:4: this row has 3 fields but the header has 13"),
        ("9" + ",x" * 13, "calls.csv:4: this row has 14 fields but the header has 13"),
    ],
)
def test_wrong_number_of_fields(project: Path, row: str, message: str) -> None:
    lines = good_csv(4).split("\r\n")
    lines.insert(3, row)
    assert bad(project, "calls.csv", "\r\n".join(lines)) == [message]


def test_lines_count_quoted_line_breaks(project: Path) -> None:
    lines = good_csv(4).split("\r\n")
    lines[1] = lines[1].replace("REPORT, WRITTEN", "REPORT\nWRITTEN")  # one record, two lines
    lines.insert(4, "9,A,911")  # after the header (1), the two-line row (2-3) and two more
    assert bad(project, "calls.csv", "\r\n".join(lines)) == [
        "calls.csv:6: this row has 3 fields but the header has 13"
    ]


def test_workbook_named_csv_and_csv_named_xlsx(project: Path) -> None:
    book = workbook(project / "real.xlsx", rows()[:3]).read_bytes()
    (message,) = bad(project, "calls.csv", book)
    assert message == (
        "calls.csv: the file is an Excel workbook (.xlsx), not what its name "
        "'calls.csv' says; rename it to calls.xlsx (or export it again as CSV)"
    )
    (message,) = bad(project, "calls.xlsx", good_csv())
    assert message.startswith(
        "calls.xlsx: the file is a text (CSV) file, not what its name "
        "'calls.xlsx' says; rename it to calls.csv"
    )


def test_missing_column_lists_the_columns_found(project: Path) -> None:
    text = good_csv().replace("Beat", "Beat Code", 1)
    (message,) = bad(project, "calls.csv", text)
    assert (
        "calls.columns.area: column 'Beat' is not in calls.csv; did you mean 'Beat Code'?"
        in message
        and "(its columns: CAD Event Number, " in message
    )


def test_missing_column_in_a_workbook(project: Path) -> None:
    path = workbook(project / "book.xlsx", rows()[:3])
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["K1"] = "Zone"
    book.save(path)
    (message,) = bad(project, "calls.xlsx", path.read_bytes())
    assert "column 'Beat' is not in calls.xlsx" in message and "Zone" in message


def test_unparseable_date_in_a_workbook(project: Path) -> None:
    data = rows()[:4]
    data[2][6] = "the 4th at noon"
    path = workbook(project / "book.xlsx", data)
    (message,) = bad(project, "calls.xlsx", path.read_bytes())
    assert message == (
        "calls.xlsx:4: calls.date_format: 'Original Time Queued' value 'the 4th "
        "at noon' is not a date and time in the format '%m/%d/%Y %I:%M:%S %p'"
    )


def test_empty_file_and_header_only(project: Path) -> None:
    assert bad(project, "calls.csv", "") == [
        "calls.csv: the file is empty: export the calls again with a header row naming the columns"
    ]
    assert bad(project, "calls.csv", csv_text([])) == [
        "calls.csv:2: the export has a header row but no calls under it"
    ]


def test_corrupt_and_password_protected_workbooks(project: Path) -> None:
    book = workbook(project / "real.xlsx", rows()[:3]).read_bytes()
    (message,) = bad(project, "calls.xlsx", book[: len(book) // 2])
    assert message.startswith("calls.xlsx: cannot be read as a workbook; it may be damaged")
    # An encrypted Office file is an OLE2 container holding an 'EncryptedPackage' stream.
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0" * 512
    )
    (message,) = bad(project, "calls.xlsx", ole)
    assert message.startswith("calls.xlsx: the workbook is protected with a password")


@pytest.mark.parametrize(
    ("cut", "line", "expected"),
    [
        (lambda text: text[: text.rindex(",-122.28")], 7, "it has only 11 fields"),
        (lambda text: text[: text.rindex("EAST,")], 7, "it has only 9 fields"),
        (lambda text: text + '9,"ASSISTANCE', 8, "a quoted field in it is never closed"),
    ],
)
def test_last_row_cut_off(project: Path, cut, line: int, expected: str) -> None:
    (message,) = bad(project, "calls.csv", cut(good_csv(6)))
    assert message.startswith(
        f"calls.csv:{line}: the file stops in this last row without a line break ("
    )
    assert expected in message and message.endswith("export the calls again")


def test_gzip_cut_off(project: Path) -> None:
    packed = gzip.compress(good_csv(30).encode(), mtime=0)
    (message,) = bad(project, "calls.csv.gz", packed[: len(packed) - 40])
    assert (
        message.startswith("calls.csv.gz:")
        and "the compressed file is damaged or cut off" in message
    )


def test_cli_reads_a_workbook_and_refuses_a_bad_one(project: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from genkit.cli.main import main

    monkeypatch.chdir(project)
    workbook(project / "calls.xlsx", rows())
    result = CliRunner().invoke(main, ["calls", "seattle-town", "calls.xlsx"])
    assert result.exit_code == 0, result.output
    assert "read 40 rows of calls.xlsx (2023-11-04 to 2023-11-10)" in result.output
    stored = (project / STORED).read_bytes()
    (project / "broken.xlsx").write_bytes((project / "calls.xlsx").read_bytes()[:900])
    result = CliRunner().invoke(main, ["calls", "seattle-town", "broken.xlsx"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "broken.xlsx: cannot be read as a workbook" in result.output
    assert (project / STORED).read_bytes() == stored


def test_workbook_sheet_is_chosen_by_name(project: Path) -> None:
    from openpyxl import load_workbook

    path = workbook(project / "book.xlsx", rows(12))
    book = load_workbook(path)
    book.active.title = "Calls"
    book.create_sheet("Notes", 0)["A1"] = "Exported by the records unit"
    book.save(path)
    assert bad(project, "calls.xlsx", path.read_bytes()) == [
        "calls.xlsx: calls.sheet: the workbook's sheet 'Notes' has no rows of calls under a "
        "header row; set calls.sheet to the sheet that holds them (its sheets: Notes, Calls)"
    ]
    profile = project / "jurisdictions/seattle-town/profile.yaml"
    profile.write_text(
        profile.read_text().replace(
            "  suppress_below: 3\n", "  suppress_below: 3\n  sheet: Calls\n"
        )
    )
    assert analyze(project, project / "calls.xlsx")["meta"]["rows"] == 12
    profile.write_text(profile.read_text().replace("sheet: Calls", "sheet: Data"))
    assert bad(project, "calls.xlsx", path.read_bytes()) == [
        "calls.xlsx: calls.sheet: the workbook has no sheet 'Data' (its sheets: Notes, Calls)"
    ]


def test_unparseable_date_in_parquet_names_its_row(project: Path) -> None:
    import duckdb

    lines = good_csv(4).split("\r\n")
    lines[3] = (
        lines[3].replace("PM,", "PM later,", 1)
        if "PM," in lines[3]
        else lines[3].replace("AM,", "AM later,", 1)
    )
    plain = project / "plain.csv"
    plain.write_text("\r\n".join(lines))
    parquet = project / "calls.parquet"
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{plain}', all_varchar=true)) TO '{parquet}'")
    (message,) = bad(project, "calls.parquet", parquet.read_bytes())
    assert message.startswith("calls.parquet:3: calls.date_format: 'Original Time Queued' value")
