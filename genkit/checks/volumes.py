"""Rules for call volumes and the metrics that depend on them: figures of one period agree, no
more calls are missed than exist, a volume metric's baseline is derived rather than typed again,
and every target is at least as good as its baseline."""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile
from genkit.model.volumes import VOLUME_METRICS, VolumeSet

V = ("call_volumes",)
# Typed figures that disagree by more than this share are two different facts, not rounding.
TOLERANCE = 0.01


def _show(name: str, value: float) -> str:
    return f"{value:.1%}" if name == "reach_rate" else f"{value:,.0f}"


def _set_problems(i: int, item: VolumeSet) -> RuleResult:
    at = (*V, "sets", i)
    e, r, m = item.eligible, item.reached, item.missed
    for name, value in (("reached", r), ("missed", m)):
        if value is not None and e is not None and value > e:
            yield (
                (*at, name),
                (
                    f"{name} ({value:,.0f}) is more than the eligible calls ({e:,.0f}) of the same "
                    "period; a set's figures must all count the same calls over the same period"
                ),
            )
    if len(item.typed) > 2:
        # Derive each typed figure from the others and compare: one that disagrees is named.
        for name in item.typed:
            others = VolumeSet(**{**item.model_dump(), name: None})
            derived = others.value(name)
            typed = getattr(item, name)
            if derived is not None and abs(derived - typed) > TOLERANCE * max(abs(typed), 1):
                yield (
                    (*at, name),
                    (
                        f"{name} is {_show(name, typed)}, but the set's other figures give "
                        f"{_show(name, derived)} ({others.formula(name)}); type only two of "
                        "eligible, "
                        "reached, missed and reach_rate and let genkit derive the rest"
                    ),
                )
                return
    if e is not None and item.all_calls is not None and e > item.all_calls:
        yield (
            (*at, "all_calls"),
            (f"all_calls ({item.all_calls:,.0f}) is fewer than the eligible calls ({e:,.0f})"),
        )


@rule(needs="call_volumes")
def call_volumes_agree(profile: Profile) -> RuleResult:
    volumes = profile.call_volumes
    ids = [s.id for s in volumes.sets]
    for i, sid in enumerate(ids):
        if sid in ids[:i]:
            yield (*V, "sets", i, "id"), f"id '{sid}' is used more than once"
    if volumes.current is None:
        yield (
            (*V, "use"),
            (f"no set '{volumes.use}' under call_volumes.sets (known: {', '.join(ids)})"),
        )
    for i, item in enumerate(volumes.sets):
        yield from _set_problems(i, item)
    for i, item in enumerate(volumes.sets):
        if not item.typed:
            yield (*V, "sets", i), ("give at least one of eligible, reached, missed and reach_rate")


@rule
def call_volume_sets_have_sources(profile: Profile) -> RuleResult:
    # A call figure without a source is a guess: cite it, or list it as illustrative.
    volumes = profile.call_volumes
    if volumes is None or profile.status != "sample":
        return
    known = set(profile.citations) | set(profile.illustrative)
    for i, _ in enumerate(volumes.sets):
        if not {"call_volumes", "call_volumes.sets", f"call_volumes.sets[{i}]"} & known:
            yield (
                (*V, "sets", i),
                (
                    f"cite this set's sources under citations as call_volumes.sets[{i}], or list "
                    "it under illustrative"
                ),
            )


@rule
def volume_metrics_not_typed_twice(profile: Profile) -> RuleResult:
    volumes = profile.call_volumes
    if volumes is None or volumes.current is None:
        return
    reach = next((m.target for m in profile.metrics if m.id == "share-eligible-handled"), None)
    for i, choice in enumerate(profile.metrics):
        if choice.id not in VOLUME_METRICS:
            continue
        derived = volumes.baseline(choice.id)
        if choice.baseline is not None and derived is not None:
            kind = "reach_rate" if choice.id == "share-eligible-handled" else "n"
            yield (
                ("metrics", i, "baseline"),
                (
                    f"the baseline of {choice.id} comes from call_volumes (set '{volumes.use}': "
                    f"{_show(kind, derived)}); remove it here so the two cannot differ"
                ),
            )
        if (
            choice.id in ("calls-handled", "missed-eligible")
            and choice.target is not None
            and volumes.expected(reach) is not None
        ):
            yield (
                ("metrics", i, "target"),
                (
                    f"the target of {choice.id} follows from the eligible calls and the reach "
                    "target "
                    "(share-eligible-handled); remove it here so the two cannot differ"
                ),
            )


@rule
def targets_not_worse_than_baselines(profile: Profile) -> RuleResult:
    # Only the reach and volume targets: they promise more calls reached than today. A service
    # standard (a response-time goal of 30 minutes where teams now take 20) may be a floor the
    # contract keeps rather than an improvement, so its target may sit below today's level.
    for i, original in enumerate(profile.metrics):
        if original.id not in VOLUME_METRICS:
            continue
        definition = profile.metric_library.get(original.id)
        choice = profile.metric_choice(original)
        if definition is None or choice.baseline is None or original.target is None:
            continue  # a derived target follows from the reach target, checked as itself
        worse = (
            choice.target < choice.baseline
            if definition.higher_is_better
            else choice.target > choice.baseline
        )
        if worse:
            unit = "reach_rate" if definition.unit == "percent" else "n"
            yield (
                ("metrics", i, "target"),
                (
                    f"the target of {original.id} ({_show(unit, choice.target)}) is worse than its "
                    f"baseline ({_show(unit, choice.baseline)}); "
                    + (
                        "higher is better for this metric"
                        if definition.higher_is_better
                        else "lower is better for this metric"
                    )
                ),
            )
