"""The unchanged-bundle check: a rebuild whose inputs are all as they were does nothing.

After writing a bundle, the build leaves a stamp beside it (``OUT/.cache/stamps/NAME.json``):
a digest of every input, taken before the build read them, and the digest of every file the
bundle holds. The next build computes the input digest again; when it and every file of the
bundle still match, the bundle is already what this build would write, so it is left alone
without loading a profile or a template. That makes a no-op rebuild (CI on an unrelated change,
a second ``genkit build`` by habit) cost a few file reads instead of a profile validation.

The input digest is deliberately coarse: every file under each root's ``jurisdictions/`` and
``templates/`` (all profiles, not just this one's chain), genkit's code and libraries, the
Python and zlib in use, and the options that shape the output. Any doubt means "changed", and
the normal build then decides document by document (see genkit/render/tracking/facts.py). Only this
module's standard-library imports load on the way to that answer.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from genkit.paths import NAME_RE, SearchPath
from genkit.plan.versions import genkit_fingerprint
from genkit.write.atomic import replace_file

STAMPS = Path(".cache") / "stamps"
INPUT_FOLDERS = ("jurisdictions", "templates")


def inputs_digest(search: SearchPath, formats: Iterable[str], only: Iterable[str]) -> str:
    """Everything a bundle is built from, as one digest (the same for every jurisdiction)."""
    digest = hashlib.sha256(genkit_fingerprint().encode())
    digest.update(f"python={sys.version};zlib={zlib.ZLIB_RUNTIME_VERSION}\n".encode())
    digest.update(f"formats={sorted(formats)};only={sorted(only)}\n".encode())
    for index, root in enumerate(search.roots):
        for folder in INPUT_FOLDERS:
            base = root / folder
            if not base.is_dir():
                continue
            for path in sorted(p for p in base.rglob("*") if p.is_file()):
                digest.update(f"\n{index}:{path.relative_to(root).as_posix()}\n".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class StampedOutcome:
    """What the build report needs of a bundle left as it was (see genkit/cli/progress.py)."""

    name: str
    out_dir: Path
    files: list[str]
    reused: list[str]
    readings: list[_Line]
    rendered: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    text: str

    def describe(self) -> str:
        return self.text


def _stamp_file(out_root: Path, name: str) -> Path:
    return out_root / STAMPS / f"{name}.json"


def _bundle_files(out_dir: Path) -> dict[str, str] | None:
    """Every file of a bundle folder -> its sha256, or None if it cannot be read."""
    found: dict[str, str] = {}
    try:
        if out_dir.is_symlink() or not out_dir.is_dir():
            return None
        for path in out_dir.rglob("*"):
            if path.is_symlink():
                return None
            if path.is_file():
                found[path.relative_to(out_dir).as_posix()] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    except OSError:
        return None
    return found


def unchanged_bundles(names: list[str], out_root: Path, digest: str) -> list[StampedOutcome] | None:
    """The reports of the named bundles if every one of them is exactly what a build would
    write now; None as soon as one may not be (then build as usual)."""
    outcomes = []
    for name in names:
        if not NAME_RE.match(name):
            return None
        try:
            stamp = json.loads(_stamp_file(out_root, name).read_text(encoding="utf-8"))
            if stamp["inputs"] != digest:
                return None
            out_dir = (out_root / name).absolute()
            if _bundle_files(out_dir) != stamp["files"]:
                return None
            outcomes.append(
                StampedOutcome(
                    name,
                    out_dir,
                    list(stamp["order"]),
                    list(stamp["outputs"]),
                    [_Line(str(t)) for t in stamp["readings"]],
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
    return outcomes


def save(
    out_root: Path,
    name: str,
    digest: str,
    files: dict[str, bytes],
    outputs: list[str],
    readings: list[str],
    clean: bool,
) -> None:
    """Leave the stamp of a bundle just written. ``clean`` is False when the build warned: a
    warned bundle is always rebuilt, so ``--strict`` sees its warnings again."""
    target = _stamp_file(out_root, name)
    if not clean:
        # A stamp that cannot be removed is harmless: its digest is of older inputs.
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        return
    stamp = {
        "inputs": digest,
        "order": list(files),
        "outputs": outputs,
        "readings": readings,
        "files": {path: hashlib.sha256(data).hexdigest() for path, data in files.items()},
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, json.dumps(stamp, sort_keys=True).encode())
    except OSError:
        return
