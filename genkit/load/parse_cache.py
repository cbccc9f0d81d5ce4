"""A disk cache of parsed profiles, so a rebuild does not parse unchanged YAML again.

Parsing is the largest fixed cost of a rebuild: the shared base profiles are thousands of
lines and ruamel's pure-Python parser takes about half a second for a bundle, which is most of
a rebuild where nothing changed. The cache maps the text of a file to the located data that
parsing it gave, so a file is parsed again only when its text (or the parser) changes.

Only successful parses are stored; a file with problems is parsed, and reported, every time.
Entries are plain JSON, never pickle: the cache lives in the output folder, and reading it must
not be able to run code. A damaged or unreadable entry is ignored and the file parsed again,
and a cache that cannot be written is not an error: it only makes the next build slower.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any

from genkit.atomic_file import replace_file

Positions = dict[tuple[str | int, ...], tuple[int, int]]
MAX_ENTRIES = 64  # a bundle reads about 20 files; older entries are from earlier edits
_PARSER_FILES = ("strict_yaml.py", "parse_cache.py")


def _parser_fingerprint() -> str:
    """Changes whenever the code that turns text into located data changes."""
    digest = hashlib.sha256(version("ruamel.yaml").encode())
    here = Path(__file__).resolve().parent
    for name in _PARSER_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


_FINGERPRINT = _parser_fingerprint()


def _entry(folder: Path, text: str) -> Path:
    key = hashlib.sha256(f"{_FINGERPRINT}\0{text}".encode()).hexdigest()
    return folder / f"{key}.json"


def _valid_path(path: Any) -> bool:
    return isinstance(path, list) and all(
        isinstance(p, str) or (isinstance(p, int) and not isinstance(p, bool)) for p in path
    )


class ParseCache:
    """The cache of one build: entries are read at once, but new ones are written only by
    ``flush``, after the bundle is written, so a build that fails leaves nothing behind."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.pending: dict[str, tuple[Any, Positions]] = {}

    def read(self, text: str) -> tuple[Any, Positions] | None:
        """A fresh copy of the data each time: the caller may change what it gets."""
        if text in self.pending:
            data, positions = self.pending[text]
            return copy.deepcopy(data), dict(positions)
        return read(self.folder, text)

    def add(self, text: str, data: Any, positions: Positions) -> None:
        self.pending[text] = (copy.deepcopy(data), dict(positions))

    def flush(self) -> None:
        for text, (data, positions) in self.pending.items():
            write(self.folder, text, data, positions)
        self.pending = {}


def read(folder: Path, text: str) -> tuple[Any, Positions] | None:
    """The located data parsed from ``text`` before, or None if the cache does not have it."""
    entry = _entry(folder, text)
    try:
        stored = json.loads(entry.read_text(encoding="utf-8"))
        data, rows = stored["data"], stored["positions"]
        positions: Positions = {}
        for path, line, col in rows:
            if not (_valid_path(path) and type(line) is int and type(col) is int):
                return None
            positions[tuple(path)] = (line, col)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    with contextlib.suppress(OSError):  # a used entry counts as new when pruning
        os.utime(entry)
    return data, positions


def write(folder: Path, text: str, data: Any, positions: Positions) -> None:
    """Store a parse; written to a temporary file and renamed, so no reader sees half of it."""
    rows = [[list(path), line, col] for path, (line, col) in positions.items()]
    entry = json.dumps({"data": data, "positions": rows}, ensure_ascii=False).encode()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_file(_entry(folder, text), entry)
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """Keep the newest entries: every saved edit of a profile would otherwise add one."""
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        old.unlink(missing_ok=True)
