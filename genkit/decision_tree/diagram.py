"""The decision tree drawn as an SVG flowchart, in the reading order of ``order.steps``.

The SVG is written here by hand: deterministic, every text node escaped (a profile value can
never become markup), with a <title> and <desc>.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from genkit.decision_tree.order import Branch, Step, steps
from genkit.figure import Figure
from genkit.model.decision_tree import DecisionTree

if TYPE_CHECKING:
    from genkit.family import Loaded


MARGIN, Q_W, O_W, GAP_X, GAP_Y, PAD, LINE = 16, 280, 236, 64, 36, 10, 16
KIND_HEADING = {  # short enough for the box; the text version gives the full wording
    "community_team": "COMMUNITY TEAM",
    "co_response": "CO-RESPONSE",
    "police": "POLICE",
    "ems": "FIRE AND EMS",
    "clinician_phone": "CLINICIAN BY PHONE",
    "other": "OTHER SERVICE",
}
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
KIND_STYLE = {  # fill, border: color is never the only cue, each box also names its kind
    "community_team": ("#e6f4ea", "#1e6b34"),
    "co_response": ("#efe7f6", "#5b2c83"),
    "police": ("#e3ebf3", "#1f4e79"),
    "ems": ("#fbe9e7", "#9a2a1a"),
    "clinician_phone": ("#e0f2f1", "#00695c"),
    "other": ("#f1f1f1", "#4a4a4a"),
}


def _lines(text: str, width_px: int, size: float) -> list[str]:
    chars = max(10, int((width_px - 2 * PAD) / (size * 0.6)))
    return textwrap.wrap(text, chars, break_long_words=True) or [""]


def _text(
    x: float,
    y: float,
    lines: list[str],
    size: float,
    weight: str = "normal",
    color: str = "#1b1b1b",
) -> str:
    spans = "".join(
        f'<tspan x="{x:.0f}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" fill="{color}">{spans}</text>'
    )


def _arrow(x1: float, y1: float, x2: float, y2: float, label: str) -> str:
    horizontal = y1 == y2
    head = (
        f"{x2},{y2} {x2 - 8},{y2 - 5} {x2 - 8},{y2 + 5}"
        if horizontal
        else f"{x2},{y2} {x2 - 5},{y2 - 8} {x2 + 5},{y2 - 8}"
    )
    lx, ly = (x1 + 6, y1 - 5) if horizontal else (x1 + 7, (y1 + y2) / 2 + 4)
    return (
        f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#4a4a4a" '
        f'stroke-width="1.6"/><polygon points="{head}" fill="#4a4a4a"/>'
        + (_text(lx, ly, [label], 11, "bold") if label else "")
    )


def _box(
    x: float, y: float, w: float, h: float, fill: str, stroke: str, dashed: bool = False
) -> str:
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    return (
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="7" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1.6"{dash}/>'
    )


def _side_item(branch: Branch) -> tuple[list[str], str, str, str, list[str], bool]:
    """(heading lines, fill, stroke, heading color, body lines, dashed) for a right-side box."""
    if branch.outcome is not None:
        fill, stroke = KIND_STYLE[branch.outcome.kind]
        return (
            [KIND_HEADING[branch.outcome.kind]],
            fill,
            stroke,
            stroke,
            _lines(branch.outcome.label, O_W, 12),
            False,
        )
    return ([], "#ffffff", "#4a4a4a", "#4a4a4a", [f"Go to question {branch.question}"], True)


@dataclass(frozen=True)
class Row:
    """One question of the flowchart with its branches: the band of the drawing it fills."""

    step: Step
    parts: list[str]
    top: float  # the band runs from top to bottom in SVG units, and
    bottom: float  # holds the arrow down to the next question, if any


def _draw(tree: DecisionTree) -> tuple[list[Row], int]:
    """Every row of the flowchart, and the drawing's width."""
    rows: list[Row] = []
    y = MARGIN
    q_x, o_x = MARGIN, MARGIN + Q_W + GAP_X
    for step in steps(tree):
        parts: list[str] = []
        q_lines = _lines(step.question.ask, Q_W, 12.5)
        q_h = PAD * 2 + LINE * (len(q_lines) + 1)
        side = [b for b in step.branches if not b.follows]
        boxes = []
        for b in side:
            head, fill, stroke, head_color, body, dashed = _side_item(b)
            h = PAD * 2 + LINE * (len(head) + len(body))
            boxes.append((b, head, fill, stroke, head_color, body, dashed, h))
        side_h = sum(b[-1] for b in boxes) + 12 * max(0, len(boxes) - 1)
        row_h = max(q_h, side_h)
        q_y = y + (row_h - q_h) / 2
        parts.append(_box(q_x, q_y, Q_W, q_h, "#ffffff", "#1f4e79"))
        parts.append(
            _text(q_x + PAD, q_y + PAD + 11, [f"Question {step.number}"], 11, "bold", "#1f4e79")
        )
        parts.append(_text(q_x + PAD, q_y + PAD + 11 + LINE, q_lines, 12.5))
        by = y + (row_h - side_h) / 2
        for k, (b, head, fill, stroke, head_color, body, dashed, h) in enumerate(boxes):
            parts.append(_box(o_x, by, O_W, h, fill, stroke, dashed))
            ty = by + PAD + 11
            if head:
                parts.append(_text(o_x + PAD, ty, head, 10.5, "bold", head_color))
                ty += LINE * len(head)
            parts.append(_text(o_x + PAD, ty, body, 12, "bold" if dashed else "normal"))
            start_y = q_y + q_h * (k + 1) / (len(boxes) + 1)
            end_y = by + h / 2
            if abs(start_y - end_y) < 1:
                parts.append(_arrow(q_x + Q_W, start_y, o_x, end_y, b.answer))
            else:  # an elbow: out of the question, then across to the box
                mid = q_x + Q_W + GAP_X / 2
                parts.append(
                    f'<polyline points="{q_x + Q_W:.0f},{start_y:.0f} {mid:.0f},'
                    f'{start_y:.0f} {mid:.0f},{end_y:.0f}" fill="none" '
                    f'stroke="#4a4a4a" stroke-width="1.6"/>'
                )
                parts.append(_arrow(mid, end_y, o_x, end_y, ""))
                parts.append(_text(q_x + Q_W + 5, start_y - 5, [b.answer], 11, "bold"))
            by += h + 12
        follow = [b for b in step.branches if b.follows]
        if follow:
            x = q_x + Q_W / 2
            parts.append(_arrow(x, q_y + q_h, x, y + row_h + GAP_Y, follow[0].answer))
        rows.append(Row(step, parts, 0 if not rows else y, y + row_h + GAP_Y))
        y += row_h + GAP_Y
    if rows:  # the last row has no arrow below it, only the margin
        last = rows[-1]
        rows[-1] = Row(last.step, last.parts, last.top, last.bottom - GAP_Y + MARGIN)
    return rows, o_x + O_W + MARGIN


