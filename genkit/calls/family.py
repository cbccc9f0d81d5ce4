"""The 911 call analysis as templates see it: ``calls_analysis`` and the ``calls-*`` charts.

Found by ``genkit.family.families()``; render names none of this.
"""

from __future__ import annotations

from typing import Any

from genkit.calls.charts import CHARTS
from genkit.family import ContextName, Family, FigureSpec, Loaded

# What every call chart is drawn from, read whole. (``decision_tree`` too: the one list every
# figure but the funding chart has always declared; the bundles' read sets keep it.)
CHART_READS = ("decision_tree", "calls", "program")


def _analysis(loaded: Loaded) -> Any:
    """The stored analysis with its counts already suppressed; None until ``genkit calls``."""
    return loaded.calls_analysis


FAMILY = Family(
    name="calls",
    context={"calls_analysis": ContextName(_analysis, reads=(("calls",), ("program",)))},
    figures={
        name: FigureSpec(build, CHART_READS, when="calls_analysis")
        for name, build in CHARTS.items()
    },
)
