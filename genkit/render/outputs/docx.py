"""Word: the Markdown render as a python-docx document, inside the city's Word shell if it
has one for the document (genkit/render/formats/docx_shell.py)."""

from __future__ import annotations

from genkit.formats import OutputFormat
from genkit.render.outputs import OutputJob


def write_docx(job: OutputJob) -> bytes:
    from genkit.render.context import build_context, sample_notice
    from genkit.render.document import footer_text, local_names, running_header
    from genkit.render.formats.docx import tokens_to_docx
    from genkit.render.formats.docx_page import DocxPage
    from genkit.render.formats.docx_shell import find_shell, render_in_shell

    plan, unit, rendered = job.plan, job.unit, job.rendered
    lang = unit.lang
    ui = plan.strings[lang]
    page = DocxPage(
        rendered.title,
        local_names(plan.loaded, lang)[1],
        running_header(plan.loaded, lang),
        sample_notice(plan.loaded, ui),
        footer_text(plan.loaded, ui, lang),
        plan.loaded.profile.as_of,
        ui.word_language,
        ui.page,
        ui.of,
        unit.document.meta.layout,
        unit.document.meta.draft_notice,
    )
    body = tokens_to_docx(rendered.tokens, page, rendered.figures)
    shell = find_shell(unit.document.id, plan.dirs)
    if shell is None:
        return body
    # A city's Word shell: the generated body goes inside its letterhead and styles.
    context = build_context(plan.loaded, unit.document, unit.item)
    return render_in_shell(
        shell,
        job.search.display(shell),
        body,
        context,
        plan.dirs,
        rendered.title,
        plan.loaded.profile.as_of,
    )


# Written once every PDF is with the workers: the PDFs take longest, so they start first.
FORMAT = OutputFormat("docx", "Word", rank=0, write=write_docx, default=3, after_pdfs=True)
