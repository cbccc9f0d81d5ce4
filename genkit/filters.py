"""Formatting filters available to every template (dates, money, lists, plurals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from markupsafe import Markup

from genkit.escaping import long_date, markdown_value


def date_long(value: dt.date | None) -> str:
    return long_date(value) if value else "to be decided"


def money(value: float | int | None) -> str:
    """``1234567`` -> ``$1,234,567``; cents only when there are any."""
    if value is None:
        return "to be decided"
    return f"${value:,.2f}" if value != int(value) else f"${int(value):,}"


def number(value: float | int) -> str:
    """``1234`` -> ``1,234``; ``40.0`` -> ``40``; ``12.25`` -> ``12.2``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def percent(value: float, digits: int = 0) -> str:
    """``0.5`` -> ``50%``."""
    return f"{value * 100:.{digits}f}%"


def join_and(items: Iterable[object], word: str = "and") -> str:
    """``[a, b, c]`` -> ``a, b and c``."""
    parts = [str(i) for i in items]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {word} {parts[-1]}"


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


_NEEDS_THE = ("City of", "County of", "Town of", "Village of", "State of", "Commonwealth of",
              "City and County of", "Borough of", "Township of", "Consolidated City")


def definite(name: str) -> str:
    """``City of Durham`` -> ``the City of Durham``; ``Phoenix Fire Department`` -> ``the
    Phoenix Fire Department``; ``Harris County`` and ``police`` stay as they are."""
    name = str(name)
    first = name.split(" ", 1)[0]
    needs = name.startswith(_NEEDS_THE) or (
        first[:1].isupper() and (name.startswith("Department") or " Department" in name
                                 or " Office" in name))
    return f"the {name}" if needs else name


def upper_first(text: str) -> str:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowercases the rest: EMT -> emt)."""
    text = str(text)
    return text[:1].upper() + text[1:]


def clock(value: str) -> str:
    """``"21:00"`` -> ``"9 pm"``: times of day as residents say them."""
    from genkit.model.program import clock_12h

    return clock_12h(str(value))


def metric_value(value: float | None, unit: str) -> str:
    """A metric's baseline or target in its unit: percent targets are fractions (0.5 -> 50%)."""
    if value is None:
        return "to be decided"
    if unit == "percent":
        return f"{value * 100:.3f}".rstrip("0").rstrip(".") + "%"
    if unit == "dollars":
        return money(value)
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
    if unit in ("minutes", "hours"):
        return f"{shown} {unit}" if value != 1 else f"1 {unit[:-1]}"
    return shown


def vocabulary(value: str, kind: str) -> str:
    """The reader's words for a metric group, data source or breakdown id."""
    from genkit.model.metrics import BREAKDOWN_NAMES, GROUP_NAMES, SOURCE_NAMES

    names = {"group": GROUP_NAMES, "source": SOURCE_NAMES, "breakdown": BREAKDOWN_NAMES}[kind]
    return names.get(value, value.replace("_", " "))


FILTERS = {
    "clock": clock,
    "metric_value": metric_value,
    "vocabulary": vocabulary,
    "upper_first": upper_first,
    "lower_first": lower_first,
    "definite": definite,
    "number_plain": number_plain,
    "link": link,
    "date_long": date_long,
    "money": money,
    "number": number,
    "percent": percent,
    "join_and": join_and,
    "plural": plural,
}
