"""The funding plan's arithmetic: cost rows by program year, funding by year, and the gap.

One module computes it so that the document, the chart and the checks all show and verify the
same numbers. Personnel rows come from ``staffing.positions`` (FTE x pay midpoint x fringe),
so the budget cannot drift from the staffing plan. Amounts are whole dollars.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from genkit.model.funding import HOURS_PER_YEAR, KIND_NAMES, STATUS_NAMES, Funding

# The sections a budget is computed from: what a document or figure using it has read.
BUDGET_READS: list[tuple[str, ...]] = [
    ("funding",),
    ("funding_streams",),
    ("staffing", "positions"),
]


@dataclass(frozen=True)
class Row:
    """One line of the budget: a cost (kind: personnel, vehicles, ...) or a funding row (kind:
    the id of the stream it draws on)."""

    name: str
    kind: str
    amounts: list[int]
    note: str | None = None
    status: str | None = None
    stream: Any = None  # the FundingStream a funding row draws on

    @property
    def total(self) -> int:
        return sum(self.amounts)

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status or "", self.status or "")


@dataclass(frozen=True)
class Year:
    number: int
    start: dt.date
    end: dt.date
    cost: int
    funded: int

    @property
    def label(self) -> str:
        return f"Year {self.number}"

    @property
    def gap(self) -> int:
        """What no stream pays for; negative when planned funding exceeds cost."""
        return self.cost - self.funded

    @property
    def funded_share(self) -> float:
        return self.funded / self.cost if self.cost else 0.0


def _padded(amounts: list[float], years: int) -> list[int]:
    # Amounts past the plan's years are ignored and missing ones count as 0 here; the checks
    # report both, so a document is never built from a mismatched list.
    return [round(a) for a in amounts[:years]] + [0] * (years - len(amounts))


def yearly_pay(position: Any) -> float:
    """Midpoint of the pay range, as a yearly amount."""
    mid = (position.pay.min + position.pay.max) / 2
    return mid * HOURS_PER_YEAR if position.pay.period == "hour" else mid


def personnel_rows(positions: list[Any], funding: Funding) -> list[Row]:
    by_id = {p.id: p for p in positions}
    growth = 1 + funding.raise_percent / 100
    rows = []
    for pid in funding.positions:
        position = by_id.get(pid)
        if position is None:
            continue  # reported by the funding checks
        base = position.fte * yearly_pay(position) * (1 + funding.fringe_rate)
        amounts = [round(base * growth**y) for y in range(funding.years)]
        note = (
            f"{position.fte:g} FTE at ${yearly_pay(position):,.0f} (pay midpoint) plus "
            f"{funding.fringe_rate:.0%} benefits"
        )
        rows.append(Row(position.title, "personnel", amounts, note))
    return rows


@dataclass(frozen=True)
class Budget:
    years: list[Year]
    cost_rows: list[Row]
    fund_rows: list[Row]

    @property
    def total_cost(self) -> int:
        return sum(y.cost for y in self.years)

    @property
    def total_funded(self) -> int:
        return sum(y.funded for y in self.years)

    @property
    def total_gap(self) -> int:
        return self.total_cost - self.total_funded

    @property
    def funded_share(self) -> float:
        return self.total_funded / self.total_cost if self.total_cost else 0.0

    @property
    def gap_years(self) -> list[Year]:
        return [y for y in self.years if y.gap > 0]

    def kind_totals(self) -> list[Row]:
        """Cost rows summed by kind (personnel, vehicles, ...), in a fixed order."""
        out = []
        for kind, name in KIND_NAMES.items():
            rows = [r for r in self.cost_rows if r.kind == kind]
            if rows:
                sums = [sum(r.amounts[y] for r in rows) for y in range(len(self.years))]
                out.append(Row(name, kind, sums))
        return out

    def deadline_in_year(self, row: Row) -> Year | None:
        """The year in which a stream's spending deadline falls, if it falls inside the plan."""
        spend_by = row.stream.spend_by if row.stream is not None else None
        if spend_by is None:
            return None
        return next((y for y in self.years if y.start <= spend_by < y.end), None)


def build_budget(
    funding: Funding | None, positions: list[Any], streams: dict[str, Any]
) -> Budget | None:
    if funding is None:
        return None
    n = funding.years
    cost_rows = personnel_rows(positions, funding) + [
        Row(line.name, line.kind, _padded(line.amounts, n), line.note) for line in funding.lines
    ]
    fund_rows = []
    for use in funding.streams:
        stream = streams.get(use.stream)
        name = stream.name if stream is not None else use.stream
        fund_rows.append(
            Row(name, use.stream, _padded(use.amounts, n), use.note, use.status, stream)
        )
    years = [
        Year(
            y + 1,
            funding.year_start(y),
            funding.year_end(y),
            sum(r.amounts[y] for r in cost_rows),
            sum(r.amounts[y] for r in fund_rows),
        )
        for y in range(n)
    ]
    return Budget(years, cost_rows, fund_rows)


def profile_budget(profile: Any) -> Budget | None:
    """The budget of a validated profile, or None when it has no funding plan."""
    return build_budget(profile.funding, profile.staffing.positions, profile.funding_streams)
