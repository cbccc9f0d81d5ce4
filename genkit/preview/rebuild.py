"""The fast pass: every document's HTML, with the index listing all formats.

It is the ordinary incremental build (the plan, render and write stages) limited to HTML outputs and
written to its own folder, so an unchanged document is reused from the previous pass; when
documents' fingerprints become more precise, this pass renders less and gets faster with them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from genkit.checks.validate import validate
from genkit.load.profiles import load_profiles
from genkit.paths import SearchPath
from genkit.plan.manifest import FILE_NAME
from genkit.plan.stage import plan as make_plan
from genkit.plan.stage import with_reuse
from genkit.render.stage import render
from genkit.write.atomic import write_bundle
from genkit.write.stage import assemble, index_entries, index_page

BUNDLE_FILES = ("index.html", FILE_NAME)  # written by every build besides the documents


@dataclass
class HtmlPass:
    """The result of one fast pass."""

    pages: dict[str, bytes]  # document pages and the preview's index.html
    expected: tuple[str, ...]  # every output path of the full bundle (all formats)
    rendered: int
    reused: int
    seconds: float
    notes: list[str] = field(default_factory=list)  # reading grades and warnings, for the terminal


def html_pass(
    name: str, search: SearchPath, out_root: Path, only: list[str], formats: list[str]
) -> HtmlPass:
    """Load, validate and render NAME's HTML into ``out_root/NAME``; raise GenkitError if bad."""
    start = time.perf_counter()
    loaded = validate(load_profiles([name], search))[0]
    out_dir = (out_root / name).absolute()
    full = make_plan(loaded, search, only, formats)
    # The plan knows every format's output; the fast pass renders only the web pages, reusing
    # those the previous pass left in out_dir.
    pages_only = [
        replace(
            u, outputs={"html": u.outputs["html"]}, fingerprints={"html": u.fingerprints["html"]}
        )
        for u in full.units
        if "html" in u.outputs
    ]
    html_only = with_reuse(replace(full, units=pages_only), out_dir)
    [result] = render([html_only], search)
    bundle = assemble(result, out_dir)
    write_bundle(out_dir, bundle.files)
    pages = {path: data for path, data in bundle.files.items() if path.endswith(".html")}
    # The bundle's own index template, listing every format the full bundle will hold.
    listed = replace(
        result,
        plan=full,
        titles={u.stem: result.titles.get(u.stem, u.document.meta.title) for u in full.units},
    )
    pages["index.html"] = index_page(listed, index_entries(listed))
    expected = tuple(p for u in full.units for p in u.outputs.values())
    notes = [f"{name}: {r.describe()}" for r in result.readings]
    notes += [f"warning: {w}" for w in result.warnings]
    return HtmlPass(
        pages,
        expected,
        len(result.rendered),
        len(result.reused),
        time.perf_counter() - start,
        notes,
    )
