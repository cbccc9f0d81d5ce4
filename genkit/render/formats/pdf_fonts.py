"""Embedded fonts that carry no clock time, so a PDF's bytes depend only on its inputs.

WeasyPrint subsets each embedded font with HarfBuzz when ``libharfbuzz-subset`` is installed
and with fontTools otherwise. HarfBuzz keeps the font file's own ``head`` dates; fontTools, on
saving, stamps ``head.modified`` with the current time (or ``SOURCE_DATE_EPOCH``), so two builds
a second apart, or one with that variable set, gave different PDFs. Every font WeasyPrint
rewrites is opened here with ``recalcTimestamp=False``: the subset keeps the dates of the font
file it came from, the same dates HarfBuzz keeps.
"""

from __future__ import annotations

from typing import Any

from fontTools.ttLib import TTFont
from weasyprint.pdf import fonts as weasyprint_fonts


class PinnedTTFont(TTFont):
    """A ``TTFont`` that keeps its ``head`` dates when saved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["recalcTimestamp"] = False
        super().__init__(*args, **kwargs)


def pin_font_dates() -> None:
    """Make WeasyPrint's font rewriting (subsetting, variable fonts, emoji) keep font dates.

    WeasyPrint looks ``TTFont`` up in its module's globals each time it opens a font, so
    replacing that one name covers every place it saves a font, whichever release it is.
    """
    if getattr(weasyprint_fonts, "TTFont", None) is not PinnedTTFont:
        weasyprint_fonts.TTFont = PinnedTTFont
