"""Cost per response: what the program's budget buys, per call a team takes.

cost per response = the funding plan's cost in its last program year (full service, after the
ramp-up) ÷ the responses expected in a year. Expected responses are the eligible calls times
the target share reached (``share-eligible-handled``), or, with no target or no eligible count,
the calls the teams reach today (``call_volumes``). The evaluation plan tracks the same figure
as the cost-per-response metric, so the funding plan, the evaluation plan and the partner brief
all state one value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from genkit.funding.budget import build_budget

# What a document showing the figure has read.
PER_RESPONSE_READS: list[tuple[str, ...]] = [
    ("funding",), ("staffing", "positions"), ("call_volumes",), ("metrics",)]


@dataclass(frozen=True)
class PerResponse:
    year_label: str
    cost: int
    responses: int
    responses_basis: str  # how the responses were worked out, in words

    @property
    def value(self) -> int:
        return round(self.cost / self.responses)


def expected_responses(profile: Any) -> tuple[int, str] | None:
    volumes = profile.call_volumes
    if volumes is None or volumes.current is None:
        return None
    reach = next((m.target for m in profile.metrics if m.id == "share-eligible-handled"), None)
    expected = volumes.expected(reach)
    if expected is not None:
        return (round(expected[0]),
                f"{volumes.eligible:,.0f} eligible calls a year × the target share reached, "
                f"{reach:.0%}")
    if volumes.reached is not None:
        return round(volumes.reached), f"the calls the teams reach now, {volumes.current.period}"
    return None


def cost_per_response(profile: Any) -> PerResponse | None:
    if profile.funding is None:
        return None
    found = expected_responses(profile)
    if not found or not found[0]:
        return None
    budget = build_budget(profile.funding, profile.staffing.positions, profile.funding_streams)
    last = budget.years[-1]  # type: ignore[union-attr]
    return PerResponse(last.label, last.cost, found[0], found[1])
