"""Markdown tokens -> a standalone, accessible HTML page (also the input of the PDF)."""

from __future__ import annotations

import base64
from html import escape

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from genkit.render.formats.markdown import (
    Fence,
    FormField,
    answer_lines,
    answer_name,
    fence_of,
    form_table,
    parser,
    toc_entries,
    toc_levels,
)


class _BodyRenderer(RendererHTML):
    """The standard renderer plus answer areas, score sheets, page breaks and accessible tables.

    markdown-it registers every public method as a rule for the token type of the same name,
    so ``form_field`` renders the fill-in cells that ``form_table`` marks.
    """

    def __init__(self, parser=None, figures=None):
        super().__init__(parser)
        self._answers = 0
        self._figures = figures or {}
        self._sheets = 0
        self._regions: dict[str, int] = {}  # label -> tables so far, to keep labels distinct

    def fence(self, tokens, idx, options, env) -> str:
        special = fence_of(tokens[idx])
        if special is None:
            return super().fence(tokens, idx, options, env)
        if special.kind == "pagebreak":
            return '<div class="page-break" aria-hidden="true"></div>\n'
        if special.kind == "figure":
            return figure_html(self._figures.get(special.attrs.get("name", "")))
        if special.kind == "scoresheet":
            self._sheets += 1
            inner = self.render(form_table(special, self._sheets), options, env)
            # flow=rows: a tall sheet may continue on the next page between two rows.
            flow = " scoresheet-flow" if special.attrs.get("flow") == "rows" else ""
            return f'<div class="scoresheet{flow}">\n{inner}</div>\n'
        if special.kind == "signatures":  # rows to sign by hand, kept on one page
            inner = self.render(parser().parse(special.text), options, env)
            return f'<div class="signatures">\n{inner}</div>\n'
        if special.kind == "toc":
            return toc_html(special, tokens)
        self._answers += 1
        name = answer_name(special, self._answers)
        prompt = escape(special.text or "Your answer")
        rows = answer_lines(special)
        return (
            f'<div class="answer"><label for="{name}">{prompt}</label>'
            f'<textarea id="{name}" name="{name}" title="{prompt}" rows="{rows}" '
            f'style="height: {rows * 1.5:g}em"></textarea></div>\n'
        )

    def form_field(self, tokens, idx, options, env) -> str:
        field: FormField = tokens[idx].meta["field"]
        name, label = escape(field.name), escape(field.label)
        if field.choices:
            return choices_html(field)
        if field.kind == "notes":
            return (
                f'<textarea name="{name}" title="{label}" aria-label="{label}" rows="2"></textarea>'
            )
        return f'<input type="text" name="{name}" title="{label}" aria-label="{label}">'

    def table_open(self, tokens, idx, options, env) -> str:
        if _columns(tokens, idx) < SCROLLING_COLUMNS:
            return '<div class="table-wrap"><table>\n'
        # A table this wide scrolls sideways on a narrow screen, inside its wrapper: the
        # wrapper takes keyboard focus (so arrow keys scroll it) and is a named region, so a
        # screen reader says what the focused box is.
        label = _heading_before(tokens, idx) or "Table"
        self._regions[label] = self._regions.get(label, 0) + 1
        if self._regions[label] > 1:
            label = f"{label} ({self._regions[label]})"
        return (
            f'<div class="table-wrap" role="region" tabindex="0" '
            f'aria-label="{escape(label)}"><table>\n'
        )

    def table_close(self, tokens, idx, options, env) -> str:
        return "</table></div>\n"

    def th_open(self, tokens, idx, options, env) -> str:
        tokens[idx].attrSet("scope", "col")
        return self.renderToken(tokens, idx, options, env)


# Tables with this many columns or more may scroll sideways on a phone or a narrow window.
SCROLLING_COLUMNS = 5


def _columns(tokens: list[Token], idx: int) -> int:
    """Header cells in the first row of the table that opens at ``idx``."""
    count = 0
    for token in tokens[idx + 1 :]:
        if token.type == "th_open":
            count += 1
        elif token.type in ("tr_close", "table_close"):
            break
    return count


def _heading_before(tokens: list[Token], idx: int) -> str:
    """The plain text of the last heading before ``idx``: what the table is about."""
    for at in range(idx - 1, 0, -1):
        if tokens[at - 1].type == "heading_open" and tokens[at].type == "inline":
            children = tokens[at].children or []
            return "".join(c.content for c in children if c.type in ("text", "code_inline"))
    return ""


def choices_html(field: FormField) -> str:
    """Radio buttons ("one") or tick boxes ("any"), each labeled, with its code as its value.

    Radio buttons share the field's name, so the PDF holds one radio group whose options are
    the codes. Each tick box has a name of its own: a PDF joins fields of one name into one.
    """
    single = field.kind == "one"
    role = "radiogroup" if single else "group"
    items = []
    for i, (code, text) in enumerate(field.choices):
        name = field.name if single else field.choice_name(i)
        kind = "radio" if single else "checkbox"
        title = escape(f"{field.label}: {text}")
        items.append(
            f'<label class="choice"><input type="{kind}" name="{escape(name)}" '
            f'value="{escape(code)}" title="{title}">{escape(text)}</label>'
        )
    return (
        f'<span class="choices" role="{role}" aria-label="{escape(field.label)}">'
        f"{' '.join(items)}</span>"
    )


def figure_html(figure) -> str:  # genkit.render.figure.Figure
    """The picture as an inline SVG image (vector in the PDF too), with its text alternative."""
    if figure is None:
        return ""
    rows = figure.svg_rows()
    if rows:  # one image per slice; the first one's text also introduces the whole figure
        images = "".join(
            f'<img class="figure-row" src="data:image/svg+xml;base64,{_b64(svg)}" '
            f'alt="{escape(figure.alt + " " + alt if i == 0 else alt)}">'
            for i, (svg, alt) in enumerate(rows)
        )
        return (
            f'<figure class="figure figure-rows" id="figure-{escape(figure.name)}">{images}'
            f"<figcaption>{escape(figure.caption)}</figcaption></figure>\n"
        )
    return (
        f'<figure class="figure" id="figure-{escape(figure.name)}">'
        f'<img src="data:image/svg+xml;base64,{_b64(figure.svg())}" '
        f'alt="{escape(figure.alt)}">'
        f"<figcaption>{escape(figure.caption)}</figcaption></figure>\n"
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def toc_html(fence: Fence, tokens: list[Token]) -> str:
    """A list of links to the document's headings; the PDF adds page numbers in CSS."""
    title = escape(fence.text or "Contents")
    items = "".join(
        f'<li class="toc-level-{e.level}"><a href="#{escape(e.id)}">{escape(e.text)}</a></li>\n'
        for e in toc_entries(tokens, toc_levels(fence))
    )
    return (
        f'<nav class="toc" aria-label="{title}"><p class="toc-title">{title}</p>\n'
        f"<ul>\n{items}</ul></nav>\n"
    )


def body_html(tokens: list[Token], figures: dict | None = None) -> str:
    md = parser()
    renderer = _BodyRenderer(md, figures)
    return renderer.render(tokens, md.options, {})
