"""Which profile fields a render reads: read-recording proxies and the read sets they fill.

While a unit renders, the profile's containers (models, lists, dicts) reach templates wrapped in
``Tracked`` proxies. Leaves (text, numbers, dates, None) are handed out as the real values, so
printing, escaping and StrictUndefined behave exactly as without tracking; handing one out
records its dotted path. Anything that looks at a container as a whole (printing it, comparing
it, passing it to a filter or to Python code) records the whole container: when in doubt, a
read is recorded, because a missed read would let a stale document be reused.

How a read set is stored and compared on the next build is in genkit/plan/read_sets.py.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from genkit.family import method_shows
from genkit.fieldpath import dotted, parse, resolve
from genkit.plan.read_sets import digest

Path = tuple[str | int, ...]
_LEAVES = (str, int, float, bool, dt.date, dt.time, enum.Enum, type(None), bytes)


@dataclass
class Reads:
    """The read set of one unit: ``path|kind`` -> hash, plus the leaves it showed, in order."""

    entries: dict[str, str] = field(default_factory=dict)
    shown: list[str] = field(default_factory=list)  # dotted leaf paths, first read first
    root: Any = None  # the profile the paths start from
    # Context names computed in Python from the profile -> the paths they were computed from.
    names: dict[str, list[Path]] = field(default_factory=dict)

    def record(self, path: Path, kind: str, value: Any, shown: bool = False) -> None:
        key = f"{dotted(path)}|{kind}"
        if key not in self.entries:
            self.entries[key] = digest(kind, value)
        if shown and key[:-2] not in self._shown_set:
            self._shown_set.add(key[:-2])
            self.shown.append(key[:-2])

    def declare(self, path: Path) -> None:
        """Python code (a figure, the page layout) read the whole of ``path``."""
        found, value = resolve(self.root, path)
        if found:
            self.record(path, "v", value)
        else:
            self.entries[f"{dotted(path)}|v"] = "missing"

    def __post_init__(self) -> None:
        self._shown_set: set[str] = set(self.shown)


_CURRENT: contextvars.ContextVar[Reads | None] = contextvars.ContextVar(
    "genkit_reads", default=None
)


@contextmanager
def recording(reads: Reads) -> Iterator[Reads]:
    token = _CURRENT.set(reads)
    try:
        yield reads
    finally:
        _CURRENT.reset(token)


@contextmanager
def ensure_recording(root: Any) -> Iterator[Reads]:
    """Record into the current read set, or into a new one when nobody records (a test, a tool):
    a document's sources section is drawn from what it read, so reads are always recorded."""
    reads = current()
    if reads is not None:
        yield reads
        return
    with recording(Reads(root=root)) as fresh:
        yield fresh


def state(*paths: str) -> None:
    """The text states these fields in its own words (a translation): they count as shown."""
    reads = current()
    if reads is None:
        return
    for text in paths:
        path = parse(text) or ()
        found, value = resolve(reads.root, path)
        if found:
            reads.record(path, "v", value, shown=True)
        else:
            reads.entries.setdefault(f"{dotted(path)}|v", "missing")


def current() -> Reads | None:
    return _CURRENT.get()


def is_leaf(value: Any) -> bool:
    return isinstance(value, _LEAVES) or not isinstance(value, (BaseModel, list, tuple, dict))


def wrap(value: Any, path: Path) -> Any:
    """The value as a template sees it: leaves as they are (recorded), containers proxied."""
    if isinstance(value, Tracked):
        return value
    if is_leaf(value):
        reads = current()
        if reads is not None:
            reads.record(path, "v", value, shown=True)
        return value
    return Tracked(value, path)


def unwrap(value: Any, shown: bool = True) -> Any:
    """The real value for Python code, recording that it read all of it (and, unless told
    otherwise, that the document shows all of it)."""
    if isinstance(value, Tracked):
        if shown:
            value._whole()
        else:
            value._record("v")
        return object.__getattribute__(value, "_value")
    if type(value) in (list, tuple):
        return type(value)(unwrap(v, shown) for v in value)
    if type(value) is dict:
        return {k: unwrap(v, shown) for k, v in value.items()}
    return value


