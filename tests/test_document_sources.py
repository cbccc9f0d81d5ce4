"""Each document's "Sources and notes" fits the document: every source it lists backs a field it
shows, and every cited field it shows has its sources listed.

The expectation is worked out here from the profile's ``citations`` and the fields the render
recorded as shown, independently of genkit's own bookkeeping, and compared with the links the
rendered text actually prints in its closing section.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import BaseModel

from genkit.checks.validate import load_profile
from genkit.fieldpath import parse, resolve
from genkit.figure import placeholders
from genkit.paths import SearchPath
from genkit.plan.stage import plan as make_plan
from genkit.render.document import render_markdown
from genkit.render.templating import make_env, make_loader
from genkit.render.tracking.facts import Reads, recording
from tests.conftest import REPO

_LINK = re.compile(r"\]\(<([^>]+)>\)")
_BOOKKEEPING = ("sources", "citations", "illustrative")
_CAD_DETAILS = ("patterns", "cad_codes")  # shown only when a template prints them


def _under(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith((outer + ".", outer + "["))


def _backs(key: str, shown: str) -> bool:
    """Whether a citation or illustrative key is about a shown field."""
    if key.rsplit(".", 1)[-1] in _CAD_DETAILS:
        return _under(shown, key)
    return _under(shown, key) or _under(key, shown)


def _strings(value: Any) -> set[str]:
    """Every text leaf in a value: source ids a template cites by number come from these."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, (list, tuple)):
        return set().union(*(_strings(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    if isinstance(value, BaseModel):
        return _strings({k: getattr(value, k) for k in type(value).model_fields})
    return set()


def _rendered_units(name: str) -> list[tuple[str, str, Reads, Any]]:
    search = SearchPath.from_cwd(REPO)
    loaded = load_profile(name, search)
    plan = make_plan(loaded, search, [], ["html"])
    env = make_env(make_loader(plan.dirs, plan.dirs[-1]))
    units = []
    for unit in plan.units:
        if unit.document.kind != "markdown":
            continue
        reads = Reads(root=loaded.profile)
        with recording(reads), placeholders():
            rendered = render_markdown(
                env, loaded, unit.document, unit.item, plan.strings[unit.lang]
            )
        units.append((unit.stem, rendered.text, reads, loaded.profile))
    return units


def _url(text: str) -> str:
    return text.replace("\\", "%5C").replace("&", "&amp;")


def _closing(text: str) -> str:
    """The closing section (a one-page card has none: its whole text is its closing)."""
    return text[text.rindex("\n## ") :] if "\n## " in text else text


def _check(stem: str, text: str, reads: Reads, profile: Any) -> list[str]:
    closing = _closing(text)
    listed = set(_LINK.findall(closing))
    shown = [p for p in reads.shown if p and p.split(".")[0].split("[")[0] not in _BOOKKEEPING]
    needed = {
        profile.sources[s].url
        for key, ids in profile.citations.items()
        for s in ids
        if s in profile.sources and any(_backs(key, p) for p in shown)
    }
    # A template may also cite a source by id where the profile names it (evidence items).
    named = set().union(*(_strings(resolve(profile, parse(p) or ())[1]) for p in shown))
    allowed = needed | {source.url for sid, source in profile.sources.items() if sid in named}
    problems = [
        f"{stem}: shows a cited field but does not list {url}"
        for url in sorted(needed)
        if _url(url) not in listed
    ]
    allowed_links = {_url(u) for u in allowed}
    problems += [
        f"{stem}: lists {url} but shows no field it backs"
        for url in sorted(listed - allowed_links)
        if url in {_url(s.url) for s in profile.sources.values()}
    ]
    return problems


@pytest.fixture(scope="module")
def durham_units() -> list[tuple[str, str, Reads, Any]]:
    return _rendered_units("durham")


def test_every_durham_document_lists_exactly_the_sources_of_what_it_shows(durham_units) -> None:
    problems = [p for unit in durham_units for p in _check(*unit)]
    assert not problems, "\n".join(problems)
    assert len(durham_units) > 10


def test_a_document_about_one_position_shows_only_that_positions_pay(durham_units) -> None:
    profile = durham_units[0][3]
    jobs = [u for u in durham_units if u[0].startswith("job_descriptions/")]
    assert len(jobs) == len(profile.staffing.positions)
    for stem, _text, reads, _ in jobs:
        index = next(
            i for i, p in enumerate(profile.staffing.positions) if stem.endswith("/" + p.id)
        )
        pay = {
            p.split(".pay")[0]
            for p in reads.shown
            if re.match(r"staffing\.positions\[\d+\]\.pay", p)
        }
        assert pay == {f"staffing.positions[{index}]"}, (stem, pay)


def test_the_worksheet_no_longer_carries_the_whole_profiles_sources(durham_units) -> None:
    stem, text, _, profile = next(
        u for u in durham_units if u[0] == "worksheets/stakeholder-worksheet"
    )
    closing = text[text.rindex("\n## ") :]
    assert len(set(_LINK.findall(closing))) < len(profile.sources) / 2
    # Job postings back pay and duties; the worksheet shows neither.
    assert "Pay range" not in closing


def test_the_check_catches_a_missing_and_a_surplus_source(durham_units) -> None:
    stem, text, reads, profile = next(
        u for u in durham_units if u[0] == "worksheets/stakeholder-worksheet"
    )
    closing_at = text.rindex("\n## ")
    links = _LINK.findall(text[closing_at:])
    assert links
    dropped = text[:closing_at] + _LINK.sub("](<x>)", text[closing_at:])
    assert any("does not list" in p for p in _check(stem, dropped, reads, profile))
    unused = next(s.url for s in profile.sources.values() if _url(s.url) not in links)
    padded = text + f"\n[extra](<{_url(unused)}>)\n"
    assert any("shows no field" in p for p in _check(stem, padded, reads, profile))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["harris-county", "long-beach", "philadelphia", "phoenix"])
def test_every_sample_lists_exactly_the_sources_of_what_it_shows(name: str) -> None:
    problems = [p for unit in _rendered_units(name) for p in _check(*unit)]
    assert not problems, "\n".join(problems)
