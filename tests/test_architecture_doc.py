"""docs/architecture.md stays true to the code: every module and folder it names exists, and
every package of genkit is described."""

from __future__ import annotations

import re

from tests.conftest import REPO

DOC = REPO / "docs" / "architecture.md"
GENKIT = REPO / "genkit"
OUTSIDE_GENKIT = ("tools/", "benchmarks/", "tests/", "docs/", "templates/", "jurisdictions/")
# A module, with its folders or bare (`render/stage.py`, stage.py, docx*.py), or a folder in
# backticks (`genkit/plan/`, `tests/golden/`).
MODULE = re.compile(r"(?<![\w/.])((?:[a-z_]+/)*[a-z_*]+\.py)\b")
FOLDER = re.compile(r"`((?:genkit/)?[a-z_]+(?:/[a-z_]+)*/)`")


def _exists(name: str) -> bool:
    if name.startswith("build/"):  # what a build writes, not a module
        return True
    if name.startswith(OUTSIDE_GENKIT):
        return any(REPO.glob(name.rstrip("/"))) or (REPO / name).exists()
    name = name.removeprefix("genkit/")
    if "/" in name:
        return any(GENKIT.glob(name.rstrip("/")))
    return any(p for p in GENKIT.rglob(name) if "__pycache__" not in p.parts)


def test_every_module_the_architecture_names_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    named = set(MODULE.findall(text)) | set(FOLDER.findall(text))
    assert len(named) > 60, "the architecture page names genkit's modules"
    missing = sorted(n for n in named if not _exists(n))
    assert not missing, f"docs/architecture.md names modules that do not exist: {missing}"


def test_every_package_and_base_module_is_described() -> None:
    text = DOC.read_text(encoding="utf-8")
    packages = [p.name + "/" for p in GENKIT.iterdir() if (p / "__init__.py").is_file()]
    base = [p.name for p in GENKIT.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    undescribed = sorted(
        n for n in packages + base if not re.search(rf"(?<![\w/]){re.escape(n)}", text)
    )
    assert not undescribed, f"docs/architecture.md does not describe: {undescribed}"


def test_every_render_room_is_described() -> None:
    text = DOC.read_text(encoding="utf-8")
    rooms = [
        p.name + "/"
        for p in (GENKIT / "render").iterdir()
        if p.is_dir() and (p / "__init__.py").is_file()
    ]
    assert rooms and all(f"  {room}" in text for room in rooms), rooms
