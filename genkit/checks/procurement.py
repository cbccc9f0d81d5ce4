"""Rules for the RFP: checked before anything is written, each failure a plain sentence.

A procurement officer cannot issue an RFP whose weights do not add up, whose dates run
backwards, whose budget is nothing, whose standards measure something undefined, or whose
shifts leave part of the promised hours without a team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from genkit.checks.registry import RuleResult, rule
from genkit.language.formatting import date_long
from genkit.model import Profile
from genkit.model.procurement import STEP_NAMES, Procurement
from genkit.model.program import clock_12h, minutes

P = ("procurement",)


def _procurement(profile: Profile) -> Procurement | None:
    return profile.procurement


def _number(value: float) -> str:
    return f"{value:g}"


def _lower_first(name: str) -> str:
    """``Written questions due`` -> ``written questions due``; ``RFP released`` stays."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


@rule(needs="procurement")
def weights_sum_to_100(profile: Profile) -> RuleResult:
    proc = _procurement(profile)
    criteria = proc.evaluation.criteria
    for i, criterion in enumerate(criteria):
        if criterion.weight <= 0:
            yield (
                (*P, "evaluation", "criteria", i, "weight"),
                (f"the weight of '{criterion.name}' must be more than 0"),
            )
    total = proc.evaluation.total_weight
    if abs(total - 100) > 1e-9:
        parts = ", ".join(f"{c.name} {_number(c.weight)}" for c in criteria)
        yield (
            (*P, "evaluation", "criteria"),
            (
                f"the evaluation weights add up to {_number(total)}, not 100 ({parts}); change "
                "them "
                "so that they total 100"
            ),
        )
    costs = [i for i, c in enumerate(criteria) if c.cost]
    for i in costs[1:]:
        yield (
            (*P, "evaluation", "criteria", i, "cost"),
            ("only one criterion can be the cost criterion (cost: true)"),
        )
    ids = [c.id for c in criteria]
    for i, cid in enumerate(ids):
        if cid in ids[:i]:
            yield (*P, "evaluation", "criteria", i, "id"), f"id '{cid}' is used more than once"


@rule(needs="procurement")
def timeline_in_order(profile: Profile) -> RuleResult:
    proc = _procurement(profile)
    steps = proc.timeline.steps
    for entry in steps:
        step = entry["step"]
        if step.end is not None and step.end < step.date:
            yield (
                (*P, "timeline", entry["key"], "end"),
                (
                    f"{entry['name']} ends on {date_long(step.end)}, before it starts on "
                    f"{date_long(step.date)}"
                ),
            )
    for before, after in zip(steps, steps[1:], strict=False):
        if after["step"].date <= before["step"].last_day:
            yield (
                (*P, "timeline", after["key"]),
                (
                    f"{_lower_first(after['name'])} ({date_long(after['step'].date)}) must come "
                    "after "
                    f"{_lower_first(before['name'])} ({date_long(before['step'].last_day)}); the "
                    "dates must run in this order: "
                    + ", ".join(_lower_first(STEP_NAMES[s["key"]]) for s in steps)
                ),
            )
    release = proc.timeline.release.date
    open_days = (proc.timeline.proposals_due.date - release).days
    if 0 < open_days < proc.min_days_open:
        earliest = release + dt.timedelta(days=proc.min_days_open)
        yield (
            (*P, "timeline", "proposals_due"),
            (
                f"proposals are due {open_days} days after release; this profile allows no fewer "
                f"than {proc.min_days_open} days (min_days_open), so move the deadline to "
                f"{date_long(earliest)} or later"
            ),
        )


def contract_month(start: dt.date, day: dt.date) -> int:
    """Which month of the contract ``day`` falls in: the start date begins month 1."""
    months = (day.year - start.year) * 12 + day.month - start.month
    return months + (1 if day.day >= start.day else 0)


@rule
def first_shift_fits_the_plan(profile: Profile) -> RuleResult:
    proc = _procurement(profile)
    if proc is None or proc.timeline.service_start is None:
        return
    start, first = proc.timeline.contract_start.date, proc.timeline.service_start.date
    days = (first - start).days
    if days > proc.readiness_days:
        yield (
            (*P, "timeline", "service_start"),
            (
                f"the first shift ({date_long(first)}) is {days} days after the contract start, "
                "but "
                f"readiness_days gives the contractor {proc.readiness_days}; make them agree"
            ),
        )
    month = contract_month(start, first)
    if proc.phases and proc.phases[0].from_month != month:
        yield (
            (*P, "phases", 0, "from_month"),
            (
                f"the first phase starts in month {proc.phases[0].from_month}, but the first shift "
                f"({date_long(first)}) falls in month {month} of the contract; make them agree"
            ),
        )


