"""The staffing plan: the positions a program hires for, and what every job posting shares.

A position names the library role it builds on (``role: peer-support-specialist``) and then sets
what is local: title, FTE, pay, union, schedule. It may replace a list the role defines
(``duties: [...]``) or add to it (``add_duties: [...]``); the same goes for qualifications,
certifications, working conditions and competencies. A position with no ``role`` must define
every field a library role requires (the rules in ``genkit/checks/staffing.py`` say which is
missing).

Templates call ``staffing.job(position, program)`` to get the resolved view of one position.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from itertools import product
from typing import Any, Literal

from pydantic import Field

from genkit.family import shows
from genkit.model.base import Clock, LongText, Model, ShortText, Slug, Text, Url
from genkit.model.program import Day, Hours, Program, clock_12h, minutes
from genkit.model.roles import (
    Certification,
    Competency,
    LivedExperience,
    Role,
    Setting,
    Situational,
)

# Role fields a position may replace (``duties``) or add to (``add_duties``).
LIST_FIELDS = (
    "duties",
    "minimum_qualifications",
    "preferred_qualifications",
    "certifications",
    "working_conditions",
    "competencies",
)
# Role fields a position may replace with a single value.
VALUE_FIELDS = (
    "summary",
    "reports_to",
    "lived_experience",
    "setting",
    "flsa",
    "supervises",
    "physical_demands",
)


class Pay(Model):
    min: float = Field(gt=0, description="Bottom of the pay range.")
    max: float = Field(gt=0, description="Top of the pay range.")
    period: Literal["year", "hour"] = "year"
    hiring_min: float | None = Field(
        default=None, gt=0, description="Where new hires usually start, if published."
    )
    hiring_max: float | None = Field(default=None, gt=0)
    note: Text | None = None

    @property
    def per(self) -> str:
        return "a year" if self.period == "year" else "an hour"


class Shift(Model):
    start: Clock
    end: Clock

    @property
    def span_minutes(self) -> int:
        span = minutes(self.end) - minutes(self.start)
        return span if span > 0 else span + 1440

    @property
    def summary(self) -> str:
        """``9 am to 9 pm``."""
        return f"{clock_12h(self.start)} to {clock_12h(self.end)}"


class Schedule(Model):
    """When the position works. Field shifts must fall inside the program's hours."""

    shifts: list[Shift] = Field(
        default_factory=list, description="The shifts worked; leave empty for office hours."
    )
    days: list[Day] | None = Field(
        default=None, description="Days the position may work; default: the program's days."
    )
    hours_per_week: float | None = Field(default=None, gt=0, le=80)
    pattern: Text | None = Field(
        default=None, description="The rotation in words: weekends, days off, admin time."
    )


class ScenarioLink(Model):
    """Ties an interview scenario to one of the program's own call types (and exclusions)."""

    scenario: Slug
    call_type: Slug = Field(description="id of an entry in program.call_types.")
    exclusion: Slug | None = Field(
        default=None, description="id of the program.exclusions entry the scene may turn into."
    )


class Training(Model):
    weeks: int = Field(ge=1, le=52, description="Length of the paid training period.")
    description: LongText | None = None
    topics: list[ShortText] = Field(default_factory=list)


class HowToApply(Model):
    instructions: LongText
    url: Url | None = None
    contact: ShortText | None = None
    closing_date: dt.date | None = Field(
        default=None, description="Last day to apply; none: open until filled."
    )
    accommodation_contact: ShortText | None = Field(
        default=None,
        description="Whom to ask for an accommodation in applying or "
        "interviewing (name, phone or email).",
    )


class InterviewRules(Model):
    """How the panel turns agreed ratings into a decision, set before the first interview."""

    cut_score: float = Field(
        ge=1,
        le=5,
        description="The average agreed rating (1 to 5) a candidate needs; the "
        "guide prints it as a total for the position's number of competencies.",
    )
    knock_out_at: int | None = Field(
        default=None,
        ge=1,
        le=4,
        description="An agreed rating at or below this on any "
        "competency ends the candidacy, whatever the total.",
    )
    knock_out_competencies: list[Slug] = Field(
        default_factory=list,
        description="Limit the knock-out rule to these competency ids; empty: every competency.",
    )

    def total_needed(self, competencies: int) -> int:
        """The lowest total that meets the cut score: ``3.0`` over 6 competencies -> 18."""
        return math.ceil(round(self.cut_score * competencies, 6))


