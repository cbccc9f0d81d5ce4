"""The operating agreement between the 911 center and the team's operator: only what is local.

Everything the agreement shares with other documents (call types, exclusions, hours, team,
decision tree, response-time target, contract term, records retention, backup method) stays
where it already is; the agreement reads it from there. This section holds what only the
agreement needs: who the two parties are and who signs, how the CAD and radio are shared, the
center's own dispatch commitments, what data flows each way, and how incidents are reviewed.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from genkit.model.base import LongText, Model, ShortText, Slug
from genkit.model.calls import COLUMN_MEANINGS

# The CAD fields the call analysis knows (calls.COLUMN_MEANINGS), by the same names.
CadField = Literal[
    "call_type", "received", "dispatched", "arrived", "cleared", "source", "disposition", "area"
]
AGREEMENT_HELP = (
    "The operating agreement between the 911 center and the team's operator: "
    "parties, dispatch, CAD and radio, backup, data sharing, review."
)
FREQUENCY_TEXT = {"daily": "every day", "weekly": "every week", "monthly": "every month"}

# The legal basis a data flow rests on, by the section of the data-sharing and business
# associate exhibit (templates/agreements/data-sharing-exhibit.md.j2) that sets it out. The
# agreement and the exhibit both render a flow's basis from here; tests/test_agreement.py holds
# the section numbers to the exhibit's headings.
LegalBasis = Literal["business_associate", "part2_consent", "state_law"]
LEGAL_BASES: dict[str, tuple[int, str]] = {
    "business_associate": (4, "business associate terms"),
    "part2_consent": (
        3,
        "substance use records only with the person's written consent, under 42 CFR Part 2",
    ),
    "state_law": (3, "state law on health and mental health records"),
}


class Center(Model):
    """The emergency communications center that answers 911 and dispatches the team."""

    name: ShortText = Field(description="e.g. 'Durham Emergency Communications Center'.")
    short_name: ShortText = Field(description="What the clauses call it, e.g. 'the ECC'.")
    run_by: ShortText | None = Field(
        default=None,
        description="The department or agency that runs the center, if it is part of one.",
    )
    signatory: ShortText = Field(description="Title of the person who signs for the center.")


class Operator(Model):
    """The organization whose teams take the calls; unnamed until a contract is awarded."""

    name: ShortText | None = Field(
        default=None,
        description="Leave out until the contract is "
        "awarded; the agreement then says 'the selected operator'.",
    )
    short_name: ShortText = "the Operator"
    signatory: ShortText = Field(description="Title of the person who signs for the operator.")


class JurisdictionParty(Model):
    """The jurisdiction as the party: a department such as the 911 center cannot contract."""

    signatory: ShortText = Field(
        description="Title of the official who can bind the jurisdiction, e.g. 'City Manager'."
    )
    notice_address: LongText = Field(
        description="Where written notices to the jurisdiction are sent."
    )
    copy_to: list[ShortText] = Field(
        default_factory=list,
        description="Who else receives a copy of every notice, e.g. the 911 center's director.",
    )
    counsel: ShortText = Field(
        default="City Attorney", description="Who approves the agreement as to legal form."
    )


class Handoffs(Model):
    """Local wording for hand-offs; each has a default the agreement uses when left out."""

    never_transfer: list[ShortText] = Field(
        default_factory=list,
        description="Situations, beyond program.exclusions, that a "
        "call-taker never transfers or assigns to the program.",
    )
    reverse_transfer: LongText | None = Field(
        default=None, description="How a team or clinician hands a call back to 911."
    )
    interpreter: LongText | None = Field(
        default=None,
        description="The interpreter line each side uses and how it is joined to a call.",
    )
    lifeline_988: LongText | None = Field(
        default=None,
        description="How calls pass between 911, the program and the 988 Lifeline center.",
    )
    downtime: LongText | None = Field(
        default=None, description="What both sides do when CAD or the radio system is down."
    )


class Dispatch(Model):
    """How an eligible call moves from the call-taker to a team, and how fast."""

    transfer: LongText | None = Field(
        default=None,
        description="What the agreement adds to program.screening and "
        "program.dispatching (who screens and who sends the team, stated there once).",
    )
    dispatch_within_min: int = Field(
        ge=1,
        le=60,
        description="Minutes from the call being "
        "answered to a team being assigned, for most calls.",
    )
    acknowledge_within_min: int = Field(
        ge=1,
        le=30,
        description="Minutes within which a team accepts an assignment by radio or terminal.",
    )
    unit_names: ShortText | None = Field(
        default=None, description="How teams appear in CAD, e.g. 'HEART 1 to HEART 6'."
    )


class Systems(Model):
    """CAD and radio arrangements beyond procurement.dispatch (which names the access type)."""

    cad: LongText = Field(
        description="Which CAD screens the operator sees, who provides "
        "licenses and terminals, and who trains staff on them."
    )
    radio: LongText = Field(
        description="Which talkgroup or channel teams use and who "
        "provides and maintains the radios."
    )
    status_updates: LongText = Field(
        description="The statuses a team reports (en route, on scene, clear) and how."
    )


class Backup(Model):
    """How the center answers a team that asks for help on scene."""

    priority: LongText = Field(description="How the center treats a backup request.")
    emergency_phrase: ShortText | None = Field(
        default=None, description="A plain-words phrase that means 'send help now'."
    )


class FlowBases(Model):
    """The legal basis of each data flow the agreement describes, by the exhibit's terms."""

    from_center: list[LegalBasis] = Field(
        default_factory=lambda: ["business_associate"],
        min_length=1,
        description="CAD fields the 911 center sends the operator.",
    )
    from_operator: list[LegalBasis] = Field(
        default_factory=lambda: ["business_associate"],
        min_length=1,
        description="What the operator returns for each call.",
    )
    missed_calls: list[LegalBasis] = Field(
        default_factory=lambda: ["business_associate"],
        min_length=1,
        description="Each eligible call no team could take, sent for follow-up.",
    )

    def text(self, flow: str) -> str:
        """'section 4 (business associate terms)', joined when a flow rests on several."""
        parts = [f"section {LEGAL_BASES[b][0]} ({LEGAL_BASES[b][1]})" for b in getattr(self, flow)]
        return " and ".join(parts)


