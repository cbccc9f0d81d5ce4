"""Run the pipeline: load -> validate -> plan -> render -> write, for one or more jurisdictions.

Everything is loaded, validated and rendered before the first byte is written, so a mistake in
any profile or template leaves every existing bundle untouched.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from genkit.errors import GenkitError, Problem, TemplateError
from genkit.load.parse_cache import ParseCache
from genkit.load.profiles import LoadedProfile, load_profile
from genkit.paths import SearchPath
from genkit.plan.catalog import discover
from genkit.plan.jobs import Plan, Unit, make_plan
from genkit.render.context import build_context, sample_notice
from genkit.render.document import page_html, render_markdown, stylesheet
from genkit.render.facts import Reads, recording
from genkit.render.glyphs import missing_glyphs
from genkit.render.pdf_workers import PdfWorkers, pdf_job
from genkit.render.read_sets import pack, unchanged, unpack
from genkit.render.templating import make_env, make_loader, search_dirs
from genkit.render.text.readability import Reading, measure
from genkit.write import stamp
from genkit.write.atomic import write_bundle
from genkit.write.bundle import IndexEntry, bundle_zip, entry_for, index_html, manifest_json

Progress = Callable[[str, str], None]  # (jurisdiction, message)


@dataclass
class Options:
    out_root: Path = Path("build")
    only: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    jobs: int = 1
    force: bool = False
    strict: bool = False  # warnings (such as a reading grade over the limit) fail the build
    inputs_digest: str = ""  # genkit.write.stamp's digest, when the caller has taken it already


@dataclass
class Outcome:
    name: str
    out_dir: Path
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    pending: dict[str, Future | bytes] = field(default_factory=dict)
    reads: dict[str, dict[str, str]] = field(default_factory=dict)  # output path -> read set
    finish: Callable[[], None] = lambda: None
    readings: list[Reading] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Outputs written with a warning about their own bytes (characters drawn as boxes): never
    # reused, so the next build renders them again, warns again, or finds the fonts installed.
    render_again: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)  # for the terminal, not the documents


class StrictError(GenkitError):
    """Warnings found while building with --strict: nothing was written."""

    def __init__(self, problems: list[Problem], readings: list[str] | None = None):
        self.readings = readings or []
        super().__init__(problems)

    def format_message(self) -> str:
        lines = list(self.readings) + [f"warning: {p}" for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} warning{'s' if count != 1 else ''} in strict mode; "
                     "nothing was written.")
        return "\n".join(lines)


def load_all(names: list[str], search: SearchPath,
             cache: ParseCache | None = None) -> list[LoadedProfile]:
    """Load every named profile, reporting the problems of all of them together."""
    loaded, problems = [], []
    for name in names:
        try:
            loaded.append(load_profile(name, search, cache))
        except GenkitError as exc:
            problems.extend(exc.problems)
    if problems:
        raise GenkitError(problems)
    return loaded


def plan_for(loaded: LoadedProfile, search: SearchPath, options: Options) -> Plan:
    dirs = search_dirs(loaded.templates_dir, search.template_dirs())
    documents = discover(dirs, search.display)
    return make_plan(loaded, dirs, documents, options.only, options.formats, search.display)


def _previous(out_dir: Path) -> dict[str, tuple[str, str]]:
    """path -> (fingerprint, sha256) from the last bundle's manifest, if it is readable;
    ``reads:PATH`` -> ("", JSON of the read set the file was rendered with)."""
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        found = {f["path"]: (f.get("fingerprint", ""), f["sha256"]) for f in manifest["files"]}
        found.update({f"reads:{path}": ("", json.dumps(entries))
                      for path, entries in unpack(manifest).items()})
        found.update({f"title:{stem}": ("", title)
                      for stem, title in manifest.get("titles", {}).items()})
        found.update({f"reading:{stem}": (r["formula"], str(r["grade"]))
                      for stem, r in manifest.get("readings", {}).items()})
        return found
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _reuse(out_dir: Path, previous: dict[str, tuple[str, str]], path: str,
           fingerprint: str, profile: object, outcome: Outcome,
           memo: dict[str, str]) -> bytes | None:
    old = previous.get(path)
    if not old or old[0] != fingerprint:
        return None
    # The profile fields the file was rendered from must all read the same today.
    stored = previous.get(f"reads:{path}")
    entries = json.loads(stored[1]) if stored else None
    if not isinstance(entries, dict) or not unchanged(entries, profile, memo):
        return None
    try:
        data = (out_dir / path).read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != old[1]:
        return None
    outcome.reads[path] = entries
    return data


class Builder:
    """Renders plans, sending PDF work to worker processes (render/pdf_workers.py) when
    ``jobs > 1``."""

    def __init__(self, search: SearchPath, options: Options, progress: Progress | None = None,
                 workers: PdfWorkers | None = None):
        self.search = search
        self.options = options
        self.progress = progress or (lambda name, message: None)
        # Workers the caller started early are the caller's to close; those started here are
        # closed on exit.
        self._pool: PdfWorkers | None = workers
        self._own_pool = False
        self._later: list[Callable[[], None]] = []  # Word files to render after the PDFs start

    def __enter__(self) -> Builder:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self._pool is not None and self._own_pool:
            self._pool.__exit__(kind, *exc)

    def _pdf(self, html: str, plan: Plan, where: str) -> Future | bytes:
        args = (html, plan.dirs[-1], plan.dirs, where)
        if self.options.jobs > 1:
            self.start_pool()
            return self._pool.submit(*args)
        return pdf_job(*args)

    def start_pool(self) -> None:
        """Start the PDF workers unless the caller already did, as soon as some PDF must be
        rendered, so their warm-up runs on the other cores while this process renders
        Markdown."""
        if self._pool is None and self.options.jobs > 1:
            self._pool = PdfWorkers(self.options.jobs)
            self._own_pool = True

    def render(self, plan: Plan) -> Outcome:
        name = plan.loaded.name
        out_dir = (self.options.out_root / name).absolute()
        previous = {} if self.options.force else _previous(out_dir)
        outcome = Outcome(name, out_dir)
        outcome.warnings.extend(plan.loaded.warnings)  # from the profile's warning rules
        # A document left out for want of its data: the index says what it needs; the
        # terminal says what the person running genkit can do.
        outcome.notes.extend(
            f"{document.id} left out: {document.meta.missing_how.format(name=name)}"
            for document, _ in plan.left_out if document.meta.missing_how)
        loader = make_loader(plan.dirs, plan.dirs[-1])
        md_env, html_env = make_env(loader), make_env(loader, finalize=None)
        css = stylesheet(plan.dirs)
        pending: dict[str, Future | bytes] = {}
        entries: list[IndexEntry] = []
        fingerprints: dict[str, str] = {}
        titles: dict[str, str] = {}
        memo: dict[str, str] = {}
        # Which outputs can be reused is settled for every document before any renders, so
        # the PDF workers can start warming up while the first Markdown renders.
        reusable = [{fmt: _reuse(out_dir, previous, path, unit.fingerprints[fmt],
                                 plan.loaded.profile, outcome, memo)
                     for fmt, path in unit.outputs.items()} for unit in plan.units]
        if any(data is None and fmt == "pdf" for reused in reusable
               for fmt, data in reused.items()):
            self.start_pool()
        for unit, reused in zip(plan.units, reusable, strict=True):
            fingerprints.update({unit.outputs[f]: unit.fingerprints[f] for f in unit.outputs})
            title = self._render_unit(unit, plan, reused, previous, (md_env, html_env), css,
                                      pending, outcome)
            titles[unit.stem] = title
            attached = plan.loaded.attachments.get(unit.document.id)
            if attached:  # the packet's numbering, as the RFP lists it
                title = f"RFP attachment {attached['letter']}: {title}"
            entries.append(entry_for(unit, title))
        for word in self._later:
            word()
        self._later.clear()
        outcome.pending = pending
        outcome.finish = lambda: self._finish(outcome, plan, html_env, css, entries,
                                              fingerprints, titles)
        return outcome

    def _finish(self, outcome: Outcome, plan: Plan, html_env, css: str,  # noqa: ANN001
                entries: list[IndexEntry], fingerprints: dict[str, str],
                titles: dict[str, str]) -> None:
        """Collect PDFs from the pool and add the index, manifest and zip."""
        name = outcome.name
        for path, result in outcome.pending.items():
            outcome.files[path] = result.result() if isinstance(result, Future) else result
        outcome.pending = {}
        for path in outcome.render_again:
            fingerprints.pop(path, None)
        files = dict(sorted(outcome.files.items()))
        files["index.html"] = index_html(html_env, plan.loaded, entries, css,
                                         sample_notice(plan.loaded), plan.left_out)
        readings = {r.stem: {"grade": r.grade, "formula": r.formula} for r in outcome.readings}
        files["manifest.json"] = manifest_json(name, files, fingerprints, titles, readings,
                                               plan.inputs_fingerprint, pack(outcome.reads))
        from genkit.write.packet import packet_members

        files[f"{name}-bundle.zip"] = bundle_zip(
            name, {**files, **packet_members(files, plan.loaded.attachments)},
            plan.loaded.profile.as_of)
        outcome.files = files

    def _render_unit(self, unit: Unit, plan: Plan, reused: dict[str, bytes | None],
                     previous: dict, envs: tuple, css: str, pending: dict,
                     outcome: Outcome) -> str:
        """Produce (or reuse) every output of one unit; return the document's title."""
        for fmt, data in reused.items():
            if data is not None:
                outcome.files[unit.outputs[fmt]] = data
                outcome.reused.append(unit.outputs[fmt])
        needs = [fmt for fmt, data in reused.items() if data is None]
        known_title = previous.get(f"title:{unit.stem}", ("", ""))[1]
        measured = unit.document.meta.readability and unit.document.kind == "markdown"
        known_reading = previous.get(f"reading:{unit.stem}")
        if not needs and known_title and (not measured or known_reading):
            if measured and known_reading:  # unchanged: report the stored grade, measure nothing
                self._report(unit, plan, outcome, Reading(
                    unit.stem, unit.lang, float(known_reading[1]), known_reading[0],
                    plan.loaded.profile.briefings.max_reading_grade))
            return known_title
        reads = Reads(root=plan.loaded.profile)
        with recording(reads):
            title = self._render_needed(unit, plan, needs, envs, css, pending, outcome,
                                        reads)
        for fmt in needs:
            outcome.reads[unit.outputs[fmt]] = reads.entries
        return title

    def _render_needed(self, unit: Unit, plan: Plan, needs: list[str], envs: tuple, css: str,
                       pending: dict, outcome: Outcome, reads: Reads) -> str:
        """Render a unit's outputs that could not be reused, recording the fields read."""
        measured = unit.document.meta.readability and unit.document.kind == "markdown"
        ui = plan.strings[unit.lang]
        if unit.document.kind == "docx":
            from genkit.render.formats.docx_template import render_docx_template

            path = unit.outputs["docx"]
            self.progress(plan.loaded.name, f"rendering {path}")
            outcome.files[path] = render_docx_template(unit.document, plan.loaded, plan.dirs,
                                                       unit.item, ui)
            outcome.rendered.append(path)
            return unit.document.meta.title
        md_env, html_env = envs
        rendered = render_markdown(md_env, plan.loaded, unit.document, unit.item, ui)
        if measured:
            self._measure(unit, plan, rendered, outcome)
        if not needs:
            return rendered.title
        html = page_html(html_env, plan.loaded, unit.document, rendered, css, ui)
        for fmt in needs:
            path = unit.outputs[fmt]
            outcome.rendered.append(path)
            self.progress(plan.loaded.name, f"rendering {path}")
            if fmt == "html":
                outcome.files[path] = html.encode("utf-8")
            elif fmt == "pdf":
                pending[path] = self._pdf(html, plan, str(unit.document.source))
                self._check_glyphs(html, unit, plan, outcome)
            elif fmt == "csv":
                from genkit.render.formats.csv_table import table_csv

                outcome.files[path] = table_csv(rendered.tokens,
                                                self.search.display(unit.document.source))
            elif fmt == "xlsx":
                outcome.files[path] = _workbook(plan, unit)
            elif self._pool is not None:
                # Word files wait until every PDF is with the workers: the PDFs are the long
                # pole, so they should start first. The reads still go to this unit's set.
                self._later.append(functools.partial(self._word, path, rendered, plan, unit,
                                                     outcome, reads))
            else:
                outcome.files[path] = _docx(rendered, plan, unit, self.search)
        return rendered.title

    def _check_glyphs(self, html: str, unit: Unit, plan: Plan, outcome: Outcome) -> None:
        """A character no installed font has would print as a box: warn, naming the package."""
        for gap in missing_glyphs(html):
            outcome.render_again.add(unit.outputs["pdf"])
            outcome.warnings.append(Problem(
                self.search.display(unit.document.source), 0, 0, "",
                f"{plan.loaded.name}: {unit.outputs['pdf']}: {gap.describe()}"))

    def _word(self, path: str, rendered, plan: Plan, unit: Unit,  # noqa: ANN001
              outcome: Outcome, reads: Reads) -> None:
        with recording(reads):
            outcome.files[path] = _docx(rendered, plan, unit, self.search)

    def _measure(self, unit: Unit, plan: Plan, rendered, outcome: Outcome) -> None:  # noqa: ANN001
        """Reading grade of a document that asks for it; above the profile's limit, a warning."""
        limit = plan.loaded.profile.briefings.max_reading_grade
        reading = measure(unit.stem, unit.lang, rendered.tokens, plan.strings[unit.lang], limit)
        self._report(unit, plan, outcome, reading)

    def _report(self, unit: Unit, plan: Plan, outcome: Outcome, reading: Reading) -> None:
        limit = reading.limit
        outcome.readings.append(reading)
        if reading.over:
            outcome.warnings.append(Problem(
                self.search.display(unit.document.source), 0, 0, "",
                f"{plan.loaded.name}: {unit.stem}: reading grade {reading.grade:.1f} is above "
                f"the limit of {limit:g} (briefings.max_reading_grade); use shorter sentences "
                "and everyday words in the template and in the profile's wording"))

