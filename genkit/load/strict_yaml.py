"""Read YAML the way a profile needs: literal strings, located values, nothing clever.

Every scalar stays a string (``no``, ``02134`` and ``19:30`` are never reinterpreted); the typed
model converts a value only where its field asks for a number, a date or a boolean. Anchors,
aliases, tags and duplicate keys are refused because they make a file mean something other
than what a reader sees. Every value keeps the line and column it came from.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.reader import ReaderError

from genkit.errors import Problem, ProfileError
from genkit.fieldpath import FieldPath, shown

if TYPE_CHECKING:
    from genkit.load.parse_cache import ParseCache

NULL_WORDS = {"", "~", "null", "Null", "NULL"}


@dataclass
class LoadedYaml:
    """A YAML document as plain Python data, with the position of every value and key."""

    file: str
    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: FieldPath) -> tuple[int, int]:
        """Closest known position for a path: the value itself or its nearest parent."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


class _Builder:
    """Turn a stream of YAML events into data, refusing what a profile must not contain."""

    def __init__(self, file: str):
        self.file = file
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def _problem(self, mark, path: FieldPath, message: str) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        self.problems.append(Problem(self.file, line, col, shown(path), message))

    def _check_node_event(self, event, path: FieldPath) -> None:
        if getattr(event, "anchor", None):
            self._problem(
                event.start_mark,
                path,
                f"anchors (&{event.anchor}) are not allowed; write the value out in full",
            )
        tag = getattr(event, "tag", None)
        if tag and not (isinstance(event, ScalarEvent) and event.implicit[0]):
            self._problem(
                event.start_mark, path, f"YAML tags ({tag}) are not allowed; write a plain value"
            )

    def build(self, events) -> Any:
        it = iter(events)
        value: Any = None
        documents = 0
        for event in it:
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._problem(event.start_mark, (), "a profile holds one YAML document only")
                    break
                if event.version and tuple(event.version) != (1, 2):
                    self._problem(
                        event.start_mark,
                        (),
                        f"%YAML {'.'.join(map(str, event.version))} is not supported; "
                        "remove the %YAML line (profiles are YAML 1.2)",
                    )
                if getattr(event, "tags", None):
                    self._problem(event.start_mark, (), "%TAG directives are not allowed")
            elif isinstance(
                event, (MappingStartEvent, SequenceStartEvent, ScalarEvent, AliasEvent)
            ):
                value = self._node(event, it, ())
        return value, documents

    def _node(self, event, it, path: FieldPath) -> Any:
        mark = event.start_mark
        self.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(event, AliasEvent):
            self._problem(
                mark,
                path,
                f"aliases (*{event.anchor}) are not allowed; write the value out in full",
            )
            return None
        self._check_node_event(event, path)
        if isinstance(event, ScalarEvent):
            if event.style is None and event.value in NULL_WORDS:
                return None
            if event.style == ">":
                # ruamel marks where a folded scalar was folded with BEL; drop the markers.
                return event.value.replace("\a", "")
            return event.value
        if isinstance(event, SequenceStartEvent):
            items: list[Any] = []
            for child in it:
                if isinstance(child, SequenceEndEvent):
                    return items
                items.append(self._node(child, it, (*path, len(items))))
            return items
        mapping: dict[str, Any] = {}
        for key_event in it:
            if isinstance(key_event, MappingEndEvent):
                return mapping
            if not isinstance(key_event, ScalarEvent):
                self._problem(key_event.start_mark, path, "keys must be plain words")
                self._skip(key_event, it)
                key = f"<complex key {len(mapping)}>"
            else:
                self._check_node_event(key_event, path)
                key = key_event.value
            key_path = (*path, key)
            if key in mapping:
                self._problem(
                    key_event.start_mark,
                    key_path,
                    f"duplicate key '{key}' (first given at line "
                    f"{self.positions[key_path][0]}); keep one",
                )
                self._node(next(it), it, (*path, f"{key}<duplicate>"))
                continue
            self.positions[key_path] = (
                key_event.start_mark.line + 1,
                key_event.start_mark.column + 1,
            )
            mapping[key] = self._node(next(it), it, key_path)
            # The key's own line is the most useful place to point at for its value.
            self.positions[key_path] = (
                key_event.start_mark.line + 1,
                key_event.start_mark.column + 1,
            )
        return mapping

    @staticmethod
    def _skip(event, it) -> None:
        depth = 1 if isinstance(event, (MappingStartEvent, SequenceStartEvent)) else 0
        while depth:
            nxt = next(it)
            if isinstance(nxt, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
            elif isinstance(nxt, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1


def _decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ProfileError(
            [Problem(file, line, col, "", "this file is not UTF-8 text; save it as UTF-8")]
        ) from None
    return text.removeprefix("\ufeff")


def parse_yaml_text(text: str, file: str) -> LoadedYaml:
    """Parse YAML text into located plain data, or raise a ProfileError listing every problem."""
    # The shared base profiles are most of the text and rarely change: a preview's rebuild or
    # ``build --all`` parses each once. Callers get their own copy to change as they like.
    doc = _parse_cached(text, file)
    return LoadedYaml(doc.file, copy.deepcopy(doc.data), dict(doc.positions))


@functools.lru_cache(maxsize=64)  # a bundle reads about 20 files: profiles, strings
def _parse_cached(text: str, file: str) -> LoadedYaml:
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise ProfileError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    "the file is empty; a profile needs at least 'jurisdiction' and 'program'",
                )
            ]
        )
    builder = _Builder(file)
    try:
        data, _ = builder.build(YAML(typ="rt", pure=True).parse(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reason = (exc.problem or exc.context or "invalid YAML").strip()
        raise ProfileError([Problem(file, line, col, "", f"YAML syntax: {reason}")]) from None
    except ReaderError as exc:
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        raise ProfileError(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    f"the control character U+{char:04X} cannot appear in a profile; delete it",
                )
            ]
        ) from None
    except YAMLError as exc:
        raise ProfileError([Problem(file, 1, 1, "", f"YAML syntax: {exc}")]) from None
    except RecursionError:
        raise ProfileError([Problem(file, 0, 0, "", "nesting is too deep")]) from None
    if builder.problems:
        raise ProfileError(builder.problems)
    return LoadedYaml(file, data, builder.positions)


def load_yaml(
    path: Path, display: str | None = None, cache: ParseCache | None = None
) -> LoadedYaml:
    """Read and parse a YAML file; ``display`` is the name used in messages. With ``cache``,
    a text parsed by an earlier build is read back instead of parsed again."""
    file = display or str(path)
    text = _decode(path.read_bytes(), file)
    if cache is None:
        return parse_yaml_text(text, file)
    hit = cache.read(text)
    if hit is not None:
        return LoadedYaml(file, *hit)
    doc = parse_yaml_text(text, file)
    cache.add(text, doc.data, doc.positions)
    return doc