class DataSharing(Model):
    """What each party gives the other, how often, and under which privacy rules."""

    from_center: list[CadField] = Field(
        min_length=1,
        description="CAD fields the center shares, "
        "by the names of calls.columns (call_type, received, ...).",
    )
    from_operator: list[ShortText] = Field(
        min_length=1, description="What the operator returns for each call, in plain words."
    )
    metrics: list[Slug] = Field(
        default_factory=list,
        description="Ids of the profile's metrics this data is used to measure.",
    )
    frequency: Literal["daily", "weekly", "monthly"] = "weekly"
    method: LongText = Field(
        description="How the data moves: a secure file transfer, a "
        "shared report, a read-only CAD view."
    )
    privacy: LongText = Field(
        description="Which laws and rules protect the data and who may see it."
    )
    missed_call_notice_hours: int = Field(
        default=24,
        ge=1,
        le=168,
        description="Hours within which the center sends the "
        "operator each eligible call no team could take, so it can follow up in time.",
    )
    legal_basis: FlowBases = Field(
        default_factory=FlowBases,
        description="Each flow's legal basis, by the section of the "
        "data-sharing exhibit that sets it out (business_associate, part2_consent, state_law).",
    )

    @property
    def frequency_text(self) -> str:
        return FREQUENCY_TEXT[self.frequency]

    @property
    def center_fields(self) -> list[dict[str, str]]:
        """Each shared CAD field with what it records, in the words of the call analysis."""
        return [
            {
                "name": name,
                "label": name.replace("_", " ").capitalize(),
                "meaning": COLUMN_MEANINGS.get(name, ""),
            }
            for name in self.from_center
        ]


class Review(Model):
    """Joint review of calls and incidents."""

    every_months: int = Field(ge=1, le=24, description="Months between routine joint reviews.")
    critical_incident_days: int = Field(
        ge=1,
        le=90,
        description="Days within which a serious "
        "incident (injury, use of force, death) is reviewed.",
    )
    members: list[ShortText] = Field(min_length=1, description="Who sits on the review.")


class Agreement(Model):
    """The operating agreement between the jurisdiction (through its 911 center) and the
    operator."""

    title: ShortText = "Operating agreement between the 911 center and the operator"
    jurisdiction: JurisdictionParty = Field(
        description="The jurisdiction as the party that signs: its signatory and notice address."
    )
    center: Center
    operator: Operator
    effective: date | None = Field(
        default=None,
        description="Date the agreement takes effect; it must be in force by the first shift.",
    )
    dispatch: Dispatch
    systems: Systems
    backup: Backup
    data_sharing: DataSharing
    review: Review
    liaisons: list[ShortText] = Field(
        min_length=1, description="The named role on each side who handles day-to-day questions."
    )
    handoffs: Handoffs = Field(default_factory=Handoffs)
    dispute_days: int = Field(
        default=10,
        ge=1,
        le=60,
        description="Business days each level of the dispute ladder has to settle a disagreement.",
    )


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "agreement.center.name": "911 center",
    "agreement.center.signatory": "911 center signatory",
    "agreement.operator": "Operator and its signatory",
    "agreement.effective": "Date the agreement takes effect",
    "agreement.dispatch.transfer": "How calls reach a team",
    "agreement.dispatch.dispatch_within_min": "Time to dispatch",
    "agreement.dispatch.acknowledge_within_min": "Time for a team to accept a call",
    "agreement.systems": "CAD and radio arrangements",
    "agreement.backup": "How backup requests are handled",
    "agreement.data_sharing": "Data the parties share",
    "agreement.review": "Joint reviews (how often, who)",
    "agreement.liaisons": "Day-to-day contacts",
}
