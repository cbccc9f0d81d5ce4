"""Rules for the funding plan: amounts fit the plan's years and add up to their totals, streams
exist and are used inside their deadlines, positions exist, and the contract lines stay within
the RFP ceiling. A gap between cost and funding is not an error: the plan shows it."""

from __future__ import annotations

from collections.abc import Iterator

from genkit.checks.registry import RuleResult, rule
from genkit.fieldpath import FieldPath
from genkit.language.formatting import date_long
from genkit.model import Profile

F = ("funding",)


def _amount_lists(profile: Profile) -> Iterator[tuple[FieldPath, list[float], float | None]]:
    funding = profile.funding
    for i, line in enumerate(funding.lines):
        yield ("lines", i), line.amounts, line.total
    for i, use in enumerate(funding.streams):
        yield ("streams", i), use.amounts, use.total


@rule(needs="funding")
def funding_amounts_fit_the_years(profile: Profile) -> RuleResult:
    funding = profile.funding
    for path, amounts, total in _amount_lists(profile):
        if len(amounts) != funding.years:
            yield (
                (*F, *path, "amounts"),
                (
                    f"gives {len(amounts)} yearly amounts, but the plan covers {funding.years} "
                    "years (funding.years); give one amount per year, 0 for none"
                ),
            )
        for j, amount in enumerate(amounts):
            if amount < 0:
                yield (*F, *path, "amounts", j), "an amount cannot be negative"
        if total is not None and abs(sum(amounts) - total) >= 0.5:
            yield (
                (*F, *path, "total"),
                (
                    f"the yearly amounts add up to {sum(amounts):,.0f} dollars, not the total of "
                    f"{total:,.0f}; correct the amounts or the total"
                ),
            )


@rule(needs="funding")
def funding_line_ids_unique(profile: Profile) -> RuleResult:
    funding = profile.funding
    seen: set[str] = set()
    for i, line in enumerate(funding.lines):
        if line.id in seen:
            yield (*F, "lines", i, "id"), f"id '{line.id}' is used more than once"
        seen.add(line.id)


@rule(needs="funding")
def funding_streams_known_and_in_time(profile: Profile) -> RuleResult:
    funding = profile.funding
    for i, use in enumerate(funding.streams):
        stream = profile.funding_streams.get(use.stream)
        if stream is None:
            known = ", ".join(sorted(profile.funding_streams)) or "none"
            yield (
                (*F, "streams", i, "stream"),
                (f"no funding stream '{use.stream}' in funding_streams (known: {known})"),
            )
            continue
        if not any(a > 0 for a in use.amounts):
            yield (
                (*F, "streams", i, "amounts"),
                (
                    f"plans no money from {stream.name}; give a positive amount in at least one "
                    "year, or remove the stream"
                ),
            )
        first = funding.year_start(0)
        if (
            stream.obligate_by is not None
            and use.status != "secured"
            and stream.obligate_by < first
        ):
            yield (
                (*F, "streams", i, "status"),
                (
                    f"{stream.name} could only be committed until {date_long(stream.obligate_by)}, "
                    f"before the plan starts on {date_long(first)}; only money already committed "
                    "can be planned (status: secured), otherwise use another stream"
                ),
            )
        if stream.spend_by is None:
            continue
        for j, amount in enumerate(use.amounts[: funding.years]):
            start = funding.year_start(j)
            if amount > 0 and stream.spend_by < start:
                yield (
                    (*F, "streams", i, "amounts", j),
                    (
                        f"{stream.name} must be spent by {date_long(stream.spend_by)}, before "
                        f"program year {j + 1} starts on {date_long(start)}; move this amount to "
                        "another stream or set it to 0"
                    ),
                )


@rule
def funding_stream_sources_exist(profile: Profile) -> RuleResult:
    if profile.funding is None:
        return  # the library ships in every profile; only a plan that uses it is checked
    for sid, stream in profile.funding_streams.items():
        for j, source in enumerate(stream.sources):
            if source not in profile.sources:
                yield (
                    ("funding_streams", sid, "sources", j),
                    (f"no source '{source}' under 'sources'"),
                )


@rule(needs="funding")
def funding_positions_exist(profile: Profile) -> RuleResult:
    funding = profile.funding
    known = {p.id for p in profile.staffing.positions}
    seen: set[str] = set()
    for i, pid in enumerate(funding.positions):
        if pid not in known:
            yield (
                (*F, "positions", i),
                (
                    f"no position '{pid}' in staffing.positions (known: "
                    f"{', '.join(sorted(known)) or 'none'})"
                ),
            )
        elif pid in seen:
            yield (*F, "positions", i), f"position '{pid}' is listed twice; it would be paid twice"
        seen.add(pid)


@rule
def contract_within_rfp_ceiling(profile: Profile) -> RuleResult:
    # The plan must not budget the operator above what the RFP says the jurisdiction will pay.
    # Several contract lines (a main contract and an amendment) count together.
    funding, proc = profile.funding, profile.procurement
    if funding is None or proc is None or proc.budget_ceiling <= 0:
        return  # no ceiling to compare with (a ceiling of 0 or less is its own error)
    contracts = [(i, line) for i, line in enumerate(funding.lines) if line.kind == "contract"]
    if not contracts:
        return
    last, line = contracts[-1]
    several = len(contracts) > 1
    subject = "the contract lines together" if several else "the contract"
    owner = "the contract lines'" if several else "the contract's"
    ceiling = f"{proc.budget_ceiling:,.0f}"
    if proc.budget_basis == "year":
        for j in range(funding.years):
            amount = sum(c.amounts[j] for _, c in contracts if j < len(c.amounts))
            if amount > proc.budget_ceiling:
                at = (j,) if j < len(line.amounts) else ()
                yield (
                    (*F, "lines", last, "amounts", *at),
                    (
                        f"{subject} cost{'' if several else 's'} {amount:,.0f} dollars in year "
                        f"{j + 1}, more than the RFP's yearly ceiling of {ceiling} "
                        "(procurement.budget_ceiling)"
                    ),
                )
        return
    term_years = max(1, round(proc.term_months / 12))
    total = sum(sum(c.amounts[:term_years]) for _, c in contracts)
    if total > proc.budget_ceiling:
        yield (
            (*F, "lines", last, "amounts"),
            (
                f"{owner} first {term_years} years cost {total:,.0f} dollars, more "
                f"than the RFP ceiling of {ceiling} for the initial term "
                "(procurement.budget_ceiling)"
            ),
        )
