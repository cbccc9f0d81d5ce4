"""The tally of an export: one DuckDB query, grouped several ways at once, kept by call type.

The tally keeps every count by the CAD's call type (per year, hour of the week, area,
disposition, and minute histograms of how long calls took), so the analysis can be recomputed
whenever the profile's eligible call types change, without reading the export again. DuckDB
reads the export once, in parallel, and adds up all the groupings in the same pass (GROUPING
SETS); memory grows with the number of distinct call types and areas, never with the rows.

The stored format (``calls-analysis.json``, version 1) is documented in docs/calls.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genkit.calls.engine import sql_text
from genkit.model.calls import CallsData

BLANK = "(blank)"
MAX_MINUTES = 24 * 60    # a duration longer than a day is a data error, not a long call
TALLY_VERSION = 1

# (histogram name, from, to): how long the current responders took, from what the export has.
DURATIONS = (
    ("to_arrive", "dispatched", "arrived"),
    ("received_to_arrive", "received", "arrived"),
    ("on_scene", "arrived", "cleared"),
    ("on_task", "dispatched", "cleared"),
)


@dataclass
class Tally:
    """What one read of an export found; saved as calls-analysis.json."""

    meta: dict[str, Any] = field(default_factory=dict)
    types: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"version": TALLY_VERSION, "meta": self.meta, "types": self.types}


def _clean(value: str | None) -> str:
    """Runs of spaces folded, as the old reader did: one call type however it is padded."""
    return " ".join((value or "").split()) or BLANK


def _kind_sql(config: CallsData) -> str:
    """0 for 911 demand, 1 officer-initiated, 2 another source left out (alarms...)."""
    officer = [v.strip().lower() for v in config.officer_initiated]
    demand = [v.strip().lower() for v in config.demand_sources]
    parts = []
    if officer:
        parts.append(f"WHEN lower(trim(source)) IN ({', '.join(map(sql_text, officer))}) THEN 1")
    if demand:
        parts.append(f"WHEN source IS NULL OR lower(trim(source)) NOT IN "
                     f"({', '.join(map(sql_text, demand))}) THEN 2")
    return f"CASE {' '.join(parts)} ELSE 0 END" if parts else "0"


def query(source_sql: str, config: CallsData, fields: set[str]) -> str:
    """One pass: every grouping the tally needs, as GROUPING SETS over the export's rows."""
    has_source = "source" in fields
    cols = [f"{_kind_sql(config) if has_source else '0'} AS kind", "call_type AS ctype",
            "year(received) AS yr", "(isodow(received) - 1) * 24 + hour(received) AS how",
            "CAST(received AS DATE) AS day",
            f"{'area' if 'area' in fields else 'NULL'} AS area",
            f"{'disposition' if 'disposition' in fields else 'NULL'} AS disp",
            f"{'source' if has_source else 'NULL'} AS src"]
    sets = ["(kind, ctype, yr, how)", "(kind, ctype, area, disp)", "(src, kind)"]
    names = []
    for kind, start, end in DURATIONS:
        if start in fields and end in fields:
            span = f"floor(date_diff('second', {start}, {end}) / 60)"
            cols.append(f"CASE WHEN {span} BETWEEN 0 AND {MAX_MINUTES} THEN "
                        f"CAST({span} AS INTEGER) END AS m_{kind}")
            sets.append(f"(kind, ctype, m_{kind})")
            names.append(kind)
    minutes = ", ".join(f"m_{k}" for k in names)
    grouping = "GROUPING(kind, ctype, yr, how, area, disp, src" + \
        (", " + minutes if minutes else "") + ")"
    return (f"SELECT kind, ctype, yr, how, area, disp, src{', ' + minutes if minutes else ''}, "
            f"{grouping} AS g, count(*) AS n, min(day) AS first, max(day) AS last "
            f"FROM (SELECT {', '.join(cols)} FROM ({source_sql})) "
            f"GROUP BY GROUPING SETS ({', '.join(sets)})")


def build(rows: list[tuple], minute_kinds: list[str], meta: dict[str, Any]) -> Tally:
    """The grouped rows as the nested, sorted tally ``analysis.py`` reads."""
    out: dict[str, dict[str, Any]] = {}
    sources: dict[str, int] = {}
    stats = {"rows": 0, "officer_initiated": 0, "other_sources": 0, "demand": 0,
             "no_received": 0}
    first: dt.date | None = None
    last: dt.date | None = None

    def bucket(ctype: str, key: str) -> dict:
        return out.setdefault(_clean(ctype), {"calls": 0}).setdefault(key, {})

    def add(target: dict, name: str, n: int) -> None:
        target[name] = target.get(name, 0) + n

    width = 7 + len(minute_kinds)
    for row in rows:
        kind, ctype, yr, how, area, disp, src = row[:7]
        mins = row[7:width]
        g, n, lo, hi = row[width:]
        present = [not (g >> (width - 1 - i)) & 1 for i in range(width)]
        if present[6]:                      # (src, kind): every row, by source
            stats["rows"] += n
            if kind == 1:
                stats["officer_initiated"] += n
            elif kind == 2:
                stats["other_sources"] += n
            if src is not None:
                add(sources, src.strip(), n)
            continue
        if present[2] and yr is None:       # no received time: an error, located later
            stats["no_received"] += n
            continue
        if kind != 0:
            continue
        if present[2]:                      # (kind, ctype, yr, how)
            entry = out.setdefault(_clean(ctype), {"calls": 0})
            entry["calls"] += n
            add(bucket(ctype, "years"), str(yr), n)
            add(bucket(ctype, "hours"), str(how), n)
            stats["demand"] += n
            first = lo if first is None or lo < first else first
            last = hi if last is None or hi > last else last
        elif present[4]:                    # (kind, ctype, area, disp)
            if meta["columns"].get("area"):
                add(bucket(ctype, "areas"), _clean(area), n)
            if meta["columns"].get("disposition"):
                add(bucket(ctype, "dispositions"), _clean(disp), n)
        else:                               # (kind, ctype, one duration)
            for i, minute_kind in enumerate(minute_kinds):
                if present[7 + i] and mins[i] is not None:
                    hist = out.setdefault(_clean(ctype), {"calls": 0}).setdefault(
                        "minutes", {}).setdefault(minute_kind, {})
                    add(hist, str(mins[i]), n)
    meta = {**meta, **stats,
            "first_day": first.isoformat() if first else None,
            "last_day": last.isoformat() if last else None,
            "sources": dict(sorted(sources.items())) if len(sources) <= 50 else {}}
    return Tally(meta, {ctype: _sorted(entry) for ctype, entry in sorted(out.items())})


def _sorted(value: Any) -> Any:
    return {k: _sorted(v) for k, v in sorted(value.items())} if isinstance(value, dict) else value


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
