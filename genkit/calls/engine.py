"""Open a CAD export in DuckDB as one table of the analysis's fields, and find its bad rows.

Every source becomes the same relation: ``call_type``, ``received`` (a TIMESTAMP) and whichever
of ``dispatched``, ``arrived``, ``cleared`` (TIMESTAMPs), ``source``, ``disposition`` and
``area`` the profile maps. CSV text is parsed by DuckDB's reader with every column as text and
the time columns cast while reading, so a bad row lands in its rejects table with the line and
byte where it starts. Workbooks are read by fastexcel (calamine, in Rust) into Arrow memory that
DuckDB scans without a copy; Parquet is read by DuckDB itself. In both, a date-time cell is
used as it is and an Excel serial number is converted, so neither needs ``date_format``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genkit.calls.export_file import (
    ExportError,
    encoding_problem,
    ends_with_newline,
    line_count,
)
from genkit.errors import Problem

TIME_FIELDS = ("received", "dispatched", "arrived", "cleared")
MAX_PROBLEMS = 20
REJECTS_LIMIT = 1000  # rejects kept per file: enough to list, small in memory
ISO = "ISO 8601 (2024-03-01 14:05:00)"
# Excel counts days from 30 December 1899; 2958465 is 31 December 9999.
SERIAL_DAYS = (1, 2_958_465)


def sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Source:
    """An export opened for the tally: the SQL of its relation and how to check it."""

    sql: str  # a SELECT giving the analysis's fields
    header: list[str]  # the column names as the export writes them
    kind: str  # "csv", "workbook" or "parquet"
    text_path: Path | None = None  # the UTF-8 text DuckDB read (CSV only)
    checks: list[tuple[str, str]] = field(default_factory=list)  # (field, SQL of bad rows)
    keep: Any = None  # the Arrow-backed sheet, alive while DuckDB scans it


def csv_header(line: str, delimiter: str, shown: str) -> list[str]:
    try:
        header = next(csv.reader(io.StringIO(line), delimiter=delimiter))
    except (StopIteration, csv.Error) as exc:
        raise ExportError(
            [Problem(shown, 1, 0, "", f"cannot read the header row ({exc})")]
        ) from None
    return [h.strip().lstrip("\ufeff") for h in header]


def csv_source(
    path: Path, header: list[str], index: dict[str, int], delimiter: str, date_format: str | None
) -> Source:
    """A CSV read by DuckDB: text columns, time columns cast on the way, bad rows rejected."""
    columns = {f"c{i}": "VARCHAR" for i in range(len(header))}
    for name in TIME_FIELDS:
        if name in index:
            columns[f"c{index[name]}"] = "TIMESTAMP"
    spec = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
    options = [
        f"delim={sql_text(delimiter)}",
        "quote='\"'",
        "escape='\"'",
        "header=true",
        "auto_detect=false",
        f"columns={spec}",
        "store_rejects=true",
        f"rejects_limit={REJECTS_LIMIT}",
        "strict_mode=true",
        "null_padding=false",
        "encoding='utf-8'",
    ]
    if date_format:
        options.append(f"timestampformat={sql_text(date_format)}")
    select = ", ".join(f"c{i} AS {name}" for name, i in sorted(index.items()))
    sql = f"SELECT {select} FROM read_csv({sql_text(str(path))}, {', '.join(options)})"
    return Source(sql, header, "csv", text_path=path)


def blank_received(
    con,
    path: Path,
    header: list[str],
    index: dict[str, int],
    delimiter: str,
    date_format: str | None,
) -> None:
    """Read the CSV again with only ``received`` typed and no empty field taken as NULL, so
    that each row without a received time lands in the rejects table with its line.

    Run only when the tally found such rows: DuckDB keeps no line number for a good row.
    (Its ``force_not_null`` would do this in the main read, but picks the wrong column once
    unused columns are pruned.)"""
    received = f"c{index['received']}"
    columns = {f"c{i}": "VARCHAR" for i in range(len(header))}
    columns[received] = "TIMESTAMP"
    spec = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
    options = [
        f"delim={sql_text(delimiter)}",
        "quote='\"'",
        "escape='\"'",
        "header=true",
        "auto_detect=false",
        f"columns={spec}",
        "store_rejects=true",
        "rejects_table='blank_rejects'",
        "rejects_scan='blank_scans'",
        f"rejects_limit={REJECTS_LIMIT}",
        "strict_mode=true",
        "null_padding=false",
        "nullstr='\x01'",
        "encoding='utf-8'",
    ]
    if date_format:
        options.append(f"timestampformat={sql_text(date_format)}")
    con.execute(
        f"SELECT count({received}) FROM read_csv({sql_text(str(path))}, {', '.join(options)})"
    ).fetchall()
    con.execute(
        "INSERT INTO reject_errors SELECT * FROM blank_rejects WHERE error_type = "
        "'CAST' AND (line, column_idx) NOT IN (SELECT line, column_idx FROM "
        "reject_errors)"
    )


def workbook_source(con, path: Path, sheet: str | None, shown: str) -> Source:
    import fastexcel

    try:
        book = fastexcel.read_excel(str(path))
        names = book.sheet_names
        if sheet is not None and sheet not in names:
            raise ExportError(
                [
                    Problem(
                        shown,
                        0,
                        0,
                        "calls.sheet",
                        f"the workbook has no sheet '{sheet}' (its sheets: {', '.join(names)})",
                    )
                ]
            )
        table = book.load_sheet(sheet if sheet is not None else 0)
    except ExportError:
        raise
    except Exception as exc:  # fastexcel raises its own error types for each failure
        raise ExportError(
            [
                Problem(
                    shown,
                    0,
                    0,
                    "",
                    "cannot be read as a workbook; it may be "
                    f"damaged ({_first_line(exc)}); open and save it again in "
                    "Excel, or export the calls as CSV",
                )
            ]
        ) from None
    if table.width == 0 or table.height == 0:
        chosen = sheet if sheet is not None else names[0]
        raise ExportError(
            [
                Problem(
                    shown,
                    0,
                    0,
                    "calls.sheet",
                    f"the workbook's sheet "
                    f"'{chosen}' has no rows of calls under a header row; set "
                    f"calls.sheet to the sheet that holds them (its sheets: "
                    f"{', '.join(names)})",
                )
            ]
        )
    con.register("export_sheet", table)
    header = [str(c.name).strip() for c in table.available_columns()]
    return Source("", header, "workbook", keep=table)


def parquet_source(con, path: Path, shown: str) -> Source:
    try:
        con.execute(
            f"CREATE VIEW export_sheet AS SELECT * FROM read_parquet({sql_text(str(path))})"
        )
        header = [row[0] for row in con.execute("DESCRIBE export_sheet").fetchall()]
    except Exception as exc:  # duckdb.Error: a damaged Parquet file
        raise ExportError(
            [Problem(shown, 0, 0, "", f"cannot be read as Parquet ({_first_line(exc)})")]
        ) from None
    return Source("", header, "parquet")


def typed_relation(con, source: Source, index: dict[str, int], date_format: str | None) -> None:
    """Give a workbook or Parquet source its SQL: each time column converted by its type."""
    types = {row[0]: row[1] for row in con.execute("DESCRIBE export_sheet").fetchall()}
    names = list(types)
    parts, checks, raw = [], [], []
    for name, i in sorted(index.items()):
        column, kind = ident(names[i]), types[names[i]]
        if name not in TIME_FIELDS:
            parts.append(f"CAST({column} AS VARCHAR) AS {name}")
            continue
        parts.append(f"{_time_expr(column, kind, date_format)} AS {name}")
        raw.append(f"{column} AS v_{name}")
        bad = f"{_time_expr('v_' + name, kind, date_format)} IS NULL"
        if name != "received":  # an empty optional time is fine, an unreadable one is not
            bad += f" AND v_{name} IS NOT NULL AND trim(CAST(v_{name} AS VARCHAR)) <> ''"
        checks.append((name, f"SELECT rn, CAST(v_{name} AS VARCHAR) FROM numbered WHERE {bad}"))
    source.sql = f"SELECT {', '.join(parts)} FROM export_sheet"
    # A sheet's row 1 is its header, so the first call is on row 2; Parquet counts from 1.
    first = 1 if source.kind == "workbook" else 0
    con.execute(
        f"CREATE TEMP VIEW numbered AS SELECT row_number() OVER () + {first} AS rn, "
        f"{', '.join(raw)} FROM export_sheet"
    )
    source.checks = checks


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _time_expr(column: str, kind: str, date_format: str | None) -> str:
    kind = kind.upper()
    serial = (
        "CASE WHEN {x} BETWEEN {lo} AND {hi} THEN TIMESTAMP '1899-12-30' + "
        "to_seconds(CAST(round({x} * 86400) AS BIGINT)) END"
    )
    lo, hi = SERIAL_DAYS
    if kind.startswith(("TIMESTAMP", "DATE")):
        return f"CAST({column} AS TIMESTAMP)"
    if kind in (
        "DOUBLE",
        "FLOAT",
        "BIGINT",
        "INTEGER",
        "HUGEINT",
        "SMALLINT",
        "DECIMAL",
    ) or kind.startswith("DECIMAL"):
        return serial.format(x=f"CAST({column} AS DOUBLE)", lo=lo, hi=hi)
    text = f"trim(CAST({column} AS VARCHAR))"
    tries = [f"try_strptime({text}, {sql_text(date_format)})"] if date_format else []
    # A workbook column holding both date cells and text gives ISO text for the date cells.
    tries += [
        f"TRY_CAST({text} AS TIMESTAMP)",
        serial.format(x=f"TRY_CAST({text} AS DOUBLE)", lo=lo, hi=hi),
    ]
    return f"coalesce({', '.join(tries)})"


def table_problems(
    con, source: Source, shown: str, labels: dict[str, str], date_format: str | None
) -> list[Problem]:
    """Rows of a workbook or Parquet file whose times cannot be read, by row number."""
    problems: list[Problem] = []
    for name, sql in source.checks:
        for row, value in con.execute(sql + f" ORDER BY rn LIMIT {MAX_PROBLEMS}").fetchall():
            problems.append(
                _date_problem(shown, row, labels[name], value, date_format, name == "received")
            )
    return sorted(problems)[:MAX_PROBLEMS]


def _date_problem(
    shown: str, line: int, column: str, value: str | None, date_format: str | None, required: bool
) -> Problem:
    expected = f"'{date_format}'" if date_format else ISO
    if (value is None or not value.strip()) and required:
        return Problem(
            shown,
            line,
            0,
            "calls.columns.received",
            f"'{column}' is empty: every call needs the time it was received",
        )
    return Problem(
        shown,
        line,
        0,
        "calls.date_format",
        f"'{column}' value '{value.strip()[:40]}' is not a date and time in the "
        f"format {expected}"
        + ("" if date_format else "; set calls.date_format to the way the export writes dates"),
    )


def csv_problems(
    con, source: Source, shown: str, labels: dict[str, str], date_format: str | None, encoding: str
) -> list[Problem]:
    """The rows DuckDB's reader rejected, each at its physical line in the file."""
    rows = con.execute(
        "SELECT line, line_byte_position, byte_position, column_name, error_type, csv_line, "
        "error_message FROM reject_errors ORDER BY line, column_idx"
    ).fetchall()
    if not rows:
        return []
    assert source.text_path is not None
    seen: dict[int, tuple] = {}
    for row in rows:  # one problem a line: the row's shape before the values in it
        known = seen.setdefault(row[0], row)
        if (known[4] == "CAST" and row[4] != "CAST") or (
            row[4] == known[4] == "MISSING COLUMNS" and _found(row[6]) < _found(known[6])
        ):
            seen[row[0]] = row
    chosen = sorted(seen.values())[:MAX_PROBLEMS]
    # DuckDB's line_byte_position is 1-based after a LF and 0-based after a CRLF; the line breaks
    # before it are the same in both cases.
    lines = _physical_lines(source.text_path, [r[1] for r in chosen])
    by_column = {f"c{i}": name for i, name in enumerate(source.header)}
    fields = {labels[f]: f for f in labels}
    last = None if ends_with_newline(source.text_path) else line_count(source.text_path)
    problems = []
    for (_line, start, _byte, column, kind, text, message), line in zip(chosen, lines, strict=True):
        if line == last:
            problems.append(
                Problem(
                    shown,
                    line,
                    0,
                    "",
                    f"the file stops in this last row "
                    f"without a line break ({_last_row(kind, message, text)});"
                    " the export was probably cut off: export the calls again",
                )
            )
            continue
        width = len(source.header)
        if kind in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
            problems.append(
                Problem(
                    shown,
                    line,
                    0,
                    "",
                    f"this row has {_found(message)} fields but the header has {width}",
                )
            )
        elif kind == "CAST":
            name = by_column.get(column or "", column or "")
            value = re.search(r'string "(.*)" to', message or "", re.S)
            problem = _date_problem(
                shown,
                line,
                name,
                value.group(1) if value else None,
                date_format,
                fields.get(name) == "received",
            )
            problems.append(problem)
        elif kind == "INVALID ENCODING":
            problems.append(_bad_byte(source.text_path, start, shown, line, encoding))
        elif kind == "UNQUOTED VALUE" or "unterminated" in (message or "").lower():
            problems.append(
                Problem(
                    shown,
                    line,
                    0,
                    "",
                    "a quoted field that starts on this "
                    "line is never closed; the export may have been cut off "
                    "here, or a value holds a stray quote mark",
                )
            )
        else:
            problems.append(
                Problem(
                    shown,
                    line,
                    0,
                    "",
                    f"this row cannot be read as CSV ({_first_line(message or kind)})",
                )
            )
    return problems


