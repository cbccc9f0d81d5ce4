"""What a document cites: the profile facts it has shown, and the ``citations`` and
``illustrative`` keys about them, in the order the facts first appeared.

A document's closing section is rendered last, after the text has read every field it shows
(see genkit.render.tracking.facts), so "shown so far" there means "shown in the document".
"""

from __future__ import annotations

from typing import Any

from genkit.render.tracking.facts import Reads

# Paths that hold the bookkeeping itself, not facts a reader sees.
_BOOKKEEPING = ("sources", "citations", "illustrative")

# CAD matching details: a document that hands a whole call type to a filter (to join its
# labels, say) has not shown its patterns; only a read of the detail itself shows it.
_INTERNAL_DETAILS = {"patterns", "cad_codes"}


def within(inner: str, outer: str) -> bool:
    """Whether field path ``inner`` is ``outer`` or lies inside it (``""`` holds everything)."""
    return outer == "" or inner == outer or inner.startswith((outer + ".", outer + "["))


def related(a: str, b: str) -> bool:
    """Whether two field paths are the same field or one lies within the other."""
    return within(a, b) or within(b, a)


def shows(key: str, path: str) -> bool:
    """Whether showing ``path`` shows the fact ``key`` of ``citations`` or ``illustrative``."""
    if key.rsplit(".", 1)[-1] in _INTERNAL_DETAILS:
        return within(path, key)
    return related(key, path)


def shown_paths(reads: Reads | None) -> list[str]:
    """The fields a document has shown so far, first shown first."""
    if reads is None:
        return []
    return [p for p in reads.shown if p.split(".", 1)[0].split("[", 1)[0] not in _BOOKKEEPING]


def _keys_shown(keys: Any, shown: list[str]) -> list[str]:
    """The keys (of ``citations`` or ``illustrative``) about a shown field, in the order the
    fields appeared."""
    return list(dict.fromkeys(key for path in shown for key in keys if shows(key, path)))


def cited_keys(profile: Any, shown: list[str]) -> list[str]:
    """The ``citations`` keys about the fields in ``shown``."""
    return _keys_shown(profile.citations, shown)


def illustrative_keys(profile: Any, shown: list[str]) -> list[str]:
    """The ``illustrative`` entries about the fields in ``shown``."""
    return _keys_shown(profile.illustrative, shown)
