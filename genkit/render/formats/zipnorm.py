"""Rewrite a zip (DOCX or bundle) so identical content gives identical bytes.

Zip members carry timestamps and appear in the order they were written; both are pinned here:
the profile's date (``as_of``) where the caller has one, else a fixed date; fixed permissions;
and sorted member names (``[Content_Types].xml`` first, as Word writes it).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _stamp(when: dt.date | None) -> tuple[int, int, int, int, int, int]:
    """Midnight of ``when`` (zip dates start in 1980), or the fixed date without one."""
    if when is None or when.year < 1980:
        return FIXED_TIME
    return (when.year, when.month, when.day, 0, 0, 0)


def _member_order(name: str) -> tuple[int, str]:
    return (0 if name == "[Content_Types].xml" else 1, name)


# Already compressed: deflating them again costs time and saves nothing.
_STORED = (".pdf", ".docx", ".png", ".jpg", ".zip")


def zip_bytes(members: dict[str, bytes], when: dt.date | None = None) -> bytes:
    stamp = _stamp(when)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in sorted(members, key=_member_order):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = (
                zipfile.ZIP_STORED if name.endswith(_STORED) else zipfile.ZIP_DEFLATED
            )
            info.external_attr = 0o644 << 16
            info.create_system = 3
            out.writestr(info, members[name], compresslevel=6)
    return buffer.getvalue()


def normalize_docx(data: bytes, when: dt.date | None = None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    return zip_bytes(members, when)
