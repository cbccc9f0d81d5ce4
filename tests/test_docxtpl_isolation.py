"""A Word template (docxtpl) rendered first must not change the Word files rendered after it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO

SCRIPT = textwrap.dedent("""
    import datetime as dt, io, zipfile
    from genkit.render.formats.docx import tokens_to_docx
    from genkit.render.formats.docx_page import DocxPage
    from genkit.render.formats.markdown import parser

    def word():
        page = DocxPage("T", "A", "City of Durham", None, "F", dt.date(2025, 1, 1))
        return tokens_to_docx(parser().parse("# Title\\n\\nText.\\n"), page)

    before = word()
    import genkit.render.formats.docxtpl_safe  # what rendering a Word template imports
    after = word()
    core = zipfile.ZipFile(io.BytesIO(after)).read("docProps/core.xml").decode()
    print(before == after, core.count("<cp:lastModifiedBy"), "custom-properties" in core)
""")


def test_importing_docxtpl_leaves_core_properties_alone() -> None:
    # A fresh interpreter: in this one, docxtpl may have been imported by another test.
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "1", "False"], out
