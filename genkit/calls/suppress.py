"""Counts as a public document may show them: small counts are suppressed.

A template or chart only ever sees ``Count`` and ``Share`` objects. The raw number is kept
behind an underscore name, which the template sandbox refuses, so no document can print a
count the profile's threshold hides.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Count:
    _value: int
    _threshold: int

    @property
    def suppressed(self) -> bool:
        return 0 < self._value < self._threshold

    @property
    def shown(self) -> int | None:
        """The count, or None when it is too small to publish."""
        return None if self.suppressed else self._value

    @property
    def is_zero(self) -> bool:
        return self._value == 0

    @property
    def short(self) -> str:
        """``<10`` instead of ``fewer than 10``, for dense tables."""
        return f"<{self._threshold}" if self.suppressed else f"{self._value:,}"

    def __str__(self) -> str:
        if self.suppressed:
            return f"fewer than {self._threshold}"
        return f"{self._value:,}"

    def __bool__(self) -> bool:
        return self._value > 0


@dataclass(frozen=True)
class Share:
    """A part of a whole, hidden when its part is a suppressed count."""

    _part: int
    _whole: int
    _threshold: int
    digits: int = 1

    @property
    def suppressed(self) -> bool:
        return 0 < self._part < self._threshold

    @property
    def shown(self) -> float | None:
        if self.suppressed or not self._whole:
            return None
        return self._part / self._whole

    def __str__(self) -> str:
        value = self.shown
        if value is None:
            return "not shown" if self.suppressed else "none"
        return f"{value * 100:.{self.digits}f}%"


def counter(threshold: int):
    """Factories bound to one threshold: ``count(n)`` and ``share(part, whole)``."""

    def count(value: int) -> Count:
        return Count(int(value), threshold)

    def share(part: int, whole: int) -> Share:
        return Share(int(part), int(whole), threshold)

    return count, share
