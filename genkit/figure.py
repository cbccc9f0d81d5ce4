"""A figure (chart or diagram) as documents place it: picture, alternative text and caption.

A base module (it imports nothing from genkit): the domain packages that draw figures
(``calls``, ``funding``, ``decision_tree``) return this value without reaching up into render.

Pictures are made lazily and cached, so a document that uses no figure never imports a plotting
library, and ``genkit validate`` can check figures without drawing them (``placeholders``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Figure:
    name: str
    alt: str  # short alternative text for the picture
    caption: str  # shown under the picture in every format
    make_svg: Callable[[], bytes]  # vector picture for HTML and PDF
    make_png: Callable[[], bytes] | None = None  # raster picture for Word; None: text instead
    # A tall diagram that may run over a page break: the same picture cut into stacked slices,
    # each (SVG, alternative text), so that pages break between slices, never inside one.
    make_svg_rows: Callable[[], list[tuple[bytes, str]]] | None = None
    _cache: dict[str, bytes] = field(default_factory=dict)
    _rows: list[tuple[bytes, str]] | None = None

    def svg(self) -> bytes:
        if _PLACEHOLDERS:
            return PLACEHOLDER_SVG
        if "svg" not in self._cache:
            self._cache["svg"] = self.make_svg()
        return self._cache["svg"]

    def svg_rows(self) -> list[tuple[bytes, str]] | None:
        """The slices of a diagram drawn in slices; None for a figure that is one picture."""
        if self.make_svg_rows is None or _PLACEHOLDERS:
            return None
        if self._rows is None:
            self._rows = self.make_svg_rows()
        return self._rows

    def png(self) -> bytes | None:
        if self.make_png is None or _PLACEHOLDERS:
            return None
        if "png" not in self._cache:
            self._cache["png"] = self.make_png()
        return self._cache["png"]


PLACEHOLDER_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<title>figure not drawn</title></svg>"
)
_PLACEHOLDERS = False


@contextmanager
def placeholders() -> Iterator[None]:
    """Check figures without drawing them (``genkit validate``: no plotting library loads)."""
    global _PLACEHOLDERS
    before, _PLACEHOLDERS = _PLACEHOLDERS, True
    try:
        yield
    finally:
        _PLACEHOLDERS = before
