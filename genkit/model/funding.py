"""The funding and sustainability plan: what the program costs by year and who pays for it.

A shared library of funding streams (``funding_streams``, shipped in the base profile with the
rules and deadlines of each and the primary source they come from) lets a jurisdiction only pick
streams and amounts under ``funding``. Personnel cost is computed from ``staffing.positions``
so the budget cannot drift from the staffing plan; the arithmetic is in ``genkit.funding``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from genkit.model.base import Flag, LongText, Model, ShortText, Slug

# Paid hours in a work year (52 weeks x 40 hours), to turn an hourly pay range into a yearly cost.
HOURS_PER_YEAR = 2080

LineKind = Literal[
    "vehicles", "equipment", "training", "supervision", "evaluation", "contract", "other"
]

KIND_NAMES: dict[str, str] = {
    "personnel": "Personnel",
    "vehicles": "Vehicles",
    "equipment": "Equipment",
    "training": "Training",
    "supervision": "Supervision",
    "evaluation": "Evaluation",
    "contract": "Contracted operator",
    "other": "Other",
}

STATUS_NAMES: dict[str, str] = {
    "secured": "secured",
    "applied": "applied for",
    "planned": "planned",
}


class FundingStream(Model):
    """One kind of money a program can draw on, with its rules, dates and source."""

    name: ShortText
    kind: Literal["federal", "state", "local", "grant", "billing"]
    summary: LongText = Field(description="What the money may pay for, in plain words.")
    rules: list[ShortText] = Field(
        default_factory=list, description="Conditions a program must meet to use it."
    )
    obligate_by: dt.date | None = Field(
        default=None,
        description="Last day new money may be committed (contracts signed, "
        "positions filled); after it only money already committed "
        "(status: secured) can be planned.",
    )
    spend_by: dt.date | None = Field(
        default=None, description="Last day the money may be spent or the service billed."
    )
    federal_share_percent: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Share of the cost the federal government pays, where the rule sets one.",
    )
    needs_24_7: Flag = Field(
        default=False, description="Whether only a team available around the clock qualifies."
    )
    sources: list[Slug] = Field(default_factory=list)


class BudgetLine(Model):
    id: Slug
    name: ShortText
    kind: LineKind
    amounts: list[float] = Field(description="Dollars in each program year, year 1 first.")
    total: float | None = Field(
        default=None,
        description="The line's total as budgeted; the yearly amounts must add up to it.",
    )
    note: ShortText | None = None
    paid_from: list[Slug] = Field(
        default_factory=list,
        description="funding_streams ids that pay this line; for the "
        "operator contract, the RFP states them.",
    )


class StreamUse(Model):
    stream: Slug = Field(description="id of an entry in funding_streams.")
    amounts: list[float] = Field(description="Dollars planned in each program year.")
    total: float | None = Field(
        default=None,
        description="The award or appropriation in all; the yearly amounts must add up to it.",
    )
    status: Literal["secured", "applied", "planned"] = "planned"
    note: ShortText | None = None


class Funding(Model):
    first_year_start: dt.date = Field(description="First day of program year 1.")
    years: int = Field(ge=1, le=10, description="How many program years the plan covers.")
    fringe_rate: float = Field(ge=0, le=1, description="Benefits as a share of pay: 0.3 = 30%.")
    positions: list[Slug] = Field(
        default_factory=list,
        description="staffing.positions the jurisdiction employs itself (budgeted at FTE x "
        "pay midpoint x (1 + fringe_rate)); contracted staff go in a contract line.",
    )
    raise_percent: float = Field(
        default=0, ge=0, le=20, description="Yearly pay increase, percent."
    )
    lines: list[BudgetLine] = Field(default_factory=list)
    streams: list[StreamUse] = Field(default_factory=list)
    sustainability: list[ShortText] = Field(
        default_factory=list, description="Steps to keep the program funded after the plan."
    )

    def year_start(self, index: int) -> dt.date:
        """First day of program year ``index`` (0 = year 1)."""
        start = self.first_year_start
        try:
            return start.replace(year=start.year + index)
        except ValueError:  # 29 February
            return start.replace(year=start.year + index, day=28)

    def year_end(self, index: int) -> dt.date:
        return self.year_start(index + 1) - dt.timedelta(days=1)


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "funding.first_year_start": "Start of the funding plan's program years",
    "funding.fringe_rate": "Benefits rate",
    "funding.raise_percent": "Yearly pay increase",
    "funding.lines": "Budgeted costs other than staff pay",
    "funding.streams": "Planned funding amounts",
}
