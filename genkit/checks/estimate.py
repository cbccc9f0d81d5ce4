"""Rules for the independent cost estimate: every seat, the supervisor and the clinical lead
have a pay to price them with, and the RFP's ceiling pays for the coverage the RFP demands.

A ceiling below the minimum coverage is an error (no honest proposal can meet it); a ceiling
below the shift pattern the RFP itself illustrates is a warning (``--strict`` fails on it),
since a proposer may find a cheaper pattern that still keeps the minimum on duty."""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule, warning
from genkit.funding.estimate import (
    Column,
    Estimate,
    build_estimate,
    contractor_seats,
    seat_pay,
    supervisor_pay,
)
from genkit.model import Profile

E = ("procurement", "cost_estimate")


def _priced(profile: Profile) -> bool:
    est = profile.procurement.cost_estimate  # type: ignore[union-attr]
    return (
        all(seat_pay(profile, s.role) for s in contractor_seats(profile))
        and (not est.supervisors_on_duty or supervisor_pay(profile) is not None)
        and (not est.clinical_lead_fte or est.clinical_lead_pay is not None)
    )


@rule
def estimate_has_every_pay(profile: Profile) -> RuleResult:
    proc = profile.procurement
    if proc is None or proc.cost_estimate is None:
        return
    est = proc.cost_estimate
    for seat in contractor_seats(profile):
        if not seat_pay(profile, seat.role):
            yield (
                (*E, "pay"),
                (
                    f"no pay for the '{seat.role}' seat: give it here (pay: {{{seat.role}: "
                    "YEARLY}}) or give a staffing position team_role: " + seat.role
                ),
            )
    if est.supervisors_on_duty and supervisor_pay(profile) is None:
        yield (
            (*E, "supervisors_on_duty"),
            (
                f"no pay for the field supervisor: set supervisor_pay, or add a staffing position "
                f"whose role is {est.supervisor_role}"
            ),
        )
    if est.clinical_lead_fte and est.clinical_lead_pay is None:
        yield (*E, "clinical_lead_fte"), "set clinical_lead_pay, the clinical lead's yearly pay"


def _over(estimate: Estimate, column: Column) -> str:
    what = "for the initial term" if estimate.basis == "term" else "a year"
    return (
        f"the independent cost estimate puts {column.label.lower()} ({column.teams_text}) at "
        f"${estimate.compare(column):,.0f} {what}, more than the ceiling of "
        f"${estimate.ceiling:,.0f}"
    )


def _estimate(profile: Profile) -> Estimate | None:
    proc = profile.procurement
    if proc is None or proc.cost_estimate is None or proc.budget_ceiling <= 0:
        return None
    return build_estimate(profile) if _priced(profile) else None


@rule
def ceiling_pays_minimum_coverage(profile: Profile) -> RuleResult:
    estimate = _estimate(profile)
    if estimate is not None and not estimate.ceiling_pays_minimum:
        yield (
            ("procurement", "budget_ceiling"),
            (
                f"{_over(estimate, estimate.minimum)}; no proposal can staff the minimum "
                "coverage for this. Raise the ceiling, or lower the coverage "
                "(procurement.staffing.minimum_teams, program.hours, procurement.phases)"
            ),
        )


@warning
def ceiling_pays_illustrated_pattern(profile: Profile) -> RuleResult:
    estimate = _estimate(profile)
    if estimate is not None and estimate.ceiling_pays_minimum and not estimate.ceiling_pays_pattern:
        yield (
            ("procurement", "budget_ceiling"),
            (
                f"{_over(estimate, estimate.pattern)}; proposers cannot price the shifts the RFP "
                "illustrates. Raise the ceiling or illustrate shifts it can pay for "
                "(procurement.staffing.shifts)"
            ),
        )


@rule
def sample_rfp_has_an_estimate(profile: Profile) -> RuleResult:
    # A buyer prices the coverage before issuing an RFP; a sample must show how.
    if (
        profile.procurement is not None
        and profile.status == "sample"
        and profile.procurement.cost_estimate is None
    ):
        yield (
            ("procurement",),
            (
                "add procurement.cost_estimate (productive hours, supervision, clinical lead, "
                "vehicles, equipment, insurance, overhead) so the ceiling can be checked against "
                "the coverage this RFP requires"
            ),
        )


@rule
def funding_plan_pays_minimum_coverage(profile: Profile) -> RuleResult:
    # The funding plan's contract line must at least pay for the coverage the RFP requires;
    # otherwise the plan promises a service it has not budgeted.
    estimate, funding = _estimate(profile), profile.funding
    if estimate is None or funding is None:
        return
    contracts = [(i, line) for i, line in enumerate(funding.lines) if line.kind == "contract"]
    if not contracts:
        return
    term_months = profile.procurement.term_months  # type: ignore[union-attr]
    years = max(1, round(term_months / 12)) if estimate.basis == "term" else 1
    budgeted = sum(sum(line.amounts[:years]) for _, line in contracts)
    needed = estimate.compare(estimate.minimum)
    if budgeted < needed:
        span = f"its first {years} years" if years > 1 else "its first year"
        yield (
            ("funding", "lines", contracts[-1][0], "amounts"),
            (
                f"the contract is budgeted at ${budgeted:,.0f} over {span}, less than the "
                f"independent cost estimate of the minimum coverage (${needed:,.0f}); raise the "
                "contract line or lower the coverage the RFP requires"
            ),
        )
