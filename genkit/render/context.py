"""What a template can see: the profile's sections by name, plus a little about the document."""

from __future__ import annotations

import re
from typing import Any

from genkit import __version__
from genkit.errors import Problem, TemplateError
from genkit.load.dotted import resolve_path, split_path
from genkit.load.profiles import LoadedProfile
from genkit.model.dates import agreement_effective, evaluation_anchor
from genkit.plan.catalog import Document
from genkit.render.facts import Tracked, current, declare, is_leaf
from genkit.render.packet_context import packet_context, packet_reads
from genkit.render.read_sets import parse, resolve
from genkit.render.sources import document_sources
from genkit.render.text.filters import lower_first
from genkit.render.text.strings import UiStrings, builtin_strings, is_english

FRIENDLY_PATHS = {
    "program.name": "Program name",
    "program.full_name": "Program's full name",
    "jurisdiction.name": "Jurisdiction name",
    "program.hours": "Service hours",
    "program.team": "Team make-up",
    "program.call_types": "Eligible call types",
    "program.exclusions": "Exclusions",
    "program.units": "Program units",
    "program.service_area": "Service area",
    "program_director": "Program director (name and title)",
    "stakeholders": "Stakeholder profiles (priorities and questions)",
    "calls": "CAD export layout and call analysis settings",
    "decision_tree": "Call triage decision tree",
    "data_collection.fields": "Which fields the team records on each call",
    "data_collection.library": "Field definitions of the data form",
    "agreement.center.name": "911 center",
    "agreement.center.signatory": "911 center signatory",
    "agreement.operator": "Operator and its signatory",
    "agreement.effective": "Date the agreement takes effect",
    "agreement.dispatch.transfer": "How calls reach a team",
    "agreement.dispatch.dispatch_within_min": "Time to dispatch",
    "agreement.dispatch.acknowledge_within_min": "Time for a team to accept a call",
    "agreement.systems": "CAD and radio arrangements",
    "agreement.backup": "How backup requests are handled",
    "agreement.data_sharing": "Data the parties share",
    "agreement.review": "Joint reviews (how often, who)",
    "agreement.liaisons": "Day-to-day contacts",
    "procurement.rfp_number": "RFP number",
    "procurement.contact": "Procurement contact",
    "procurement.timeline": "RFP dates",
    "procurement.phases": "Ramp-up phases",
    "procurement.renewal": "Renewal options",
    "procurement.term_months": "Contract term",
    "procurement.min_days_open": "Days the RFP stays open",
    "procurement.readiness_days": "Time from contract start to first shift",
    "procurement.staffing.minimum_teams": "Minimum teams on duty",
    "procurement.staffing.shifts": "Shift pattern",
    "procurement.evaluation.criteria": "Evaluation criteria and weights",
    "procurement.evaluation.scale": "Scoring scale",
    "procurement.evaluation.cost_rule": "Cost-scoring rule",
    "procurement.terms.insurance": "Insurance requirements",
    "procurement.staffing": "Staffing plan (shifts, teams on duty, supervision)",
    "procurement.training": "Training requirements",
    "training": "Training protocol: modules, hours, trainers and dates",
    "procurement.reporting": "Reporting deadlines and meetings",
    "procurement.submission": "Submission rules (page limit, references)",
    "procurement.evaluation.finalists": "Number of finalists",
    "procurement.evaluation.panel": "Evaluation panel",
    "procurement.terms.records_retention_years": "Records retention period",
    "procurement.terms.termination_notice_days": "Termination notice",
    "procurement.terms.cure_days": "Cure period",
    "program.follow_up_hours": "Follow-up window",
    "funding.first_year_start": "Start of the funding plan's program years",
    "funding.fringe_rate": "Benefits rate",
    "funding.raise_percent": "Yearly pay increase",
    "funding.lines": "Budgeted costs other than staff pay",
    "funding.streams": "Planned funding amounts",
}
_ITEM_NAME = ("name", "label", "coverage", "title", "agency")
_DETAIL = {"patterns": "CAD patterns", "cad_codes": "CAD codes"}
FRIENDLY_FIELDS = {
    "fte": "Positions budgeted (FTE)",
    "pay": "Pay range",
    "hiring_min": "Hiring range",
    "schedule": "Schedule",
    "how_to_apply": "How to apply",
}
_LABEL_ATTRS = ("title", "name", "label", "agency", "id")


