"""HTML -> tagged PDF (PDF/UA-1) with WeasyPrint, reading nothing it was not allowed to.

Imported only when a PDF is actually produced: WeasyPrint is slow to import, and ``genkit
--help`` or ``genkit validate`` must not pay for it.
"""

from __future__ import annotations

import html as html_text
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import weasyprint
from weasyprint.urls import FatalURLFetchingError

from genkit.errors import Problem, RenderError
from genkit.render.formats.pdf_fonts import pin_font_dates

# Fonts are embedded with their own dates, never the clock's (see pdf_fonts).
pin_font_dates()

_DATA_OK = ("data:image/png", "data:image/svg+xml", "data:image/jpeg")


class RefusedResource(FatalURLFetchingError):
    """Raised inside WeasyPrint to stop rendering when a document asks for a refused URL."""


class ProjectOnlyFetcher(weasyprint.URLFetcher):
    """Deny by default: only files inside the given asset folders, and inline images."""

    def __init__(self, allowed_dirs: list[Path]):
        super().__init__(
            allowed_protocols={"file", "data"},
            allow_redirects=False,
            fail_on_errors=True,
            timeout=1,
        )
        self._allowed = [d.resolve() for d in allowed_dirs]

    def fetch(self, url: str, headers=None):
        if url.startswith(_DATA_OK):
            return super().fetch(url, headers)
        parsed = urlparse(url)
        if parsed.scheme == "file" and not parsed.netloc:
            path = Path(unquote(parsed.path)).resolve()
            if any(path.is_relative_to(d) for d in self._allowed) and path.is_file():
                return super().fetch(url, headers)
        raise RefusedResource(
            f"refused to load {url!r}: documents may only use files from "
            "the project's template folders"
        )


_CHECKBOX = re.compile(r'<input type="checkbox" name="([^"]+)" value="([^"]*)"')
_NAME_OK = re.compile(rb"[!-~]")
_NAME_DELIMITERS = b"()<>[]{}/%#"


def pdf_name(text: str) -> str:
    """``not asked`` -> ``not#20asked``: a PDF name, whose bytes outside ! to ~ are #-escaped."""
    return "".join(
        chr(b) if _NAME_OK.fullmatch(bytes([b])) and b not in _NAME_DELIMITERS else f"#{b:02X}"
        for b in text.encode("utf-8")
    )


class FormFinisher:
    """Tidies WeasyPrint's choice fields before the PDF is written.

    A tick box's "on" state is named after its code (what a form reader gets back as its
    value), and the buttons of a radio group are plain widgets of the group, without a name of
    their own that would make each one a separate field.
    """

    def __init__(self, html: str):
        self._codes = {
            html_text.unescape(n): html_text.unescape(v) for n, v in _CHECKBOX.findall(html)
        }

    def __call__(self, document: object, pdf: object) -> None:  # pdf: pydyf.PDF
        for obj in pdf.objects:
            if not isinstance(obj, dict) or obj.get("FT") != "/Btn":
                continue
            if "Parent" in obj:  # a radio button: the group holds the name and the value
                obj.pop("T", None)
                obj.pop("TU", None)
                continue
            name = obj.get("T")
            code = self._codes.get(getattr(name, "string", ""))  # a pydyf.String
            appearance = obj.get("AP", {}).get("N")
            if code is None or not isinstance(appearance, dict):
                continue
            state = pdf_name(code)
            if "on" in appearance:
                appearance[state] = appearance.pop("on")
            if obj.get("AS") == "/on":
                obj["AS"] = obj["V"] = f"/{state}"


def html_to_pdf(html: str, base_dir: Path, allowed_dirs: list[Path], where: str) -> bytes:
    fetcher = ProjectOnlyFetcher(allowed_dirs)
    try:
        document = weasyprint.HTML(
            string=html, base_url=base_dir.as_uri() + "/", url_fetcher=fetcher
        )
        return document.write_pdf(
            pdf_variant="pdf/ua-1",
            pdf_forms=True,
            pdf_tags=True,
            uncompressed_pdf=False,
            finisher=FormFinisher(html),
        )
    except FatalURLFetchingError as exc:
        reason = exc.__cause__ or exc
        raise RenderError([Problem(where, 0, 0, "", str(reason))]) from None
