"""Document families that plug in: what a family's templates see, its figures, its fact names.

A family of documents with data of its own (the funding plan, the call analysis, the decision
tree...) says here, from its own package, what render would otherwise have to know about it:

- ``genkit/<package>/family.py`` defines ``FAMILY = Family(...)``: the context names its
  templates see (each built from the loaded profile, with the profile paths it is computed from,
  so a document that uses one re-renders when, and only when, those change) and its figures
  (name -> builder, with the paths each is drawn from). ``families()`` finds every such module;
  no central list names them.
- A profile section's reader-facing fact names (``funding.fringe_rate`` -> "Benefits rate", for
  sources lists and the manifest) live beside the model that defines the section: a
  ``FACT_NAMES`` dict in ``genkit/model/<section>.py``, collected by
  ``genkit.model.fact_names``.
- A model method a template calls says what the document shows of what it reads with
  ``@shows({...})`` on the method; render reads it from the method (``method_shows``).

A base module: it imports nothing from genkit, so the domain packages (below load and render),
the model (``@shows``) and render (which uses the families) can all import it.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from genkit.figure import Figure

FieldPath = tuple[str, ...]  # ("procurement", "timeline"): a profile path, one part a name


class Loaded(Protocol):
    """What a family's builders use of a loaded profile (``genkit.load.profiles.LoadedProfile``),
    named here so that the domain packages never import ``load``."""

    @property
    def profile(self) -> Any: ...  # the validated genkit.model.Profile

    @property
    def calls_analysis(self) -> Any: ...  # the stored call analysis, or None


@dataclass(frozen=True)
class ContextName:
    """A name a template sees, computed in Python from the loaded profile."""

    build: Callable[[Loaded], Any]  # the value (None when the profile lacks the data)
    # The profile paths the value is computed from, each read whole when a template first looks
    # the name up: change one and the documents that use the name render again.
    reads: tuple[FieldPath, ...]


@dataclass(frozen=True)
class FigureSpec:
    """A figure a template places with a ```` ```figure name=... ```` block."""

    build: Callable[[Loaded], Figure | None]  # None when this jurisdiction has no data for it
    reads: tuple[str, ...]  # dotted profile paths the figure is drawn from, read whole
    when: str  # the template test that tells whether the data is there: "{% if WHEN %}"


@dataclass(frozen=True)
class Family:
    name: str  # the package that declares it
    context: Mapping[str, ContextName] = field(default_factory=dict)
    figures: Mapping[str, FigureSpec] = field(default_factory=dict)


@cache
def families() -> tuple[Family, ...]:
    """Every ``genkit.<package>.family.FAMILY``, by package name (so context and figure lists
    come out in the same order on every machine). A context or figure name that two families
    declare is a bug, reported when they are first asked for."""
    package = sys.modules[__name__.rpartition(".")[0]]  # genkit, imported before this module
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        folder = Path(getattr(info.module_finder, "path", "")) / info.name
        if not info.ispkg or not any(m.name == "family" for m in pkgutil.iter_modules([folder])):
            continue  # looked for on disk: packages without a family are never imported here
        module = importlib.import_module(f"{package.__name__}.{info.name}.family")
        family = getattr(module, "FAMILY", None)
        if not isinstance(family, Family):
            raise RuntimeError(f"{module.__name__} defines no FAMILY = Family(...)")
        found.append(family)
    unique("context name", [(f.name, n) for f in found for n in f.context])
    unique("figure", [(f.name, n) for f in found for n in f.figures])
    return tuple(found)


def context_names() -> dict[str, ContextName]:
    """Every family's context names: name -> how it is built and what it reads."""
    return {name: spec for family in families() for name, spec in family.context.items()}


def figure_specs() -> dict[str, FigureSpec]:
    """Every family's figures by name."""
    return {name: spec for family in families() for name, spec in family.figures.items()}


def unique(kind: str, owned: list[tuple[str, str]]) -> None:
    """Raise when two owners declare the same name: which one wins would be an accident. A bug
    in genkit's code, never the user's: the CLI reports it as an internal error."""
    seen: dict[str, str] = {}
    for owner, name in owned:
        if name in seen:
            raise RuntimeError(f"{kind} '{name}' is declared by both {seen[name]} and {owner}")
        seen[name] = owner


# What a method shows: argument number -> fields of it ("" for all of it; 0 is the model the
# method belongs to). A field read but not listed is read (a change re-renders) but not shown
# (it cites nothing in the document's sources list).
Shows = Mapping[int, tuple[str, ...]]
_F = TypeVar("_F", bound=Callable[..., Any])


def shows(fields: Shows) -> Callable[[_F], _F]:
    """Declare, on a model method templates call, what the document shows of what it reads.
    A method without it counts as showing all it reads (the model and its arguments, whole)."""

    def mark(method: _F) -> _F:
        method.__genkit_shows__ = dict(fields)  # type: ignore[attr-defined]
        return method

    return mark


def method_shows(method: Any) -> Shows | None:
    """What ``@shows`` declared on a (bound) method, or None when it declared nothing."""
    return getattr(method, "__genkit_shows__", None)