def _svg(
    width: int, top: float, height: float, title: str, desc: str, id_: str, parts: list[str]
) -> bytes:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0f}" '
        f'viewBox="0 {top:.0f} {width} {height:.0f}" role="img" aria-labelledby="{id_}-title '
        f'{id_}-desc"><title id="{id_}-title">{escape(title)}</title>'
        f'<desc id="{id_}-desc">{escape(desc)}</desc>'
        f'<rect y="{top:.0f}" width="100%" height="100%" fill="#ffffff"/>'
    )
    return (head + "\n".join(parts) + "</svg>\n").encode("utf-8")


def diagram_svg(tree: DecisionTree, title: str) -> bytes:
    rows, width = _draw(tree)
    height = rows[-1].bottom if rows else 2 * MARGIN
    desc = (
        f"Flowchart of {len(rows)} yes-or-no questions. Each question leads to the next "
        "question or to who is sent. The numbered list in the document states every branch "
        "in words."
    )
    return _svg(width, 0, height, title, desc, "tree", [part for row in rows for part in row.parts])


def _branch_words(branch: Branch) -> str:
    if branch.outcome is not None:
        return f"{branch.answer}: {branch.outcome.label}."
    return f"{branch.answer}: go to question {branch.question}."


def diagram_rows(tree: DecisionTree, title: str) -> list[tuple[bytes, str]]:
    """The flowchart cut into one picture per question, each with its alternative text.

    Stacked, the pictures draw the same flowchart as ``diagram_svg``. A long tree then starts
    right under the introduction and carries on over the page, instead of moving whole to the
    next page and leaving most of the first one blank; each cut falls between two questions,
    where the only line is the arrow down to the next (numbered) question.
    """
    pictures = []
    rows, width = _draw(tree)
    for row in rows:
        n = row.step.number
        words = (
            f"Question {n}: {row.step.question.ask} {_branch_words(row.step.yes)} "
            f"{_branch_words(row.step.no)}"
        )
        svg = _svg(
            width,
            row.top,
            row.bottom - row.top,
            f"{title}, question {n}",
            words,
            f"tree-q{n}",
            row.parts,
        )
        pictures.append((svg, words))
    return pictures


def diagram_figure(loaded: Loaded) -> Figure | None:
    tree = loaded.profile.decision_tree
    if tree is None:
        return None
    count = len(tree.questions)
    alt = (
        f"Flowchart of the {tree.title.lower()}: {count} yes-or-no questions, each ending in "
        "who is sent. The numbered version below gives every question and branch in words."
    )
    return Figure(
        "decision-tree",
        alt,
        f"{tree.title}: start at question 1.",
        make_svg=lambda: diagram_svg(tree, tree.title),
        make_png=None,
        make_svg_rows=lambda: diagram_rows(tree, tree.title),
    )
