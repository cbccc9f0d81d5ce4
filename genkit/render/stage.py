"""The render stage: every output of a plan that could not be reused, as bytes.

Each unit is rendered once to Markdown (recording which profile fields it reads), then written
in each format it needs. PDFs go to worker processes (render/pdf/pdf_workers.py) when ``jobs > 1``,
and Word files wait until every PDF is with the workers, since PDFs are the long pole. Nothing
is written to disk here: the write stage adds the index, manifest and zip and writes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from genkit.errors import Problem
from genkit.formats import OutputFormat, output_formats
from genkit.paths import SearchPath
from genkit.plan.jobs import Plan, Unit, left_out_notes
from genkit.render.document import page_html, render_markdown, stylesheet
from genkit.render.outputs import OutputJob
from genkit.render.pdf.pdf_workers import PdfWorkers, pdf_job
from genkit.render.templating import make_env, make_loader
from genkit.render.text.readability import Reading, measure
from genkit.render.tracking.facts import Reads, recording

Progress = Callable[[str, str], None]  # (jurisdiction, message)


@dataclass
class Rendered:
    """One jurisdiction's rendered (or reused) document outputs and what was learned on the way."""

    plan: Plan
    files: dict[str, bytes] = field(default_factory=dict)  # output path -> bytes
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    reads: dict[str, dict[str, str]] = field(default_factory=dict)  # output path -> read set
    titles: dict[str, str] = field(default_factory=dict)  # unit stem -> document title
    readings: list[Reading] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Outputs written with a warning about their own bytes (characters drawn as boxes): never
    # reused, so the next build renders them again, warns again, or finds the fonts installed.
    render_again: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)  # for the terminal, not the documents
    pending: dict[str, Future | bytes] = field(default_factory=dict)  # PDFs with the workers

    @property
    def name(self) -> str:
        return self.plan.loaded.name

    def collect(self) -> None:
        """Wait for this jurisdiction's PDFs."""
        for path, result in self.pending.items():
            self.files[path] = result.result() if isinstance(result, Future) else result
        self.pending = {}


def render(
    plans: list[Plan],
    search: SearchPath,
    jobs: int = 1,
    progress: Progress | None = None,
    workers: PdfWorkers | None = None,
) -> list[Rendered]:
    """Render every plan; with ``jobs > 1`` the PDF workers take all jurisdictions' PDFs at
    once. ``workers``: PDF processes the caller started early (closed by the caller)."""
    with Renderer(search, jobs, progress, workers) as renderer:
        results = [renderer.render(plan) for plan in plans]
        for result in results:
            result.collect()
    return results


