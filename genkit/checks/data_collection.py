"""Rules for the field data form: what is collected matches what the metrics need.

Two directions. Every chosen metric that draws on per-call records must have its inputs
collected by some field, or the program would promise a number it cannot compute (an error).
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
            yield ("data_collection", "fields", i), (
                f"no field '{fid}' in data_collection.library (known: {known})")
        if fid in seen:
            yield ("data_collection", "fields", i), f"field '{fid}' is collected twice"
        seen.add(fid)
    for fid, field in collection.library.items():
        for j, mid in enumerate(field.metrics):
            if mid not in profile.metric_library:
                yield ("data_collection", "library", fid, "metrics", j), (
                    f"no metric '{mid}' in metric_library")
    for mid in collection.recorded_elsewhere:
        if mid not in profile.metric_library:
            yield ("data_collection", "recorded_elsewhere", mid), (
                f"no metric '{mid}' in metric_library")


@rule
def metric_inputs_collected(profile: Profile) -> RuleResult:
    collection = profile.data_collection
    collected = [collection.library[f] for f in collection.fields if f in collection.library]
    for i, choice in enumerate(profile.metrics):
        definition = profile.metric_library.get(choice.id)
        if definition is None or choice.id in collection.recorded_elsewhere:
            continue  # an unknown metric is reported by metrics_defined
        if not any(s in PER_CALL_SOURCES for s in definition.data_sources):
            continue
        if any(choice.id in field.metrics for field in collected):
            continue
        offer = [fid for fid, field in collection.library.items()
                 if choice.id in field.metrics and fid not in collection.fields]
        hint = (f"collect {' or '.join(repr(f) for f in offer)} under data_collection.fields"
                if offer else f"add a field to data_collection.library whose metrics list "
                f"'{choice.id}', and collect it")
        yield ("metrics", i, "id"), (
            f"metric '{choice.id}' ({definition.name}) needs per-call data that no collected "
            f"field records; {hint}, or say where its inputs are kept under "
            f"data_collection.recorded_elsewhere.{choice.id}")


@warning
def collected_fields_are_used(profile: Profile) -> RuleResult:
    collection = profile.data_collection
    chosen = {m.id for m in profile.metrics}
    for i, fid in enumerate(collection.fields):
        field = collection.library.get(fid)
        if field is None or field.operations or chosen.intersection(field.metrics):
            continue
        listed = (f"its metrics ({', '.join(field.metrics)}) are not among the chosen metrics"
                  if field.metrics else "it lists no metrics")
        yield ("data_collection", "fields", i), (
            f"field '{fid}' ({field.name}) is collected but nothing uses it: {listed} and it "
            f"names no operational use; stop collecting it, or say why the service needs it "
            f"under data_collection.library.{fid}.operations (collect only what is used)")
