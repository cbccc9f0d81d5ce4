"""Rules a contractor can meet: a performance standard counts only what the contractor controls
(its own teams, inside its service hours), and a safety measure such as backup requests is
monitored, never capped (no target, no standard), because a cap would punish a team for asking
for help."""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile


@rule(needs="procurement")
def standards_are_within_the_contractors_control(profile: Profile) -> RuleResult:
    proc = profile.procurement
    for i, standard in enumerate(proc.performance_standards):
        definition = profile.metric_library.get(standard.metric)
        if definition is None:
            continue  # reported by standards_name_metrics
        where = ("procurement", "performance_standards", i, "metric")
        if definition.monitor_only:
            yield (
                where,
                (
                    f"{definition.name} is monitored, never capped: a standard on it would punish "
                    "a "
                    "team for asking for help when it must; remove this standard (the metric stays "
                    "in the reports)"
                ),
            )
        elif not definition.contractor_controls:
            yield (
                where,
                (
                    f"{definition.name} counts calls the contractor cannot take (calls the 911 "
                    "center keeps or resolves by phone, calls outside the contractor's hours), so "
                    "it cannot be a standard of the contract; use a measure of the contractor's "
                    "own "
                    "work, such as assignments-accepted"
                ),
            )


@rule
def monitored_measures_have_no_target(profile: Profile) -> RuleResult:
    for i, choice in enumerate(profile.metrics):
        definition = profile.metric_library.get(choice.id)
        if definition is not None and definition.monitor_only and choice.target is not None:
            yield (
                ("metrics", i, "target"),
                (
                    f"{definition.name} is monitored, never capped; remove the target so no "
                    "document reads it as a limit on asking for help"
                ),
            )