def _workbook(plan: Plan, unit: Unit) -> bytes:
    """The spreadsheet a document names in ``workbook:`` (the price proposal form)."""
    from genkit.render.formats.xlsx_price import price_workbook
    from genkit.render.price_form import price_form

    profile = plan.loaded.profile
    form = price_form(profile)
    if form is None or unit.document.meta.workbook != "price-proposal":
        raise TemplateError([Problem(str(unit.document.source), 0, 0, "formats",
                                     "'xlsx' needs 'workbook: price-proposal' and a procurement "
                                     "section")])
    return price_workbook(form, profile.as_of, unit.document.meta.title)


def _docx(rendered, plan: Plan, unit: Unit, search: SearchPath) -> bytes:  # noqa: ANN001
    from genkit.render.document import footer_text, local_names, running_header
    from genkit.render.formats.docx import tokens_to_docx
    from genkit.render.formats.docx_page import DocxPage
    from genkit.render.formats.docx_shell import find_shell, render_in_shell

    lang = unit.lang
    ui = plan.strings[lang]
    page = DocxPage(rendered.title, local_names(plan.loaded, lang)[1],
                    running_header(plan.loaded, lang), sample_notice(plan.loaded, ui),
                    footer_text(plan.loaded, ui, lang), plan.loaded.profile.as_of,
                    ui.word_language, ui.page, ui.of, unit.document.meta.layout,
                    unit.document.meta.draft_notice)
    body = tokens_to_docx(rendered.tokens, page, rendered.figures)
    shell = find_shell(unit.document.id, plan.dirs)
    if shell is None:
        return body
    # A city's Word shell: the generated body goes inside its letterhead and styles.
    context = build_context(plan.loaded, unit.document, unit.item)
    return render_in_shell(shell, search.display(shell), body, context, plan.dirs,
                           rendered.title, plan.loaded.profile.as_of)


