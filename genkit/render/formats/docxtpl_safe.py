"""docxtpl, imported so that it cannot change how python-docx writes any other Word file.

Importing docxtpl imports docxcompose, which rebinds python-docx's shared namespace prefix
``cp`` from the core-properties namespace to the custom-properties one. From then on, in the
same process, python-docx writes a document's author and revision a second time, under the
wrong namespace: every Word file rendered after a docxtpl document came out different from
the same file rendered before one, so an incremental build and a forced build disagreed. The
prefix is put back after the import. docxcompose needs its meaning only for sub-documents,
which genkit's templates cannot create.
"""

from __future__ import annotations

import docx.oxml.ns as _ns
from docxtpl import DocxTemplate

CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_ns.nsmap["cp"] = CORE_PROPERTIES

__all__ = ["DocxTemplate"]
