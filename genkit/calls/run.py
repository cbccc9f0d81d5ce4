"""``genkit calls NAME EXPORT``: read an export, store the tally, tell staff what was found.

The stored analysis is written only after the whole export has been read without a problem,
and then in one atomic rename, so a bad or cut-off export leaves the previous analysis as it was.
"""

from __future__ import annotations

from pathlib import Path

from genkit.calls.classify import Classifier
from genkit.calls.reader import read_export
from genkit.calls.store import FILE_NAME, save
from genkit.checks.validate import load_profile
from genkit.errors import Problem, ProfileError
from genkit.paths import SearchPath

SHOW_UNMATCHED = 25


def run_calls(name: str, csv_path: Path, search: SearchPath) -> tuple[Path, str]:
    """Analyze ``csv_path`` for jurisdiction ``name``; return the file written and a report."""
    loaded = load_profile(name, search)
    profile = loaded.profile
    if profile.calls is None:
        where = loaded.located.where(())
        raise ProfileError([Problem(where[0], 0, 0, "calls",
                                    "the profile has no 'calls:' section; add one with the "
                                    "export's column names and date format")])
    if loaded.folder.resolve().is_relative_to(search.builtin.resolve()) and \
            search.roots[0] != search.builtin:
        raise ProfileError(f"'{name}' is a built-in sample; copy it into ./jurisdictions to "
                           "keep an analysis of your own")
    tally = read_export(csv_path, profile.calls, loaded.located.problem,
                        search.display(csv_path))
    data = tally.to_json()
    path = save(loaded.folder, data)
    return path, report(data, loaded.profile, search.display(path))


def report(data: dict, profile, shown: str) -> str:  # noqa: ANN001
    meta, types = data["meta"], data["types"]
    classify = Classifier(profile.program)
    eligible = sum(t["calls"] for c, t in types.items() if classify(c).status == "eligible")
    excluded = sum(t["calls"] for c, t in types.items() if classify(c).status == "excluded")
    unmatched = sorted(((t["calls"], c) for c, t in types.items()
                        if classify(c).status == "unmatched"), key=lambda x: (-x[0], x[1]))
    demand = meta["demand"]
    pct = f" ({eligible / demand:.1%} of 911 demand)" if demand else ""
    lines = [
        f"read {meta['rows']:,} rows of {meta['file']} ({meta['first_day']} to "
        f"{meta['last_day']})",
        f"  {demand:,} calls count as 911 demand; left out: {meta['officer_initiated']:,} "
        f"officer-initiated, {meta['other_sources']:,} from other sources"
        if meta["columns"].get("source") else
        f"  {demand:,} calls count as 911 demand (the profile maps no source column, so "
        "officer-initiated calls cannot be left out)",
        f"  eligible: {eligible:,}{pct}; excluded: {excluded:,}; unmatched: "
        f"{sum(n for n, _ in unmatched):,} in {len(unmatched):,} call types",
    ]
    if unmatched:
        lines.append("  call types that match no eligible type or exclusion (add them to "
                     "program.call_types or program.exclusions, as cad_codes or patterns):")
        lines += [f"    {n:>9,}  {c}" for n, c in unmatched[:SHOW_UNMATCHED]]
        if len(unmatched) > SHOW_UNMATCHED:
            lines.append(f"    ... and {len(unmatched) - SHOW_UNMATCHED:,} more (all are in "
                         f"{FILE_NAME})")
    lines.append(f"wrote {shown}; build the bundle to see the 911 call analysis document")
    return "\n".join(lines)
