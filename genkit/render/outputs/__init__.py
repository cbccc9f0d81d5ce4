"""Output formats, one module each: a module sets ``FORMAT = OutputFormat(...)`` (see
genkit/formats.py) with a writer that turns one rendered document into the format's bytes.

A writer gets an ``OutputJob``: the unit being written, its Markdown render (title, tokens,
figures), the page HTML every format starts from, and the render stage's services (PDF
workers, warnings). Keep imports inside the writer: the table of formats is read by stages
that never write a file.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from genkit.paths import SearchPath
    from genkit.plan.jobs import Plan, Unit


@dataclass
class OutputJob:
    """One output of one unit, for its format's writer."""

    plan: Plan
    unit: Unit
    rendered: Any  # genkit.render.document.Rendered: title, tokens, figures
    html: str  # the page HTML (layout, styles, sample notice)
    search: SearchPath
    pdf: Callable[[str], Future | bytes]  # hand page HTML to the PDF workers
    warn: Callable[[str, bool], None]  # (message, render the output again next build)
    format: str = ""

    @property
    def path(self) -> str:
        return self.unit.outputs[self.format]
