"""Load a jurisdiction profile: read YAML with positions, apply ``extends``, validate.

The result is a typed ``Profile`` plus a position map, so that every later check can still
point at ``file:line:col`` for the field it is unhappy about.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from genkit.checks.registry import run_rules
from genkit.errors import Problem, ProfileError
from genkit.load.parse_cache import ParseCache
from genkit.load.strict_yaml import LoadedYaml, Path_, dotted, load_yaml
from genkit.model import Profile
from genkit.paths import SearchPath

MAX_EXTENDS_DEPTH = 8


@dataclass
class Located:
    """Merged profile data where every path knows the file, line and column it came from."""

    data: dict[str, Any]
    positions: dict[Path_, tuple[str, int, int]]

    def where(self, path: Path_) -> tuple[str, int, int]:
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions[()]

    def problem(self, path: Path_, message: str) -> Problem:
        file, line, col = self.where(path)
        own = self.positions[()][0]
        if file != own:
            # The value comes from a profile this one extends (often a built-in base the user
            # cannot edit): point at the nearest key the user wrote, and say where it came from.
            for depth in range(len(path) - 1, 0, -1):
                found = self.positions.get(tuple(path[:depth]))
                if found and found[0] == own:
                    return Problem(own, found[1], found[2], dotted(path),
                                   f"{message} (inherited from {file}:{line})")
        return Problem(file, line, col, dotted(path), message)


@dataclass
class LoadedProfile:
    name: str
    folder: Path
    profile: Profile
    located: Located
    calls_tally: dict[str, Any] | None = None  # the stored 911 call analysis, if any
    _calls_view: Any = None
    warnings: list[Problem] = field(default_factory=list)  # advice; --strict fails on it
    # RFP packet attachments this profile gets: document id -> letter, title, files (plan.jobs)
    attachments: dict[str, dict] = field(default_factory=dict)
    attachment_requires: list[str] = field(default_factory=list)  # what decides them

    @property
    def templates_dir(self) -> Path:
        return self.folder / "templates"

    @property
    def calls_analysis(self) -> Any:
        """The call analysis as documents see it (computed once), or None when never run."""
        if self.calls_tally is None or self.profile.calls is None:
            return None
        if self._calls_view is None:
            from genkit.calls.analysis import analyze

            self._calls_view = analyze(self.calls_tally, self.profile)
        return self._calls_view


def _located(doc: LoadedYaml) -> Located:
    return Located(doc.data, {p: (doc.file, *pos) for p, pos in doc.positions.items()})


def _merge(parent: Located, child: Located, path: Path_ = ()) -> Located:
    """Deep-merge mappings (child wins); lists and scalars are replaced whole."""
    data = dict(parent.data)
    positions = dict(parent.positions)
    for key, value in child.data.items():
        key_path = (*path, key)
        old = data.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            sub_parent = Located(old, {p[len(path):]: v for p, v in parent.positions.items()
                                       if p[: len(key_path)] == key_path})
            sub_child = Located(value, {p[len(path):]: v for p, v in child.positions.items()
                                        if p[: len(key_path)] == key_path})
            merged = _merge(sub_parent, sub_child, (key,))
            data[key] = merged.data
            for p, v in merged.positions.items():
                positions[(*path, *p)] = v
        else:
            data[key] = value
            positions = {p: v for p, v in positions.items() if p[: len(key_path)] != key_path}
            positions.update({p: v for p, v in child.positions.items()
                              if p[: len(key_path)] == key_path})
    # The key of this level (the file itself at the top) is where the child wrote it. Its
    # position is keyed by ``path``: each level's positions start with its own key.
    positions[path] = child.positions.get(path, parent.positions.get(path, ("?", 0, 0)))
    return Located(data, positions)


def read_located(name: str, search: SearchPath, chain: tuple[str, ...] = (),
                 cache: ParseCache | None = None) -> Located:
    """Read a profile and, recursively, the profiles it extends (parses kept in ``cache``)."""
    folder = search.jurisdiction_dir(name)
    path = folder / "profile.yaml"
    doc = load_yaml(path, search.display(path), cache)
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        raise ProfileError([Problem(doc.file, 1, 1, "",
                                    f"a profile must be a mapping of keys to values, not {kind}")])
    own = _located(doc)
    parent_name = doc.data.get("extends")
    if parent_name is None:
        return own
    if not isinstance(parent_name, str):
        raise ProfileError([own.problem(("extends",), "must be the name of another profile")])
    if parent_name in (*chain, name):
        raise ProfileError([own.problem(("extends",), "profiles extend each other in a circle: "
                                        + " -> ".join((*chain, name, parent_name)))])
    if len(chain) >= MAX_EXTENDS_DEPTH:
        raise ProfileError([own.problem(("extends",), "too many levels of 'extends'")])
    known = search.jurisdiction_names(include_bases=True)
    if parent_name not in known:
        raise ProfileError([own.problem(("extends",), f"no profile named '{parent_name}' to "
                                        f"extend (known: {', '.join(known)})")])
    parent = read_located(parent_name, search, (*chain, name), cache)
    merged = _merge(parent, own)
    merged.data.pop("extends", None)
    return merged


def load_profile(name: str, search: SearchPath, cache: ParseCache | None = None) -> LoadedProfile:
    """Load, merge and validate one jurisdiction; raise ProfileError listing every problem.
    ``cache`` keeps parsed files for the next build (see genkit/load/parse_cache.py)."""
    located = read_located(name, search, cache=cache)
    try:
        profile = Profile.model_validate(located.data)
    except ValidationError as exc:
        raise ProfileError(sorted(_problems_from(exc, located))) from None
    problems = [located.problem(path, message) for path, message in run_rules(profile)]
    if problems:
        raise ProfileError(sorted(problems))
    folder = search.jurisdiction_dir(name)
    warnings = sorted(located.problem(path, message)
                      for path, message in run_rules(profile, warnings=True))
    return LoadedProfile(name, folder, profile, located, _calls_tally(folder, profile, search),
                         warnings=warnings)


def _calls_tally(folder: Path, profile: Profile, search: SearchPath) -> dict[str, Any] | None:
    from genkit.calls.store import FILE_NAME, load

    shown = search.display(folder / FILE_NAME)
    tally = load(folder, shown)
    if tally is not None and profile.calls is None:
        raise ProfileError([Problem(shown, 0, 0, "", "a stored call analysis needs a 'calls:' "
                                    "section in the profile (its suppression threshold and "
                                    "assumptions); add it, or delete this file")])
    return tally


def _problems_from(exc: ValidationError, located: Located) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc: Path_ = tuple(err["loc"])
        message = _message(err, loc)
        problems.append(located.problem(loc, message))
    return problems


def _message(err: dict[str, Any], loc: Path_) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(loc[:-1]))
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else (
            f"; allowed here: {', '.join(allowed)}" if allowed else "")
        return f"unknown field '{loc[-1]}'{hint}"
    if kind == "missing":
        return "is required but missing"
    if kind == "literal_error":
        return f"must be one of {err['ctx']['expected']} (got '{err.get('input')}')"
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc, err.get("input"))
    message = err["msg"].removeprefix("Value error, ")
    return message[0].lower() + message[1:] if message else kind


def _pattern_message(loc: Path_, value: Any) -> str:
    field = str(loc[-1]) if loc else ""
    if field in {"start", "end", "time"}:
        return f"'{value}' is not a time of day; write it as HH:MM on the 24-hour clock, e.g. 21:00"
    if field in {"url"}:
        return f"'{value}' is not a web address starting with http:// or https://"
    if field == "email":
        return f"'{value}' is not an email address such as name@example.org"
    return (f"'{value}' is not a valid identifier: use lowercase letters, digits and hyphens "
            "(for example peer-support)")


def _fields_at(loc: Path_) -> list[str]:
    """Field names allowed at a location in the model, for 'did you mean' hints."""
    current: Any = Profile
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) or (isinstance(current, type) and not issubclass(current,
                                                                                   BaseModel)):
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
