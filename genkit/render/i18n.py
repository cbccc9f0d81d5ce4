"""Per-language words the layout adds, and formatting of dates, numbers, times and phone numbers.

Each language has a strings file, ``templates/_common/strings/LANG.yaml``, found on the template
search path like any template, so a city can add a language (or reword one) without touching
Python. It holds the page furniture (sample banner, "Page X of Y", footer), the words used to
write service hours, the locale that formats dates and numbers, Word's language tag, and the
readability formula suited to the language.

English keeps genkit's own locale-independent forms (``27 June 2022``, ``1,500``, ``50%``); other
languages are formatted by Babel from the CLDR data of the strings file's locale.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from genkit.errors import Problem, TemplateError
from genkit.fieldpath import shown as dotted
from genkit.load.strict_yaml import parse_yaml_text
from genkit.model.base import Model, ShortText, Text
from genkit.model.program import WEEK, Day, Hours, minutes
from genkit.render.escaping import long_date

STRINGS_DIR = "_common/strings"
ReadabilityFormula = Literal["flesch_kincaid_grade", "crawford", "gunning_fog", "smog_index",
                             "coleman_liau_index", "automated_readability_index"]
FORMULA_NAMES = {
    "flesch_kincaid_grade": "Flesch-Kincaid", "crawford": "Crawford", "gunning_fog": "Gunning fog",
    "smog_index": "SMOG", "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "Automated Readability Index",
}


class UiStrings(Model):
    """Everything a language needs besides its templates."""

    name: ShortText
    locale: ShortText
    word_language: ShortText
    readability_formula: ReadabilityFormula
    textstat_language: ShortText
    page: ShortText
    of: ShortText
    sample_notice: ShortText
    footer: Text
    sources_heading: ShortText
    sources_intro: Text
    sample_note: Text
    illustrative_note: Text
    list_and: ShortText
    days: dict[Day, ShortText]
    every_day: ShortText
    weekdays: ShortText
    weekend: ShortText
    always: ShortText
    noon: ShortText
    midnight: ShortText
    am: ShortText
    pm: ShortText
    hours_pattern: ShortText
    not_set: ShortText
    metric_target: ShortText
    metric_baseline: ShortText
    unit_words: dict[Literal["minutes", "hours"], ShortText]
    phone_letters: Literal["letters_first", "digits_first"] = "letters_first"
    fact_names: dict[str, ShortText] = {}

    def fill(self, pattern: str, **values: object) -> str:
        """Put values into ``{name}`` slots (never str.format: patterns are user files)."""
        for key, value in values.items():
            pattern = pattern.replace("{" + key + "}", str(value))
        return pattern


def strings_path(dirs: list[Path], lang: str) -> Path | None:
    for folder in dirs:
        candidate = folder / STRINGS_DIR / f"{lang}.yaml"
        if candidate.is_file():
            return candidate
    return None


def load_strings(dirs: list[Path], lang: str, display=str) -> UiStrings | None:  # noqa: ANN001
    """The strings of a language, or None when no folder on the search path has them."""
    path = strings_path(dirs, lang)
    return None if path is None else _parse(path, display(path))


@lru_cache(maxsize=32)
def _parse_cached(text: str, shown: str) -> UiStrings:
    doc = parse_yaml_text(text, shown)
    try:
        return UiStrings.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            line, col = doc.where(tuple(err["loc"]))
            problems.append(Problem(shown, line, col, dotted(tuple(err["loc"])), err["msg"]))
        raise TemplateError(problems) from None


def _parse(path: Path, shown: str) -> UiStrings:
    return _parse_cached(path.read_text(encoding="utf-8"), shown)


def builtin_strings(lang: str = "en") -> UiStrings:
    """Strings from genkit's own templates: used where no search path is at hand."""
    from genkit.paths import builtin_root

    strings = load_strings([builtin_root() / "templates"], lang)
    if strings is None:
        raise TemplateError(f"genkit's built-in strings for '{lang}' are missing")
    return strings


def is_english(ui: UiStrings) -> bool:
    """English documents keep genkit's own formats (and the program's facts as written)."""
    return ui.word_language.split("-")[0] == "en"


def date_long(value: dt.date, ui: UiStrings) -> str:
    if is_english(ui):
        return long_date(value)
    from babel.dates import format_date

    return format_date(value, format="long", locale=ui.locale)


def month_year(value: dt.date, ui: UiStrings) -> str:
    if is_english(ui):
        return long_date(value).split(" ", 1)[1]
    from babel.dates import format_date

    return format_date(value, format="LLLL yyyy", locale=ui.locale)


def number(value: float | int, ui: UiStrings) -> str:
    if is_english(ui):
        return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0" if isinstance(value, int) else "#,##0.0",
                          locale=ui.locale)


def percent(value: float, ui: UiStrings, digits: int = 0) -> str:
    """``0.5`` -> ``50%`` (English) or ``50 %`` (Spanish, as CLDR writes it)."""
    if is_english(ui):
        return f"{value * 100:.{digits}f}%"
    from babel.numbers import format_percent

    pattern = "#,##0" + ("." + "0" * digits if digits else "") + " %"
    return format_percent(value, format=pattern, locale=ui.locale).replace(" ", "\u00a0")


_KEYPAD = {c: str(d) for d, letters in {2: "ABC", 3: "DEF", 4: "GHI", 5: "JKL", 6: "MNO",
                                        7: "PQRS", 8: "TUV", 9: "WXYZ"}.items() for c in letters}
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
    total = minutes(value) % 1440
    if total == 0:
        return ui.midnight
    if total == 720:
        return ui.noon
    hour, mins = divmod(total, 60)
    suffix = ui.am if hour < 12 else ui.pm
    hour = hour % 12 or 12
    return f"{hour}:{mins:02d} {suffix}" if mins else f"{hour} {suffix}"


def join_words(items: list[str], ui: UiStrings) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {ui.list_and} {items[-1]}"


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
        days_text = join_words([ui.days[d] for d in days], ui)
    count = hours.hours_per_day
    return ui.fill(ui.hours_pattern, start=clock(hours.start, ui), end=clock(hours.end, ui),
                   days=days_text, hours=number(int(count) if count == int(count) else count, ui))
