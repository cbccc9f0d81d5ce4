"""The program evaluation plan: questions, logic model, data, privacy, reporting, design, timeline.

The metrics themselves are not here: the plan reads ``profile.selected_metrics`` (the same
metrics the RFP's reporting section uses). The shared base profile gives every field a sensible
default, so a jurisdiction writes only what is its own (its evaluator, its comparison areas).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from genkit.model.base import Flag, LongText, Model, ShortText
from genkit.model.metrics import DataSource

ReportFrequency = Literal["weekly", "monthly", "quarterly", "twice_yearly", "annually"]
DesignApproach = Literal[
    "before_after_comparison",
    "interrupted_time_series",
    "stepped_rollout",
    "randomized_trial",
    "descriptive",
]

DESIGN_NAMES = {
    "before_after_comparison": "Before and after, with comparison areas",
    "interrupted_time_series": "Interrupted time series",
    "stepped_rollout": "Stepped roll-out (areas that join later serve as comparisons)",
    "randomized_trial": "Randomized trial",
    "descriptive": "Descriptive monitoring",
}


class DataSystem(Model):
    """Where one kind of data comes from and what lets the program use it."""

    system: ShortText = Field(description="The system or records, e.g. the 911 center's CAD.")
    steward: ShortText = Field(description="Who holds the data.")
    provides: LongText = Field(description="What the evaluation takes from it.")
    agreement: LongText | None = Field(
        default=None, description="The agreement that lets the program use it, if one is needed."
    )
    agreement_status: Literal["in_place", "planned", "not_needed"] = "planned"


class LogicModel(Model):
    """What the program adds to the logic model beyond what the profile already says.

    Inputs already include the team, units and partners; activities the units' work; outputs
    and outcomes the chosen metrics. List only what those do not cover.
    """

    inputs: list[ShortText] = Field(default_factory=list)
    activities: list[ShortText] = Field(default_factory=list)
    outputs: list[ShortText] = Field(default_factory=list)
    short_term_outcomes: list[ShortText] = Field(default_factory=list)
    long_term_outcomes: list[ShortText] = Field(default_factory=list)


class Privacy(Model):
    suppress_below: int = Field(
        default=11,
        ge=2,
        le=100,
        description="Counts smaller than this are suppressed in anything published.",
    )
    rules: list[ShortText] = Field(
        default_factory=list, description="Further privacy rules the program follows."
    )


FREQUENCY_NAMES = {
    "weekly": "weekly",
    "monthly": "monthly",
    "quarterly": "quarterly",
    "twice_yearly": "twice a year",
    "annually": "yearly",
}


class Report(Model):
    product: ShortText
    audience: ShortText
    frequency: ReportFrequency
    content: LongText | None = None
    public: Flag = Field(
        default=False, description="Published for residents (the briefing sheets point to it)."
    )

    @property
    def frequency_name(self) -> str:
        return FREQUENCY_NAMES[self.frequency]


class Design(Model):
    approach: DesignApproach = "before_after_comparison"
    description: LongText
    comparison: LongText | None = Field(
        default=None, description="The areas, periods or calls the program is compared with."
    )
    after_launch: LongText | None = Field(
        default=None,
        description="How measures that exist only once the team works (its "
        "response time, outcomes, follow-up) are compared: areas or hours it does not yet "
        "serve, periods after launch, the same call types handled by police.",
    )
    evaluator: ShortText | None = Field(
        default=None, description="Who carries out the evaluation (an independent partner is best)."
    )
    limitations: list[ShortText] = Field(default_factory=list)

    @property
    def approach_name(self) -> str:
        return DESIGN_NAMES[self.approach]


class Milestone(Model):
    month: int = Field(ge=-36, le=120, description="Months from launch; negative is before.")
    milestone: ShortText

    def date_from(self, launch: dt.date | None) -> dt.date | None:
        """First day of the milestone's month, counted from the launch date if there is one."""
        if launch is None:
            return None
        index = launch.year * 12 + (launch.month - 1) + self.month
        return dt.date(index // 12, index % 12 + 1, 1)


class Evaluation(Model):
    """How the program will be evaluated; the metrics come from ``metrics``."""

    questions: list[ShortText] = Field(
        default_factory=list, description="The questions the evaluation answers."
    )
    logic_model: LogicModel = Field(default_factory=LogicModel)
    data_sources: dict[DataSource, DataSystem] = Field(
        default_factory=dict,
        description="Each kind of data the metrics use: where it comes "
        "from and the agreement that covers it.",
    )
    privacy: Privacy = Field(default_factory=Privacy)
    reporting: list[Report] = Field(default_factory=list)
    design: Design | None = None
    timeline: list[Milestone] = Field(default_factory=list)
