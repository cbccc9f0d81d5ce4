"""How full is each PDF page? Flags every page but the last that is less than a quarter full,
and a last page holding no more than a footer line.

    python tools/page_fill.py build/durham            # every PDF in a bundle
    python tools/page_fill.py a.pdf b.pdf --min 0.25  # some files, another threshold

A page's fill is how far down its text area the lowest ink reaches: a page whose content ends
a fifth of the way down is 20 % full, however dense that fifth is. That is what a reader sees
as a mostly blank page (a heading, a table or a figure pushed to the next page leaves exactly
that). Pages are rasterized with poppler's ``pdftoppm`` at a low resolution; the running
header and the page number, which sit in the page margins, are left out of the measure.
Exits 1 when a page is flagged, so CI or a test can use it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

DPI = 24
# The margin boxes (running header, "Page X of Y") lie within 12 mm of the paper's edge on
# every genkit page style (the smallest margin, the sheet layout's, is 14 mm).
EDGE_MM = 12.0
INK = 200  # a pixel darker than this (0-255 gray) is ink; lighter is paper or a pale tint


@dataclass(frozen=True)
class Page:
    pdf: Path
    number: int
    count: int
    fill: float  # 0.0 (blank) to 1.0 (content reaches the bottom of the text area)


def page_fill(pdf: Path) -> list[Page]:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), f"{tmp}/p"],
            check=True,
            capture_output=True,
        )
        files = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        fills = []
        for file in files:
            with Image.open(file) as image:
                fills.append(_fill(image.convert("L")))
    return [Page(pdf, i + 1, len(fills), f) for i, f in enumerate(fills)]


def _fill(image) -> float:  # a PIL image in mode "L"
    width, height = image.size
    edge = round(EDGE_MM / 25.4 * DPI)
    top, bottom = edge, height - edge
    pixels = image.load()
    lowest = None
    for y in range(bottom - 1, top - 1, -1):
        if any(pixels[x, y] < INK for x in range(width)):
            lowest = y
            break
    if lowest is None:
        return 0.0
    return (lowest - top + 1) / (bottom - top)


# A last page whose ink ends this high holds a line or two at most: the closing footer alone.
FOOTER_ONLY = 0.06


def underfilled(pages: list[Page], minimum: float = 0.25) -> list[Page]:
    """Pages, other than each document's last, whose fill is below ``minimum``; and a last
    page (of a document of several) that holds no more than its footer."""
    return [
        p
        for p in pages
        if (p.number < p.count and p.fill < minimum)
        or (p.number == p.count > 1 and p.fill < FOOTER_ONLY)
    ]


def _pdfs(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="PDF files or folders of them")
    parser.add_argument("--min", type=float, default=0.25, help="least fill (default 0.25)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every page")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(map(str, missing))}")
    flagged = 0
    for pdf in _pdfs(args.paths):
        pages = page_fill(pdf)
        if args.verbose:
            print(pdf, " ".join(f"{p.fill:.0%}" for p in pages))
        for page in underfilled(pages, args.min):
            flagged += 1
            print(f"{pdf}: page {page.number} of {page.count} is {page.fill:.0%} full")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
