"""Printing one value into a Markdown template: literal text, one run, its own spacing kept."""

from __future__ import annotations

import pytest

from genkit.render.text.escaping import markdown_value


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        # A template's own separator keeps the spaces around it.
        (" · 1 FTE at midpoint", " · 1 FTE at midpoint"),
        ("one  two", "one  two"),
        # Line breaks inside a value join its lines with one space, whichever break it is.
        ("first line\n  second line", "first line second line"),
        ("a \r\n b\n\nc", "a b c"),
        ("p\u2028q\x85r", "p q r"),
        # Breaks at the ends (a YAML block scalar ends with one) go, with the spaces beside them.
        ("folded text\n", "folded text"),
        ("\n  indented\n\n", "indented"),
    ],
)
def test_a_value_is_one_run_of_text_with_its_spacing(value: str, printed: str) -> None:
    assert str(markdown_value(value)) == printed


def test_a_value_never_starts_a_block_or_formatting() -> None:
    printed = str(markdown_value("# title\n- item *x* [a](b) <b>"))
    assert printed == "\\# title \\- item \\*x\\* \\[a\\]\\(b\\) &lt;b&gt;"
