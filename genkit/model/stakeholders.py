"""The public-safety partners a program director meets, and what each brings and cares about."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from genkit.model.base import LongText, Model, ShortText, Slug

StakeholderKind = Literal[
    "911",
    "police",
    "fire",
    "ems",
    "sheriff",
    "behavioral_health",
    "crisis_line",
    "hospital",
    "labor",
    "elected",
    "city_management",
    "funder",
    "community",
    "evaluator",
    "other",
]


class Stakeholder(Model):
    id: Slug
    agency: ShortText
    kind: StakeholderKind
    contact_role: ShortText | None = None
    why_invite: LongText
    expertise: LongText
    priorities: list[ShortText] = Field(min_length=1)
    likely_questions: list[ShortText] = Field(min_length=1)


class Person(Model):
    name: ShortText
    title: ShortText


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "program_director": "Program director (name and title)",
    "stakeholders": "Stakeholder profiles (priorities and questions)",
}
