"""What a template sees of its sources, all drawing on the document's one ``Numbering``.

``citations.cite(ids)`` prints ``[1]`` or ``[1, 3]``; ``citations.fact(paths)`` says the text
states those fields in other words (a translation), so they count as shown and their sources are
numbered where the text states them; ``ref[id]`` and ``sources_for(path)`` give bare numbers.
The closing section (``_common/sources.md.j2``) lists ``citations.entries`` (the same list as
``references``) and, in its staff form, ``cited_facts``; the illustrative facts among the
fields shown are named in the document's language (``citations.illustrative``) or in English
with their list item (``illustrative_facts``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from markupsafe import Markup

from genkit.render.sources.cited import cited_keys, illustrative_keys, related, shown_paths
from genkit.render.sources.numbering import Numbering
from genkit.render.tracking.facts import current, state

# A field path -> the name a reader sees for it.
FactName = Callable[[str], str]


class Citations:
    """``citations``: cite sources by number in the text and list them at the end."""

    def __init__(self, profile: Any, numbering: Numbering, fact_name: FactName):
        self._profile = profile
        self._numbering = numbering
        self._fact_name = fact_name

    def cite(self, *source_ids: str | Sequence[str]) -> Markup:
        """``[1]`` or ``[1, 3]`` for the given sources, numbering new ones."""
        ids = [s for group in source_ids for s in ([group] if isinstance(group, str) else group)]
        numbers = sorted({self._numbering[s] for s in ids})
        return Markup("[" + ", ".join(str(n) for n in numbers) + "]") if numbers else Markup("")

    def fact(self, *paths: str) -> str:
        """The text states these profile facts (perhaps in other words): they count as shown."""
        state(*paths)
        # Numbered now, as the text states it, so numbers follow the order of the text.
        self._numbering.number_keys(cited_keys(self._profile, list(paths)))
        return ""

    @property
    def entries(self) -> list[dict[str, Any]]:
        return self._numbering.entries()

    @property
    def illustrative(self) -> list[str]:
        keys = illustrative_keys(self._profile, shown_paths(current()))
        return list(dict.fromkeys(self._fact_name(key) for key in keys))


class Lazy(Sequence):
    """A list a template sees, computed the first time it is looked at (by the closing section,
    after the text has shown what it shows)."""

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


def document_sources(
    profile: Any, friendly: Callable[[str, Any], str], fact_name: FactName
) -> dict[str, Any]:
    """The names a template sees: ``citations``, ``ref``, ``references``, ``cited_facts``,
    ``illustrative_facts`` and ``sources_for``, sharing one numbering."""
    numbering = Numbering(profile)

    def cited_facts() -> list[dict[str, Any]]:
        keys = set(cited_keys(profile, shown_paths(current())))
        return [
            {
                "fact": friendly(path, profile),
                "path": path,
                "sources": [profile.sources[s] for s in ids],
            }
            for path, ids in profile.citations.items()
            if path in keys
        ]

    def illustrative_facts() -> list[str]:
        keys = illustrative_keys(profile, shown_paths(current()))
        return list(dict.fromkeys(friendly(p, profile) for p in keys))

    def sources_for(path: str) -> list[int]:
        # Citing a fact's sources in the text states the fact: it counts as shown, so its
        # sources are listed at the end and a change to it renders the document again.
        state(path)
        ids = [
            s
            for key, group in profile.citations.items()
            if related(key, path)
            for s in group
            if s in profile.sources
        ]
        return sorted({numbering[s] for s in ids})

    return {
        "citations": Citations(profile, numbering, fact_name),
        "ref": numbering,
        "references": Lazy(numbering.entries),
        "cited_facts": Lazy(cited_facts),
        "illustrative_facts": Lazy(illustrative_facts),
        "sources_for": sources_for,
    }
