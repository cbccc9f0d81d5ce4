"""What ``genkit calls`` tells staff after reading an export: rows read, demand, eligible,
excluded, and the call types that match nothing (so they can add them to the profile).

The command itself (load the profile, read, store) is ``genkit.cli.calls_command``: it loads a
profile, which a domain package below ``load`` must not do.
"""

from __future__ import annotations

from genkit.calls.classify import Classifier
from genkit.calls.store import FILE_NAME

SHOW_UNMATCHED = 25


def report(data: dict, profile, shown: str) -> str:
    """The summary printed after an export was read and ``shown`` (its display path) written."""
    meta, types = data["meta"], data["types"]
    classify = Classifier(profile.program)
    eligible = sum(t["calls"] for c, t in types.items() if classify(c).status == "eligible")
    excluded = sum(t["calls"] for c, t in types.items() if classify(c).status == "excluded")
    unmatched = sorted(
        ((t["calls"], c) for c, t in types.items() if classify(c).status == "unmatched"),
        key=lambda x: (-x[0], x[1]),
    )
    demand = meta["demand"]
    pct = f" ({eligible / demand:.1%} of 911 demand)" if demand else ""
    lines = [
        f"read {meta['rows']:,} rows of {meta['file']} ({meta['first_day']} to {meta['last_day']})",
        f"  {demand:,} calls count as 911 demand; left out: {meta['officer_initiated']:,} "
        f"officer-initiated, {meta['other_sources']:,} from other sources"
        if meta["columns"].get("source")
        else f"  {demand:,} calls count as 911 demand (the profile maps no source column, so "
        "officer-initiated calls cannot be left out)",
        f"  eligible: {eligible:,}{pct}; excluded: {excluded:,}; unmatched: "
        f"{sum(n for n, _ in unmatched):,} in {len(unmatched):,} call types",
    ]
    if unmatched:
        lines.append(
            "  call types that match no eligible type or exclusion (add them to "
            "program.call_types or program.exclusions, as cad_codes or patterns):"
        )
        lines += [f"    {n:>9,}  {c}" for n, c in unmatched[:SHOW_UNMATCHED]]
        if len(unmatched) > SHOW_UNMATCHED:
            lines.append(
                f"    ... and {len(unmatched) - SHOW_UNMATCHED:,} more (all are in {FILE_NAME})"
            )
    lines.append(f"wrote {shown}; build the bundle to see the 911 call analysis document")
    return "\n".join(lines)
