"""``genkit preview NAME``: a local server that rebuilds a bundle's HTML on every save.

``state`` holds what is served, ``rebuild`` makes the fast HTML pass, ``background`` the PDF and
Word pass in a separate process, ``page`` adds the reload script and problem banner to served
pages, and ``server`` ties them to a watcher and an HTTP server on 127.0.0.1.
"""