@dataclass
class TrackedMethod:
    """A method of a proxied model, as a template sees it before calling it."""

    owner: Tracked
    name: str
    method: Any

    def __str__(self) -> str:  # printed uncalled: as the bare method would print
        self.owner._whole()
        return str(self.method)

    __repr__ = __str__

    def call_args(self, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
        """Record what the call reads (owner and arguments, whole) and what it shows, and give
        the real arguments. A method says what it shows with ``genkit.family.shows``; one that
        says nothing counts as showing all it reads."""
        showing = method_shows(self.method)
        if showing is None:
            self.owner._whole()
            return (tuple(unwrap(a) for a in args), {k: unwrap(v) for k, v in kwargs.items()})
        self.owner._record("v")
        reads = current()
        proxies = [self.owner, *args]
        for index, fields in showing.items():
            if index < len(proxies) and isinstance(proxies[index], Tracked) and reads:
                target = proxies[index]
                base = object.__getattribute__(target, "_path")
                for text in fields:
                    path = (*base, *(parse(text) or ())) if text else base
                    found, value = resolve(reads.root, path)
                    if found:
                        reads.record(path, "v", value, shown=True)
        return (
            tuple(unwrap(a, False) for a in args),
            {k: unwrap(v, False) for k, v in kwargs.items()},
        )


class Tracked:
    """A profile container seen by a template. Only the sandbox looks inside (see templating)."""

    __slots__ = ("_value", "_path")

    def __init__(self, value: Any, path: Path):
        object.__setattr__(self, "_value", value)
        object.__setattr__(self, "_path", path)

    def _record(self, kind: str) -> None:
        reads = current()
        if reads is not None:
            reads.record(self._path, kind, self._value)

    def _whole(self) -> None:
        reads = current()
        if reads is not None:
            # Shown as a whole: its leaves count as shown, for the document's sources list.
            reads.record(self._path, "v", self._value, shown=True)

    def child(self, key: str | int) -> Any:
        return wrap(
            self._value[key]
            if not isinstance(self._value, BaseModel)
            else getattr(self._value, key),
            (*self._path, key),
        )

    def __iter__(self) -> Iterator[Any]:
        value = self._value
        if isinstance(value, BaseModel):
            self._whole()
            yield from iter(value)
            return
        self._record("n")
        if isinstance(value, dict):
            yield from value  # keys: reading a key's value goes through getitem
        else:
            for index in range(len(value)):
                yield self.child(index)

    def __getitem__(self, key: object) -> Any:
        # Jinja compiles slices (``list[1:3]``) to a plain subscript; every other lookup goes
        # through the sandbox's getitem.
        if not isinstance(key, slice):
            raise TypeError("profile values are looked up through the template sandbox")
        self._whole()
        return self._value[key]

    def __len__(self) -> int:
        self._record("n")
        return len(self._value)

    def __bool__(self) -> bool:
        self._record("b")
        return bool(self._value)

    def __contains__(self, item: object) -> bool:
        self._whole()
        return unwrap(item) in self._value

    def __str__(self) -> str:
        self._whole()
        return str(self._value)

    def __repr__(self) -> str:
        self._whole()
        return repr(self._value)

    def __format__(self, spec: str) -> str:
        self._whole()
        return format(self._value, spec)

    def __html__(self) -> str:
        self._whole()
        from markupsafe import escape

        return str(escape(self._value))

    def __eq__(self, other: object) -> bool:
        self._whole()
        return self._value == unwrap(other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        self._whole()
        return hash(self._value)

    def __lt__(self, other: object) -> bool:
        self._whole()
        return self._value < unwrap(other)

    def __le__(self, other: object) -> bool:
        self._whole()
        return self._value <= unwrap(other)

    def __gt__(self, other: object) -> bool:
        self._whole()
        return self._value > unwrap(other)

    def __ge__(self, other: object) -> bool:
        self._whole()
        return self._value >= unwrap(other)

    def __reversed__(self) -> Iterator[Any]:
        items = list(self)
        return reversed(items)


def declare(*paths: str) -> None:
    """Record that Python code read these dotted paths whole (no-op when nothing records)."""
    reads = current()
    if reads is not None:
        for text in paths:
            reads.declare(parse(text) or ())


def child(proxy: Tracked, key: object, value: Any) -> Any:
    """What the sandbox hands out for ``proxy.key`` / ``proxy[key]`` once it found ``value``."""
    real = object.__getattribute__(proxy, "_value")
    path = object.__getattribute__(proxy, "_path")
    if isinstance(real, BaseModel):
        if isinstance(key, str) and key in type(real).model_fields:
            return wrap(value, (*path, key))
    elif isinstance(real, dict):
        if isinstance(key, (str, int)) and key in real and real[key] is value:
            return wrap(value, (*path, key))
    elif isinstance(key, int) and not isinstance(key, bool) and -len(real) <= key < len(real):
        if key < 0:  # list[-1]: which item that is depends on the length
            proxy._record("n")
            key += len(real)
        return wrap(value, (*path, key))
    declared = DECLARED.get(f"{type(real).__name__}.{key}")
    reads = current()
    if declared is not None and reads is not None:
        for field_name in declared:  # a property of a large model that reads few fields
            reads.record((*path, field_name), "v", getattr(real, field_name), shown=True)
        return value
    from jinja2 import Undefined

    if isinstance(value, Undefined):  # StrictUndefined must stay what it is: an error when used
        proxy._whole()
        return value
    if callable(value) and isinstance(key, str) and isinstance(real, BaseModel):
        return TrackedMethod(proxy, key, value)  # the call says what it reads: see @shows
    proxy._whole()  # a property, a slice: it may look at anything inside
    return value


# Properties of large models and the fields they compute from (checked by tests/test_facts.py).
DECLARED: dict[str, tuple[str, ...]] = {
    "Profile.selected_metrics": (
        "metrics",
        "metric_library",
        "call_volumes",
        "funding",
        "staffing",
    ),
    "Program.display_name": ("name", "full_name"),
    "Program.dispatch_text": ("dispatch_model", "screening", "dispatching"),
    "Program.access_text": ("access",),
    "Program.team_size": ("team",),
    "Program.team_summary": ("team",),
}
