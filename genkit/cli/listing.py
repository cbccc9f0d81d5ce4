"""``genkit list``: what exists, and which file each document comes from and why."""

from __future__ import annotations

from pathlib import Path

from genkit.paths import SearchPath, search_dirs
from genkit.plan.catalog import discover
from genkit.render.formats.docx_shell import find_shell


def _origin(path: Path, jurisdiction_templates: Path | None, search: SearchPath) -> str:
    if jurisdiction_templates is not None and path.is_relative_to(jurisdiction_templates):
        return "jurisdiction override"
    if path.is_relative_to(search.builtin / "templates"):
        return "built-in"
    return "working-folder override"


def describe(search: SearchPath, name: str | None = None) -> str:
    lines: list[str] = []
    jurisdiction_templates = None
    if name is None:
        lines.append("Jurisdictions:")
        for jname in search.jurisdiction_names(include_bases=False):
            lines.append(f"  {jname}")
    else:
        folder = search.jurisdiction_dir(name)
        jurisdiction_templates = folder / "templates"
        lines.append(f"Jurisdiction {name}: {search.display(folder / 'profile.yaml')}")
    dirs = search_dirs(jurisdiction_templates, search.template_dirs())
    lines.append("Documents (id, formats, template used and why):")
    for doc in discover(dirs, search.display):
        origin = _origin(doc.source, jurisdiction_templates, search)
        each = f", one per {doc.meta.each}" if doc.meta.each else ""
        shell = find_shell(doc.id, dirs) if "docx" in doc.formats else None
        wrapped = f", Word output inside {search.display(shell)}" if shell else ""
        lines.append(
            f"  {doc.id:<44} {','.join(doc.formats):<14} "
            f"{search.display(doc.source)} ({origin}{each}{wrapped})"
        )
    lines.append("Template search order: " + " > ".join(search.display(d) for d in dirs))
    return "\n".join(lines)
