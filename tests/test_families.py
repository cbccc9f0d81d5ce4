"""Families that plug in: a family's context names, figures, fact names and shows come from its
own module, and render finds them without a central list (genkit.family)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

import genkit
from genkit.checks.validate import load_profile
from genkit.errors import GenkitError
from genkit.family import context_names, families, figure_specs, method_shows
from genkit.figure import Figure
from genkit.load.profiles import LoadedProfile
from genkit.model import data_fields, staffing, training
from genkit.model.fact_names import fact_names
from genkit.model.profile import Profile
from genkit.paths import SearchPath
from genkit.plan.catalog import Document, FrontMatter
from genkit.plan.items import missing_requirements
from genkit.render.context import friendly
from genkit.render.document import render_markdown
from genkit.render.templating import make_env
from genkit.render.tracking.facts import Reads, recording
from tests.conftest import REPO

GREETING = """
from genkit.family import ContextName, Family, FigureSpec
from genkit.figure import Figure


def greeting(loaded):
    return "Hello from " + loaded.profile.jurisdiction.name


def card(loaded):
    return Figure("greeting-card", "A card", "A card", make_svg=lambda: b"<svg/>")


FAMILY = Family(
    name="greeting",
    context={"greeting": ContextName(greeting, reads=(("jurisdiction", "name"),))},
    figures={"greeting-card": FigureSpec(card, ("program.name",), when="greeting")},
)
"""


@pytest.fixture(scope="module")
def loaded() -> LoadedProfile:
    return load_profile("durham", SearchPath.from_cwd(REPO))


def _plugin(root: Path, name: str, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package ``genkit.NAME`` with a family module, in a folder of its own."""
    (root / name).mkdir()
    (root / name / "__init__.py").write_text("")
    (root / name / "family.py").write_text(source)
    monkeypatch.setattr(genkit, "__path__", [*genkit.__path__, str(root)])
    families.cache_clear()


@pytest.fixture
def plugged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    _plugin(tmp_path, "greeting", GREETING, monkeypatch)
    yield
    families.cache_clear()
    for module in [m for m in sys.modules if m.startswith("genkit.greeting")]:
        del sys.modules[module]


def _render(loaded: LoadedProfile, source: str, requires: tuple[str, ...] = ()) -> tuple:
    meta = FrontMatter(title="Greeting", audience="Staff", requires=list(requires))
    document = Document("test/greeting", "greeting.md.j2", Path("greeting.md.j2"), "markdown", meta)
    env = make_env(jinja2.DictLoader({"greeting.md.j2": source}))
    reads = Reads(root=loaded.profile)
    with recording(reads):
        rendered = render_markdown(env, loaded, document)
    return rendered, reads, document


def test_the_families_come_from_their_packages() -> None:
    assert [f.name for f in families()] == ["calls", "decision_tree", "funding", "packet"]
    assert sorted(context_names()) == [
        "budget",
        "calls_analysis",
        "cost_per_response",
        "decision_steps",
        "estimate",
        "price_form",
        "rfp_clauses",
        "state_name",
    ]
    assert sorted(figure_specs()) == [
        "calls-areas",
        "calls-heatmap",
        "calls-hours",
        "calls-staffing",
        "calls-years",
        "decision-tree",
        "funding-by-year",
    ]


def test_render_names_no_family() -> None:
    """What families add is theirs to say: render's modules do not name their packages (an
    output format's writer may: the price proposal workbook writes the packet's price form)."""
    render = Path(genkit.__file__).parent / "render"
    for path in sorted(render.rglob("*.py")):
        if path.parent.name in ("outputs", "formats"):
            continue
        text = path.read_text(encoding="utf-8")
        for package in ("calls", "funding", "decision_tree", "packet"):
            assert f"genkit.{package}" not in text, (path.name, package)
        assert "FRIENDLY_PATHS" not in text and "METHODS:" not in text, path.name


def test_family_names_do_not_hide_profile_sections() -> None:
    assert not set(context_names()) & set(Profile.model_fields)


def test_a_new_family_plugs_in_from_its_own_module(loaded: LoadedProfile, plugged: None) -> None:
    rendered, reads, _ = _render(loaded, "{{ greeting }}\n\n```figure name=greeting-card\n```\n")
    assert rendered.text.startswith("Hello from City of Durham")
    assert isinstance(rendered.figures["greeting-card"], Figure)
    # The name and the figure read what their family says: a change there re-renders.
    assert "jurisdiction.name|v" in reads.entries
    assert "program.name|v" in reads.entries


def test_a_family_name_can_be_required(loaded: LoadedProfile, plugged: None) -> None:
    """``requires: [NAME]`` of a family's context name asks whether its value is there."""
    _, _, document = _render(loaded, "", requires=("greeting", "calls_analysis"))
    assert missing_requirements(loaded, document) == ["calls_analysis"]


def test_a_figure_without_data_says_what_to_test(
    loaded: LoadedProfile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plugin(
        tmp_path,
        "blank",
        GREETING.replace(
            'Figure("greeting-card", "A card", "A card", make_svg=lambda: b"<svg/>")', "None"
        ),
        monkeypatch,
    )
    try:
        with pytest.raises(GenkitError, match=r"place it inside \{% if greeting %\}"):
            _render(loaded, "```figure name=greeting-card\n```\n")
    finally:
        families.cache_clear()
        sys.modules.pop("genkit.blank.family", None)
        sys.modules.pop("genkit.blank", None)


def test_two_families_may_not_declare_one_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plugin(tmp_path, "twice", GREETING.replace('"greeting":', '"budget":'), monkeypatch)
    try:
        with pytest.raises(
            RuntimeError, match="context name 'budget' is declared by both funding and greeting"
        ):
            families()
    finally:
        families.cache_clear()
        sys.modules.pop("genkit.twice.family", None)
        sys.modules.pop("genkit.twice", None)


def test_fact_names_live_beside_their_models() -> None:
    names = fact_names()
    assert names["funding.fringe_rate"] == "Benefits rate"  # model/funding.py
    assert names["training"].startswith("Training protocol")  # model/training.py
    assert friendly("funding.fringe_rate") == "Benefits rate"
    assert friendly("procurement.term_months") == "Contract term"


def test_methods_say_what_they_show() -> None:
    assert method_shows(training.Training.plan)[3] == ("contract_start", "service_start")
    assert method_shows(data_fields.DataCollection.entries) == {0: ("",), 3: ("",)}
    assert method_shows(staffing.Staffing.job)[1] == ("",)
    assert method_shows(staffing.Staffing.model_dump) is None  # undeclared: shows all it reads
