"""Spreadsheet: the workbook a document names in ``workbook:`` (the price proposal form)."""

from __future__ import annotations

from genkit.errors import Problem, TemplateError
from genkit.formats import OutputFormat
from genkit.render.outputs import OutputJob


def write_xlsx(job: OutputJob) -> bytes:
    from genkit.packet.price_form import price_form
    from genkit.render.formats.xlsx_price import price_workbook

    profile = job.plan.loaded.profile
    document = job.unit.document
    form = price_form(profile)
    if form is None or document.meta.workbook != "price-proposal":
        raise TemplateError(
            [
                Problem(
                    str(document.source),
                    0,
                    0,
                    "formats",
                    "'xlsx' needs 'workbook: price-proposal' and a procurement section",
                )
            ]
        )
    return price_workbook(form, profile.as_of, document.meta.title)


FORMAT = OutputFormat("xlsx", "Spreadsheet", rank=1, write=write_xlsx)
