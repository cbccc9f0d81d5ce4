"""Cross-field rules for the parts of the profile every document shares."""

from __future__ import annotations

from collections import Counter

from genkit.checks.registry import RuleResult, rule
from genkit.fieldpath import exists
from genkit.model import Profile


def _duplicates(ids: list[str]) -> list[str]:
    return [i for i, n in Counter(ids).items() if n > 1]


@rule
def unique_ids(profile: Profile) -> RuleResult:
    groups = {
        ("program", "call_types"): [c.id for c in profile.program.call_types],
        ("program", "exclusions"): [e.id for e in profile.program.exclusions],
        ("stakeholders",): [s.id for s in profile.stakeholders],
        ("evidence",): [e.id for e in profile.evidence],
    }
    for path, ids in groups.items():
        for dup in _duplicates(ids):
            yield (*path, ids.index(dup), "id"), f"id '{dup}' is used more than once"


@rule
def sources_exist(profile: Profile) -> RuleResult:
    known = set(profile.sources)
    for i, item in enumerate(profile.evidence):
        for j, source in enumerate(item.sources):
            if source not in known:
                yield ("evidence", i, "sources", j), f"no source '{source}' under 'sources'"
    data = profile.model_dump(mode="json")
    for path, ids in profile.citations.items():
        if not exists(data, path):
            yield ("citations", path), f"'{path}' names no field of this profile"
        for j, source in enumerate(ids):
            if source not in known:
                yield ("citations", path, j), f"no source '{source}' under 'sources'"
    for i, path in enumerate(profile.illustrative):
        if not exists(data, path):
            yield ("illustrative", i), f"'{path}' names no field of this profile"


@rule
def hours_make_sense(profile: Profile) -> RuleResult:
    hours = profile.program.hours
    if not hours.always and not hours.days:
        yield ("program", "hours", "days"), "list at least one day, or set always: true"
    if not hours.always and hours.start == hours.end:
        yield (
            ("program", "hours", "end"),
            ("start and end are the same time; for round-the-clock service set always: true"),
        )


@rule
def sample_profiles_say_so(profile: Profile) -> RuleResult:
    # A sample describes a real place: its facts must be traceable to a published source.
    if profile.status == "sample" and not profile.sources:
        yield ("sources",), "a sample profile must list the sources its facts come from"
