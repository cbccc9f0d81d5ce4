"""The funding plan and the RFP's cost estimate as templates see them: ``budget``,
``estimate``, ``cost_per_response`` and the ``funding-by-year`` chart.

Found by ``genkit.family.families()``; render names none of this.
"""

from __future__ import annotations

from typing import Any

from genkit.family import ContextName, Family, FigureSpec, Loaded
from genkit.funding.budget import BUDGET_READS, profile_budget
from genkit.funding.chart import READS as CHART_READS
from genkit.funding.chart import funding_chart
from genkit.funding.estimate import ESTIMATE_READS, build_estimate
from genkit.funding.per_response import PER_RESPONSE_READS, cost_per_response


def budget(loaded: Loaded) -> Any:
    """The funding plan's budget by program year, or None without a plan."""
    return None if loaded.profile.funding is None else profile_budget(loaded.profile)


def estimate(loaded: Loaded) -> Any:
    """The independent cost estimate of the RFP's coverage, or None when it asks for none."""
    procurement = loaded.profile.procurement
    if procurement is None or procurement.cost_estimate is None:
        return None
    return build_estimate(loaded.profile)


def per_response(loaded: Loaded) -> Any:
    """Cost per response from the funding plan and the expected responses, or None."""
    return cost_per_response(loaded.profile, loaded.calls_analysis)


FAMILY = Family(
    name="funding",
    context={
        "budget": ContextName(budget, tuple(BUDGET_READS)),
        "estimate": ContextName(estimate, tuple(ESTIMATE_READS)),
        "cost_per_response": ContextName(per_response, tuple(PER_RESPONSE_READS)),
    },
    figures={"funding-by-year": FigureSpec(funding_chart, CHART_READS, when="budget")},
)
