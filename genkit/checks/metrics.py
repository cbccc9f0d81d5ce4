"""Rules for metrics: every chosen metric is defined, and chosen once."""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile


@rule
def metrics_defined(profile: Profile) -> RuleResult:
    seen: set[str] = set()
    for i, choice in enumerate(profile.metrics):
        if choice.id not in profile.metric_library:
            known = ", ".join(sorted(profile.metric_library)) or "none"
            yield (
                ("metrics", i, "id"),
                (f"no metric '{choice.id}' in metric_library (known: {known})"),
            )
        if choice.id in seen:
            yield ("metrics", i, "id"), f"metric '{choice.id}' is chosen twice"
        seen.add(choice.id)
    for mid, definition in profile.metric_library.items():
        if definition.benchmark_source and definition.benchmark_source not in profile.sources:
            yield (
                ("metric_library", mid, "benchmark_source"),
                (f"no source '{definition.benchmark_source}' under 'sources'"),
            )
