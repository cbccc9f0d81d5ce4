"""Accessible HTML tables: header cells carry ``scope``, and a table wide enough to scroll
sideways sits in a keyboard-focusable, named region (axe: scrollable-region-focusable)."""

from __future__ import annotations

import re
from pathlib import Path

from genkit.render.formats.html import body_html
from genkit.render.formats.markdown import parser


def _html(markdown: str) -> str:
    return body_html(parser().parse(markdown))


WIDE = "| a | b | c | d | e |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n"
NARROW = "| a | b |\n|---|---|\n| 1 | 2 |\n"


def test_header_cells_have_column_scope() -> None:
    html = _html(NARROW)
    assert len(re.findall(r"<th[ >]", html)) == 2
    assert html.count('scope="col"') == 2


def test_a_wide_table_is_a_focusable_region_named_after_its_heading() -> None:
    html = _html(f"## Fields & codes\n\n{WIDE}\n{WIDE}")
    wraps = re.findall(r'<div class="table-wrap"[^>]*>', html)
    assert wraps == [
        '<div class="table-wrap" role="region" tabindex="0" aria-label="Fields &amp; codes">',
        '<div class="table-wrap" role="region" tabindex="0" aria-label="Fields &amp; codes (2)">',
    ]


def test_a_narrow_table_is_no_tab_stop() -> None:
    assert "tabindex" not in _html(f"## Small\n\n{NARROW}")


def test_the_data_dictionary_table_can_be_scrolled_from_the_keyboard(run, project: Path) -> None:
    result = run("build", "town", "--only", "data-dictionary", "--format", "html", "-q")
    assert result.exit_code == 0, result.output
    html = (project / "build/town/data/data-dictionary.html").read_text()
    first = re.search(r'<div class="table-wrap"[^>]*>', html).group(0)
    assert 'tabindex="0"' in first and 'role="region"' in first
    assert re.search(r'aria-label="[^"]+"', first)
    assert all('scope="' in cell for cell in re.findall(r"<th[ >][^>]*>", html))
