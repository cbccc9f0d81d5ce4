"""Cost per response: what the program's budget buys, per call a team takes.

cost per response = the funding plan's cost in its last program year (full service, after the
ramp-up) ÷ the responses expected in a year. Expected responses are the eligible calls times
the target share reached (``share-eligible-handled``), or, with no target or no eligible count,
the calls the teams reach today (``call_volumes``). With no published counts, the stored call
analysis (``calls_analysis``: eligible calls a year scaled from the export's period) gives the
eligible calls instead, and the basis says so. The evaluation plan tracks the same figure as the
cost-per-response metric, so the funding plan, the evaluation plan and the partner brief all
state one value.

The numerator is the whole program's cost (every funding-plan line, phone clinicians and care
navigators included) while the denominator counts field responses only, so documents call the
figure the program cost per field response, never the cost of one response.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from genkit.funding.budget import build_budget

# What a document showing the figure has read.
PER_RESPONSE_READS: list[tuple[str, ...]] = [
    ("funding",),
    ("staffing", "positions"),
    ("call_volumes",),
    ("metrics",),
    ("calls",),
    ("program",),
]
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four"}


@dataclass(frozen=True)
class PerResponse:
    year_label: str
    cost: int
    responses: int
    responses_basis: str  # how the responses were worked out, in words

    @property
    def value(self) -> int:
        return round(self.cost / self.responses)


def expected_responses(profile: Any, analysis: Any = None) -> tuple[int, str] | None:
    reach = next((m.target for m in profile.metrics if m.id == "share-eligible-handled"), None)
    volumes = profile.call_volumes
    if volumes is None or volumes.current is None:
        return _from_analysis(analysis, reach)
    expected = volumes.expected(reach)
    if expected is not None:
        return (
            round(expected[0]),
            f"{volumes.eligible:,.0f} eligible calls a year × the target share reached, "
            f"{reach:.0%}",
        )
    if volumes.reached is not None:
        return round(volumes.reached), f"the calls the teams reach now, {volumes.current.period}"
    return _from_analysis(analysis, reach)


def _from_analysis(analysis: Any, reach: float | None) -> tuple[int, str] | None:
    """Eligible calls a year from the stored call analysis × the reach target, or None."""
    eligible = analysis.eligible_per_year.shown if analysis is not None else None
    if not eligible or reach is None or analysis.first_day is None:
        return None
    return (
        round(eligible * reach),
        f"{eligible:,} eligible calls a year estimated from {_span(analysis)} calls × the "
        f"target share reached, {reach:.0%}",
    )


def _span(analysis: Any) -> str:
    """'one week of 2019', '30 days of 2019-2020': the period the yearly figure is scaled from."""
    days, first, last = analysis.days, analysis.first_day, analysis.last_day
    weeks, rest = divmod(days, 7)
    length = (
        f"{NUMBERS.get(weeks, weeks)} week{'s' if weeks > 1 else ''}"
        if weeks and not rest
        else f"{days} day{'s' if days > 1 else ''}"
    )
    years = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    return f"{length} of {years}"


def cost_per_response(profile: Any, analysis: Any = None) -> PerResponse | None:
    """The figure, or None when the budget or the expected responses are missing; ``analysis``
    is the stored call analysis (``Loaded.calls_analysis``), used without published counts."""
    if profile.funding is None:
        return None
    found = expected_responses(profile, analysis)
    if not found or not found[0]:
        return None
    budget = build_budget(profile.funding, profile.staffing.positions, profile.funding_streams)
    last = budget.years[-1]  # type: ignore[union-attr]
    return PerResponse(last.label, last.cost, found[0], found[1])
