"""Write a bundle atomically: into a temporary folder beside it, then swapped into place.

A build that fails or is killed leaves the previous bundle whole. The swap is two renames; if a
run dies between them, the next run finds the old bundle under its backup name and restores it.
Single files (the stored call analysis, the build's caches) go through ``replace_file``.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from genkit.atomic_file import replace_file as replace_file  # single files (write.stamp)
from genkit.errors import GenkitError
from genkit.paths import RESERVED_NAMES

_SAFE_MEMBER = re.compile(r"^[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*$")


def check_member(rel: str) -> str:
    """A path inside a bundle: relative, lowercase, no ``..``, nothing the OS treats specially."""
    parts = rel.split("/")
    if (
        not _SAFE_MEMBER.match(rel)
        or ".." in parts
        or any(p.split(".")[0] in RESERVED_NAMES for p in parts)
    ):
        raise GenkitError(f"refusing to write '{rel}': not a safe file name inside the bundle")
    return rel


def sweep(out_dir: Path) -> None:
    """Clean up after a run that was killed: drop temporary folders, restore a lost bundle."""
    parent = out_dir.parent
    if not parent.is_dir():
        return
    for leftover in parent.glob(f".{out_dir.name}.tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    backups = sorted(parent.glob(f".{out_dir.name}.old-*"))
    if backups and not out_dir.exists():
        os.replace(backups[-1], out_dir)
        backups = backups[:-1]
    for backup in backups:
        shutil.rmtree(backup, ignore_errors=True)


def write_bundle(out_dir: Path, files: dict[str, bytes]) -> None:
    out_dir = out_dir.absolute()
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    sweep(out_dir)
    for rel in files:
        check_member(rel)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=parent))
    try:
        for rel in sorted(files):
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(files[rel])
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o755)
        backup = None
        if out_dir.exists():
            backup = parent / f".{out_dir.name}.old-{os.getpid()}"
            os.replace(out_dir, backup)
        os.replace(tmp, out_dir)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
