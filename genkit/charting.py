"""One look for every chart in a bundle: palette, matplotlib settings, byte-stable pictures.

A base module (it imports nothing from genkit but the ``Figure`` value): the call analysis
(``genkit.calls.charts``) and the funding plan (``genkit.funding.chart``) draw with the same
colors and fonts without importing each other. Output is deterministic (fixed hash salt, no
dates, no software stamp), so unchanged data gives identical bytes. matplotlib is imported
inside the functions, never when genkit starts.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from genkit.figure import Figure

ACCENT, LIGHT, PALE, INK, MUTED = "#1f4e79", "#9db9d3", "#e3ebf3", "#1b1b1b", "#4a4a4a"
RC = {
    "svg.hashsalt": "genkit",
    "svg.fonttype": "path",
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "figure.dpi": 100,
    "savefig.dpi": 160,
}

Draw = Callable[[Any], None]  # draws on a matplotlib Figure


def save(draw: Draw, size: tuple[float, float], fmt: str, alt: str = "", desc: str = "") -> bytes:
    """Draw once into SVG (with a title and description) or PNG bytes, under ``RC``."""
    import matplotlib
    from matplotlib.figure import Figure as MplFigure

    with matplotlib.rc_context(RC):
        fig = MplFigure(figsize=size, layout="constrained")
        draw(fig)
        buffer = io.BytesIO()
        if fmt == "svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None})
            return _titled(buffer.getvalue(), alt, desc)
        fig.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()


def _titled(svg: bytes, title: str, desc: str) -> bytes:
    """Give the SVG a <title> and <desc> (escaped text) for readers that open it directly."""
    text = svg.decode("utf-8")
    start = text.index("<svg")
    end = text.index(">", start) + 1
    extra = f"\n <title>{escape(title)}</title>\n <desc>{escape(desc or title)}</desc>"
    return (text[:end] + extra + text[end:]).encode("utf-8")


def chart(name: str, alt: str, caption: str, draw: Draw, size: tuple[float, float]) -> Figure:
    """A figure whose SVG (HTML, PDF) and PNG (Word) are drawn by ``draw`` when first asked."""
    return Figure(
        name,
        alt,
        caption,
        make_svg=lambda: save(draw, size, "svg", alt, caption),
        make_png=lambda: save(draw, size, "png"),
    )