def friendly(path: str, profile: Any = None) -> str:
    """``program.launch_date`` -> ``Launch date`` for lists a reader sees.

    With the profile, a path through a list item names the item too: ``metrics[1].target`` ->
    ``Median response time: target``, ``staffing.positions[2].pay`` -> ``Pay range (Advanced
    EMT)`` when the item has no label of its own kind.
    """
    if path in FRIENDLY_PATHS:
        return FRIENDLY_PATHS[path]
    head, _, last = path.rpartition(".")
    if profile is not None and "[" in path:
        item = _item_at(profile, path if path.endswith("]") else head)
        named = _item_label(profile, item)
        if named:
            if path.endswith("]"):
                return f"{friendly(path[:path.rindex('[')])}: {named}"
            field = FRIENDLY_FIELDS.get(last) or _DETAIL.get(last) or last.replace("_", " ")
            return f"{named}: {lower_first(field)}"
    last = path.split(".")[-1].split("[")[0]
    if last in _DETAIL and "[" in path:  # program.call_types[2].patterns -> one shared phrase
        return f"{_DETAIL[last]} of the {friendly(path.split('[')[0]).lower()}"
    text = FRIENDLY_FIELDS.get(last, last.replace("_", " ").capitalize())
    item = _last_list_item(profile, path) if profile is not None else None
    label = next((getattr(item, a) for a in _LABEL_ATTRS if getattr(item, a, None)), None)
    return f"{text} ({label})" if label and label != text else text


def _last_list_item(profile: Any, path: str) -> Any:
    """The innermost list item a dotted path goes through, or None."""
    current, found = profile, None
    for part in split_path(path):
        try:
            current = current[part] if isinstance(part, int) else getattr(current, part)
        except (AttributeError, IndexError, KeyError, TypeError):
            return found
        if isinstance(part, int):
            found = current
    return found


def _covers(a: str, b: str) -> bool:
    """Whether path ``a`` is ``b`` or one of its parents (``pay`` covers ``pay.min``)."""
    return a == b or (b.startswith(a) and b[len(a)] in ".[")


def illustrative_test(profile: Any):  # noqa: ANN201 - a template function
    """``is_illustrative(path)``: whether the fact, a parent or a part is listed as illustrative."""
    def is_illustrative(path: str) -> bool:
        return any(_covers(p, path) or _covers(path, p) for p in profile.illustrative)

    return is_illustrative


def _item_at(profile: Any, path: str) -> Any:
    current = profile
    for chunk in path.split("."):
        name, _, rest = chunk.partition("[")
        current = getattr(current, name, None)
        for index in rest.rstrip("]").split("]["):
            if index.isdigit() and isinstance(current, list) and int(index) < len(current):
                current = current[int(index)]
            elif index:
                return None
    return current


def _item_label(profile: Any, item: Any) -> str | None:
    for attr in _ITEM_NAME:
        if isinstance(getattr(item, attr, None), str):
            return getattr(item, attr)
    metric = getattr(item, "id", None)
    if metric in getattr(profile, "metric_library", {}):
        return profile.metric_library[metric].name
    return None


_METRIC_FIGURE = re.compile(r"^metrics\[(\d+)\]\.(baseline|target)$")
_INDEX = re.compile(r"\[\d+\]")


def fact_name(path: str, ui: UiStrings, profile: Any, lang: str) -> str:
    """A profile path as a reader of the document's language should see it."""
    match = _METRIC_FIGURE.match(path)
    if match and int(match.group(1)) < len(profile.metrics):
        metric_id = profile.metrics[int(match.group(1))].id
        name = (profile.metric_library[metric_id].name if is_english(ui) else
                profile.briefings.wording(lang).metrics.get(metric_id, metric_id))
        pattern = ui.metric_target if match.group(2) == "target" else ui.metric_baseline
        return ui.fill(pattern, metric=name)
    path = _INDEX.sub("", path)
    if is_english(ui):
        return friendly(path)
    return ui.fact_names.get(path, path)



