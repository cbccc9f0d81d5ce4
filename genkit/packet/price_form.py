"""The price proposal form: which rows and years a proposer prices, built once from the profile.

The spreadsheet (``formats/xlsx_price.py``) and the form's PDF and web view (the template
``rfp/price-proposal.md.j2``) both draw on this one structure, so the two cannot list different
positions, years or cost lines. Nothing here is a figure a proposer fills in: those cells are
left blank for the proposer; only the ceiling, the years and the caps come from the profile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

# Seats every operator staffs beyond the field team; the RFP's staffing section asks for them
# (a supervisor on every shift, a clinical lead, a program manager, a data liaison).
SUPPORT_POSITIONS = ("Field supervisor", "Clinical lead", "Program manager", "Data liaison")
BLANK_POSITIONS = 2  # spare rows for positions a proposer adds


@dataclass(frozen=True)
class Year:
    number: int
    first_month: int
    last_month: int

    @property
    def label(self) -> str:
        return f"Year {self.number} (months {self.first_month} to {self.last_month})"


@dataclass(frozen=True)
class CostLine:
    label: str
    note: str = ""
    first_year_only: bool = False  # start-up costs are priced in year 1 only


@dataclass
class PriceForm:
    rfp_number: str
    title: str
    years: list[Year]
    positions: list[str]
    startup: list[CostLine]
    other: list[CostLine]
    ceiling: float
    ceiling_per_year: bool
    startup_limit: float | None
    indirect_cap: float | None
    unit: str | None = None  # a unit_rate contract's unit: the form derives the rate per unit
    notes: list[str] = field(default_factory=list)

    @property
    def blank_positions(self) -> int:
        return BLANK_POSITIONS


def _years(term_months: int) -> list[Year]:
    count = math.ceil(term_months / 12)
    return [Year(n, (n - 1) * 12 + 1, min(n * 12, term_months)) for n in range(1, count + 1)]


def _team_titles(profile: Any) -> list[str]:
    proc = profile.procurement
    roles = proc.staffing.contractor_roles
    titles = []
    for member in profile.program.team:
        if not roles or member.role in roles:
            title = member.title[:1].upper() + member.title[1:]
            if title not in titles:
                titles.append(title)
    return titles


def price_form(profile: Any) -> PriceForm | None:
    """The form for a profile with an RFP, or None without one."""
    proc = profile.procurement
    if proc is None:
        return None
    payment = proc.payment
    startup: list[CostLine] = []
    if payment is not None and payment.startup.payable:
        startup = [
            CostLine(f"Start-up: {item[:1].lower()}{item[1:]}", first_year_only=True)
            for item in payment.startup.items
        ] or [CostLine("Start-up costs", first_year_only=True)]
    vehicles = (
        "Vehicles (lease or purchase, fuel, upkeep, insurance)"
        if proc.services.vehicles == "contractor"
        else "Vehicle costs the contractor bears (fuel, upkeep)"
    )
    other = [
        CostLine(vehicles),
        CostLine("Equipment and supplies"),
        CostLine("Insurance required by the contract"),
        CostLine("Training after the first shift (refreshers, new hires)"),
        CostLine("Records system and data reporting"),
        CostLine("Other direct costs", "Describe in the narrative"),
    ]
    return PriceForm(
        rfp_number=proc.rfp_number,
        title=proc.title,
        years=_years(proc.term_months),
        positions=_team_titles(profile) + [p for p in SUPPORT_POSITIONS],
        startup=startup,
        other=other,
        ceiling=proc.budget_ceiling,
        ceiling_per_year=proc.budget_basis == "year",
        startup_limit=payment.startup.limit if payment else None,
        indirect_cap=payment.indirect_rate_cap if payment else None,
        unit=(payment.unit or "unit of service")
        if payment and payment.basis == "unit_rate"
        else None,
    )


# What computing the form reads, for the read set of a document that shows it.
PRICE_FORM_READS: list[tuple] = [
    ("procurement", "payment"),
    ("procurement", "services", "vehicles"),
    ("procurement", "rfp_number"),
    ("procurement", "title"),
    ("procurement", "term_months"),
    ("procurement", "budget_ceiling"),
    ("procurement", "budget_basis"),
    ("procurement", "staffing", "contractor_roles"),
    ("program", "team"),
]
