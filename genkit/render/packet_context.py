"""What the RFP packet's templates see beyond the profile: the price proposal form, the lettered
attachments, the administrative clauses and the state's name, each with the profile paths it
is computed from (so a document that uses one re-renders when, and only when, those change).
"""

from __future__ import annotations

from typing import Any

from genkit.load.profiles import LoadedProfile
from genkit.render.facts import current
from genkit.render.read_sets import parse, resolve


class Attachments:
    """The RFP packet's attachments in letter order: ``{"id", "letter", "title", "files"}``.

    Which documents are attached turns only on whether their ``requires`` sections are set,
    so using the list records that (a truth read), not the sections' whole values: editing the
    page limit must not re-render every document that names an attachment.
    """

    def __init__(self, loaded: LoadedProfile):
        self._items = sorted(loaded.attachments.values(), key=lambda a: a["letter"])
        self._requires = loaded.attachment_requires
        self._profile = loaded.profile

    def _record(self) -> None:
        reads = current()
        if reads is None:
            return
        for text in self._requires:
            path = parse(text) or ()
            found, value = resolve(self._profile, path)
            reads.record(path, "b", value if found else None)

    def __iter__(self):  # noqa: ANN204
        self._record()
        return iter(self._items)

    def __len__(self) -> int:
        self._record()
        return len(self._items)


def packet_context(loaded: LoadedProfile) -> dict[str, Any]:
    from genkit.render.clauses import rfp_clauses, state_name
    from genkit.render.price_form import price_form

    profile = loaded.profile
    return {"price_form": price_form(profile), "attachments": Attachments(loaded),
            "rfp_clauses": rfp_clauses(profile),
            "state_name": state_name(profile.jurisdiction.state)}


def packet_reads() -> dict[str, list[tuple]]:
    """The paths each name is computed from (``attachments`` records its own reads)."""
    from genkit.render.clauses import CLAUSE_READS
    from genkit.render.price_form import PRICE_FORM_READS

    return {"price_form": list(PRICE_FORM_READS), "rfp_clauses": list(CLAUSE_READS),
            "state_name": [("jurisdiction", "state")]}
