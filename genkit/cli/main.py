"""The ``genkit`` command: parse arguments, call one function, print. No logic lives here."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from genkit import __version__


def _search():  # imported lazily so --help stays fast
    from genkit.paths import SearchPath

    return SearchPath.from_cwd()


def _names(names: tuple[str, ...], all_: bool, search) -> list[str]:
    if all_ or not names:
        found = search.jurisdiction_names(include_bases=False)
        if not found:
            raise click.UsageError("no jurisdictions found; create one with 'genkit new NAME'")
        return found
    return list(dict.fromkeys(names))


def _formats(value: str | None) -> list[str]:
    """``--format`` as a list, each a known output format (genkit/formats.py)."""
    from genkit.formats import format_names

    chosen, known = _csv(value), format_names()
    bad = [f for f in chosen if f not in known]
    if bad:
        raise click.BadParameter(
            f"unknown format {', '.join(bad)}; use one of {', '.join(known)}", param_hint="--format"
        )
    return chosen


def _csv(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


class _Commands(click.Group):
    """Turns failures nobody anticipated into one readable line instead of a traceback."""

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, **kwargs)
        finally:
            from genkit.signals import stopped_by_sigterm

            if stopped_by_sigterm():
                # Stopped by SIGTERM: the workers are stopped, the half-made bundle dropped
                # and "Aborted!" printed. Leave without the interpreter's shutdown hooks, where
                # Python 3.11's process-pool hook can race the pool's own shutdown and print a
                # traceback ("Bad file descriptor") after "Aborted!" on a busy machine.
                import os

                for stream in (sys.stdout, sys.stderr):
                    with contextlib.suppress(Exception):
                        stream.flush()
                os._exit(1)

    def invoke(self, ctx: click.Context):
        import os

        from genkit.signals import sigterm_as_interrupt

        try:
            with sigterm_as_interrupt():
                return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as exc:
            if os.environ.get("GENKIT_DEBUG"):
                raise
            where = f" {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"could not use{where}: {exc.strerror or exc}") from None
        except Exception as exc:
            if os.environ.get("GENKIT_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error ({type(exc).__name__}: {exc}). This is a bug in genkit, not "
                "in your files; run again with GENKIT_DEBUG=1 for details and report it."
            ) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="genkit")
def main() -> None:
    """Build the rollout documents of an alternative 911 response program from a profile."""


@main.command()
@click.argument("names", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Build every jurisdiction.")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder that receives bundles.",
)
@click.option("--only", help="Documents to build: ids, names or families, comma-separated.")
@click.option(
    "--format", "formats", help="Formats to write, comma-separated, e.g. pdf,docx (default: all)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Render PDFs in this many parallel processes (default: one per CPU core).",
)
@click.option("--force", is_flag=True, help="Render everything, even unchanged documents.")
@click.option(
    "--strict",
    is_flag=True,
    help="Treat warnings (e.g. a reading grade above the limit) as errors: exit 1 and "
    "write nothing.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Print every file written.")
def build(
    names: tuple[str, ...],
    all_: bool,
    out: Path,
    only: str | None,
    formats: str | None,
    jobs: int,
    force: bool,
    strict: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build the bundle of one or more jurisdictions (all of them with --all)."""
    from genkit.cli.progress import report
    from genkit.write.stamp import inputs_digest, unchanged_bundles

    fmt = _formats(formats)
    search = _search()
    chosen = _names(names, all_, search)
    digest = inputs_digest(search, fmt, _csv(only))
    # Bundles already written from exactly these inputs are left as they are, before the
    # profile models and renderers are even imported.
    fresh = None if force else unchanged_bundles(chosen, out, digest)
    if fresh is not None:
        with report(quiet=quiet, verbose=verbose) as progress:
            progress.done(fresh)
        return
    import contextlib
    import os

    from genkit.render.pdf.pdf_workers import PdfWorkers

    jobs = jobs or max(1, min(os.cpu_count() or 1, 8))
    # The PDF workers start now, before genkit's models and renderers are imported, so they
    # have WeasyPrint loaded by the time the first PDF is ready for them.
    early = PdfWorkers(jobs) if jobs > 1 and (not fmt or "pdf" in fmt) else None
    with early or contextlib.nullcontext():
        from genkit.pipeline import Options
        from genkit.pipeline import build as run_build

        options = Options(
            out_root=out,
            only=_csv(only),
            formats=fmt,
            jobs=jobs,
            force=force,
            strict=strict,
            inputs_digest=digest,
        )
        with report(quiet=quiet, verbose=verbose) as progress:
            outcomes = run_build(chosen, search, options, progress.step, workers=early)
            progress.done(outcomes)


