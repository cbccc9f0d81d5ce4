"""From a stored tally and the current profile to the figures documents show.

The tally is kept by raw CAD call type, so this step classifies it again with the profile as
it is now: change the eligible call types, rebuild, and every document follows. Everything a
template sees goes through ``Count``/``Share`` and so respects the suppression threshold.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from genkit.calls.classify import Classifier
from genkit.calls.suppress import Count, Share, counter
from genkit.model.calls import CallsData
from genkit.model.profile import Profile
from genkit.model.program import DAY_NAMES, WEEK, Hours, clock_12h, minutes

TOP_AREAS = 20
TOP_DISPOSITIONS = 8
TOP_UNMATCHED = 30
TOP_CODES = 12  # CAD call types named in one row of a table; the rest are counted
DEFAULT_MINUTES = 60


@dataclass(frozen=True)
class Window:
    """The shortest daily window, in whole hours, covering the target share of eligible calls."""

    start: int
    hours: int
    share: Share
    target: float

    @property
    def end(self) -> int:
        return (self.start + self.hours) % 24

    @property
    def start_clock(self) -> str:
        return f"{self.start:02d}:00"

    @property
    def end_clock(self) -> str:
        return f"{self.end:02d}:00" if self.end else "24:00"

    @property
    def summary(self) -> str:
        if self.hours == 24:
            return "around the clock (24 hours a day)"
        return (
            f"{clock_12h(self.start_clock)} to {clock_12h(self.end_clock)} "
            f"({self.hours} hours a day)"
        )


@dataclass(frozen=True)
class StaffingHour:
    hour: int
    label: str
    calls_per_day: str  # average eligible calls in this hour, or "not shown"
    teams_average: int
    teams_busiest: int
    busiest_day: str


@dataclass
class CallsAnalysis:
    """The call analysis as templates see it (variable ``calls_analysis``)."""

    source_file: str
    source_sha256: str
    first_day: dt.date | None
    last_day: dt.date | None
    days: int
    threshold: int
    rows: int
    malformed: int
    bad_values: int
    officer_initiated: int
    other_sources: int
    problems: list[dict[str, Any]]
    demand_total: Count
    eligible_total: Count
    excluded_total: Count
    unmatched_total: Count
    eligible_share: Share
    eligible_per_year: Count
    mapped: bool
    per_year: list[dict[str, Any]] = field(default_factory=list)
    by_call_type: list[dict[str, Any]] = field(default_factory=list)
    by_exclusion: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    unmatched_rare: int = 0
    unmatched_more: int = 0
    grid: list[list[Count]] = field(default_factory=list)  # [weekday][hour], Monday first
    by_hour: list[Count] = field(default_factory=list)
    window: Window | None = None
    current_hours_share: Share | None = None
    areas: list[dict[str, Any]] = field(default_factory=list)
    areas_more: int = 0
    areas_total: int = 0  # areas with at least one eligible call
    areas_small: int = 0  # of which below the suppression threshold
    dispositions: list[dict[str, Any]] = field(default_factory=list)
    medians: dict[str, int] = field(default_factory=dict)
    staffing: list[StaffingHour] = field(default_factory=list)
    minutes_per_call: int = 60
    minutes_source: str = "profile"  # "profile", "export" (median on task) or "default"
    target_utilization: float = 0.6
    coverage_target: float = 0.8
    weekday_names: tuple[str, ...] = tuple(DAY_NAMES[d] for d in WEEK)

    @property
    def areas_mostly_small(self) -> bool:
        """Most areas below the threshold: areas too fine for the period to show anything."""
        return self.areas_small * 2 > self.areas_total

    @property
    def short_period(self) -> bool:
        """Less than a year of calls: no seasons, and the yearly figure only a first estimate."""
        return self.days < 365

    @property
    def peak_teams(self) -> int:
        return max((s.teams_busiest for s in self.staffing), default=0)

    @property
    def team_hours_per_day(self) -> int:
        return sum(s.teams_average for s in self.staffing)


def analyze(tally: dict[str, Any], profile: Profile) -> CallsAnalysis:
    config: CallsData = profile.calls  # type: ignore[assignment]
    count, share = counter(config.suppress_below)
    meta, types = tally["meta"], tally["types"]
    classify = Classifier(profile.program)
    status = {code: classify(code) for code in types}
    eligible = [c for c, m in status.items() if m.status == "eligible"]
    demand = sum(t["calls"] for t in types.values())
    n_eligible = sum(types[c]["calls"] for c in eligible)
    first = dt.date.fromisoformat(meta["first_day"]) if meta.get("first_day") else None
    last = dt.date.fromisoformat(meta["last_day"]) if meta.get("last_day") else None
    days = (last - first).days + 1 if first and last else 0
    hours = _sum_keys(types, eligible, "hours")
    grid_raw = [[hours.get(d * 24 + h, 0) for h in range(24)] for d in range(7)]
    by_hour_raw = [sum(grid_raw[d][h] for d in range(7)) for h in range(24)]
    result = CallsAnalysis(
        source_file=meta.get("file", ""),
        source_sha256=meta.get("sha256", ""),
        first_day=first,
        last_day=last,
        days=days,
        threshold=config.suppress_below,
        rows=meta.get("rows", 0),
        malformed=meta.get("malformed", 0),
        bad_values=meta.get("bad_values", 0),
        officer_initiated=meta.get("officer_initiated", 0),
        other_sources=meta.get("other_sources", 0),
        problems=list(meta.get("malformed_lines", [])) + list(meta.get("bad_value_lines", [])),
        demand_total=count(demand),
        eligible_total=count(n_eligible),
        excluded_total=count(
            sum(types[c]["calls"] for c, m in status.items() if m.status == "excluded")
        ),
        unmatched_total=count(
            sum(types[c]["calls"] for c, m in status.items() if m.status == "unmatched")
        ),
        eligible_share=share(n_eligible, demand),
        eligible_per_year=count(round(n_eligible * 365.25 / days) if days else 0),
        mapped=classify.configured,
        grid=[[count(v) for v in row] for row in grid_raw],
        by_hour=[count(v) for v in by_hour_raw],
        target_utilization=config.target_utilization,
        coverage_target=config.coverage_target,
    )
    result.per_year = _per_year(types, eligible, first, last, count, share)
    result.by_call_type, result.by_exclusion = _groups(
        profile, types, status, n_eligible, count, share
    )
    _unmatched(result, types, status, config.suppress_below, count)
    result.window = _window(by_hour_raw, config.coverage_target, share)
    result.current_hours_share = share(_within_hours(grid_raw, profile.program.hours), n_eligible)
    _areas(result, _sum_keys(types, eligible, "areas"), n_eligible, count, share)
    disp = Counter(_sum_keys(types, eligible, "dispositions"))
    result.dispositions = [
        {"name": k, "calls": count(v), "share": share(v, n_eligible)}
        for k, v in sorted(disp.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_DISPOSITIONS]
    ]
    result.medians = _medians(types, eligible)
    result.minutes_per_call, result.minutes_source = _minutes_per_call(config, result.medians)
    result.staffing = _staffing(
        grid_raw, first, days, result.minutes_per_call, config.target_utilization, count
    )
    return result


def _sum_keys(types: dict, codes: list[str], key: str) -> dict:
    total: dict = {}
    for code in codes:
        for k, n in types[code].get(key, {}).items():
            k = int(k) if key in ("hours", "years") else k
            total[k] = total.get(k, 0) + n
    return total


def _per_year(types, eligible, first, last, count, share) -> list[dict[str, Any]]:
    all_years = _sum_keys(types, list(types), "years")
    elig = _sum_keys(types, eligible, "years")
    rows = []
    for year in sorted(all_years):
        partial = bool(
            first
            and last
            and (
                (year == first.year and (first.month, first.day) != (1, 1))
                or (year == last.year and (last.month, last.day) != (12, 31))
            )
        )
        rows.append(
            {
                "year": year,
                "demand": count(all_years[year]),
                "eligible": count(elig.get(year, 0)),
                "share": share(elig.get(year, 0), all_years[year]),
                "partial": partial,
            }
        )
    return rows


def _groups(profile, types, status, n_eligible, count, share):
    def rows(entries, kind: str) -> list[dict[str, Any]]:
        out = []
        for entry in entries:
            codes = sorted(c for c, m in status.items() if m.status == kind and m.id == entry.id)
            n = sum(types[c]["calls"] for c in codes)
            out.append(
                {
                    "id": entry.id,
                    "label": entry.label,
                    "entry": entry,
                    "codes": codes,
                    "codes_shown": codes[:TOP_CODES],
                    "codes_more": max(0, len(codes) - TOP_CODES),
                    "calls": count(n),
                    "share": share(
                        n,
                        n_eligible
                        if kind == "eligible"
                        else sum(t["calls"] for t in types.values()),
                    ),
                }
            )
        return out

    return (
        rows(profile.program.call_types, "eligible"),
        rows(profile.program.exclusions, "excluded"),
    )


def _unmatched(result: CallsAnalysis, types, status, threshold: int, count) -> None:
    # Call types seen fewer times than the threshold are counted, not named: a rare type in a
    # small area could point to one incident. 'genkit calls' lists them all for staff.
    found = sorted(
        ((types[c]["calls"], c) for c, m in status.items() if m.status == "unmatched"),
        key=lambda x: (-x[0], x[1]),
    )
    named = [{"code": c, "calls": count(n)} for n, c in found if n >= threshold]
    result.unmatched = named[:TOP_UNMATCHED]
    result.unmatched_more = len(named) - len(result.unmatched)
    result.unmatched_rare = sum(1 for n, _ in found if n < threshold)


def _window(by_hour: list[int], target: float, share) -> Window | None:
    total = sum(by_hour)
    if not total:
        return None
    for length in range(1, 25):
        best, start = -1, 0
        for s in range(24):
            covered = sum(by_hour[(s + k) % 24] for k in range(length))
            if covered > best:
                best, start = covered, s
        if best >= target * total - 1e-9:
            return Window(start, length, share(best, total), target)
    return None  # pragma: no cover - 24 hours always cover everything


def _within_hours(grid: list[list[int]], hours: Hours) -> int:
    """Eligible calls inside the program's hours, assuming calls spread evenly in an hour."""
    if hours.is_24_7:
        return sum(map(sum, grid))
    week = 7 * 1440
    covered = [0.0] * (7 * 24)
    for d, day in enumerate(WEEK):
        if day not in hours.days:
            continue
        start = d * 1440 + minutes(hours.start)
        for minute in range(start, start + hours.span_minutes):
            covered[(minute % week) // 60] += 1 / 60
    return round(sum(grid[i // 24][i % 24] * covered[i] for i in range(7 * 24)))


def _areas(result: CallsAnalysis, areas: dict, n_eligible: int, count, share) -> None:
    ordered = sorted(areas.items(), key=lambda kv: (-kv[1], kv[0]))
    result.areas = [
        {"name": k, "calls": count(v), "share": share(v, n_eligible)}
        for k, v in ordered[:TOP_AREAS]
    ]
    result.areas_more = max(0, len(ordered) - TOP_AREAS)
    result.areas_total = len(ordered)
    result.areas_small = sum(1 for _, v in ordered if 0 < v < result.threshold)


def _medians(types: dict, eligible: list[str]) -> dict[str, int]:
    merged: dict[str, Counter] = {}
    for code in eligible:
        for kind, hist in types[code].get("minutes", {}).items():
            merged.setdefault(kind, Counter()).update({int(k): v for k, v in hist.items()})
    out = {}
    for kind, hist in sorted(merged.items()):
        total, running = sum(hist.values()), 0
        for minute in sorted(hist):
            running += hist[minute]
            if running * 2 >= total:
                out[kind] = minute
                break
    return out


def _minutes_per_call(config: CallsData, medians: dict[str, int]) -> tuple[int, str]:
    """The profile's figure, else what the export shows, else an hour."""
    if config.minutes_per_call is not None:
        return config.minutes_per_call, "profile"
    if medians.get("on_task"):
        return medians["on_task"], "export"
    return DEFAULT_MINUTES, "default"


def _staffing(
    grid: list[list[int]],
    first: dt.date | None,
    days: int,
    minutes_per_call: int,
    utilization: float,
    count,
) -> list[StaffingHour]:
    if not first or not days:
        return []
    # How many Mondays, Tuesdays... the period holds: a rate per weekday needs its own count.
    per_weekday = [0] * 7
    for offset in range(days):
        per_weekday[(first + dt.timedelta(days=offset)).weekday()] += 1
    load = minutes_per_call / 60 / utilization

    def teams(calls: float) -> int:
        return math.ceil(calls * load - 1e-9) if calls else 0

    rows = []
    for h in range(24):
        total = sum(grid[d][h] for d in range(7))
        rates = [grid[d][h] / per_weekday[d] if per_weekday[d] else 0.0 for d in range(7)]
        busiest = max(range(7), key=lambda d: (rates[d], -d))
        shown = count(total)
        rows.append(
            StaffingHour(
                h,
                f"{clock_12h(f'{h:02d}:00')}",
                "not shown" if shown.suppressed else _rate(total / days),
                teams(total / days),
                teams(rates[busiest]),
                DAY_NAMES[WEEK[busiest]] if rates[busiest] else "-",
            )
        )
    return rows


def _rate(value: float) -> str:
    """Calls per day, with as many decimals as a small number needs to be read."""
    if value == 0:
        return "0"
    if value < 0.01:
        return "under 0.01"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}" if value >= 1 else f"{value:.2f}"
