"""Dotted field paths (``program.team[0].title``): how errors, citations and rules name a value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def resolve_path(data: Any, dotted_path: str) -> bool:
    """Whether ``program.team[0].title`` names something that exists in ``data``."""
    current = data
    for part in split_path(dotted_path):
        if isinstance(part, int):
            if not isinstance(current, list) or part >= len(current):
                return False
            current = current[part]
        elif isinstance(current, dict) and part in current:
            current = current[part]
        else:
            return False
    return True


def split_path(dotted_path: str) -> Iterator[str | int]:
    """``program.team[0].title`` -> ``program``, ``team``, ``0``, ``title``."""
    return _split(dotted_path)


def _split(dotted_path: str) -> Iterator[str | int]:
    for chunk in dotted_path.split("."):
        name, _, rest = chunk.partition("[")
        if name:
            yield name
        while rest:
            index, _, rest = rest.partition("]")
            yield int(index) if index.isdigit() else index
            rest = rest.lstrip("[")