def sample_notice(loaded: LoadedProfile, ui: UiStrings | None = None) -> str | None:
    profile = loaded.profile
    if profile.status != "sample":
        return None
    ui = ui or builtin_strings(profile.language)
    name = profile.jurisdiction.name
    # "the City of Durham" but "Harris County": English needs the article only before "X of Y".
    the_name = f"the {name}" if re.match(r"^(City|County|Town|Village|City and County) of ",
                                         name) else name
    return ui.fill(ui.sample_notice, jurisdiction=name, the_jurisdiction=the_name,
                   program=profile.program.name)


def build_context(loaded: LoadedProfile, document: Document, item: Any = None,
                  ui: UiStrings | None = None) -> dict[str, Any]:
    profile = loaded.profile
    lang = document.lang or profile.language
    ui = ui or builtin_strings(lang)
    context: dict[str, Any] = {}
    leaf_names: dict[str, list[tuple]] = {}
    for name in type(profile).model_fields:  # containers proxied; a leaf is read when looked up
        value = getattr(profile, name)
        if is_leaf(value):
            context[name], leaf_names[name] = value, [(name,)]
        else:
            context[name] = Tracked(value, (name,))
    context.update(
        profile=Tracked(profile, ()),
        doc={"id": document.id, "title": document.meta.title,
             "audience": document.meta.audience, "description": document.meta.description},
        sample=profile.status == "sample",
        sample_notice=sample_notice(loaded, ui),
        lang=lang,
        ui=ui,
        wording=profile.briefings.wording(lang),
        # citations, ref, references, cited_facts, illustrative_facts, sources_for: one
        # numbering; what this document shows decides what its sources section lists.
        **document_sources(profile, friendly, lambda path: fact_name(path, ui, profile, lang)),
        genkit_version=__version__,
        jurisdiction_id=loaded.name,
        calls_analysis=loaded.calls_analysis,
        decision_steps=_decision_steps(profile),
        budget=_budget(profile),
        **packet_context(loaded),  # the RFP packet: price form, attachments, clauses
        estimate=_estimate(profile),
        cost_per_response=_per_response(profile, loaded.calls_analysis),
        evaluation_anchor=evaluation_anchor(profile),
        agreement_effective=agreement_effective(profile),
        is_illustrative=illustrative_test(profile),
    )
    _declare_names(profile, lang, leaf_names)
    if item is not None:
        item_path = _item_path(profile, document.meta.each, item)
        context[document.meta.item_name] = (Tracked(item, parse(item_path) or ()) if item_path
                                            else item)
        context["item_path"] = item_path
        if item_path:  # the item's place in its list: reading it ties the unit to that item
            declare(f"{item_path}.id")
    return context


def _declare_names(profile: Any, lang: str, names: dict[str, list[tuple]]) -> None:
    """Tell the recorder which profile paths each name computed here was computed from."""
    reads = current()
    if reads is None:
        return
    reads.root = profile
    listed = [p for p in (*profile.citations, *profile.illustrative) if "[" in p]
    # A fact's name in the sources list names its list item ("Pay range (Advanced EMT)").
    labels = sorted({(*(parse(p[:p.rindex("]") + 1]) or ()),) for p in listed}) + [
        ("metric_library",)] if listed else []
    sources = [("citations",), ("illustrative",), ("sources",)]
    numbering = [("evidence",), ("procurement", "call_data"), ("citations",), ("sources",)]
    names.update(
        references=numbering, ref=numbering, sources_for=numbering + sources,
        is_illustrative=[("illustrative",)], cited_facts=sources + labels,
        illustrative_facts=sources + labels,
        citations=[*sources, ("metrics",), ("metric_library",), ("briefings", "text")],
        decision_steps=[("decision_tree",)], budget=_budget_reads(),
        **packet_reads(),
        estimate=_estimate_reads(), cost_per_response=_per_response_reads(),
        evaluation_anchor=[("procurement", "timeline"), ("program", "launch_date"),
                           ("as_of",)],
        agreement_effective=[("agreement", "effective"), ("procurement", "timeline")],
        wording=[("briefings", "text")],
        sample_notice=[("status",), ("jurisdiction", "name"), ("program", "name")],
        calls_analysis=[("calls",), ("program",)], item_path=[])
    reads.names.update(names)
    for path in PAGE_READS:  # the layout every format puts around the text
        reads.declare(path)
        if path in PAGE_SHOWN:
            found, value = resolve(profile, path)
            reads.record(path, "v", value, shown=found)


