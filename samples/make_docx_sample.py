"""Build samples/briefing-note.docx: a small invented school briefing note for trying redactor.

Personal data sits where Word files keep it: the body, a table, the header (first page and
others), the footer, a comment (and its author), and the document properties. Everyone and
everything in it is invented.

    python samples/make_docx_sample.py          # writes samples/briefing-note.docx
    redactor redact samples/briefing-note.docx --out redacted/
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.shared import Pt

OUT = Path(__file__).with_name("briefing-note.docx")


def build(path: Path = OUT) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Larchfield Primary School - CONFIDENTIAL"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Re: Amelia Thornbury (Year 5)"
    section.footer.paragraphs[0].text = "Prepared by Dominic Fairweather, Inclusion Lead"

    document.add_heading("Briefing note: support for Amelia Thornbury", level=1)
    intro = document.add_paragraph("This note is for staff who teach ")
    name = intro.add_run("Amelia")
    name.bold = True
    intro.add_run(" this term. Please read it before Monday's planning meeting.")

    document.add_heading("Background", level=2)
    background = document.add_paragraph(
        "Amelia joined us in September from a school in Leeds. Her grandmother is her main "
        "carer and can be reached on 07700 900555. The family live at 14 Heronsgate Road, "
        "Larchfield LS9 7QT."
    )
    document.add_comment(
        background.runs,
        text="Check the address with the office first.",
        author="Dominic Fairweather",
        initials="DF",
    )

    document.add_heading("Who to contact", level=2)
    contacts = document.add_table(rows=3, cols=2)
    contacts.style = "Table Grid"
    for row, (role, person) in zip(
        contacts.rows,
        [("Role", "Name"), ("Inclusion Lead", "Dominic Fairweather"), ("Carer", "Grandmother")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = role, person

    closing = document.add_paragraph("Thank you, ")
    signature = closing.add_run("Dominic Fairweather")
    signature.italic = True
    signature.font.size = Pt(12)

    props = document.core_properties
    props.author = "Dominic Fairweather"
    props.last_modified_by = "Dominic Fairweather"
    props.title = "Briefing note - Amelia Thornbury"
    props.subject = "Support plan"
    props.keywords = "inclusion; Year 5"
    props.created = props.modified = dt.datetime(2024, 9, 30, 9, 0, 0)
    props.revision = 3
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
