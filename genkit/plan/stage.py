"""The plan stage: which documents a valid profile gets, in which formats, and which of their
outputs the previous bundle already holds.

The result (``Plan``) is everything the render stage needs to know before rendering anything:
the template search path, one unit per document and item with a path and fingerprint per
format, the documents left out for want of data, and the outputs that can be copied.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from genkit.load.profiles import LoadedProfile
from genkit.paths import SearchPath, search_dirs
from genkit.plan.catalog import discover
from genkit.plan.jobs import Plan, make_plan
from genkit.plan.manifest import Manifest
from genkit.plan.reuse import reuse


def plan(
    loaded: LoadedProfile,
    search: SearchPath,
    only: list[str],
    formats: list[str],
    out_dir: Path | None = None,
) -> Plan:
    """The plan of one jurisdiction. ``out_dir``: where its bundle was written before, whose
    unchanged outputs are reused; None renders everything (``--force``, ``genkit validate``)."""
    dirs = search_dirs(loaded.templates_dir, search.template_dirs())
    documents = discover(dirs, search.display)
    planned = make_plan(loaded, dirs, documents, only, formats, search.display)
    return planned if out_dir is None else with_reuse(planned, out_dir)


def with_reuse(planned: Plan, out_dir: Path) -> Plan:
    """``planned`` with each output the bundle in ``out_dir`` already holds marked for copying."""
    previous = Manifest.previous(out_dir)
    if previous is None:
        return planned
    profile = planned.loaded.profile
    memo: dict[str, str] = {}  # today's answers to reads, shared by the bundle's documents
    units = []
    for unit in planned.units:
        found = {
            fmt: reuse(out_dir, previous, path, unit.fingerprints[fmt], profile, memo)
            for fmt, path in unit.outputs.items()
        }
        units.append(replace(unit, reused={f: r for f, r in found.items() if r is not None}))
    return replace(planned, units=units, previous=previous)
