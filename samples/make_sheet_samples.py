"""Build the spreadsheet samples: `trip-register.xlsx` and `sen-register.csv`.

All names, numbers and addresses are invented (phone numbers from Ofcom's drama range
07700 900xxx, emails at example.org). Run from anywhere:

    python samples/make_sheet_samples.py

`trip-register.xlsx` hides personal data where spreadsheets usually do: a hidden sheet of parent
contacts, a very hidden sheet, a cell comment and its author, a header and footer, a mailto link,
a data-validation list, a defined name and the document properties.
`sen-register.csv` is a semicolon-separated Windows-1252 export, as a school's management
information system writes it, with accented names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

HERE = Path(__file__).resolve().parent

PUPILS = [
    # forename, surname, class, consent, paid, dietary, parent, mobile, email
    ("Esme", "Trevanion", "5R", "Yes", 14.0, "", "Lydia Trevanion", "07700 900 318",
     "lydia.t@example.org"),
    ("Jakub", "Wiśniewski", "5R", "Yes", 14.0, "Vegetarian", "Marta Wiśniewska", "07700 900 744",
     "marta.w@example.org"),
    ("Amara", "Okonjo", "5S", "No reply", None, "Halal", "Chidi Okonjo", "07700 900 206",
     "c.okonjo@example.org"),
    ("Rory", "Penhallow", "5S", "Yes", 0.0, "No dairy", "Fern Penhallow", "07700 900 591",
     "fernp@example.org"),
]  # fmt: skip
TRIP_LEAD = "Imogen Castell"


def trip_register(path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Consent"
    ws.append(["Year 5 trip to the Eden Project, 14 May"])
    ws.append([])
    ws.append(["Forename", "Surname", "Class", "Consent", "Paid", "Dietary", "Notes"])
    bold = Font(bold=True)
    for cell in ws[3]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for forename, surname, klass, consent, paid, dietary, *_ in PUPILS:
        note = f"{forename} gets travel sick - sit at the front" if forename == "Amara" else ""
        ws.append([forename, surname, klass, consent, paid, dietary, note])
    for row in ws.iter_rows(min_row=4, min_col=5, max_col=5):
        row[0].number_format = '"£"#,##0.00'
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["G"].width = 40
    ws["D6"].comment = Comment("Chased Mr Okonjo by text on 2 May.", TRIP_LEAD)
    ws.oddHeader.center.text = "Trip register - Eden Project"
    ws.oddFooter.left.text = f"Trip lead: {TRIP_LEAD}"
    ws["I3"] = "Questions?"
    ws["I4"] = "Email the trip lead"
    ws["I4"].hyperlink = "mailto:i.castell@example.org"
    consent = DataValidation(type="list", formula1='"Yes,No,No reply"', allow_blank=True)
    consent.add("D4:D40")
    ws.add_data_validation(consent)
    ws["E9"] = "=SUM(E4:E7)"
    ws.row_dimensions[8].hidden = True  # a hidden row, still in the file

    contacts = workbook.create_sheet("Parents")
    contacts.sheet_state = "hidden"
    contacts.append(["Child", "Parent/Carer", "Mobile", "Email"])
    for forename, surname, *_, parent, mobile, email in PUPILS:
        contacts.append([f"{forename} {surname}", parent, mobile, email])
    contacts.column_dimensions["B"].width = 20

    medical = workbook.create_sheet("Medical")
    medical.sheet_state = "veryHidden"
    medical.append(["Pupil", "DOB", "Condition", "Action"])
    medical.append(
        ["Rory Penhallow", dt.datetime(2015, 2, 11), "Asthma", "Inhaler with Mrs Castell"]
    )

    workbook.defined_names["TripLead"] = DefinedName("TripLead", attr_text=f'"{TRIP_LEAD}"')
    workbook.properties.creator = TRIP_LEAD
    workbook.properties.lastModifiedBy = TRIP_LEAD
    workbook.properties.title = "Y5 trip consent"
    workbook.custom_doc_props.append(StringProperty(name="Owner", value=TRIP_LEAD))
    workbook.save(path)


SEN_ROWS = [
    "UPN;Legal surname;Legal forename;Year;SEN status;Primary need;Key worker;Notes",
    "H801200300401;Lefèvre;Zoë;3;K;SLCN;Mrs Dúnlaith Moran;Zoë uses a visual timetable",
    "H801200300402;Ní Bhriain;Aoife;4;E;ASD;Mr Tobias Renwick;"
    '"EHCP review due; mum (Sinéad Ní Bhriain) to attend"',
    "H801200300403;Kowalczyk;Bartłomiej;5;K;SEMH;Mrs Dúnlaith Moran;Check-in each morning",
    "H801200300404;García;Inés;6;K;SpLD;Mr Tobias Renwick;Reader for tests",
]


def sen_register(path: Path) -> None:
    # "ł" has no Windows-1252 code: a real export would have dropped it, so we do too.
    text = "\r\n".join(SEN_ROWS).replace("ł", "l") + "\r\n"
    path.write_bytes(text.encode("cp1252"))


def main() -> None:
    trip_register(HERE / "trip-register.xlsx")
    sen_register(HERE / "sen-register.csv")
    print(f"wrote {HERE / 'trip-register.xlsx'} and {HERE / 'sen-register.csv'}")


if __name__ == "__main__":
    main()
