"""Markdown text -> markdown-it tokens, shared by the HTML and DOCX writers.

Raw HTML in Markdown is off: templates express structure in Markdown, plus a few fenced blocks
with a meaning of their own:

- ```` ```answer name=q1 lines=6 ```` ... ```` ``` ````: an answer area (a fillable field in the
  PDF, a marked box in Word); the fence's text is the prompt shown with it.
- ```` ```pagebreak ```` ```` ``` ````: start a new page in PDF and Word.
- ```` ```figure name=calls-hours ```` ```` ``` ````: a chart or diagram made by genkit (see
  ``genkit/figures.py``); its picture, alternative text and caption come from Python.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

SPECIAL_FENCES = {"answer", "pagebreak", "figure"}
_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    return md


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


def figure_fences(tokens: list[Token]) -> list[tuple[str, int]]:
    """``(figure name, line in the Markdown)`` for every figure block, in order."""
    found = []
    for token in tokens:
        fence = fence_of(token)
        if fence is not None and fence.kind == "figure":
            found.append((fence.attrs.get("name", ""), (token.map or [0])[0] + 1))
    return found
