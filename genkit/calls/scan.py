"""One pass over (part of) a CAD export: the per-row loop and the tally it adds up to.

The tally keeps every count by raw call type (per year, hour of the week, area, disposition,
and minute histograms of how long calls took), so that the analysis can be recomputed from it
whenever the profile's eligible call types change, without reading the export again. Memory
grows with the number of distinct call types and areas, never with the number of rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genkit.calls.dates import DAY_SECONDS, make_parser
from genkit.errors import GenkitError
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


class _Counts:
    """Flat counters keyed by tuples: far faster than nested dicts in the per-row loop.

    Year and hour of the week share one key, and area and disposition another, so a row costs
    two counter updates; totals per call type, year or hour are summed once at the end.
    """

    def __init__(self) -> None:
        self.when: dict[tuple[str, int, int], int] = {}          # (type, year, hour of week)
        self.where: dict[tuple[str, str, str], int] = {}         # (type, area, disposition)
        self.minutes: dict[tuple[str, str, int], int] = {}       # (type, duration kind, minutes)

    def nested(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}

        def add(ctype: str, key: str, name: str, n: int) -> None:
            entry = out.setdefault(ctype, {"calls": 0})
            bucket = entry.setdefault(key, {})
            bucket[name] = bucket.get(name, 0) + n

        for (ctype, year, hour), n in self.when.items():
            out.setdefault(ctype, {"calls": 0})["calls"] += n
            add(ctype, "years", str(year), n)
            add(ctype, "hours", str(hour), n)
        for (ctype, area, disp), n in self.where.items():
            if area is not None:
                add(ctype, "areas", area.strip() or BLANK, n)
            if disp is not None:
                add(ctype, "dispositions", disp.strip() or BLANK, n)
        for (ctype, kind, minute), n in self.minutes.items():
            out[ctype].setdefault("minutes", {}).setdefault(kind, {})[str(minute)] = n
        return {ctype: _sorted(entry) for ctype, entry in out.items()}


def _sorted(value: Any) -> Any:
    return {k: _sorted(v) for k, v in sorted(value.items())} if isinstance(value, dict) else value


def scan_range(path: Path, config: CallsData, idx: dict[str, int], width: int, start: int,
               end: int | None, line_offset: int) -> _Scan:
    """Read the records between two byte offsets (which must fall on record boundaries)."""
    scan = _Scan(config, idx, width, line_offset)
    with open(path, "rb") as handle:
        handle.seek(start)

        def lines():  # noqa: ANN202 - decoded lines up to ``end``, line endings kept for csv
            position = start
            for raw in handle:
                if end is not None and position >= end:
                    return
                position += len(raw)
                yield raw.decode("utf-8", "replace")

        reader = csv.reader(lines())
        while True:  # csv.Error ends a for loop: note the row, then carry on after it
            try:
                scan.rows(reader)
                break
            except csv.Error as exc:
                scan.stats["rows"] += 1
                scan.problem(scan.problems, reader.line_num + line_offset,
                             f"cannot be read as CSV ({exc})", "malformed")
    return scan


def merge(scans: list[_Scan]) -> _Scan:
    """Add up the scans of consecutive parts of one export."""
    total = scans[0]
    for other in scans[1:]:
        for mine, theirs in ((total.counts.when, other.counts.when),
                             (total.counts.where, other.counts.where),
                             (total.counts.minutes, other.counts.minutes)):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        for raw, (kind, n) in other.sources.items():
            total.sources.setdefault(raw, [kind, 0])[1] += n
        for key, n in other.stats.items():
            total.stats[key] += n
        total.parsed += other.parsed
        total.problems = sorted(total.problems + other.problems)[:MAX_EXAMPLES]
        total.bad_values = sorted(total.bad_values + other.bad_values)[:MAX_EXAMPLES]
        days = [d for d in (total.first, other.first) if d is not None]
        total.first = min(days) if days else None
        days = [d for d in (total.last, other.last) if d is not None]
        total.last = max(days) if days else None
    return total


class _Scan:
    """State of one pass over an export; ``rows`` is the hot loop, kept free of calls."""

    def __init__(self, config: CallsData, idx: dict[str, int], width: int,
                 line_offset: int = 0):
        self.config = config
        self.line_offset = line_offset  # physical lines before this part, for messages
        self.idx = idx
        self.width = width
        self.names = {name: config.columns.mapped()[name] for name in idx}
        self.counts = _Counts()
        self.sources: dict[str, list[int]] = {}  # raw value -> [kind, count]
        self.problems: list[tuple[int, str]] = []
        self.bad_values: list[tuple[int, str]] = []
        self.stats = {"rows": 0, "malformed": 0, "bad_values": 0, "officer_initiated": 0,
                      "other_sources": 0, "demand": 0}
        self.parsed = 0
        self.first: int | None = None
        self.last: int | None = None

    def problem(self, target: list, line: int, message: str, key: str) -> None:
        self.stats[key] += 1
        if len(target) < MAX_EXAMPLES:
            target.append((line, message))

    def _source_kinds(self) -> Callable[[str], list[int]]:
        """raw source value -> [kind, count]; kind 0 demand, 1 officer-initiated, 2 other."""
        officer = {v.strip().casefold() for v in self.config.officer_initiated}
        demand = {v.strip().casefold() for v in self.config.demand_sources}
        cache = self.sources

        def kind(raw: str) -> list[int]:
            key = raw.strip().casefold()
            entry = cache[raw] = [1 if key in officer else 2 if demand and key not in demand
                                  else 0, 0]
            return entry

        return kind

    def rows(self, reader) -> None:  # noqa: ANN001, C901 - one tight loop on purpose
        idx, width, stats, names = self.idx, self.width, self.stats, self.names
        parse = make_parser(self.config.date_format)
        i_type, i_recv = idx["call_type"], idx["received"]
        i_src, i_area, i_disp = idx.get("source"), idx.get("area"), idx.get("disposition")
        # Times go in slots 0 received, 1 dispatched, 2 arrived, 3 cleared; only the durations
        # whose two ends the export has are measured.
        slots = {"received": 0, "dispatched": 1, "arrived": 2, "cleared": 3}
        timed = [(slots[n], n, idx[n]) for n in ("dispatched", "arrived", "cleared") if n in idx]
        durations = [(kind, slots[a], slots[b]) for kind, a, b in _DURATIONS
                     if (a == "received" or a in idx) and b in idx]
        source_kind = self._source_kinds()
        sources = self.sources
        when, where_, minutes = self.counts.when, self.counts.where, self.counts.minutes
        type_names: dict[str, str] = {}
        day_years: dict[int, int] = {}
        fmt = self.config.date_format
        first, last = self.first, self.last
        rows = parsed = 0
        offset = self.line_offset
        try:
            for row in reader:
                rows += 1
                if len(row) != width:
                    if not any(cell.strip() for cell in row):
                        rows -= 1  # a blank line is not a row
                        continue
                    self.problem(self.problems, reader.line_num + offset,
                                 f"has {len(row)} fields but the header has {width}",
                                 "malformed")
                    continue
                if i_src is not None:
                    raw = row[i_src]
                    entry = sources.get(raw)
                    if entry is None:
                        entry = source_kind(raw)
                    entry[1] += 1
                    if entry[0]:
                        continue
                received = parse(row[i_recv])
                if received is None:
                    value = row[i_recv].strip()
                    self.problem(self.problems, reader.line_num + offset,
                                 f"'{names['received']}' is empty" if not value else
                                 f"'{names['received']}' value '{value[:40]}' does not match "
                                 f"the date format '{fmt}'", "malformed")
                    continue
                parsed += 1
                raw = row[i_type]
                ctype = type_names.get(raw)
                if ctype is None:  # normalize each distinct spelling once, not once per row
                    ctype = type_names[raw] = " ".join(raw.split()) or BLANK
                day = received // DAY_SECONDS
                year = day_years.get(day)
                if year is None:
                    year = day_years[day] = dt.date.fromordinal(day).year
                    first = day if first is None or day < first else first
                    last = day if last is None or day > last else last
                # Hour of the week, Monday 00:00 = 0: day 1 (1 January of year 1) was a Monday.
                key = (ctype, year, ((day - 1) % 7) * 24 + (received % DAY_SECONDS) // 3600)
                when[key] = when.get(key, 0) + 1
                key2 = (ctype, None if i_area is None else row[i_area],
                        None if i_disp is None else row[i_disp])
                where_[key2] = where_.get(key2, 0) + 1
                if timed:
                    times = [received, None, None, None]
                    for slot, name, index in timed:
                        text = row[index]
                        if not text or text.isspace():
                            continue
                        value = parse(text)
                        if value is None:
                            self.problem(self.bad_values, reader.line_num + offset,
                                         f"'{names[name]}' value '{text.strip()[:40]}' does "
                                         "not match the date format; the row is kept without "
                                         "it", "bad_values")
                        else:
                            times[slot] = value
                    for kind_name, a, b in durations:
                        start, end = times[a], times[b]
                        if start is not None and end is not None:
                            span = (end - start) // 60
                            if 0 <= span <= MAX_MINUTES:
                                key3 = (ctype, kind_name, span)
                                minutes[key3] = minutes.get(key3, 0) + 1
        finally:  # a csv.Error leaves the loop: keep what was counted so far
            self.first, self.last = first, last
            stats["rows"] += rows
            self.parsed += parsed

    def tally(self, path: Path, shown: str, where) -> Tally:  # noqa: ANN001
        stats, problems = self.stats, self.problems
        if self.parsed == 0 and stats["malformed"]:
            line, message = problems[0]
            raise ColumnError([where(("calls", "date_format"),
                                     f"no row of {shown} could be read with this date format "
                                     f"(line {line}: {message}); check calls.date_format "
                                     "against the export")])
        types = self.counts.nested()
        stats["demand"] = sum(t["calls"] for t in types.values())
        sources: dict[str, int] = {}
        for raw, (kind, n) in self.sources.items():
            sources[raw.strip()] = sources.get(raw.strip(), 0) + n
            if kind:
                stats["officer_initiated" if kind == 1 else "other_sources"] += n
        config = self.config
        meta = {
            "file": path.name,
            "sha256": _sha256(path),
            "columns": dict(sorted(self.names.items())),
            "date_format": config.date_format,
            "officer_initiated": sorted(config.officer_initiated),
            "demand_sources": sorted(config.demand_sources),
            "first_day": dt.date.fromordinal(self.first).isoformat() if self.first else None,
            "last_day": dt.date.fromordinal(self.last).isoformat() if self.last else None,
            "sources": dict(sorted(sources.items())) if len(sources) <= 50 else {},
            "malformed_lines": [{"line": line, "message": msg} for line, msg in problems],
            "bad_value_lines": [{"line": line, "message": msg} for line, msg in self.bad_values],
            **stats,
        }
        return Tally(meta, dict(sorted(types.items())))


# (histogram name, from, to): how long the current responders took, from what the export has.
_DURATIONS = (
    ("to_arrive", "dispatched", "arrived"),
    ("received_to_arrive", "received", "arrived"),
    ("on_scene", "arrived", "cleared"),
    ("on_task", "dispatched", "cleared"),
)
