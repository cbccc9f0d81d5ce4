"""The RFP packet inside the bundle zip: the RFP and its attachments again, under their letters.

A procurement office posts the packet as one set of files; ``rfp-packet/`` in the zip holds the
RFP (``0-rfp.pdf``...) and each attachment named by its letter (``A-decision-tree.pdf``), the
same letters the RFP's list of attachments and the bundle index use. The copies are the same
bytes as the bundle's own files, so they add nothing to check.
"""

from __future__ import annotations

RFP_ID = "rfp/rfp"


def packet_members(files: dict[str, bytes], attachments: dict[str, dict]) -> dict[str, bytes]:
    if not attachments:
        return {}
    prefixes = {RFP_ID: "0"} | {doc_id: a["letter"] for doc_id, a in attachments.items()}
    members = {}
    for path, data in files.items():
        stem, dot, ext = path.rpartition(".")
        if dot and stem in prefixes:
            members[f"rfp-packet/{prefixes[stem]}-{stem.rsplit('/', 1)[-1]}.{ext}"] = data
    return members
