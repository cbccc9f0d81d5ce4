"""Profile path -> the name a reader sees ("Benefits rate" for ``funding.fringe_rate``).

Each section's names live beside its model: a ``FACT_NAMES`` dict in the ``genkit.model``
module that defines the section's class (``program.*`` in program.py, ``funding.*`` in
funding.py). This collects them, so a new section adds its names in its own module. A path with
no name here falls back to its last part ("Term months"); sources lists and the manifest use
these names (``genkit.render.context.friendly``).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from genkit.family import unique


@cache
def fact_names() -> dict[str, str]:
    """Every model module's ``FACT_NAMES``, merged. A path named twice is a bug."""
    merged: dict[str, str] = {}
    owners: list[tuple[str, str]] = []
    package = __name__.rpartition(".")[0]
    for info in sorted(
        pkgutil.iter_modules(importlib.import_module(package).__path__), key=lambda i: i.name
    ):
        names = getattr(importlib.import_module(f"{package}.{info.name}"), "FACT_NAMES", {})
        owners += [(info.name, path) for path in names]
        merged.update(names)
    unique("fact name for", owners)
    return merged
