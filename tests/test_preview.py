"""``genkit preview``: a real server in a subprocess, edited profiles, a real HTTP client."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from genkit.errors import UsageError
from genkit.preview.page import decorate, mark_pending
from genkit.preview.server import bind
from genkit.preview.state import Snapshot
from tests.helpers import edit
from tests.preview_helpers import Events, Running

PAGE = "briefings/resident-sheet.en.html"
ORIGINAL = "HEART sends unarmed care teams"


def _changed(page: str):
    return lambda data: page in data["changed"]


def _failed(data: dict) -> bool:
    return bool(data["problems_key"])


def test_edit_reloads_broken_save_keeps_last_good_page_and_recovers(project: Path) -> None:
    profile = project / "jurisdictions" / "town" / "profile.yaml"
    good = profile.read_text(encoding="utf-8")
    server = Running(project, "town", "--only", "resident-sheet", "--format", "html")
    try:
        first = server.get(PAGE)
        assert first.status_code == 200 and ORIGINAL in first.text
        assert "EventSource" in first.text  # the reload script is served with the page
        events = Events(server.url, PAGE)
        time.sleep(0.5)  # let the stream connect before the first edit

        edit(project, ORIGINAL, "HEART sends unarmed MARKERONE care teams")
        events.wait(_changed(PAGE))
        page = server.get(PAGE).text
        assert "MARKERONE" in page and 'role="alert"' not in page

        # Half-written save: the YAML breaks off inside a quoted value.
        cut = good.index("resident_facts:")
        profile.write_text(good[:cut] + 'resident_facts: ["durham-calls\n', encoding="utf-8")
        events.wait(_failed)
        page = server.get(PAGE).text
        assert "MARKERONE" in page  # the last good page is still served
        assert 'role="alert"' in page and "jurisdictions/town/profile.yaml:" in page
        assert "YAML syntax" in page
        server.err.wait_for(r"jurisdictions/town/profile\.yaml:\d+:\d+: .*YAML syntax")

        # A well-formed file with a misspelt field: located, with the field's dotted name.
        profile.write_text(good.replace("  rfp_number:", "  rfp_numbr:", 1), encoding="utf-8")
        events.wait(lambda data: "rfp_numbr" in data["problems_key"])
        page = server.get(PAGE).text
        assert "procurement.rfp_numbr: unknown field" in page and "MARKERONE" in page

        profile.write_text(
            good.replace(ORIGINAL, "HEART sends MARKERTWO care teams"), encoding="utf-8"
        )
        events.wait(lambda data: PAGE in data["changed"] and not data["problems_key"])
        page = server.get(PAGE).text
        assert "MARKERTWO" in page and 'role="alert"' not in page
        assert server.get("no/such/page.html").status_code == 404
    finally:
        code = server.stop()
    assert code == 0
    assert "Traceback" not in server.err.text
    assert "preview stopped" in server.out.text


def test_pdf_and_word_follow_in_the_background(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "preview-out"
    server = Running(project, "town", "--only", "resident-sheet", "--out", str(out))
    pdf = "briefings/resident-sheet.en.pdf"
    try:
        index = server.get("index.html").text
        assert "(updating…)" in index  # the first PDFs are still being made
        deadline = time.monotonic() + 240
        while server.get("_preview/status").json()["pending"]:
            assert time.monotonic() < deadline, "PDF and Word files never became ready"
            time.sleep(1)
        assert server.get(pdf).content.startswith(b"%PDF")
        assert server.get("briefings/resident-sheet.en.docx").content.startswith(b"PK")
        index = server.get("index.html").text
        assert "(updating…)" not in index and "PDF and Word: ready" in index

        events = Events(server.url, "index.html")
        time.sleep(0.5)
        edit(project, ORIGINAL, "HEART sends unarmed MARKERPDF care teams")
        events.wait(_changed(PAGE))
        status = server.get("_preview/status").json()
        assert pdf in status["pending"]  # the old PDF no longer matches the page
        assert (
            f'href="{pdf}">PDF</a> <span class="genkit-preview-pending">'
            in server.get("index.html").text
        )
    finally:
        code = server.stop()
    assert code == 0 and "Traceback" not in server.err.text
    # Stopped mid-build, the background build leaves the last complete bundle whole.
    assert (out / "full" / "town" / "manifest.json").is_file()
    assert not list((out / "full").glob(".town.tmp-*"))


def test_binds_loopback_only_and_reports_a_busy_port() -> None:
    sock = bind(0)
    try:
        host, port = sock.getsockname()
        assert host == "127.0.0.1"
        with pytest.raises(UsageError, match=f"cannot listen on 127.0.0.1:{port}"):
            bind(port)
    finally:
        sock.close()
    with socket.socket() as probe:  # the port is free again once the preview closes it
        probe.bind(("127.0.0.1", port))


def test_problems_are_escaped_in_the_page() -> None:
    snapshot = Snapshot(version=3, problems=("profile.yaml:1:2: x: <script>alert(1)</script>",))
    page = decorate(
        b"<html><head></head><body><p>hi</p></body></html>", "a.html", snapshot, "town"
    ).decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert page.index('role="alert"') < page.index("<p>hi</p>")


def test_index_marks_only_pending_links() -> None:
    index = '<a href="a.pdf">PDF</a> · <a href="a.docx">Word</a>'
    marked = mark_pending(index, frozenset({"a.pdf"}))
    assert marked.count("(updating…)") == 1
    assert marked.startswith('<a href="a.pdf">PDF</a> <span')
