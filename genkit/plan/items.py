"""What a document is made of in one profile: the list items it is made once for (``each:``)
and the profile sections it needs (``requires:``) that this profile leaves empty."""

from __future__ import annotations

from typing import Any

from genkit.errors import Problem, TemplateError
from genkit.family import context_names
from genkit.fieldpath import exists
from genkit.load.profiles import LoadedProfile
from genkit.plan.catalog import Document


def items_for(loaded: LoadedProfile, document: Document) -> list[tuple[str | None, Any]]:
    """``[(None, None)]`` for a single document, or one ``(item_id, item)`` per list entry."""
    each = document.meta.each
    if not each:
        return [(None, None)]
    data = loaded.profile.model_dump(mode="python")
    if not exists(data, each):
        raise TemplateError(
            [Problem(str(document.source), 0, 0, "each", f"'{each}' names no list in the profile")]
        )
    current: Any = loaded.profile
    for part in each.split("."):
        current = getattr(current, part)
    items = []
    for entry in current:
        item_id = getattr(entry, "id", None)
        if not item_id:
            raise TemplateError(
                [
                    Problem(
                        str(document.source),
                        0,
                        0,
                        "each",
                        f"items of '{each}' need an 'id' to name their files",
                    )
                ]
            )
        items.append((item_id, entry))
    return items


def missing_requirements(loaded: LoadedProfile, document: Document) -> list[str]:
    """The ``requires`` paths of a document that this profile leaves unset or empty."""
    missing = []
    for path in document.meta.requires:
        head, *rest = path.split(".")
        computed = context_names().get(head)  # a family's name (calls_analysis): its value
        current: Any = computed.build(loaded) if computed else loaded.profile
        for part in rest if computed else [head, *rest]:
            current = getattr(current, part, None)
            if current is None:
                break
        if current is None or current is False or current == [] or current == {}:
            missing.append(path)  # a setting that is false (issue_ready) counts as unset
    return missing
