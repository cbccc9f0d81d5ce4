"""Number the sources a document actually cites, in the order it first cites them.

A short handout cannot carry every source in the profile. A template calls ``citations.cite``
for a figure's sources (printing ``[1]``) and ``citations.fact`` for a profile fact it states
(recording that fact's sources without a marker), then lists ``citations.entries`` at the end.
Facts marked illustrative in the profile are collected too, so the handout can say so.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup


def _covers(key: str, path: str) -> bool:
    """Whether a citation key and a fact path are about the same thing (one within the other)."""
    def within(inner: str, outer: str) -> bool:
        return inner == outer or inner.startswith((outer + ".", outer + "["))

    return within(key, path) or within(path, key)


_INTERNAL_DETAILS = {"patterns", "cad_codes"}


class Citations:
    def __init__(self, profile: Any, fact_name):  # noqa: ANN001 - fact_name: path -> str
        self._profile = profile
        self._fact_name = fact_name
        self._numbers: dict[str, int] = {}
        self._illustrative: list[str] = []

    def _number(self, source_id: str) -> int:
        if source_id not in self._profile.sources:
            raise KeyError(f"no source '{source_id}' under 'sources'")
        return self._numbers.setdefault(source_id, len(self._numbers) + 1)

    def cite(self, *source_ids: str) -> Markup:
        """``[1]`` or ``[1, 3]`` for the given sources, numbering new ones."""
        ids = [s for group in source_ids for s in ([group] if isinstance(group, str) else group)]
        numbers = sorted({self._number(s) for s in ids})
        return Markup("[" + ", ".join(str(n) for n in numbers) + "]") if numbers else Markup("")

    def fact(self, *paths: str) -> str:
        """Record the sources (and any illustrative mark) of profile facts the text states."""
        for path in paths:
            for key, ids in self._profile.citations.items():
                if _covers(key, path):
                    for source_id in ids:
                        self._number(source_id)
            for key in self._profile.illustrative:
                # CAD matching details (patterns, codes) are never printed on a handout.
                if key.rsplit(".", 1)[-1] in _INTERNAL_DETAILS:
                    continue
                if _covers(key, path):
                    name = self._fact_name(key)
                    if name not in self._illustrative:
                        self._illustrative.append(name)
        return ""

    @property
    def entries(self) -> list[dict[str, Any]]:
        return [{"number": n, "id": sid, "source": self._profile.sources[sid]}
                for sid, n in sorted(self._numbers.items(), key=lambda kv: kv[1])]

    @property
    def illustrative(self) -> list[str]:
        return list(self._illustrative)
