"""The independent cost estimate: what the RFP's coverage costs a contractor, before any bid.

Two columns: the *minimum coverage* (``procurement.staffing.minimum_teams`` on duty through
every service hour) and the *illustrated pattern* (the shifts the RFP shows). Each is priced
from the team make-up, productive hours per FTE, pay and benefits, supervision, clinical
oversight, vehicles, equipment, insurance and overhead (``procurement.cost_estimate``), for a
year of full service and for the initial term (months before the first shift and phases with
fewer hours cost less). The funding plan and the buyer's-file estimate show these rows; the
ceiling check compares the totals with ``procurement.budget_ceiling``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from genkit.funding.budget import yearly_pay
from genkit.model.program import Hours, minutes

DAYS_PER_YEAR = 365


def contract_month(start: Any, day: Any) -> int:
    """Which month of the contract ``day`` falls in (as checks/procurement.py counts it)."""
    months = (day.year - start.year) * 12 + day.month - start.month
    return months + (1 if day.day >= start.day else 0)


# What a build reads to make the estimate: the sections its inputs live in.
ESTIMATE_READS: list[tuple[str, ...]] = [
    ("procurement", "cost_estimate"),
    ("procurement", "budget_ceiling"),
    ("procurement", "budget_basis"),
    ("procurement", "term_months"),
    ("procurement", "phases"),
    ("procurement", "timeline", "contract_start"),
    ("procurement", "timeline", "service_start"),
    ("procurement", "staffing"),
    ("procurement", "services", "vehicles"),
    ("program", "hours"),
    ("program", "team"),
    ("staffing", "positions"),
    ("funding", "fringe_rate"),
]


@dataclass(frozen=True)
class Line:
    """One row of the estimate: a cost, how it is worked out, and its yearly amount."""

    name: str
    basis: str
    amount: int
    fte: float | None = None


@dataclass(frozen=True)
class Column:
    """The yearly cost of one coverage level, and its cost over the initial term."""

    label: str
    teams_text: str
    team_hours: float  # team-hours a year at full service
    peak_teams: int
    lines: list[Line]
    term_total: int
    term_months: int

    @property
    def year_total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def fte(self) -> float:
        return sum(line.fte or 0 for line in self.lines)


@dataclass(frozen=True)
class Estimate:
    minimum: Column
    pattern: Column
    basis: str  # "term" or "year": what the ceiling covers
    ceiling: float
    notes: list[str] = field(default_factory=list)

    @property
    def ceiling_pays_minimum(self) -> bool:
        return self.ceiling >= self.compare(self.minimum)

    @property
    def ceiling_pays_pattern(self) -> bool:
        return self.ceiling >= self.compare(self.pattern)

    def compare(self, column: Column) -> int:
        """The amount of a column that the ceiling must pay: the term's or a year's."""
        return column.term_total if self.basis == "term" else column.year_total


def service_hours_per_year(hours: Hours) -> float:
    days = 7 if hours.always else len(set(hours.days))
    return hours.hours_per_day * days * DAYS_PER_YEAR / 7


def _window(hours: Hours) -> tuple[int, int]:
    if hours.is_24_7 or hours.span_minutes >= 1440:
        return 0, 1440
    start = minutes(hours.start)
    return start, start + hours.span_minutes


def pattern_per_day(shifts: list[Any], hours: Hours) -> tuple[float, int]:
    """(team-hours inside the daily service window, most teams on duty at once)."""
    start, end = _window(hours)
    total, peak = 0, 0
    for minute in range(start, end):
        on_duty = sum(
            s.teams
            for s in shifts
            for day in (-1440, 0, 1440)
            if s.window[0] + day <= minute < s.window[1] + day
        )
        total += on_duty
        peak = max(peak, on_duty)
    return total / 60, peak


def seat_pay(profile: Any, role: str) -> float | None:
    """Yearly pay of one seat: the estimate's own figure, else the FTE-weighted middle of the
    ranges of the positions that fill the seat."""
    est = profile.procurement.cost_estimate
    if role in est.pay:
        return est.pay[role]
    filling = [p for p in profile.staffing.positions if p.team_role == role]
    fte = sum(p.fte for p in filling)
    return sum(p.fte * yearly_pay(p) for p in filling) / fte if fte else None


def supervisor_pay(profile: Any) -> float | None:
    est = profile.procurement.cost_estimate
    if est.supervisor_pay is not None:
        return est.supervisor_pay
    found = [p for p in profile.staffing.positions if p.role == est.supervisor_role]
    return yearly_pay(found[0]) if found else None


def fringe(profile: Any) -> float:
    est = profile.procurement.cost_estimate
    if est.fringe_rate is not None:
        return est.fringe_rate
    return profile.funding.fringe_rate if profile.funding is not None else 0.0


def contractor_seats(profile: Any) -> list[Any]:
    roles = profile.procurement.staffing.contractor_roles
    return [m for m in profile.program.team if not roles or m.role in roles]


def _column(profile: Any, label: str, teams_text: str, team_hours: float, peak: int) -> Column:
    proc, est = profile.procurement, profile.procurement.cost_estimate
    load = 1 + fringe(profile)
    lines: list[Line] = []
    for seat in contractor_seats(profile):
        pay = seat_pay(profile, seat.role) or 0
        fte = team_hours * seat.count / est.productive_hours
        lines.append(
            Line(
                seat.title[:1].upper() + seat.title[1:],
                f"{fte:.1f} FTE at ${pay:,.0f} plus {fringe(profile):.0%} benefits",
                round(fte * pay * load),
                fte,
            )
        )
    service = service_hours_per_year(profile.program.hours)
    if est.supervisors_on_duty:
        pay = supervisor_pay(profile) or 0
        fte = service * est.supervisors_on_duty / est.productive_hours
        lines.append(
            Line(
                "Field supervision",
                f"{est.supervisors_on_duty} on duty every service "
                f"hour: {fte:.1f} FTE at ${pay:,.0f} plus benefits",
                round(fte * pay * load),
                fte,
            )
        )
    if est.clinical_lead_fte:
        pay = est.clinical_lead_pay or 0
        lines.append(
            Line(
                "Clinical oversight",
                f"{est.clinical_lead_fte:g} FTE clinical lead at ${pay:,.0f} plus benefits",
                round(est.clinical_lead_fte * pay * load),
                est.clinical_lead_fte,
            )
        )
    if proc.services.vehicles == "contractor" and est.vehicle_per_team:
        lines.append(
            Line(
                "Vehicles",
                f"{peak} at ${est.vehicle_per_team:,.0f} a year",
                round(peak * est.vehicle_per_team),
            )
        )
    if est.equipment_per_team:
        lines.append(
            Line(
                "Equipment",
                f"{peak} team sets at ${est.equipment_per_team:,.0f} a year",
                round(peak * est.equipment_per_team),
            )
        )
    if est.insurance:
        lines.append(
            Line("Insurance", "premiums for the coverage the RFP requires", round(est.insurance))
        )
    direct = sum(line.amount for line in lines)
    if est.overhead_rate:
        lines.append(
            Line(
                "Overhead",
                f"{est.overhead_rate:.0%} of direct costs",
                round(direct * est.overhead_rate),
            )
        )
    return Column(
        label, teams_text, team_hours, peak, lines, _term_total(profile, lines), proc.term_months
    )


def _term_total(profile: Any, lines: list[Line]) -> int:
    """The initial term's cost: hour-driven lines scale with each month's service hours (none
    before the first shift; a phase's own hours while it runs); the rest run every month."""
    proc = profile.procurement
    # Staff on shift follow the hours; the lead, vehicles, equipment, insurance and overhead are
    # carried from the contract start (overhead slightly overstated before the first shift).
    fixed_names = {"Vehicles", "Equipment", "Insurance", "Overhead", "Clinical oversight"}
    per_hour = sum(line.amount for line in lines if line.name not in fixed_names)
    fixed = sum(line.amount for line in lines if line.name in fixed_names)
    full = service_hours_per_year(profile.program.hours)
    total = 0.0
    for month in range(1, proc.term_months + 1):
        total += fixed / 12 + per_hour / 12 * _month_share(profile, month, full)
    return round(total)


def _month_share(profile: Any, month: int, full: float) -> float:
    proc = profile.procurement
    if proc.phases:
        started = [p for p in proc.phases if p.from_month <= month]
        if not started:
            return 0.0
        hours = started[-1].hours
        return service_hours_per_year(hours) / full if hours is not None and full else 1.0
    first = proc.timeline.service_start
    if first is not None and month < contract_month(proc.timeline.contract_start.date, first.date):
        return 0.0
    return 1.0


def build_estimate(profile: Any) -> Estimate | None:
    proc = profile.procurement
    if proc is None or proc.cost_estimate is None:
        return None
    hours = profile.program.hours
    service = service_hours_per_year(hours)
    seats = sum(m.count for m in contractor_seats(profile))
    n = proc.staffing.minimum_teams
    minimum = _column(
        profile,
        "Minimum coverage",
        f"{n} {'team' if n == 1 else 'teams'} of {seats} on duty every service hour",
        n * service,
        n,
    )
    per_day, peak = pattern_per_day(proc.staffing.shifts, hours)
    days = 7 if hours.always else len(set(hours.days))
    pattern = _column(
        profile,
        "Illustrated shifts",
        f"the RFP's shifts: {per_day:g} team-hours a day, up to {peak} at once",
        per_day * days * DAYS_PER_YEAR / 7,
        peak,
    )
    return Estimate(minimum, pattern, proc.budget_basis, proc.budget_ceiling)
