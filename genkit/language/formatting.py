"""Dates, numbers, percentages, phone numbers, times of day, hours and lists, in a language.

One function per operation, each taking the language's strings (``ui``). English keeps genkit's
own locale-independent forms (``27 June 2022``, ``1,500``, ``50%``), which is also what
``date_long`` writes with no ``ui`` (the checks' messages, a date printed into Markdown); other
languages are formatted by Babel from the CLDR data of the strings file's locale.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from genkit.language.strings import UiStrings, is_english
from genkit.model.program import WEEK, Hours, minutes

# Month names spelled out here rather than by strftime, whose output follows the machine's locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_long(value: dt.date, ui: UiStrings | None = None) -> str:
    """``27 June 2022`` (English, unambiguous for every reader, independent of locale) or the
    language's long form (``27 de junio de 2022``)."""
    if ui is None or is_english(ui):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return format_date(value, format="long", locale=ui.locale)


def month_year(value: dt.date, ui: UiStrings) -> str:
    if is_english(ui):
        return date_long(value).split(" ", 1)[1]
    from babel.dates import format_date

    return format_date(value, format="LLLL yyyy", locale=ui.locale)


def number(value: float | int, ui: UiStrings) -> str:
    if is_english(ui):
        return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    from babel.numbers import format_decimal

    return format_decimal(
        value, format="#,##0" if isinstance(value, int) else "#,##0.0", locale=ui.locale
    )


def percent(value: float, ui: UiStrings, digits: int = 0) -> str:
    """``0.5`` -> ``50%`` (English) or ``50 %`` (Spanish, as CLDR writes it)."""
    if is_english(ui):
        return f"{value * 100:.{digits}f}%"
    from babel.numbers import format_percent

    pattern = "#,##0" + ("." + "0" * digits if digits else "") + " %"
    return format_percent(value, format=pattern, locale=ui.locale).replace(" ", "\u00a0")


_KEYPAD = {
    c: str(d)
    for d, letters in {
        2: "ABC",
        3: "DEF",
        4: "GHI",
        5: "JKL",
        6: "MNO",
        7: "PQRS",
        8: "TUV",
        9: "WXYZ",
    }.items()
    for c in letters
}
_NANP = re.compile(r"^\(?(\d{3})\)?[\s.-]?([0-9A-Z]{3})[\s.-]?([0-9A-Z]{4})$")


def phone(value: str, ui: UiStrings) -> str:
    """A North American number as ``562-435-6711``. A number spelled with letters keeps them
    for readers of a language whose words they spell, with the digits beside them; readers of
    other languages get the digits first, since the word means nothing to them."""
    text = str(value).strip()
    match = _NANP.match(text.upper())
    if not match:
        return text
    shown = "-".join(match.groups())
    digits = "".join(_KEYPAD.get(c, c) for c in shown)
    if digits == shown:
        return shown
    if ui.phone_letters == "letters_first":
        return f"{shown} ({digits})"
    return f"{digits} ({shown})"


def clock(value: str, ui: UiStrings) -> str:
    """``"21:00"`` -> ``9 pm`` (``9 p.m.`` in Spanish); ``"12:00"`` -> ``noon``; ``"24:00"`` ->
    ``midnight``: the language's words for a time of day."""
    total = minutes(value) % 1440
    if total == 0:
        return ui.midnight
    if total == 720:
        return ui.noon
    hour, mins = divmod(total, 60)
    suffix = ui.am if hour < 12 else ui.pm
    hour = hour % 12 or 12
    return f"{hour}:{mins:02d} {suffix}" if mins else f"{hour} {suffix}"


def join_and(items: Iterable[object], word: str = "and") -> str:
    """``[a, b, c]`` -> ``a, b and c``; ``word`` joins the last two (``or``, or ``ui.list_and``:
    ``y`` in Spanish)."""
    parts = [str(i) for i in items]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {word} {parts[-1]}"


def hours_text(hours: Hours, ui: UiStrings) -> str:
    """The service hours in the words of a language (``hours.summary`` for English)."""
    if is_english(ui):
        return hours.summary
    if hours.is_24_7:
        return ui.always
    days = [d for d in WEEK if d in hours.days]
    if len(days) == 7:
        days_text = ui.every_day
    elif days == list(WEEK[:5]):
        days_text = ui.weekdays
    elif days == list(WEEK[5:]):
        days_text = ui.weekend
    else:
        days_text = join_and([ui.days[d] for d in days], ui.list_and)
    count = hours.hours_per_day
    return ui.fill(
        ui.hours_pattern,
        start=clock(hours.start, ui),
        end=clock(hours.end, ui),
        days=days_text,
        hours=number(int(count) if count == int(count) else count, ui),
    )
