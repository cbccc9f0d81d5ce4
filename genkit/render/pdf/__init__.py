"""The PDF processes: a fork server that imports WeasyPrint once and the workers forked from it
(pdf_workers.py), which exit once genkit has, even if it was killed (parent_watch.py,
forkserver_watch.py); and the check for characters no installed font draws (glyphs.py)."""
