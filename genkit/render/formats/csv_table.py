"""A document's first table as a CSV file, for documents that list ``csv`` in ``formats``.

The table is taken from the same Markdown tokens the HTML and Word writers use, so the CSV
holds exactly what the printed table shows (and the render that made it recorded every profile
field it read). Cells are plain text: Markdown escapes are undone by the parser and formatting
is dropped.

The bytes are fixed: UTF-8 without a byte-order mark, every field quoted, CRLF line ends (RFC
4180), so identical input gives an identical file on every machine.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and a
formula can fetch web addresses or run commands when the file is opened (CSV or formula
injection). Profile values come from people the reader of the CSV may not trust, so such a cell
gets a leading apostrophe, which spreadsheets read as "this is text" and do not show. Tab and
carriage return at the start are treated the same way, as OWASP advises, because some programs
skip them before looking for a formula.
"""

from __future__ import annotations

import csv
import io

from markdown_it.token import Token

from genkit.errors import Problem, TemplateError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """A cell as a spreadsheet will show it, never run it."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell_text(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def first_table(tokens: list[Token]) -> list[list[str]]:
    """Rows of the first Markdown table (header row first), as plain text cells."""
    rows: list[list[str]] = []
    inside = False
    for token in tokens:
        if token.type == "table_open":
            inside = True
        elif token.type == "table_close" and inside:
            return rows
        elif inside and token.type == "tr_open":
            rows.append([])
        elif inside and token.type == "inline" and rows:
            rows[-1].append(_cell_text(token))
    return rows


def table_csv(tokens: list[Token], where: str) -> bytes:
    rows = first_table(tokens)
    if not rows:
        raise TemplateError(
            [
                Problem(
                    where,
                    0,
                    0,
                    "formats",
                    "a document made as CSV needs a table; its first table becomes the CSV file",
                )
            ]
        )
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows([defuse(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8")
