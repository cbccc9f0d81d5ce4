"""What genkit's output depends on besides its inputs: its own code and the libraries it uses.

Kept apart from the planner, with only standard-library imports, because the unchanged-bundle
check (genkit/write/stamp.py) needs these before anything heavy is imported.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

from genkit import __version__

_LIBRARIES = ("jinja2", "markdown-it-py", "python-docx", "docxtpl", "weasyprint", "pydyf",
              "matplotlib")


@functools.cache
def library_versions() -> str:
    versions = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return ";".join(versions)


@functools.cache
def code_fingerprint() -> str:
    """genkit's own source: a code change must re-render, even within one version number."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent  # the whole genkit package, not plan/
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def genkit_fingerprint() -> str:
    """genkit's version, code and libraries, as one line for a fingerprint."""
    return f"genkit={__version__};{code_fingerprint()};{library_versions()}\n"
