"""Read a CAD export (CSV, gzip CSV, Excel workbook or Parquet) into a tally of 911 demand.

The file is identified by its bytes first, its header checked against the profile's column map
(every missing column reported by name, with the columns found) before any row is read, and the
rows then read and added up by DuckDB in one pass (``engine.py``, ``tally.py``). Any row that
cannot be read stops the whole read with its line: a tally is returned only for an export read
from its first row to its last, so the stored analysis is never replaced by part of one.
"""

from __future__ import annotations

import difflib
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from genkit.calls import engine
from genkit.calls.export_file import ExportError, delimiter, header_line, identify, plain_text
from genkit.calls.tally import DURATIONS, Tally, build, query, sha256
from genkit.errors import Problem
from genkit.model.calls import CallsData

# The name the tests and older code use for a bad export.
ColumnError = ExportError


def _indexes(header: list[str], config: CallsData, where, shown: str) -> dict[str, int]:
    """field -> column index; every missing column is reported, by name, at once."""
    lookup = {h.casefold(): i for i, h in reversed(list(enumerate(header)))}
    found, problems = {}, []
    for name, column in config.columns.mapped().items():
        index = lookup.get(column.strip().casefold())
        if index is None:
            guess = difflib.get_close_matches(column, header, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            problems.append(
                where(
                    ("calls", "columns", name),
                    f"column '{column}' is not in {shown}{hint} (its columns: {', '.join(header)})",
                )
            )
        else:
            found[name] = index
    if problems:
        raise ExportError(problems)
    return found


def read_export(path: Path, config: CallsData, where, shown: str | None = None) -> Tally:
    """Read ``path`` whole; ``where(path_tuple, message)`` locates a problem in the profile."""
    import duckdb

    shown = shown or path.name
    kind = identify(path, shown)
    labels = config.columns.mapped()
    # The file's digest is taken in a thread while DuckDB reads (hashlib lets go of the GIL).
    with ThreadPoolExecutor(1) as pool, tempfile.TemporaryDirectory(prefix="genkit-calls-") as work:
        digest = pool.submit(sha256, path)
        con = duckdb.connect()
        try:
            con.execute(f"SET temp_directory={engine.sql_text(work)}")
            # Time-zone-aware columns (Parquet) convert the same way on every machine.
            con.execute("SET TimeZone='UTC'")
            if kind.name in ("text", "gzip"):
                gzipped = kind.name == "gzip"
                line = header_line(path, gzipped, config.encoding)
                if not line.strip():
                    raise ExportError(
                        [
                            Problem(
                                shown,
                                1,
                                0,
                                "",
                                "the first line is empty: the "
                                "export needs a header row naming its columns",
                            )
                        ]
                    )
                delim = delimiter(line, config.delimiter)
                header = engine.csv_header(line, delim, shown)
                index = _indexes(header, config, where, shown)
                text = plain_text(path, gzipped, config.encoding, Path(work), shown)
                source = engine.csv_source(text, header, index, delim, config.date_format)
            else:
                source = (
                    engine.workbook_source(con, path, config.sheet, shown)
                    if kind.name == "workbook"
                    else engine.parquet_source(con, path, shown)
                )
                index = _indexes(source.header, config, where, shown)
                engine.typed_relation(con, source, index, config.date_format)
            rows = _run(con, query(source.sql, config, set(index)), shown)
            minute_kinds = [k for k, a, b in DURATIONS if a in index and b in index]
            meta = {
                "file": path.name,
                "format": {"text": "csv", "gzip": "csv.gz"}.get(kind.name, kind.name),
                "columns": dict(sorted(labels.items())),
                "date_format": config.date_format,
                "officer_initiated": sorted(config.officer_initiated),
                "demand_sources": sorted(config.demand_sources),
            }
            tally = build(rows, minute_kinds, meta)
            if source.kind == "csv":
                if tally.meta["no_received"]:
                    engine.blank_received(con, text, header, index, delim, config.date_format)
                problems = engine.csv_problems(
                    con, source, shown, labels, config.date_format, config.encoding
                )
            else:
                problems = engine.table_problems(con, source, shown, labels, config.date_format)
            if problems:
                raise ExportError(
                    _summed(
                        con, source, problems, tally.meta["rows"] - tally.meta["no_received"], where
                    )
                )
        finally:
            con.close()
        tally.meta["sha256"] = digest.result()
    del tally.meta["no_received"]
    tally.meta = dict(sorted(tally.meta.items()))
    if not tally.meta["rows"]:
        raise ExportError(
            [Problem(shown, 2, 0, "", "the export has a header row but no calls under it")]
        )
    return tally


def _run(con, sql: str, shown: str) -> list[tuple]:
    import duckdb

    try:
        return con.execute(sql).fetchall()
    except duckdb.Error as exc:
        text = str(exc).strip().splitlines()
        raise ExportError(
            [Problem(shown, 0, 0, "", f"cannot be read ({text[0] if text else exc})")]
        ) from None


def _summed(con, source, problems: list[Problem], read: int, where) -> list[Problem]:
    """The listed problems, how many more there are, and a pointer to a wrong date format."""
    out = list(problems)
    if source.kind == "csv":
        total = con.execute("SELECT count(DISTINCT line) FROM reject_errors").fetchone()[0]
        more = total - len(problems)
        if more > 0:
            at_least = "at least " if total >= engine.REJECTS_LIMIT else ""
            out.append(
                Problem(
                    problems[0].file,
                    0,
                    0,
                    "",
                    f"and {at_least}{more:,} more rows with problems; nothing was stored",
                )
            )
    dates = [p for p in problems if p.field == "calls.date_format"]
    if dates and len(dates) == len(problems) and not read:
        out.append(
            where(
                ("calls", "date_format"),
                "no row could be read with this date "
                f"format ({problems[0].file} line {problems[0].line}); check "
                "calls.date_format against the export",
            )
        )
    return out
