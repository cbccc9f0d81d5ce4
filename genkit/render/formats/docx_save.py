"""A python-docx ``Document`` -> DOCX bytes that depend only on its content, compressed once.

``Document.save`` deflates every part into a zip, and ``zipnorm`` then had to inflate them all
again to pin the members' dates and order and deflate them a second time: the two zlib passes
were a third of the time to write a Word file. Here the parts python-docx would save go
straight to ``zipnorm.zip_bytes``, so the bytes are those of ``normalize_docx`` after
``Document.save``, for a single deflate.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter

from genkit.render.formats.zipnorm import zip_bytes


class _Members:
    """Stands in for python-docx's zip writer: keeps each member's bytes under its name."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes | str) -> None:
        # As ZipFile.writestr would store it; a later member of the same name wins, as when
        # normalize_docx read the saved zip back.
        data = blob.encode("utf-8") if isinstance(blob, str) else blob
        self.members[pack_uri.membername] = data


def docx_bytes(document: Document, when: dt.date | None) -> bytes:
    """What ``normalize_docx`` makes of ``document.save()``'s zip, without saving it first.

    Follows python-docx's ``OpcPackage.save`` and ``PackageWriter.write`` step for step (the
    parts' ``before_marshal``, then the content types, the package relationships, each part
    and its relationships), with this module's collector in place of the zip file.
    """
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    collected = _Members()
    PackageWriter._write_content_types_stream(collected, package.parts)
    PackageWriter._write_pkg_rels(collected, package.rels)
    PackageWriter._write_parts(collected, package.parts)
    return zip_bytes(collected.members, when)
