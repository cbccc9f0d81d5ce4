"""PDF: the page HTML laid out by WeasyPrint in a worker process (render/pdf/pdf_workers.py)."""

from __future__ import annotations

from concurrent.futures import Future

from genkit.formats import OutputFormat
from genkit.render.outputs import OutputJob


def write_pdf(job: OutputJob) -> Future | bytes:
    from genkit.render.pdf.glyphs import missing_glyphs

    pending = job.pdf(job.html)
    # A character no installed font has would print as a box: warn, naming the package, and
    # render the file again next time (the fonts may be installed by then).
    for gap in missing_glyphs(job.html):
        job.warn(f"{job.plan.loaded.name}: {job.path}: {gap.describe()}", True)
    return pending


FORMAT = OutputFormat("pdf", "PDF", rank=3, write=write_pdf, default=2)
