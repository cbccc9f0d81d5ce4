"""The program itself: what it is called, who runs it, when and where it works, which calls."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from genkit.model.base import Clock, Flag, LongText, Model, ShortText, Slug, Text

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEK: tuple[Day, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def minutes(clock: str) -> int:
    """``"09:30"`` -> 570; ``"24:00"`` -> 1440."""
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def clock_12h(clock: str) -> str:
    """``"21:00"`` -> ``"9 pm"``; ``"12:00"`` -> ``"noon"``; ``"24:00"`` -> ``"midnight"``."""
    total = minutes(clock) % 1440
    if total == 0:
        return "midnight"
    if total == 720:
        return "noon"
    hour, mins = divmod(total, 60)
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}:{mins:02d} {suffix}" if mins else f"{hour} {suffix}"


class Hours(Model):
    """When the team takes calls. ``always: true`` means around the clock, every day."""

    always: Flag = False
    days: list[Day] = Field(default_factory=lambda: list(WEEK))
    start: Clock = "00:00"
    end: Clock = "24:00"
    note: Text | None = None

    @property
    def span_minutes(self) -> int:
        """Length of one day's service window (a window may run past midnight)."""
        if self.always:
            return 1440
        span = minutes(self.end) - minutes(self.start)
        return span if span > 0 else span + 1440

    @property
    def hours_per_day(self) -> float:
        return self.span_minutes / 60

    @property
    def is_24_7(self) -> bool:
        return self.always or (self.span_minutes == 1440 and len(set(self.days)) == 7)

    @property
    def days_text(self) -> str:
        days = [d for d in WEEK if d in self.days]
        if len(days) == 7:
            return "every day"
        if days == list(WEEK[:5]):
            return "Monday to Friday"
        if days == list(WEEK[5:]):
            return "Saturday and Sunday"
        names = [DAY_NAMES[d] for d in days]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]

    @property
    def summary(self) -> str:
        """One phrase used everywhere the hours appear, so every document says the same."""
        if self.is_24_7:
            return "24 hours a day, 7 days a week"
        hours = self.hours_per_day
        hours_text = f"{hours:g} hours" if hours != 1 else "1 hour"
        return (
            f"{clock_12h(self.start)} to {clock_12h(self.end)}, {self.days_text} "
            f"({hours_text} a day)"
        )


class Unit(Model):
    """One part of the program, such as a field team or a clinician in the 911 center."""

    name: ShortText
    description: LongText


class TeamMember(Model):
    """One seat on a field team: the team make-up every document repeats."""

    role: Slug
    title: ShortText
    count: int = Field(default=1, ge=1, le=20)
    credential: ShortText | None = Field(
        default=None,
        description="The license or certification the seat needs; every "
        "staffing position filling the seat must list it.",
    )


class ServiceArea(Model):
    description: LongText
    phase: ShortText | None = None


class Access(Model):
    """How residents reach the team."""

    via_911: Flag = True
    non_emergency_number: ShortText | None = None
    program_line: ShortText | None = None
    program_line_note: Text | None = None
    direct_request: Flag = False
    crisis_line_988: Flag = True


CAD_CODES_HELP = "CAD call types that mean this, written exactly as the export has them."
PATTERNS_HELP = (
    "CAD call types matched with wildcards: * stands for any text, ? for one "
    "character; case is ignored. 'SUICIDE*' matches 'SUICIDE - SUICIDAL PERSON'."
)


class CallType(Model):
    """A kind of 911 call the team may take, with the codes the local CAD uses for it."""

    id: Slug
    label: ShortText
    description: Text | None = None
    cad_codes: list[ShortText] = Field(default_factory=list, description=CAD_CODES_HELP)
    patterns: list[ShortText] = Field(default_factory=list, description=PATTERNS_HELP)


