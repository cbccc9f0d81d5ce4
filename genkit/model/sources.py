"""Where the facts in a profile come from, and which figures are only illustrative."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from genkit.model.base import LongText, Model, ShortText, Slug, Url


class Source(Model):
    title: ShortText
    url: Url
    publisher: ShortText | None = None
    published: dt.date | None = None


class EvidenceItem(Model):
    """One question a stakeholder or resident asks, answered with cited figures."""

    id: Slug
    question: ShortText
    answer: LongText
    sources: list[Slug] = Field(min_length=1)
