"""What the preview adds to a served page: a status bar, the problems, and a reload script.

Nothing here reaches the bundle on disk: pages are changed only as they are served. Problem
text comes from the user's files, so it is escaped like any other value.
"""

from __future__ import annotations

import html
import json
import re

from genkit.preview.state import Snapshot

_STYLE = (
    "#genkit-preview{position:sticky;top:0;z-index:2147483647;font:14px/1.4 sans-serif;"
    "background:#1d2b3a;color:#fff;padding:.4em .8em}"
    "#genkit-preview a{color:#fff}"
    "#genkit-preview .problems{background:#8b1a1a;margin:.4em -.8em -.4em;padding:.5em .8em}"
    "#genkit-preview pre{white-space:pre-wrap;margin:.3em 0;font:13px/1.4 monospace}"
    ".genkit-preview-pending{font-style:italic;color:#8a5a00}"
)

# Reload when this page (or, on the index, any status) changed, keeping the scroll position.
_SCRIPT = """(function () {
  var page = %(page)s, version = %(version)d, shown = %(problems)s;
  var key = "genkit-preview-scroll:" + page;
  var y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, +y); }
  var source = new EventSource("/_preview/events?page=" + encodeURIComponent(page));
  source.addEventListener("update", function (event) {
    var d = JSON.parse(event.data);
    if (d.version <= version) return;
    if (page === "" || d.changed.indexOf(page) >= 0 || d.problems_key !== shown) {
      sessionStorage.setItem(key, String(window.scrollY));
      source.close();
      location.reload();
    }
  });
})();"""


def problems_key(snapshot: Snapshot) -> str:
    return "\n".join(snapshot.problems + snapshot.background_problems)


def status_bar(snapshot: Snapshot, name: str) -> str:
    pending = len(snapshot.pending)
    formats = (
        f"PDF and Word: {pending} file{'s' if pending != 1 else ''} updating"
        if pending
        else "PDF and Word: ready"
    )
    pages = "HTML: last good version" if snapshot.problems else "HTML up to date"
    parts = [
        f'<div id="genkit-preview" role="status"><a href="/index.html">Preview of '
        f"{html.escape(name)}</a> · {pages} · {formats}"
    ]
    if snapshot.problems:
        parts.append(
            '<div class="problems" role="alert"><strong>Your last change could not '
            "be built; this is the last good version.</strong>"
        )
        parts.append(f"<pre>{html.escape(chr(10).join(snapshot.problems))}</pre></div>")
    if snapshot.background_problems:
        parts.append(
            '<div class="problems" role="alert"><strong>PDF and Word files could not '
            "be built:</strong>"
        )
        parts.append(f"<pre>{html.escape(chr(10).join(snapshot.background_problems))}</pre></div>")
    parts.append("</div>")
    return "".join(parts)


def mark_pending(page: str, pending: frozenset[str]) -> str:
    """On the index, say which links lead to a file that is still being rebuilt."""

    def mark(match: re.Match) -> str:
        if match.group("path") in pending:
            return match.group(0) + ' <span class="genkit-preview-pending">(updating…)</span>'
        return match.group(0)

    return re.sub(r'<a href="(?P<path>[^"]+)">[^<]*</a>', mark, page)


def decorate(data: bytes, path: str, snapshot: Snapshot, name: str) -> bytes:
    text = data.decode("utf-8")
    if path == "index.html":
        text = mark_pending(text, snapshot.pending)
    script = _SCRIPT % {
        "page": _js(path),
        "version": snapshot.version,
        "problems": _js(problems_key(snapshot)),
    }
    head = f"<style>{_STYLE}</style>"
    bar = status_bar(snapshot, name)
    text = _insert_after(text, r"<head[^>]*>", head)
    text = _insert_after(text, r"<body[^>]*>", bar)
    text = (
        text.replace("</body>", f"<script>{script}</script></body>", 1)
        if "</body>" in text
        else text + f"<script>{script}</script>"
    )
    return text.encode("utf-8")


def _insert_after(text: str, pattern: str, addition: str) -> str:
    match = re.search(pattern, text)
    if match is None:
        return addition + text
    return text[: match.end()] + addition + text[match.end() :]


def _js(value: str) -> str:
    """A JavaScript string literal that is also safe inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")


def placeholder(snapshot: Snapshot, name: str) -> bytes:
    """Served before the first good build: the problems, and a reload when one succeeds."""
    body = "<p>Building…</p>" if not snapshot.problems else ""
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Preview of {html.escape(name)}</title></head><body>{body}</body></html>"
    )
    # Any new version reloads: the page has nothing of its own to keep.
    return decorate(page.encode("utf-8"), "", snapshot, name)
