"""Sort CAD call types into eligible (which call type), excluded (which exclusion) or unmatched.

Order of precedence, so that a result never depends on the order of lines in a profile more
than it must: an exact code beats any pattern; among patterns, an exclusion beats an eligible
type (``MENTAL*`` eligible but ``MENTAL VIOLENT*`` excluded sends a violent call to police);
within each group the first entry in the profile wins. Case and runs of spaces are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from genkit.model.program import Program

Status = Literal["eligible", "excluded", "unmatched"]


@dataclass(frozen=True)
class Match:
    status: Status
    id: str | None = None  # call type id or exclusion id
    rule: str | None = None  # the code or pattern that matched, for the method table


UNMATCHED = Match("unmatched")


def normalize(code: str) -> str:
    return " ".join(code.split()).upper()


def wildcard(pattern: str) -> re.Pattern[str]:
    """``*`` any text, ``?`` one character, everything else literal (brackets included)."""
    parts = []
    for char in normalize(pattern):
        parts.append(".*" if char == "*" else "." if char == "?" else re.escape(char))
    return re.compile("".join(parts) + r"\Z", re.S)


class Classifier:
    def __init__(self, program: Program):
        self.exact: dict[str, Match] = {}
        for kind, entries in (("excluded", program.exclusions), ("eligible", program.call_types)):
            for entry in entries:
                for code in entry.cad_codes:
                    self.exact.setdefault(normalize(code), Match(kind, entry.id, code))  # type: ignore[arg-type]
        self.patterns: list[tuple[re.Pattern[str], Match]] = [
            (wildcard(p), Match(kind, entry.id, p))  # type: ignore[arg-type]
            for kind, entries in (
                ("excluded", program.exclusions),
                ("eligible", program.call_types),
            )
            for entry in entries
            for p in entry.patterns
        ]
        self._cache: dict[str, Match] = {}

    @property
    def configured(self) -> bool:
        """Whether the profile names any CAD code or pattern at all."""
        return bool(self.exact or self.patterns)

    def __call__(self, code: str) -> Match:
        found = self._cache.get(code)
        if found is None:
            found = self._classify(normalize(code))
            self._cache[code] = found
        return found

    def _classify(self, code: str) -> Match:
        if code in self.exact:
            return self.exact[code]
        for pattern, match in self.patterns:
            if pattern.match(code):
                return match
        return UNMATCHED
