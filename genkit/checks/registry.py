"""Cross-field rules: checks that need more than one field at a time.

A rule is a function taking the validated profile and yielding ``(path, message)`` pairs. Rules
register themselves with ``@rule``; a document family adds its own rules in its own module.

A ``@warning`` rule has the same shape, but what it yields is advice, not a mistake (a field
collected that nothing uses): the build reports it and goes on, and ``--strict`` fails on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from genkit.fieldpath import FieldPath
from genkit.model import Profile

RuleResult = Iterable[tuple[FieldPath, str]]
Rule = Callable[[Profile], RuleResult]
_RULES: list[Rule] = []
_WARNINGS: list[Rule] = []


def rule(func: Rule) -> Rule:
    _RULES.append(func)
    return func


def warning(func: Rule) -> Rule:
    _WARNINGS.append(func)
    return func


def run_rules(profile: Profile, warnings: bool = False) -> list[tuple[FieldPath, str]]:
    """Every error rule's findings, or with ``warnings=True`` every warning rule's."""
    from genkit.checks import load_all

    load_all()

    found: list[tuple[FieldPath, str]] = []
    for func in _WARNINGS if warnings else _RULES:
        found.extend(func(profile))
    return found