@rule(needs="procurement")
def budget_and_term(profile: Profile) -> RuleResult:
    proc = _procurement(profile)
    if proc.budget_ceiling <= 0:
        yield (
            (*P, "budget_ceiling"),
            (f"the budget ceiling must be more than $0 (it is {_number(proc.budget_ceiling)})"),
        )
    months = [phase.from_month for phase in proc.phases]
    for i in range(1, len(months)):
        if months[i] <= months[i - 1]:
            yield (
                (*P, "phases", i, "from_month"),
                (
                    f"phase '{proc.phases[i].name}' starts in month {months[i]}, not after the "
                    f"phase before it (month {months[i - 1]}); list phases in the order they start"
                ),
            )
    for i, phase in enumerate(proc.phases):
        if phase.from_month > proc.term_months:
            yield (
                (*P, "phases", i, "from_month"),
                (
                    f"phase '{phase.name}' starts in month {phase.from_month}, after the "
                    f"{proc.term_months}-month initial term ends; the ramp-up must finish within "
                    "the "
                    "term"
                ),
            )
    for i, row in enumerate(proc.terms.insurance):
        if not row.statutory and row.per_occurrence is None and row.aggregate is None:
            yield (
                (*P, "terms", "insurance", i),
                (
                    f"'{row.coverage}' needs a limit (per_occurrence or aggregate) or statutory: "
                    "true"
                ),
            )


@rule(needs="procurement")
def standards_name_metrics(profile: Profile) -> RuleResult:
    proc = _procurement(profile)
    chosen = {m.id: m for m in profile.metrics}
    tracked = ", ".join(chosen) or "none"
    for i, standard in enumerate(proc.performance_standards):
        where = (*P, "performance_standards", i, "metric")
        if standard.metric not in chosen:
            hint = (
                "; it is in metric_library, so add it under metrics with a target"
                if standard.metric in profile.metric_library
                else ""
            )
            yield (
                where,
                (
                    f"no metric '{standard.metric}' among the metrics this profile tracks "
                    f"(metrics: {tracked}){hint}"
                ),
            )
        elif chosen[standard.metric].target is None:
            yield (
                where,
                (
                    f"metric '{standard.metric}' has no target under metrics; a "
                    "performance standard needs one"
                ),
            )
    target = profile.program.response_time_target_min
    choice = chosen.get("response-time")
    if (
        target is not None
        and choice is not None
        and choice.target is not None
        and choice.target != target
    ):
        index = [m.id for m in profile.metrics].index("response-time")
        yield (
            ("metrics", index, "target"),
            (
                f"the response-time target ({_number(choice.target)} minutes) differs from "
                f"program.response_time_target_min ({target}); the documents must agree"
            ),
        )


@rule(needs="procurement")
def roles_exist(profile: Profile) -> RuleResult:
    proc = _procurement(profile)
    roles = [m.role for m in profile.program.team]
    for i, role in enumerate(proc.staffing.contractor_roles):
        if role not in roles:
            yield (
                (*P, "staffing", "contractor_roles", i),
                (f"no role '{role}' in program.team (roles: {', '.join(roles)})"),
            )


@rule(needs="procurement")
def shifts_cover_hours(profile: Profile) -> RuleResult:
    proc = _procurement(profile)
    staffing = proc.staffing
    hours = profile.program.hours
    gaps = list(_gaps(profile, staffing.minimum_teams))
    if gaps:
        spans = ", ".join(f"{clock_12h(_clock(a))} to {clock_12h(_clock(b))}" for a, b in gaps)
        yield (
            (*P, "staffing", "shifts"),
            (
                f"the shifts leave fewer than {staffing.minimum_teams} "
                f"{'team' if staffing.minimum_teams == 1 else 'teams'} on duty from {spans}, but "
                f"the service hours are {hours.summary}; add a shift or teams, or lower "
                "minimum_teams"
            ),
        )
    window = _service_window(profile)
    for i, shift in enumerate(staffing.shifts):
        start, end = shift.window
        if not any(
            _overlaps((start, end), (a + shift_day, b + shift_day))
            for a, b in window
            for shift_day in (-1440, 0, 1440)
        ):
            yield (
                (*P, "staffing", "shifts", i),
                (
                    f"shift '{shift.name}' ({shift.hours_text}) falls wholly outside the service "
                    f"hours, which are {hours.summary}"
                ),
            )


def _service_window(profile: Profile) -> list[tuple[int, int]]:
    """The service hours of one day as minute ranges (may pass midnight)."""
    hours = profile.program.hours
    if hours.is_24_7 or hours.span_minutes >= 1440:
        return [(0, 1440)]
    start = minutes(hours.start)
    return [(start, start + hours.span_minutes)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _clock(minute: int) -> str:
    minute %= 1440
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _gaps(profile: Profile, needed: int) -> Iterator[tuple[int, int]]:
    """Stretches of the daily service window with fewer than ``needed`` teams on duty.

    Shifts repeat every day, so a shift from 22:00 to 06:00 also covers the first hours of the
    next day's window.
    """
    shifts = profile.procurement.staffing.shifts  # type: ignore[union-attr]
    for start, end in _service_window(profile):
        gap_start = None
        for minute in range(start, end):
            on_duty = sum(
                s.teams
                for s in shifts
                for shift_day in (-1440, 0, 1440)
                if s.window[0] + shift_day <= minute < s.window[1] + shift_day
            )
            if on_duty < needed and gap_start is None:
                gap_start = minute
            elif on_duty >= needed and gap_start is not None:
                yield gap_start, minute
                gap_start = None
        if gap_start is not None:
            yield gap_start, end
