"""Rules for the RFP packet: evaluation that maps onto the proposal, a usable rubric, payment.

A criterion that scores no part of the proposal cannot be scored fairly, and a part no criterion
scores is work proposers do for nothing; panel members cannot tell two rubric levels with the
same label apart. Each problem is reported at the line that must change.
"""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile

P = ("procurement",)


@rule(needs="procurement")
def criteria_map_onto_proposal_parts(profile: Profile) -> RuleResult:
    proc = profile.procurement
    parts = proc.submission.parts
    part_ids = [p.id for p in parts]
    for i, pid in enumerate(part_ids):
        if pid in part_ids[:i]:
            yield (*P, "submission", "parts", i, "id"), f"part id '{pid}' is used more than once"
    scored: set[str] = set()
    for i, criterion in enumerate(proc.evaluation.criteria):
        if not criterion.scores:
            yield (
                (*P, "evaluation", "criteria", i),
                (
                    f"'{criterion.name}' names no proposal part it scores; add scores: with ids "
                    f"from procurement.submission.parts ({', '.join(part_ids)})"
                ),
            )
        for j, pid in enumerate(criterion.scores):
            if pid not in part_ids:
                yield (
                    (*P, "evaluation", "criteria", i, "scores", j),
                    (f"'{pid}' is not a proposal part; the parts are {', '.join(part_ids)}"),
                )
            scored.add(pid)
    for i, part in enumerate(parts):
        if part.id not in scored:
            yield (
                (*P, "submission", "parts", i),
                (
                    f"no evaluation criterion scores the part '{part.name}'; name '{part.id}' "
                    "under "
                    "a criterion's scores:, or drop the part"
                ),
            )


@rule(needs="procurement")
def rubric_levels_are_distinct(profile: Profile) -> RuleResult:
    proc = profile.procurement
    scale = proc.evaluation.scale
    for i, level in enumerate(scale):
        for earlier in scale[:i]:
            if earlier.label.strip().lower() == level.label.strip().lower():
                yield (
                    (*P, "evaluation", "scale", i, "label"),
                    (
                        f"scores {earlier.score} and {level.score} are both labeled "
                        f"'{level.label}'; give each level its own label"
                    ),
                )
            if earlier.score == level.score:
                yield (
                    (*P, "evaluation", "scale", i, "score"),
                    (f"score {level.score} is listed twice"),
                )


@rule
def payment_is_complete(profile: Profile) -> RuleResult:
    proc = profile.procurement
    if proc is None or proc.payment is None:
        return
    pay = proc.payment
    if pay.basis == "unit_rate" and not pay.unit:
        yield (
            (*P, "payment", "basis"),
            ("a unit_rate basis needs the unit it pays for, e.g. unit: staffed team-hour"),
        )
    # (a ceiling of zero or less is reported by the procurement rules, once)
    if (
        pay.startup.limit is not None
        and proc.budget_ceiling > 0
        and pay.startup.limit >= proc.budget_ceiling
    ):
        yield (
            (*P, "payment", "startup", "limit"),
            ("the start-up limit must be less than the budget ceiling"),
        )
    if not pay.startup.payable and (pay.startup.items or pay.startup.limit):
        yield (
            (*P, "payment", "startup", "payable"),
            (
                "start-up items or a limit are listed, but payable is false; set payable: true or "
                "remove them"
            ),
        )


@rule
def clauses_exist_and_fill(profile: Profile) -> RuleResult:
    proc = profile.procurement
    library = profile.procurement_clauses
    for cid, entry in library.items():
        yield from _unknown_placeholders(("procurement_clauses", cid, "text"), entry.text)
        for state, text in entry.states.items():
            yield from _unknown_placeholders(("procurement_clauses", cid, "states", state), text)
    if proc is None:
        return
    known = ", ".join(sorted(library))
    for cid, text in proc.packet.clauses.items():
        if cid not in library:
            yield (
                (*P, "packet", "clauses", cid),
                (f"no clause '{cid}' in procurement_clauses; the clauses are {known}"),
            )
        yield from _unknown_placeholders((*P, "packet", "clauses", cid), text)
    for i, cid in enumerate(proc.packet.omit_clauses):
        if cid not in library:
            yield (
                (*P, "packet", "omit_clauses", i),
                (f"no clause '{cid}' in procurement_clauses; the clauses are {known}"),
            )


def _unknown_placeholders(path: tuple, text: str) -> RuleResult:
    from genkit.packet.clauses import NAMES, PLACEHOLDER

    for match in PLACEHOLDER.finditer(text):
        if match.group(1) not in NAMES:
            yield (
                path,
                (
                    f"{{{match.group(1)}}} is not a value genkit can fill in; use "
                    f"{', '.join('{' + n + '}' for n in NAMES)}"
                ),
            )
