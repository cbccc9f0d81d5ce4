"""CSV: the document's first table (the data dictionary), for a spreadsheet or a database."""

from __future__ import annotations

from genkit.formats import OutputFormat
from genkit.render.outputs import OutputJob


def write_csv(job: OutputJob) -> bytes:
    from genkit.render.formats.csv_table import table_csv

    return table_csv(job.rendered.tokens, job.search.display(job.unit.document.source))


FORMAT = OutputFormat("csv", "CSV", rank=2, write=write_csv)
