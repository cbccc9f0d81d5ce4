"""Expand jurisdiction x document x item x format into output jobs, each with a fingerprint.

A fingerprint covers everything an output depends on: the resolved profile, every template and
asset on the jurisdiction's search path, the output format and the versions of genkit and of the
libraries that write the bytes. An output whose fingerprint matches the previous build's is
copied instead of rendered.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from genkit import __version__
from genkit.catalog import Document
from genkit.context import items_for, missing_requirements
from genkit.errors import Problem, UsageError
from genkit.paths import NAME_RE
from genkit.profiles import LoadedProfile

EXTENSIONS = {"html": ".html", "pdf": ".pdf", "docx": ".docx"}


@dataclass
class Unit:
    """One document for one item: rendered once to Markdown, then written in each format."""

    document: Document
    item_id: str | None
    item: Any
    outputs: dict[str, str] = field(default_factory=dict)       # format -> relative path
    fingerprints: dict[str, str] = field(default_factory=dict)  # format -> fingerprint

    @property
    def stem(self) -> str:
        if self.item_id is None:
            return self.document.id
        return f"{self.document.family}/{self.item_id}"


@dataclass
class Plan:
    loaded: LoadedProfile
    dirs: list[Path]
    documents: list[Document]
    units: list[Unit]
    inputs_fingerprint: str


def _library_versions() -> str:
    versions = []
    for name in ("jinja2", "markdown-it-py", "python-docx", "docxtpl", "weasyprint", "pydyf",
                 "matplotlib"):
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return ";".join(versions)


def inputs_fingerprint(loaded: LoadedProfile, dirs: list[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(f"genkit={__version__};{_library_versions()}\n".encode())
    profile_json = json.dumps(loaded.profile.model_dump(mode="json"), sort_keys=True)
    digest.update(profile_json.encode())
    # The stored call analysis feeds documents too: a new analysis must rebuild them.
    if loaded.calls_tally is not None:
        digest.update(b"\ncalls-analysis\n")
        digest.update(json.dumps(loaded.calls_tally, sort_keys=True).encode())
    for index, folder in enumerate(dirs):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder).as_posix()
            digest.update(f"\n{index}:{rel}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def selected(document: Document, only: list[str]) -> bool:
    if not only:
        return True
    stem = document.id.split("/", 1)[1]
    return any(o in (document.id, document.family, stem) for o in only)


def make_plan(loaded: LoadedProfile, dirs: list[Path], documents: list[Document],
              only: list[str], formats: list[str]) -> Plan:
    unknown = [o for o in only if not any(selected(d, [o]) for d in documents)]
    if unknown:
        names = ", ".join(d.id for d in documents)
        raise UsageError([Problem("genkit", 0, 0, "--only",
                                  f"no document called '{u}' (known: {names})") for u in unknown])
    fingerprint = inputs_fingerprint(loaded, dirs)
    units: list[Unit] = []
    for document in documents:
        if not selected(document, only):
            continue
        missing = missing_requirements(loaded, document)
        if missing and only:
            raise UsageError([Problem(
                "genkit", 0, 0, "--only",
                f"'{document.id}' needs {', '.join(missing)} in the profile of "
                f"'{loaded.name}', which does not set it")])
        if missing:
            continue
        for item_id, item in items_for(loaded, document):
            if item_id is not None and not NAME_RE.match(str(item_id)):
                raise UsageError(f"'{item_id}' cannot name a file: use lowercase letters, "
                                 "digits and hyphens")
            unit = Unit(document, item_id, item)
            for fmt in document.formats:
                if formats and fmt not in formats:
                    continue
                unit.outputs[fmt] = unit.stem + EXTENSIONS[fmt]
                unit.fingerprints[fmt] = hashlib.sha256(
                    f"{fingerprint}|{unit.stem}|{fmt}".encode()).hexdigest()
            if unit.outputs:
                units.append(unit)
    return Plan(loaded, dirs, documents, units, fingerprint)
