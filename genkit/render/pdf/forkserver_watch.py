"""Imported by the PDF fork server only (see pdf_workers' preload): the server exits once the
genkit process that started it has ended, even if that process was killed outright.

Importing this module is what starts the watch, because a module name in the preload list is
the one way to run code in a fork server. Nothing else imports it.
"""

from __future__ import annotations

import os

from genkit.render.pdf.parent_watch import exit_when_gone

exit_when_gone(os.getppid())
