"""The filters every template gets (``FILTERS``, registered once, by templating.make_env):
dates, money, numbers, times, lists, plurals, links.

One name per operation. Filters that format for a reader (dates, numbers, percentages, phone
numbers, times, hours) follow the language of the document being rendered: they read ``ui``
(its strings) from the context and hand it to genkit.language.formatting. ``join_and`` takes
its word: ``join_and("or")``, or ``join_and(ui.list_and)`` in a translated document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from genkit.language import formatting
from genkit.language.formatting import join_and
from genkit.language.strings import UiStrings, builtin_strings, is_english
from genkit.render.text.escaping import markdown_value


def _ui(context: Context) -> UiStrings:
    ui = context.get("ui")
    return ui if isinstance(ui, UiStrings) else builtin_strings("en")


@pass_context
def date_long(context: Context, value: dt.date | None) -> str:
    ui = _ui(context)
    if not value:
        return "to be decided" if is_english(ui) else ui.not_set
    return formatting.date_long(value, ui)


@pass_context
def month_year(context: Context, value: dt.date) -> str:
    """``June 2022`` / ``junio de 2022``."""
    return formatting.month_year(value, _ui(context))


def money(value: float | int | None) -> str:
    """``1234567`` -> ``$1,234,567``; cents only when there are any."""
    if value is None:
        return "to be decided"
    return f"${value:,.2f}" if value != int(value) else f"${int(value):,}"


@pass_context
def number(context: Context, value: float | int) -> str:
    """``1234`` -> ``1,234``; ``40.0`` -> ``40``; ``12.25`` -> ``12.2`` (in the page's language)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return formatting.number(value, _ui(context))


@pass_context
def percent(context: Context, value: float, digits: int = 0) -> str:
    """``0.5`` -> ``50%``."""
    return formatting.percent(value, _ui(context), digits)


@pass_context
def phone(context: Context, value: str) -> str:
    """``562.435.6711`` -> ``562-435-6711``; a number spelled with letters gets its digits."""
    return formatting.phone(value, _ui(context))


@pass_context
def hours_text(context: Context, hours: object) -> str:
    """Service hours in the document's language (``program.hours.summary`` in English)."""
    return formatting.hours_text(hours, _ui(context))  # type: ignore[arg-type]


@pass_context
def metric_value(context: Context, value: float | None, unit: str) -> str:
    """A metric's baseline or target with its unit: ``50%``, ``30 minutes``, ``$151``."""
    ui = _ui(context)
    if value is None:
        return ui.not_set
    if unit == "percent":
        return percent(context, value, 0 if round(value * 100) == value * 100 else 1)
    if unit == "dollars":
        return money(value)
    shown = number(context, int(value) if value == int(value) else value)
    return f"{shown} {ui.unit_words[unit]}" if unit in ui.unit_words else shown


def _stat_value(value: float, unit: str, ui: UiStrings) -> str:
    if unit == "percent":
        digits = next((d for d in range(4) if round(value * 100, d) == round(value * 100, 6)), 3)
        return formatting.percent(value, ui, digits)
    shown = formatting.number(int(value) if value == int(value) else value, ui)
    return f"${shown}" if unit == "dollars" else shown


@pass_context
def stats(context: Context, text: str) -> str:
    """Fill ``{stat:ID}``, ``{stat:ID.of}`` and ``{stat:ID.year}`` from the evidence library
    (profile ``statistics``) and ``{calls:missed}`` (eligible, reached, reach_rate) from the
    call volumes in use, in the document's language."""
    from genkit.model.statistics import TOKEN, VOLUME_TOKEN
    from genkit.render.tracking.facts import declare, unwrap

    library = unwrap(context.get("statistics")) or {}
    ui = _ui(context)
    declare("statistics")

    def fill(match: re.Match[str]) -> str:
        stat = library[match.group(1)]  # an unknown id is refused by checks/statistics.py
        if match.group(2) == "of":
            return formatting.number(int(stat.of), ui)
        if match.group(2) == "year":
            return str(stat.year)
        low = _stat_value(stat.value, stat.unit, ui)
        if stat.high is None:
            return low
        return f"{low.rstrip('%').rstrip(chr(160))}–{_stat_value(stat.high, stat.unit, ui)}"

    def volume(match: re.Match[str]) -> str:
        volumes = unwrap(context.get("call_volumes"))
        declare("call_volumes")
        value = getattr(volumes, match.group(1)) if volumes is not None else None
        if value is None:
            return ui.not_set
        return _stat_value(value, "percent" if match.group(1) == "reach_rate" else "count", ui)

    return VOLUME_TOKEN.sub(volume, TOKEN.sub(fill, str(text)))


def with_article(phrase: object) -> str:
    """``annual report`` -> ``an annual report``; ``public report`` -> ``a public report``."""
    text = str(phrase)
    return f"{'an' if text[:1].lower() in 'aeio' else 'a'} {text}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def link(url: str, text: str | None = None) -> Markup:
    """A Markdown link whose text and address are both taken literally.

    Only http(s) and mailto addresses become links; anything else is printed as plain text.
    """
    url = str(url)
    label = markdown_value(text if text is not None else url)
    if not url.startswith(("http://", "https://", "mailto:")) or any(c in url for c in "<> \n"):
        return label
    target = url.replace("\\", "%5C").replace("&", "&amp;")
    return Markup(f"[{label}](<{target}>)")


def choices(values: Iterable[object], labels: Iterable[object] | None = None) -> Markup:
    """The choices of a scoresheet's ``[one: ...]`` or ``[any: ...]`` cell: ``code`` or
    ``code=label`` items joined by ``; ``. Each value is escaped, so a ``;`` or ``=`` inside it
    stays part of it (see genkit/render/formats/markdown.py)."""
    codes = [markdown_value(v) for v in values]
    if labels is None:
        return Markup("; ".join(codes))
    names = [markdown_value(v) for v in labels]
    return Markup("; ".join(f"{c}={n}" for c, n in zip(codes, names, strict=True)))


def number_plain(value: float | int) -> str:
    """``40.0`` -> ``40``; ``37.5`` -> ``37.5``: a count or quantity with no needless decimals."""
    number_value = float(value)
    if number_value.is_integer():
        return f"{int(number_value):,}"
    return f"{number_value:,.2f}".rstrip("0").rstrip(".")


def lower_first(text: str) -> str:
    """Lower-case the first letter so a sentence can continue: ``Staff follow`` -> ``staff
    follow``. Words in capitals (``CAP crisis``, ``EMT``) are left alone."""
    text = str(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


_NEEDS_THE = (
    "City of",
    "County of",
    "Town of",
    "Village of",
    "State of",
    "Commonwealth of",
    "City and County of",
    "Borough of",
    "Township of",
    "Consolidated City",
)


def definite(name: str) -> str:
    """``City of Durham`` -> ``the City of Durham``; ``Phoenix Fire Department`` -> ``the
    Phoenix Fire Department``; ``Harris County`` and ``police`` stay as they are."""
    name = str(name)
    first = name.split(" ", 1)[0]
    needs = name.startswith(_NEEDS_THE) or (
        first[:1].isupper()
        and (name.startswith("Department") or " Department" in name or " Office" in name)
    )
    return f"the {name}" if needs else name


def upper_first(text: str) -> str:
    """Capitalize the first letter only (Jinja's ``capitalize`` lowercases the rest: EMT -> emt)."""
    text = str(text)
    return text[:1].upper() + text[1:]


@pass_context
def clock(context: Context, value: str) -> str:
    """``"21:00"`` -> ``9 pm``: a time of day as residents say it, in the document's language."""
    return formatting.clock(str(value), _ui(context))


def vocabulary(value: str, kind: str) -> str:
    """The reader's words for a metric group, data source or breakdown id."""
    from genkit.model.metrics import BREAKDOWN_NAMES, GROUP_NAMES, SOURCE_NAMES

    names = {"group": GROUP_NAMES, "source": SOURCE_NAMES, "breakdown": BREAKDOWN_NAMES}[kind]
    return names.get(value, value.replace("_", " "))


FILTERS = {
    "choices": choices,
    "clock": clock,
    "metric_value": metric_value,
    "stats": stats,
    "vocabulary": vocabulary,
    "upper_first": upper_first,
    "lower_first": lower_first,
    "definite": definite,
    "number_plain": number_plain,
    "link": link,
    "date_long": date_long,
    "month_year": month_year,
    "phone": phone,
    "hours_text": hours_text,
    "money": money,
    "number": number,
    "percent": percent,
    "join_and": join_and,
    "plural": plural,
    "with_article": with_article,
}
