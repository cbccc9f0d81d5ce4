"""Fail when the code imports a third-party module that pyproject.toml does not declare.

A module counts only when its own distribution is listed: genkit's imports among the core
dependencies (what ``pip install .`` brings a user), those of the tests, benchmarks and tools
among the core dependencies or an extra. Something that merely arrives with another package is
not enough, since that package may stop bringing it. Run from the project root with the
project installed: ``python tools/check_imports.py``; prints one line per problem, exits 1.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Folders whose code is checked, and whether a user's install (core dependencies only) runs it.
CHECKED = {"genkit": True, "tests": False, "benchmarks": False, "tools": False}
# Distributions that a declared one pins to its own release, so declaring them again could only
# conflict: pydantic requires exactly the pydantic-core it was built with.
COMES_WITH = {"pydantic-core": "pydantic"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement(text: str) -> str:
    return _norm(re.split(r"[\s;<>=!~\[(]", text.strip(), maxsplit=1)[0])


def declared(pyproject: Path) -> tuple[set[str], set[str]]:
    """(core distributions, core and extras distributions) named in pyproject.toml."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    core = {_requirement(r) for r in project.get("dependencies", [])}
    extras = {
        _requirement(r) for reqs in project.get("optional-dependencies", {}).values() for r in reqs
    }
    return core, core | extras


def _local_names() -> set[str]:
    """Top-level names the project provides itself (packages, and test helper modules)."""
    names = set(CHECKED)
    for folder in CHECKED:
        names |= {p.stem for p in (ROOT / folder).glob("*.py")}
    return names


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level module) of every absolute import in one file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def problems() -> list[str]:
    core, everything = declared(ROOT / "pyproject.toml")
    providers = metadata.packages_distributions()
    local = _local_names()
    found = []
    for folder, user_facing in CHECKED.items():
        allowed = core if user_facing else everything
        for path in sorted((ROOT / folder).rglob("*.py")):
            for line, module in imports(path):
                if module in sys.stdlib_module_names or module in local:
                    continue
                # A module not installed here (a Python-version fallback) is matched by name.
                dists = {_norm(d) for d in providers.get(module, [])} or {_norm(module)}
                if dists & allowed or {COMES_WITH.get(d) for d in dists} & allowed:
                    continue
                where = f"{path.relative_to(ROOT)}:{line}"
                wanted = "dependencies" if user_facing else "dependencies or an extra"
                found.append(
                    f"{where}: imports '{module}' ({', '.join(sorted(dists))}), not "
                    f"listed in pyproject.toml's {wanted}"
                )
    return found


def main() -> int:
    found = problems()
    print("\n".join(found) or "every import is declared")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
