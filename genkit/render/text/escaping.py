"""Make profile values safe for the format they land in.

Markdown templates: a value is HTML-escaped (markdown-it turns entities back into the literal
characters, so ``<script>`` shows as text) and its Markdown punctuation is backslash-escaped (so
``*``, ``#`` or ``[x](y)`` in a value never become formatting or links). Template text itself is
not touched: only what ``{{ }}`` prints is escaped.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

from genkit.language.formatting import date_long

# Every ASCII punctuation character CommonMark lets a backslash escape, except the three that
# HTML escaping already neutralizes (& < >) and the quotes it turns into entities.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:$%@;,/?])")
# A run of line breaks (what str.splitlines splits on) with the spaces around it.
_BREAKS = r"[ \t]*(?:(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])[ \t]*)+"
_EDGE_BREAKS = re.compile(rf"^{_BREAKS}|{_BREAKS}$")
_INNER_BREAKS = re.compile(_BREAKS)


def markdown_value(value: object) -> Markup:
    """Finalize hook for Markdown templates: print a value as literal text."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, dt.date):
        value = date_long(value)
    text = str(value)
    # One value is one run of text: line breaks inside it must not start a new block. The
    # breaks at its ends (a YAML block scalar ends with one) go; the spaces of a one-line
    # value stay, as in the separator of " · " ~ note.
    text = _INNER_BREAKS.sub(" ", _EDGE_BREAKS.sub("", text))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markup(str(escape(text)))
