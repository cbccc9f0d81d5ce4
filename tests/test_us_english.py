"""Every document of every sample is written in US English (behavioral, not behavioural).

The check reads what readers get, the generated pages, rather than the sources: text that a
template, the role library and a profile put together only exists there. Web pages are the
cheap path (no PDF or Word rendering); they carry the same words as the other formats. The
shipped Word templates, which have no web page, are read from their XML.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from genkit.paths import SearchPath
from genkit.pipeline import Options, build
from tests.helpers import html_text

REPO = Path(__file__).resolve().parent.parent
SAMPLES = ["durham", "harris-county", "long-beach", "philadelphia", "phoenix"]

# -ise verbs whose US form is -ize (realise -> realize, prioritisation -> prioritization).
_IZE = (
    "recogn|summar|priorit|random|normal|util|minim|maxim|emphas|special|real|categor|"
    "author|final|standard|stabil|mobil|apolog|critic|optim|visual|hospital|capital|"
    "neutral|character|familiar|memor|harmon|subsid|sympath|organ|legal|central|"
    "immun|custom|modern|formal"
)
BRITISH = re.compile(
    r"\b(?:\w*behaviour\w*|\w*neighbour\w*|colour\w*|judgement\w*|licence[sd]?|"
    r"centre[sd]?|programmes?|labour\w*|favour\w*|honour\w*|defence|offences?|catalogue[sd]?|"
    r"analys(?:e|ed|ing)|practis(?:e|ed|es|ing)|modelled|travelled|cancelled|counsell\w*|"
    r"labelled|enrol|enrolment|fulfil|fulfilment|grey|whilst|amongst|paediatric\w*|"
    rf"manoeuvre\w*|ageing|(?:{_IZE})is(?:e|ed|es|ing|ation|ations|ational))\b",
    re.IGNORECASE,
)

# Proper names and cited titles keep their own spelling. None is needed today; add one only
# for a real organization's name or the title of a cited source, with the reason.
ALLOWED: set[str] = set()


def british_forms(text: str) -> list[str]:
    return sorted({m.group(0) for m in BRITISH.finditer(text)} - ALLOWED)


def test_the_pattern_finds_british_forms_and_spares_us_ones() -> None:
    text = (
        "Behavioural health teams organise neighbourhood visits; the licence is analysed "
        "and recognised at the centre. A colour chart is grey."
    )
    assert british_forms(text) == [
        "Behavioural",
        "analysed",
        "centre",
        "colour",
        "grey",
        "licence",
        "neighbourhood",
        "organise",
        "recognised",
    ]
    us = (
        "Behavioral health teams organize neighborhood visits; the license is analyzed, "
        "recognized and licensed at the center. Analyses, expertise, raises, premises, "
        "promises, advised, supervised, exercise and noise are the same on both sides."
    )
    assert british_forms(us) == []


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Stripped text of every web page of every sample bundle, keyed by its bundle path."""
    root = tmp_path_factory.mktemp("us-english")
    build(SAMPLES, SearchPath.from_cwd(REPO), Options(out_root=root, formats=["html"]))
    texts = {}
    for page in sorted(root.rglob("*.html")):
        texts[str(page.relative_to(root))] = html_text(page)
    return texts


def test_every_generated_page_is_in_us_english(pages: dict[str, str]) -> None:
    assert len(pages) > 5 * 10  # every document of every sample was built
    found = {}
    for path, text in pages.items():
        english = _without_spanish(path, text)
        if forms := british_forms(english):
            found[path] = forms
    assert found == {}, f"British spellings in generated pages: {found}"


def test_shipped_word_templates_are_in_us_english() -> None:
    shipped = sorted(REPO.glob("templates/**/*.docx")) + sorted(
        REPO.glob("jurisdictions/*/templates/**/*.docx")
    )
    assert shipped
    for path in shipped:
        with zipfile.ZipFile(path) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        assert british_forms(re.sub(r"<[^>]+>", "", xml)) == [], path


def _without_spanish(path: str, text: str) -> str:
    """Spanish pages are checked by their translators, not by an English word list."""
    return "" if re.search(r"\.es\.html$", path) else text
