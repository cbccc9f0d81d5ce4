"""The processes that lay out PDFs, started as early as a build knows it may need them.

A PDF process spends most of a second importing WeasyPrint before it can lay out a page. So
the workers are forked from a fork server that imports WeasyPrint once: the CLI starts it
before the profiles load, the import runs on another core while this process imports genkit
and reads the profiles, and every worker starts with WeasyPrint already in memory. Workers are
forked one at a time as PDFs arrive, so an edit that needs one PDF pays for one worker. This
module imports nothing heavy itself, and a job sent to a worker unpickles as a reference to
``pdf_job`` below.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

# A page that touches what a real document needs on its first render: the stylesheet's font
# in regular, bold and italic, and the font subsetting and tagging of a PDF/UA file.
_WARM_PAGE = (
    "<html lang='en'><head><title>warm</title></head>"
    "<body style='font-family: \"DejaVu Sans\", sans-serif'>"
    "<h1>Warm</h1><p>Text, <b>bold</b> and <i>italic</i>.</p></body></html>"
)


def _warm(owner: int) -> None:
    """Worker initializer: exit with the genkit process that owns the pool (``owner``), then
    import WeasyPrint and render one small page."""
    from genkit.render.pdf.parent_watch import die_with_parent, exit_when_gone

    # The worker's parent is the fork server, which exits when the owner does; the watch
    # covers a server that could not load the preload that makes it watch.
    die_with_parent()
    exit_when_gone(owner)
    from genkit.render.formats.pdf import html_to_pdf

    here = Path(__file__).resolve().parent
    # Only a head start: should it fail, the real job reports its own error.
    with contextlib.suppress(Exception):
        html_to_pdf(_WARM_PAGE, here, [], "warm-up")


def pdf_job(html: str, root: Path, dirs: list[Path], where: str) -> bytes:
    """One PDF, in a worker or in this process."""
    from genkit.render.formats.pdf import html_to_pdf

    return html_to_pdf(html, root, dirs, where)


# The server preloads WeasyPrint (and what it imports), not genkit: Python 3.11's fork server
# ignores the sys.path it is given, so it finds only what a fresh interpreter would. Each worker
# gets this process's sys.path before importing genkit, and so imports the same genkit as this
# process, from a checkout or an install; should the preload fail, a worker imports WeasyPrint
# itself. First, the server starts watching the process that started it (forkserver_watch),
# so that it exits once genkit has, however genkit ended; where genkit is not importable from
# the server, it still exits when its workers (which watch genkit themselves) are gone.
_PRELOAD = ["genkit.render.pdf.forkserver_watch", "weasyprint"]


class PdfWorkers:
    """Up to ``jobs`` PDF processes. The fork server (and the first worker) start on creation;
    later workers are forked from the server as PDFs queue up."""

    def __init__(self, jobs: int):
        context = get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        self._pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_warm, initargs=(os.getpid(),)
        )
        # Starting the server waits until it has imported WeasyPrint: a thread does the
        # waiting, while this process goes on importing genkit and reading the profiles.
        self._starting = threading.Thread(target=self._pool.submit, args=(int,), daemon=True)
        self._starting.start()

    def submit(self, html: str, root: Path, dirs: list[Path], where: str) -> Future:
        return self._pool.submit(pdf_job, html, root, dirs, where)

    def close(self, abandon: bool = False) -> None:
        """Stop the workers once the server has started and the work sent is done; with
        ``abandon`` (the build was interrupted), stop them now, mid-PDF."""
        self._starting.join()
        if abandon:
            self._pool.shutdown(wait=False, cancel_futures=True)
            # The workers are this process's multiprocessing children, though forked by the
            # server; a PDF under way would otherwise hold the exit up until it is laid out.
            for child in multiprocessing.active_children():
                with contextlib.suppress(OSError):
                    child.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PdfWorkers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(abandon=kind is not None and issubclass(kind, KeyboardInterrupt))
