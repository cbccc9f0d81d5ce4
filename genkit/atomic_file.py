"""Replace one file atomically: a reader sees the old file or the new one, never half of one.

A base module (it imports nothing from genkit), so the domain packages (``calls.store``, the
stored call analysis) and the stages (``write``, ``load``'s parse cache) share one way of
writing a single file without the domain packages reaching up into ``write``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``: a
    reader sees the old file or the new one, never half of one. Raises OSError."""
    handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
