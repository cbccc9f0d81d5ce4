"""What a template can see: the profile's sections by name, plus a little about the document."""

from __future__ import annotations

import re
from typing import Any

from genkit import __version__
from genkit.catalog import Document
from genkit.citations import Citations
from genkit.errors import Problem, TemplateError
from genkit.i18n import UiStrings, builtin_strings, is_english
from genkit.profiles import LoadedProfile
from genkit.rules import resolve_path

FRIENDLY_PATHS = {
    "program.hours": "Service hours",
    "program.team": "Team make-up",
    "program.call_types": "Eligible call types",
    "program.exclusions": "Exclusions",
    "program.units": "Program units",
    "program.service_area": "Service area",
    "program_director": "Program director (name and title)",
    "stakeholders": "Stakeholder profiles (priorities and questions)",
}


def friendly(path: str) -> str:
    """``program.launch_date`` -> ``Launch date`` for lists a reader sees."""
    if path in FRIENDLY_PATHS:
        return FRIENDLY_PATHS[path]
    last = path.split(".")[-1].split("[")[0]
    return last.replace("_", " ").capitalize()


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
    context: dict[str, Any] = {name: getattr(profile, name) for name in type(profile).model_fields}
    cited = [
        {"fact": friendly(path), "path": path,
         "sources": [profile.sources[s] for s in ids]}
        for path, ids in profile.citations.items()
    ]
    references = _references(profile)
    context.update(
        profile=profile,
        references=[{"number": n, "id": sid, "source": profile.sources[sid]}
                    for sid, n in references.items()],
        ref=references,
        doc={"id": document.id, "title": document.meta.title,
             "audience": document.meta.audience, "description": document.meta.description},
        sample=profile.status == "sample",
        sample_notice=sample_notice(loaded, ui),
        lang=lang,
        ui=ui,
        wording=profile.briefings.wording(lang),
        citations=Citations(profile, lambda path: fact_name(path, ui, profile, lang)),
        cited_facts=cited,
        illustrative_facts=[friendly(p) for p in profile.illustrative],
        genkit_version=__version__,
    )
    if item is not None:
        context[document.meta.item_name] = item
    return context


def _references(profile: Any) -> dict[str, int]:
    """Number every source a document may cite, evidence first, in a stable order."""
    order: dict[str, int] = {}
    for item in profile.evidence:
        for sid in item.sources:
            order.setdefault(sid, len(order) + 1)
    for ids in profile.citations.values():
        for sid in ids:
            order.setdefault(sid, len(order) + 1)
    return order


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
