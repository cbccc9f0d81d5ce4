"""Characters no installed font can draw, found before a PDF prints them as empty boxes.

WeasyPrint lays text out with Pango, which falls back through every font fontconfig knows for
a character the stylesheet's fonts lack. A character that none of them has comes out as an
empty box, with only a log line to say so. So the union of the installed fonts' character
sets is read once per process (``fc-list``, a few milliseconds from fontconfig's cache) and
each PDF's page is checked against it; a missing character is a build warning naming the
document, the characters and the font package that draws them.
"""

from __future__ import annotations

import bisect
import functools
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

# Character classes that never need a glyph of their own: controls, format characters such
# as the zero-width joiner of emoji sequences, surrogates, and line or paragraph separators.
_INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}

# Where the missing characters lie -> the Debian/Ubuntu package and the Homebrew cask (macOS)
# that draw them. Anything else is in Noto's core set of scripts.
_PACKAGES: list[tuple[tuple[tuple[int, int], ...], str, str]] = [
    (
        (
            (0x1100, 0x11FF),
            (0x2E80, 0x2FDF),
            (0x3000, 0x31FF),
            (0x3200, 0x9FFF),
            (0xA960, 0xA97F),
            (0xAC00, 0xD7FF),
            (0xF900, 0xFAFF),
            (0xFE30, 0xFE4F),
            (0xFF00, 0xFFEF),
            (0x20000, 0x3FFFF),
        ),
        "fonts-noto-cjk",
        "font-noto-sans-cjk",
    ),
    (((0x2600, 0x27BF), (0x1F000, 0x1FAFF)), "fonts-noto-color-emoji", "font-noto-color-emoji"),
]
_CORE = ("fonts-noto-core", "font-noto-sans")
# Private-use and unassigned code points: no font package is meant to draw them.
_NO_FONT = {"Co", "Cn"}


@dataclass(frozen=True)
class Missing:
    """Characters of one script group that no installed font has."""

    chars: str
    package: str  # Debian/Ubuntu package
    cask: str  # Homebrew cask (macOS)

    def describe(self) -> str:
        shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in self.chars[:8])
        more = f" and {len(self.chars) - 8} more" if len(self.chars) > 8 else ""
        said = f"no installed font can draw {shown}{more}: the PDF would show empty boxes; "
        if not self.package:
            return said + (
                "these are private-use or unassigned code points that no font "
                "package draws; replace them in the profile or template"
            )
        return said + (
            f"install their fonts (Debian/Ubuntu: apt-get install {self.package}; "
            f"macOS: brew install --cask {self.cask}), then build again"
        )


@functools.lru_cache(maxsize=1)
def installed_coverage() -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """(starts, ends) of the code point ranges some installed font covers, merged and sorted;
    None when fontconfig's ``fc-list`` is not there to ask (nothing is checked then)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listing = subprocess.run(
            [fc_list, "--format", "%{charset}\n"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    ranges = []
    for item in set(listing.split()):
        first, _, last = item.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    ranges.sort()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in ranges:
        if ends and start <= ends[-1] + 1:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return tuple(starts), tuple(ends)


def _selector(code: int) -> bool:
    """Variation selectors choose another character's glyph; they have none of their own."""
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _covered(code: int, coverage: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    starts, ends = coverage
    at = bisect.bisect_right(starts, code) - 1
    return at >= 0 and code <= ends[at]


def _package(char: str) -> tuple[str, str]:
    if unicodedata.category(char) in _NO_FONT:
        return "", ""
    code = ord(char)
    for ranges, package, cask in _PACKAGES:
        if any(low <= code <= high for low, high in ranges):
            return package, cask
    return _CORE


def missing_glyphs(text: str) -> list[Missing]:
    """The characters of ``text`` no installed font can draw, grouped by the package that
    would draw them (in code point order, so a warning reads the same every build)."""
    coverage = installed_coverage()
    if coverage is None:
        return []
    groups: dict[tuple[str, str], list[str]] = {}
    for char in sorted({c for c in text if ord(c) > 0x7E}):
        code = ord(char)
        if unicodedata.category(char) in _INVISIBLE or _selector(code):
            continue
        if not _covered(code, coverage):
            groups.setdefault(_package(char), []).append(char)
    return [
        Missing("".join(chars), package, cask) for (package, cask), chars in sorted(groups.items())
    ]
