"""What a build prints: a live line per document on a terminal, a short log elsewhere (CI)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click


class _Reporter:
    def __init__(self, quiet: bool, verbose: bool, live: bool):
        self.quiet = quiet
        self.verbose = verbose
        self.status = None
        if live and not quiet:
            from rich.console import Console

            self.status = Console(stderr=True).status("starting")
            self.status.start()

    def step(self, name: str, message: str) -> None:
        if self.status is not None:
            self.status.update(f"{name}: {message}")
        elif self.verbose:
            click.echo(f"{name}: {message}", err=True)

    def done(self, outcomes: list, written: bool = True) -> None:
        self.stop()
        for outcome in outcomes:
            # Warnings are problems to fix: shown even with --quiet, on stderr.
            for warning in outcome.warnings:
                click.echo(f"warning: {warning}", err=True)
        if self.quiet:
            return
        for outcome in outcomes:
            for reading in outcome.readings:
                click.echo(f"{outcome.name}: {reading.describe()}")
            for note in getattr(outcome, "notes", []):  # a stamped (unchanged) bundle has none
                click.echo(f"{outcome.name}: {note}")
            if not written:
                continue
            where = _short(outcome.out_dir)
            click.echo(
                f"{outcome.name}: {len(outcome.rendered)} rendered, "
                f"{len(outcome.reused)} unchanged -> {where}"
            )
            if self.verbose:
                for path in outcome.files:
                    click.echo(f"  {where}/{path}")

    def stop(self) -> None:
        if self.status is not None:
            self.status.stop()
            self.status = None


def _short(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@contextmanager
def report(quiet: bool = False, verbose: bool = False) -> Iterator[_Reporter]:
    reporter = _Reporter(quiet, verbose, live=sys.stderr.isatty() and not verbose)
    try:
        yield reporter
    finally:
        reporter.stop()
