"""The bundle's ``manifest.json`` as a typed value: one module reads it and writes it.

The write stage makes it (every file's path, size and SHA-256, the fingerprint a document was
rendered under, its title, reading grade and read set); the plan stage reads the previous
bundle's to decide which outputs can be copied instead of rendered again. The read sets are
stored packed: each distinct set once, files pointing at theirs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genkit import __version__

FILE_NAME = "manifest.json"


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str
    fingerprint: str = ""  # empty: the file is never reused (index, zip, a warned-about PDF)


@dataclass(frozen=True)
class StoredReading:
    grade: float
    formula: str


@dataclass
class Manifest:
    jurisdiction: str
    inputs_fingerprint: str
    files: dict[str, FileEntry] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # document stem -> title
    readings: dict[str, StoredReading] = field(default_factory=dict)  # stem -> reading grade
    reads: dict[str, dict[str, str]] = field(default_factory=dict)  # output path -> read set
    genkit_version: str = __version__

    @classmethod
    def describe(
        cls,
        name: str,
        files: dict[str, bytes],
        fingerprints: dict[str, str],
        inputs: str,
        titles: dict[str, str],
        readings: dict[str, StoredReading],
        reads: dict[str, dict[str, str]],
    ) -> Manifest:
        """The manifest of a bundle made of ``files``."""
        entries = {
            path: FileEntry(
                path, len(data), hashlib.sha256(data).hexdigest(), fingerprints.get(path, "")
            )
            for path, data in sorted(files.items())
        }
        return cls(name, inputs, entries, titles, readings, reads)

    def to_json(self) -> bytes:
        files = [
            {
                "path": e.path,
                "size": e.size,
                "sha256": e.sha256,
                **({"fingerprint": e.fingerprint} if e.fingerprint else {}),
            }
            for e in self.files.values()
        ]
        data = {
            "genkit_version": self.genkit_version,
            "jurisdiction": self.jurisdiction,
            "inputs_fingerprint": self.inputs_fingerprint,
            "files": files,
            "titles": self.titles,
            "readings": {
                stem: {"grade": r.grade, "formula": r.formula} for stem, r in self.readings.items()
            },
            "reads": _pack(self.reads),
        }
        return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes | str) -> Manifest:
        """Parse a manifest; raise ValueError (or KeyError, TypeError) if it is not one."""
        raw = json.loads(data)
        files = {
            f["path"]: FileEntry(
                f["path"], int(f.get("size", 0)), f["sha256"], f.get("fingerprint", "")
            )
            for f in raw["files"]
        }
        readings = {
            stem: StoredReading(float(r["grade"]), str(r["formula"]))
            for stem, r in raw.get("readings", {}).items()
        }
        return cls(
            raw.get("jurisdiction", ""),
            raw.get("inputs_fingerprint", ""),
            files,
            dict(raw.get("titles", {})),
            readings,
            _unpack(raw.get("reads")),
            raw.get("genkit_version", ""),
        )

    @classmethod
    def previous(cls, out_dir: Path) -> Manifest | None:
        """The manifest of the bundle already in ``out_dir``, or None if it is missing or
        unreadable (then nothing is reused)."""
        try:
            return cls.from_json((out_dir / FILE_NAME).read_bytes())
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


def _pack(file_reads: dict[str, dict[str, str]]) -> dict[str, Any]:
    sets: list[str] = sorted({json.dumps(r, sort_keys=True) for r in file_reads.values()})
    index = {text: i for i, text in enumerate(sets)}
    return {
        "sets": [json.loads(t) for t in sets],
        "files": {p: index[json.dumps(r, sort_keys=True)] for p, r in sorted(file_reads.items())},
    }


def _unpack(packed: Any) -> dict[str, dict[str, str]]:
    try:
        packed = packed or {}
        sets = packed.get("sets", [])
        return {p: sets[i] for p, i in packed.get("files", {}).items()}
    except (AttributeError, IndexError, TypeError):
        return {}
