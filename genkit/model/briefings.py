"""Community briefing sheets: which languages they are made in, what they say in each language,
and the figures they quote.

The program's facts (team, hours, call types...) are written once under ``program``. A sheet in
the profile's main language reads them from there; a sheet in any other language needs a
wording of each one, which lives here under ``text.<language>``, keyed by the same ids, so a
translator finds every sentence to translate in one place. Rules in ``genkit/checks/briefings.py``
report any fact that has no wording in a listed language.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from genkit.family import shows
from genkit.model.base import LongText, Model, ShortText, Slug, Text

LanguageTag = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]
"""A language as in ``lang`` attributes: ``en``, ``es``, ``zh-TW``. It also names the template
file of each language (``resident-sheet.es.md.j2``)."""


class Fact(Model):
    """A figure the sheets quote (for example a safety record), with its sources, worded for
    each language."""

    sources: list[Slug] = Field(min_length=1)
    text: dict[LanguageTag, LongText] = Field(
        min_length=1, description="The sentence that states the figure, per language."
    )


class ExclusionWording(Model):
    label: ShortText
    route_to: ShortText


class UnitWording(Model):
    name: ShortText
    description: LongText


class Wording(Model):
    """What the sheets say in one language.

    ``about``, ``area`` and ``services`` are plain-language text for residents in every language
    (in the main language they default to the program's own summary and area). The keyed
    fields translate program facts and are needed only for languages other than the main one.
    """

    about: LongText | None = Field(
        default=None,
        description="Two or three short sentences: what the program is, for "
        "residents. Defaults to program.summary in the main language.",
    )
    area: LongText | None = Field(
        default=None,
        description="Where the team works, in plain words. Defaults to "
        "program.service_area.description in the main language.",
    )
    services: list[ShortText] = Field(
        default_factory=list, description="What the team can do for a person on scene."
    )
    coordination: LongText | None = Field(
        default=None, description="For partners: how the team works with police, fire and EMS."
    )
    interpreter: ShortText | None = Field(
        default=None,
        description="For residents: how to get an interpreter when calling. "
        "Default: ask the 911 call-taker for one, at no cost.",
    )
    partner_contact: ShortText | None = Field(
        default=None,
        description="For partners: whom to call with a question, a referral "
        "that went wrong or an idea. Default: the program's managers in the host department.",
    )
    jurisdiction_name: ShortText | None = Field(
        default=None, description="jurisdiction.name in this language (Ciudad de Durham)."
    )
    department: ShortText | None = Field(
        default=None, description="program.host_department in this language."
    )
    name_meaning: ShortText | None = Field(
        default=None, description="What program.full_name means, in this language."
    )
    program_line_note: Text | None = None
    data_dashboard: ShortText | None = Field(
        default=None,
        description="program.data_dashboard in this language, when it is a "
        "description rather than a web address.",
    )
    team: dict[Slug, ShortText] = Field(
        default_factory=dict, description="program.team role -> title in this language."
    )
    call_types: dict[Slug, ShortText] = Field(
        default_factory=dict, description="program.call_types id -> label in this language."
    )
    exclusions: dict[Slug, ExclusionWording] = Field(
        default_factory=dict, description="program.exclusions id -> label and route_to."
    )
    units: list[UnitWording] = Field(
        default_factory=list, description="program.units in this language, in the same order."
    )
    goals: list[ShortText] = Field(
        default_factory=list, description="program.goals in this language, in the same order."
    )
    metrics: dict[Slug, ShortText] = Field(
        default_factory=dict, description="Metric id -> its name in this language."
    )


class Briefings(Model):
    """Settings and wording of the community briefing sheets."""

    languages: list[LanguageTag] = Field(
        default_factory=lambda: ["en"],
        min_length=1,
        description="Languages the sheets are made in; each needs a template per sheet "
        "(NAME.LANG.md.j2) and, besides the main language, a wording under text.LANG.",
    )
    max_reading_grade: float = Field(
        default=8,
        ge=1,
        le=20,
        description="Highest reading grade level allowed for resident sheets; the build warns "
        "above it and fails with --strict.",
    )
    text: dict[LanguageTag, Wording] = Field(default_factory=dict)
    facts: dict[Slug, Fact] = Field(
        default_factory=dict, description="Figures the sheets may quote, by id."
    )
    resident_facts: list[Slug] = Field(
        default_factory=list, description="Fact ids shown on the resident sheet, in order."
    )
    partner_facts: list[Slug] = Field(
        default_factory=list, description="Fact ids shown on the partner brief, in order."
    )

    @shows({})  # read, not shown: a sheet says which facts it states (render.tracking.facts.state)
    def wording(self, lang: str) -> Wording:
        """The wording for a language (empty when the profile gives none)."""
        return self.text.get(lang) or Wording()
