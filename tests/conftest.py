"""Shared fixtures: built sample bundles (built once per test session) and tiny fixture trees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from genkit.cli.main import main
from genkit.paths import SearchPath
from genkit.pipeline import Options, build

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built(tmp_path_factory):  # noqa: ANN001, ANN201
    """``built("durham")`` -> path of a bundle built once for the whole test session."""
    cache: dict[str, Path] = {}
    root = tmp_path_factory.mktemp("bundles")

    def get(name: str) -> Path:
        if name not in cache:
            build([name], SearchPath.from_cwd(REPO), Options(out_root=root))
            cache[name] = root / name
        return cache[name]

    return get


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty working folder with the durham profile copied in as ``jurisdictions/town``."""
    (tmp_path / "jurisdictions" / "town").mkdir(parents=True)
    shutil.copy(REPO / "jurisdictions" / "durham" / "profile.yaml",
                tmp_path / "jurisdictions" / "town" / "profile.yaml")
    return tmp_path


@pytest.fixture
def run(project: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """``run("build", "town")``: the CLI as a user runs it, from inside ``project``."""
    monkeypatch.chdir(project)

    def invoke(*args: str):  # noqa: ANN202
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke
