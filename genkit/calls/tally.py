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
MAX_MINUTES = 24 * 60  # a duration longer than a day is a data error, not a long call
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
    officer = sorted({v.strip().lower() for v in config.officer_initiated})
    demand = sorted({v.strip().lower() for v in config.demand_sources})
    parts = []
    if officer:
        parts.append(f"WHEN lower(trim(source)) IN ({', '.join(map(sql_text, officer))}) THEN 1")
    if demand:
        parts.append(
            f"WHEN source IS NULL OR lower(trim(source)) NOT IN "
            f"({', '.join(map(sql_text, demand))}) THEN 2"
        )
    return f"CASE {' '.join(parts)} ELSE 0 END" if parts else "0"


def query(source_sql: str, config: CallsData, fields: set[str]) -> str:
    """One pass: every grouping the tally needs, as GROUPING SETS over the export's rows.

    Only 911 demand is kept by call type: the call type, area and disposition of other rows
    are set to NULL before grouping, so they fold into a few groups instead of thousands."""

    def have(name: str) -> str:
        return name if name in fields else "NULL"

    kind = _kind_sql(config) if "source" in fields else "0"
    cols = [
        f"{have('source')} AS src",
        f"{kind} AS kind",
        "call_type",
        "received",
        "year(received) AS yr",
        "(isodow(received) - 1) * 24 + hour(received) AS how",
        f"{have('area')} AS area",
        f"{have('disposition')} AS disposition",
    ]
    outer = [
        "src",
        "kind",
        "CASE WHEN kind = 0 THEN coalesce(call_type, '') END AS ctype",
        "yr",
        "how",
        "CASE WHEN kind = 0 THEN area END AS area",
        "CASE WHEN kind = 0 THEN disposition END AS disp",
        "received",
    ]
    sets = ["(ctype, yr, how)", "(src, kind, ctype, area, disp)"]
    keys = ["src", "kind", "ctype", "yr", "how", "area", "disp"]
    for name, start, end in DURATIONS:
        if start in fields and end in fields:
            # whole minutes, as the difference in seconds floored; longer than a day is an
            # error in the export, not a long call
            cols.append(f"(epoch({end}) - epoch({start})) // 60 AS d_{name}")
            outer.append(
                f"CASE WHEN kind = 0 AND d_{name} BETWEEN 0 AND {MAX_MINUTES} THEN "
                f"CAST(d_{name} AS INTEGER) END AS m_{name}"
            )
            sets.append(f"(ctype, m_{name})")
            keys.append(f"m_{name}")
    return (
        f"SELECT {', '.join(keys)}, GROUPING({', '.join(keys)}) AS g, count(*) AS n, "
        f"min(received) AS first, max(received) AS last "
        f"FROM (SELECT {', '.join(outer)} FROM (SELECT {', '.join(cols)} "
        f"FROM ({source_sql}))) GROUP BY GROUPING SETS ({', '.join(sets)})"
    )


def build(rows: list[tuple], minute_kinds: list[str], meta: dict[str, Any]) -> Tally:
    """The grouped rows as the nested, sorted tally ``analysis.py`` reads."""
    out: dict[str, dict[str, Any]] = {}
    sources: dict[str, int] = {}
    stats = {"rows": 0, "officer_initiated": 0, "other_sources": 0, "demand": 0, "no_received": 0}
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    has_area = bool(meta["columns"].get("area"))
    has_disp = bool(meta["columns"].get("disposition"))
    width = 7 + len(minute_kinds)
    # GROUPING() sets a bit for each key left out of a row's grouping set, first key highest.
    yr_out, src_out = 1 << (width - 4), 1 << (width - 1)

    def entry(ctype: str) -> dict:
        return out.setdefault(_clean(ctype), {"calls": 0})

    def add(target: dict, name: str, n: int) -> None:
        target[name] = target.get(name, 0) + n

    for row in rows:
        src, kind, ctype, yr, how, area, disp = row[:7]
        g, n, lo, hi = row[width:]
        if not g & src_out:  # (src, kind, ctype, area, disp): every row once
            stats["rows"] += n
            if kind == 1:
                stats["officer_initiated"] += n
            elif kind == 2:
                stats["other_sources"] += n
            if src is not None:
                add(sources, src.strip(), n)
            if ctype is not None:
                if has_area:
                    add(entry(ctype).setdefault("areas", {}), _clean(area), n)
                if has_disp:
                    add(entry(ctype).setdefault("dispositions", {}), _clean(disp), n)
        elif not g & yr_out:  # (ctype, yr, how)
            if yr is None:  # no received time: an error, located later
                stats["no_received"] += n
            elif ctype is not None:
                target = entry(ctype)
                target["calls"] += n
                add(target.setdefault("years", {}), str(yr), n)
                add(target.setdefault("hours", {}), str(how), n)
                stats["demand"] += n
                first = lo if first is None or lo < first else first
                last = hi if last is None or hi > last else last
        elif ctype is not None:  # (ctype, one duration)
            for i, minute_kind in enumerate(minute_kinds):
                minute = row[7 + i]
                if minute is not None and not g & (1 << (width - 8 - i)):
                    hist = entry(ctype).setdefault("minutes", {}).setdefault(minute_kind, {})
                    add(hist, str(minute), n)
    meta = {
        **meta,
        **stats,
        "first_day": first.date().isoformat() if first else None,
        "last_day": last.date().isoformat() if last else None,
        "sources": dict(sorted(sources.items())) if len(sources) <= 50 else {},
    }
    return Tally(meta, {ctype: _sorted(entry) for ctype, entry in sorted(out.items())})


def _sorted(value: Any) -> Any:
    return {k: _sorted(v) for k, v in sorted(value.items())} if isinstance(value, dict) else value


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
