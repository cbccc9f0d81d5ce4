"""The table of output formats: what the CLI accepts, the plan names files with, the index
labels and the render stage writes.

A format is one module in ``genkit/render/outputs/`` that sets ``FORMAT = OutputFormat(...)``;
nothing else lists formats. This module reads those declarations (found by name, so the
stages below render can know the formats without importing the renderers); each module keeps
its heavy imports inside its writer, so reading the table stays cheap.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

OUTPUTS_PACKAGE = "genkit.render.outputs"


@dataclass(frozen=True)
class OutputFormat:
    name: str  # as in --format and a template's ``formats:``; the file suffix is ".name"
    label: str  # the index's link text
    rank: int  # order in an RFP's attachment list: editable formats (Word) first
    write: Callable[[Any], Any]  # genkit.render.outputs.OutputJob -> bytes (or a pending PDF)
    default: int = 0  # its place among the formats made when front matter names none (0: not)
    after_pdfs: bool = False  # written once every PDF is with the workers (they take longest)

    @property
    def suffix(self) -> str:
        return f".{self.name}"


@lru_cache(maxsize=1)
def output_formats() -> dict[str, OutputFormat]:
    """Every format, by name, in attachment-list order."""
    package = importlib.import_module(OUTPUTS_PACKAGE)
    found: dict[str, OutputFormat] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        declared = getattr(
            importlib.import_module(f"{OUTPUTS_PACKAGE}.{info.name}"), "FORMAT", None
        )
        if isinstance(declared, OutputFormat):
            if declared.name in found:
                raise RuntimeError(f"two output formats are named '{declared.name}'")
            found[declared.name] = declared
    return dict(sorted(found.items(), key=lambda item: (item[1].rank, item[0])))


def format_names() -> list[str]:
    return list(output_formats())


def default_formats() -> list[str]:
    chosen = sorted((f.default, f.name) for f in output_formats().values() if f.default)
    return [name for _, name in chosen]
