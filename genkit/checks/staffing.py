"""Rules for the staffing plan: roles and competencies exist, positions are complete, pay and
shifts make sense, and every interview question can be framed by one of the program's calls."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile
from genkit.model.program import WEEK, minutes
from genkit.model.roles import MAX_COMPETENCIES, MIN_COMPETENCIES, Certification, Role
from genkit.model.staffing import Position, Shift, Staffing

REQUIRED_ROLE_FIELDS = [
    name for name, f in Role.model_fields.items() if f.is_required() and name != "title"
]


def _known(names: object) -> str:
    return ", ".join(sorted(names)) or "none"  # type: ignore[call-overload]


@rule
def positions_unique(profile: Profile) -> RuleResult:
    seen: set[str] = set()
    for i, position in enumerate(profile.staffing.positions):
        if position.id in seen:
            yield (
                ("staffing", "positions", i, "id"),
                (
                    f"id '{position.id}' is used by another position; each position names its own "
                    "files"
                ),
            )
        seen.add(position.id)


@rule
def positions_build_on_known_roles(profile: Profile) -> RuleResult:
    staffing = profile.staffing
    for i, position in enumerate(staffing.positions):
        here = ("staffing", "positions", i)
        if position.role is not None and position.role not in staffing.role_library:
            yield (
                (*here, "role"),
                (
                    f"no role '{position.role}' in the role library (known: "
                    f"{_known(staffing.role_library)}); use one of those, or leave 'role' out and "
                    "define the position in full"
                ),
            )
            continue
        if position.role is None:
            for name in REQUIRED_ROLE_FIELDS:
                if getattr(position, name) is None and not getattr(position, f"add_{name}", None):
                    yield (
                        (*here, name),
                        (
                            "is required because this position is not built on a library role "
                            "(it has no 'role')"
                        ),
                    )


def _competency_problems(staffing: Staffing, ids: list[str], path: tuple) -> Iterator:
    for cid, count in Counter(ids).items():
        if count > 1:
            yield path, f"competency '{cid}' is listed twice"
    unknown = [c for c in ids if c not in staffing.competency_library]
    for cid in unknown:
        yield (
            path,
            (
                f"no competency '{cid}' in the competency library (known: "
                f"{_known(staffing.competency_library)})"
            ),
        )
    if not MIN_COMPETENCIES <= len(set(ids)) <= MAX_COMPETENCIES:
        yield (
            path,
            (
                f"a structured interview tests {MIN_COMPETENCIES} to {MAX_COMPETENCIES} "
                f"competencies; this one has {len(set(ids))}"
            ),
        )


@rule
def competencies_valid(profile: Profile) -> RuleResult:
    staffing = profile.staffing
    for rid, role in staffing.role_library.items():
        unknown = [c for c in role.competencies if c not in staffing.competency_library]
        for cid in unknown:
            yield (
                ("staffing", "role_library", rid, "competencies"),
                (f"no competency '{cid}' in the competency library"),
            )
    for i, position in enumerate(staffing.positions):
        if position.role is not None and position.role not in staffing.role_library:
            continue
        ids = staffing.role_fields(position).get("competencies") or []
        field = "competencies" if position.competencies is not None else "add_competencies"
        if position.competencies is None and not position.add_competencies:
            field = "role"
        yield from _competency_problems(staffing, ids, ("staffing", "positions", i, field))


@rule
def scenarios_link_to_program(profile: Profile) -> RuleResult:
    staffing = profile.staffing
    calls = {c.id for c in profile.program.call_types}
    exclusions = {e.id for e in profile.program.exclusions}
    known = {q.scenario for c in staffing.competency_library.values() for q in c.situational}
    seen: set[str] = set()
    for i, link in enumerate(staffing.scenarios):
        here = ("staffing", "scenarios", i)
        if link.scenario not in known:
            yield (
                (*here, "scenario"),
                (
                    f"no interview question uses the scenario "
                    f"'{link.scenario}' (known: {_known(known)})"
                ),
            )
        if link.scenario in seen:
            yield (*here, "scenario"), f"scenario '{link.scenario}' is linked twice"
        seen.add(link.scenario)
        if link.call_type not in calls:
            yield (
                (*here, "call_type"),
                (
                    f"no call type '{link.call_type}' under "
                    f"program.call_types (known: {_known(calls)})"
                ),
            )
        if link.exclusion is not None and link.exclusion not in exclusions:
            yield (
                (*here, "exclusion"),
                (
                    f"no exclusion '{link.exclusion}' under "
                    f"program.exclusions (known: {_known(exclusions)})"
                ),
            )


_RESPONDERS = ("police", "ems", "fire", "ambulance")


@rule
def interview_never_marks_down_the_decision_tree(profile: Profile) -> RuleResult:
    """A scene linked to an exclusion may become a call the decision tree sends to police or
    EMS; a low anchor that marks down calling them would punish doing what the program asks."""
    staffing = profile.staffing
    exclusions = {e.id: e for e in profile.program.exclusions}
    routes = {
        link.scenario: exclusions[link.exclusion]
        for link in staffing.scenarios
        if link.exclusion in exclusions
    }
    for cid, competency in staffing.competency_library.items():
        low = competency.anchors.low.lower()
        for question in competency.situational:
            exclusion = routes.get(question.scenario)
            if exclusion is None:
                continue
            named = [r for r in _RESPONDERS if r in low and r in exclusion.route_to.lower()]
            if named:
                yield (
                    ("staffing", "competency_library", cid, "anchors", "low"),
                    (
                        f"the low anchor marks down calling {named[0]}, but the scene "
                        f"'{question.scenario}' may become the excluded call '{exclusion.id}', "
                        f"which the decision tree sends to {exclusion.route_to}; reword the anchor "
                        "so that following the decision tree is never rated low"
                    ),
                )
                break
    rules = staffing.interview
    for i, cid in enumerate(rules.knock_out_competencies if rules else []):
        if cid not in staffing.competency_library:
            yield (
                ("staffing", "interview", "knock_out_competencies", i),
                (f"no competency '{cid}' (known: {_known(staffing.competency_library)})"),
            )


@rule
def every_competency_has_a_scenario(profile: Profile) -> RuleResult:
    staffing = profile.staffing
    linked = {link.scenario for link in staffing.scenarios}
    for i, position in enumerate(staffing.positions):
        if position.role is not None and position.role not in staffing.role_library:
            continue
        fields = staffing.role_fields(position)
        setting = fields.get("setting") or "field"
        for cid in fields.get("competencies") or []:
            competency = staffing.competency_library.get(cid)
            if competency is None or staffing.usable_questions(cid, setting, linked):
                continue
            options = [q.scenario for q in competency.situational if setting in q.settings]
            if not options:
                yield (
                    ("staffing", "positions", i, "competencies"),
                    (
                        f"competency '{cid}' has no situational question for a {setting} role; "
                        "choose another competency or add a question to the library"
                    ),
                )
            else:
                yield (
                    ("staffing", "positions", i, "competencies"),
                    (
                        f"competency '{cid}' needs one of these scenarios linked to a call type "
                        f"under staffing.scenarios, so its situational question fits this "
                        f"program: {', '.join(options)}"
                    ),
                )


@rule
def pay_ranges_in_order(profile: Profile) -> RuleResult:
    for i, position in enumerate(profile.staffing.positions):
        pay, here = position.pay, ("staffing", "positions", i, "pay")
        if pay.min > pay.max:
            yield (
                (*here, "min"),
                (f"pay minimum ({pay.min:,g}) is above the maximum ({pay.max:,g})"),
            )
        if (pay.hiring_min is None) != (pay.hiring_max is None):
            yield (*here, "hiring_min"), "give both hiring_min and hiring_max, or neither"
        elif (
            pay.hiring_min is not None
            and pay.hiring_max is not None
            and pay.hiring_min > pay.hiring_max
        ):
            yield (
                (*here, "hiring_min"),
                (
                    f"hiring minimum ({pay.hiring_min:,g}) is above the "
                    f"hiring maximum ({pay.hiring_max:,g})"
                ),
            )


def _inside(shift: Shift, start: int, span: int) -> bool:
    """Whether a shift lies inside a service window that starts at ``start`` (minutes)."""
    begin = minutes(shift.start)
    if begin < start:
        begin += 1440  # a shift after midnight in a window that runs past midnight
    return begin + shift.span_minutes <= start + span


@rule
def shifts_inside_program_hours(profile: Profile) -> RuleResult:
    hours = profile.program.hours
    for i, position in enumerate(profile.staffing.positions):
        here = ("staffing", "positions", i, "schedule")
        schedule = position.schedule
        if schedule.days is not None and not hours.always:
            outside = [d for d in WEEK if d in schedule.days and d not in hours.days]
            if outside:
                yield (
                    (*here, "days"),
                    (f"{', '.join(outside)} is outside the program's days ({hours.summary})"),
                )
        if hours.always:
            continue
        for j, shift in enumerate(schedule.shifts):
            if not _inside(shift, minutes(hours.start), hours.span_minutes):
                yield (
                    (*here, "shifts", j),
                    (
                        f"the shift {shift.summary} runs outside the program's hours "
                        f"({hours.summary})"
                    ),
                )


@rule
def positions_fit_the_program(profile: Profile) -> RuleResult:
    seats = {m.role for m in profile.program.team}
    units = {u.name for u in profile.program.units}
    for i, position in enumerate(profile.staffing.positions):
        here = ("staffing", "positions", i)
        if position.team_role is not None and position.team_role not in seats:
            yield (
                (*here, "team_role"),
                (f"no seat '{position.team_role}' in program.team (known: {_known(seats)})"),
            )
        if position.unit is not None and position.unit not in units:
            yield (
                (*here, "unit"),
                (f"no unit named '{position.unit}' in program.units (known: {_known(units)})"),
            )


@rule
def certifications_due_in_time(profile: Profile) -> RuleResult:
    """A license due months after hire must be due within probation (while not holding it can
    still end the job), and one earned in training needs a curriculum that trains the position."""
    staffing = profile.staffing
    trained = {c.position for c in profile.training.curricula} if profile.training else set()
    everyone_trained = staffing.training is not None  # staffing.training words it for all
    for i, position in enumerate(staffing.positions):
        if position.role and position.role not in staffing.role_library:
            continue  # an unknown role is reported by positions_build_on_known_roles
        items = staffing.role_fields(position).get("certifications") or []
        probation = staffing.probation(position)
        for j, raw in enumerate(items):
            item = Certification.model_validate(raw)
            where = _certification_path(staffing, position, i, j)
            if item.within_months and probation and item.within_months > probation:
                yield (
                    where,
                    (
                        f"'{item.name}' is due within {item.within_months} months of hire, after "
                        f"the {probation}-month probation of {position.title} ends; make it due "
                        "within the probation or lengthen the probation (probation_months)"
                    ),
                )
            if item.after_training and position.id not in trained and not everyone_trained:
                yield (
                    where,
                    (
                        f"'{item.name}' is due by the end of pre-service training, but no "
                        f"training.curricula entry trains {position.title} and staffing.training "
                        "gives no training period; add one or give within_months instead"
                    ),
                )


def _certification_path(staffing: Staffing, position: Position, i: int, j: int) -> tuple:
    """Where item ``j`` of the merged list was written: the position's own list, its additions,
    or (for an item from the library role) the position's ``role``, where a fix starts."""
    own = position.certifications
    if own is None:
        role = staffing.role_library.get(position.role or "")
        first = len(role.certifications) if role else 0
    else:
        first = len(own)
    if j >= first:
        return ("staffing", "positions", i, "add_certifications", j - first)
    if own is not None:
        return ("staffing", "positions", i, "certifications", j)
    return ("staffing", "positions", i, "role")
