"""Untrusted input: templates and profiles written by people outside the project.

Each test states one property genkit holds whatever a profile or a jurisdiction template says.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from genkit.checks.validate import load_profile
from genkit.errors import GenkitError, ProfileError, RenderError, SecurityError, TemplateError
from genkit.paths import SearchPath
from genkit.pipeline import Options, build
from genkit.render.formats.docx_template import check_docx_package
from genkit.render.pdf.glyphs import missing_glyphs
from tests.helpers import build_town, docx_text, edit, html_text, pdf_text, squash

FRONT = "{#---\ntitle: T\naudience: A\n---#}\n# T\n\n"
STEM = "worksheets/stakeholder-worksheet"


def template(project: Path, body: str, name: str = "stakeholder-worksheet.md.j2") -> Path:
    folder = project / "jurisdictions/town/templates/worksheets"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body) if isinstance(body, str) else path.write_bytes(body)
    return path


def run_build(project: Path, formats: Sequence[str] = ("html",)) -> Path:
    """Only the worksheet: these tests are about what any template does with any value."""
    return build_town(project, "worksheets", formats).out_dir


# 1. Template injection ------------------------------------------------------------------------

INJECTIONS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ program.__class__.__init__.__globals__ }}",
    "{{ ''|attr('__class__') }}",
    "{{ program|attr('__dict__') }}",
    "{{ 'x{0.__class__}'.format(program) }}",
    "{{ '%s'.format_map(program) }}",
    "{% set f = 'x{0}'.format %}{{ ['a']|map(f)|list }}",
    "{{ program.model_construct() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_markdown_template_injection_is_refused_at_its_line(project: Path, payload: str) -> None:
    path = template(project, FRONT + payload + "\n")
    with pytest.raises(TemplateError) as info:
        run_build(project)
    problem = info.value.problems[0]
    assert (problem.file, problem.line) == (str(path), 7), problem
    assert not (project / "build").exists()


def _docx_with(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("payload", INJECTIONS[:5])
def test_word_template_injection_is_refused(project: Path, payload: str) -> None:
    path = template(project, _docx_with(payload), "letter.docx")
    path.with_name("letter.docx.yaml").write_text("title: Letter\naudience: Staff\n")
    with pytest.raises(TemplateError) as info:
        run_build(project, ["docx"])
    assert info.value.problems[0].file == str(path)
    assert not (project / "build").exists()


def test_jinja_version_has_the_sandbox_fixes() -> None:
    from importlib.metadata import version

    major, minor, patch = (int(x) for x in version("jinja2").split(".")[:3])
    assert (major, minor, patch) >= (3, 1, 6)
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text()
    assert '"jinja2>=3.1.6"' in pyproject


# 2. Resource abuse ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "{{ 'x' * 10**9 }}",
        "{{ 'x'.ljust(10**9) }}",
        "{{ [1] * 10**9 }}",
        "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(1) }}",
        "{{ range(10**9)|list }}",
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    ],
)
def test_resource_abuse_is_stopped(
    project: Path, payload: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("genkit.limits.RENDER_SECONDS", 2.0)
    template(project, FRONT + payload + "\n")
    with pytest.raises(TemplateError) as info:
        run_build(project)
    assert info.value.problems[0].line == 7
    assert not (project / "build").exists()


# 3. Profile values are data -------------------------------------------------------------------

LITERALS = [
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "<script>alert('x')</script> <b>bold</b>",
    "& < > \" ' &amp; &lt;",
    "*em* **strong** `code` [link](http://evil.example) ![img](x.png) # not a heading",
    "| not | a | table |",
    "العربية עברית",
    "Ελληνικά кириллица",
]


@pytest.mark.parametrize("value", LITERALS)
def test_profile_values_come_out_literally(project: Path, value: str) -> None:
    quoted = "'" + value.replace("'", "''") + "'"
    edit(project, "agency: Durham Police Department", f"agency: {quoted}")
    edit(project, "  name: HEART\n", f"  name: {quoted}\n")
    bundle = run_build(project, ["html", "pdf", "docx"])
    raw = (bundle / f"{STEM}.html").read_text()
    assert "<script>" not in raw and "<b>bold" not in raw
    expected = squash(value)
    for fmt, reader in (("html", html_text), ("pdf", pdf_text), ("docx", docx_text)):
        text = squash(reader(bundle / f"{STEM}.{fmt}"))
        if fmt == "pdf" and any(ord(c) > 0x590 for c in value):
            continue  # bidirectional text is reordered by PDF text extraction; checked below
        assert expected in text, (fmt, value[:40])
    header = " ".join(
        p.text
        for p in __import__("docx")
        .Document(str(bundle / f"{STEM}.docx"))
        .sections[0]
        .header.paragraphs
    )
    assert value[:200] in header


def test_scripts_and_emoji_come_out_in_body_tables_headers_and_footers(project: Path) -> None:
    value = "Equipo 🚑 日本語 हिन्दी Ελληνικά"
    missing = missing_glyphs(value)
    if missing:  # a machine without the fonts: the build would warn with this same reason
        pytest.skip("; ".join(gap.describe() for gap in missing))
    edit(project, "  name: HEART\n", f"  name: '{value}'\n")
    edit(project, "agency: Durham Police Department", f"agency: '{value} police'")
    bundle = run_build(project, ["html", "pdf", "docx"])
    for fmt, reader in (("html", html_text), ("pdf", pdf_text), ("docx", docx_text)):
        text = squash(reader(bundle / f"{STEM}.{fmt}"))
        assert f"{value} police" in text, fmt  # a table cell
        assert f"City of Durham · {value}" in text, fmt  # the running header
    import docx

    document = docx.Document(str(bundle / f"{STEM}.docx"))
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    assert value in footer


def test_very_long_text_comes_out_whole(project: Path) -> None:
    long_text = " ".join(f"word{i}" for i in range(1500))
    edit(project, "    why_invite: >-\n", f"    why_invite: '{long_text}'\n    x_old: >-\n")
    path = project / "jurisdictions/town/profile.yaml"
    lines = path.read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if "x_old" in line)
    end = start + 1
    while lines[end].startswith("      "):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]))
    bundle = run_build(project, ["html", "pdf", "docx"])
    for fmt, reader in (("html", html_text), ("pdf", pdf_text), ("docx", docx_text)):
        text = squash(reader(bundle / f"{STEM}.{fmt}"))
        assert "word0 word1" in text and "word1499" in text, fmt


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\ufffe"])
def test_characters_xml_cannot_hold_are_refused_with_location(project: Path, char: str) -> None:
    escaped = char.encode("unicode_escape").decode().replace("\\x", "\\x")
    edit(project, "  name: HEART\n", f'  name: "HE{escaped}ART"\n')
    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    problem = info.value.problems[0]
    assert problem.field == "program.name" and problem.line > 0
    assert "control character" in problem.message


# 4. YAML --------------------------------------------------------------------------------------

YAML_CASES = {
    "unsafe tag": (
        "  name: HEART\n",
        "  name: !!python/object/apply:os.system [ls]\n",
        "YAML tags",
    ),
    "alias bomb": (
        "as_of: 2025-04-26\n",
        "as_of: 2025-04-26\nx: &a [1, 1]\ny: &b [*a, *a]\nz: [*b, *b]\n",
        "anchors",
    ),
    "duplicate key": (
        "as_of: 2025-04-26\n",
        "as_of: 2025-04-26\nas_of: 2025-04-27\n",
        "duplicate key",
    ),
    "yes for a flag": ("    via_911: true", "    via_911: yes", "must be true or false"),
    "on for a flag": ("    via_911: true", "    via_911: on", "must be true or false"),
    "yaml 1.1 header": ("# Durham", "%YAML 1.1\n---\n# Durham", "%YAML 1.1 is not supported"),
    "impossible date": ("as_of: 2025-04-26", "as_of: 2025-02-30", "as_of"),
    "list for mapping": (
        "  service_area:\n",
        "  service_area:\n    - a\n  x:\n",
        "program.service_area",
    ),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_yaml_traps_are_located_errors(project: Path, case: str) -> None:
    old, new, expected = YAML_CASES[case]
    edit(project, old, new)
    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    text = "\n".join(str(p) for p in info.value.problems)
    assert expected in text
    assert all(p.line > 0 for p in info.value.problems), text


def test_leading_zero_and_times_stay_literal(project: Path) -> None:
    edit(project, "  short_name: Durham", "  short_name: 02134")
    edit(project, "  title: HEART program director", "  title: 19:30")
    profile = load_profile("town", SearchPath.from_cwd(project)).profile
    assert profile.jurisdiction.short_name == "02134"
    assert profile.program_director.title == "19:30"


@pytest.mark.parametrize(
    "raw", [b"", b"\xff\xfe\x00bad", b"jurisdiction: caf\xe9\n", b"- a\n- b\n", b"just text\n"]
)
def test_unreadable_profiles_are_located_errors(project: Path, raw: bytes) -> None:
    (project / "jurisdictions/town/profile.yaml").write_bytes(raw)
    with pytest.raises(ProfileError) as info:
        load_profile("town", SearchPath.from_cwd(project))
    assert info.value.problems[0].file.endswith("profile.yaml")


# 5. Files -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../x", "/etc", "con", "CON", "a b", "a/b", "lpt1", ".hidden", "x" * 80, "caf\u00e9"]
)
def test_bad_jurisdiction_names_are_refused(project: Path, name: str) -> None:
    with pytest.raises(GenkitError, match="not a valid jurisdiction name"):
        run_build_named(project, name)
    assert not (project / "build").exists()


def run_build_named(project: Path, name: str) -> None:
    build([name], SearchPath.from_cwd(project), Options(out_root=project / "build"))


@pytest.mark.parametrize("filename", ["con.md.j2", "Bad Name.md.j2", "x..y.md.j2"])
def test_badly_named_templates_are_refused(project: Path, filename: str) -> None:
    template(project, FRONT + "text\n", filename)
    with pytest.raises(TemplateError, match="names may use only lowercase"):
        run_build(project)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ({"word/document.xml": b"\0" * (60 * 1024 * 1024)}, "zip bomb"),
        ({"../../evil.xml": b"<x/>"}, "unsafe part name"),
        (
            {
                "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                b'"file:///etc/passwd">]><x>&e;</x>'
            },
            "DOCTYPE",
        ),
    ],
)
def test_dangerous_word_templates_are_refused_before_unpacking(
    members: dict, expected: str
) -> None:
    with pytest.raises(SecurityError, match=expected):
        check_docx_package(_zip(members), "t.docx")


# 6. No network, no local files ----------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        "![x](file:///etc/passwd)",
        "![x](http://127.0.0.1:9/x.png)",
        "![x](/etc/hostname)",
    ],
)
def test_images_outside_the_project_are_refused(project: Path, markdown: str) -> None:
    template(project, FRONT + markdown + "\n")
    with pytest.raises(RenderError, match="refused image"):
        run_build(project)
    assert not (project / "build").exists()


def test_links_to_local_files_are_not_links(project: Path) -> None:
    template(project, FRONT + "[secret](file:///etc/passwd)\n")
    bundle = run_build(project, ["html", "docx"])
    assert 'href="file:' not in (bundle / f"{STEM}.html").read_text()
    import docx

    rels = docx.Document(str(bundle / f"{STEM}.docx")).part.rels.values()
    assert not [r for r in rels if r.is_external and r.target_ref.startswith("file:")]


@pytest.mark.parametrize(
    "css",
    [
        "@import url(http://127.0.0.1:9/x.css);",
        "@import url(file:///etc/passwd);",
        "body { background: url(file:///etc/hostname); }",
    ],
)
def test_stylesheet_fetches_fail_the_pdf(project: Path, css: str) -> None:
    folder = project / "jurisdictions/town/templates/_common"
    folder.mkdir(parents=True)
    builtin = Path(__file__).parent.parent / "templates/_common/style.css"
    (folder / "style.css").write_text(css + "\n" + builtin.read_text())
    with pytest.raises(RenderError, match="refused to load"):
        run_build(project, ["pdf"])
    assert not (project / "build").exists()


def test_pdf_attachment_links_are_refused(project: Path) -> None:
    folder = project / "jurisdictions/town/templates/_common"
    folder.mkdir(parents=True)
    layout = (Path(__file__).parent.parent / "templates/_common/layout.html.j2").read_text()
    (folder / "layout.html.j2").write_text(
        layout.replace("</head>", '<link rel="attachment" href="file:///etc/passwd"></head>')
    )
    with pytest.raises(RenderError, match="refused to load"):
        run_build(project, ["pdf"])


def test_values_stay_literal_in_every_document_of_the_bundle(project: Path) -> None:
    """The engine's escaping holds for every document family, not only the worksheet."""
    nasty = "HEART <script>x</script> & {{ 7*7 }} *x*"
    edit(project, "  name: HEART\n", "  name: '" + nasty + "'\n")
    bundle = build_town(project, formats=["html", "docx"]).out_dir
    pages = [p for p in bundle.rglob("*.html") if p.name != "index.html"]
    assert len(pages) > 10
    for page in pages:
        raw = page.read_text()
        assert "<script>" not in raw, page
        assert "HEART <script>x</script> & {{ 7*7 }} *x*" in squash(html_text(page)), page
    for document in bundle.rglob("*.docx"):
        assert "<script>x</script>" in docx_text(document) or "HEART" not in docx_text(document), (
            document
        )
