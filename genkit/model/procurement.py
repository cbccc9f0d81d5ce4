"""Procurement: what a Request for Proposals needs beyond the program's own facts.

The program's facts (team, hours, call types, exclusions, response-time target, follow-up window)
stay in ``program`` and the metrics in ``metrics``; this section holds only what belongs to the
solicitation and the contract: who issues it, the money, the dates, how the contractor must staff
the hours, how proposals are scored and the contract terms. Performance standards name metrics
by id, so the RFP and the evaluation plan measure the same things the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from genkit.model.base import Clock, Flag, LongText, Model, ShortText, Slug, Text
from genkit.model.estimate import CostEstimate
from genkit.model.packet import DEFAULT_PARTS, Packet, Payment, ProposalPart
from genkit.model.program import Hours, clock_12h, minutes

Email = Annotated[str, Field(pattern=r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-zA-Z]{2,}$", max_length=200)]


class Contact(Model):
    """The one person proposers may talk to while the solicitation is open."""

    name: ShortText
    title: ShortText | None = None
    email: Email
    phone: ShortText | None = None
    address: Text | None = Field(default=None, description="Where paper proposals are delivered.")


def _date_shorthand(value: Any) -> Any:
    # ``release: 2026-03-02`` is the common case; ``{date: ..., end: ..., note: ...}`` adds detail.
    return {"date": value} if isinstance(value, str | dt.date) else value


class Milestone(Model):
    date: dt.date
    end: dt.date | None = Field(default=None, description="Last day of a step that takes days.")
    time: Clock | None = Field(default=None, description="Deadline time, HH:MM (24-hour clock).")
    note: Text | None = None

    @property
    def last_day(self) -> dt.date:
        return self.end or self.date

    @property
    def time_text(self) -> str:
        return clock_12h(self.time) if self.time else ""


Step = Annotated[
    Milestone, BeforeValidator(_date_shorthand, json_schema_input_type=dt.date | Milestone)
]

STEP_NAMES = {
    "release": "RFP released",
    "preproposal_conference": "Pre-proposal conference",
    "intent_to_propose_due": "Notice of intent to propose due",
    "questions_due": "Written questions due",
    "answers_posted": "Answers posted",
    "proposals_due": "Proposals due",
    "panel_review": "Evaluation panel review",
    "interviews": "Finalist interviews",
    "award": "Intended award",
    "contract_start": "Contract start",
    "service_start": "First shift in the field",
}


class Timeline(Model):
    """The solicitation's dates, in the order they must happen (the rules check that order)."""

    release: Step
    preproposal_conference: Step | None = None
    intent_to_propose_due: Step | None = None
    questions_due: Step
    answers_posted: Step
    proposals_due: Step
    panel_review: Step
    interviews: Step | None = None
    award: Step
    contract_start: Step
    service_start: Step | None = None

    @property
    def steps(self) -> list[dict]:
        """Each step that is set, in order: ``{"key", "name", "step"}`` for templates."""
        return [
            {"key": key, "name": STEP_NAMES[key], "step": getattr(self, key)}
            for key in type(self).model_fields
            if getattr(self, key) is not None
        ]


class Renewal(Model):
    count: int = Field(default=0, ge=0, le=10)
    months: int = Field(default=12, ge=1, le=60)


class Phase(Model):
    """One step of the ramp-up: from which contract month, where, and (if partial) when."""

    name: ShortText
    from_month: int = Field(ge=1, le=120, description="Contract month in which the phase begins.")
    area: LongText
    hours: Hours | None = Field(
        default=None, description="Hours in this phase, if fewer than the program's full hours."
    )
    note: Text | None = None


class Shift(Model):
    name: ShortText
    start: Clock
    end: Clock
    teams: int = Field(ge=1, le=50, description="Teams on duty during this shift.")

    @property
    def window(self) -> tuple[int, int]:
        """(start, end) in minutes from midnight; ``end`` may pass 1440 for overnight shifts."""
        start, end = minutes(self.start), minutes(self.end)
        return (start, end if end > start else end + 1440)

    @property
    def hours_text(self) -> str:
        return f"{clock_12h(self.start)} to {clock_12h(self.end)}"


class Staffing(Model):
    minimum_teams: int = Field(
        default=1,
        ge=1,
        le=50,
        description="Teams that must be on duty "
        "and available at every moment of the service hours.",
    )
    shifts: list[Shift] = Field(min_length=1)
    contractor_roles: list[Slug] = Field(
        default_factory=list,
        description="Roles of program.team the contractor supplies; empty means all of them.",
    )
    supervision: LongText
    clinical_oversight: LongText