class Position(Model):
    id: Slug = Field(description="Names the files: job_descriptions/<id>.pdf.")
    title: ShortText = Field(description="The title the jurisdiction uses.")
    role: Slug | None = Field(default=None, description="The library role it builds on.")
    fte: float = Field(gt=0, le=1000, description="Full-time equivalents budgeted.")
    pay: Pay
    union: ShortText | None = None
    grade: ShortText | None = Field(
        default=None, description="The pay grade or classification code human resources uses."
    )
    schedule: Schedule = Field(default_factory=Schedule)
    team_role: Slug | None = Field(
        default=None, description="The program.team seat this position fills, if any."
    )
    unit: ShortText | None = Field(default=None, description="Name of a program unit.")
    languages: list[ShortText] | None = Field(
        default=None, description="Languages wanted; default: staffing.languages."
    )
    summary: LongText | None = None
    reports_to: ShortText | None = None
    lived_experience: LivedExperience | None = None
    setting: Setting | None = None
    flsa: Literal["exempt", "non_exempt"] | None = None
    supervises: ShortText | None = None
    physical_demands: list[ShortText] | None = None
    duties: list[ShortText] | None = None
    add_duties: list[ShortText] = Field(default_factory=list)
    minimum_qualifications: list[ShortText] | None = None
    add_minimum_qualifications: list[ShortText] = Field(default_factory=list)
    preferred_qualifications: list[ShortText] | None = None
    add_preferred_qualifications: list[ShortText] = Field(default_factory=list)
    certifications: list[Certification] | None = None
    add_certifications: list[Certification] = Field(default_factory=list)
    probation_months: int | None = Field(
        default=None,
        ge=1,
        le=36,
        description="Months of probation after hire; default: "
        "staffing.probation_months. A certification due later must fall within it.",
    )
    working_conditions: list[ShortText] | None = None
    add_working_conditions: list[ShortText] = Field(default_factory=list)
    competencies: list[Slug] | None = None
    add_competencies: list[Slug] = Field(default_factory=list)

    @property
    def fte_text(self) -> str:
        """``12`` or ``2.5``: no trailing ``.0``."""
        return f"{self.fte:g}"


@dataclass(frozen=True)
class InterviewItem:
    """One competency as this program asks it: its situational question framed by a call type."""

    id: str
    competency: Competency
    situational: Situational
    call_type: Any  # program.call_types entry
    exclusion: Any | None  # program.exclusions entry, when the scenario names one


@dataclass(frozen=True)
class Job:
    """A position with its library role applied: what the documents print."""

    position: Position
    role_id: str | None
    role: Role
    languages: list[str]
    interview: list[InterviewItem]
    days_text: str  # "every day", "Monday to Friday"
    shifts_text: str | None  # "9 am to 9 pm or noon to midnight"; None for office hours
    reports_to: str | None  # a title: the supervising position's, when the plan has one
    probation: int | None = None  # months of probation, the position's or the plan's


