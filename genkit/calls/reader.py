"""Stream a CAD export into a tally of 911 demand, kept by the CAD's own call type.

The tally keeps every count by raw call type (per year, hour of the week, area, disposition,
and minute histograms of how long calls took), so that the analysis can be recomputed from it
whenever the profile's eligible call types change, without reading the export again. Memory
grows with the number of distinct call types and areas, never with the number of rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genkit.calls.dates import DAY_SECONDS, make_parser
from genkit.errors import GenkitError, Problem
from genkit.model.calls import CallsData

BLANK = "(blank)"
MAX_EXAMPLES = 20        # problems listed by line number; the rest are only counted
MAX_MINUTES = 24 * 60    # a duration longer than a day is a data error, not a long call
TALLY_VERSION = 1

# A very long field (a runaway quote) must become a reported row, not a crash.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class Tally:
    """What one pass over an export found; saved as calls-analysis.json."""

    meta: dict[str, Any] = field(default_factory=dict)
    types: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"version": TALLY_VERSION, "meta": self.meta, "types": self.types}


class ColumnError(GenkitError):
    """The export does not have a column the profile names, or its dates cannot be read."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _indexes(header: list[str], config: CallsData, where, shown: str) -> dict[str, int]:  # noqa: ANN001
    """field -> column index; every missing column is reported, by name, at once."""
    clean = [h.strip().lstrip("\ufeff") for h in header]
    lookup = {h.casefold(): i for i, h in reversed(list(enumerate(clean)))}
    found, problems = {}, []
    for name, column in config.columns.mapped().items():
        index = lookup.get(column.strip().casefold())
        if index is None:
            guess = difflib.get_close_matches(column, clean, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            problems.append(where(("calls", "columns", name),
                                  f"column '{column}' is not in {shown}{hint} (its columns: "
                                  f"{', '.join(clean)})"))
        else:
            found[name] = index
    if problems:
        raise ColumnError(problems)
    return found


class _Counts:
    """Flat counters keyed by tuples: much faster than nested dicts in the per-row loop."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self.years: dict[tuple[str, int], int] = {}
        self.hours: dict[tuple[str, int], int] = {}
        self.areas: dict[tuple[str, str], int] = {}
        self.dispositions: dict[tuple[str, str], int] = {}
        self.minutes: dict[tuple[str, str, int], int] = {}

    def nested(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {
            t: {"calls": n, "years": {}, "hours": {}, "areas": {}, "dispositions": {},
                "minutes": {}} for t, n in self.calls.items()}
        for (t, year), n in self.years.items():
            out[t]["years"][str(year)] = n
        for (t, hour), n in self.hours.items():
            out[t]["hours"][str(hour)] = n
        for (t, area), n in self.areas.items():
            out[t]["areas"][area] = n
        for (t, disp), n in self.dispositions.items():
            out[t]["dispositions"][disp] = n
        for (t, kind, minute), n in self.minutes.items():
            out[t]["minutes"].setdefault(kind, {})[str(minute)] = n
        for entry in out.values():
            for key in ("years", "hours", "areas", "dispositions"):
                if not entry[key]:
                    del entry[key]
            if not entry["minutes"]:
                del entry["minutes"]
        return out


def read_export(path: Path, config: CallsData, where, shown: str | None = None) -> Tally:  # noqa: ANN001, C901
    """Read ``path`` once; ``where(path_tuple, message)`` locates a problem in the profile."""
    shown = shown or path.name
    parse = make_parser(config.date_format)
    officer = {v.strip().casefold() for v in config.officer_initiated}
    demand = {v.strip().casefold() for v in config.demand_sources}
    counts = _Counts()
    sources: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    bad_values: list[tuple[int, str]] = []
    stats = {"rows": 0, "malformed": 0, "bad_values": 0, "officer_initiated": 0,
             "other_sources": 0, "demand": 0, "parsed_received": 0}
    first = last = None
    day_years: dict[int, int] = {}
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise ColumnError([Problem(shown, 1, 0, "", "the file is empty: it needs a header "
                                       "row naming its columns")]) from None
        except csv.Error as exc:
            raise ColumnError([Problem(shown, 1, 0, "", f"cannot read the header: {exc}")]
                              ) from None
        idx = _indexes(header, config, where, shown)
        width = len(header)
        i_type, i_recv = idx["call_type"], idx["received"]
        i_src, i_area, i_disp = idx.get("source"), idx.get("area"), idx.get("disposition")
        timed = [(name, idx[name]) for name in ("dispatched", "arrived", "cleared") if name in idx]
        names = {name: config.columns.mapped()[name] for name in idx}
        calls, years, hours = counts.calls, counts.years, counts.hours
        areas, dispositions, minutes = counts.areas, counts.dispositions, counts.minutes

        def problem(target: list, line: int, message: str, key: str) -> None:
            stats[key] += 1
            if len(target) < MAX_EXAMPLES:
                target.append((line, message))

        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                stats["rows"] += 1
                problem(problems, reader.line_num, f"cannot be read as CSV ({exc})", "malformed")
                continue
            stats["rows"] += 1
            if len(row) != width:
                if not any(cell.strip() for cell in row):
                    stats["rows"] -= 1  # a blank line is not a row
                    continue
                problem(problems, reader.line_num,
                        f"has {len(row)} fields but the header has {width}", "malformed")
                continue
            if i_src is not None:
                src = row[i_src].strip()
                key = src.casefold()
                sources[src] = sources.get(src, 0) + 1
                if key in officer:
                    stats["officer_initiated"] += 1
                    continue
                if demand and key not in demand:
                    stats["other_sources"] += 1
                    continue
            received_text = row[i_recv]
            received = parse(received_text)
            if received is None:
                value = received_text.strip()
                reason = (f"'{names['received']}' is empty" if not value else
                          f"'{names['received']}' value '{value[:40]}' does not match the date "
                          f"format '{config.date_format}'")
                problem(problems, reader.line_num, reason, "malformed")
                continue
            stats["parsed_received"] += 1
            ctype = " ".join(row[i_type].split()) or BLANK
            calls[ctype] = calls.get(ctype, 0) + 1
            day = received // DAY_SECONDS
            year = day_years.get(day)
            if year is None:
                year = day_years[day] = dt.date.fromordinal(day).year
            key2 = (ctype, year)
            years[key2] = years.get(key2, 0) + 1
            # Hour of the week, Monday 00:00 = 0; day 1 (1 January of year 1) was a Monday.
            key2 = (ctype, ((day - 1) % 7) * 24 + (received % DAY_SECONDS) // 3600)
            hours[key2] = hours.get(key2, 0) + 1
            if first is None or day < first:
                first = day
            if last is None or day > last:
                last = day
            if i_area is not None:
                key3 = (ctype, row[i_area].strip() or BLANK)
                areas[key3] = areas.get(key3, 0) + 1
            if i_disp is not None:
                key3 = (ctype, row[i_disp].strip() or BLANK)
                dispositions[key3] = dispositions.get(key3, 0) + 1
            if timed:
                stamps = {"received": received}
                for name, index in timed:
                    text = row[index]
                    if text.strip():
                        value = parse(text)
                        if value is None:
                            problem(bad_values, reader.line_num,
                                    f"'{names[name]}' value '{text.strip()[:40]}' does not match "
                                    f"the date format; the row is kept without it", "bad_values")
                        else:
                            stamps[name] = value
                for kind, start, end in _DURATIONS:
                    if start in stamps and end in stamps:
                        span = (stamps[end] - stamps[start]) // 60
                        if 0 <= span <= MAX_MINUTES:
                            key4 = (ctype, kind, span)
                            minutes[key4] = minutes.get(key4, 0) + 1
    stats["demand"] = sum(counts.calls.values())
    if stats["parsed_received"] == 0 and stats["malformed"]:
        example = problems[0][1] if problems else ""
        raise ColumnError([where(("calls", "date_format"),
                                 f"no row of {shown} could be read with this date format "
                                 f"(line {problems[0][0]}: {example}); check calls.date_format "
                                 "against the export")])
    del stats["parsed_received"]
    meta = {
        "file": path.name,
        "sha256": _sha256(path),
        "columns": dict(sorted(names.items())),
        "date_format": config.date_format,
        "officer_initiated": sorted(config.officer_initiated),
        "demand_sources": sorted(config.demand_sources),
        "first_day": dt.date.fromordinal(first).isoformat() if first else None,
        "last_day": dt.date.fromordinal(last).isoformat() if last else None,
        "sources": dict(sorted(sources.items())) if len(sources) <= 50 else {},
        "malformed_lines": [{"line": line, "message": msg} for line, msg in problems],
        "bad_value_lines": [{"line": line, "message": msg} for line, msg in bad_values],
        **stats,
    }
    return Tally(meta, dict(sorted(counts.nested().items())))


# (histogram name, from, to): how long the current responders took, from what the export has.
_DURATIONS = (
    ("to_arrive", "dispatched", "arrived"),
    ("received_to_arrive", "received", "arrived"),
    ("on_scene", "arrived", "cleared"),
    ("on_task", "dispatched", "cleared"),
)
