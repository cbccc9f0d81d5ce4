"""Save and load ``jurisdictions/NAME/calls-analysis.json``: deterministic bytes, atomic writes.

The file holds aggregate counts only (no row of the export), so it can live in the
jurisdiction's folder under version control. The same export always gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from genkit.atomic_file import replace_file
from genkit.errors import Problem, ProfileError

FILE_NAME = "calls-analysis.json"


def dumps(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()


def save(folder: Path, data: dict[str, Any]) -> Path:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    target = folder / FILE_NAME
    replace_file(target, dumps(data))
    return target


def load(folder: Path, shown: str) -> dict[str, Any] | None:
    """The stored tally, or None when no analysis has been run for this jurisdiction."""
    path = folder / FILE_NAME
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProfileError(
            [
                Problem(
                    shown,
                    0,
                    0,
                    "",
                    f"cannot read the stored call analysis "
                    f"({exc}); run 'genkit calls' again to remake it",
                )
            ]
        ) from None
    if not _well_formed(data):
        raise ProfileError(
            [
                Problem(
                    shown,
                    0,
                    0,
                    "",
                    "this is not a call analysis genkit can "
                    "read; run 'genkit calls' again to remake it",
                )
            ]
        )
    return data


def _well_formed(data: Any) -> bool:
    if not isinstance(data, dict) or data.get("version") != 1:
        return False
    meta, types = data.get("meta"), data.get("types")
    if not isinstance(meta, dict) or not isinstance(types, dict):
        return False
    return all(isinstance(v, dict) and isinstance(v.get("calls"), int) for v in types.values())
