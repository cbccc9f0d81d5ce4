"""What a template can see: the profile's sections by name, plus a little about the document.

Names computed in Python for one family of documents (``budget``, ``calls_analysis``...) are
not listed here: each family declares its own in ``genkit/<package>/family.py`` with the
profile paths it reads (``genkit.family``), and the names readers see for profile paths come
from the models (``genkit.model.fact_names``).
"""

from __future__ import annotations

import re
from typing import Any

from genkit import __version__
from genkit.family import context_names
from genkit.fieldpath import parse, resolve
from genkit.language.strings import UiStrings, builtin_strings, is_english
from genkit.load.profiles import LoadedProfile
from genkit.model.dates import agreement_effective, evaluation_anchor
from genkit.model.fact_names import fact_names
from genkit.plan.catalog import Document
from genkit.render.attachments import Attachments
from genkit.render.sources import document_sources
from genkit.render.text.filters import lower_first
from genkit.render.tracking.facts import Tracked, current, declare, is_leaf

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
    names = fact_names()  # declared beside each section's model
    if path in names:
        return names[path]
    head, _, last = path.rpartition(".")
    if profile is not None and "[" in path:
        item = _item_at(profile, path if path.endswith("]") else head)
        named = _item_label(profile, item)
        if named:
            if path.endswith("]"):
                return f"{friendly(path[: path.rindex('[')])}: {named}"
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
    for part in parse(path) or ():
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


def illustrative_test(profile: Any):  # a template function
    """``is_illustrative(path)``: whether the fact, a parent or a part is listed as illustrative."""

    def is_illustrative(path: str) -> bool:
        return any(_covers(p, path) or _covers(path, p) for p in profile.illustrative)

    return is_illustrative


def _item_at(profile: Any, path: str) -> Any:
    """The value at ``path`` through model attributes and list indexes only (a mapping's key
    names no item here, so ``briefings.text.es`` has no item label)."""
    current = profile
    for part in parse(path) or ():
        if isinstance(part, int):
            if not isinstance(current, list) or part >= len(current):
                return None
            current = current[part]
        else:
            current = getattr(current, part, None)
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
        name = (
            profile.metric_library[metric_id].name
            if is_english(ui)
            else profile.briefings.wording(lang).metrics.get(metric_id, metric_id)
        )
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
    the_name = (
        f"the {name}"
        if re.match(r"^(City|County|Town|Village|City and County) of ", name)
        else name
    )
    return ui.fill(
        ui.sample_notice, jurisdiction=name, the_jurisdiction=the_name, program=profile.program.name
    )


def build_context(
    loaded: LoadedProfile, document: Document, item: Any = None, ui: UiStrings | None = None
) -> dict[str, Any]:
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
        doc={
            "id": document.id,
            "title": document.meta.title,
            "audience": document.meta.audience,
            "description": document.meta.description,
        },
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
        attachments=Attachments(loaded),  # the RFP packet's lettered attachments
        # What the document families with data of their own add (calls_analysis, budget...).
        **{name: _computed(loaded, name, spec) for name, spec in context_names().items()},
        evaluation_anchor=evaluation_anchor(profile),
        agreement_effective=agreement_effective(profile),
        is_illustrative=illustrative_test(profile),
    )
    _declare_names(profile, lang, leaf_names)
    if item is not None:
        item_path = _item_path(profile, document.meta.each, item)
        context[document.meta.item_name] = (
            Tracked(item, parse(item_path) or ()) if item_path else item
        )
        context["item_path"] = item_path
        if item_path:  # the item's place in its list: reading it ties the unit to that item
            declare(f"{item_path}.id")
    return context


def _computed(loaded: LoadedProfile, name: str, spec: Any) -> Any:
    """A family's value for this profile, computed the first time a document asks for it."""
    if name not in loaded.computed:
        loaded.computed[name] = spec.build(loaded)
    return loaded.computed[name]


def _declare_names(profile: Any, lang: str, names: dict[str, list[tuple]]) -> None:
    """Tell the recorder which profile paths each name computed here was computed from."""
    reads = current()
    if reads is None:
        return
    reads.root = profile
    listed = [p for p in (*profile.citations, *profile.illustrative) if "[" in p]
    # A fact's name in the sources list names its list item ("Pay range (Advanced EMT)").
    labels = (
        sorted({(*(parse(p[: p.rindex("]") + 1]) or ()),) for p in listed}) + [("metric_library",)]
        if listed
        else []
    )
    sources = [("citations",), ("illustrative",), ("sources",)]
    numbering = [("evidence",), ("procurement", "call_data"), ("citations",), ("sources",)]
    names.update(
        references=numbering,
        ref=numbering,
        sources_for=numbering + sources,
        is_illustrative=[("illustrative",)],
        cited_facts=sources + labels,
        illustrative_facts=sources + labels,
        citations=[*sources, ("metrics",), ("metric_library",), ("briefings", "text")],
        **{name: list(spec.reads) for name, spec in context_names().items()},
        evaluation_anchor=[("procurement", "timeline"), ("program", "launch_date"), ("as_of",)],
        agreement_effective=[("agreement", "effective"), ("procurement", "timeline")],
        wording=[("briefings", "text")],
        sample_notice=[("status",), ("jurisdiction", "name"), ("program", "name")],
        item_path=[],
    )
    reads.names.update(names)
    for path in PAGE_READS:  # the layout every format puts around the text
        reads.declare(path)
        if path in PAGE_SHOWN:
            found, value = resolve(profile, path)
            reads.record(path, "v", value, shown=found)


# What page_html, the DOCX page and sample notices read from the profile, for every document.
PAGE_READS: list[tuple] = [
    ("status",),
    ("language",),
    ("as_of",),
    ("jurisdiction", "name"),
    ("program", "name"),
    ("program", "host_department"),
    ("briefings", "text"),
]
PAGE_SHOWN = {
    ("jurisdiction", "name"),
    ("program", "name"),
    ("program", "host_department"),
    ("as_of",),
}


def _item_path(profile: Any, each: str | None, item: Any) -> str | None:
    """``staffing.positions[2]``: where the current item sits, for sources_for/is_illustrative."""
    if not each:
        return None
    current: Any = profile
    for part in each.split("."):
        current = getattr(current, part)
    index = next((i for i, entry in enumerate(current) if entry is item), None)
    return f"{each}[{index}]" if index is not None else None
