"""Cross-field rules: checks that need more than one field at a time.

A rule is a function taking the validated profile and yielding ``(path, message)`` pairs. Rules
register themselves with ``@rule``; a document family adds its own rules in its own module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from genkit.model import Profile
from genkit.yamlload import Path_

RuleResult = Iterable[tuple[Path_, str]]
Rule = Callable[[Profile], RuleResult]
_RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    _RULES.append(func)
    return func


def run_rules(profile: Profile) -> list[tuple[Path_, str]]:
    from genkit.checks import load_all

    load_all()

    found: list[tuple[Path_, str]] = []
    for func in _RULES:
        found.extend(func(profile))
    return found


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
