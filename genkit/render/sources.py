"""Sources that fit the document: its "Sources and notes" list only what backs what it shows.

A document's closing section is rendered last, after the text has read every field it shows (see
genkit.render.tracking.facts). So the lists it prints are computed when it first looks at them, from
the fields shown so far: the sources cited for those fields, the citations that cover them and the
illustrative facts among them, in the order the fields first appeared. Sources a template cites by
number in the text (``ref[id]``, ``sources_for(path)``) are numbered when first cited, and the
sources of shown fields are numbered after them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from genkit.render.tracking.facts import Reads, current, state

# Paths that hold the bookkeeping itself, not facts a reader sees.
_BOOKKEEPING = ("sources", "citations", "illustrative")


# CAD matching details: a document that hands a whole call type to a filter (to join its
# labels, say) has not shown its patterns; only a read of the detail itself shows it.
_INTERNAL_DETAILS = {"patterns", "cad_codes"}


def within(inner: str, outer: str) -> bool:
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
    return _keys_shown(profile.citations, shown)


def illustrative_keys(profile: Any, shown: list[str]) -> list[str]:
    return _keys_shown(profile.illustrative, shown)


class Numbering(Mapping):
    """``ref[source_id]``: a source's number in this document, given when first cited."""

    def __init__(self, profile: Any):
        self._profile = profile
        self._numbers: dict[str, int] = {}

    def __getitem__(self, source_id: str) -> int:
        if source_id not in self._profile.sources:
            raise KeyError(source_id)
        return self._numbers.setdefault(source_id, len(self._numbers) + 1)

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self._numbers))

    def __len__(self) -> int:
        return len(self._numbers)

    def number_shown(self) -> None:
        """Number the sources of every field shown so far (after those cited in the text)."""
        for key in cited_keys(self._profile, shown_paths(current())):
            for source_id in self._profile.citations[key]:
                if source_id in self._profile.sources:
                    self[source_id]

    def entries(self) -> list[dict[str, Any]]:
        self.number_shown()
        return [{"number": n, "id": sid, "source": self._profile.sources[sid]}
                for sid, n in sorted(self._numbers.items(), key=lambda kv: kv[1])]


class Lazy(Sequence):
    """A list a template sees, computed the first time it is looked at."""

    def __init__(self, compute: Callable[[], list[Any]]):
        self._compute = compute
        self._items: list[Any] | None = None

    def _get(self) -> list[Any]:
        if self._items is None:
            self._items = self._compute()
        return self._items

    def __getitem__(self, index: Any) -> Any:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._get())

    def __str__(self) -> str:
        return str(self._get())


def document_lists(profile: Any, friendly: Callable[[str, Any], str]) -> dict[str, Any]:
    """``ref``, ``references``, ``cited_facts``, ``illustrative_facts`` and ``sources_for``."""
    numbering = Numbering(profile)

    def cited_facts() -> list[dict[str, Any]]:
        keys = set(cited_keys(profile, shown_paths(current())))
        return [{"fact": friendly(path, profile), "path": path,
                 "sources": [profile.sources[s] for s in ids]}
                for path, ids in profile.citations.items() if path in keys]

    def illustrative_facts() -> list[str]:
        keys = illustrative_keys(profile, shown_paths(current()))
        return list(dict.fromkeys(friendly(p, profile) for p in keys))

    def sources_for(path: str) -> list[int]:
        # Citing a fact's sources in the text states the fact: it counts as shown, so its
        # sources are listed at the end and a change to it renders the document again.
        state(path)
        ids = [s for key, group in profile.citations.items() if related(key, path)
               for s in group if s in profile.sources]
        return sorted({numbering[s] for s in ids})

    return {"ref": numbering, "references": Lazy(numbering.entries),
            "cited_facts": Lazy(cited_facts), "illustrative_facts": Lazy(illustrative_facts),
            "sources_for": sources_for}
