"""A source's number in one document: given when the source is first cited, first cited first.

One numbering per document, shared by every way a template cites (``citations.cite``,
``citations.fact``, ``ref[id]``, ``sources_for(path)``) and by the list the document ends with,
so the ``[2]`` in the text is the second entry of that list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from genkit.render.sources.cited import cited_keys, shown_paths
from genkit.render.tracking.facts import current


class Numbering(Mapping):
    """``ref[source_id]``: a source's number in this document, given when first cited."""

    def __init__(self, profile: Any):
        self._profile = profile
        self._numbers: dict[str, int] = {}

    def __getitem__(self, source_id: str) -> int:
        if source_id not in self._profile.sources:
            raise KeyError(f"no source '{source_id}' under 'sources'")
        return self._numbers.setdefault(source_id, len(self._numbers) + 1)

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self._numbers))

    def __len__(self) -> int:
        return len(self._numbers)

    def number_keys(self, keys: Iterable[str]) -> None:
        """Number the sources of these ``citations`` keys, in order (unknown ids are refused
        by checks/common.py, so skipping them here only keeps a half-checked profile going)."""
        for key in keys:
            for source_id in self._profile.citations[key]:
                if source_id in self._profile.sources:
                    self[source_id]

    def entries(self) -> list[dict[str, Any]]:
        """Every source the document cites, after numbering those of the fields it showed
        (after the ones the text cited by number)."""
        self.number_keys(cited_keys(self._profile, shown_paths(current())))
        return [
            {"number": n, "id": sid, "source": self._profile.sources[sid]}
            for sid, n in sorted(self._numbers.items(), key=lambda kv: kv[1])
        ]
