"""Text formatting has one name per operation: ``date_long``, ``join_and``, ``clock``, each the
same in Python and in templates, in the document's language."""

from __future__ import annotations

import datetime as dt

import jinja2
import pytest

from genkit.language.formatting import clock, date_long, hours_text, join_and, month_year
from genkit.language.strings import builtin_strings
from genkit.render.templating import make_env
from genkit.render.text import filters

EN, ES = builtin_strings("en"), builtin_strings("es")
JUNE_27 = dt.date(2022, 6, 27)


def test_a_date_written_out_is_english_without_a_language_and_the_languages_own_with_one() -> None:
    assert date_long(JUNE_27) == "27 June 2022" == date_long(JUNE_27, EN)
    assert date_long(JUNE_27, ES) == "27 de junio de 2022"
    assert month_year(JUNE_27, EN) == "June 2022"


@pytest.mark.parametrize(
    ("items", "word", "joined"),
    [
        ([], "and", ""),
        (["a"], "and", "a"),
        (["a", "b"], "and", "a and b"),
        (["a", "b", "c"], "and", "a, b and c"),
        (["a", "b", "c"], "or", "a, b or c"),
        (["a", "b"], ES.list_and, "a y b"),
    ],
)
def test_join_and_joins_the_last_two_with_its_word(
    items: list[str], word: str, joined: str
) -> None:
    assert join_and(items, word) == joined


@pytest.mark.parametrize(
    ("value", "english", "spanish"),
    [
        ("21:00", "9 pm", "9 p.m."),
        ("09:30", "9:30 am", "9:30 a.m."),
        ("12:00", "noon", "mediodía"),
        ("24:00", "midnight", "medianoche"),
    ],
)
def test_clock_says_a_time_as_residents_do(value: str, english: str, spanish: str) -> None:
    assert clock(value, EN) == english
    assert clock(value, ES) == spanish


def test_hours_in_another_language_list_the_days_with_its_word_for_and() -> None:
    from genkit.model.program import Hours

    hours = Hours(start="09:00", end="17:00", days=["mon", "wed"])
    assert hours_text(hours, ES) == "de 9 a.m. a 5 p.m., lunes y miércoles (8 horas al día)"


def test_templates_get_the_same_names_and_no_look_alikes() -> None:
    assert {"date_long", "join_and", "clock"} <= set(filters.FILTERS)
    env = make_env(
        jinja2.DictLoader(
            {
                "t": (
                    "{{ d | date_long }}; {{ xs | join_and }}; {{ xs | join_and(ui.list_and) }}; "
                    "{{ '21:00' | clock }}"
                )
            }
        )
    )
    context = {"d": JUNE_27, "xs": ["a", "b"]}
    assert env.get_template("t").render(ui=EN, **context) == "27 June 2022; a and b; a and b; 9 pm"
    assert (
        env.get_template("t").render(ui=ES, **context)
        == "27 de junio de 2022; a and b; a y b; 9 p\\.m\\."
    )
