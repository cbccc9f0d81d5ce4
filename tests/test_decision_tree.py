"""The triage tree: validation, the diagram, the numbered text and the one-page card."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from genkit.checks.validate import load_profile
from genkit.decision_tree.diagram import diagram_rows, diagram_svg
from genkit.decision_tree.order import steps
from genkit.paths import SearchPath
from tests.helpers import build_sample, edit, problems

SAMPLES = ["durham", "harris-county", "long-beach", "philadelphia", "phoenix"]


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        raw = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    elif path.suffix == ".docx":
        doc = Document(path)
        raw = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
            c.text for t in doc.tables for row in t.rows for c in row.cells
        )
    else:
        raw = path.read_text(encoding="utf-8")
    return " ".join(raw.split())


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_carry_tree_and_column_map(name: str) -> None:
    loaded = load_profile(name, SearchPath.from_cwd(Path(__file__).parent.parent))
    profile = loaded.profile
    assert profile.calls is not None and profile.calls.columns.call_type
    assert profile.decision_tree is not None
    assert "decision_tree" in profile.illustrative
    # An illustrative column map, or (Phoenix) the real columns of a shipped, cited export.
    assert "calls" in profile.illustrative or "calls.columns" in profile.citations
    kinds = {o.kind for o in profile.decision_tree.outcomes}
    assert "police" in kinds and "ems" in kinds
    # Every branch of every step ends in an outcome or a later question.
    for step in steps(profile.decision_tree):
        for branch in step.branches:
            assert branch.outcome is not None or branch.question > step.number


@pytest.mark.parametrize("name", SAMPLES)
def test_tree_documents_in_every_format(built, name: str) -> None:
    bundle = built(name, "dispatch,analysis")
    loaded = load_profile(name, SearchPath.from_cwd(Path(__file__).parent.parent))
    first = steps(loaded.profile.decision_tree)[0].question.ask
    for fmt in ("html", "pdf", "docx"):
        text = _text(bundle / f"dispatch/decision-tree.{fmt}")
        assert "The tree in words" in text
        assert first in text.replace("’", "'")
    html = (bundle / "dispatch/decision-tree.html").read_text()
    assert 'src="data:image/svg+xml;base64,' in html and 'alt="Flowchart of the' in html
    # Word has no diagram: it says where the flowchart is and keeps the numbered version.
    assert "Flowchart of the" in _text(bundle / "dispatch/decision-tree.docx")
    card = PdfReader(bundle / "dispatch/quick-reference.pdf")
    assert len(card.pages) == 1, f"{name}'s quick-reference card runs past one page"
    assert "Ask in order" in _text(bundle / "dispatch/quick-reference.pdf")
    analysis = bundle / "analysis/call-analysis.html"
    if loaded.calls_tally is None:  # left out of the bundle, with a line in the index
        assert not analysis.exists()
    else:  # the Phoenix sample ships a week of the city's calls, analyzed
        assert "Key figures" in _text(analysis)


def test_unknown_branch_target(project: Path) -> None:
    edit(project, "      no: weapon\n", "      no: weapn\n")
    (problem,) = problems(project)
    assert problem.field == "decision_tree.questions[0].no" and problem.line > 0
    assert "'weapn' is neither a question nor an outcome; did you mean 'weapon'?" in problem.message


def test_cycle_is_refused(project: Path) -> None:
    edit(project, "      no: fallback\n", "      no: danger\n")
    found = problems(project)
    assert any(
        "loops back on itself: danger -> weapon -> violence -> eligible -> by-phone -> "
        "team-free -> danger" in p.message
        for p in found
    )


def test_missing_branch(project: Path) -> None:
    edit(project, "      yes: heart\n", "")
    (problem,) = problems(project)
    assert problem.field == "decision_tree.questions[6].yes"
    assert problem.message == "is required but missing"


def test_unknown_call_type_and_exclusion(project: Path) -> None:
    edit(project, "call_types: [mental-health-crisis, ", "call_types: [mental-health, ")
    edit(project, "      exclusion: weapon\n", "      exclusion: weapons\n")
    messages = {p.field: p.message for p in problems(project)}
    assert messages["decision_tree.questions[4].call_types[0]"] == (
        "no call type 'mental-health' in program.call_types; did you mean 'mental-health-crisis'?"
    )
    assert "no exclusion 'weapons'" in messages["decision_tree.questions[1].exclusion"]


def test_unreachable_parts(project: Path) -> None:
    edit(project, "      yes: weapon-bh\n", "      yes: police\n")
    messages = [p.message for p in problems(project)]
    assert "question 'weapon-bh' is never reached from the start" in messages
    assert "outcome 'co-response' is never reached" in messages


def test_diagram_escapes_profile_text(project: Path) -> None:
    edit(
        project,
        "ask: Is a weapon mentioned or seen?",
        'ask: "Is a <script>alert(1)</script> & weapon seen?"',
    )
    tree = load_profile("town", SearchPath.from_cwd(project)).profile.decision_tree
    svg = diagram_svg(tree, "A <b>title</b>").decode()
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in svg
    assert svg.count("<title") == 1 and "<desc" in svg
    assert diagram_svg(tree, "A <b>title</b>").decode() == svg  # deterministic


def test_diagram_rows_slice_the_same_drawing(project: Path) -> None:
    edit(
        project,
        "ask: Is a weapon mentioned or seen?",
        'ask: "Is a <script>alert(1)</script> & weapon seen?"',
    )
    tree = load_profile("town", SearchPath.from_cwd(project)).profile.decision_tree
    rows = diagram_rows(tree, "A <b>title</b>")
    assert len(rows) == len(tree.questions)
    whole = diagram_svg(tree, "A <b>title</b>").decode()
    for number, (svg, alt) in enumerate(rows, start=1):
        text = svg.decode()
        assert "<script>" not in text and "<b>" not in text
        assert f">Question {number}</tspan>" in text and f"Question {number}" in whole
        assert alt.startswith(f"Question {number}: ")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in rows[1][0].decode()
    assert rows[1][1].endswith("Yes: go to question 7. No: go to question 3.")
    assert diagram_rows(tree, "A <b>title</b>") == rows  # deterministic


def test_flowchart_starts_under_the_introduction(tmp_path: Path) -> None:
    """The long Durham tree begins on page 1 and carries on over the page (it used to move
    whole to page 2, leaving page 1 two-thirds blank)."""
    build_sample("durham", tmp_path, "decision-tree", ["pdf", "html"])
    pages = [
        " ".join(p.extract_text().split())
        for p in PdfReader(tmp_path / "durham/dispatch/decision-tree.pdf").pages
    ]
    assert "The tree as a flowchart" in pages[0] and "Question 1 " in pages[0]
    assert "Question 7 " in pages[1] and "Question 7 " not in pages[0]
    html = (tmp_path / "durham/dispatch/decision-tree.html").read_text()
    assert html.count('class="figure-row"') == 7
    assert 'alt="Flowchart of the' in html and 'alt="Question 7: ' in html
