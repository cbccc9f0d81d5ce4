"""Cross-field rules: checks that need more than one field at a time.

A rule is a function taking the validated profile and yielding ``(path, message)`` pairs. Rules
register themselves with ``@rule``; a document family adds its own rules in its own module. A
rule about an optional section says so (``@rule(needs="agreement")``) instead of checking for
it: it runs only when the profile has that section.

A ``@warning`` rule has the same shape, but what it yields is advice, not a mistake (a field
collected that nothing uses): the build reports it and goes on, and ``--strict`` fails on it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from genkit.fieldpath import FieldPath, parse, resolve
from genkit.model import Profile

RuleResult = Iterable[tuple[FieldPath, str]]
Rule = Callable[[Profile], RuleResult]
_RULES: list[Rule] = []
_WARNINGS: list[Rule] = []


def rule(func: Rule | None = None, *, needs: str = "") -> Any:
    """Register an error rule: ``@rule``, or ``@rule(needs="procurement.payment")`` for a rule
    about a section a profile may leave out, which then runs only when it is there."""
    return _register(_RULES, func, needs)


def warning(func: Rule | None = None, *, needs: str = "") -> Any:
    """Register a warning rule (advice; ``--strict`` fails on it); ``needs`` as for ``rule``."""
    return _register(_WARNINGS, func, needs)


def _register(rules: list[Rule], func: Rule | None, needs: str) -> Any:
    def add(func: Rule) -> Rule:
        rules.append(_when_present(func, needs) if needs else func)
        return func

    return add(func) if func is not None else add


def _when_present(func: Rule, needs: str) -> Rule:
    path = parse(needs)
    if path is None:
        raise ValueError(f"rule {func.__name__}: '{needs}' is not a field path")

    @functools.wraps(func)
    def guarded(profile: Profile) -> RuleResult:
        found, value = resolve(profile, path)
        if found and value is not None:
            yield from func(profile)

    return guarded


def run_rules(profile: Profile, warnings: bool = False) -> list[tuple[FieldPath, str]]:
    """Every error rule's findings, or with ``warnings=True`` every warning rule's."""
    from genkit.checks import load_all

    load_all()

    found: list[tuple[FieldPath, str]] = []
    for func in _WARNINGS if warnings else _RULES:
        found.extend(func(profile))
    return found
