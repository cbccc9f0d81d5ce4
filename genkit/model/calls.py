"""How to read this jurisdiction's CAD export, and the assumptions of the call analysis.

Every CAD system names its columns and writes its dates differently, so the profile maps the
analysis's fields onto the export's own column names. Which calls are eligible is not repeated
here: it comes from ``program.call_types`` and ``program.exclusions`` (their ``cad_codes`` and
``patterns``).
"""

from __future__ import annotations

from pydantic import Field, field_validator

from genkit.model.base import Model, ShortText

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
    disposition: ShortText | None = Field(default=None,
                                          description=COLUMN_MEANINGS["disposition"])
    area: ShortText | None = Field(default=None, description=COLUMN_MEANINGS["area"])

    def mapped(self) -> dict[str, str]:
        """field -> column name, for the fields this export has."""
        return {name: value for name, value in self.model_dump().items() if value}


class CallsData(Model):
    """The CAD export's layout and the choices the call analysis makes."""

    export_name: ShortText | None = Field(
        default=None, description="What the export is called locally, e.g. 'CAD calls for "
        "service, all agencies'.")
    columns: Columns
    date_format: ShortText = Field(
        description="How dates and times are written, with strptime codes: %Y year, %m month, "
        "%d day, %H hour (24h) or %I hour (12h) with %p AM/PM, %M minutes, %S seconds, %f "
        "fractions of a second. Seattle's '11/04/2023 6:08:26 PM' is '%m/%d/%Y %I:%M:%S %p'.")
    officer_initiated: list[ShortText] = Field(
        default_factory=list,
        description="Values of the source column that mark an officer-initiated call (on-view, "
        "self-initiated). These calls are left out of 911 demand.")
    demand_sources: list[ShortText] = Field(
        default_factory=list,
        description="If set, only calls whose source is one of these values count as 911 "
        "demand (for example 911 and the non-emergency line, but not alarms).")
    suppress_below: int = Field(
        default=10, ge=1, le=1000,
        description="Counts from 1 to this number minus one are shown as 'fewer than N' in "
        "every document, so that small groups of calls cannot point to a person.")
    coverage_target: float = Field(
        default=0.8, gt=0, le=1,
        description="Share of eligible calls the recommended daily service window must cover.")
    minutes_per_call: int | None = Field(
        default=None, ge=5, le=600,
        description="Team time for one call (travel, time on scene, notes), for the staffing "
        "estimate. If not set, the export's median time from dispatch to clearing an eligible "
        "call is used, or 60 minutes when the export has no such times.")
    target_utilization: float = Field(
        default=0.6, gt=0, le=1,
        description="Share of a team's shift spent on calls, leaving time for travel back, "
        "breaks, follow-up and surges.")

    @property
    def column_rows(self) -> list[dict[str, str]]:
        """What each mapped column means, for the document that explains the export."""
        return [{"field": name, "meaning": COLUMN_MEANINGS[name], "column": column}
                for name, column in self.columns.mapped().items()]

    @field_validator("date_format")
    @classmethod
    def _format_known(cls, value: str) -> str:
        from genkit.calls.dates import check_format

        check_format(value)
        return value
