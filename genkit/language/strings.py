"""Per-language words: what the layout adds, and how the language writes hours and numbers.

Each language has a strings file, ``templates/_common/strings/LANG.yaml``, found on the template
search path like any template, so a city can add a language (or reword one) without touching
Python. It holds the page furniture (sample banner, "Page X of Y", footer), the words used to
write service hours, the locale that formats dates and numbers, Word's language tag, and the
readability formula suited to the language.

genkit.language.formatting writes dates, numbers and lists with these strings.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from genkit.errors import Problem, TemplateError
from genkit.fieldpath import shown as dotted
from genkit.load.model_errors import problems_from
from genkit.load.strict_yaml import parse_yaml_text
from genkit.model.base import Model, ShortText, Text
from genkit.model.program import Day

STRINGS_DIR = "_common/strings"
ReadabilityFormula = Literal[
    "flesch_kincaid_grade",
    "crawford",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
]
FORMULA_NAMES = {
    "flesch_kincaid_grade": "Flesch-Kincaid",
    "crawford": "Crawford",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
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


def load_strings(dirs: list[Path], lang: str, display=str) -> UiStrings | None:
    """The strings of a language, or None when no folder on the search path has them."""
    path = strings_path(dirs, lang)
    return None if path is None else _parse(path, display(path))


@lru_cache(maxsize=32)
def _parse_cached(text: str, shown: str) -> UiStrings:
    doc = parse_yaml_text(text, shown)
    try:
        return UiStrings.model_validate(doc.data)
    except ValidationError as exc:

        def place(loc: tuple, message: str) -> Problem:
            line, col = doc.where(loc)
            return Problem(shown, line, col, dotted(loc), message)

        raise TemplateError(problems_from(exc, UiStrings, place)) from None


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
