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
    from genkit.figure import Figure
    from genkit.load.profiles import LoadedProfile

Builder = Callable[["LoadedProfile"], "Figure | None"]


def _registry() -> dict[str, Builder]:
    from genkit.calls.charts import CHARTS
    from genkit.decision_tree.diagram import diagram_figure
    from genkit.funding.chart import CHARTS as FUNDING_CHARTS

    return {**CHARTS, "decision-tree": diagram_figure, **FUNDING_CHARTS}


# The profile sections each figure is drawn from (fact tracking); the rest draw from these.
_DEFAULT_READS = ("decision_tree", "calls", "program")


def figure_reads(name: str) -> tuple[str, ...]:
    """Dotted paths a figure reads whole, so a change there re-renders its documents."""
    if name.startswith("funding-"):
        from genkit.funding.chart import READS

        return READS
    return _DEFAULT_READS


def figure_names() -> list[str]:
    return sorted(_registry())


def make_figure(name: str, loaded: LoadedProfile) -> Figure | None:
    """The named figure for this jurisdiction; None when its data is absent. KeyError if unknown."""
    return _registry()[name](loaded)
