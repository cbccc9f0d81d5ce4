"""A city's own Word shell around a generated document.

A procurement office usually has a Word template of its own: letterhead, legal boilerplate, its
fonts and heading styles. A jurisdiction puts it in its templates folder as
``_shells/<family>/<document>.docx`` (for one document, e.g. ``_shells/rfp/rfp.docx``) or
``_shells/default.docx`` (for every document). The shell is a docxtpl template: it may print any
profile value (``{{ jurisdiction.name }}``, ``{{ sample_notice }}``, ``{{ title }}``) and must
hold ``{{p body }}`` on a paragraph of its own where the generated text belongs. The body is
inserted as a subdocument: its paragraphs keep their style names (Heading 1, List Bullet...) and
so take the shell's definitions of those styles; the shell's headers, footers and page setup
replace the generated ones. Shells get the same package checks and sandbox as Word templates.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from genkit.errors import Problem, SecurityError, TemplateError
from genkit.limits import render_limits
from genkit.render.formats.docx_template import check_docx_package
from genkit.render.formats.zipnorm import normalize_docx
from genkit.render.templating import make_env, make_loader, which

SHELL_DIR = "_shells"
_BODY_TAG = re.compile(r"\{\{\s*p\s+body\s*\}\}")
_XML_TAG = re.compile(r"<[^>]+>")


def find_shell(document_id: str, dirs: list[Path]) -> Path | None:
    """The shell for a document: its own first, then the jurisdiction's default, else none."""
    return which(f"{SHELL_DIR}/{document_id}.docx", dirs) or which(
        f"{SHELL_DIR}/default.docx", dirs
    )


def _check_placeholder(raw: bytes, where: str) -> None:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        try:
            xml = archive.read("word/document.xml").decode("utf-8", "replace")
        except KeyError:
            raise TemplateError(
                [Problem(where, 0, 0, "", "not a Word document: it has no word/document.xml")]
            ) from None
    if not _BODY_TAG.search(_XML_TAG.sub("", xml)):
        raise TemplateError(
            [
                Problem(
                    where,
                    0,
                    0,
                    "",
                    (
                        "the Word shell has no {{p body }} placeholder: type {{p body }} on a "
                        "paragraph of "
                        "its own where the document's text should go"
                    ),
                )
            ]
        )


def render_in_shell(
    shell: Path,
    where: str,
    body: bytes,
    context: dict[str, Any],
    dirs: list[Path],
    title: str,
    created: dt.date,
) -> bytes:
    """Fill the shell's own tags from ``context`` and put ``body`` (a .docx) at ``{{p body }}``."""
    from genkit.render.document import template_problem
    from genkit.render.formats.docxtpl_safe import DocxTemplate

    raw = shell.read_bytes()
    check_docx_package(raw, where)
    _check_placeholder(raw, where)
    env = make_env(make_loader(dirs, dirs[-1]), finalize=None)
    try:
        template = DocxTemplate(io.BytesIO(raw))
        values = dict(context, body=template.new_subdoc(io.BytesIO(body)), title=title)
        with render_limits():
            template.render(values, jinja_env=env, autoescape=True)
        props = template.docx.core_properties
        stamp = dt.datetime(created.year, created.month, created.day)
        props.title, props.created, props.modified, props.revision = title, stamp, stamp, 1
        buffer = io.BytesIO()
        template.save(buffer)
    except (TemplateError, SecurityError):
        raise
    except Exception as exc:  # a failure in a city's shell is theirs to fix
        error = template_problem(exc, where)
        # Jinja only knows the shell's XML as "<template>", and its lines are not ones a person
        # editing in Word can see: name the shell file instead.
        raise type(error)(
            [
                replace(p, file=where, line=0, col=0) if p.file == "<template>" else p
                for p in error.problems
            ]
        ) from None
    return normalize_docx(buffer.getvalue(), created)
