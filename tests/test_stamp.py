"""The unchanged-bundle stamp and the parse cache: a rebuild skips only what cannot differ."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import genkit.pipeline
from genkit.load import parse_cache
from genkit.load.strict_yaml import load_yaml
from genkit.write import stamp
from tests.helpers import edit

ARGS = ("build", "town", "--only", "worksheets", "--format", "html")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the CLI fell through to the real pipeline."""
    calls: list[int] = []
    real = genkit.pipeline.build

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(genkit.pipeline, "build", counting)
    return calls


def _files(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


def test_a_rebuild_with_nothing_changed_skips_the_pipeline(run, project, counted) -> None:
    first = run(*ARGS)
    assert first.exit_code == 0, first.output
    assert (project / "build/.cache/stamps/town.json").is_file()
    before = _files(project / "build/town")
    again = run(*ARGS)
    assert again.exit_code == 0, again.output
    assert counted == [1], "the second build must not load or render anything"
    assert "0 rendered, 1 unchanged -> build/town" in again.output
    assert _files(project / "build/town") == before


@pytest.mark.parametrize(
    "change", ["profile", "template", "format", "force", "bundle file", "extra file", "stamp"]
)
def test_any_change_of_input_options_or_bundle_builds_again(
    run, project, counted, change: str
) -> None:
    assert run(*ARGS).exit_code == 0
    bundle = project / "build/town"
    before = _files(bundle)
    args = list(ARGS)
    if change == "profile":  # even a comment: the stamp does not try to judge what matters
        profile = project / "jurisdictions/town/profile.yaml"
        profile.write_text(profile.read_text() + "\n# note\n")
    elif change == "template":
        override = project / "templates/worksheets"
        override.mkdir(parents=True)
        (override / "notes.txt").write_text("a file beside the templates")
    elif change == "format":
        args[-1] = "html,docx"
    elif change == "force":
        args.append("--force")
    elif change == "bundle file":
        (bundle / "worksheets/stakeholder-worksheet.html").write_text("edited by hand")
    elif change == "extra file":
        (bundle / "stray.txt").write_text("x")
    else:
        (project / "build/.cache/stamps/town.json").write_text("{not json")
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert counted == [1, 1]
    if change in ("bundle file", "extra file", "stamp"):
        assert _files(bundle) == before, "the rebuild restores the bundle it would write"


def test_a_bundle_with_warnings_gets_no_stamp_so_strict_sees_them(run, project) -> None:
    edit(project, "\nbriefings:\n", "\nbriefings:\n  max_reading_grade: 1\n")
    args = ("build", "town", "--only", "resident-sheet.en", "--format", "html")
    first = run(*args)
    assert first.exit_code == 0 and "warning:" in first.output
    assert not (project / "build/.cache/stamps/town.json").exists()
    strict = run(*args, "--strict")
    assert strict.exit_code == 1 and "reading grade" in strict.output


def test_unchanged_bundles_checks_every_file(tmp_path: Path) -> None:
    bundle = tmp_path / "town"
    bundle.mkdir()
    (bundle / "a.html").write_bytes(b"A")
    stamp.save(tmp_path, "town", "digest", {"a.html": b"A"}, ["a.html"], [], clean=True)
    fresh = stamp.unchanged_bundles(["town"], tmp_path, "digest")
    assert fresh is not None and fresh[0].reused == ["a.html"]
    assert stamp.unchanged_bundles(["town"], tmp_path, "other digest") is None
    assert stamp.unchanged_bundles(["../town"], tmp_path, "digest") is None
    (bundle / "a.html").write_bytes(b"B")
    assert stamp.unchanged_bundles(["town"], tmp_path, "digest") is None


YAML = "jurisdiction:\n  name: Town\nlist:\n  - one\n  - two: 2\n"


def test_parse_cache_gives_what_parsing_gives(tmp_path: Path) -> None:
    source, cache = tmp_path / "p.yaml", tmp_path / "cache"
    source.write_text(YAML)
    parsed = load_yaml(source, "p.yaml")
    writing = parse_cache.ParseCache(cache)
    stored = load_yaml(source, "p.yaml", writing)  # parses and keeps the entry
    assert not cache.exists(), "nothing is written before the build succeeds"
    writing.flush()
    read_back = load_yaml(source, "p.yaml", parse_cache.ParseCache(cache))  # reads the entry
    assert len(list(cache.glob("*.json"))) == 1
    for doc in (stored, read_back):
        assert (doc.file, doc.data, doc.positions) == (parsed.file, parsed.data, parsed.positions)
    assert read_back.where(("list", 1, "two")) == parsed.where(("list", 1, "two")) == (5, 5)


def test_parse_cache_ignores_damaged_entries_and_never_stores_errors(tmp_path: Path) -> None:
    source, cache = tmp_path / "p.yaml", tmp_path / "cache"
    source.write_text(YAML)
    parse_cache.write(cache, YAML, {"jurisdiction": "wrong"}, {})
    entry = next(cache.glob("*.json"))
    assert load_yaml(source, "p.yaml", parse_cache.ParseCache(cache)).data == {
        "jurisdiction": "wrong"
    }, "the entry is keyed by the text and read back as stored"
    for damage in ("{", json.dumps({"data": {}, "positions": [[["a"], "1", 1]]}), "[]"):
        entry.write_text(damage)
        doc = load_yaml(source, "p.yaml", parse_cache.ParseCache(cache))
        assert doc.data["jurisdiction"] == {"name": "Town"}
    source.write_text("a: 1\na: 2\n")
    failing = parse_cache.ParseCache(cache)
    with pytest.raises(Exception, match="duplicate key"):
        load_yaml(source, "p.yaml", failing)
    assert failing.pending == {}
