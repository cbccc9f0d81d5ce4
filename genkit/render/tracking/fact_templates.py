"""Jinja's side of fact tracking: the context that records names, and unwrapping filters.

Templates read profile containers through ``genkit.render.tracking.facts.Tracked`` proxies.
Everything Python that a template calls (filters, tests, operators, functions) gets the real values
instead, and whatever it got counts as read in full; context names computed in Python from the
profile (``references``, ``decision_steps``...) record the paths they were computed from when a
template first looks them up.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from jinja2.runtime import Context

from genkit.render.tracking.facts import Tracked, current, unwrap

_LENGTH_FILTERS = {"length", "count"}


class TrackingContext(Context):
    def resolve_or_missing(self, key: str) -> Any:
        reads = current()
        if reads is not None and key in reads.names:
            for path in reads.names[key]:
                reads.declare(path)
        return super().resolve_or_missing(key)


def unwrapping(func: Callable, name: str = "") -> Callable:
    """A filter or test that sees real values; ``|length`` of a list reads only its length."""
    if name in _LENGTH_FILTERS:

        @functools.wraps(func)
        def counted(value: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(value, Tracked):
                return len(value)
            return func(value, *args, **kwargs)

        return counted

    @functools.wraps(func)  # keeps jinja's pass_context / pass_environment marks
    def inner(*args: Any, **kwargs: Any) -> Any:
        return func(*(unwrap(a) for a in args), **{k: unwrap(v) for k, v in kwargs.items()})

    return inner


def unwrapping_binop(method: Callable) -> Callable:
    @functools.wraps(method)
    def inner(self: Any, context: Any, operator: str, left: object, right: object) -> object:
        return method(self, context, operator, unwrap(left), unwrap(right))

    return inner
