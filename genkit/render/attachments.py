"""``attachments``: the RFP packet's lettered attachments as templates see them.

The letters come from the plan (which documents this profile gets), so render supplies this
name; the price form, clauses and state name are the packet family's (genkit/packet/family.py).
"""

from __future__ import annotations

from genkit.fieldpath import parse, resolve
from genkit.load.profiles import LoadedProfile
from genkit.render.tracking.facts import current


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

    def __iter__(self):
        self._record()
        return iter(self._items)

    def __len__(self) -> int:
        self._record()
        return len(self._items)
