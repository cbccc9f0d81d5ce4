"""Rules for CAD codes and the call analysis settings."""

from __future__ import annotations

from genkit.calls.classify import normalize
from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile


@rule
def cad_codes_unique(profile: Profile) -> RuleResult:
    """One exact CAD code may mean one thing only: an eligible type or an exclusion."""
    seen: dict[str, str] = {}
    program = profile.program
    for group, entries in (("call_types", program.call_types), ("exclusions", program.exclusions)):
        for i, entry in enumerate(entries):
            for j, code in enumerate(entry.cad_codes):
                key = normalize(code)
                owner = f"program.{group}[{i}] ({entry.id})"
                if key in seen and seen[key] != owner:
                    yield (
                        ("program", group, i, "cad_codes", j),
                        (
                            f"CAD code '{code}' is already listed under {seen[key]}; a code can "
                            "belong to one call type or exclusion only"
                        ),
                    )
                elif key in seen:
                    yield (
                        ("program", group, i, "cad_codes", j),
                        (f"CAD code '{code}' is listed twice"),
                    )
                seen.setdefault(key, owner)
            for j, pattern in enumerate(entry.patterns):
                if not pattern.replace("*", "").replace("?", "").strip():
                    yield (
                        ("program", group, i, "patterns", j),
                        (f"pattern '{pattern}' matches every call type; name some text in it"),
                    )


@rule
def demand_sources_not_officer_initiated(profile: Profile) -> RuleResult:
    if profile.calls is None:
        return
    officer = {v.casefold() for v in profile.calls.officer_initiated}
    for i, value in enumerate(profile.calls.demand_sources):
        if value.casefold() in officer:
            yield (
                ("calls", "demand_sources", i),
                (
                    f"'{value}' is also listed under officer_initiated; a source is either 911 "
                    "demand or officer-initiated"
                ),
            )
