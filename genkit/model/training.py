"""The team training protocol: a module library, one curriculum per position, refreshers.

The base profile ships the module library (hours, who teaches, how competence is signed off);
a jurisdiction states only what is local: which of its call types and exclusions each module
covers and which modules each position takes. The number of weeks and the yearly refresher
hours are the RFP's (``procurement.training``) when the profile has one, so the protocol and
the RFP cannot disagree; a profile without an RFP states them here instead.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from genkit.family import shows
from genkit.model.base import LongText, Model, ShortText, Slug


class Module(Model):
    """One block of training, taught the same way to every position that takes it."""

    title: ShortText
    summary: LongText
    classroom_hours: float = Field(ge=0, le=400)
    field_hours: float = Field(
        default=0, ge=0, le=400, description="Ride-along, sit-along and site-visit hours."
    )
    delivered_by: ShortText = Field(description="Who teaches it.")
    sign_off: ShortText = Field(description="How a trainee shows competence in it.")
    covers: list[Slug] = Field(
        default_factory=list,
        description="Ids of program.call_types and program.exclusions this module prepares "
        "the team for.",
    )
    outcomes: list[ShortText] = Field(
        default_factory=list, description="What a trainee can do after the module."
    )
    course: ShortText | None = Field(
        default=None,
        description="A recognized course the module teaches or includes, as the "
        "jurisdiction names it (Mental Health First Aid, ASIST, QPR, CIT).",
    )

    @property
    def hours(self) -> float:
        return self.classroom_hours + self.field_hours


class Curriculum(Model):
    """The training one position completes before its first shift."""

    position: Slug = Field(description="The id of a staffing.positions entry; names the file.")
    modules: list[Slug] = Field(min_length=1, description="Module ids, in teaching order.")
    weeks: int | None = Field(
        default=None,
        ge=1,
        le=52,
        description="Weeks of full-time training; default: the RFP's "
        "procurement.training.pre_service_weeks. The modules must fill exactly these weeks.",
    )
    signed_off_by: ShortText = Field(
        default="the clinical supervisor",
        description="Who signs the trainee off as ready for solo shifts.",
    )

    @property
    def id(self) -> str:
        # ``each: training.curricula`` names one document per curriculum after its position.
        return self.position


class Refresher(Model):
    hours_per_year: int | None = Field(
        default=None,
        ge=1,
        le=500,
        description="Yearly refresher hours; default: procurement.training.annual_hours.",
    )
    topics: list[ShortText] = Field(default_factory=list)


@dataclass(frozen=True)
class TaughtModule:
    id: str
    module: Module
    start_hour: float  # hours of the curriculum taught before this module


@dataclass(frozen=True)
class CurriculumPlan:
    """A curriculum worked out: its modules in order, hours, weeks and dates."""

    modules: list[TaughtModule]
    classroom_hours: float
    field_hours: float
    weeks: int | None  # the stated weeks (curriculum or RFP), None if neither
    weeks_from_rfp: bool
    start: dt.date | None
    end: dt.date | None  # last day of training
    first_shift: dt.date | None
    refresher_hours: int | None

    @property
    def total_hours(self) -> float:
        return self.classroom_hours + self.field_hours


class Training(Model):
    """How the program trains its teams; each curriculum makes one protocol document."""

    start: dt.date | None = Field(
        default=None,
        description="First day of training; default: procurement.timeline.contract_start.",
    )
    hours_per_week: float = Field(default=40, gt=0, le=60)
    module_library: dict[Slug, Module] = Field(default_factory=dict)
    curricula: list[Curriculum] = Field(default_factory=list)
    refresher: Refresher = Field(default_factory=Refresher)

    @shows(
        {
            0: ("hours_per_week", "start", "module_library", "refresher"),
            1: ("",),
            2: ("pre_service_weeks", "annual_hours"),
            3: ("contract_start", "service_start"),
        }
    )
    def plan(
        self,
        curriculum: Curriculum,
        rfp: Any = None,
        timeline: Any = None,
        launch_date: dt.date | None = None,
    ) -> CurriculumPlan:
        """The curriculum with its hours and dates, taking weeks and refresher hours from the
        RFP's training terms (``rfp``, procurement.training) and dates from its ``timeline``
        where the profile has an RFP. The arguments are those parts, not the whole RFP, because
        a document that calls this depends on all of each argument: an RFP page limit must
        not re-render every job description."""
        taught, hour = [], 0.0
        for key in curriculum.modules:
            module = self.module_library.get(key)
            if module is not None:  # an unknown id is reported by the rules
                taught.append(TaughtModule(key, module, hour))
                hour += module.hours
        weeks = curriculum.weeks or (rfp.pre_service_weeks if rfp else None)
        start = self.start or (timeline.contract_start.date if timeline is not None else None)
        end = None
        if start is not None:
            # Teaching days run Monday to Friday; the last day is a Friday-style end.
            span = weeks or math.ceil(hour / self.hours_per_week)
            end = start + dt.timedelta(weeks=span, days=-1)
        first = (
            timeline.service_start.date
            if timeline is not None and timeline.service_start
            else launch_date
        )
        refresher = (
            rfp.annual_hours
            if rfp is not None and rfp.annual_hours
            else self.refresher.hours_per_year
        )
        return CurriculumPlan(
            taught,
            sum(t.module.classroom_hours for t in taught),
            sum(t.module.field_hours for t in taught),
            weeks,
            curriculum.weeks is None and weeks is not None,
            start,
            end,
            first,
            refresher,
        )


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "training": "Training protocol: modules, hours, trainers and dates",
}
