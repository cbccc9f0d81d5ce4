"""The check of a profile's ``calls.date_format``, in words city staff can act on.

DuckDB parses the dates themselves (``strptime`` codes, the same as Python's, in
``genkit.calls``); this only makes sure, when the profile loads, that a format names a date and
a time of day. It lives in the model, which validates the profile, so the model never imports
the ``calls`` package that reads exports.
"""

from __future__ import annotations

import re

_CODES = set("YymbdHIMSfp")


def check_format(fmt: str) -> None:
    """Raise ValueError, in words city staff can act on, if a date format cannot work."""
    codes = re.findall(r"%(.)", fmt)
    unknown = sorted({c for c in codes if c not in _CODES and c != "%"})
    if unknown:
        raise ValueError(
            f"unknown date code {', '.join('%' + c for c in unknown)}; use %Y %m "
            "%d %H %I %M %S %p %b %y %f"
        )
    present = set(codes)
    for group, words in (
        (("Y", "y"), "year (%Y)"),
        (("m", "b"), "month (%m)"),
        (("d",), "day (%d)"),
        (("H", "I"), "hour (%H or %I)"),
        (("M",), "minutes (%M)"),
    ):
        if not present.intersection(group):
            raise ValueError(
                f"'{fmt}' has no {words}; the analysis needs the date and the time of each call"
            )
    if "I" in present and "p" not in present:
        raise ValueError(
            "%I is a 12-hour clock hour and needs %p (AM/PM) too; use %H for a 24-hour clock"
        )
    duplicates = sorted({c for c in codes if codes.count(c) > 1 and c != "%"})
    if duplicates:
        raise ValueError(f"'{fmt}' uses %{duplicates[0]} twice")
