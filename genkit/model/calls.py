"""How to read this jurisdiction's CAD export, and the assumptions of the call analysis.

Every CAD system names its columns and writes its dates differently, so the profile maps the
analysis's fields onto the export's own column names. Which calls are eligible is not repeated
here: it comes from ``program.call_types`` and ``program.exclusions`` (their ``cad_codes`` and
``patterns``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from genkit.model.base import LongText, Model, ShortText
from genkit.model.date_format import check_format

# Fields of the analysis -> what they mean, for messages and the document's method section.
COLUMN_MEANINGS = {
    "call_type": "the call type the call-taker chose (the initial type, if the export has both)",
    "received": "when the call was received or entered in CAD",
    "dispatched": "when the first unit was dispatched",
    "arrived": "when the first unit arrived on scene",
    "cleared": "when the last unit cleared the call",
    "source": "how the call came in (911, non-emergency line, officer-initiated), or a flag "
    "that marks officer-initiated calls",
    "disposition": "how the call ended",
    "area": "the area of the city (beat, sector, district or neighborhood)",
}


class Columns(Model):
    """The export's column name for each field; only ``call_type`` and ``received`` are needed."""

    call_type: ShortText = Field(description=COLUMN_MEANINGS["call_type"])
    received: ShortText = Field(description=COLUMN_MEANINGS["received"])
    dispatched: ShortText | None = Field(default=None, description=COLUMN_MEANINGS["dispatched"])
    arrived: ShortText | None = Field(default=None, description=COLUMN_MEANINGS["arrived"])
    cleared: ShortText | None = Field(default=None, description=COLUMN_MEANINGS["cleared"])
    source: ShortText | None = Field(default=None, description=COLUMN_MEANINGS["source"])
    disposition: ShortText | None = Field(default=None, description=COLUMN_MEANINGS["disposition"])
    area: ShortText | None = Field(default=None, description=COLUMN_MEANINGS["area"])

    def mapped(self) -> dict[str, str]:
        """field -> column name, for the fields this export has."""
        return {name: value for name, value in self.model_dump().items() if value}


class CallsData(Model):
    """The CAD export's layout and the choices the call analysis makes."""

    export_name: ShortText | None = Field(
        default=None,
        description="What the export is called locally, e.g. 'CAD calls for "
        "service, all agencies'.",
    )
    note: LongText | None = Field(
        default=None,
        description="What the export covers and what it cannot show (its "
        "period, missing columns, changes since), printed at the top of the call analysis.",
    )
    columns: Columns
    date_format: ShortText | None = Field(
        default=None,
        description="How a CSV export writes dates and times, with strptime codes: %Y year, %m "
        "month, %d day, %H hour (24h) or %I hour (12h) with %p AM/PM, %M minutes, %S seconds, "
        "%f fractions of a second. Seattle's '11/04/2023 6:08:26 PM' is '%m/%d/%Y %I:%M:%S "
        "%p'. Leave it out for ISO 8601 dates (2023-11-04 18:08:26) and for workbooks, whose "
        "date cells and serial numbers are read as they are.",
    )
    encoding: ShortText = Field(
        default="utf-8",
        description="The text encoding of a CSV export: utf-8 (the default), or what the CAD "
        "system writes, e.g. cp1252 (Windows) or latin-1. A file starting with a UTF-16 byte "
        "order mark is read as UTF-16 whatever this says.",
    )
    delimiter: Literal[",", ";", "|", "tab"] | None = Field(
        default=None,
        description="The character between fields of a CSV export: ',', ';', '|' or the word "
        "tab. If not set, the one of these that the header row holds most of.",
    )
    sheet: ShortText | None = Field(
        default=None,
        description="The sheet of a workbook export holding the calls; the first if not set.",
    )
    officer_initiated: list[ShortText] = Field(
        default_factory=list,
        description="Values of the source column that mark an officer-initiated call (on-view, "
        "self-initiated). These calls are left out of 911 demand.",
    )
    demand_sources: list[ShortText] = Field(
        default_factory=list,
        description="If set, only calls whose source is one of these values count as 911 "
        "demand (for example 911 and the non-emergency line, but not alarms).",
    )
    suppress_below: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="Counts from 1 to this number minus one are shown as 'fewer than N' in "
        "every document, so that small groups of calls cannot point to a person.",
    )
    coverage_target: float = Field(
        default=0.8,
        gt=0,
        le=1,
        description="Share of eligible calls the recommended daily service window must cover.",
    )
    minutes_per_call: int | None = Field(
        default=None,
        ge=5,
        le=600,
        description="Team time for one call (travel, time on scene, notes), for the staffing "
        "estimate. If not set, the export's median time from dispatch to clearing an eligible "
        "call is used, or 60 minutes when the export has no such times.",
    )
    target_utilization: float = Field(
        default=0.6,
        gt=0,
        le=1,
        description="Share of a team's shift spent on calls, leaving time for travel back, "
        "breaks, follow-up and surges.",
    )

    @property
    def column_rows(self) -> list[dict[str, str]]:
        """What each mapped column means, for the document that explains the export."""
        return [
            {"field": name, "meaning": COLUMN_MEANINGS[name], "column": column}
            for name, column in self.columns.mapped().items()
        ]

    @field_validator("date_format")
    @classmethod
    def _format_known(cls, value: str | None) -> str | None:
        if value is not None:
            check_format(value)
        return value

    @field_validator("encoding")
    @classmethod
    def _encoding_known(cls, value: str) -> str:
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(
                f"unknown encoding '{value}'; use utf-8, cp1252, latin-1 or "
                "another name Python knows"
            ) from None
        return value


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "calls": "CAD export layout and call analysis settings",
}
