"""``genkit validate``: the load, validate and plan stages, and nothing is written.

A profile check stops after planning (every template's front matter, the languages and data
each document needs), so it is quick; ``--render`` also runs the render stage, which finds the
mistakes that only show when a template meets the profile's values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from genkit.checks.validate import validate
from genkit.errors import Problem
from genkit.load.parse_cache import ParseCache
from genkit.load.profiles import load_profiles
from genkit.paths import SearchPath
from genkit.plan.jobs import left_out_notes
from genkit.plan.stage import plan


@dataclass
class Checked:
    """What ``genkit validate`` found in one profile that is not an error."""

    name: str
    warnings: list[Problem]
    readings: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check(
    names: list[str], search: SearchPath, render: bool = False, out_root: Path = Path("build")
) -> list[Checked]:
    """``genkit validate``: load, validate and plan (every template's front matter, the
    languages and data each document needs); with ``render``, also render without writing.
    Raise GenkitError listing every problem."""
    # Parses the last build kept are read (never written: validate writes nothing).
    cache = ParseCache(out_root / ".cache" / "yaml")
    valid = validate(load_profiles(names, search, cache))
    # HTML and Word: every template is checked without the cost of PDF layout.
    plans = [plan(profile, search, [], ["html", "docx"]) for profile in valid]
    if not render:
        return [
            Checked(p.loaded.name, list(p.loaded.warnings), notes=left_out_notes(p)) for p in plans
        ]
    from genkit.figure import placeholders
    from genkit.render.stage import render as render_stage

    # Figures are checked (names, data) but not drawn, so no plotting library loads.
    with placeholders():
        results = render_stage(plans, search)
    return [Checked(r.name, r.warnings, r.readings, r.notes) for r in results]