# What page_html, the DOCX page and sample notices read from the profile, for every document.
PAGE_READS: list[tuple] = [("status",), ("language",), ("as_of",), ("jurisdiction", "name"),
                           ("program", "name"), ("program", "host_department"),
                           ("briefings", "text")]
PAGE_SHOWN = {("jurisdiction", "name"), ("program", "name"), ("program", "host_department"),
              ("as_of",)}


def _decision_steps(profile: Any) -> list[Any] | None:
    """The decision tree's questions in reading order, numbered as in its diagram."""
    if profile.decision_tree is None:
        return None
    from genkit.decision_tree.order import steps

    return steps(profile.decision_tree)
def _budget(profile: Any) -> Any:
    """The funding plan's budget by program year (genkit.funding), or None without a plan."""
    if profile.funding is None:
        return None
    from genkit.funding.budget import profile_budget

    return profile_budget(profile)


def _estimate(profile: Any) -> Any:
    """The independent cost estimate of the RFP's coverage (genkit.funding.estimate), or None."""
    if profile.procurement is None or profile.procurement.cost_estimate is None:
        return None
    from genkit.funding.estimate import build_estimate

    return build_estimate(profile)


def _per_response(profile: Any, analysis: Any) -> Any:
    """Cost per response from the funding plan and the expected responses, or None."""
    from genkit.funding.per_response import cost_per_response

    return cost_per_response(profile, analysis)


def _per_response_reads() -> list[tuple]:
    from genkit.funding.per_response import PER_RESPONSE_READS

    return list(PER_RESPONSE_READS)


def _estimate_reads() -> list[tuple]:
    from genkit.funding.estimate import ESTIMATE_READS

    return list(ESTIMATE_READS)


def _budget_reads() -> list[tuple]:
    from genkit.funding.budget import BUDGET_READS

    return list(BUDGET_READS)


def _item_path(profile: Any, each: str | None, item: Any) -> str | None:
    """``staffing.positions[2]``: where the current item sits, for sources_for/is_illustrative."""
    if not each:
        return None
    current: Any = profile
    for part in each.split("."):
        current = getattr(current, part)
    index = next((i for i, entry in enumerate(current) if entry is item), None)
    return f"{each}[{index}]" if index is not None else None


def items_for(loaded: LoadedProfile, document: Document) -> list[tuple[str | None, Any]]:
    """``[(None, None)]`` for a single document, or one ``(item_id, item)`` per list entry."""
    each = document.meta.each
    if not each:
        return [(None, None)]
    data = loaded.profile.model_dump(mode="python")
    if not resolve_path(data, each):
        raise TemplateError([Problem(str(document.source), 0, 0, "each",
                                     f"'{each}' names no list in the profile")])
    current: Any = loaded.profile
    for part in each.split("."):
        current = getattr(current, part)
    items = []
    for entry in current:
        item_id = getattr(entry, "id", None)
        if not item_id:
            raise TemplateError([Problem(str(document.source), 0, 0, "each",
                                         f"items of '{each}' need an 'id' to name their files")])
        items.append((item_id, entry))
    return items


def missing_requirements(loaded: LoadedProfile, document: Document) -> list[str]:
    """The ``requires`` paths of a document that this profile leaves unset or empty."""
    missing = []
    for path in document.meta.requires:
        # ``calls_analysis`` is the stored analysis of the 911 calls, beside the profile.
        current: Any = loaded if path == "calls_analysis" else loaded.profile
        for part in path.split("."):
            current = getattr(current, part, None)
            if current is None:
                break
        if current is None or current is False or current == [] or current == {}:
            missing.append(path)  # a setting that is false (issue_ready) counts as unset
    return missing
