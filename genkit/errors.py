"""Errors a user can cause, each carrying where it happened.

Every problem is reported as ``file:line:col: dotted.field: message`` so that city staff can go
straight to the place to fix. All problems of a run are collected and raised together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import click


@dataclass(frozen=True, order=True)
class Problem:
    """One located mistake in a profile or template."""

    file: str
    line: int = 0
    col: int = 0
    field: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        parts = [where]
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class GenkitError(click.ClickException):
    """Base of every error genkit reports to a user (exit code 1, no traceback)."""

    exit_code = 1
    kind = "error"

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(file="genkit", message=problems)]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.format_message())

    def format_message(self) -> str:
        lines = [str(p) for p in self.problems]
        if len(lines) > 1:
            lines.append(f"{len(lines)} problems found; nothing was written.")
        return "\n".join(lines)

    def show(self, file=None) -> None:  # click's signature
        click.echo(self.format_message(), err=True)


class ProfileError(GenkitError):
    """A profile could not be read or does not describe a valid program."""


class TemplateError(GenkitError):
    """A template is malformed, refers to something undefined, or failed to render."""


class SecurityError(TemplateError):
    """A template tried to reach something the sandbox forbids."""


class UsageError(GenkitError):
    """A command was asked for something that does not exist (unknown jurisdiction, format)."""


class RenderError(GenkitError):
    """An output format could not be produced (for example a refused resource in a PDF)."""
