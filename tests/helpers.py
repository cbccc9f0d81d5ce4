"""Readers that turn each output format back into plain text, for content assertions."""

from __future__ import annotations

import html
import re
from pathlib import Path


def html_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    body = re.sub(r"<style.*?</style>", "", raw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


def docx_text(path: Path) -> str:
    """Body paragraphs, table cells, headers and footers of a Word file."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def squash(text: str) -> str:
    """Collapse whitespace (PDF text extraction breaks lines anywhere)."""
    return re.sub(r"\s+", " ", text)


def edit(project: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in the test project's town profile; the line it stood on."""
    path = project / "jurisdictions" / "town" / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def problems(project: Path) -> list:
    """The located problems that loading the town profile reports (it must fail)."""
    import pytest

    from genkit.checks.validate import load_profile
    from genkit.errors import ProfileError
    from genkit.paths import SearchPath

    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    return info.value.problems