def _last_row(kind: str, message: str | None, text: str | None) -> str:
    if kind == "MISSING COLUMNS":
        return f"it has only {_found(message)} fields"
    if kind == "CAST":
        value = re.search(r'string "(.*)" to', message or "", re.S)
        return f"its time '{value.group(1)[:40] if value else ''}' is incomplete"
    if kind == "UNQUOTED VALUE":
        return "a quoted field in it is never closed"
    return f"it cannot be read: {_first_line(message or kind)}"


def _found(message: str | None) -> int:
    found = re.search(r"Found: (\d+)", message or "")
    return int(found.group(1)) if found else 0


def _physical_lines(path: Path, offsets: list[int]) -> list[int]:
    """1-based line of each byte offset, counting line breaks in one pass up to the last."""
    wanted = sorted(set(offsets))
    result: dict[int, int] = {}
    line, position = 1, 0
    with open(path, "rb") as handle:
        for offset in wanted:
            while position < offset:
                chunk = handle.read(min(1 << 22, offset - position))
                if not chunk:
                    break
                line += chunk.count(b"\n")
                position += len(chunk)
            result[offset] = line
    return [result[o] for o in offsets]


def _bad_byte(path: Path, start: int, shown: str, line: int, encoding: str) -> Problem:
    with open(path, "rb") as handle:
        handle.seek(max(0, start - 1))
        text = handle.read(1 << 16)
    try:
        text.decode("utf-8")
        index = 0
    except UnicodeDecodeError as exc:
        index = exc.start
    return encoding_problem(
        shown, line, text[index : index + 1], encoding, text[index : index + 64]
    )


def _first_line(exc: object) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