class Exclusion(Model):
    """A situation the team does not go to alone, and who goes instead.

    Some exclusions are CAD call types of their own (an overdose, a shooting); their codes and
    patterns let the call analysis count them apart from eligible calls.
    """

    id: Slug
    label: ShortText
    route_to: ShortText
    cad_codes: list[ShortText] = Field(default_factory=list, description=CAD_CODES_HELP)
    patterns: list[ShortText] = Field(default_factory=list, description=PATTERNS_HELP)


class Partner(Model):
    name: ShortText
    role: Text | None = None


class Program(Model):
    name: ShortText
    full_name: ShortText | None = None
    host_department: ShortText
    operator: Literal["in_house", "contracted", "hybrid"] = "in_house"
    operator_name: ShortText | None = None
    launch_date: date | None = None
    summary: LongText
    goals: list[ShortText] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    team: list[TeamMember] = Field(min_length=1)
    hours: Hours
    service_area: ServiceArea
    access: Access = Field(default_factory=Access)
    dispatch_model: Literal["911_center_led", "embedded_professional", "external_hotline"] = (
        "911_center_led"
    )
    screening: Text | None = Field(
        default=None,
        description="Who screens calls and how, as a clause: '911 call-takers "
        "screen every call with the triage questions'. With dispatching, it replaces the "
        "generic wording of dispatch_model in every document.",
    )
    dispatching: Text | None = Field(
        default=None,
        description="Who sends the team, as a clause: '911 dispatchers assign "
        "the nearest free team in CAD'.",
    )
    call_types: list[CallType] = Field(min_length=1)
    exclusions: list[Exclusion] = Field(default_factory=list)
    response_time_target_min: int | None = Field(default=None, ge=1, le=240)
    follow_up_hours: int | None = Field(default=None, ge=1, le=720)
    partners: list[Partner] = Field(default_factory=list)
    data_dashboard: ShortText | None = None

    @property
    def display_name(self) -> str:
        """``HEART (Holistic Empathetic Assistance Response Teams)`` or just the name."""
        return f"{self.name} ({self.full_name})" if self.full_name else self.name

    @property
    def dispatch_text(self) -> str:
        """Who screens calls and who sends the team: one clause every document repeats."""
        if self.screening and self.dispatching:
            return f"{self.screening}; {self.dispatching}"
        return DISPATCH_TEXT[self.dispatch_model]

    @property
    def access_text(self) -> str:
        """How a resident reaches the team, in one sentence every document repeats."""
        ways = ["call 911"] if self.access.via_911 else []
        if self.access.non_emergency_number:
            ways.append(f"call the non-emergency line, {self.access.non_emergency_number}")
        text = "To reach the team, " + " or ".join(ways) + "." if ways else ""
        if not self.access.direct_request:
            text += " The 911 center decides whether to send the team; residents cannot ask for"
            text += " it directly."
        return text.strip()

    @property
    def team_size(self) -> int:
        return sum(member.count for member in self.team)

    @property
    def team_summary(self) -> str:
        """``a licensed mental health clinician, a peer support specialist and an EMT``."""
        parts = [
            (f"{m.count} {m.title}s" if m.count > 1 else f"{_article(m.title)} {m.title}")
            for m in self.team
        ]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


DISPATCH_TEXT = {
    "911_center_led": "911 call-takers and dispatchers screen calls and send the team",
    "embedded_professional": (
        "behavioral health professionals working inside the 911 center screen calls and send "
        "the team"
    ),
    "external_hotline": "a crisis line outside the 911 center screens calls and sends the team",
}


def _article(word: str) -> str:
    # "an EMT", "an LCSW": initialisms that start with a vowel sound take "an".
    first = word.split()[0]
    if first.isupper() and first[0] in "AEFHILMNORSX":
        return "an"
    return "an" if word[:1].lower() in "aeiou" else "a"


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "program.name": "Program name",
    "program.full_name": "Program's full name",
    "program.hours": "Service hours",
    "program.team": "Team make-up",
    "program.call_types": "Eligible call types",
    "program.exclusions": "Exclusions",
    "program.units": "Program units",
    "program.service_area": "Service area",
    "program.follow_up_hours": "Follow-up window",
}