def build(names: list[str], search: SearchPath, options: Options,
          progress: Progress | None = None, write: bool = True,
          workers: PdfWorkers | None = None) -> list[Outcome]:
    """Render and write the bundles of ``names``. ``workers``: PDF processes the caller
    started early (the CLI does, before importing this module); without them, the build
    starts its own when a PDF must be rendered."""
    # Taken before anything is read, so an edit saved during the build makes the next one
    # rebuild rather than trust a stamp for text this build never saw.
    digest = (options.inputs_digest or stamp.inputs_digest(search, options.formats, options.only)
              if write else "")
    # Parses are kept beside the bundles (never inside one: ".cache" is not a jurisdiction
    # name), so a rebuild parses only the profile files that changed.
    cache = ParseCache(options.out_root / ".cache" / "yaml") if write else None
    loaded = load_all(names, search, cache)
    plans = [plan_for(lp, search, options) for lp in loaded]
    with Builder(search, options, progress, workers) as builder:
        # Render every jurisdiction first (PDFs go to the pool), then collect: with -j N the
        # pool works on all jurisdictions' PDFs at once.
        outcomes = [builder.render(plan) for plan in plans]
        for outcome in outcomes:
            outcome.finish()
    warnings = [w for outcome in outcomes for w in outcome.warnings]
    if options.strict and warnings:
        raise StrictError(warnings, [f"{o.name}: {r.describe()}" for o in outcomes
                                     for r in o.readings])
    if write:
        for outcome in outcomes:
            write_bundle(outcome.out_dir, outcome.files)
            stamp.save(options.out_root, outcome.name, digest, outcome.files,
                       outcome.rendered + outcome.reused,
                       [r.describe() for r in outcome.readings], clean=not outcome.warnings)
        if cache is not None:
            cache.flush()
    return outcomes
