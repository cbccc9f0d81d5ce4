"""The write stage: the files every bundle carries besides its documents, then the disk.

``assemble`` adds the index page, the manifest and the zip to a jurisdiction's rendered
documents; ``write`` puts every bundle in place atomically and leaves its stamp. All bundles
are assembled before the first is written, so a broken index template writes nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from genkit.errors import Problem
from genkit.plan.manifest import FILE_NAME, Manifest, StoredReading
from genkit.render.context import sample_notice
from genkit.render.document import stylesheet
from genkit.render.stage import Rendered
from genkit.render.templating import make_env, make_loader
from genkit.render.text.readability import Reading
from genkit.write import stamp
from genkit.write.atomic import write_bundle
from genkit.write.bundle import bundle_zip, entry_for, index_html
from genkit.write.packet import packet_members


@dataclass
class Bundle:
    """One jurisdiction's complete bundle, as written (or as it would be)."""

    name: str
    out_dir: Path
    files: dict[str, bytes]
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def index_entries(result: Rendered) -> list:
    """The index's line for every unit, titled as rendered; attachments by their letter."""
    entries = []
    for unit in result.plan.units:
        title = result.titles[unit.stem]
        attached = result.plan.loaded.attachments.get(unit.document.id)
        if attached:  # the packet's numbering, as the RFP lists it
            title = f"RFP attachment {attached['letter']}: {title}"
        entries.append(entry_for(unit, title))
    return entries


def index_page(result: Rendered, entries: list) -> bytes:
    """The bundle's index.html: documents by rollout phase, what is left out, what to replace."""
    plan = result.plan
    env = make_env(make_loader(plan.dirs, plan.dirs[-1]), finalize=None)
    return index_html(
        env, plan.loaded, entries, stylesheet(plan.dirs), sample_notice(plan.loaded), plan.left_out
    )


def manifest(result: Rendered, files: dict[str, bytes]) -> Manifest:
    plan = result.plan
    fingerprints = {
        unit.outputs[f]: unit.fingerprints[f] for unit in plan.units for f in unit.outputs
    }
    for path in result.render_again:
        fingerprints.pop(path, None)
    readings = {r.stem: StoredReading(r.grade, r.formula) for r in result.readings}
    return Manifest.describe(
        result.name,
        files,
        fingerprints,
        plan.inputs_fingerprint,
        result.titles,
        readings,
        result.reads,
    )


def assemble(result: Rendered, out_dir: Path) -> Bundle:
    """The documents plus index.html, manifest.json and the zip (with the RFP packet)."""
    loaded = result.plan.loaded
    files = dict(sorted(result.files.items()))
    files["index.html"] = index_page(result, index_entries(result))
    files[FILE_NAME] = manifest(result, files).to_json()
    files[f"{loaded.name}-bundle.zip"] = bundle_zip(
        loaded.name, {**files, **packet_members(files, loaded.attachments)}, loaded.profile.as_of
    )
    return Bundle(
        loaded.name,
        out_dir,
        files,
        result.rendered,
        result.reused,
        result.readings,
        result.warnings,
        result.notes,
    )


def write(bundles: list[Bundle], out_root: Path, digest: str) -> None:
    """Swap each bundle into place and stamp it (an unchanged bundle is then left alone
    without loading anything, genkit/write/stamp.py)."""
    for bundle in bundles:
        write_bundle(bundle.out_dir, bundle.files)
        stamp.save(
            out_root,
            bundle.name,
            digest,
            bundle.files,
            bundle.rendered + bundle.reused,
            [r.describe() for r in bundle.readings],
            clean=not bundle.warnings,
        )
