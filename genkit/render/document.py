"""Render one document for one jurisdiction: Jinja -> Markdown -> HTML / PDF / DOCX bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown_it.token import Token

from genkit import __version__
from genkit.errors import Problem, RenderError, SecurityError, TemplateError
from genkit.language.formatting import date_long
from genkit.language.strings import UiStrings, builtin_strings
from genkit.limits import RenderLimitExceeded, capped_join, render_limits
from genkit.load.profiles import LoadedProfile
from genkit.plan.catalog import Document
from genkit.render.context import build_context, sample_notice
from genkit.render.formats.markdown import figure_fences, first_heading, parser
from genkit.render.templating import SafeSandbox

LAYOUT = "_common/layout.html.j2"
STYLESHEET = "_common/style.css"


@dataclass
class RenderedMarkdown:
    title: str
    text: str
    tokens: list[Token]
    figures: dict[str, Any] = field(default_factory=dict)  # name -> genkit.figure.Figure


def template_problem(exc: Exception, fallback: str) -> TemplateError:
    """Turn any Jinja failure into a located error: ``template:line: message``."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(
            [
                Problem(
                    exc.filename or exc.name or fallback,
                    exc.lineno or 0,
                    0,
                    "",
                    f"template syntax: {exc.message}",
                )
            ]
        )
    line, name = 0, fallback
    tb = exc.__traceback__
    while tb is not None:  # the innermost frame that belongs to a template names the line
        frame_file = tb.tb_frame.f_code.co_filename
        if frame_file.endswith((".j2", ".html", ".md", ".xml")):
            name, line = frame_file, tb.tb_lineno
        elif frame_file == "<template>":  # a Word template: its XML lines mean nothing to users
            name, line = fallback, 0
        tb = tb.tb_next
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return SecurityError(
            [Problem(name, line, 0, "", f"refused by the template sandbox: {exc}")]
        )
    if isinstance(exc, RenderLimitExceeded):
        return SecurityError([Problem(name, line, 0, "", f"stopped: {exc}")])
    if isinstance(exc, MemoryError):
        return SecurityError(
            [
                Problem(
                    name,
                    line,
                    0,
                    "",
                    "stopped: rendering needed more memory than any document should",
                )
            ]
        )
    if isinstance(exc, RecursionError):
        return TemplateError(
            [
                Problem(
                    name,
                    line,
                    0,
                    "",
                    "stopped: templates call each other "
                    "too deeply (a macro or include that never ends?)",
                )
            ]
        )
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError([Problem(name, line, 0, "", f"undefined: {exc.message}")])
    return TemplateError([Problem(name, line, 0, "", f"{type(exc).__name__}: {exc}")])


def render_markdown(
    env: SafeSandbox,
    loaded: LoadedProfile,
    document: Document,
    item: Any = None,
    ui: UiStrings | None = None,
) -> RenderedMarkdown:
    from genkit.render.tracking.facts import ensure_recording

    try:
        with ensure_recording(loaded.profile), render_limits():
            context = build_context(loaded, document, item, ui)
            template = env.get_template(document.template)
            text = capped_join(template.generate(context))
    except TemplateError:
        raise
    except Exception as exc:  # every template failure is the user's to fix
        raise template_problem(exc, str(document.source)) from None
    tokens = parser().parse(text)
    check_images(tokens, str(document.source), text)
    title = first_heading(tokens) or document.meta.title
    with ensure_recording(loaded.profile):
        figures = _figures(loaded, document, tokens)
    return RenderedMarkdown(title, text, tokens, figures)


def _figures(loaded: LoadedProfile, document: Document, tokens: list[Token]) -> dict[str, Any]:
    """Every figure a document places, checked now so a bad name fails before any writing."""
    fences = figure_fences(tokens)
    if not fences:
        return {}
    from genkit.render.figure_registry import figure_names, figure_spec
    from genkit.render.tracking.facts import declare

    figures, problems = {}, []
    where = str(document.source)
    for name, line in fences:
        spec = figure_spec(name)
        if spec is None:
            problems.append(
                Problem(
                    where,
                    0,
                    0,
                    "",
                    f"figure '{name}' (line {line} of the "
                    f"rendered Markdown) does not exist; known figures: "
                    f"{', '.join(figure_names())}",
                )
            )
            continue
        declare(*spec.reads)  # drawn in Python from these sections (and the call analysis)
        figure = spec.build(loaded)
        if figure is None:
            problems.append(
                Problem(
                    where,
                    0,
                    0,
                    "",
                    f"figure '{name}' has no data for "
                    f"{loaded.name}; place it inside {{% if {spec.when} %}}",
                )
            )
            continue
        figures[name] = figure
    if problems:
        raise TemplateError(problems)
    return figures


