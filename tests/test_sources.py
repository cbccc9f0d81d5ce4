"""One citation system: the text's [n] markers, ``ref`` and ``sources_for`` share one numbering
with the closing list, and the one sources partial prints a reader's, a staff or a card form."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest

from genkit.language.strings import builtin_strings
from genkit.render.sources import document_sources
from genkit.render.templating import make_env
from genkit.render.tracking.facts import Reads, recording
from tests.conftest import REPO


def _source(title: str) -> SimpleNamespace:
    return SimpleNamespace(title=title, publisher="", url=f"https://example.org/{title}")


def _profile() -> SimpleNamespace:
    return SimpleNamespace(
        sources={"a": _source("A"), "b": _source("B"), "c": _source("C")},
        citations={"program.hours": ["c"], "program.team": ["a"]},
        illustrative=["program.team"],
        program=SimpleNamespace(hours="9 to 5", team="two", name="HEART"),
    )


def _root(profile: Any) -> dict[str, Any]:
    """The profile as the read recorder walks it (plain dicts stand in for pydantic models)."""
    return {
        "program": vars(profile.program),
        "citations": profile.citations,
        "sources": profile.sources,
    }


def _names(profile: Any) -> dict[str, Any]:
    return document_sources(
        profile, lambda path, _profile: f"friendly {path}", lambda path: f"reader's {path}"
    )


def test_text_markers_ref_and_sources_for_share_one_numbering() -> None:
    names = _names(_profile())
    assert str(names["citations"].cite("b")) == "[1]"
    assert names["ref"]["a"] == 2
    assert str(names["citations"].cite(["a", "b"])) == "[1, 2]"
    assert names["sources_for"]("program.hours") == [3]
    assert [e["id"] for e in names["citations"].entries] == ["b", "a", "c"]
    assert [e["id"] for e in names["references"]] == ["b", "a", "c"]


def test_sources_of_shown_fields_are_numbered_after_those_cited_in_the_text() -> None:
    profile = _profile()
    names = _names(profile)
    with recording(Reads(root=_root(profile), shown=["program.team", "program.hours"])):
        assert str(names["citations"].cite("b")) == "[1]"
        assert [(e["id"], e["number"]) for e in names["citations"].entries] == [
            ("b", 1),
            ("a", 2),
            ("c", 3),
        ]
        assert names["citations"].illustrative == ["reader's program.team"]
        assert list(names["illustrative_facts"]) == ["friendly program.team"]
        assert [f["path"] for f in names["cited_facts"]] == ["program.hours", "program.team"]


def test_a_stated_fact_is_numbered_where_the_text_states_it() -> None:
    profile = _profile()
    names = _names(profile)
    with recording(Reads(root=_root(profile))) as reads:
        names["citations"].fact("program.hours")
        assert str(names["citations"].cite("a")) == "[2]"
        assert reads.shown == ["program.hours"]


def test_an_unknown_source_is_refused_by_name() -> None:
    with pytest.raises(KeyError, match="no source 'zz' under 'sources'"):
        _names(_profile())["citations"].cite("zz")


def _render_partial(form: str | None) -> tuple[str, Reads]:
    profile = _profile()
    names = _names(profile)
    flag = f'{{% with form = "{form}" %}}' if form else "{% with %}"
    doc = flag + '{% include "_common/sources.md.j2" %}{% endwith %}'
    loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader({"doc.md.j2": doc}), jinja2.FileSystemLoader(str(REPO / "templates"))]
    )
    reads = Reads(root=_root(profile), shown=["program.team"])
    # What each name was computed from: looking a name up records these paths as read.
    reads.names = {"citations": [("citations",)], "references": [("sources",)]}
    with recording(reads):
        text = (
            make_env(loader)
            .get_template("doc.md.j2")
            .render(
                **names,
                ui=builtin_strings("en"),
                sample=False,
                as_of=dt.date(2025, 3, 1),
                jurisdiction=SimpleNamespace(name="Durham"),
                program=profile.program,
            )
        )
    return text, reads


_LINK = "[https\\:\\/\\/example\\.org\\/A](<https://example.org/A>)"


def test_the_reader_form_speaks_the_documents_language() -> None:
    text, reads = _render_partial(None)
    assert text == (
        "## Sources\n\n"
        "Facts in this document come from the Durham profile\\, checked as of 1 March 2025\\.\n\n"
        f"1. A. {_LINK}\n\n"
        "Illustrative\\, not from a published source\\: reader&#39;s program\\.team\\.\n"
    )
    # Only the names the reader form uses were looked up (and so count as read).
    assert sorted(reads.entries) == ["citations|v"]


def test_the_staff_form_lists_each_facts_sources() -> None:
    text, reads = _render_partial("staff")
    assert text == (
        "## Sources and notes\n\n"
        "Facts in this document come from the Durham profile, checked as of 1 March 2025.\n\n"
        f"1. A. {_LINK}\n\n"
        "Which source supports which fact:\n\n- friendly program\\.team: A\n\n"
        "**Illustrative, not from a published source:** friendly program\\.team. Replace these "
        "with the jurisdiction's own information.\n"
    )
    assert sorted(reads.entries) == ["sources|v"]


def test_the_card_form_is_one_line_of_links() -> None:
    text, reads = _render_partial("card")
    assert text == "\n**Sources for this card:** 1. [A](<https://example.org/A>).\n"
    assert sorted(reads.entries) == ["citations|v"]
