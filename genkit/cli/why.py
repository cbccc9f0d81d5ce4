"""``genkit why NAME DOCUMENT``: which profile fields a document reads and which sources back them.

It renders the document's text the way a build does, with the same read recording, so what it prints
is exactly what the build fingerprints (genkit.render.tracking.facts) and what the document's
sources section draws on. Nothing is written.
"""

from __future__ import annotations

from typing import Any

from genkit.render.sources import related
from genkit.render.tracking.facts import Reads, recording


def field_sources(profile: Any, path: str) -> list[str]:
    """Source ids cited for a field, one of its parents or one of its parts."""
    return list(
        dict.fromkeys(
            s for key, ids in profile.citations.items() if related(key, path) for s in ids
        )
    )


def read_sets(name: str, document: str, search: Any) -> list[tuple[str, Reads]]:
    """(unit stem, its reads) for every unit of one document, rendered but not written."""
    from genkit.checks.validate import load_profile
    from genkit.errors import Problem, UsageError
    from genkit.figure import placeholders
    from genkit.plan.jobs import selected
    from genkit.plan.stage import plan as make_plan
    from genkit.render.document import render_markdown
    from genkit.render.templating import make_env, make_loader

    loaded = load_profile(name, search)
    plan = make_plan(loaded, search, [], ["html", "docx"])
    # A document (every item of it) or one item's file stem: job_descriptions/advanced-emt.
    units = [u for u in plan.units if u.stem == document or selected(u.document, [document])]
    if not units:
        known = ", ".join(dict.fromkeys(u.stem for u in plan.units))
        raise UsageError(
            [Problem("genkit", 0, 0, "why", f"no document called '{document}' (known: {known})")]
        )
    env = make_env(make_loader(plan.dirs, plan.dirs[-1]))
    found = []
    for unit in units:
        reads = Reads(root=loaded.profile)
        with recording(reads), placeholders():
            if unit.document.kind == "docx":
                from genkit.render.formats.docx_template import render_docx_template

                render_docx_template(
                    unit.document, loaded, plan.dirs, unit.item, plan.strings[unit.lang]
                )
            else:
                render_markdown(env, loaded, unit.document, unit.item, plan.strings[unit.lang])
        found.append((unit.stem, reads))
    return found


def explain(name: str, document: str, search: Any) -> str:
    from genkit.checks.validate import load_profile

    profile = load_profile(name, search).profile
    lines: list[str] = []
    for stem, reads in read_sets(name, document, search):
        lines.append(
            f"{stem}: {len(reads.shown)} fields shown, {len(reads.entries)} reads "
            "checked on rebuild"
        )
        for path in reads.shown:
            ids = field_sources(profile, path) if path else []
            illustrative = any(related(p, path) for p in profile.illustrative) if path else False
            note = f"  [{', '.join(ids)}]" if ids else ""
            note += "  (illustrative)" if illustrative else ""
            lines.append(f"  {path or '(whole profile)'}{note}")
        cited = list(dict.fromkeys(s for p in reads.shown if p for s in field_sources(profile, p)))
        lines.append("  sources behind these fields:" if cited else "  no cited sources")
        lines.extend(
            f"    {sid}: {profile.sources[sid].title}" for sid in cited if sid in profile.sources
        )
    return "\n".join(lines)
