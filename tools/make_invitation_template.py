"""Regenerate templates/worksheets/stakeholder-invitation.docx, the shipped Word template.

The template is a normal Word file with Jinja tags (docxtpl); city staff can open and restyle it
in Word. This script exists so the file can be rebuilt reproducibly: run it from the repo root.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

from genkit.render.formats.zipnorm import normalize_docx

TARGET = Path("templates/worksheets/stakeholder-invitation.docx")


def main() -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    header = doc.sections[0].header.paragraphs[0]
    header.text = "{{ program.host_department }} · {{ jurisdiction.name }}"
    doc.add_paragraph("{% if sample %}{{ sample_notice }}{% endif %}")
    doc.add_heading("Invitation: {{ program.name }} public-safety working group", level=1)
    doc.add_paragraph("To: the leaders of {{ stakeholders | map(attribute='agency') | join_and }}")
    doc.add_paragraph(
        "We are planning the next phase of {{ program.display_name }} and would value your "
        "help. {{ program.name }} sends {{ program.team_summary }} to 911 calls such as "
        "{{ program.call_types | map(attribute='label') | map('lower') | list | join_and }}. "
        "Its service hours are {{ program.hours.summary }}."
    )
    doc.add_paragraph(
        "Your agency answers many of these calls today, and your experience will shape which "
        "calls the team takes, how call-takers route them and how responders work together on "
        "scene. At this first meeting we would like to agree the goals of the working group, "
        "hear each agency's priorities and concerns, and set a regular time to meet."
    )
    doc.add_heading("Who we are inviting, and why", level=2)
    doc.add_paragraph("{%p for s in stakeholders %}")
    doc.add_paragraph("{{ s.agency }}: {{ s.why_invite }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph(
        "Please reply with the names of the people who will attend. A short briefing on the "
        "program will be sent before the meeting."
    )
    doc.add_paragraph("Sincerely,")
    doc.add_paragraph(
        "{% if program_director %}{{ program_director.name }}, "
        "{{ program_director.title }}{% else %}Program director{% endif %}"
    )
    doc.core_properties.title = "Stakeholder invitation template"
    doc.core_properties.author = "genkit"
    import datetime as dt

    doc.core_properties.created = dt.datetime(2025, 1, 1)
    doc.core_properties.modified = dt.datetime(2025, 1, 1)
    import io

    buffer = io.BytesIO()
    doc.save(buffer)
    TARGET.write_bytes(normalize_docx(buffer.getvalue()))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
