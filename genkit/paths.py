"""Where genkit finds jurisdictions and templates: the working folder first, then built-ins.

Built-in templates and sample jurisdictions ship inside the wheel under ``genkit/_assets``; in a
source checkout they are the repository's top-level ``templates/`` and ``jurisdictions/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from genkit.errors import UsageError

PACKAGE_DIR = Path(__file__).resolve().parent
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
# Names Windows reserves for devices, in any case and with any extension.
RESERVED_NAMES = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
BASE_PREFIX = "_"  # profiles such as _base hold shared defaults and are not built on their own


def builtin_root() -> Path:
    assets = PACKAGE_DIR / "_assets"
    if (assets / "templates").is_dir():
        return assets
    return PACKAGE_DIR.parent


@dataclass(frozen=True)
class SearchPath:
    """The ordered roots genkit reads from: the working folder, then the built-in assets."""

    roots: tuple[Path, ...]

    @classmethod
    def from_cwd(cls, cwd: Path | None = None) -> SearchPath:
        cwd = (cwd or Path.cwd()).resolve()
        roots: list[Path] = []
        for root in (cwd, builtin_root().resolve()):
            if root not in roots:
                roots.append(root)
        return cls(tuple(roots))

    @property
    def builtin(self) -> Path:
        return self.roots[-1]

    def template_dirs(self) -> list[Path]:
        return [r / "templates" for r in self.roots if (r / "templates").is_dir()]

    def jurisdiction_dir(self, name: str) -> Path:
        check_name(name, "jurisdiction")
        for root in self.roots:
            candidate = root / "jurisdictions" / name
            if (candidate / "profile.yaml").is_file():
                return candidate
        known = ", ".join(self.jurisdiction_names(include_bases=False)) or "none"
        raise UsageError(
            f"no jurisdiction named '{name}' (known: {known}); "
            f'create one with: genkit new {name} --name "City of ..., ST"'
        )

    def jurisdiction_names(self, include_bases: bool = True) -> list[str]:
        names: set[str] = set()
        for root in self.roots:
            folder = root / "jurisdictions"
            if not folder.is_dir():
                continue
            for child in folder.iterdir():
                if (child / "profile.yaml").is_file() and (
                    include_bases or not child.name.startswith(BASE_PREFIX)
                ):
                    names.add(child.name)
        return sorted(names)

    def display(self, path: Path) -> str:
        """Path as a user should see it in messages: relative to the working folder if inside."""
        try:
            return str(path.resolve().relative_to(self.roots[0]))
        except ValueError:
            try:
                return "<built-in>/" + str(path.resolve().relative_to(self.builtin))
            except ValueError:
                return str(path)


def check_name(name: str, what: str) -> str:
    """Refuse names that could escape a folder or mean something to the OS (``..``, ``/``)."""
    bare = name[1:] if name.startswith(BASE_PREFIX) else name
    if not NAME_RE.match(bare) or bare in RESERVED_NAMES:
        raise UsageError(
            f"'{name}' is not a valid {what} name: use lowercase letters, digits and hyphens "
            "(for example long-beach)"
        )
    return name


def search_dirs(jurisdiction_templates: Path | None, template_dirs: list[Path]) -> list[Path]:
    """A jurisdiction's template folders, its own (if it has one) before the shared ones."""
    dirs = []
    if jurisdiction_templates is not None and jurisdiction_templates.is_dir():
        dirs.append(jurisdiction_templates)
    dirs.extend(template_dirs)
    return dirs
