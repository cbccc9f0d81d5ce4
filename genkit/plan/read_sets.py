"""Read sets at rest: how a recorded read is written down, stored and asked again.

A read set maps ``path|kind`` to a short hash of what was read: ``v`` the value (as JSON), ``n`` a
list's or mapping's length, ``b`` its truth. The manifest stores each document's set
(genkit/plan/manifest.py); the next build asks every entry again of the new profile (``unchanged``),
and any different answer, or a path that no longer resolves, means "render again". The proxies that
fill read sets while a document renders are in genkit/render/tracking/facts.py.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic_core import to_jsonable_python

from genkit.fieldpath import parse, resolve


def digest(kind: str, value: Any) -> str:
    if kind == "n":
        data = str(len(value))
    elif kind == "b":
        data = str(bool(value))
    else:
        data = json.dumps(to_jsonable_python(value, fallback=repr), sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


# Never a stored answer (those are digests or "missing"), so a read that cannot be asked today
# always counts as changed.
UNASKABLE = "\0unaskable"


def unchanged(entries: dict[str, str], root: Any, memo: dict[str, str] | None = None) -> bool:
    """Whether every read of a stored read set gives the same answer on ``root`` (the profile).
    ``memo`` keeps today's answers across the documents of one bundle: most documents read
    the program's name and hours, and a whole section is costly to digest more than once."""
    memo = {} if memo is None else memo
    for key, old in entries.items():
        now = memo.get(key)
        if now is None:
            now = memo[key] = _answer(key, root)
        if now != old:
            return False
    return True


def _answer(key: str, root: Any) -> str:
    """Today's answer to one stored read: its digest, "missing", or UNASKABLE when it cannot
    be asked any more."""
    text, _, kind = key.rpartition("|")
    path = parse(text)
    if path is None:
        return UNASKABLE
    found, value = resolve(root, path)
    if not found:
        return "missing"
    try:
        return digest(kind, value)
    except TypeError:  # a length asked of something that no longer has one
        return UNASKABLE
