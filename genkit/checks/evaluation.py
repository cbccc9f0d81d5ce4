"""Rules for the evaluation plan: every metric can be computed from data the plan describes."""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile
from genkit.model.metrics import SOURCE_NAMES


@rule
def metric_data_is_described(profile: Profile) -> RuleResult:
    # The plan must say where each number comes from and what agreement covers it; a chosen
    # metric whose data source the plan never describes could not be reported.
    described = profile.evaluation.data_sources
    for i, choice in enumerate(profile.metrics):
        definition = profile.metric_library.get(choice.id)
        if definition is None:
            continue  # reported by metrics_defined
        for source in definition.data_sources:
            if source not in described:
                yield (
                    ("metrics", i, "id"),
                    (
                        f"metric '{choice.id}' uses {SOURCE_NAMES[source]} ('{source}'), which "
                        f"evaluation.data_sources does not describe; add evaluation.data_sources."
                        f"{source}"
                    ),
                )
