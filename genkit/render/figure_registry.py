"""The figures templates may place with a ```` ```figure name=... ```` block, by name.

A template names a figure; the picture itself, its alternative text and its caption come from
Python, built from the profile and the stored call analysis. So no profile value ever reaches
a fence line (where Markdown escapes would show) or SVG markup (where it could inject code).
The domain packages that draw them (``calls``, ``decision_tree``) are imported only when a
figure is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from genkit.load.profiles import LoadedProfile
    from genkit.render.figure import Figure

Builder = Callable[["LoadedProfile"], "Figure | None"]


def _registry() -> dict[str, Builder]:
    from genkit.calls.charts import CHARTS
    from genkit.decision_tree.diagram import diagram_figure

    return {**CHARTS, "decision-tree": diagram_figure}


def figure_names() -> list[str]:
    return sorted(_registry())


def make_figure(name: str, loaded: LoadedProfile) -> Figure | None:
    """The named figure for this jurisdiction; None when its data is absent. KeyError if unknown."""
    return _registry()[name](loaded)