class Renderer:
    """Renders plans, sending PDF work to worker processes when ``jobs > 1``."""

    def __init__(
        self,
        search: SearchPath,
        jobs: int = 1,
        progress: Progress | None = None,
        workers: PdfWorkers | None = None,
    ):
        self.search = search
        self.jobs = jobs
        self.progress = progress or (lambda name, message: None)
        # Workers the caller started early are the caller's to close; those started here are
        # closed on exit.
        self._pool: PdfWorkers | None = workers
        self._own_pool = False
        self._later: list[Callable[[], None]] = []  # Word files to render after the PDFs start

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self._pool is not None and self._own_pool:
            self._pool.__exit__(kind, *exc)

    def start_pool(self) -> None:
        """Start the PDF workers unless the caller already did, as soon as some PDF must be
        rendered, so their warm-up runs on the other cores while this process renders
        Markdown."""
        if self._pool is None and self.jobs > 1:
            self._pool = PdfWorkers(self.jobs)
            self._own_pool = True

    def render(self, plan: Plan) -> Rendered:
        """Every output of ``plan``: reused ones copied, the rest rendered (PDFs pending)."""
        result = Rendered(plan)
        result.warnings.extend(plan.loaded.warnings)  # from the profile's warning rules
        result.notes.extend(left_out_notes(plan))
        loader = make_loader(plan.dirs, plan.dirs[-1])
        envs = make_env(loader), make_env(loader, finalize=None)
        css = stylesheet(plan.dirs)
        if any(
            fmt == "pdf" and fmt not in unit.reused for unit in plan.units for fmt in unit.outputs
        ):
            self.start_pool()
        for unit in plan.units:
            result.titles[unit.stem] = self._render_unit(unit, plan, envs, css, result)
        for word in self._later:
            word()
        self._later.clear()
        return result

    def _render_unit(self, unit: Unit, plan: Plan, envs: tuple, css: str, result: Rendered) -> str:
        """Produce (or reuse) every output of one unit; return the document's title."""
        for fmt, reused in unit.reused.items():
            path = unit.outputs[fmt]
            result.files[path] = reused.data
            result.reads[path] = reused.reads
            result.reused.append(path)
        needs = [fmt for fmt in unit.outputs if fmt not in unit.reused]
        previous = plan.previous
        known_title = previous.titles.get(unit.stem, "") if previous else ""
        measured = unit.document.meta.readability and unit.document.kind == "markdown"
        known_reading = previous.readings.get(unit.stem) if previous else None
        if not needs and known_title and (not measured or known_reading):
            if measured and known_reading:  # unchanged: report the stored grade, measure nothing
                self._report(
                    unit,
                    plan,
                    result,
                    Reading(
                        unit.stem,
                        unit.lang,
                        known_reading.grade,
                        known_reading.formula,
                        plan.loaded.profile.briefings.max_reading_grade,
                    ),
                )
            return known_title
        reads = Reads(root=plan.loaded.profile)
        with recording(reads):
            title = self._render_needed(unit, plan, needs, envs, css, result, reads)
        for fmt in needs:
            result.reads[unit.outputs[fmt]] = reads.entries
        return title

    def _render_needed(
        self,
        unit: Unit,
        plan: Plan,
        needs: list[str],
        envs: tuple,
        css: str,
        result: Rendered,
        reads: Reads,
    ) -> str:
        """Render a unit's outputs that could not be reused, recording the fields read."""
        measured = unit.document.meta.readability and unit.document.kind == "markdown"
        ui = plan.strings[unit.lang]
        if unit.document.kind == "docx":
            from genkit.render.formats.docx_template import render_docx_template

            path = unit.outputs["docx"]
            self.progress(plan.loaded.name, f"rendering {path}")
            result.files[path] = render_docx_template(
                unit.document, plan.loaded, plan.dirs, unit.item, ui
            )
            result.rendered.append(path)
            return unit.document.meta.title
        md_env, html_env = envs
        rendered = render_markdown(md_env, plan.loaded, unit.document, unit.item, ui)
        if measured:
            self._measure(unit, plan, rendered, result)
        if not needs:
            return rendered.title
        html = page_html(html_env, plan.loaded, unit.document, rendered, css, ui)
        for fmt in needs:
            job = OutputJob(
                plan,
                unit,
                rendered,
                html,
                self.search,
                functools.partial(self._pdf, plan=plan, where=str(unit.document.source)),
                functools.partial(self._warn, unit.outputs[fmt], unit, result),
                fmt,
            )
            result.rendered.append(job.path)
            self.progress(plan.loaded.name, f"rendering {job.path}")
            output = output_formats()[fmt]
            if output.after_pdfs and self._pool is not None:
                # Written once every PDF is with the workers; the reads still go to this
                # unit's set.
                self._later.append(functools.partial(self._write_later, job, output, result, reads))
            else:
                self._keep(job, output.write(job), result)
        return rendered.title

    def _pdf(self, html: str, plan: Plan, where: str) -> Future | bytes:
        args = (html, plan.dirs[-1], plan.dirs, where)
        if self.jobs > 1:
            self.start_pool()
            return self._pool.submit(*args)
        return pdf_job(*args)

    @staticmethod
    def _keep(job: OutputJob, data: Future | bytes, result: Rendered) -> None:
        if isinstance(data, Future):
            result.pending[job.path] = data
        else:
            result.files[job.path] = data

    def _write_later(
        self, job: OutputJob, output: OutputFormat, result: Rendered, reads: Reads
    ) -> None:
        with recording(reads):
            self._keep(job, output.write(job), result)

    def _warn(
        self, path: str, unit: Unit, result: Rendered, message: str, render_again: bool
    ) -> None:
        """A writer's warning about an output, located at the document's template."""
        result.warnings.append(
            Problem(self.search.display(unit.document.source), 0, 0, "", message)
        )
        if render_again:
            result.render_again.add(path)

    def _measure(self, unit: Unit, plan: Plan, rendered: Any, result: Rendered) -> None:
        """Reading grade of a document that asks for it; above the profile's limit, a warning."""
        limit = plan.loaded.profile.briefings.max_reading_grade
        reading = measure(unit.stem, unit.lang, rendered.tokens, plan.strings[unit.lang], limit)
        self._report(unit, plan, result, reading)

    def _report(self, unit: Unit, plan: Plan, result: Rendered, reading: Reading) -> None:
        result.readings.append(reading)
        if reading.over:
            result.warnings.append(
                Problem(
                    self.search.display(unit.document.source),
                    0,
                    0,
                    "",
                    f"{plan.loaded.name}: {unit.stem}: reading grade {reading.grade:.1f} is above "
                    f"the limit of {reading.limit:g} (briefings.max_reading_grade); use shorter "
                    "sentences and everyday words in the template and in the profile's wording",
                )
            )
