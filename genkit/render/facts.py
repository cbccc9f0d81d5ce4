"""Which profile fields a render reads: read-recording proxies and the read sets they fill.

While a unit renders, the profile's containers (models, lists, dicts) reach templates wrapped in
``Tracked`` proxies. Leaves (text, numbers, dates, None) are handed out as the real values, so
printing, escaping and StrictUndefined behave exactly as without tracking; handing one out
records its dotted path. Anything that looks at a container as a whole (printing it, comparing
it, passing it to a filter or to Python code) records the whole container: when in doubt, a
read is recorded, because a missed read would let a stale document be reused.

A read set maps ``path|kind`` to a short hash of what was read: ``v`` the value (as JSON),
``n`` a list's or mapping's length, ``b`` its truth. The next build re-evaluates each entry on
the new profile; any difference, or a path that no longer resolves, means "render again".
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

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


_CURRENT: contextvars.ContextVar[Reads | None] = contextvars.ContextVar("genkit_reads",
                                                                        default=None)


@contextmanager
def recording(reads: Reads) -> Iterator[Reads]:
    token = _CURRENT.set(reads)
    try:
        yield reads
    finally:
        _CURRENT.reset(token)


def current() -> Reads | None:
    return _CURRENT.get()


def digest(kind: str, value: Any) -> str:
    if kind == "n":
        data = str(len(value))
    elif kind == "b":
        data = str(bool(value))
    else:
        data = json.dumps(to_jsonable_python(value, fallback=repr), sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


def dotted(path: Path) -> str:
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


_PART = re.compile(r'\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_][A-Za-z0-9_\-]*)')


def parse(text: str) -> Path | None:
    parts: list[str | int] = []
    pos = 0
    while pos < len(text):
        match = _PART.match(text, pos)
        if not match or match.end() == pos:
            return None
        index, quoted, name = match.groups()
        parts.append(int(index) if index is not None else
                     json.loads(quoted) if quoted is not None else name)
        pos = match.end()
    return tuple(parts)


def resolve(root: Any, path: Path) -> tuple[bool, Any]:
    current_value = root
    for part in path:
        if isinstance(part, int):
            if not isinstance(current_value, (list, tuple)) or part >= len(current_value):
                return False, None
            current_value = current_value[part]
        elif isinstance(current_value, dict):
            if part not in current_value:
                return False, None
            current_value = current_value[part]
        elif isinstance(current_value, BaseModel) and part in type(current_value).model_fields:
            current_value = getattr(current_value, part)
        else:
            return False, None
    return True, current_value


def unchanged(entries: dict[str, str], root: Any) -> bool:
    """Whether every read of a stored read set gives the same answer on ``root`` (the profile)."""
    for key, old in entries.items():
        text, _, kind = key.rpartition("|")
        path = parse(text)
        if path is None:
            return False
        found, value = resolve(root, path)
        if not found:
            if old != "missing":
                return False
            continue
        try:
            if digest(kind, value) != old:
                return False
        except TypeError:  # a length asked of something that no longer has one
            return False
    return True


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


def unwrap(value: Any) -> Any:
    """The real value for Python code, recording that it read all of it."""
    if isinstance(value, Tracked):
        value._whole()
        return object.__getattribute__(value, "_value")
    if type(value) in (list, tuple):
        return type(value)(unwrap(v) for v in value)
    if type(value) is dict:
        return {k: unwrap(v) for k, v in value.items()}
    return value


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
        return wrap(self._value[key] if not isinstance(self._value, BaseModel)
                    else getattr(self._value, key), (*self._path, key))

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
        if key in real and real[key] is value and isinstance(key, (str, int)):
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
    proxy._whole()  # a method, a property, a slice: it may look at anything inside
    return value


# Properties of large models and the fields they compute from (checked by tests/test_facts.py).
DECLARED: dict[str, tuple[str, ...]] = {
    "Profile.selected_metrics": ("metrics", "metric_library"),
    "Program.display_name": ("name", "full_name"),
    "Program.dispatch_text": ("dispatch_model",),
    "Program.access_text": ("access",),
    "Program.team_size": ("team",),
    "Program.team_summary": ("team",),
}


def pack(file_reads: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Read sets for the manifest: each distinct set once, files pointing at theirs."""
    sets: list[str] = sorted({json.dumps(r, sort_keys=True) for r in file_reads.values()})
    index = {text: i for i, text in enumerate(sets)}
    return {"sets": [json.loads(t) for t in sets],
            "files": {p: index[json.dumps(r, sort_keys=True)]
                      for p, r in sorted(file_reads.items())}}


def unpack(manifest: dict[str, Any]) -> dict[str, dict[str, str]]:
    try:
        packed = manifest.get("reads") or {}
        sets = packed.get("sets", [])
        return {p: sets[i] for p, i in packed.get("files", {}).items()}
    except (AttributeError, IndexError, TypeError):
        return {}
