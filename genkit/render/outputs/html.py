"""Web page: the page HTML itself, styles inline, so the file opens anywhere on its own."""

from __future__ import annotations

from genkit.formats import OutputFormat
from genkit.render.outputs import OutputJob


def write_html(job: OutputJob) -> bytes:
    return job.html.encode("utf-8")


FORMAT = OutputFormat("html", "Web page", rank=4, write=write_html, default=1)