class Dispatch(Model):
    """How the contractor's teams connect to the 911 center."""

    cad_access: Literal["mobile_data_terminal", "cad_client", "phone_and_radio"] = (
        "mobile_data_terminal"
    )
    radio: Flag = True
    backup_method: ShortText = Field(description="How a team asks for police or EMS on scene.")
    crime_reporting: LongText = Field(
        description="When the team must report a crime it sees or "
        "is told about. State it plainly: proposers price it."
    )


class Services(Model):
    on_scene: list[ShortText] = Field(min_length=1)
    transport: Flag = False
    transport_note: Text | None = None
    vehicles: Literal["city", "contractor"] = "contractor"
    equipment: list[ShortText] = Field(default_factory=list)


class Training(Model):
    pre_service_weeks: int = Field(ge=1, le=52)
    topics: list[ShortText] = Field(min_length=1)
    annual_hours: int | None = Field(default=None, ge=1, le=500)


class Reporting(Model):
    report_due_days: int = Field(
        default=15,
        ge=1,
        le=90,
        description="Days after the end of a period by which its report is due.",
    )
    early_meetings: Literal["weekly", "biweekly", "monthly"] = "biweekly"
    early_months: int = Field(default=3, ge=0, le=24, description="Months of early meetings.")
    review_meetings: Literal["monthly", "quarterly"] = "quarterly"
    dashboard_feed: Flag = False
    corrective_action_days: int = Field(default=30, ge=1, le=180)


class PerformanceStandard(Model):
    """A contract standard: a metric from ``metrics`` (its target is the standard's target)."""

    metric: Slug
    note: Text | None = None


class Criterion(Model):
    id: Slug
    name: ShortText
    weight: float
    considers: list[ShortText] = Field(min_length=1)
    cost: Flag = Field(default=False, description="true for the one criterion scored on price.")
    scores: list[Slug] = Field(
        default_factory=list,
        description="Ids of the proposal parts "
        "(procurement.submission.parts) this criterion scores.",
    )


class ScaleLevel(Model):
    score: int = Field(ge=0, le=10)
    label: ShortText
    meaning: ShortText


DEFAULT_SCALE = [
    ScaleLevel(
        score=5,
        label="Excellent",
        meaning="Fully meets the requirement and adds clear value; no weaknesses.",
    ),
    ScaleLevel(score=4, label="Good", meaning="Meets the requirement; minor weaknesses only."),
    ScaleLevel(score=3, label="Acceptable", meaning="Meets the requirement at a basic level."),
    ScaleLevel(score=2, label="Marginal", meaning="Partly meets the requirement; real gaps."),
    ScaleLevel(score=1, label="Poor", meaning="Barely addresses the requirement."),
    ScaleLevel(score=0, label="Unacceptable", meaning="Missing, or does not meet the requirement."),
]


class Evaluation(Model):
    criteria: list[Criterion] = Field(min_length=1)
    scale: list[ScaleLevel] = Field(default_factory=lambda: list(DEFAULT_SCALE), min_length=2)
    cost_rule: Literal["lowest_price_ratio"] = "lowest_price_ratio"
    finalists: int = Field(default=3, ge=1, le=10, description="Proposers invited to interview.")
    panel: list[ShortText] = Field(default_factory=list)

    @property
    def top_score(self) -> int:
        return max(level.score for level in self.scale)

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)


class Insurance(Model):
    coverage: ShortText
    per_occurrence: float | None = None
    aggregate: float | None = None
    statutory: Flag = False
    note: Text | None = None


class Terms(Model):
    insurance: list[Insurance] = Field(min_length=1)
    invoice_frequency: Literal["monthly", "quarterly"] = "monthly"
    invoice_documentation: list[ShortText] = Field(min_length=1)
    records_retention_years: int = Field(default=5, ge=1, le=30)
    background_checks: list[ShortText] = Field(min_length=1)
    termination_notice_days: int = Field(default=30, ge=1, le=365)
    cure_days: int = Field(default=10, ge=1, le=180)
    insurance_notice_days: int = Field(
        default=30,
        ge=1,
        le=180,
        description="Days' notice the contractor gives before a policy is canceled or reduced.",
    )
    overpayment_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="Days within which the contractor repays an overpayment an audit finds.",
    )
    breach_notice_hours: int = Field(
        default=24,
        ge=1,
        le=720,
        description="Hours within which the contractor reports a data breach it finds.",
    )


