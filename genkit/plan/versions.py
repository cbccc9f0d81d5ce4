"""What genkit's output depends on besides its inputs: its own code and the libraries it uses.

Kept apart from the planner, with only standard-library imports, because the unchanged-bundle
check (genkit/write/stamp.py) needs these before anything heavy is imported.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
from importlib import metadata
from pathlib import Path

from genkit import __version__

_LIBRARIES = (
    "jinja2",
    "markdown-it-py",
    "python-docx",
    "docxtpl",
    "weasyprint",
    "pydyf",
    "matplotlib",
)


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


# Where fontconfig finds fonts on Linux and macOS (user folders relative to the home folder).
_FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/opt/homebrew/share/fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)
# The names WeasyPrint loads HarfBuzz's subsetter by, per system.
_SUBSETTER = ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")


@functools.cache
def fonts_fingerprint() -> str:
    """The machine's fonts and font subsetter, which a PDF's bytes depend on: installing a
    font package must re-render the PDFs that printed boxes, and HarfBuzz's subsetter writes
    other bytes than fontTools. Folder times are enough (a package adds or removes files in
    a folder, changing its time) and cost a few milliseconds."""
    digest = hashlib.sha256()
    for folder in _FONT_FOLDERS:
        for where, subfolders, _files in os.walk(os.path.expanduser(folder)):
            subfolders.sort()
            try:
                digest.update(f"{where}:{os.stat(where).st_mtime_ns}\n".encode())
            except OSError:
                continue
    digest.update(f"subsetter={_subsetter()}".encode())
    return digest.hexdigest()


def _subsetter() -> str:
    for name in _SUBSETTER:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return name
    return "none"


def genkit_fingerprint() -> str:
    """genkit's version, code and libraries, and the machine's fonts, as one line for a
    fingerprint."""
    return (
        f"genkit={__version__};{code_fingerprint()};{library_versions()};"
        f"fonts={fonts_fingerprint()}\n"
    )
