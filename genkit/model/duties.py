"""Responsibilities: who supplies and who pays for what, and how the teams use CAD, stated once.

The RFP, the operating agreement, the funding plan and the training protocol all say who
supplies radios, terminals, CAD licenses, vehicles and medical direction, and what the teams
may do in CAD. Written in several templates, those sentences drifted apart; here each is one
entry that every document renders (``checks/duties.py`` ties it to the budget and the RFP).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from genkit.model.base import Model, ShortText, Slug, Text

Party = Literal["jurisdiction", "center", "contractor"]
SupplyKind = Literal[
    "vehicles",
    "radios",
    "terminals",
    "cad_licenses",
    "medical_direction",
    "phones",
    "supplies",
    "other",
]

CAD_ACCESS_TEXT = {
    "read_only": "see the calls assigned to them and their call notes, but cannot change "
    "anything in CAD; the 911 center records their status from the radio",
    "status_updates": "see the calls assigned to them and their call notes, and record their "
    "own status (en route, on scene, transporting, clear); they cannot change "
    "any other call data",
    # A team with no CAD screen (procurement.dispatch.cad_access: phone_and_radio), such as
    # clinicians riding in a police unit: the check in checks/duties.py holds the two together.
    "none": "have no account of their own; the 911 center passes each call to them by radio "
    "and records their status",
}


class Supply(Model):
    """One thing a team needs, who supplies it and who pays for it."""

    item: ShortText
    kind: SupplyKind = "other"
    supplied_by: Party
    paid_by: Party
    budget_line: Slug | None = Field(
        default=None,
        description="The funding.lines id that budgets it, when the "
        "jurisdiction or its 911 center pays.",
    )
    note: Text | None = None


class Responsibilities(Model):
    supplies: list[Supply] = Field(default_factory=list)
    cad_access: Literal["read_only", "status_updates", "none"] = Field(
        default="status_updates",
        description="What the teams may do in CAD; 'none' when they "
        "have no CAD screen (procurement.dispatch.cad_access: phone_and_radio).",
    )

    @property
    def cad_access_text(self) -> str:
        return CAD_ACCESS_TEXT[self.cad_access]

    def of_kind(self, kind: str) -> Supply | None:
        return next((s for s in self.supplies if s.kind == kind), None)


RESPONSIBILITIES_HELP = (
    "Who supplies and who pays for radios, terminals, CAD licenses, "
    "vehicles and medical direction, and what teams may do in CAD: stated "
    "once, rendered by the RFP, the agreement, the funding plan and the "
    "training protocol."
)
