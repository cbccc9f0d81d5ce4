"""Reading grade level of a rendered document, measured with textstat.

Only the prose a reader reads counts: paragraphs, list items and table cells, up to the sources
section (titles of news stories and web addresses are not the document's own writing). Each
paragraph or list item is counted as a sentence even without a full stop, since a reader takes
a bullet as one thought. Citation markers and web addresses are removed first.

The formula comes from the language's strings file: Flesch-Kincaid for English, Crawford (years
of schooling) for Spanish, where English formulas overstate the grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.token import Token

from genkit.language.strings import FORMULA_NAMES, UiStrings

_CITATION = re.compile(r"\s*\[\d+(?:,\s*\d+)*\]")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_END = re.compile(r"[.!?:;…]\s*$")


@dataclass(frozen=True)
class Reading:
    """One document's measured grade, and the limit it is held to."""

    stem: str
    lang: str
    grade: float
    formula: str
    limit: float

    @property
    def over(self) -> bool:
        return self.grade > self.limit

    def describe(self) -> str:
        return (
            f"{self.stem}: reading grade {self.grade:.1f} ({FORMULA_NAMES[self.formula]}, "
            f"limit {self.limit:g})"
        )


def prose(tokens: list[Token], stop_heading: str) -> str:
    """The readable text of a document as sentences, one block per paragraph or list item."""
    blocks: list[str] = []
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            text = "".join(
                " " if c.type in ("softbreak", "hardbreak") else c.content
                for c in token.children or []
                if c.type in ("text", "code_inline", "softbreak", "hardbreak")
            )
            if in_heading:
                if text.strip().lower() == stop_heading.strip().lower():
                    break
                continue
            text = _URL.sub("", _CITATION.sub("", text)).strip()
            if text:
                blocks.append(text if _END.search(text) else text + ".")
    return "\n".join(blocks)


@lru_cache(maxsize=8)
def _measurer(language: str):  # a textstat instance set to one language
    from textstat.textstat import textstatistics

    measurer = textstatistics()
    measurer.set_lang(language)
    return measurer


def grade(text: str, ui: UiStrings) -> float:
    measurer = _measurer(ui.textstat_language)
    return round(float(getattr(measurer, ui.readability_formula)(text)), 1)


def measure(stem: str, lang: str, tokens: list[Token], ui: UiStrings, limit: float) -> Reading:
    return Reading(
        stem, lang, grade(prose(tokens, ui.sources_heading), ui), ui.readability_formula, limit
    )
