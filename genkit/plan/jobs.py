"""Expand jurisdiction x document x item x format into output jobs, each with a fingerprint.

A unit's fingerprint covers every template and asset on the jurisdiction's search path, the output
format and the versions of genkit and of the libraries that write the bytes; the profile is covered
by the unit's read set (the values of the fields it read, see genkit.render.tracking.facts). An
output whose fingerprint and read set match the previous build's is copied instead of rendered.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genkit.errors import Problem, ProfileError, TemplateError, UsageError
from genkit.family import context_names
from genkit.fieldpath import parse
from genkit.formats import format_names, output_formats
from genkit.language.strings import UiStrings, load_strings
from genkit.load.profiles import LoadedProfile
from genkit.paths import NAME_RE
from genkit.plan.catalog import Document
from genkit.plan.items import items_for, missing_requirements
from genkit.plan.manifest import Manifest
from genkit.plan.reuse import Reused
from genkit.plan.versions import genkit_fingerprint


@dataclass
class Unit:
    """One document for one item: rendered once to Markdown, then written in each format."""

    document: Document
    item_id: str | None
    item: Any
    outputs: dict[str, str] = field(default_factory=dict)  # format -> relative path
    fingerprints: dict[str, str] = field(default_factory=dict)  # format -> fingerprint
    main_lang: str = "en"  # the profile's language, for documents not made per language
    # format -> the previous bundle's output, when it can stand for a new render (plan/reuse.py)
    reused: dict[str, Reused] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        if self.item_id is None:
            return self.document.id
        suffix = f".{self.document.lang}" if self.document.lang else ""
        return f"{self.document.family}/{self.item_id}{suffix}"

    @property
    def lang(self) -> str:
        return self.document.lang or self.main_lang


@dataclass
class Plan:
    loaded: LoadedProfile
    dirs: list[Path]
    documents: list[Document]
    units: list[Unit]
    inputs_fingerprint: str
    strings: dict[str, UiStrings] = field(default_factory=dict)  # language -> layout words
    # documents this profile cannot have, with the ``requires`` paths it leaves unset
    left_out: list[tuple[Document, list[str]]] = field(default_factory=list)
    previous: Manifest | None = None  # the bundle already written, whose outputs may be reused


def inputs_fingerprint(loaded: LoadedProfile, dirs: list[Path], with_profile: bool = True) -> str:
    """Every input; without the profile, what a unit's fingerprint covers (its profile reads
    are compared field by field, see genkit.render.tracking.facts)."""
    digest = hashlib.sha256()
    digest.update(genkit_fingerprint().encode())
    if with_profile:
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


def _named(document: Document, only: list[str]) -> bool:
    """Whether ``--only`` names this document itself, not just its family."""
    names = {
        document.id,
        document.id.split("/", 1)[1],
        document.base_id,
        document.base_id.split("/", 1)[1],
    }
    return any(o in names for o in only)


def selected(document: Document, only: list[str]) -> bool:
    if not only:
        return True
    names = {
        document.id,
        document.family,
        document.id.split("/", 1)[1],
        document.base_id,
        document.base_id.split("/", 1)[1],
    }
    return any(o in names for o in only)


def _profile_list(loaded: LoadedProfile, document: Document) -> tuple[tuple, list[str]]:
    """The profile list a per-language document names in ``languages:``, and its path."""
    path = parse(document.meta.languages or "") or ()
    current: Any = loaded.profile
    for part in path:
        current = current[part] if isinstance(part, int) else getattr(current, str(part), None)
        if current is None:
            break
    if not isinstance(current, list) or not all(isinstance(v, str) for v in current):
        raise TemplateError(
            [
                Problem(
                    str(document.source),
                    0,
                    0,
                    "languages",
                    f"'{document.meta.languages}' names no list of languages in the profile",
                )
            ]
        )
    return path, current


def choose_languages(
    loaded: LoadedProfile, dirs: list[Path], documents: list[Document], display=str
) -> tuple[list[Document], dict[str, UiStrings]]:
    """Keep the language versions the profile asks for; load each language's layout words.

    A listed language with no template for a per-language document, or with no strings file,
    is the profile's mistake as much as the templates': it is reported at the list entry.
    """
    variants = {(d.base_id, d.lang) for d in documents if d.lang}
    kept: list[Document] = []
    problems: list[Problem] = []
    strings: dict[str, UiStrings] = {}
    checked: set[tuple[str, str]] = set()
    main = loaded.profile.language

    def strings_for(lang: str, where: tuple | None) -> None:
        if lang in strings:
            return
        found = load_strings(dirs, lang, display)
        if found is not None:
            strings[lang] = found
        elif where is not None:
            problems.append(
                loaded.located.problem(
                    where,
                    (
                        f"genkit has no layout strings for '{lang}': add "
                        f"templates/_common/strings/{lang}.yaml (copy en.yaml and translate it)"
                    ),
                )
            )
        else:
            raise TemplateError(f"no layout strings for the main language '{lang}'")

    strings_for(main, None)
    for document in documents:
        if not document.lang:
            kept.append(document)
            continue
        path, languages = _profile_list(loaded, document)
        if document.lang in languages:
            kept.append(document)
        for index, lang in enumerate(languages):
            if (document.base_id, lang) in checked:
                continue
            checked.add((document.base_id, lang))
            if (document.base_id, lang) not in variants:
                have = ", ".join(sorted(v for b, v in variants if b == document.base_id))
                problems.append(
                    loaded.located.problem(
                        (*path, index),
                        (
                            f"no template for language '{lang}': {document.base_id} has templates "
                            "for "
                            f"{have}; add {document.base_id}.{lang}.md.j2"
                        ),
                    )
                )
            else:
                strings_for(lang, (*path, index))
    if problems:
        raise ProfileError(sorted(set(problems)))
    return kept, strings


def attachment_letters(loaded: LoadedProfile, documents: list[Document]) -> dict[str, dict]:
    """Document id -> its RFP attachment letter, title and files, over every document the
    profile gets (not only those a ``--only`` build renders), so letters never depend on what
    is being built."""
    candidates = [d for d in documents if d.meta.attachment is not None and not d.meta.each]
    # Which attachments exist turns on whether these profile sections are set, nothing more.
    loaded.attachment_requires = sorted(
        {
            path
            for d in candidates
            for path in d.meta.requires
            if path.split(".")[0] not in context_names()
        }
    )
    present = sorted(
        (d.meta.attachment, d.id, d) for d in candidates if not missing_requirements(loaded, d)
    )
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    found = {}
    for i, (_, doc_id, d) in enumerate(present[: len(letters)]):
        # The RFP's list of attachments names each file's formats, editable formats first.
        formats = sorted(d.formats, key=format_names().index)
        suffixes = ", ".join(output_formats()[f].suffix for f in formats)
        found[doc_id] = {
            "id": doc_id,
            "letter": letters[i],
            "title": d.meta.title,
            "files": f"{doc_id} ({suffixes})",
        }
    return found


def make_plan(
    loaded: LoadedProfile,
    dirs: list[Path],
    documents: list[Document],
    only: list[str],
    formats: list[str],
    display=str,
) -> Plan:
    unknown = [o for o in only if not any(selected(d, [o]) for d in documents)]
    if unknown:
        names = ", ".join(d.id for d in documents)
        raise UsageError(
            [
                Problem("genkit", 0, 0, "--only", f"no document called '{u}' (known: {names})")
                for u in unknown
            ]
        )
    documents, strings = choose_languages(loaded, dirs, documents, display)
    loaded.attachments = attachment_letters(loaded, documents)
    fingerprint = inputs_fingerprint(loaded, dirs)
    unit_base = inputs_fingerprint(loaded, dirs, with_profile=False)
    units: list[Unit] = []
    left_out: list[tuple[Document, list[str]]] = []
    for document in documents:
        if not selected(document, only):
            continue
        missing = missing_requirements(loaded, document)
        # Asked for by name, a document the profile cannot have is an error; one of a family
        # asked for (--only rfp) is left out like any document the profile does not get.
        if missing and only and _named(document, only):
            how = document.meta.missing_how.format(name=loaded.name)
            raise UsageError(
                [
                    Problem(
                        "genkit",
                        0,
                        0,
                        "--only",
                        f"'{document.id}' needs {', '.join(missing)} in the profile of "
                        f"'{loaded.name}', which does not set it" + (f": {how}" if how else ""),
                    )
                ]
            )
        if missing:
            if document.meta.missing and not any(
                d.base_id == document.base_id for d, _ in left_out
            ):
                left_out.append((document, missing))
            continue
        for item_id, item in items_for(loaded, document):
            if item_id is not None and not NAME_RE.match(str(item_id)):
                raise UsageError(
                    f"'{item_id}' cannot name a file: use lowercase letters, digits and hyphens"
                )
            unit = Unit(document, item_id, item, main_lang=loaded.profile.language)
            for fmt in document.formats:
                if formats and fmt not in formats:
                    continue
                unit.outputs[fmt] = unit.stem + output_formats()[fmt].suffix
                unit.fingerprints[fmt] = hashlib.sha256(
                    f"{unit_base}|{unit.stem}|{fmt}".encode()
                ).hexdigest()
            if unit.outputs:
                units.append(unit)
    return Plan(loaded, dirs, documents, units, fingerprint, strings, left_out)


def left_out_notes(plan: Plan) -> list[str]:
    """Each document left out for want of its data, with what the person running genkit can do
    (the index says what it needs)."""
    name = plan.loaded.name
    return [
        f"{document.id} left out: {document.meta.missing_how.format(name=name)}"
        for document, _ in plan.left_out
        if document.meta.missing_how
    ]
