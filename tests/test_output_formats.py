"""The table of output formats (genkit/formats.py): one place the CLI, the plan, the index and
the render stage read, and a new format is one module in genkit/render/outputs/."""

from __future__ import annotations

from pathlib import Path

import pytest

import genkit.render.outputs
from genkit import formats
from genkit.pipeline import Options, build
from genkit.plan.catalog import FrontMatter

# A whole output format, as a newcomer would add it: this file and nothing else.
MARKDOWN_FORMAT = '''
from genkit.formats import OutputFormat


def write_markdown(job):
    """The document as the Markdown its template rendered to."""
    return job.rendered.text.encode("utf-8")


FORMAT = OutputFormat("md", "Markdown", rank=5, write=write_markdown)
'''

PAGE = """{#---
title: Plain notes
audience: Program director
formats: [html, md]
---#}
# Plain notes

The program is called {{ program.name }}.
"""


def test_the_table_lists_each_format_once_with_its_suffix_and_label() -> None:
    table = formats.output_formats()
    assert list(table) == ["docx", "xlsx", "csv", "pdf", "html"]  # editable formats first
    assert {f.suffix for f in table.values()} == {".docx", ".xlsx", ".csv", ".pdf", ".html"}
    assert table["html"].label == "Web page" and table["docx"].label == "Word"
    assert formats.default_formats() == ["html", "pdf", "docx"]
    assert FrontMatter.model_validate({"title": "T", "audience": "A"}).formats == [
        "html",
        "pdf",
        "docx",
    ]


def test_an_unknown_format_is_refused_by_the_cli_and_in_front_matter(run) -> None:
    result = run("build", "town", "--format", "pdf,odt")
    assert result.exit_code == 2
    assert "unknown format odt; use one of docx, xlsx, csv, pdf, html" in result.output
    with pytest.raises(ValueError, match="no output format called 'odt'"):
        FrontMatter.model_validate({"title": "T", "audience": "A", "formats": ["odt"]})


@pytest.fixture
def markdown_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A Markdown output format in a module of its own, found like the built-in ones."""
    folder = tmp_path / "more_outputs"
    folder.mkdir()
    (folder / "markdown_text.py").write_text(MARKDOWN_FORMAT, encoding="utf-8")
    monkeypatch.setattr(
        genkit.render.outputs, "__path__", [*genkit.render.outputs.__path__, str(folder)]
    )
    formats.output_formats.cache_clear()
    yield
    formats.output_formats.cache_clear()


def test_a_new_format_is_one_module(markdown_format, project: Path, run) -> None:
    folder = project / "templates" / "notes"
    folder.mkdir(parents=True)
    (folder / "plain-notes.md.j2").write_text(PAGE, encoding="utf-8")
    assert "md" in formats.format_names()
    # The CLI accepts it, the plan names the file, the render stage writes it, the index links it.
    result = run("build", "town", "--only", "plain-notes", "--format", "html,md")
    assert result.exit_code == 0, result.output
    bundle = project / "build" / "town"
    text = (bundle / "notes" / "plain-notes.md").read_text(encoding="utf-8")
    assert text.startswith("# Plain notes") and "The program is called HEART." in text
    index = (bundle / "index.html").read_text(encoding="utf-8")
    assert '<a href="notes/plain-notes.md">Markdown</a>' in index


def test_the_build_function_takes_a_format_from_the_table(markdown_format, project: Path) -> None:
    folder = project / "templates" / "notes"
    folder.mkdir(parents=True)
    (folder / "plain-notes.md.j2").write_text(PAGE, encoding="utf-8")
    from genkit.paths import SearchPath

    [bundle] = build(
        ["town"],
        SearchPath.from_cwd(project),
        Options(out_root=project / "out", only=["plain-notes"], formats=["md"]),
    )
    assert list(p for p in bundle.files if p.startswith("notes/")) == ["notes/plain-notes.md"]
