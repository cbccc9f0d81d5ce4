"""Text for a reader: one name per formatting operation, in the document's language.

``strings`` loads a language's words (``templates/_common/strings/LANG.yaml``); ``formatting``
writes dates, numbers, times, hours and lists with them; ``escaping`` prints a profile value into
Markdown as literal text; ``filters`` is the set of Jinja filters every template gets
(registered once, in ``genkit.render.templating.make_env``); ``readability`` measures the
reading grade of what was written.

This package imports nothing at load time, so the checks can use ``formatting`` for their
messages without loading Jinja.
"""
