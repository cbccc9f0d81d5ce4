"""Which documents exist: every template file describes itself in front matter.

A Markdown template starts with a Jinja comment holding YAML::

    {#---
    title: Preparing to meet with public-safety stakeholders
    audience: Program director
    formats: [html, pdf, docx]
    ---#}

A document written once per language has one file per language, ``NAME.LANG.md.j2`` (for example
``resident-sheet.es.md.j2``), whose front matter names the profile list of languages it is made
in (``languages: briefings.languages``). Each language's file has its own title and text.

A Word template ``name.docx`` is described by ``name.docx.yaml`` beside it. Files and folders
whose names start with ``_`` are partials and layouts, not documents. Adding a document needs
no Python change: drop a template into a family folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from genkit import fieldpath
from genkit.errors import Problem, TemplateError
from genkit.formats import default_formats, format_names
from genkit.load.model_errors import problems_from
from genkit.load.strict_yaml import parse_yaml_text
from genkit.model.base import Flag, Model, ShortText, Text
from genkit.paths import RESERVED_NAMES

_PART_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")  # family folders such as job_descriptions
FRONT_MATTER = re.compile(r"\A\{#---\n(.*?)\n---#\}", re.S)
MARKDOWN_SUFFIX = ".md.j2"
DOCX_SUFFIX = ".docx"
LANGUAGE_SUFFIX = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2,3}(?:-[A-Z]{2})?)$")
# The stages of a rollout, in the order a program goes through them: the bundle index groups
# documents by them.
PHASES = {
    "plan": "Plan",
    "procure": "Procure",
    "hire": "Hire",
    "train": "Train",
    "launch": "Launch",
    "evaluate": "Evaluate",
}
Phase = Literal["plan", "procure", "hire", "train", "launch", "evaluate"]


class FrontMatter(Model):
    title: ShortText
    audience: ShortText
    description: Text = ""
    formats: list[str] = Field(
        default_factory=default_formats,
        description="Formats to make (genkit/formats.py "
        "lists them); 'csv' writes the document's first table as a CSV file beside the others.",
    )
    each: str | None = Field(
        default=None,
        description="Dotted path of a list in the profile; "
        "one document is made per item, named after the item's id.",
    )
    item_name: str = Field(default="item", pattern=r"^[a-z_][a-z0-9_]*$")
    requires: list[str] = Field(
        default_factory=list,
        description="Dotted paths of profile sections this document "
        "needs; a jurisdiction that leaves one empty does not get the document.",
    )
    order: int = 100
    phase: Phase = Field(
        default="plan",
        description="The rollout stage the document is used "
        "in; the index lists documents by stage, then by order.",
    )
    missing: Text = Field(
        default="",
        description="For the index, when a profile lacks what 'requires' names: "
        "what the document needs, in the city's words. The document is left out of the bundle.",
    )
    missing_how: Text = Field(
        default="",
        description="For the terminal, when the document is left out: what the "
        "person running genkit can do about it ({name} is the jurisdiction).",
    )
    compact: Flag = Field(
        default=False,
        description="Tighter type and spacing, for a card that must fit on one printed page.",
    )
    languages: str | None = Field(
        default=None,
        description="Dotted path of the profile's list of languages this "
        "document is made in; needs one template per language, NAME.LANG.md.j2.",
    )
    readability: Flag = Field(
        default=False,
        description="Measure the reading grade level of the document's prose; "
        "the build reports it and warns above the profile's limit.",
    )
    draft_notice: Text = Field(
        default="",
        description="A line printed on every page, beside the sample notice, "
        "e.g. 'DRAFT FOR LEGAL REVIEW: not a signed agreement'.",
    )
    attachment: int | None = Field(
        default=None,
        ge=1,
        le=99,
        description="Makes the document an attachment of the RFP "
        "packet: attachments are lettered A, B, C... in this order, among those the profile "
        "gets, the same way in the RFP, the index and the file names the RFP lists.",
    )
    workbook: Literal["price-proposal"] | None = Field(
        default=None,
        description="The spreadsheet genkit writes when 'xlsx' is among the "
        "formats; 'price-proposal' is the RFP's price proposal form.",
    )
    layout: Literal["document", "sheet", "wide"] = Field(
        default="document",
        description="'sheet' sets a compact page for short handouts; "
        "'wide' turns the pages to landscape, for a table of many columns.",
    )

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, formats: list[str]) -> list[str]:
        unknown = [f for f in formats if f not in format_names()]
        if unknown:
            raise ValueError(
                f"no output format called {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(format_names())})"
            )
        return formats


@dataclass(frozen=True)
class Document:
    id: str  # "worksheets/stakeholder-worksheet": also its output path stem
    template: str  # name on the search path, e.g. "worksheets/x.md.j2"
    source: Path  # the file that won on the search path
    kind: Literal["markdown", "docx"]
    meta: FrontMatter
    lang: str | None = None  # the language of a per-language template, from its file name

    @property
    def base_id(self) -> str:
        """The id shared by every language of a document: ``briefings/resident-sheet``."""
        return self.id.removesuffix(f".{self.lang}") if self.lang else self.id

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def formats(self) -> tuple[str, ...]:
        return ("docx",) if self.kind == "docx" else tuple(self.meta.formats)


def _front_matter(path: Path, display: str) -> FrontMatter:
    if path.suffix == DOCX_SUFFIX:
        meta_path = path.with_name(path.name + ".yaml")
        if not meta_path.is_file():
            raise TemplateError(
                [
                    Problem(
                        display,
                        0,
                        0,
                        "",
                        f"a Word template needs a description file {meta_path.name} beside it",
                    )
                ]
            )
        text, offset, shown = meta_path.read_text(encoding="utf-8"), 0, display + ".yaml"
    else:
        head = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(head)
        if not match:
            raise TemplateError(
                [
                    Problem(
                        display,
                        1,
                        1,
                        "",
                        "a document template must start with front matter: {#--- title: ... ---#}",
                    )
                ]
            )
        text, offset, shown = match.group(1), 1, display
    doc = parse_yaml_text(text, shown)
    try:
        return FrontMatter.model_validate(doc.data)
    except ValidationError as exc:

        def place(loc: tuple, message: str) -> Problem:
            line, col = doc.where(loc)
            return Problem(shown, line + offset, col, fieldpath.shown(loc), message)

        raise TemplateError(problems_from(exc, FrontMatter, place)) from None


def _is_document(rel: Path) -> bool:
    if any(part.startswith("_") for part in rel.parts) or len(rel.parts) != 2:
        return False
    return rel.name.endswith(MARKDOWN_SUFFIX) or rel.suffix == DOCX_SUFFIX


def _has_front_matter(path: Path) -> bool:
    if path.suffix == DOCX_SUFFIX:
        return path.with_name(path.name + ".yaml").is_file()
    with open(path, encoding="utf-8") as handle:
        return handle.read(5) == "{#---"


def discover(dirs: list[Path], display=str) -> list[Document]:
    """Every document on the search path; the first folder that has a name wins.

    An override without front matter of its own (typically one that ``{% extends %}`` the
    built-in file to replace a block) keeps the description of the file it overrides.
    """
    candidates: dict[str, list[Path]] = {}
    for folder in dirs:
        for path in sorted(folder.glob("*/*")):
            rel = path.relative_to(folder)
            if path.is_file() and _is_document(rel):
                candidates.setdefault(rel.as_posix(), []).append(path)
    found: dict[str, Document] = {}
    problems: list[Problem] = []
    for name, paths in sorted(candidates.items()):
        stem = name.removesuffix(MARKDOWN_SUFFIX).removesuffix(DOCX_SUFFIX)
        if stem in found:
            continue
        lang = _language_of(stem)
        base = stem.removesuffix(f".{lang}") if lang else stem
        if not all(_PART_RE.match(part) and part not in RESERVED_NAMES for part in base.split("/")):
            problems.append(
                Problem(
                    display(paths[0]),
                    0,
                    0,
                    "",
                    "a document's folder and file "
                    "names may use only lowercase letters, digits, hyphens and "
                    "underscores "
                    "(they name the output files)",
                )
            )
            continue
        described = next((p for p in paths if _has_front_matter(p)), paths[0])
        try:
            meta = _front_matter(described, display(described))
        except TemplateError as exc:
            problems.extend(exc.problems)
            continue
        kind = "docx" if name.endswith(DOCX_SUFFIX) else "markdown"
        if (lang is None) != (meta.languages is None):
            problems.append(_language_problem(display(described), lang))
            continue
        found[stem] = Document(stem, name, paths[0], kind, meta, lang)
    if problems:
        raise TemplateError(problems)
    return sorted(found.values(), key=lambda d: (d.meta.order, d.id))


def _language_of(stem: str) -> str | None:
    match = LANGUAGE_SUFFIX.match(stem.rsplit("/", 1)[-1])
    return match.group("lang") if match else None


def _language_problem(shown: str, lang: str | None) -> Problem:
    if lang is None:
        return Problem(
            shown,
            1,
            1,
            "languages",
            "a document made in several languages needs "
            "one template per language, named NAME.LANG.md.j2 (e.g. sheet.en.md.j2)",
        )
    return Problem(
        shown,
        1,
        1,
        "languages",
        f"this template is for language '{lang}' (from its "
        "name); say which profile list gives the document's languages, e.g. "
        "languages: briefings.languages",
    )
