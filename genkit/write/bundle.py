"""The files every bundle carries besides its documents: index, manifest and zip."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from markupsafe import Markup

from genkit import __version__
from genkit.errors import TemplateError
from genkit.load.profiles import LoadedProfile
from genkit.render.formats.zipnorm import zip_bytes
from genkit.render.templating import SafeSandbox

INDEX_TEMPLATE = "_common/index.html.j2"
FORMAT_LABELS = {"docx": "Word", "pdf": "PDF", "html": "Web page", "csv": "CSV",
                 "xlsx": "Spreadsheet"}


@dataclass
class IndexEntry:
    title: str
    audience: str
    description: str
    family: str
    outputs: dict[str, str]


def index_html(env: SafeSandbox, loaded: LoadedProfile, entries: list[IndexEntry],
               css: str, notice: str | None) -> bytes:
    profile = loaded.profile
    try:
        html = env.get_template(INDEX_TEMPLATE).render(
            profile=profile, entries=entries, css=Markup(css), sample_notice=notice,
            format_labels=FORMAT_LABELS, version=__version__, zip_name=f"{loaded.name}-bundle.zip")
    except Exception as exc:  # noqa: BLE001
        from genkit.render.document import template_problem

        raise template_problem(exc, INDEX_TEMPLATE) from None
    if not isinstance(html, str):
        raise TemplateError("index template produced no text")
    return html.encode("utf-8")


def manifest_json(name: str, files: dict[str, bytes], fingerprints: dict[str, str],
                  titles: dict[str, str], readings: dict[str, dict], inputs: str,
                  reads: dict | None = None) -> bytes:
    entries = [
        {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
         **({"fingerprint": fingerprints[path]} if path in fingerprints else {})}
        for path, data in sorted(files.items())
    ]
    manifest = {"genkit_version": __version__, "jurisdiction": name,
                "inputs_fingerprint": inputs, "files": entries, "titles": titles,
                "readings": readings, **({"reads": reads} if reads is not None else {})}
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")


def bundle_zip(name: str, files: dict[str, bytes], when: dt.date | None = None) -> bytes:
    """The bundle as one zip, its members dated ``when`` (the profile's ``as_of``)."""
    return zip_bytes({f"{name}/{path}": data for path, data in files.items()}, when)