class Submission(Model):
    method: LongText
    page_limit: int | None = Field(default=None, ge=1, le=500)
    min_font_points: int = Field(
        default=11,
        ge=8,
        le=16,
        description="Smallest type size allowed in the proposal's pages, in points.",
    )
    references: int = Field(default=3, ge=0, le=10)
    extra_items: list[ShortText] = Field(default_factory=list)
    parts: list[ProposalPart] = Field(
        default_factory=lambda: list(DEFAULT_PARTS),
        min_length=1,
        description="The parts of "
        "a proposal, in order; every part is scored by some evaluation criterion.",
    )


class CallFact(Model):
    """A figure from the call data behind the program, with the sources it comes from."""

    fact: LongText
    sources: list[Slug] = Field(min_length=1)


class Procurement(Model):
    """Everything the RFP needs that the rest of the profile does not already say."""

    rfp_number: ShortText
    title: ShortText = Field(
        description="What is being bought, e.g. 'Operator for the HEART community response teams'."
    )
    issuing_agency: ShortText
    contact: Contact
    purpose: LongText = Field(
        description="Why the jurisdiction is contracting, in a few sentences."
    )
    call_data: list[CallFact] = Field(default_factory=list)
    budget_ceiling: float = Field(description="Most the jurisdiction will pay, in dollars.")
    cost_estimate: CostEstimate | None = Field(
        default=None,
        description="Inputs of the independent cost estimate of the coverage "
        "this RFP requires; checked against the ceiling.",
    )
    budget_basis: Literal["term", "year"] = Field(
        default="term", description="Whether the ceiling covers the whole initial term or a year."
    )
    funding_source: ShortText | None = None
    term_months: int = Field(ge=1, le=120)
    renewal: Renewal = Field(default_factory=Renewal)
    min_days_open: int = Field(
        default=21,
        ge=1,
        le=365,
        description="Fewest days allowed between release and the proposal deadline.",
    )
    readiness_days: int = Field(
        default=90,
        ge=0,
        le=365,
        description="Days from contract start to the first shift in the field.",
    )
    timeline: Timeline
    phases: list[Phase] = Field(default_factory=list)
    staffing: Staffing
    dispatch: Dispatch
    services: Services
    training: Training
    reporting: Reporting = Field(default_factory=Reporting)
    performance_standards: list[PerformanceStandard] = Field(min_length=1)
    qualifications: list[ShortText] = Field(min_length=1)
    submission: Submission
    evaluation: Evaluation
    terms: Terms
    payment: Payment | None = Field(
        default=None,
        description="How the contractor is paid: "
        "basis, start-up costs, other revenue, indirect cap.",
    )
    packet: Packet = Field(
        default_factory=Packet,
        description="Administrative terms of the "
        "packet: validity, protests, portal, clause wording, issue-ready.",
    )


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "procurement.rfp_number": "RFP number",
    "procurement.contact": "Procurement contact",
    "procurement.timeline": "RFP dates",
    "procurement.phases": "Ramp-up phases",
    "procurement.renewal": "Renewal options",
    "procurement.term_months": "Contract term",
    "procurement.min_days_open": "Days the RFP stays open",
    "procurement.readiness_days": "Time from contract start to first shift",
    "procurement.staffing.minimum_teams": "Minimum teams on duty",
    "procurement.staffing.shifts": "Shift pattern",
    "procurement.evaluation.criteria": "Evaluation criteria and weights",
    "procurement.evaluation.scale": "Scoring scale",
    "procurement.evaluation.cost_rule": "Cost-scoring rule",
    "procurement.terms.insurance": "Insurance requirements",
    "procurement.staffing": "Staffing plan (shifts, teams on duty, supervision)",
    "procurement.training": "Training requirements",
    "procurement.reporting": "Reporting deadlines and meetings",
    "procurement.submission": "Submission rules (page limit, references)",
    "procurement.evaluation.finalists": "Number of finalists",
    "procurement.evaluation.panel": "Evaluation panel",
    "procurement.terms.records_retention_years": "Records retention period",
    "procurement.terms.termination_notice_days": "Termination notice",
    "procurement.terms.cure_days": "Cure period",
}
