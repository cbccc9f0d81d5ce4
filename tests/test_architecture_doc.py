"""docs/architecture.md stays true to the code: every module and folder it names exists."""

from __future__ import annotations

import re

from tests.conftest import REPO

DOC = REPO / "docs" / "architecture.md"
# A module or folder in backticks: `render/stage.py`, `genkit/plan/`, `tools/check_imports.py`.
NAMED = re.compile(r"`((?:genkit/)?[a-z_]+(?:/[a-z_]+)*(?:\.py|/))`")
OUTSIDE_GENKIT = ("tools/", "benchmarks/", "tests/", "docs/", "templates/", "jurisdictions/")


def _where(name: str):  # noqa: ANN202
    if name.startswith(OUTSIDE_GENKIT):
        return REPO / name
    return REPO / "genkit" / name.removeprefix("genkit/")


def test_every_module_the_architecture_names_exists() -> None:
    named = NAMED.findall(DOC.read_text(encoding="utf-8"))
    assert len(named) > 40, "the architecture page names genkit's modules by path"
    missing = sorted({n for n in named if not _where(n).exists()})
    assert not missing, f"docs/architecture.md names modules that do not exist: {missing}"


def test_every_package_is_described() -> None:
    text = DOC.read_text(encoding="utf-8")
    packages = sorted(p.name for p in (REPO / "genkit").iterdir()
                      if (p / "__init__.py").is_file())
    undescribed = [p for p in packages if f"`{p}/`" not in text and f"`genkit/{p}/`" not in text]
    assert not undescribed, f"docs/architecture.md does not describe: {undescribed}"
