"""The funding plan's chart: cost against planned funding in each program year, the gap marked.

Drawn with genkit.charting's matplotlib settings (deterministic SVG and PNG, no dates or
software stamps), so the same plan gives the same bytes. matplotlib loads only when drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# One look for every chart in a bundle: the same colors, fonts and byte-stable output.
from genkit.charting import ACCENT, INK, chart
from genkit.figure import Figure
from genkit.funding.budget import Budget, profile_budget

if TYPE_CHECKING:
    from genkit.family import Loaded

STREAM_COLORS = ["#6a9a3a", "#9cc27a", "#3b7f8c", "#8cc3cc", "#c9a227", "#e3cf7c", "#8c6bb1"]
GAP = "#b3261e"


def _millions(value: float) -> str:
    return f"${value / 1e6:,.1f}M" if value >= 1e6 else f"${value / 1e3:,.0f}k"


def _clip(name: str, limit: int = 60) -> str:
    """A legend label cut at a word, so long stream names do not squeeze the plot."""
    if len(name) <= limit:
        return name
    return name[:limit].rsplit(" ", 1)[0] + "..."


def _draw(budget: Budget) -> Any:
    def draw(fig) -> None:
        from matplotlib.ticker import FuncFormatter

        ax = fig.add_subplot()
        n = len(budget.years)
        xs = list(range(n))
        width = 0.36
        costs = [y.cost for y in budget.years]
        ax.bar([x - width / 2 for x in xs], costs, width, color=ACCENT, label="Cost")
        bottom = [0.0] * n
        for i, row in enumerate(budget.fund_rows):
            ax.bar(
                [x + width / 2 for x in xs],
                row.amounts,
                width,
                bottom=bottom,
                color=STREAM_COLORS[i % len(STREAM_COLORS)],
                label=_clip(row.name),
            )
            bottom = [b + a for b, a in zip(bottom, row.amounts, strict=True)]
        top = max([*costs, *bottom, 1])
        for x, year in zip(xs, budget.years, strict=True):
            if year.gap > 0:  # the unfunded part, outlined above the funding bar
                ax.bar(
                    x + width / 2,
                    year.gap,
                    width,
                    bottom=year.funded,
                    fill=False,
                    edgecolor=GAP,
                    hatch=None,
                    linestyle="--",
                    linewidth=1.2,
                )
                ax.annotate(
                    f"Gap {_millions(year.gap)}",
                    (x + width / 2, year.cost),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    fontsize=8,
                    color=GAP,
                )
        ax.set_xticks(xs, [f"{y.label}\n{y.funded_share:.0%} funded" for y in budget.years])
        ax.set_ylim(0, top * 1.15)
        ax.set_ylabel("Dollars", color=INK)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _millions(v) if v else "0"))
        ax.legend(
            frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, fontsize=7.5
        )

    return draw


def funding_chart(loaded: Loaded) -> Figure | None:
    budget = profile_budget(loaded.profile)
    if budget is None or not budget.years:
        return None
    per_year = "; ".join(
        f"{y.label}: cost {_millions(y.cost)}, planned funding {_millions(y.funded)}"
        + (f", gap {_millions(y.gap)}" if y.gap > 0 else "")
        for y in budget.years
    )
    return chart(
        "funding-by-year",
        f"Bar chart of cost against planned funding in each program year, funding "
        f"stacked by stream. {per_year}.",
        "Cost and planned funding by program year; a dashed outline marks the gap.",
        _draw(budget),
        (7, 3.8),
    )


CHARTS = {"funding-by-year": funding_chart}
# The profile sections the chart is drawn from, for fact tracking.
READS = ("funding", "funding_streams", "staffing.positions")
