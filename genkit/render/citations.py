"""Number the sources a document actually cites, in the order it first cites them.

A short handout cannot carry every source in the profile. A template calls ``citations.cite`` for a
figure's sources (printing ``[1]``), then lists ``citations.entries`` at the end: those sources,
then the sources of every profile field the document showed (genkit.render.tracking.facts records
them as it renders), in the order the fields first appeared. ``citations.fact(path)`` says the text
states a field in other words (a translation): it counts as shown. Facts marked illustrative among
the fields shown are collected too, so the handout can say so.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from genkit.render.sources import cited_keys, illustrative_keys, shown_paths
from genkit.render.tracking.facts import current, state


class Citations:
    def __init__(self, profile: Any, fact_name):  # noqa: ANN001 - fact_name: path -> str
        self._profile = profile
        self._fact_name = fact_name
        self._numbers: dict[str, int] = {}

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
        """The text states these profile facts (perhaps in other words): they count as shown."""
        state(*paths)
        # Numbered now, as the text states it, so numbers follow the order of the text.
        for key in cited_keys(self._profile, list(paths)):
            for source_id in self._profile.citations[key]:
                self._number(source_id)
        return ""

    @property
    def entries(self) -> list[dict[str, Any]]:
        for key in cited_keys(self._profile, shown_paths(current())):
            for source_id in self._profile.citations[key]:
                self._number(source_id)
        return [{"number": n, "id": sid, "source": self._profile.sources[sid]}
                for sid, n in sorted(self._numbers.items(), key=lambda kv: kv[1])]

    @property
    def illustrative(self) -> list[str]:
        keys = illustrative_keys(self._profile, shown_paths(current()))
        return list(dict.fromkeys(self._fact_name(key) for key in keys))
