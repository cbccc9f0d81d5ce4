"""What an export file is before any row is read, and a text file the engine can read.

A file is recognized by its first bytes, never trusted by its name: a workbook saved as
``calls.csv`` or a CSV renamed ``calls.xlsx`` is named for what it is. Text that DuckDB cannot
read as it stands (gzip-compressed, or in an encoding other than UTF-8) is streamed once into a
temporary UTF-8 file; a plain UTF-8 CSV is read where it lies, with no copy.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path

from genkit.errors import GenkitError, Problem

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ".tab", ".gz"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
DELIMITERS = (",", ";", "\t", "|")
CHUNK = 1 << 22
# An Office file encrypted with a password is an OLE2 container with this stream name.
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ExportError(GenkitError):
    """The export cannot be read as it is; nothing is stored. Each problem names its line."""


@dataclass(frozen=True)
class Kind:
    name: str  # "text", "gzip", "workbook", "parquet"
    label: str  # what the file is, for messages


def _content(head: bytes) -> Kind:
    if head.startswith(b"PK\x03\x04"):
        return Kind("workbook", "an Excel workbook (.xlsx)")
    if head.startswith(OLE2):
        return Kind("ole2", "an Office file in the old binary format")
    if head.startswith(b"\x1f\x8b"):
        return Kind("gzip", "a gzip-compressed file")
    if head.startswith(b"PAR1"):
        return Kind("parquet", "a Parquet file")
    return Kind("text", "a text (CSV) file")


def identify(path: Path, shown: str) -> Kind:
    """The file's kind from its bytes; a name that says otherwise is an error naming both."""
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head:
        raise ExportError(
            [
                Problem(
                    shown,
                    0,
                    0,
                    "",
                    "the file is empty: export the calls again "
                    "with a header row naming the columns",
                )
            ]
        )
    kind = _content(head)
    suffix = path.suffix.lower()
    if kind.name == "ole2":
        if ENCRYPTED in path.read_bytes()[: 1 << 20]:
            raise ExportError(
                [
                    Problem(
                        shown,
                        0,
                        0,
                        "",
                        "the workbook is protected with a "
                        "password, so its rows cannot be read; open it in Excel, "
                        "remove the password (File > Info > Protect Workbook) "
                        "and save it again, or save it as CSV",
                    )
                ]
            )
        if suffix != ".xls":
            raise ExportError(
                [
                    Problem(
                        shown,
                        0,
                        0,
                        "",
                        f"the file is {kind.label} (an Excel "
                        "97-2003 .xls workbook), not what its name says; rename "
                        f"it to {path.stem}.xls or save it as .xlsx or CSV",
                    )
                ]
            )
        return Kind("workbook", "an Excel 97-2003 workbook (.xls)")
    expected = (
        "workbook"
        if suffix in WORKBOOK_SUFFIXES
        else "parquet"
        if suffix in PARQUET_SUFFIXES
        else "text"
        if suffix in TEXT_SUFFIXES
        else None
    )
    if expected is None or kind.name == expected or (kind.name == "gzip" and expected == "text"):
        return kind
    rename = {"workbook": ".xlsx", "text": ".csv", "parquet": ".parquet", "gzip": ".csv.gz"}
    raise ExportError(
        [
            Problem(
                shown,
                0,
                0,
                "",
                f"the file is {kind.label}, not what its name "
                f"'{path.name}' says; rename it to {path.stem}"
                f"{rename[kind.name]} (or export it again as CSV)",
            )
        ]
    )


def _open(path: Path, gzipped: bool):  # a binary file object
    return gzip.open(path, "rb") if gzipped else open(path, "rb")


def header_line(path: Path, gzipped: bool, encoding: str) -> str:
    """The first line of text (no line end), to find the delimiter and the column names."""
    with _open(path, gzipped) as handle:
        raw = handle.readline(1 << 20)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        with _open(path, gzipped) as handle:
            raw = handle.read(1 << 16)
        text = raw.decode("utf-16", "replace").split("\n", 1)[0]
    else:
        text = raw.decode(
            "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding,
            "replace",
        )
    return text.rstrip("\r\n")


def delimiter(header: str, configured: str | None) -> str:
    """The profile's delimiter, or the candidate the header line holds most of (outside quotes)."""
    if configured:
        return "\t" if configured == "tab" else configured
    outside, quoted = [], False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(char)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


def is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def plain_text(path: Path, gzipped: bool, encoding: str, work: Path, shown: str) -> Path:
    """A UTF-8 file holding the export's text: ``path`` itself when it is one already."""
    with open(path, "rb") as handle:
        bom = handle.read(2)
    utf16 = not gzipped and bom in (b"\xff\xfe", b"\xfe\xff")
    if not gzipped and not utf16 and is_utf8(encoding):
        return path
    target = work / "export.csv"
    decoder = codecs.getincrementaldecoder("utf-16" if utf16 else encoding)("strict")
    line = 1
    try:
        with _open(path, gzipped) as source, open(target, "wb") as out:
            while chunk := source.read(CHUNK):
                try:
                    text = decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    bad = chunk[exc.start : exc.start + 1]
                    line += chunk[: exc.start].count(b"\n")
                    raise ExportError(
                        [
                            encoding_problem(
                                shown, line, bad, encoding, chunk[exc.start : exc.start + 64]
                            )
                        ]
                    ) from None
                line += chunk.count(b"\n")
                out.write(text.encode("utf-8"))
            decoder.decode(b"", final=True)
    except (EOFError, OSError, zlib.error) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, (gzip.BadGzipFile, EOFError)):
            raise
        raise ExportError(
            [
                Problem(
                    shown,
                    line,
                    0,
                    "",
                    "the compressed file is damaged or cut "
                    f"off after line {line - 1} ({exc}); copy or export it "
                    "again",
                )
            ]
        ) from None
    except UnicodeDecodeError as exc:  # the text ends inside a multi-byte character
        raise ExportError(
            [
                Problem(
                    shown,
                    line,
                    0,
                    "",
                    f"the file ends inside a character "
                    f"({exc.reason}); it was cut off: export it again",
                )
            ]
        ) from None
    return target


def ends_with_newline(path: Path) -> bool:
    """Whether the text ends with a line break: a real export may not, but one cut off in the
    middle of its last row never does, so problems on the last line mention it."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        handle.seek(max(0, size - 1))
        return handle.read(1) in (b"\n", b"")


def line_count(path: Path) -> int:
    with open(path, "rb") as handle:
        return 1 + sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(CHUNK), b""))


def encoding_problem(shown: str, line: int, bad: bytes, encoding: str, context: bytes) -> Problem:
    """Name the byte, and the ``calls.encoding`` that would read it."""
    suggestion = "latin-1"
    for candidate in ("cp1252", "utf-8"):
        if codecs.lookup(candidate).name == codecs.lookup(encoding).name:
            continue
        try:
            context.decode(candidate)
        except UnicodeDecodeError as exc:
            if exc.start > 0 and candidate == "utf-8" and exc.end >= len(context) - 3:
                pass  # the context window cut a character in two: not evidence
            else:
                continue
        suggestion = candidate
        break
    return Problem(
        shown,
        line,
        0,
        "calls.encoding",
        f"byte 0x{bad.hex().upper()} is not valid {encoding} text; if the CAD "
        f"system exports in another encoding, set calls.encoding in the profile "
        f"(this byte reads as '{bad.decode(suggestion, 'replace')}' with "
        f"encoding: {suggestion})",
    )
