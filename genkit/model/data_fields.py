"""What the team records on each call: the field library and the fields a jurisdiction collects.

``data_collection.library`` (normally in the shared base profile ``_data``) defines every field
once: its name, type, allowed values, definition, the metrics that need it, whether it is one
of the equity fields, and a privacy note. ``data_collection.fields`` lists, in form order, the
fields this jurisdiction collects. The field data form and the data dictionary are both made
from that list, and the checks tie it to ``metrics`` (the same list the RFP and the evaluation
plan use): every metric's inputs are collected, and nothing is collected that nothing needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, model_validator

from genkit.family import shows
from genkit.model.base import Flag, LongText, Model, ShortText, Slug, Text

FieldType = Literal[
    "text", "code", "number", "datetime", "choice", "multi_choice", "yes_no", "call_type"
]
FieldGroup = Literal["call", "person", "response", "safety", "follow_up"]
Recorder = Literal["team", "cad", "follow_up"]

TYPE_NAMES = {
    "text": "text",
    "code": "identifier",
    "number": "whole number",
    "datetime": "date and time",
    "choice": "one value from a list",
    "multi_choice": "any values from a list",
    "yes_no": "yes or no",
    "call_type": "one of the program's call types",
}
GROUP_NAMES = {
    "call": "The call",
    "person": "The person served",
    "response": "What the team did",
    "safety": "Safety",
    "follow_up": "Follow-up",
}
RECORDER_NAMES = {
    "team": "the team, on the form",
    "cad": "911 center (CAD)",
    "follow_up": "follow-up staff, on the form",
}
CHOICE_TYPES = ("choice", "multi_choice")
# Values every yes/no field and every call-type field offers, so the form and the CSV agree.
YES_NO = ("yes", "no")
OTHER_CALL_TYPE = "another call type"


class DataField(Model):
    """One thing recorded about a call, defined once for every document that uses it."""

    name: ShortText = Field(description="The field's label on the form and in the dictionary.")
    type: FieldType
    values: list[ShortText] = Field(
        default_factory=list, description="Allowed values of a choice or multi_choice field."
    )
    definition: LongText
    group: FieldGroup = Field(description="The part of the form the field sits in.")
    recorded_by: Recorder = Field(
        default="team",
        description="'team' and 'follow_up' fields are on the field form; "
        "'cad' fields are joined from the 911 center's extract by the incident number.",
    )
    metrics: list[Slug] = Field(
        default_factory=list, description="Ids of the metric_library metrics that need it."
    )
    operations: ShortText | None = Field(
        default=None,
        description="What running the service needs the field for, besides "
        "metrics (care, safety, linking records). A field no chosen metric and no operation "
        "needs is reported: collect only what is used.",
    )
    equity: Flag = Field(
        default=False,
        description="One of the fields the equity analysis "
        "breaks results down by (race, ethnicity, age, language, area).",
    )
    privacy: Text | None = Field(
        default=None,
        description="How to ask for, record and share the value; required for equity fields.",
    )

    @model_validator(mode="after")
    def _values_fit_type(self) -> DataField:
        # A choice without choices cannot be filled in; values on a free field would be
        # printed as if they restricted it, and they would not.
        if self.type in CHOICE_TYPES and len(self.values) < 2:
            raise ValueError(
                f"a {self.type} field needs at least two allowed values under 'values'"
            )
        if self.type not in CHOICE_TYPES and self.values:
            raise ValueError(
                f"'values' is only for choice and multi_choice fields; a "
                f"{self.type} field takes {TYPE_NAMES[self.type]}"
            )
        if self.equity and not self.privacy:
            raise ValueError(
                "an equity field needs a privacy note ('privacy'): how to ask "
                "for it and who may see it"
            )
        return self


@dataclass(frozen=True)
class Entry:
    """One collected field as the form and the dictionary show it."""

    id: str
    field: DataField
    allowed: list[str]  # the values a form offers; empty for free fields
    needed_by: list[str]  # names of the chosen metrics that use it
    on_form: bool

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.field.type]

    @property
    def group_name(self) -> str:
        return GROUP_NAMES[self.field.group]

    @property
    def recorder_name(self) -> str:
        return RECORDER_NAMES[self.field.recorded_by]

    @property
    def uses(self) -> str:
        """Why the field is collected, in one line: its metrics, then its operational use."""
        parts = list(self.needed_by)
        if self.field.operations:
            parts.append(self.field.operations)
        return "; ".join(parts)


class DataCollection(Model):
    """The fields the team records on each call: the field form and the data dictionary."""

    library: dict[Slug, DataField] = Field(
        default_factory=dict, description="Field definitions; the base profile ships a library."
    )
    fields: list[Slug] = Field(
        default_factory=list,
        description="Ids of the library fields this jurisdiction "
        "collects, in the order the form asks for them.",
    )
    recorded_elsewhere: dict[Slug, ShortText] = Field(
        default_factory=dict,
        description="Metric id -> the record its inputs come from when "
        "it is not a per-call field (for example a training log).",
    )

    # The data form and dictionary show the fields and call types whole, but of the metric
    # library and the chosen metrics only names and ids (which cite nothing).
    @shows({0: ("",), 3: ("",)})
    def entries(self, metric_library: Any, metrics: Any, call_types: Any) -> list[Entry]:
        """The collected fields in form order, each with its allowed values and uses.

        Templates call this with the sections it reads, which the sandbox hands over whole, so
        the document is re-rendered when any of them changes.
        """
        chosen = [m.id for m in metrics]
        found = []
        for fid in self.fields:
            field = self.library.get(fid)
            if field is None:
                continue  # reported by the data_fields_defined rule
            needed = [
                metric_library[m].name for m in chosen if m in field.metrics and m in metric_library
            ]
            found.append(
                Entry(fid, field, _allowed(field, call_types), needed, field.recorded_by != "cad")
            )
        order = list(GROUP_NAMES)
        return sorted(found, key=lambda e: order.index(e.field.group))

    @shows({0: ("",), 3: ("",)})  # as entries
    def grouped(
        self, metric_library: Any, metrics: Any, call_types: Any, form_only: bool = False
    ) -> list[tuple[str, list[Entry]]]:
        """``[(group name, entries)]`` in form order, leaving out empty groups."""
        entries = [
            e
            for e in self.entries(metric_library, metrics, call_types)
            if e.on_form or not form_only
        ]
        return [
            (name, [e for e in entries if e.field.group == group])
            for group, name in GROUP_NAMES.items()
            if any(e.field.group == group for e in entries)
        ]


def _allowed(field: DataField, call_types: Any) -> list[str]:
    if field.type in CHOICE_TYPES:
        return list(field.values)
    if field.type == "yes_no":
        return list(YES_NO)
    if field.type == "call_type":
        return [c.label for c in call_types] + [OTHER_CALL_TYPE]
    return []


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "data_collection.fields": "Which fields the team records on each call",
    "data_collection.library": "Field definitions of the data form",
}
