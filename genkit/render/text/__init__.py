"""Text for a reader, as templates write it: ``escaping`` prints a profile value into Markdown
as literal text; ``filters`` is the set of Jinja filters every template gets (registered once,
in ``genkit.render.templating.make_env``), one name per operation, each formatting with
``genkit.language.formatting`` in the document's language; ``readability`` measures the reading
grade of what was written.
"""
