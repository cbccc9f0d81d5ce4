"""Field paths: how genkit names one value of a profile (``staffing.positions[2].pay``).

One type everywhere: the loader keys positions by it, rules report problems at it, fact
tracking records reads under it, sources and ``illustrative`` lists name facts with it, and
the plan walks ``each:`` and ``languages:`` with it. A path is a tuple of keys and list
indexes; its text form is dotted, with a key that is not a plain name quoted
(``metrics["eligible calls"]``), so every path survives the trip to text and back; messages
show keys as written (``shown``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel

FieldPath = tuple[str | int, ...]

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_PART = re.compile(r'\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_][A-Za-z0-9_\-]*)')


def dotted(path: FieldPath) -> str:
    """``("staffing", "positions", 2, "pay")`` -> ``staffing.positions[2].pay``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part)}]"
    return out


def shown(path: FieldPath) -> str:
    """The path as a message names it for a reader: keys as written, never quoted
    (``citations.program.name`` for the ``program.name`` key of ``citations``)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def parse(text: str) -> FieldPath | None:
    """``staffing.positions[2].pay`` -> its parts; None if the text is not a field path."""
    parts: list[str | int] = []
    pos = 0
    while pos < len(text):
        match = _PART.match(text, pos)
        if not match or match.end() == pos:
            return None
        index, quoted, name = match.groups()
        parts.append(
            int(index) if index is not None else json.loads(quoted) if quoted is not None else name
        )
        pos = match.end()
    return tuple(parts)


def resolve(root: Any, path: FieldPath) -> tuple[bool, Any]:
    """``(True, value)`` at ``path`` in a profile model or plain data; ``(False, None)`` if
    nothing is there. Only a model's fields count, never its methods or properties."""
    current = root
    for part in path:
        if isinstance(part, int):
            if not isinstance(current, (list, tuple)) or part >= len(current):
                return False, None
            current = current[part]
        elif isinstance(current, dict):
            if part not in current:
                return False, None
            current = current[part]
        elif isinstance(current, BaseModel) and part in type(current).model_fields:
            current = getattr(current, part)
        else:
            return False, None
    return True, current


def exists(root: Any, text: str) -> bool:
    """Whether the dotted path ``text`` names a value in ``root``."""
    path = parse(text)
    return path is not None and resolve(root, path)[0]
