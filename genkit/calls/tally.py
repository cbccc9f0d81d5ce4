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


def source_kind(config: CallsData):  # noqa: ANN201 - a function of one raw value
    """raw source value -> 0 for 911 demand, 1 officer-initiated, 2 another source left out
    (alarms...). Called once per distinct value, never per row."""
    officer = {v.strip().casefold() for v in config.officer_initiated}
    demand = {v.strip().casefold() for v in config.demand_sources}

    def kind(raw: str | None) -> int:
        key = (raw or "").strip().casefold()
        return 1 if key in officer else 2 if demand and key not in demand else 0

    return kind


def query(source_sql: str, fields: set[str]) -> str:
    """One pass: every grouping the tally needs, as GROUPING SETS over the export's rows.

    Rows are grouped by the raw source value (few distinct values) rather than by a demand
    flag computed per row; Python sorts the few groups into demand and the rest."""
    def have(name: str) -> str:
        return name if name in fields else "NULL"

    cols = [f"{have('source')} AS src", "call_type AS ctype", "received",
            "year(received) AS yr", "(isodow(received) - 1) * 24 + hour(received) AS how",
            f"{have('area')} AS area", f"{have('disposition')} AS disp"]
    spans, outer = [], ["src", "ctype", "yr", "how", "area", "disp"]
    sets = ["(src, ctype, yr, how)", "(src, ctype, area, disp)"]
    for kind, start, end in DURATIONS:
        if start in fields and end in fields:
            # whole minutes, as the difference in seconds floored; longer than a day is an
            # error in the export, not a long call
            spans.append(f"(epoch({end}) - epoch({start})) // 60 AS d_{kind}")
            outer.append(f"CASE WHEN d_{kind} BETWEEN 0 AND {MAX_MINUTES} THEN "
                         f"CAST(d_{kind} AS INTEGER) END AS m_{kind}")
            sets.append(f"(src, ctype, m_{kind})")
    keys = ["src", "ctype", "yr", "how", "area", "disp"] + \
        [f"m_{k}" for k, a, b in DURATIONS if a in fields and b in fields]
    inner = f"SELECT {', '.join(cols + spans)} FROM ({source_sql})"
    return (f"SELECT {', '.join(keys)}, GROUPING({', '.join(keys)}) AS g, count(*) AS n, "
            f"min(received) AS first, max(received) AS last "
            f"FROM (SELECT {', '.join(outer)}, received FROM ({inner})) "
            f"GROUP BY GROUPING SETS ({', '.join(sets)})")


def build(rows: list[tuple], minute_kinds: list[str], meta: dict[str, Any],
          config: CallsData) -> Tally:
    """The grouped rows as the nested, sorted tally ``analysis.py`` reads."""
    out: dict[str, dict[str, Any]] = {}
    sources: dict[str, int] = {}
    stats = {"rows": 0, "officer_initiated": 0, "other_sources": 0, "demand": 0,
             "no_received": 0}
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    kinds: dict[str | None, int] = {}
    kind_of = source_kind(config)

    def entry(ctype: str) -> dict:
        return out.setdefault(_clean(ctype), {"calls": 0})

    def add(target: dict, name: str, n: int) -> None:
        target[name] = target.get(name, 0) + n

    width = 6 + len(minute_kinds)
    for row in rows:
        src, ctype, yr, how, area, disp = row[:6]
        mins = row[6:width]
        g, n, lo, hi = row[width:]
        present = [not (g >> (width - 1 - i)) & 1 for i in range(width)]
        kind = kinds.get(src)
        if kind is None:
            kind = kinds[src] = kind_of(src)
        if present[4]:                      # (src, ctype, area, disp): every row once
            stats["rows"] += n
            if kind == 1:
                stats["officer_initiated"] += n
            elif kind == 2:
                stats["other_sources"] += n
            if src is not None:
                add(sources, src.strip(), n)
            if kind == 0:
                if meta["columns"].get("area"):
                    add(entry(ctype).setdefault("areas", {}), _clean(area), n)
                if meta["columns"].get("disposition"):
                    add(entry(ctype).setdefault("dispositions", {}), _clean(disp), n)
        elif present[2]:                    # (src, ctype, yr, how)
            if yr is None:                  # no received time: an error, located later
                stats["no_received"] += n
            elif kind == 0:
                target = entry(ctype)
                target["calls"] += n
                add(target.setdefault("years", {}), str(yr), n)
                add(target.setdefault("hours", {}), str(how), n)
                stats["demand"] += n
                first = lo if first is None or lo < first else first
                last = hi if last is None or hi > last else last
        elif kind == 0:                     # (src, ctype, one duration)
            for i, minute_kind in enumerate(minute_kinds):
                if present[6 + i] and mins[i] is not None:
                    hist = entry(ctype).setdefault("minutes", {}).setdefault(minute_kind, {})
                    add(hist, str(mins[i]), n)
    meta = {**meta, **stats,
            "first_day": first.date().isoformat() if first else None,
            "last_day": last.date().isoformat() if last else None,
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
