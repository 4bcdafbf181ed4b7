"""Excel workbooks: every place a workbook holds text is read and cleaned, the structure is kept,
and parts that cannot be cleaned make the file fail closed (or are removed on request)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Font
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter, CustomFilter, CustomFilters, FilterColumn
from openpyxl.worksheet.scenario import InputCells, Scenario, ScenarioList
from openpyxl.worksheet.table import Table

from redactor.errors import InputError, UnsupportedContentError
from redactor.ingest.columns import CellLocator
from redactor.ingest.xlsx import read
from redactor.settings import Settings
from sheet_builders import (
    add_part,
    add_threaded_comment,
    link_to_other_workbook,
    package_text,
    part_names,
    register,
    save,
)

CHILD = "Tamsin Oakes"
ADULT = "Gideon Farrow"


def _redact(fake_redactor, terms, src: Path, out: Path, **settings):
    redactor = fake_redactor(terms, **settings)
    return redactor.redact_file(src, out)


def _pupils():
    return register(
        ["Pupil", "Class", "Parent", "Mobile", "Notes"],
        [
            [CHILD, "4B", ADULT, "07700 900123", f"{ADULT} collects on Fridays"],
            ["Rufus Pennington", "4B", "n/a", "07700 900456", "Walks home"],
        ],
    )


# -- reading: hints and groups ---------------------------------------------------------------------


def test_reader_hints_columns_and_groups_rows(tmp_path: Path) -> None:
    src = save(_pupils(), tmp_path / "pupils.xlsx")
    document = read(src, Settings())
    assert document.format == "xlsx"
    by_cell = {
        s.locator.cell: s
        for s in document.segments
        if isinstance(s.locator, CellLocator) and s.locator.kind == "cell"
    }
    assert by_cell["A1"].hint is None  # header cells are not hinted
    assert by_cell["A2"].hint == "CHILD"
    assert by_cell["C2"].hint == "ADULT"
    assert by_cell["D2"].hint == "PHONE"
    assert by_cell["B2"].hint is None  # class
    assert by_cell["E2"].hint is None  # free text: full detection
    assert by_cell["C3"].hint is None  # "n/a" placeholder
    assert by_cell["A2"].group == by_cell["E2"].group != by_cell["A3"].group


def test_header_below_a_title_row_and_dates(tmp_path: Path) -> None:
    workbook = register(["Medication log, spring term"], [])
    ws = workbook.active
    ws.append([])
    ws.append(["Surname", "DOB", "Date given", "Dose"])
    ws.append(["Oakes", dt.datetime(2016, 3, 9), dt.datetime(2025, 1, 14), 5])
    document = read(save(workbook, tmp_path / "log.xlsx"), Settings())
    cells = {s.locator.cell: s for s in document.segments if s.locator.kind == "cell"}
    assert cells["A4"].hint == "CHILD"
    assert (cells["B4"].text, cells["B4"].hint) == ("09/03/2016", "DOB")
    assert cells["C4"].hint is None
    assert "D4" not in cells  # a small number in a column that is not personal


# -- every place is cleaned ------------------------------------------------------------------------


def test_cells_on_every_sheet_and_hidden_rows_and_columns(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    ws = workbook.active
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["C"].hidden = True
    hidden = workbook.create_sheet("Contacts")
    hidden.sheet_state = "hidden"
    hidden.append(["Name", "Phone"])
    hidden.append([ADULT, "07700 900123"])
    very = workbook.create_sheet("Archive")
    very.sheet_state = "veryHidden"
    very.append(["Notes"])
    very.append([f"Spoke to {CHILD} about the trip"])
    src = save(workbook, tmp_path / "in.xlsx")

    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {CHILD: "CHILD", ADULT: "ADULT"}, src, out)

    text = package_text(out)
    assert CHILD not in text and ADULT not in text
    result = load_workbook(out)
    assert result["Contacts"].sheet_state == "hidden"
    assert result["Archive"].sheet_state == "veryHidden"
    assert result["Register"].row_dimensions[3].hidden
    assert result["Register"].column_dimensions["C"].hidden
    assert result["Register"]["A3"].value == "Rufus Pennington"  # not found, not changed


def test_same_person_same_tag_across_sheets_and_comments(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    workbook.active["B2"].comment = Comment(f"{CHILD} moved class in March", "Office")
    other = workbook.create_sheet("Trips")
    other.append(["Pupil", "Paid"])
    other.append([CHILD, "yes"])
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {CHILD: "CHILD"}, src, out)
    result = load_workbook(out)
    tag = result["Register"]["A2"].value
    assert tag.startswith("[CHILD")
    assert result["Trips"]["A2"].value == tag
    assert result["Register"]["B2"].comment.text == f"{tag} moved class in March"


def test_comments_and_their_authors(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    workbook.active["E3"].comment = Comment(f"Rang {ADULT} twice", ADULT)
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {ADULT: "ADULT"}, src, out)
    comment = load_workbook(out).active["E3"].comment
    assert comment.text.startswith("Rang [ADULT")
    assert ADULT not in comment.author
    assert ADULT not in package_text(out)


def test_sheet_names_are_renamed_everywhere_they_are_used(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    tab = workbook.create_sheet(CHILD)
    tab.append(["Target", "Score"])
    tab.append(["Reading", 7])
    summary = workbook.active
    summary["G1"] = f"='{CHILD}'!B2*2"
    workbook.defined_names["ReadingScore"] = DefinedName(
        "ReadingScore", attr_text=f"'{CHILD}'!$B$2"
    )
    summary["H1"].hyperlink = f"#'{CHILD}'!A1"
    src = save(workbook, tmp_path / "in.xlsx")

    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {CHILD: "CHILD"}, src, out)

    result = load_workbook(out)
    new_title = result.sheetnames[1]
    assert CHILD not in new_title and "CHILD" in new_title
    assert result.active["G1"].value == f"='{new_title}'!B2*2"  # still a working reference
    assert result.defined_names["ReadingScore"].attr_text == f"'{new_title}'!$B$2"
    assert result.active["H1"].hyperlink.target == f"#'{new_title}'!A1"
    assert CHILD not in package_text(out)


def test_headers_and_footers(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    ws = workbook.active
    ws.oddHeader.center.text = f"Support plan: {CHILD}"
    ws.oddFooter.right.text = f"Printed by {ADULT}"
    ws.firstHeader.left.text = f"{CHILD}"
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {CHILD: "CHILD", ADULT: "ADULT"}, src, out)
    ws = load_workbook(out).active
    assert ws.oddHeader.center.text.startswith("Support plan: [CHILD")
    assert ws.oddFooter.right.text.startswith("Printed by [ADULT")
    assert CHILD not in package_text(out) and ADULT not in package_text(out)


def test_hyperlinks(fake_redactor, tmp_path, tmp_out) -> None:
    email = "g.farrow@example.org"
    workbook = _pupils()
    cell = workbook.active["F2"]
    cell.value = "email parent"
    cell.hyperlink = f"mailto:{email}"
    cell.hyperlink.tooltip = f"Write to {ADULT}"
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {email: "EMAIL", ADULT: "ADULT"}, src, out)
    link = load_workbook(out).active["F2"].hyperlink
    assert link.target.startswith("mailto:[EMAIL")
    assert email not in package_text(out) and ADULT not in package_text(out)


def test_data_validation_lists_and_messages(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    validation = DataValidation(
        type="list", formula1=f'"{ADULT},Office,Head"', prompt=f"Ask {ADULT} first"
    )
    validation.add("F2:F10")
    workbook.active.add_data_validation(validation)
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {ADULT: "ADULT"}, src, out)
    kept = load_workbook(out).active.data_validations.dataValidation[0]
    assert kept.formula1.startswith('"[ADULT') and kept.formula1.endswith(',Office,Head"')
    assert ADULT not in package_text(out)


def test_defined_names_values_and_names(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    workbook.defined_names["TripLead"] = DefinedName("TripLead", attr_text=f'"{ADULT}"')
    workbook.defined_names["Oakes_total"] = DefinedName("Oakes_total", attr_text="Register!$B$2")
    workbook.active["G2"] = "=Oakes_total"
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {ADULT: "ADULT", "Oakes_total": "CHILD"}, src, out)
    result = load_workbook(out)
    assert result.defined_names["TripLead"].attr_text.startswith('"[ADULT')
    renamed = [n for n in result.defined_names if n.startswith("Redacted_")]
    assert len(renamed) == 1
    assert result.active["G2"].value == f"={renamed[0]}"  # the formula follows the rename
    assert ADULT not in package_text(out) and "Oakes_total" not in package_text(out)


def test_document_and_custom_properties(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    workbook.properties.creator = ADULT
    workbook.properties.lastModifiedBy = ADULT
    workbook.properties.title = f"Plan for {CHILD}"
    workbook.custom_doc_props.append(StringProperty(name="Owner", value=ADULT))
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {ADULT: "ADULT", CHILD: "CHILD"}, src, out)
    result = load_workbook(out)
    assert result.properties.creator.startswith("[ADULT")
    assert result.properties.title.startswith("Plan for [CHILD")
    assert result.custom_doc_props["Owner"].value.startswith("[ADULT")
    assert ADULT not in package_text(out) and CHILD not in package_text(out)


def test_conditional_formats_and_filters(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    ws = workbook.active
    rule = FormulaRule(formula=[f'$A2="{CHILD}"'], font=Font(bold=True))
    ws.conditional_formatting.add("A2:E10", rule)
    ws.auto_filter.ref = "A1:E3"
    ws.auto_filter.add_filter_column(0, [CHILD])
    table_sheet = workbook.create_sheet("Trips")
    table_sheet.append(["Pupil", "Paid"])
    table_sheet.append([CHILD, "yes"])
    table = Table(displayName="TripList", ref="A1:B2")
    table_sheet.add_table(table)
    table._initialise_columns()
    custom = CustomFilters(customFilter=[CustomFilter(operator="equal", val=CHILD)])
    table.autoFilter = AutoFilter(ref="A1:B2", filterColumn=[FilterColumn(0, customFilters=custom)])
    src = save(workbook, tmp_path / "in.xlsx")
    assert package_text(src).count(CHILD) >= 5  # cell x2, rule, sheet filter, table filter

    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {CHILD: "CHILD"}, src, out)
    assert CHILD not in package_text(out)
    result = load_workbook(out)
    formatted = next(iter(result.active.conditional_formatting))
    assert formatted.rules[0].formula[0].startswith('$A2="[CHILD')
    assert result.active.auto_filter.filterColumn[0].filters.filter[0].startswith("[CHILD")
    kept = result["Trips"].tables["TripList"].autoFilter.filterColumn[0]
    assert kept.customFilters.customFilter[0].val.startswith("[CHILD")


def test_what_if_scenarios(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    scenario = Scenario(
        name="Best case",
        user=ADULT,
        comment=f"Set up by {ADULT}",
        inputCells=[InputCells(r="C2", val=ADULT)],
    )
    workbook.active.scenarios = ScenarioList(scenario=[scenario])
    src = save(workbook, tmp_path / "in.xlsx")
    assert ADULT in package_text(src)
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {ADULT: "ADULT"}, src, out)
    assert ADULT not in package_text(out)
    assert load_workbook(out).active.scenarios.scenario[0].name == "Best case"


def test_a_removed_name_left_in_an_unread_place_fails_closed(
    fake_redactor, tmp_path, tmp_out, monkeypatch
) -> None:
    import redactor.ingest.xlsx as reader

    monkeypatch.setattr(reader, "attribute_places", lambda ws: [])  # forget filters, scenarios
    workbook = _pupils()
    workbook.active.auto_filter.ref = "A1:E3"
    workbook.active.auto_filter.add_filter_column(0, [CHILD])
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    with pytest.raises(UnsupportedContentError, match="still present") as caught:
        _redact(fake_redactor, {CHILD: "CHILD"}, src, out)
    assert CHILD not in str(caught.value)
    assert not out.exists()


# -- formulas --------------------------------------------------------------------------------------


def test_formulas(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    ws = workbook.active
    ws["G2"] = '=A2&" (4B)"'  # refers to a redacted cell: unchanged
    ws["G3"] = f'=IF(A2="{CHILD}","yes","no")'  # name in a string: replaced inside it
    ws["G4"] = f"=LEN({CHILD.split()[0]})"  # name outside a string: becomes text
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    done = _redact(fake_redactor, {CHILD: "CHILD", CHILD.split()[0]: "CHILD"}, src, out)
    assert any(n.startswith("1 formula(s) replaced") for n in done.document.info["notes"])
    result = load_workbook(out).active
    assert result["G2"].value == '=A2&" (4B)"' and result["G2"].data_type == "f"
    assert result["G3"].data_type == "f"
    assert (
        result["G3"].value.startswith('=IF(A2="[CHILD') and result["A2"].value in result["G3"].value
    )
    assert result["G4"].data_type == "s" and result["G4"].value.startswith("=LEN([CHILD")
    assert "Tamsin" not in package_text(out)


# -- structure kept --------------------------------------------------------------------------------


def test_formats_widths_and_types_are_kept(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = _pupils()
    ws = workbook.active
    ws["A2"].font = Font(bold=True, color="FF0000")
    ws["A2"].number_format = "@"
    ws.column_dimensions["A"].width = 31
    ws.freeze_panes = "A2"
    ws.merge_cells("F1:G1")
    ws["B5"] = 42
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {CHILD: "CHILD"}, src, out)
    result = load_workbook(out).active
    assert result["A2"].font.bold and result["A2"].font.color.rgb == "00FF0000"
    assert result["A2"].number_format == "@"
    assert result.column_dimensions["A"].width == 31
    assert result.freeze_panes == "A2"
    assert "F1:G1" in {str(r) for r in result.merged_cells.ranges}
    assert result["B5"].value == 42
    assert result["A2"].value != CHILD


def test_table_column_names_follow_redacted_headers(fake_redactor, tmp_path, tmp_out) -> None:
    workbook = register([f"{CHILD} targets", "Score"], [["Reading", 7], ["Maths", 6]])
    workbook.active.add_table(Table(displayName="Targets", ref="A1:B3"))
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    _redact(fake_redactor, {CHILD: "CHILD"}, src, out)
    result = load_workbook(out).active
    header = result["A1"].value
    assert result.tables["Targets"].tableColumns[0].name == header
    assert CHILD not in package_text(out)


# -- fail closed -----------------------------------------------------------------------------------

_UNSUPPORTED = [
    (
        "xl/vbaProject.bin",
        b"\xd0\xcf\x11\xe0macro",
        "application/vnd.ms-office.vbaProject",
        "macros",
    ),
    (
        "xl/pivotCache/pivotCacheRecords1.xml",
        f"<pivotCacheRecords><r><s v='{CHILD}'/></r></pivotCacheRecords>".encode(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
        "pivot",
    ),
    (
        "xl/externalLinks/externalLink1.xml",
        b"<externalLink/>",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
        "other workbooks",
    ),
    (
        "xl/embeddings/oleObject1.bin",
        CHILD.encode(),
        "application/vnd.openxmlformats-officedocument.oleObject",
        "embedded",
    ),
    ("customXml/item1.xml", f"<x>{CHILD}</x>".encode(), None, "custom XML"),
]


@pytest.mark.parametrize(("part", "data", "content_type", "words"), _UNSUPPORTED)
def test_unsupported_parts_fail_closed(
    fake_redactor, tmp_path, tmp_out, part, data, content_type, words
) -> None:
    src = save(_pupils(), tmp_path / "in.xlsx")
    add_part(src, part, data, content_type)
    out = tmp_out / "in.xlsx"
    with pytest.raises(UnsupportedContentError) as caught:
        _redact(fake_redactor, {CHILD: "CHILD"}, src, out)
    assert words in str(caught.value) and "--drop-unsupported" in str(caught.value)
    assert CHILD not in str(caught.value)
    assert not out.exists()


@pytest.mark.parametrize(("part", "data", "content_type", "words"), _UNSUPPORTED)
def test_unsupported_parts_are_dropped_on_request(
    fake_redactor, tmp_path, tmp_out, part, data, content_type, words
) -> None:
    src = save(_pupils(), tmp_path / "in.xlsx")
    add_part(src, part, data, content_type)
    out = tmp_out / "in.xlsx"
    result = _redact(fake_redactor, {CHILD: "CHILD"}, src, out, drop_unsupported=True)
    assert part not in part_names(out)
    assert CHILD not in package_text(out)
    assert any(words in note for note in result.document.info["notes"])


def test_links_to_other_workbooks_keep_only_cleaned_cached_values(
    fake_redactor, tmp_path, tmp_out
) -> None:
    workbook = _pupils()
    workbook.active["G2"] = "=[1]Contacts!A1"
    src = save(workbook, tmp_path / "in.xlsx")
    link_to_other_workbook(src, "G2", f"Ring {ADULT}")
    assert load_workbook(src, data_only=True).active["G2"].value == f"Ring {ADULT}"
    with pytest.raises(UnsupportedContentError, match="other workbooks"):
        _redact(fake_redactor, {ADULT: "ADULT"}, src, tmp_out / "a.xlsx")

    out = tmp_out / "b.xlsx"
    _redact(fake_redactor, {ADULT: "ADULT"}, src, out, drop_unsupported=True)
    assert not [n for n in part_names(out) if "externalLink" in n]
    cell = load_workbook(out).active["G2"]
    assert cell.data_type == "s" and cell.value.startswith("Ring [ADULT")
    assert ADULT not in package_text(out)


def test_an_xlsm_without_its_macros_is_still_an_xlsm(fake_redactor, tmp_path, tmp_out) -> None:
    src = save(_pupils(), tmp_path / "in.xlsm")
    add_part(src, "xl/vbaProject.bin", b"macro", "application/vnd.ms-office.vbaProject")
    out = tmp_out / "in.xlsm"
    _redact(fake_redactor, {CHILD: "CHILD"}, src, out, drop_unsupported=True)
    types = package_text(out).split("--- [Content_Types].xml")[1]
    assert "macroEnabled.main+xml" in types and "xl/vbaProject.bin" not in part_names(out)
    assert load_workbook(out).active["A2"].value.startswith("[CHILD")


def test_threaded_comments_with_their_note_copy_are_kept_as_notes(
    fake_redactor, tmp_path, tmp_out
) -> None:
    workbook = _pupils()
    workbook.active["B2"].comment = Comment(f"[Threaded comment] {ADULT} rang", "tc=1")
    src = save(workbook, tmp_path / "in.xlsx")
    add_threaded_comment(src, "B2", f"{ADULT} rang", ADULT)
    out = tmp_out / "in.xlsx"
    result = _redact(fake_redactor, {ADULT: "ADULT"}, src, out)
    assert any("threaded comments kept as notes" in n for n in result.document.info["notes"])
    assert not [n for n in part_names(out) if "threaded" in n.lower() or "persons" in n]
    assert load_workbook(out).active["B2"].comment.text.endswith("[ADULT 1] rang")
    assert ADULT not in package_text(out)


def test_threaded_comments_without_a_note_copy_fail_closed(
    fake_redactor, tmp_path, tmp_out
) -> None:
    src = save(_pupils(), tmp_path / "in.xlsx")
    add_threaded_comment(src, "B2", f"{ADULT} rang", ADULT)
    with pytest.raises(UnsupportedContentError, match="threaded comment"):
        _redact(fake_redactor, {ADULT: "ADULT"}, src, tmp_out / "in.xlsx")


def test_pictures_fail_closed_and_can_be_dropped(fake_redactor, tmp_path, tmp_out) -> None:
    from openpyxl.drawing.image import Image
    from PIL import Image as PILImage

    picture = tmp_path / "photo.png"
    PILImage.new("RGB", (4, 4), "red").save(picture)
    workbook = _pupils()
    workbook.active.add_image(Image(str(picture)), "H2")
    src = save(workbook, tmp_path / "in.xlsx")
    with pytest.raises(UnsupportedContentError, match="drawings"):
        _redact(fake_redactor, {CHILD: "CHILD"}, src, tmp_out / "a.xlsx")
    _redact(fake_redactor, {CHILD: "CHILD"}, src, tmp_out / "b.xlsx", drop_unsupported=True)
    assert not [n for n in part_names(tmp_out / "b.xlsx") if n.startswith("xl/media/")]


def test_damaged_and_protected_files_are_refused(fake_redactor, tmp_path, tmp_out) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    protected = tmp_path / "locked.xlsx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    for src in (broken, protected):
        with pytest.raises(InputError):
            _redact(fake_redactor, {CHILD: "CHILD"}, src, tmp_out / src.name)
        assert not (tmp_out / src.name).exists()


# -- with the real detector ------------------------------------------------------------------------


@pytest.mark.model
def test_column_hints_reach_the_real_detector(tmp_path, tmp_out) -> None:
    from redactor.pipeline import Redactor

    workbook = register(
        ["Surname", "Forename", "Class", "Parent/Carer", "Mobile", "Notes"],
        [
            [
                "Quist",
                "Ottilie",
                "3B",
                "Harriet Quist",
                "07700 900871",
                "Ottilie has a peanut allergy",
            ],
            [
                "Zhao",
                "Mei Lin",
                "3B",
                "Jun Zhao",
                "07700 900872",
                "Walks home with an older sibling",
            ],
        ],
    )
    src = save(workbook, tmp_path / "in.xlsx")
    out = tmp_out / "in.xlsx"
    result = Redactor().redact_file(src, out)
    text = package_text(out)
    values = ("Quist", "Ottilie", "Zhao", "Mei Lin", "Harriet", "Jun Zhao", "900871")
    survived = [i for i, value in enumerate(values) if value in text]
    assert survived == []  # indexes only: no personal data in test output
    assert "peanut allergy" in text and "3B" in text
    assert result.counts().get("PHONE") == 2
