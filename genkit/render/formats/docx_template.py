"""Word templates (``*.docx`` with Jinja tags, via docxtpl) -> DOCX.

Used for documents a city authors in Word. Rendering goes through the same sandboxed, strict
environment as Markdown templates, with XML autoescaping so values can never become Word markup.
The template file is checked before it is unpacked: a bounded size, safe member names and no
XML DOCTYPE (which could expand entities or fetch files).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from genkit.errors import Problem, SecurityError, TemplateError
from genkit.limits import render_limits
from genkit.load.profiles import LoadedProfile
from genkit.plan.catalog import Document
from genkit.render.context import build_context
from genkit.render.formats.zipnorm import normalize_docx
from genkit.render.templating import make_env, make_loader
from genkit.render.tracking.facts import ensure_recording

MAX_UNPACKED = 50 * 1024 * 1024
MAX_MEMBERS = 2000


def check_docx_package(data: bytes, where: str) -> None:
    """Refuse zip bombs, path tricks and DOCTYPEs before python-docx opens the file."""

    def refuse(message: str) -> SecurityError:
        return SecurityError([Problem(where, 0, 0, "", message)])

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise TemplateError([Problem(where, 0, 0, "", "not a Word .docx file")]) from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse("the Word template has too many parts")
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise refuse("the Word template unpacks to more than 50 MB; refusing a possible zip bomb")
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
            raise refuse(f"the Word template has an unsafe part name '{name}'")
        if name.endswith((".xml", ".rels")):
            head = archive.read(info)[:4096].upper()
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise refuse(f"the Word template part '{name}' declares a DOCTYPE; refusing it")


def render_docx_template(
    document: Document,
    loaded: LoadedProfile,
    dirs: list[Path],
    item: object = None,
    ui: object = None,
) -> bytes:
    from genkit.render.document import template_problem
    from genkit.render.formats.docxtpl_safe import DocxTemplate

    raw = document.source.read_bytes()
    check_docx_package(raw, str(document.source))
    env = make_env(make_loader(dirs, dirs[-1]), finalize=None)
    try:
        template = DocxTemplate(io.BytesIO(raw))
        with ensure_recording(loaded.profile), render_limits():
            context = build_context(loaded, document, item, ui)  # type: ignore[arg-type]
            template.render(context, jinja_env=env, autoescape=True)
        # The file's dates are the profile's, as in every generated Word file, not the dates
        # the template was saved with.
        props = template.docx.core_properties
        as_of = loaded.profile.as_of
        props.created = props.modified = dt.datetime(as_of.year, as_of.month, as_of.day)
        buffer = io.BytesIO()
        template.save(buffer)
    except (TemplateError, SecurityError):
        raise
    except Exception as exc:  # any failure in a user's template is theirs to fix
        raise template_problem(exc, str(document.source)) from None
    return normalize_docx(buffer.getvalue(), loaded.profile.as_of)
