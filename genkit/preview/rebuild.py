"""The fast pass: every document's HTML, with the index listing all formats.

It is the ordinary incremental build (``genkit.pipeline.Builder``) limited to HTML outputs and
written to its own folder, so an unchanged document is reused from the previous pass; when
documents' fingerprints become more precise, this pass renders less and gets faster with them.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from genkit.paths import SearchPath
from genkit.pipeline import Builder, Options, load_all, plan_for
from genkit.render.context import sample_notice
from genkit.render.document import stylesheet
from genkit.render.templating import make_env, make_loader
from genkit.write.atomic import write_bundle
from genkit.write.bundle import entry_for, index_html

BUNDLE_FILES = ("index.html", "manifest.json")  # written by every build besides the documents


@dataclass
class HtmlPass:
    """The result of one fast pass."""

    pages: dict[str, bytes]  # document pages and the preview's index.html
    expected: tuple[str, ...]  # every output path of the full bundle (all formats)
    rendered: int
    reused: int
    seconds: float
    notes: list[str] = field(default_factory=list)  # reading grades and warnings, for the terminal


def html_pass(name: str, search: SearchPath, out_root: Path, only: list[str],
              formats: list[str]) -> HtmlPass:
    """Load, validate and render NAME's HTML into ``out_root/NAME``; raise GenkitError if bad."""
    start = time.perf_counter()
    loaded = load_all([name], search)[0]
    plan = plan_for(loaded, search, Options(only=only, formats=formats))
    # The plan knows every format's output; the fast pass renders only the web pages.
    units = [replace(u, outputs={"html": u.outputs["html"]},
                     fingerprints={"html": u.fingerprints["html"]})
             for u in plan.units if "html" in u.outputs]
    with Builder(search, Options(out_root=out_root, jobs=1)) as builder:
        outcome = builder.render(replace(plan, units=units))
        outcome.finish()
    write_bundle(outcome.out_dir, outcome.files)
    titles = json.loads(outcome.files["manifest.json"])["titles"]
    pages = {path: data for path, data in outcome.files.items() if path.endswith(".html")}
    # The bundle's own index template, listing every format the full bundle will hold.
    loader = make_loader(plan.dirs, plan.dirs[-1])
    entries = [entry_for(u, titles.get(u.stem, u.document.meta.title)) for u in plan.units]
    pages["index.html"] = index_html(make_env(loader, finalize=None), loaded, entries,
                                     stylesheet(plan.dirs), sample_notice(loaded), plan.left_out)
    expected = tuple(p for u in plan.units for p in u.outputs.values())
    notes = [f"{name}: {r.describe()}" for r in outcome.readings]
    notes += [f"warning: {w}" for w in outcome.warnings]
    return HtmlPass(pages, expected, len(outcome.rendered), len(outcome.reused),
                    time.perf_counter() - start, notes)
