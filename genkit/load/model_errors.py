"""One converter from a pydantic ``ValidationError`` to located problems.

Profiles, template front matter and language strings are all YAML checked by a pydantic model;
each knows where its keys were written. The messages are the same everywhere: an unknown key
gets "did you mean", a missing one "is required but missing", a bad pattern says what it wants.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from genkit.errors import Problem

Place = Callable[[tuple, str], Problem]  # (path of the value, message) -> a located problem


def problems_from(exc: ValidationError, model: type[BaseModel], place: Place) -> list[Problem]:
    """Every error of ``exc`` (raised by ``model``), located by ``place``, in sorted order."""
    return sorted(
        place(tuple(err["loc"]), message(err, tuple(err["loc"]), model))
        for err in exc.errors(include_url=False)
    )


def message(err: Any, loc: tuple, model: type[BaseModel]) -> str:
    """What a reader should be told about one pydantic error at ``loc``."""
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = (
            f"; did you mean '{guess[0]}'?"
            if guess
            else (f"; allowed here: {', '.join(allowed)}" if allowed else "")
        )
        return f"unknown field '{loc[-1]}'{hint}"
    if kind == "missing":
        return "is required but missing"
    if kind == "literal_error":
        return f"must be one of {err['ctx']['expected']} (got '{err.get('input')}')"
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc, err.get("input"))
    text = err["msg"].removeprefix("Value error, ")
    return text[0].lower() + text[1:] if text else kind


def _pattern_message(loc: tuple, value: Any) -> str:
    field = str(loc[-1]) if loc else ""
    if field in {"start", "end", "time"}:
        return f"'{value}' is not a time of day; write it as HH:MM on the 24-hour clock, e.g. 21:00"
    if field in {"url"}:
        return f"'{value}' is not a web address starting with http:// or https://"
    if field == "email":
        return f"'{value}' is not an email address such as name@example.org"
    return (
        f"'{value}' is not a valid identifier: use lowercase letters, digits and hyphens "
        "(for example peer-support)"
    )


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names allowed at a location in the model, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) or (
            isinstance(current, type) and not issubclass(current, BaseModel)
        ):
            current = _item_type(current)
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
        else:
            current = _item_type(current)
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _item_type(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple, set) and args:
        return _unwrap(args[0])
    if origin is dict and len(args) == 2:
        return _unwrap(args[1])
    return annotation
