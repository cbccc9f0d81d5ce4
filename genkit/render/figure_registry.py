"""The figures templates may place with a ```` ```figure name=... ```` block, by name.

A template names a figure; the picture itself, its alternative text and its caption come from
Python, built from the profile and the stored call analysis. So no profile value ever reaches
a fence line (where Markdown escapes would show) or SVG markup (where it could inject code).
Which figures exist, what each is drawn from and how is the document families' to say
(``genkit/<package>/family.py``, found by ``genkit.family.families()``); render names none.
The families import their drawing code, never a plotting library: that loads when a figure is
drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from genkit.family import FigureSpec, figure_specs

if TYPE_CHECKING:
    from genkit.figure import Figure
    from genkit.load.profiles import LoadedProfile


def figure_spec(name: str) -> FigureSpec | None:
    """How the named figure is built and what it reads; None for a name no family declares."""
    return figure_specs().get(name)


def figure_names() -> list[str]:
    return sorted(figure_specs())


def make_figure(name: str, loaded: LoadedProfile) -> Figure | None:
    """The named figure for this jurisdiction; None when its data is absent. KeyError if unknown."""
    return figure_specs()[name].build(loaded)