class Staffing(Model):
    role_library: dict[Slug, Role] = Field(
        default_factory=dict, description="Roles positions build on; the base ships a library."
    )
    competency_library: dict[Slug, Competency] = Field(
        default_factory=dict, description="Competencies interview guides test, with questions."
    )
    scenarios: list[ScenarioLink] = Field(
        default_factory=list,
        description="Which of the program's call types frames each interview scenario.",
    )
    positions: list[Position] = Field(default_factory=list)
    languages: list[ShortText] = Field(
        default_factory=list,
        description="Languages besides English the program wants staff to speak.",
    )
    benefits: list[ShortText] = Field(default_factory=list)
    training: Training | None = None
    probation_months: int | None = Field(
        default=None,
        ge=1,
        le=36,
        description="Months of probation after hire for every position that does not set its own.",
    )
    background_check: LongText | None = None
    fair_chance: LongText | None = Field(
        default=None,
        description="Replaces the standard fair-chance statement (how a "
        "conviction record is considered, and when).",
    )
    equal_opportunity: LongText | None = Field(
        default=None, description="Replaces the standard equal-opportunity statement."
    )
    how_to_apply: HowToApply | None = None
    interview: InterviewRules | None = Field(
        default=None,
        description="The cut score and knock-out rule the panel applies to "
        "agreed ratings; without it the guide leaves a blank for HR to fill in.",
    )

    def probation(self, position: Position) -> int | None:
        """Months of probation for this position: its own, else the plan's, else none."""
        return position.probation_months or self.probation_months

    def role_fields(self, position: Position) -> dict[str, Any]:
        """The library role's fields with the position's replacements and additions applied."""
        base = self.role_library.get(position.role) if position.role else None
        merged: dict[str, Any] = base.model_dump() if base else {}
        merged["title"] = position.title
        for name in (*VALUE_FIELDS, *LIST_FIELDS):
            own = getattr(position, name)
            if own is not None:
                merged[name] = list(own) if isinstance(own, list) else own
        for name in LIST_FIELDS:
            extra = getattr(position, f"add_{name}")
            if extra:
                merged[name] = [*merged.get(name, []), *extra]
        return merged

    @shows({0: ("languages",), 1: ("",), 2: ("call_types", "exclusions", "hours.days")})
    def job(self, position: Position, program: Program) -> Job:
        role = Role.model_validate(self.role_fields(position))
        links = {link.scenario: link for link in self.scenarios}
        calls = {c.id: c for c in program.call_types}
        exclusions = {e.id: e for e in program.exclusions}
        chosen = choose_questions(
            [self.usable_questions(cid, role.setting, set(links)) for cid in role.competencies]
        )
        interview = []
        for cid, question in zip(role.competencies, chosen, strict=True):
            link = links[question.scenario]
            interview.append(
                InterviewItem(
                    cid,
                    self.competency_library[cid],
                    question,
                    calls[link.call_type],
                    exclusions.get(link.exclusion) if link.exclusion else None,
                )
            )
        languages = position.languages if position.languages is not None else self.languages
        days = position.schedule.days or program.hours.days
        shifts = [s.summary for s in position.schedule.shifts]
        shifts_text = (
            (", ".join(shifts[:-1]) + " or " + shifts[-1])
            if len(shifts) > 1
            else (shifts[0] if shifts else None)
        )
        return Job(
            position,
            position.role,
            role,
            list(languages),
            interview,
            Hours(days=days).days_text,
            shifts_text,
            self.title_of(role.reports_to),
            self.probation(position),
        )

    def usable_questions(
        self, competency_id: str, setting: str, linked: set[str]
    ) -> list[Situational]:
        """A competency's situational questions that fit the role's setting and whose scenario
        the program links to one of its call types, in the library's order of preference."""
        return [
            q
            for q in self.competency_library[competency_id].situational
            if q.scenario in linked and setting in q.settings
        ]

    def title_of(self, role_or_title: str | None) -> str | None:
        """A role id becomes the title of the position built on it (or the role's own title);
        anything else is already a title."""
        if role_or_title is None or role_or_title not in self.role_library:
            return role_or_title
        holder = next((p.title for p in self.positions if p.role == role_or_title), None)
        return holder or self.role_library[role_or_title].title


def choose_questions(options: list[list[Situational]]) -> list[Situational]:
    """One question per competency, covering as many different scenes as possible.

    Candidates should meet as many of the program's kinds of call as the questions allow, and
    no scene should come up over and over; among equally varied choices the library's preferred
    (earlier) questions win. An interview has at
    most 8 competencies with a few options each, so trying every combination is cheap.
    """
    best: tuple | None = None
    for combo in product(*(range(len(o)) for o in options)):
        scenes = Counter(options[i][j].scenario for i, j in enumerate(combo))
        # Most different scenes first; then no scene asked about too often; then preference.
        key = (-len(scenes), max(scenes.values()), combo)
        if best is None or key < best:
            best = key
    if best is None:  # a competency with no usable question; the rules report it first
        raise ValueError("every competency needs at least one usable situational question")
    return [options[i][j] for i, j in enumerate(best[2])]
