"""Shared fixtures: built sample bundles (built once per test session) and tiny fixture trees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from genkit.cli.main import main
from tests.helpers import build_sample

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """``built("phoenix", "rfp")`` -> a bundle built once for the whole test session.

    The second argument names the families a test reads (as ``--only`` does), so a test about
    another sample's RFP renders that RFP, not the sample's whole bundle. Durham's whole bundle
    is needed by the bundle-level tests anyway, so every request for Durham is served from it.
    """
    cache: dict[tuple[str, str], Path] = {}
    root = tmp_path_factory.mktemp("bundles")

    def get(name: str, only: str = "") -> Path:
        if name == "durham":
            only = ""
        key = (name, only)
        if key not in cache:
            out = root / (only.replace(",", "+") or "whole")
            cache[key] = build_sample(name, out, only.split(","), formats=()).out_dir  # () = all
        return cache[key]

    return get


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty working folder with the durham profile copied in as ``jurisdictions/town``."""
    (tmp_path / "jurisdictions" / "town").mkdir(parents=True)
    shutil.copy(
        REPO / "jurisdictions" / "durham" / "profile.yaml",
        tmp_path / "jurisdictions" / "town" / "profile.yaml",
    )
    return tmp_path


@pytest.fixture
def run(project: Path, monkeypatch: pytest.MonkeyPatch):
    """``run("build", "town")``: the CLI as a user runs it, from inside ``project``."""
    monkeypatch.chdir(project)

    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke
