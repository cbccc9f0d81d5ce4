"""The RFP packet beyond the RFP itself: how the contractor is paid, the price proposal form,
the parts a proposal is made of, and the administrative clauses an office adds before issue.

These live apart from ``model/procurement.py`` because they describe the packet a procurement
office issues (forms, exhibits, boilerplate) rather than the service being bought.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from genkit.model.base import Flag, LongText, Model, ShortText, Slug, Text

PAYMENT_BASES = {
    "cost_reimbursement": "cost reimbursement",
    "fixed_price": "a fixed monthly price",
    "unit_rate": "a rate per unit of service",
}


class StartUp(Model):
    """Costs before the first shift: whether the contract pays them, which, and up to how much."""

    payable: Flag = Field(description="Whether start-up costs are paid under the contract.")
    items: list[ShortText] = Field(
        default_factory=list,
        description="The start-up costs that "
        "may be billed, e.g. recruiting, paid pre-service training.",
    )
    limit: float | None = Field(
        default=None,
        gt=0,
        description="Most the contract pays for start-up costs in all, in dollars.",
    )


class Payment(Model):
    """How the contractor is paid; the RFP states it and the price proposal form follows it."""

    basis: Literal["cost_reimbursement", "fixed_price", "unit_rate"] = Field(
        description="cost_reimbursement (actual allowable costs, up to the budget), fixed_price "
        "(a set monthly amount) or unit_rate (a rate per unit, e.g. a staffed team-hour)."
    )
    unit: ShortText | None = Field(
        default=None, description="The unit a unit_rate pays for, e.g. 'staffed team-hour'."
    )
    startup: StartUp
    other_revenue: Literal["offsets_price", "reinvested", "not_billed"] = Field(
        description="What happens to Medicaid or other revenue the contractor earns for the same "
        "services: offsets_price (deducted from invoices), reinvested (kept, reported and spent "
        "on the program) or not_billed (the contractor may not bill others for them)."
    )
    other_revenue_note: Text | None = None
    indirect_rate_cap: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="Highest "
        "indirect (overhead) rate allowed, as a share of "
        "direct costs, e.g. 0.15.",
    )

    @property
    def basis_text(self) -> str:
        return PAYMENT_BASES[self.basis]


class ProposalPart(Model):
    """One part of a proposal, in the order proposers must put them; criteria score parts."""

    id: Slug
    name: ShortText
    contents: LongText
    counts_to_page_limit: Flag = True


DEFAULT_PARTS = [
    ProposalPart(
        id="approach",
        name="Approach",
        contents="The proposer's understanding of "
        "the local need and of the people the program serves; how the teams will take "
        "calls, work safely, give the services in the scope of work, follow up and "
        "work with the 911 center, police, fire and EMS.",
    ),
    ProposalPart(
        id="staffing-plan",
        name="Staffing plan",
        contents="Positions, hiring "
        "timeline, how every shift will be covered, and an organization chart; "
        "résumés or job descriptions for key staff are attached.",
    ),
    ProposalPart(
        id="training-plan",
        name="Training and supervision plan",
        contents="How "
        "staff will be trained, supervised and given clinical oversight as the scope "
        "of work requires.",
    ),
    ProposalPart(
        id="data-plan",
        name="Data plan",
        contents="The records system, how the "
        "minimum data set will be collected and checked, and the data liaison.",
    ),
    ProposalPart(
        id="community-plan",
        name="Community engagement plan",
        contents="How the "
        "organization will work with the neighborhoods it serves and with people who "
        "have lived experience.",
    ),
    ProposalPart(
        id="readiness-plan",
        name="Readiness plan",
        contents="The steps and dates from contract start to the first shift.",
    ),
    ProposalPart(
        id="experience",
        name="Qualifications and experience",
        contents="How the "
        "proposer meets each minimum qualification, its record of similar services, "
        "references and financial statements.",
        counts_to_page_limit=False,
    ),
    ProposalPart(
        id="price",
        name="Price proposal",
        contents="The price proposal form, "
        "completed for each year of the initial term, and a budget narrative.",
        counts_to_page_limit=False,
    ),
]


class ClauseEntry(Model):
    """An administrative clause: its general wording and, where law differs, a state's.

    Wording may use {buyer}, {jurisdiction}, {issuing_agency}, {contact}, {validity_days},
    {protest_days} and {paper_policy}; genkit fills them from the profile.
    """

    title: ShortText
    text: LongText = Field(description="The wording used where no state entry applies.")
    states: dict[ShortText, LongText] = Field(
        default_factory=dict,
        description="Two-letter state code -> the wording for that state, citing its law.",
    )
    sources: list[Slug] = Field(
        default_factory=list,
        description="Sources of the general wording (or of the federal rule it follows).",
    )
    state_sources: dict[ShortText, list[Slug]] = Field(default_factory=dict)
    when_streams: list[Slug] = Field(
        default_factory=list,
        description="Included only when the funding plan plans money "
        "from one of these funding streams (e.g. the federal awards).",
    )
    multi_year: Flag = Field(
        default=False,
        description="Included only when the contract can "
        "run past 12 months (a longer term or a renewal).",
    )
    order: int = 100


class Portal(Model):
    """The electronic procurement system proposals are submitted through."""

    name: ShortText
    url: Text | None = None


class Packet(Model):
    """Local choices for the packet's administrative terms."""

    validity_days: int = Field(
        default=120,
        ge=30,
        le=365,
        description="Days a proposal must remain open for acceptance after the deadline.",
    )
    protest_days: int = Field(
        default=5,
        ge=1,
        le=60,
        description="Business days after the "
        "notice of intended award within which a protest must be filed.",
    )
    portal: Portal | None = None
    paper_accepted: Flag = Field(
        default=False,
        description="Whether proposals on paper are "
        "accepted (delivered to procurement.contact.address).",
    )
    federal_funds: Flag | None = Field(
        default=None,
        description="Whether federal money pays for the contract; unset, genkit "
        "decides from the funding plan's streams (the clauses' when_streams).",
    )
    clauses: dict[Slug, LongText] = Field(
        default_factory=dict,
        description="Clause id -> this jurisdiction's own wording, replacing the library's.",
    )
    omit_clauses: list[Slug] = Field(default_factory=list)
    issue_ready: Flag = Field(
        default=False,
        description="Leave source citations and the "
        "sources list out of the packet's documents; they go to a "
        "separate sources file for the buyer's records.",
    )
