"""The load stage: read a jurisdiction's profile YAML with positions and apply ``extends``.

The result is the merged data plus a position map (``Located``), so that every later check can
still point at ``file:line:col`` for the field it is unhappy about. Turning it into a typed
``Profile`` and running the cross-field rules is the validate stage (genkit/checks/validate.py),
which returns the ``LoadedProfile`` every later stage works from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genkit.errors import GenkitError, Problem, ProfileError
from genkit.fieldpath import FieldPath, shown
from genkit.load.parse_cache import ParseCache
from genkit.load.strict_yaml import LoadedYaml, load_yaml
from genkit.model import Profile
from genkit.paths import SearchPath

MAX_EXTENDS_DEPTH = 8


@dataclass
class Located:
    """Merged profile data where every path knows the file, line and column it came from."""

    data: dict[str, Any]
    positions: dict[FieldPath, tuple[str, int, int]]

    def where(self, path: FieldPath) -> tuple[str, int, int]:
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions[()]

    def problem(self, path: FieldPath, message: str) -> Problem:
        file, line, col = self.where(path)
        own = self.positions[()][0]
        if file != own:
            # The value comes from a profile this one extends (often a built-in base the user
            # cannot edit): point at the nearest key the user wrote, and say where it came from.
            for depth in range(len(path) - 1, 0, -1):
                found = self.positions.get(tuple(path[:depth]))
                if found and found[0] == own:
                    return Problem(
                        own,
                        found[1],
                        found[2],
                        shown(path),
                        f"{message} (inherited from {file}:{line})",
                    )
        return Problem(file, line, col, shown(path), message)


@dataclass
class SourceProfile:
    """What the load stage hands on: one profile's merged data, not yet validated."""

    name: str
    folder: Path
    located: Located
    calls_tally: dict[str, Any] | None  # the stored 911 call analysis beside it, if any
    calls_file: str  # where that analysis is (or would be), as messages show it


@dataclass
class Loaded:
    """Every profile that could be read, and the problems of those that could not: the validate
    stage reports both together, so one run lists every mistake in every profile."""

    profiles: list[SourceProfile]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class LoadedProfile:
    """A valid profile (the validate stage's result): the typed model, where each value was
    written, and the advice the warning rules gave."""

    name: str
    folder: Path
    profile: Profile
    located: Located
    calls_tally: dict[str, Any] | None = None  # the stored 911 call analysis, if any
    _calls_view: Any = None
    # Values the families compute from this profile (a budget, an estimate), made once per
    # build rather than once per document: they depend on the profile alone.
    computed: dict[str, Any] = field(default_factory=dict, repr=False)
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


def _merge(parent: Located, child: Located, path: FieldPath = ()) -> Located:
    """Deep-merge mappings (child wins); lists and scalars are replaced whole."""
    data = dict(parent.data)
    positions = dict(parent.positions)
    for key, value in child.data.items():
        key_path = (*path, key)
        old = data.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            sub_parent = Located(
                old,
                {
                    p[len(path) :]: v
                    for p, v in parent.positions.items()
                    if p[: len(key_path)] == key_path
                },
            )
            sub_child = Located(
                value,
                {
                    p[len(path) :]: v
                    for p, v in child.positions.items()
                    if p[: len(key_path)] == key_path
                },
            )
            merged = _merge(sub_parent, sub_child, (key,))
            data[key] = merged.data
            for p, v in merged.positions.items():
                positions[(*path, *p)] = v
        else:
            data[key] = value
            positions = {p: v for p, v in positions.items() if p[: len(key_path)] != key_path}
            positions.update(
                {p: v for p, v in child.positions.items() if p[: len(key_path)] == key_path}
            )
    # The key of this level (the file itself at the top) is where the child wrote it. Its
    # position is keyed by ``path``: each level's positions start with its own key.
    positions[path] = child.positions.get(path, parent.positions.get(path, ("?", 0, 0)))
    return Located(data, positions)


def read_located(
    name: str, search: SearchPath, chain: tuple[str, ...] = (), cache: ParseCache | None = None
) -> Located:
    """Read a profile and, recursively, the profiles it extends (parses kept in ``cache``)."""
    folder = search.jurisdiction_dir(name)
    path = folder / "profile.yaml"
    doc = load_yaml(path, search.display(path), cache)
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        raise ProfileError(
            [
                Problem(
                    doc.file, 1, 1, "", f"a profile must be a mapping of keys to values, not {kind}"
                )
            ]
        )
    own = _located(doc)
    parent_name = doc.data.get("extends")
    if parent_name is None:
        return own
    if not isinstance(parent_name, str):
        raise ProfileError([own.problem(("extends",), "must be the name of another profile")])
    if parent_name in (*chain, name):
        raise ProfileError(
            [
                own.problem(
                    ("extends",),
                    "profiles extend each other in a circle: "
                    + " -> ".join((*chain, name, parent_name)),
                )
            ]
        )
    if len(chain) >= MAX_EXTENDS_DEPTH:
        raise ProfileError([own.problem(("extends",), "too many levels of 'extends'")])
    known = search.jurisdiction_names(include_bases=True)
    if parent_name not in known:
        raise ProfileError(
            [
                own.problem(
                    ("extends",),
                    f"no profile named '{parent_name}' to extend (known: {', '.join(known)})",
                )
            ]
        )
    parent = read_located(parent_name, search, (*chain, name), cache)
    merged = _merge(parent, own)
    merged.data.pop("extends", None)
    return merged


def load_profiles(names: list[str], search: SearchPath, cache: ParseCache | None = None) -> Loaded:
    """Read every named profile; a profile that cannot be read is a problem, not an exception,
    so the others are still read and checked."""
    loaded = Loaded([])
    for name in names:
        try:
            loaded.profiles.append(read_profile(name, search, cache))
        except GenkitError as exc:
            loaded.problems.extend(exc.problems)
    return loaded


def read_profile(name: str, search: SearchPath, cache: ParseCache | None = None) -> SourceProfile:
    """Read one profile and what it extends; ``cache`` keeps parsed files for the next build
    (see genkit/load/parse_cache.py)."""
    from genkit.calls.store import FILE_NAME, load

    located = read_located(name, search, cache=cache)
    folder = search.jurisdiction_dir(name)
    shown = search.display(folder / FILE_NAME)
    return SourceProfile(name, folder, located, load(folder, shown), shown)
