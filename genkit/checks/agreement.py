"""Rules for the 911 center and operator agreement: every clause must be one both can keep.

The agreement restates facts from other sections, so these rules make sure what it adds agrees
with them: it shares only CAD fields that exist, measures only tracked metrics, reviews calls
within the contract it serves, and lets a team accept a call in time to meet the target.
"""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.language.formatting import date_long
from genkit.model import Profile

A = ("agreement",)


@rule(needs="agreement")
def center_fields_exist(profile: Profile) -> RuleResult:
    agreement = profile.agreement
    mapped = profile.calls.columns.mapped() if profile.calls else None
    fields = agreement.data_sharing.from_center
    for i, name in enumerate(fields):
        where = (*A, "data_sharing", "from_center", i)
        if mapped is not None and name not in mapped:
            # The center cannot hand over a field its own export does not carry.
            yield (
                where,
                (
                    f"the CAD export described under calls.columns has no '{name}' "
                    f"column, so the center cannot share it; add calls.columns.{name} "
                    "or remove it here"
                ),
            )
        elif name in fields[:i]:
            yield where, f"'{name}' is listed more than once"


@rule(needs="agreement")
def shared_metrics_are_tracked(profile: Profile) -> RuleResult:
    agreement = profile.agreement
    tracked = [m.id for m in profile.metrics]
    for i, metric in enumerate(agreement.data_sharing.metrics):
        if metric not in tracked:
            yield (
                (*A, "data_sharing", "metrics", i),
                (
                    f"no metric '{metric}' among the metrics this profile tracks (metrics: "
                    f"{', '.join(tracked) or 'none'})"
                ),
            )


@rule
def review_within_term(profile: Profile) -> RuleResult:
    agreement, proc = profile.agreement, profile.procurement
    if agreement is None:
        return
    review = agreement.review
    if proc is not None and review.every_months > proc.term_months:
        yield (
            (*A, "review", "every_months"),
            (
                f"joint reviews every {review.every_months} months would never happen within the "
                f"{proc.term_months}-month contract term (procurement.term_months); review at "
                "least once a term"
            ),
        )
    if review.critical_incident_days > review.every_months * 30:
        yield (
            (*A, "review", "critical_incident_days"),
            (
                f"a serious incident is reviewed within {review.critical_incident_days} days, "
                f"later than the routine review every {review.every_months} months; make it sooner"
            ),
        )


def _response_target(profile: Profile) -> tuple[float, str] | None:
    """The response-time target in minutes and where it is set, if the profile has one."""
    for i, choice in enumerate(profile.metrics):
        if choice.id == "response-time" and choice.target is not None:
            return choice.target, f"metrics[{i}].target"
    target = profile.program.response_time_target_min
    return (target, "program.response_time_target_min") if target is not None else None


@rule(needs="agreement")
def acknowledge_before_target(profile: Profile) -> RuleResult:
    agreement = profile.agreement
    found = _response_target(profile)
    minutes = agreement.dispatch.acknowledge_within_min
    # Response time runs from dispatch, so the minutes a team takes to accept count against it.
    if found is not None and minutes >= found[0]:
        yield (
            (*A, "dispatch", "acknowledge_within_min"),
            (
                f"teams may take {minutes} minutes to accept a call, but the response-time target "
                f"({found[1]}) is {found[0]:g} minutes from dispatch to arrival; allow fewer "
                "minutes to accept"
            ),
        )


@rule
def in_force_by_contract_start(profile: Profile) -> RuleResult:
    """The agreement must bind both sides from the day the contract does: hiring, training on
    CAD and radio and the readiness work under the contract all need it."""
    agreement, proc = profile.agreement, profile.procurement
    if agreement is None or agreement.effective is None or proc is None:
        return
    start = proc.timeline.contract_start.date
    if agreement.effective > start:
        first = proc.timeline.service_start
        shift = f"; the first shift is on {date_long(first.date)}" if first else ""
        yield (
            (*A, "effective"),
            (
                f"the agreement takes effect on {date_long(agreement.effective)}, after the "
                f"operator's contract starts on {date_long(start)} "
                f"(procurement.timeline.contract_start){shift}; it must be in force by the "
                "contract start, when the operator's staff begin training on CAD and radio"
            ),
        )


@rule
def missed_calls_reach_the_operator_in_time(profile: Profile) -> RuleResult:
    agreement = profile.agreement
    window = profile.program.follow_up_hours
    if agreement is None or not window:
        return
    hours = agreement.data_sharing.missed_call_notice_hours
    if hours >= window:
        yield (
            (*A, "data_sharing", "missed_call_notice_hours"),
            (
                f"missed eligible calls reach the operator {hours} hours after the call, but it "
                f"must follow up within {window} hours (program.follow_up_hours); send them sooner"
            ),
        )