_IMAGE_SYNTAX = re.compile(r"(?<!\\)!\[[^\]]*(?<!\\)\]\(\s*<?(?P<src>[^)\s>]*)")
_IMAGE_OK = ("data:image/png;", "data:image/svg+xml;", "data:image/jpeg;")


def check_images(tokens: list[Token], where: str, text: str = "") -> None:
    """Images must be inline data: a remote or local address would make the HTML fetch it
    when opened, or the PDF read a file. Also catches image syntax markdown-it declined to
    parse (``file:`` addresses), so such a template fails instead of printing it as text."""
    for match in _IMAGE_SYNTAX.finditer(text):
        if not match.group("src").startswith(_IMAGE_OK):
            line = text.count("\n", 0, match.start()) + 1
            raise RenderError(
                [
                    Problem(
                        where,
                        line,
                        0,
                        "",
                        f"refused image "
                        f"'{match.group('src')[:80]}': documents may only "
                        "embed images generated by genkit",
                    )
                ]
            )
    for token in tokens:
        for child in token.children or []:
            src = str(child.attrs.get("src", "")) if child.type == "image" else ""
            if src and not src.startswith(_IMAGE_OK):
                raise RenderError(
                    [
                        Problem(
                            where,
                            (token.map or [0])[0] + 1,
                            0,
                            "",
                            f"refused image '{src[:80]}': documents may only "
                            "embed images generated by genkit",
                        )
                    ]
                )


def local_names(loaded: LoadedProfile, lang: str | None = None) -> tuple[str, str]:
    """The jurisdiction's and department's names as a document in ``lang`` writes them."""
    profile = loaded.profile
    wording = profile.briefings.wording(lang or profile.language)
    return (
        wording.jurisdiction_name or profile.jurisdiction.name,
        wording.department or profile.program.host_department,
    )


def running_header(loaded: LoadedProfile, lang: str | None = None) -> str:
    return f"{local_names(loaded, lang)[0]} · {loaded.profile.program.name}"


def footer_text(loaded: LoadedProfile, ui: UiStrings | None = None, lang: str | None = None) -> str:
    profile = loaded.profile
    ui = ui or builtin_strings(profile.language)
    return ui.fill(
        ui.footer,
        program=profile.program.name,
        department=local_names(loaded, lang)[1],
        date=date_long(profile.as_of, ui),
        version=__version__,
    )


def css_string(text: str) -> str:
    """A CSS string literal that no strings file can break out of."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3C ")
    )
    return f'"{escaped}"'


def page_css(ui: UiStrings) -> str:
    """The "Page X of Y" footer of printed pages, in the document's language."""
    return (
        "@page { @bottom-center { content: "
        + css_string(ui.page + " ")
        + " counter(page) "
        + css_string(" " + ui.of + " ")
        + " counter(pages); } }"
    )


def page_html(
    html_env: SafeSandbox,
    loaded: LoadedProfile,
    document: Document,
    rendered: RenderedMarkdown,
    css: str,
    ui: UiStrings | None = None,
) -> str:
    from markupsafe import Markup

    from genkit.render.formats.html import body_html

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
        "body": Markup(body_html(rendered.tokens, rendered.figures)),
        "sample_notice": sample_notice(loaded, ui),
        "draft_notice": document.meta.draft_notice,
        "running_header": running_header(loaded, lang),
        "footer": footer_text(loaded, ui, lang),
        "compact": document.meta.compact,
    }
    try:
        return html_env.get_template(LAYOUT).render(values)
    except Exception as exc:
        raise template_problem(exc, LAYOUT) from None


def stylesheet(dirs: list[Path]) -> str:
    for folder in dirs:
        candidate = folder / STYLESHEET
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise TemplateError([Problem(STYLESHEET, 0, 0, "", "the shared stylesheet is missing")])
