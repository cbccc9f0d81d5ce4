"""The files every bundle carries besides its documents: index, manifest and zip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from genkit import __version__
from genkit.errors import TemplateError
from genkit.formats import output_formats
from genkit.load.profiles import LoadedProfile
from genkit.plan.catalog import PHASES
from genkit.render.formats.zipnorm import zip_bytes
from genkit.render.templating import SafeSandbox

INDEX_TEMPLATE = "_common/index.html.j2"


@dataclass
class IndexEntry:
    title: str
    audience: str
    description: str
    family: str
    outputs: dict[str, str]
    phase: str = "plan"
    order: int = 100
    group: str = ""  # the document all items and languages of one template share
    item: str = ""  # the position, or the language, this file is for
    heading: str = ""  # the template's own title, for a document made per item or language


LANGUAGES = {"en": "English", "es": "Spanish (español)"}


def entry_for(unit: Any, title: str) -> IndexEntry:
    """The index line of one unit (a genkit.plan.jobs.Unit) whose document is titled ``title``."""
    meta, item = unit.document.meta, ""
    if unit.item is not None:
        # The item's own name, or what the rendered title adds to the template's
        # ("Team training protocol: Advanced EMT").
        tail = title.rpartition(": ")[2] if ": " in title else str(unit.item_id)
        item = next(
            (
                str(getattr(unit.item, a))
                for a in ("title", "name", "label")
                if isinstance(getattr(unit.item, a, None), str)
            ),
            tail,
        )
    if unit.document.lang:
        language = LANGUAGES.get(unit.document.lang, unit.document.lang)
        item = f"{item}, {language}" if item else language
    return IndexEntry(
        title,
        meta.audience,
        meta.description,
        unit.document.family,
        dict(unit.outputs),
        meta.phase,
        meta.order,
        unit.document.base_id,
        item,
        meta.title,
    )


@dataclass
class IndexRow:
    """One document in the index, with a file set per position or language when it has them."""

    title: str
    audience: str
    description: str
    files: list[tuple[str, dict[str, str]]]  # (item, format -> path); item "" for one file


def index_phases(entries: list[IndexEntry]) -> list[tuple[str, list[IndexRow]]]:
    """Entries grouped into rows by document, and rows into rollout phases in use order."""
    rows: dict[str, IndexRow] = {}
    keys: dict[str, tuple] = {}
    for entry in entries:
        key = entry.group or entry.title
        if key not in rows:
            # A document made per item is listed under its template's title, not an item's.
            title = entry.heading if entry.item and entry.heading else entry.title
            rows[key] = IndexRow(title, entry.audience, entry.description, [])
            keys[key] = (list(PHASES).index(entry.phase), entry.order, key)
        rows[key].files.append((entry.item, entry.outputs))
    ordered = sorted(rows, key=lambda k: keys[k])
    return [
        (label, [rows[k] for k in ordered if keys[k][0] == i])
        for i, label in enumerate(PHASES.values())
        if any(keys[k][0] == i for k in ordered)
    ]


def to_replace(loaded: LoadedProfile) -> list[tuple[str, str]]:
    """Every value the profile marks illustrative: (what it is, profile file:line)."""
    from genkit.fieldpath import parse
    from genkit.render.context import friendly

    found = []
    for path in loaded.profile.illustrative:
        file, line, _ = loaded.located.where(parse(path) or ())
        found.append((_relative(file), line, friendly(path, loaded.profile)))
    # In the order of the file, so the list can be worked through from top to bottom.
    return [(what, f"{file}:{line}") for file, line, what in sorted(found)]


def _relative(file: str) -> str:
    """``/home/x/project/jurisdictions/durham/profile.yaml`` -> ``jurisdictions/durham/...``."""
    marker = "jurisdictions/"
    return file[file.rindex(marker) :] if marker in file else file


def index_html(
    env: SafeSandbox,
    loaded: LoadedProfile,
    entries: list[IndexEntry],
    css: str,
    notice: str | None,
    left_out: list | None = None,
) -> bytes:
    """The bundle's index page. ``left_out``: (Document, missing paths) the profile lacks."""
    profile = loaded.profile
    missing = [(d.meta.title, d.meta.missing) for d, _ in left_out or []]
    try:
        html = env.get_template(INDEX_TEMPLATE).render(
            profile=profile,
            entries=entries,
            css=Markup(css),
            sample_notice=notice,
            phases=index_phases(entries),
            left_out=missing,
            to_replace=to_replace(loaded),
            format_labels={f.name: f.label for f in output_formats().values()},
            version=__version__,
            zip_name=f"{loaded.name}-bundle.zip",
        )
    except Exception as exc:
        from genkit.render.document import template_problem

        raise template_problem(exc, INDEX_TEMPLATE) from None
    if not isinstance(html, str):
        raise TemplateError("index template produced no text")
    return html.encode("utf-8")


def bundle_zip(name: str, files: dict[str, bytes], when: dt.date | None = None) -> bytes:
    """The bundle as one zip, its members dated ``when`` (the profile's ``as_of``)."""
    return zip_bytes({f"{name}/{path}": data for path, data in files.items()}, when)
