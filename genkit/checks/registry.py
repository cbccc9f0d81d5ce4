"""Cross-field rules: checks that need more than one field at a time.

A rule is a function taking the validated profile and yielding ``(path, message)`` pairs. Rules
register themselves with ``@rule``; a document family adds its own rules in its own module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from genkit.load.strict_yaml import Path_
from genkit.model import Profile

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
