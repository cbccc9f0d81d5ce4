"""Markdown text -> markdown-it tokens, shared by the HTML and DOCX writers.

Raw HTML in Markdown is off: templates express structure in Markdown, plus a few fenced blocks
with a meaning of their own:

- ```` ```answer name=q1 lines=6 ```` ... ```` ``` ````: an answer area (a fillable field in the
  PDF, a box holding a text field in Word); the fence's text is the prompt shown with it.
- ```` ```pagebreak ```` ```` ``` ````: start a new page in PDF and Word.
- ```` ```figure name=calls-hours ```` ```` ``` ````: a chart or diagram made by genkit (see
  ``genkit/render/figure_registry.py``); its picture, alternative text and caption come from Python.
- ```` ```scoresheet name=score ```` ... ```` ``` ````: a Markdown table whose cells written
  exactly ``[input]`` (one line) or ``[notes]`` (a few lines) are places to write: form fields in
  HTML and PDF, text fields (content controls) in Word. The table is parsed as Markdown, so
  escaped values printed into it read as plain text. Each field is named
  ``<name>_<row>_<column>`` from the first cell of its row (leaving out text in *italics*, a
  hint such as *(one)*) and its column heading, and labeled with both for screen readers.
  A cell written ``[one: a; b; c]`` is a single choice (radio buttons in HTML and PDF) and
  ``[any: a; b; c]`` a multiple choice (tick boxes); each choice is ``code`` or
  ``code=Label``, and the code is the value a filled-in form returns. Templates print profile
  values into them with the ``choices`` filter, whose escaping keeps ``;`` and ``=`` inside a
  value from splitting it.
  ``keep=yes`` keeps a short sheet on one page in Word too.
- ```` ```signatures ```` ... ```` ``` ````: a Markdown table of signature lines, with rows tall
  enough to sign by hand, never split across pages (CSS in HTML and PDF, keep-with-next and
  unsplittable rows in Word).
- ```` ```toc levels=2-3 ```` ```` ``` ````: a table of contents of the headings at those levels
  (a TOC field in Word, a list of links in HTML with page numbers in the PDF); the fence's text,
  if any, is its title.

Every heading gets an ``id`` made from its text, so documents can link to their own sections.
"""

from __future__ import annotations

import html
import re
import shlex
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

SPECIAL_FENCES = {"answer", "pagebreak", "figure", "scoresheet", "signatures", "toc"}
FIELD_MARKERS = {"[input]": "input", "[notes]": "notes"}
FIELD_TOKEN = "form_field"
CHOICE_RE = re.compile(r"^\[(one|any):(.*)\]$", re.S)
_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.core.ruler.push("heading_ids", _heading_ids)
    return md


def slug(text: str) -> str:
    """``"3.4 Eligible calls & exclusions"`` -> ``"3-4-eligible-calls-exclusions"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].rstrip("-") or "section"


def _heading_ids(state) -> None:  # markdown-it's StateCore
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


def figure_fences(tokens: list[Token]) -> list[tuple[str, int]]:
    """``(figure name, line in the Markdown)`` for every figure block, in order."""
    found = []
    for token in tokens:
        fence = fence_of(token)
        if fence is not None and fence.kind == "figure":
            found.append((fence.attrs.get("name", ""), (token.map or [0])[0] + 1))
    return found


@dataclass(frozen=True)
class FormField:
    """A place to write inside a scoresheet table."""

    name: str  # unique field name, e.g. "score_1-crisis-de-escalation_rating-1-5"
    label: str  # what it asks for, e.g. "1. Crisis de-escalation: Rating (1-5)"
    kind: str  # "input" (one line), "notes" (several lines), "one" or "any" (choices)
    # (code, label) of each choice of a "one" or "any" field, in the order shown
    choices: tuple[tuple[str, str], ...] = ()

    def choice_name(self, index: int) -> str:
        """The name of one tick box of an "any" field (a PDF needs one name per box)."""
        return f"{self.name}-{_slug(self.choices[index][0], 24)}-{index + 1}"


def _slug(text: str, limit: int) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-") or "x"


def _plain(inline: Token) -> str:
    """The cell's text, leaving out *italic* hints (``Age group *(one)*`` -> ``Age group``)."""
    parts, hint = [], 0
    for c in inline.children or []:
        hint += {"em_open": 1, "em_close": -1}.get(c.type, 0)
        if c.type in ("text", "code_inline") and not hint:
            parts.append(c.content)
    return "".join(parts).strip()


def form_table(fence: Fence, index: int) -> list[Token]:
    """Parse a scoresheet's table; each fill-in cell's inline token gets one FIELD_TOKEN child.

    The marker is matched on the cell's source text, so a profile value that reads
    ``[input]`` (printed escaped, ``\\[input\\]``) stays text.
    """
    prefix = fence.attrs.get("name", "")
    prefix = prefix if _NAME_RE.match(prefix) else f"sheet{index}"
    tokens = parser().parse(fence.text)
    headers: list[str] = []
    in_head, col, row_label = False, 0, ""
    used: set[str] = set()
    for tok in tokens:
        if tok.type in ("thead_open", "thead_close"):
            in_head = tok.type == "thead_open"
        elif tok.type == "tr_open":
            col, row_label = 0, ""
        elif tok.type == "inline":
            text = _plain(tok)
            if in_head:
                headers.append(text)
            elif col == 0:
                row_label = text
            kind, choices = _marker(tok.content.strip())
            if kind and not in_head:
                header = headers[col] if col < len(headers) else f"column {col + 1}"
                name = f"{prefix}_{_slug(row_label, 40)}_{_slug(header, 20)}"
                while name in used:
                    name += "-2"
                used.add(name)
                label = f"{row_label}: {header}" if row_label else header
                field_token = Token(FIELD_TOKEN, "", 0)
                field_token.meta = {"field": FormField(name, label, kind, choices)}
                tok.children = [field_token]
            col += 1
    return tokens


def _marker(source: str) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """The field kind a cell's source text asks for, and its choices if it is a choice."""
    if source in FIELD_MARKERS:
        return FIELD_MARKERS[source], ()
    match = CHOICE_RE.match(source)
    if match is None:
        return None, ()
    choices = []
    for item in _split_unescaped(html.unescape(match.group(2)), ";"):
        parts = _split_unescaped(item, "=", limit=1)
        code = _unescape(parts[0]).strip()
        label = _unescape(parts[1]).strip() if len(parts) > 1 else code
        if code:
            choices.append((code, label or code))
    return (match.group(1), tuple(choices)) if choices else (None, ())


def _split_unescaped(text: str, sep: str, limit: int = -1) -> list[str]:
    """Split at ``sep`` where no backslash escapes it; the escapes stay for ``_unescape``."""
    parts, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char == sep and (limit < 0 or len(parts) < limit):
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def form_field_of(inline: Token) -> FormField | None:
    """The fill-in field an inline token (a table cell) holds, if any."""
    for child in inline.children or []:
        if child.type == FIELD_TOKEN:
            return child.meta["field"]
    return None
