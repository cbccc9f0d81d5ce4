"""Which outputs of a plan can be copied from the previous bundle instead of rendered again.

An output is reused when the previous manifest lists it under the same fingerprint (templates,
assets, genkit's code, the format), every profile field it was rendered from reads the same
today (its read set, genkit/plan/read_sets.py), and the file on disk still has the bytes the
manifest recorded. Settled for every unit before anything renders, so the PDF workers can warm
up while the first Markdown renders.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from genkit.plan.manifest import Manifest
from genkit.plan.read_sets import unchanged


@dataclass(frozen=True)
class Reused:
    """An output copied from the previous bundle, with the read set it was rendered from."""

    data: bytes
    reads: dict[str, str]


def reuse(
    out_dir: Path,
    previous: Manifest | None,
    path: str,
    fingerprint: str,
    profile: Any,
    memo: dict[str, str],
) -> Reused | None:
    """The previous bundle's ``path`` if it can stand for a new render, else None. ``memo``
    keeps today's answers to reads across one bundle's documents."""
    if previous is None:
        return None
    old = previous.files.get(path)
    if old is None or not old.fingerprint or old.fingerprint != fingerprint:
        return None
    entries = previous.reads.get(path)
    if not isinstance(entries, dict) or not unchanged(entries, profile, memo):
        return None
    try:
        data = (out_dir / path).read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != old.sha256:
        return None
    return Reused(data, entries)
