"""The inputs of the independent cost estimate a buyer prepares before issuing an RFP.

The coverage comes from the RFP itself (hours, phases, minimum teams, team make-up, shifts) and
the pay from ``staffing.positions``; this section holds only what neither says: how many hours
a full-time person actually works on shift, the cost of supervision, clinical oversight,
vehicles, equipment and insurance, and the contractor's overhead rate. The arithmetic is in
``genkit.funding.estimate``; ``checks/estimate.py`` compares it with the budget ceiling.
"""

from __future__ import annotations

from pydantic import Field

from genkit.model.base import Model, Slug


class CostEstimate(Model):
    """What it costs a contractor to staff the RFP's coverage, before any proposal arrives."""

    productive_hours: float = Field(
        ge=1000,
        le=2080,
        description="Hours a full-time person works on shift in a year, "
        "after leave, holidays, sick days and training (2,080 paid hours less those).",
    )
    fringe_rate: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Benefits as a share of pay; default: funding.fringe_rate.",
    )
    pay: dict[Slug, float] = Field(
        default_factory=dict,
        description="Yearly pay per program.team role, where no staffing "
        "position filling that seat gives one (default: the FTE-weighted middle of the ranges "
        "of the positions whose team_role is that seat).",
    )
    supervisors_on_duty: int = Field(
        default=1, ge=0, le=20, description="Field supervisors on duty in every service hour."
    )
    supervisor_pay: float | None = Field(
        default=None,
        gt=0,
        description="Yearly pay of a field supervisor; default: the "
        "middle of the range of the staffing position whose role is team-supervisor.",
    )
    clinical_lead_fte: float = Field(default=1, ge=0, le=20)
    clinical_lead_pay: float | None = Field(
        default=None,
        gt=0,
        description="Yearly pay of the clinical lead (needed when clinical_lead_fte is above 0).",
    )
    vehicle_per_team: float = Field(
        default=0,
        ge=0,
        description="Yearly cost of one team vehicle (lease, fuel, upkeep, "
        "insurance), counted when the contractor supplies vehicles.",
    )
    equipment_per_team: float = Field(
        default=0,
        ge=0,
        description="Yearly cost of one team's radios, terminals, phones and "
        "supplies, counted for what the contractor supplies.",
    )
    insurance: float = Field(
        default=0, ge=0, description="Yearly premiums for the insurance the RFP requires."
    )
    overhead_rate: float = Field(
        default=0,
        ge=0,
        le=1,
        description="The contractor's indirect costs (management, "
        "finance, HR, rent) as a share of its direct costs.",
    )
    supervisor_role: Slug = Field(
        default="team-supervisor",
        description="The library role of the position whose pay prices a supervisor.",
    )
