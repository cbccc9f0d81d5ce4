"""The hiring library: roles these programs hire, and the competencies an interview tests.

Both libraries are data (YAML shipped in the ``_hiring`` base profile), not Python. A profile
extends them under ``staffing.role_library`` and ``staffing.competency_library``: a new key adds
an entry, an existing key changes only the fields it sets (mappings merge key by key).

A competency carries everything a structured interview needs for it: one behavioral question
(past behavior), situational questions (what would you do) each tied to a *scenario*, follow-up
probes, and behavioral anchors for low, middle and high ratings. A scenario (for example
``older-adult-welfare-check``) is a kind of scene; each program ties the scenarios it uses to
its own eligible call types under ``staffing.scenarios``, so the same question is framed by the
call types that program really takes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from genkit.model.base import LongText, Model, ShortText, Slug

LivedExperience = Literal["required", "preferred", "welcome", "not_applicable"]
Setting = Literal["field", "phone", "office"]
"""Where the job is done: on scene, on the phone in the 911 center, or in the office. A
situational question is only asked of roles whose setting it fits."""
MIN_COMPETENCIES = 5
MAX_COMPETENCIES = 8


class Behavioral(Model):
    """A question about what the candidate did before: past behavior predicts future behavior."""

    question: LongText
    probes: list[ShortText] = Field(min_length=1, max_length=6)


class Situational(Model):
    """A question about a scene: what would the candidate do, and why."""

    scenario: Slug = Field(
        description="The kind of scene; a program ties it to one of its "
        "call types under staffing.scenarios."
    )
    situation: LongText = Field(description="What the team finds, read to the candidate.")
    question: ShortText
    settings: list[Setting] = Field(
        default_factory=lambda: ["field"],
        min_length=1,
        description="The roles it suits: field, phone (911 center) or office.",
    )
    probes: list[ShortText] = Field(min_length=1, max_length=6)
    look_for: list[ShortText] = Field(
        min_length=1, max_length=6, description="What a strong answer covers (panel only)."
    )


class Anchors(Model):
    """What an answer rated 1 (low), 3 (middle) and 5 (high) sounds like."""

    low: LongText
    middle: LongText
    high: LongText


class Competency(Model):
    name: ShortText
    definition: LongText
    behavioral: Behavioral
    situational: list[Situational] = Field(
        min_length=1,
        description="Options in order of preference; the guide asks one whose "
        "scenario the program links and whose settings fit the role.",
    )
    anchors: Anchors


class Certification(Model):
    """A license or certification a job requires, and when the holder must have it.

    Written as plain text it is needed on the first day of work; written as a mapping it can be
    due some months after hire or by the end of the program's pre-service training.
    """

    name: ShortText
    within_months: int | None = Field(
        default=None,
        ge=1,
        le=60,
        description="Months after hire by which it is needed; "
        "none: at hire. Must fall within the position's probation, when it has one.",
    )
    after_training: bool = Field(
        default=False,
        description="Earned in the program's pre-service training and needed "
        "before the first shift alone; the position must have a training curriculum.",
    )
    at_hire: ShortText | None = Field(
        default=None,
        description="What a new hire must hold on the first day when the item "
        "itself is due later ('license-eligible', 'the ability to earn it').",
    )

    @model_validator(mode="before")
    @classmethod
    def _plain_text_is_needed_at_hire(cls, value: object) -> object:
        return {"name": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_due_date(self) -> Certification:
        if self.within_months is not None and self.after_training:
            raise ValueError("give within_months or after_training, not both")
        return self

    def __str__(self) -> str:
        return self.name


class Role(Model):
    """A library role: sound defaults a position builds on and may add to or replace."""

    title: ShortText
    summary: LongText = Field(
        description="What the job is, spoken to the applicant: 'You ...', a sentence or two."
    )
    reports_to: ShortText | None = Field(
        default=None,
        description="A role id (shown as the title of the position built on it) "
        "or a title in words.",
    )
    duties: list[ShortText] = Field(min_length=1)
    minimum_qualifications: list[ShortText] = Field(min_length=1)
    preferred_qualifications: list[ShortText] = Field(default_factory=list)
    certifications: list[Certification] = Field(default_factory=list)
    working_conditions: list[ShortText] = Field(min_length=1)
    competencies: list[Slug] = Field(min_length=MIN_COMPETENCIES, max_length=MAX_COMPETENCIES)
    lived_experience: LivedExperience = "not_applicable"
    setting: Setting = "field"
    flsa: Literal["exempt", "non_exempt"] = Field(
        default="non_exempt",
        description="Fair Labor Standards Act status: 'exempt' from "
        "overtime (professional or supervisory duties) or 'non_exempt'. Human resources "
        "confirms it for each position.",
    )
    supervises: ShortText | None = Field(
        default=None, description="Whom the holder supervises, in words; none if no one."
    )
    physical_demands: list[ShortText] = Field(
        default_factory=list,
        description="What the work asks of the body, for the job description's physical demands.",
    )
