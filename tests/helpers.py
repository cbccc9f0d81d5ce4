"""Shared test helpers: readers that turn each output format back into plain text, and the one
way to edit the copied town profile, list its problems and build some of its documents."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from genkit.errors import Problem
    from genkit.write.stage import Bundle


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


REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
# The town profile: tests/conftest.py's ``project`` fixture copies Durham's profile there.
PROFILE = Path("jurisdictions") / "town" / "profile.yaml"


def seattle_town(root: Path) -> Path:
    """``root`` with tests/data's Seattle test profile copied in as ``jurisdictions/seattle-town``
    (Durham's program reading the Seattle CAD export, tests/data/README.md)."""
    shutil.copytree(DATA / "seattle-town", root / "jurisdictions" / "seattle-town")
    return root


def edit(project: Path, old: str, new: str, after: str = "") -> int:
    """Replace the first ``old`` in the test project's town profile; the line it stood on.

    ``after`` starts the search at the first occurrence of that text, for a value that appears
    in several sections (``after="\\nfunding:\\n"``). The line (1-based) is where ``old``
    began, which is where a problem about the edited value is reported.
    """
    path = project / PROFILE
    text = path.read_text(encoding="utf-8")
    assert after in text, after
    start = text.index(after) if after else 0
    assert old in text[start:], old
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text[:at].count("\n") + 1


def line_of(project: Path, needle: str) -> int:
    """The 1-based line of the town profile where ``needle`` first appears."""
    text = (project / PROFILE).read_text(encoding="utf-8")
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def problems(project: Path) -> list[Problem]:
    """The located problems that loading the town profile reports (it must fail)."""
    import pytest

    from genkit.checks.validate import load_profile
    from genkit.errors import ProfileError
    from genkit.paths import SearchPath

    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    return info.value.problems


def problems_by_field(project: Path) -> dict[str, Problem]:
    """:func:`problems` by dotted field, each checked to be located in the town profile."""
    found = {p.field: p for p in problems(project)}
    for problem in found.values():
        assert problem.file.endswith(PROFILE.as_posix()), problem
    return found


def build_town(
    project: Path,
    only: str | Sequence[str] = (),
    formats: Sequence[str] = ("html",),
    *,
    force: bool = False,
    out: str = "build",
) -> Bundle:
    """Build some documents of the town profile into ``project/out/town``; what was done.

    ``only`` takes what ``--only`` takes (families, ids or names). The bundle's ``out_dir`` is
    its folder and ``rendered`` lists the outputs rendered rather than reused.
    """
    return _build_one("town", project, project / out, only, formats, force)


def build_sample(
    name: str, out_root: Path, only: str | Sequence[str] = (), formats: Sequence[str] = ("html",)
) -> Bundle:
    """Build some documents of a sample jurisdiction, as shipped, into ``out_root/name``."""
    return _build_one(name, REPO, out_root, only, formats, False)


def _build_one(
    name: str,
    root: Path,
    out_root: Path,
    only: str | Sequence[str],
    formats: Sequence[str],
    force: bool,
) -> Bundle:
    # The one place tests call the pipeline's Python API: if it moves, one import changes.
    from genkit.paths import SearchPath
    from genkit.pipeline import Options, build

    only = [only] if isinstance(only, str) else list(only)
    options = Options(
        out_root=out_root, only=[o for o in only if o], formats=list(formats), force=force
    )
    [bundle] = build([name], SearchPath.from_cwd(root), options)
    return bundle
