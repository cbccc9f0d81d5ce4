"""Rules for the field data form: what is collected matches what the metrics need.

Two directions. Every chosen metric that draws on per-call records must have all its inputs
(the library fields that name it) collected, or the program would promise a number it cannot
compute (an error).
And every collected field must be needed by a chosen metric or by the running of the service:
collecting personal information nobody uses is a privacy cost with no benefit (data
minimization), so it is reported as a warning, which ``--strict`` turns into a failure.
"""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule, warning
from genkit.model import Profile

# Metrics drawing on these sources are computed from per-call records, so some collected field
# must feed them; HR, finance, survey and partner data are kept outside the call record.
PER_CALL_SOURCES = ("cad", "program_records")


@rule
def data_fields_defined(profile: Profile) -> RuleResult:
    collection = profile.data_collection
    seen: set[str] = set()
    for i, fid in enumerate(collection.fields):
        if fid not in collection.library:
            known = ", ".join(sorted(collection.library)) or "none"
            yield (
                ("data_collection", "fields", i),
                (f"no field '{fid}' in data_collection.library (known: {known})"),
            )
        if fid in seen:
            yield ("data_collection", "fields", i), f"field '{fid}' is collected twice"
        seen.add(fid)
    for fid, field in collection.library.items():
        for j, mid in enumerate(field.metrics):
            if mid not in profile.metric_library:
                yield (
                    ("data_collection", "library", fid, "metrics", j),
                    (f"no metric '{mid}' in metric_library"),
                )
    for mid in collection.recorded_elsewhere:
        if mid not in profile.metric_library:
            yield (
                ("data_collection", "recorded_elsewhere", mid),
                (f"no metric '{mid}' in metric_library"),
            )


@rule
def metric_inputs_collected(profile: Profile) -> RuleResult:
    # A library field that names a metric is one of its inputs: the metric needs every one of
    # them (a share needs its numerator and its denominator), so one missing field is enough
    # to make the number impossible to compute.
    collection = profile.data_collection
    collected = set(collection.fields)
    for i, choice in enumerate(profile.metrics):
        definition = profile.metric_library.get(choice.id)
        if definition is None or choice.id in collection.recorded_elsewhere:
            continue  # an unknown metric is reported by metrics_defined
        if not any(s in PER_CALL_SOURCES for s in definition.data_sources):
            continue
        inputs = [fid for fid, field in collection.library.items() if choice.id in field.metrics]
        missing = [fid for fid in inputs if fid not in collected]
        elsewhere = (
            f"or say where its inputs are kept under data_collection.recorded_elsewhere.{choice.id}"
        )
        if not inputs:
            yield (
                ("metrics", i, "id"),
                (
                    f"metric '{choice.id}' ({definition.name}) needs per-call data that no field "
                    f"records; add a field to data_collection.library whose metrics list "
                    f"'{choice.id}' and collect it, {elsewhere}"
                ),
            )
        elif missing:
            names = ", ".join(f"'{fid}' ({collection.library[fid].name})" for fid in missing)
            yield (
                ("metrics", i, "id"),
                (
                    f"metric '{choice.id}' ({definition.name}) cannot be computed: its input"
                    f"{'s' if len(missing) > 1 else ''} {names} "
                    f"{'are' if len(missing) > 1 else 'is'} not collected; add "
                    f"{'them' if len(missing) > 1 else 'it'} to data_collection.fields, {elsewhere}"
                ),
            )


@warning
def collected_fields_are_used(profile: Profile) -> RuleResult:
    collection = profile.data_collection
    chosen = {m.id for m in profile.metrics}
    for i, fid in enumerate(collection.fields):
        field = collection.library.get(fid)
        if field is None or field.operations or chosen.intersection(field.metrics):
            continue
        listed = (
            f"its metrics ({', '.join(field.metrics)}) are not among the chosen metrics"
            if field.metrics
            else "it lists no metrics"
        )
        yield (
            ("data_collection", "fields", i),
            (
                f"field '{fid}' ({field.name}) is collected but nothing uses it: {listed} and it "
                f"names no operational use; stop collecting it, or say why the service needs it "
                f"under data_collection.library.{fid}.operations (collect only what is used)"
            ),
        )
