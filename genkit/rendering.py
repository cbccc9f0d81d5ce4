"""Render one document for one jurisdiction: Jinja -> Markdown -> HTML / PDF / DOCX bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markdown_it.token import Token

from genkit import __version__
from genkit.catalog import Document
from genkit.context import build_context, sample_notice
from genkit.errors import Problem, SecurityError, TemplateError
from genkit.i18n import UiStrings, builtin_strings, date_long
from genkit.profiles import LoadedProfile
from genkit.render.markdown import first_heading, parser
from genkit.templating import SafeSandbox

LAYOUT = "_common/layout.html.j2"
STYLESHEET = "_common/style.css"


@dataclass
class RenderedMarkdown:
    title: str
    text: str
    tokens: list[Token]


def template_problem(exc: Exception, fallback: str) -> TemplateError:
    """Turn any Jinja failure into a located error: ``template:line: message``."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError([Problem(exc.filename or exc.name or fallback, exc.lineno or 0, 0,
                                      "", f"template syntax: {exc.message}")])
    line, name = 0, fallback
    tb = exc.__traceback__
    while tb is not None:  # the innermost frame that belongs to a template names the line
        frame_file = tb.tb_frame.f_code.co_filename
        if frame_file.endswith((".j2", ".html", ".md", ".xml")) or "<template>" in frame_file:
            name, line = frame_file, tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return SecurityError([Problem(name, line, 0, "",
                                      f"refused by the template sandbox: {exc}")])
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError([Problem(name, line, 0, "", f"undefined: {exc.message}")])
    return TemplateError([Problem(name, line, 0, "", f"{type(exc).__name__}: {exc}")])


def render_markdown(env: SafeSandbox, loaded: LoadedProfile, document: Document,
                    item: Any = None, ui: UiStrings | None = None) -> RenderedMarkdown:
    context = build_context(loaded, document, item, ui)
    try:
        text = env.get_template(document.template).render(context)
    except TemplateError:
        raise
    except Exception as exc:  # noqa: BLE001 - every template failure is the user's to fix
        raise template_problem(exc, str(document.source)) from None
    tokens = parser().parse(text)
    title = first_heading(tokens) or document.meta.title
    return RenderedMarkdown(title, text, tokens)


def local_names(loaded: LoadedProfile, lang: str | None = None) -> tuple[str, str]:
    """The jurisdiction's and department's names as a document in ``lang`` writes them."""
    profile = loaded.profile
    wording = profile.briefings.wording(lang or profile.language)
    return (wording.jurisdiction_name or profile.jurisdiction.name,
            wording.department or profile.program.host_department)


def running_header(loaded: LoadedProfile, lang: str | None = None) -> str:
    return f"{local_names(loaded, lang)[0]} · {loaded.profile.program.name}"


def footer_text(loaded: LoadedProfile, ui: UiStrings | None = None,
                lang: str | None = None) -> str:
    profile = loaded.profile
    ui = ui or builtin_strings(profile.language)
    return ui.fill(ui.footer, program=profile.program.name,
                   department=local_names(loaded, lang)[1],
                   date=date_long(profile.as_of, ui), version=__version__)


def css_string(text: str) -> str:
    """A CSS string literal that no strings file can break out of."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
               .replace("<", "\\3C "))
    return f'"{escaped}"'


def page_css(ui: UiStrings) -> str:
    """The "Page X of Y" footer of printed pages, in the document's language."""
    return ("@page { @bottom-center { content: " + css_string(ui.page + " ")
            + " counter(page) " + css_string(" " + ui.of + " ") + " counter(pages); } }")


def page_html(html_env: SafeSandbox, loaded: LoadedProfile, document: Document,
              rendered: RenderedMarkdown, css: str, ui: UiStrings | None = None) -> str:
    from markupsafe import Markup

    from genkit.render.html import body_html

    profile = loaded.profile
    lang = document.lang or profile.language
    ui = ui or builtin_strings(lang)
    values = {
        "lang": lang,
        "layout": document.meta.layout,
        "title": rendered.title,
        "description": document.meta.description or document.meta.title,
        "author": local_names(loaded, lang)[1],
        "version": __version__,
        "created": profile.as_of.isoformat(),
        "css": Markup(css),
        "page_css": Markup(page_css(ui)),
        "body": Markup(body_html(rendered.tokens)),
        "sample_notice": sample_notice(loaded, ui),
        "running_header": running_header(loaded, lang),
        "footer": footer_text(loaded, ui, lang),
    }
    try:
        return html_env.get_template(LAYOUT).render(values)
    except Exception as exc:  # noqa: BLE001
        raise template_problem(exc, LAYOUT) from None


def stylesheet(dirs: list[Path]) -> str:
    for folder in dirs:
        candidate = folder / STYLESHEET
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise TemplateError([Problem(STYLESHEET, 0, 0, "", "the shared stylesheet is missing")])
