"""Markdown tokens -> a standalone, accessible HTML page (also the input of the PDF)."""

from __future__ import annotations

from html import escape

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from genkit.render.markdown import (
    Fence,
    answer_lines,
    answer_name,
    fence_of,
    parser,
    toc_entries,
    toc_levels,
)


class _BodyRenderer(RendererHTML):
    """The standard renderer plus answer areas, page breaks and accessible tables."""

    def __init__(self, parser=None):  # noqa: ANN001
        super().__init__(parser)
        self._answers = 0

    def fence(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        special = fence_of(tokens[idx])
        if special is None:
            return super().fence(tokens, idx, options, env)
        if special.kind == "pagebreak":
            return '<div class="page-break" aria-hidden="true"></div>\n'
        if special.kind == "toc":
            return toc_html(special, tokens)
        self._answers += 1
        name = answer_name(special, self._answers)
        prompt = escape(special.text or "Your answer")
        rows = answer_lines(special)
        return (f'<div class="answer"><label for="{name}">{prompt}</label>'
                f'<textarea id="{name}" name="{name}" rows="{rows}" '
                f'style="height: {rows * 1.5:g}em"></textarea></div>\n')

    def table_open(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        return '<div class="table-wrap"><table>\n'

    def table_close(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        return "</table></div>\n"

    def th_open(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        tokens[idx].attrSet("scope", "col")
        return self.renderToken(tokens, idx, options, env)


def toc_html(fence: Fence, tokens: list[Token]) -> str:
    """A list of links to the document's headings; the PDF adds page numbers in CSS."""
    title = escape(fence.text or "Contents")
    items = "".join(
        f'<li class="toc-level-{e.level}"><a href="#{escape(e.id)}">{escape(e.text)}</a></li>\n'
        for e in toc_entries(tokens, toc_levels(fence)))
    return (f'<nav class="toc" aria-label="{title}"><p class="toc-title">{title}</p>\n'
            f'<ul>\n{items}</ul></nav>\n')


def body_html(tokens: list[Token]) -> str:
    md = parser()
    renderer = _BodyRenderer(md)
    return renderer.render(tokens, md.options, {})
