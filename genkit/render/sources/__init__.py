"""Sources: which sources back what a document shows, their numbers, and the list it ends with.

One system for every document. ``cited`` decides which profile facts a document has shown and
which ``citations`` and ``illustrative`` keys those facts fall under; ``numbering`` gives each
source its number in one document, first cited first; ``lists`` is what a template sees
(``citations``, ``ref``, ``references``, ``cited_facts``, ``illustrative_facts``,
``sources_for``), all drawing on that one numbering. ``templates/_common/sources.md.j2`` is the
one closing section that prints them.
"""

from __future__ import annotations

from genkit.render.sources.cited import related
from genkit.render.sources.lists import document_sources

__all__ = ["document_sources", "related"]