@main.command()
@click.argument("names", nargs=-1)
@click.option(
    "--render",
    "render_",
    is_flag=True,
    help="Also render every document in HTML and Word (slower): finds mistakes "
    "that only show when a template meets the profile's values.",
)
def validate(names: tuple[str, ...], render_: bool) -> None:
    """Check profiles and templates without writing anything."""
    from genkit.cli.checking import check
    from genkit.cli.progress import report

    search = _search()
    chosen = _names(names, False, search)
    checked = check(chosen, search, render=render_)
    with report(quiet=False, verbose=True) as progress:
        progress.done(checked, written=False)
    what = "their templates render" if render_ else "their documents are planned"
    count = f"{len(chosen)} profiles are" if len(chosen) != 1 else "1 profile is"
    click.echo(f"{count} valid and {what}: {', '.join(chosen)}")


@main.command()
@click.argument("name")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help="Port on 127.0.0.1 to serve on (default: a free one, printed).",
)
@click.option("--only", help="Documents to preview: ids, names or families, comma-separated.")
@click.option(
    "--format",
    "formats",
    help="Formats to build: html is always built first; pdf,docx follow in the "
    "background (default: all).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the preview's files in DIR (default: a temporary folder, removed on exit).",
)
@click.option(
    "--open/--no-open",
    "open_",
    default=None,
    help="Open the index in a web browser (default: when run from a terminal).",
)
def preview(
    name: str,
    port: int,
    only: str | None,
    formats: str | None,
    out: Path | None,
    open_: bool | None,
) -> None:
    """Serve NAME's bundle on 127.0.0.1 and rebuild it on every save, until Ctrl-C."""
    from genkit.preview.server import run_preview

    fmt = _formats(formats)
    if fmt and "html" not in fmt:
        fmt.insert(0, "html")  # the preview shows web pages: they are always built
    if open_ is None:
        open_ = sys.stdout.isatty()
    run_preview(name, _search(), port, out, _csv(only), fmt, open_)


@main.command()
@click.argument("name")
@click.argument(
    "csv_file", metavar="EXPORT", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def calls(name: str, csv_file: Path) -> None:
    """Analyze a CAD export of 911 calls for NAME (stored for its 911 call analysis document).

    EXPORT is a CSV file (any delimiter, any encoding set in the profile), a gzip-compressed
    CSV (.csv.gz), an Excel workbook (.xlsx, .xls) or a Parquet file.
    """
    from genkit.cli.calls_command import run_calls

    _path, text = run_calls(name, csv_file, _search())
    click.echo(text)


@main.command("list")
@click.argument("name", required=False)
def list_(name: str | None) -> None:
    """List jurisdictions and documents; with NAME, show which template file each one uses."""
    from genkit.cli.listing import describe

    click.echo(describe(_search(), name))


@main.command()
@click.argument("name")
@click.argument("document")
def why(name: str, document: str) -> None:
    """Which profile fields DOCUMENT reads for NAME, and which sources back them."""
    from genkit.cli.why import explain

    click.echo(explain(name, document, _search()))


@main.command()
def schema() -> None:
    """Print the profile's JSON Schema (for editor completion and checking)."""
    from genkit.cli.schema import schema_json

    click.echo(schema_json())


@main.command()
@click.argument("name")
@click.option(
    "--name",
    "display_name",
    required=True,
    help='Official name and state, e.g. "City of Springfield, IL".',
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("jurisdictions"),
    show_default=True,
)
def new(name: str, display_name: str, folder: Path) -> None:
    """Write a starter profile, commented for city staff, that validates and builds as it is."""
    from genkit.cli.starter import write_starter

    path = write_starter(name, display_name, folder)
    click.echo(
        f"wrote {path}\nnext: edit it, then run 'genkit validate {name}' and 'genkit build {name}'"
    )


def run() -> None:  # pragma: no cover - console entry for python -m
    main(prog_name="genkit")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
