"""The machinery output writers use (Markdown tokens, HTML, WeasyPrint, python-docx, docxtpl,
XlsxWriter, zip dates); the writers themselves, one module per format, are in render/outputs/."""
