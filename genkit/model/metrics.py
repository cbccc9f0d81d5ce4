"""Performance metrics: defined once, used by the evaluation plan, the RFP's reporting section
and its performance standards, so every document measures the same thing the same way.

``metric_library`` (normally in the shared base profile) defines metrics; ``metrics`` in a
jurisdiction's profile picks from the library by id and sets local baselines and targets. A
jurisdiction can add a metric of its own by defining it in its own ``metric_library``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from genkit.model.base import Flag, LongText, Model, ShortText, Slug, Text

MetricGroup = Literal["volume", "timeliness", "safety", "outcomes", "system", "equity", "workforce"]
DataSource = Literal["cad", "program_records", "partner_data", "survey", "hr_records", "finance"]
Frequency = Literal["weekly", "monthly", "quarterly", "annually"]
Unit = Literal["count", "percent", "minutes", "hours", "dollars", "rate"]
Breakdown = Literal[
    "race_ethnicity",
    "age",
    "gender",
    "language",
    "housing_status",
    "neighborhood",
    "time_of_day",
    "call_type",
    "same_call_types_handled_by_police",
]

GROUP_NAMES = {
    "volume": "Volume and reach",
    "timeliness": "Timeliness",
    "safety": "Safety",
    "outcomes": "Outcomes for people served",
    "system": "Effects on the wider system",
    "equity": "Equity",
    "workforce": "Workforce",
}
SOURCE_NAMES = {
    "cad": "911 computer-aided dispatch (CAD) records",
    "program_records": "the program's own records system",
    "partner_data": "partner agencies' data",
    "survey": "surveys",
    "hr_records": "human-resources records",
    "finance": "finance records",
}
SOURCE_SHORT = {
    "cad": "CAD",
    "program_records": "Program records",
    "partner_data": "Partners",
    "survey": "Surveys",
    "hr_records": "HR",
    "finance": "Finance",
}
BREAKDOWN_NAMES = {
    "race_ethnicity": "race and ethnicity",
    "age": "age",
    "gender": "gender",
    "language": "language",
    "housing_status": "housing status",
    "neighborhood": "neighborhood",
    "time_of_day": "time of day",
    "call_type": "call type",
    "same_call_types_handled_by_police": "the same call types handled by police",
}


class MetricDefinition(Model):
    name: ShortText
    group: MetricGroup
    definition: LongText
    numerator: ShortText | None = None
    denominator: ShortText | None = None
    unit: Unit
    data_sources: list[DataSource] = Field(
        description="Where the numbers come from; every metric needs at least one."
    )
    frequency: Frequency = "monthly"
    breakdowns: list[Breakdown] = Field(default_factory=list)
    higher_is_better: Flag = True
    before_launch: Flag = Field(
        default=False,
        description="Whether the measure exists before the team starts (from "
        "911, police, jail or hospital records), so the years before launch are a baseline. A "
        "measure of the team's own work exists only after launch and is compared across areas "
        "and periods after it.",
    )
    collected_by: Literal["program", "evaluator"] = Field(
        default="program",
        description="'evaluator': the evaluation matches partners' records "
        "(police, jail, hospital) to the people served; the operator does not report it.",
    )
    benchmark: Text | None = Field(
        default=None, description="A published figure from another program, with its source."
    )
    benchmark_source: Slug | None = None
    contractor_controls: Flag = Field(
        default=True,
        description="false when the count includes calls a contracted operator "
        "cannot take (calls the 911 center keeps, calls outside its hours): such a metric "
        "cannot be a performance standard of the operator's contract.",
    )
    monitor_only: Flag = Field(
        default=False,
        description="true for a measure that is watched, never capped, such as "
        "backup requests: a limit would punish a team for asking for help. It takes no target "
        "and is no performance standard.",
    )

    @property
    def group_name(self) -> str:
        return GROUP_NAMES[self.group]

    @property
    def source_names(self) -> list[str]:
        return [SOURCE_NAMES[s] for s in self.data_sources]

    @property
    def source_short(self) -> list[str]:
        return [SOURCE_SHORT[s] for s in self.data_sources]

    @property
    def breakdown_names(self) -> list[str]:
        return [BREAKDOWN_NAMES[b] for b in self.breakdowns]

    @field_validator("data_sources")
    @classmethod
    def _has_source(cls, value: list[str]) -> list[str]:
        # A metric nobody can compute is a promise, not a metric: say where the data comes from.
        if not value:
            raise ValueError(
                "list at least one data source (one of: " + ", ".join(SOURCE_NAMES) + ")"
            )
        return value


class MetricChoice(Model):
    """A metric this jurisdiction tracks, with its own baseline and target."""

    id: Slug
    baseline: float | None = None
    baseline_from: Slug | None = Field(
        default=None,
        description="A statistics id whose value is this metric's baseline, so "
        "the figure is stored once (the evidence library) and quoted everywhere alike.",
    )
    target: float | None = None
    target_note: Text | None = None
