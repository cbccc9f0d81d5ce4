"""Markdown text -> markdown-it tokens, shared by the HTML and DOCX writers.

Raw HTML in Markdown is off: templates express structure in Markdown, plus a few fenced blocks
with a meaning of their own:

- ```` ```answer name=q1 lines=6 ```` ... ```` ``` ````: an answer area (a fillable field in the
  PDF, a marked box in Word); the fence's text is the prompt shown with it.
- ```` ```pagebreak ```` ```` ``` ````: start a new page in PDF and Word.
- ```` ```toc levels=2-3 ```` ```` ``` ````: a table of contents of the headings at those levels
  (a TOC field in Word, a list of links in HTML with page numbers in the PDF); the fence's text,
  if any, is its title.

Every heading gets an ``id`` made from its text, so documents can link to their own sections.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

SPECIAL_FENCES = {"answer", "pagebreak", "toc"}
_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.core.ruler.push("heading_ids", _heading_ids)
    return md


def slug(text: str) -> str:
    """``"3.4 Eligible calls & exclusions"`` -> ``"3-4-eligible-calls-exclusions"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].rstrip("-") or "section"


def _heading_ids(state) -> None:  # noqa: ANN001 - markdown-it's StateCore
    seen: dict[str, int] = {}
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        base = slug("".join(c.content for c in (tokens[i + 1].children or [])))
        seen[base] = seen.get(base, 0) + 1
        token.attrSet("id", base if seen[base] == 1 else f"{base}-{seen[base]}")


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    id: str


def toc_levels(fence: Fence) -> tuple[int, int]:
    """``levels=2-3`` -> (2, 3); anything unreadable falls back to levels 1 to 3."""
    match = re.fullmatch(r"([1-6])(?:-([1-6]))?", fence.attrs.get("levels", "1-3"))
    if not match:
        return (1, 3)
    low = int(match.group(1))
    high = int(match.group(2) or low)
    return (min(low, high), max(low, high))


def toc_entries(tokens: list[Token], levels: tuple[int, int]) -> list[TocEntry]:
    """The headings a table of contents lists, in document order."""
    entries = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and levels[0] <= int(token.tag[1]) <= levels[1]:
            text = "".join(c.content for c in (tokens[i + 1].children or []))
            entries.append(TocEntry(int(token.tag[1]), text, str(token.attrGet("id") or "")))
    return entries


@dataclass(frozen=True)
class Fence:
    kind: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str = ""


def fence_of(token: Token) -> Fence | None:
    """The special fenced block a token stands for, or None for ordinary code."""
    if token.type != "fence":
        return None
    words = shlex.split(token.info or "")
    if not words or words[0] not in SPECIAL_FENCES:
        return None
    attrs = dict(w.split("=", 1) for w in words[1:] if "=" in w)
    return Fence(words[0], attrs, token.content.strip())


def answer_name(fence: Fence, index: int) -> str:
    name = fence.attrs.get("name", f"answer{index}")
    return name if _NAME_RE.match(name) else f"answer{index}"


def answer_lines(fence: Fence) -> int:
    try:
        return max(1, min(40, int(fence.attrs.get("lines", "5"))))
    except ValueError:
        return 5


def first_heading(tokens: list[Token]) -> str | None:
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            return "".join(c.content for c in (tokens[i + 1].children or []))
    return None
