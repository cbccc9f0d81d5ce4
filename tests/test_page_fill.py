"""No PDF page but the last is less than a quarter full (tools/page_fill.py measures it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.helpers import build_sample
from tools.page_fill import DPI, Page, _fill, page_fill, underfilled

SAMPLES = ["durham", "harris-county", "long-beach", "philadelphia", "phoenix"]


def _page(ink_to: float, header: bool = True) -> Image.Image:
    """A letter page at the tool's resolution with text from the top margin down to ``ink_to``
    of the text area, and a running header and page number in the margins."""
    width, height = round(8.5 * DPI), round(11 * DPI)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    edge = round(12 / 25.4 * DPI)
    if header:
        draw.rectangle([5, 3, 60, 5], fill=0)
        draw.rectangle([90, height - 5, 110, height - 3], fill=0)
    if ink_to > 0:
        bottom = edge + round((height - 2 * edge) * ink_to) - 1
        draw.rectangle([20, edge + 8, width - 20, bottom], fill=40)
    return image


def test_fill_is_how_far_down_the_ink_reaches() -> None:
    assert _fill(_page(0)) == 0.0  # header and page number alone: blank
    assert _fill(_page(0.2)) == pytest.approx(0.2, abs=0.02)
    assert _fill(_page(0.9)) == pytest.approx(0.9, abs=0.02)


def test_only_pages_before_the_last_are_judged() -> None:
    pdf = Path("x.pdf")
    pages = [Page(pdf, 1, 3, 0.9), Page(pdf, 2, 3, 0.1), Page(pdf, 3, 3, 0.15)]
    assert underfilled(pages) == [pages[1]]


def test_a_last_page_holding_only_the_footer_is_flagged() -> None:
    pdf = Path("x.pdf")
    pages = [Page(pdf, 1, 2, 0.9), Page(pdf, 2, 2, 0.03)]
    assert underfilled(pages) == [pages[1]]
    assert underfilled([Page(pdf, 1, 1, 0.03)]) == []  # a one-page document is never flagged


def test_measures_a_real_pdf(tmp_path: Path) -> None:
    build_sample("durham", tmp_path, "quick-reference", ["pdf"])
    (page,) = page_fill(tmp_path / "durham/dispatch/quick-reference.pdf")
    assert 0.5 < page.fill <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize("name", SAMPLES)
def test_no_page_is_left_mostly_blank(tmp_path: Path, name: str) -> None:
    build_sample(name, tmp_path, formats=["pdf"])
    pages = [p for pdf in sorted((tmp_path / name).rglob("*.pdf")) for p in page_fill(pdf)]
    assert len(pages) > 20
    flagged = [
        f"{p.pdf.relative_to(tmp_path)} page {p.number} of {p.count}: {p.fill:.0%}"
        for p in underfilled(pages)
    ]
    assert flagged == []
