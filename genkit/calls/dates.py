"""Fast parsing of CAD timestamps written in a profile-given strptime-style format.

``datetime.strptime`` costs several microseconds a call, too slow for millions of rows. The
format is compiled once into a regular expression; each value becomes seconds since 1 January
of year 1, with the day number looked up in a small cache (a year of calls has only 365 dates).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

_DIRECTIVES = {
    "Y": r"(?P<Y>\d{4})",
    "y": r"(?P<y>\d{2})",
    "m": r"(?P<m>\d{1,2})",
    "b": r"(?P<b>[A-Za-z]{3})",
    "d": r"(?P<d>\d{1,2})",
    "H": r"(?P<H>\d{1,2})",
    "I": r"(?P<I>\d{1,2})",
    "M": r"(?P<M>\d{1,2})",
    "S": r"(?P<S>\d{1,2})",
    "f": r"(?P<f>\d{1,9})",
    "p": r"(?P<p>[AaPp]\.?[Mm]\.?)",
}
_MONTHS = {name: i + 1 for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
DAY_SECONDS = 86_400

Parser = Callable[[str], "int | None"]


def check_format(fmt: str) -> None:
    """Raise ValueError, in words city staff can act on, if a date format cannot work."""
    codes = re.findall(r"%(.)", fmt)
    unknown = sorted({c for c in codes if c not in _DIRECTIVES and c != "%"})
    if unknown:
        raise ValueError(f"unknown date code {', '.join('%' + c for c in unknown)}; use %Y %m "
                         "%d %H %I %M %S %p %b %y %f")
    present = set(codes)
    for group, words in ((("Y", "y"), "year (%Y)"), (("m", "b"), "month (%m)"),
                         (("d",), "day (%d)"), (("H", "I"), "hour (%H or %I)"),
                         (("M",), "minutes (%M)")):
        if not present.intersection(group):
            raise ValueError(f"'{fmt}' has no {words}; the analysis needs the date and the time "
                             "of each call")
    if "I" in present and "p" not in present:
        raise ValueError("%I is a 12-hour clock hour and needs %p (AM/PM) too; use %H for a "
                         "24-hour clock")
    duplicates = sorted({c for c in codes if codes.count(c) > 1 and c != "%"})
    if duplicates:
        raise ValueError(f"'{fmt}' uses %{duplicates[0]} twice")


def _pattern(fmt: str, bare: bool = False) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(fmt):
        char = fmt[i]
        if char == "%" and i + 1 < len(fmt):
            code = fmt[i + 1]
            out.append("%" if code == "%" else _DIRECTIVES[code])
            i += 2
            continue
        # A space in the format matches one or more spaces in the data (exports pad times).
        out.append(r"\s+" if char == " " else re.escape(char))
        i += 1
    if bare:
        return re.compile("".join(out))
    return re.compile(r"\s*" + "".join(out) + r"\s*$")


_DATE_CODES, _TIME_CODES = set("Yymbd"), set("HIMSfp")
CACHE_LIMIT = 200_000


def make_parser(fmt: str) -> Parser:
    """A function ``text -> seconds since 0001-01-01`` (None when the text does not match).

    Where the format is a date, one separator and a time (``%m/%d/%Y %I:%M:%S %p``), each half
    of a value is looked up in a cache filled by full parses: a year of calls has 365 dates and
    at most 86,400 times of day, so nearly every value costs two dictionary look-ups.
    """
    full = _full_parser(fmt)
    separator = _separator(fmt)
    if separator is None:
        return full
    # A half is cached only when it is exactly a date (or a time) on its own: a value with
    # stray spaces still parses, but never puts a misleading key in the cache.
    head, tail = fmt.split(separator, 1)
    is_date, is_time = _pattern(head, bare=True).fullmatch, _pattern(tail, bare=True).fullmatch
    dates: dict[str, int] = {}
    times: dict[str, int] = {}

    def parse(text: str) -> int | None:
        date_text, _, time_text = text.partition(separator)
        midnight = dates.get(date_text)
        if midnight is not None:
            offset = times.get(time_text)
            if offset is not None:
                return midnight + offset
        value = full(text)
        if (value is not None and len(times) < CACHE_LIMIT and is_date(date_text)
                and is_time(time_text)):
            midnight = value - value % DAY_SECONDS
            dates[date_text] = midnight
            times[time_text] = value - midnight
        return value

    return parse


def _separator(fmt: str) -> str | None:
    """The one character between an all-date part and an all-time part, if the format has it."""
    codes = re.findall(r"%(.)", fmt)
    for i, char in enumerate(fmt):
        if char in " T" and i > 0 and fmt[i - 1] != "%":
            head, tail = fmt[:i], fmt[i + 1:]
            if char in head:  # the split must be the separator's first appearance
                return None
            head_codes, tail_codes = re.findall(r"%(.)", head), re.findall(r"%(.)", tail)
            if (set(head_codes) <= _DATE_CODES and set(tail_codes) <= _TIME_CODES
                    and len(head_codes) + len(tail_codes) == len(codes) and tail_codes):
                return char
    return None


def _full_parser(fmt: str) -> Parser:
    check_format(fmt)
    pattern = _pattern(fmt)
    match = pattern.match
    slot = {name: index - 1 for name, index in pattern.groupindex.items()}
    i_year = slot.get("Y", slot.get("y"))
    i_month = slot.get("m", slot.get("b"))
    i_day, i_minute, i_second = slot["d"], slot["M"], slot.get("S")
    i_hour = slot.get("I", slot.get("H"))
    i_ampm = slot.get("p")
    short_year, month_name = "y" in slot, "b" in slot
    # (year, month, day) as written -> seconds at midnight, or -1 for an impossible date.
    days: dict[tuple[str, str, str], int] = {}

    def midnight(key: tuple[str, str, str]) -> int:
        year = int(key[0]) + (2000 if short_year else 0)
        month = _MONTHS.get(key[1].lower(), 0) if month_name else int(key[1])
        try:
            value = dt.date(year, month, int(key[2])).toordinal() * DAY_SECONDS
        except ValueError:
            value = -1
        days[key] = value
        return value

    def parse(text: str) -> int | None:
        found = match(text)
        if found is None:
            return None
        g = found.groups()
        key = (g[i_year], g[i_month], g[i_day])
        base = days.get(key)
        if base is None:
            base = midnight(key)
        if base < 0:
            return None
        hour = int(g[i_hour])
        if i_ampm is not None:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if g[i_ampm][0] in "Pp" else 0)
        minute = int(g[i_minute])
        second = int(g[i_second]) if i_second is not None else 0
        if hour > 23 or minute > 59 or second > 59:
            return None
        return base + hour * 3600 + minute * 60 + second

    return parse


def to_datetime(seconds: int) -> dt.datetime:
    day, rest = divmod(seconds, DAY_SECONDS)
    return dt.datetime.combine(dt.date.fromordinal(day), dt.time()) + dt.timedelta(seconds=rest)
