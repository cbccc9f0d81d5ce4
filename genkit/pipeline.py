"""Run the pipeline for one or more jurisdictions: load -> validate -> plan -> render -> write.

Each stage is one call that returns a typed value for the next: the profiles as read
(``Loaded``), the valid profiles (``LoadedProfile``), what to make of each (``Plan``), the
rendered documents (``Rendered``) and the bundles written (``Bundle``). Everything is loaded,
validated and rendered, and every bundle assembled, before the first byte is written, so a
mistake in any profile or template leaves every existing bundle untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from genkit.checks.validate import validate
from genkit.errors import GenkitError, Problem
from genkit.load.parse_cache import ParseCache
from genkit.load.profiles import load_profiles
from genkit.paths import SearchPath
from genkit.plan.stage import plan
from genkit.render.pdf.pdf_workers import PdfWorkers
from genkit.render.stage import Progress
from genkit.render.stage import render as render_stage
from genkit.write import stamp
from genkit.write.stage import Bundle, assemble, write


@dataclass
class Options:
    out_root: Path = Path("build")
    only: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    jobs: int = 1
    force: bool = False
    strict: bool = False  # warnings (such as a reading grade over the limit) fail the build
    inputs_digest: str = ""  # genkit.write.stamp's digest, when the caller has taken it already


def build(
    names: list[str],
    search: SearchPath,
    options: Options,
    progress: Progress | None = None,
    workers: PdfWorkers | None = None,
) -> list[Bundle]:
    """Build and write the bundles of ``names``. ``workers``: PDF processes the caller started
    early (the CLI does, before importing this module)."""
    # Taken before anything is read, so an edit saved during the build makes the next one
    # rebuild rather than trust a stamp for text this build never saw.
    digest = options.inputs_digest or stamp.inputs_digest(search, options.formats, options.only)
    # Parses are kept beside the bundles (never inside one: ".cache" is not a jurisdiction
    # name), so a rebuild parses only the profile files that changed.
    cache = ParseCache(options.out_root / ".cache" / "yaml")
    valid = validate(load_profiles(names, search, cache))
    plans = [
        plan(
            profile,
            search,
            options.only,
            options.formats,
            None if options.force else out_dir(options, profile.name),
        )
        for profile in valid
    ]
    rendered = render_stage(plans, search, options.jobs, progress, workers)
    bundles = [assemble(result, out_dir(options, result.name)) for result in rendered]
    check_strict(options, bundles)
    write(bundles, options.out_root, digest)
    cache.flush()
    return bundles


def out_dir(options: Options, name: str) -> Path:
    return (options.out_root / name).absolute()


def check_strict(options: Options, bundles: list[Bundle]) -> None:
    """With ``--strict``, any warning stops the build before anything is written."""
    warnings = [w for bundle in bundles for w in bundle.warnings]
    if options.strict and warnings:
        raise StrictError(
            warnings, [f"{b.name}: {r.describe()}" for b in bundles for r in b.readings]
        )


class StrictError(GenkitError):
    """Warnings found while building with --strict: nothing was written."""

    def __init__(self, problems: list[Problem], readings: list[str] | None = None):
        self.readings = readings or []
        super().__init__(problems)

    def format_message(self) -> str:
        lines = list(self.readings) + [f"warning: {p}" for p in self.problems]
        count = len(self.problems)
        lines.append(
            f"{count} warning{'s' if count != 1 else ''} in strict mode; nothing was written."
        )
        return "\n".join(lines)
