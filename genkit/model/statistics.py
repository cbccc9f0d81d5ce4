"""The evidence library: each outside statistic (another program's backup rate, cost per call,
crime effect...) stored once, with its value, period, definition and sources.

Texts that quote one (briefing facts, the worksheet's evidence answers, metric benchmarks) write
``{stat:ID}`` for its value, ``{stat:ID.of}`` for the count it is a share of and
``{stat:ID.year}`` for its year; the ``stats`` filter fills them in the document's language. A
figure typed by hand beside the name of a statistic's program is refused
(``checks/statistics.py``), so one statistic cannot appear with two values.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from genkit.model.base import LongText, Model, ShortText, Slug

TOKEN = re.compile(r"\{stat:([a-z0-9][a-z0-9-]*)(?:\.(of|year))?\}")
# The program's own call volumes (call_volumes, the set in use), quoted the same way.
VOLUME_TOKEN = re.compile(r"\{calls:(eligible|reached|missed|reach_rate)\}")


class Statistic(Model):
    value: float = Field(description="The figure; a share as a fraction (0.00625 = 0.625%).")
    high: float | None = Field(
        default=None, description="Top of a published range; value is its bottom."
    )
    unit: Literal["percent", "count", "dollars", "minutes", "hours"]
    of: float | None = Field(
        default=None, gt=0, description="The count a share is a share of (about 24,000 calls)."
    )
    year: int | None = Field(default=None, ge=1900, le=2100)
    place: ShortText = Field(description="Whose figure it is: program and place.")
    definition: LongText = Field(description="What exactly is counted.")
    names: list[ShortText] = Field(
        min_length=1,
        description="Words that name its program or place (CAHOOTS, Eugene): a "
        "sentence naming one may not type a figure by hand.",
    )
    sources: list[Slug] = Field(min_length=1)
