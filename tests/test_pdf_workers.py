"""PDF worker processes: same bytes as rendering here, errors that still name the document,
and the CLI's early-started workers giving the same bundle as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from genkit.errors import RenderError
from genkit.render.pdf.pdf_workers import PdfWorkers, pdf_job

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PAGE = (
    "<html lang='en'><head><title>One page</title></head><body><h1>One page</h1>"
    "<p>Text with <b>bold</b> words.</p></body></html>"
)


def test_a_worker_renders_the_bytes_this_process_would() -> None:
    with PdfWorkers(2) as workers:
        futures = [workers.submit(PAGE, TEMPLATES, [TEMPLATES], "page") for _ in range(3)]
        results = [future.result(timeout=120) for future in futures]
    assert results[0].startswith(b"%PDF-")
    assert results == [pdf_job(PAGE, TEMPLATES, [TEMPLATES], "page")] * 3


def test_a_refused_file_in_a_worker_is_a_render_error_naming_the_document() -> None:
    page = PAGE.replace("</body>", "<img src='file:///etc/hostname' alt='x'></body>")
    with PdfWorkers(2) as workers, pytest.raises(RenderError, match="refused to load") as info:
        workers.submit(page, TEMPLATES, [TEMPLATES], "templates/x.md.j2").result(timeout=120)
    assert info.value.problems[0].file == "templates/x.md.j2"


def test_closed_workers_take_no_more_work() -> None:
    workers = PdfWorkers(2)
    workers.close()
    with pytest.raises(RuntimeError):
        workers.submit(PAGE, TEMPLATES, [TEMPLATES], "page")


def test_cli_with_workers_writes_the_same_pdf_as_one_process(run, project) -> None:
    args = ("build", "town", "--only", "quick-reference", "--format", "pdf", "--force")
    assert run(*args, "-j", "2", "--out", "two").exit_code == 0
    assert run(*args, "-j", "1", "--out", "one").exit_code == 0
    two = project / "two/town/dispatch/quick-reference.pdf"
    assert two.read_bytes() == (project / "one/town/dispatch/quick-reference.pdf").read_bytes()
