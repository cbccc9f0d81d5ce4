"""Installed from a wheel, genkit builds the sample bundles from any folder; and every DOCX of
the Durham bundle opens in LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_builds_durham_from_an_empty_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
    )
    wheel = next(wheels.glob("genkit-*.whl"))
    env_dir = tmp_path / "venv"
    # Dependencies come from this interpreter's site-packages; genkit itself only from the wheel.
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        check=True,
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [str(python), "-c", "import genkit, sys; print(genkit.__file__)"],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in where.stdout, "genkit must come from the wheel, not the checkout"
    subprocess.run(
        [str(env_dir / "bin" / "genkit"), "build", "durham", "--format", "html,docx", "-q"],
        cwd=empty,
        env=env,
        check=True,
    )
    assert (empty / "build/durham/worksheets/stakeholder-worksheet.docx").is_file()
    assert (empty / "build/durham/index.html").is_file()


needs_soffice = pytest.mark.skipif(
    not shutil.which("soffice") and not os.environ.get("CI"),
    reason="LibreOffice is not installed (CI installs it)",
)


@pytest.mark.slow
@needs_soffice
def test_every_docx_of_the_durham_bundle_converts_with_libreoffice(built, tmp_path) -> None:
    docs = sorted(built("durham").rglob("*.docx"))
    assert docs
    out = tmp_path / "lo"
    profile_dir = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile_dir}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docs),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    for doc in docs:
        pdf = out / (doc.stem + ".pdf")
        assert pdf.is_file() and pdf.stat().st_size > 1000, doc


def _check_imports():
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_imports", REPO / "tools/check_imports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_import_is_declared_in_pyproject() -> None:
    assert _check_imports().problems() == []


def test_an_undeclared_import_is_reported_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = _check_imports()
    for folder in check.CHECKED:
        (tmp_path / folder).mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[project]\ndependencies = ["jinja2"]\n[project.optional-dependencies]\ntest = ["pytest"]\n'
    )
    (tmp_path / "genkit/x.py").write_text("import os\nimport jinja2\nimport pytest\n")
    (tmp_path / "tests/test_x.py").write_text(
        "import pytest\nfrom genkit import x\nimport helpers\nimport hypothesis\n"
    )
    (tmp_path / "tests/helpers.py").write_text("")
    monkeypatch.setattr(check, "ROOT", tmp_path)
    assert check.problems() == [
        "genkit/x.py:3: imports 'pytest' (pytest), not listed in pyproject.toml's dependencies",
        "tests/test_x.py:4: imports 'hypothesis' (hypothesis), not listed in pyproject.toml's "
        "dependencies or an extra",
    ]
