"""A returned workbook comes from outside the team: reading one is bounded and inert. Each
hostile file is refused with a clear message, and nothing is applied."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLE_PLANS, run_cli, snapshot
from workbooks import libreoffice_resave, rows_by_ref

from ragplan.errors import SpreadsheetError
from ragplan.sheets import workbook
from ragplan.sheets.workbook import read_workbook


@pytest.fixture
def plans(in_tmp: Path) -> Path:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    assert run_cli("collect", "export", "plans", "--out", "returns").code == 0
    return in_tmp / "plans"


def rezip(source: Path, target: Path, replace: dict[str, bytes], add: dict[str, bytes]) -> Path:
    """`source` with some parts replaced and others added, as an attacker would craft it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info)))
        for name, data in add.items():
            new.writestr(name, data)
    return target


def refused_apply(plans: Path, workbook_path: Path) -> str:
    """Apply a hostile workbook: refused, exit 1, the plan files untouched."""
    before = snapshot(plans)
    run = run_cli("collect", "apply", workbook_path, "plans")
    assert run.code == 1, run.err
    assert snapshot(plans) == before
    lines = run.err.splitlines()
    assert lines[-1] == "ragplan: error: 1 of 1 workbook refused; nothing from it was applied"
    return lines[1].strip()


def test_a_zip_bomb_is_refused_before_it_is_opened(plans: Path) -> None:
    bomb = Path("bomb.xlsx")
    shutil.copy("returns/ad-csc.xlsx", bomb)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/image1.png", "w") as part:
            for _ in range(110):
                part.write(bytes(1_000_000))
    assert bomb.stat().st_size < 1_000_000  # small on disk, 110 MB once expanded
    assert refused_apply(plans, bomb) == (
        "bomb.xlsx would expand to 110 MB, over the 100 MB limit (a zip bomb?); it was not opened"
    )


XXE = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def with_entity(doctype: bytes, entity: bytes) -> dict[str, bytes]:
    """The Updates sheet's XML declaring entities, and a cell that uses one."""
    with zipfile.ZipFile("returns/ad-csc.xlsx") as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    head, sep, rest = sheet.partition(b"?>")
    if not sep:  # no XML declaration: the DOCTYPE goes first
        head, rest = b"", sheet
    rest = rest.replace(b"Lead Body", entity, 1)
    return {"xl/worksheets/sheet1.xml": head + sep + doctype + rest}


@pytest.mark.parametrize(
    ("doctype", "entity"), [(XXE, b"&xxe;"), (LAUGHS, b"&lol3;")], ids=["external", "laughs"]
)
def test_xml_entities_are_refused(plans: Path, doctype: bytes, entity: bytes) -> None:
    crafted = rezip(
        Path("returns/ad-csc.xlsx"), Path("crafted.xlsx"), with_entity(doctype, entity), {}
    )
    assert refused_apply(plans, crafted) == (
        "crafted.xlsx: its part xl/worksheets/sheet1.xml declares a DOCTYPE or XML entities, which "
        "no spreadsheet program writes (an XML entity attack?); it was not opened"
    )


def test_defusedxml_refuses_entities_even_past_ragplans_own_check(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl parses with defusedxml: with ragplan's own scan turned off, the entity is
    still never expanded."""
    import re

    monkeypatch.setattr(workbook, "_DOCTYPE", re.compile(rb"(?!)"))
    crafted = rezip(
        Path("returns/ad-csc.xlsx"), Path("crafted.xlsx"), with_entity(XXE, b"&xxe;"), {}
    )
    with pytest.raises(
        SpreadsheetError, match=r"declares entities or a DOCTYPE \(EntitiesForbidden\)"
    ):
        read_workbook(crafted)


def test_a_sheet_with_more_rows_than_a_plan_needs_is_refused(plans: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Updates")
    for number in range(20_001):
        ws.append([number])
    wb.save("huge.xlsx")
    with pytest.raises(SpreadsheetError) as raised:
        read_workbook(Path("huge.xlsx"))
    assert raised.value.message == (
        "huge.xlsx: sheet Updates holds 20001 rows and 20001 cells, over the 20000 rows or "
        "500000 cells a plan needs; it was not opened"
    )


def test_a_cell_far_beyond_any_plan_is_refused(plans: Path) -> None:
    def far(ws: openpyxl.worksheet.worksheet.Worksheet) -> None:
        ws["XFD1048576"] = "hello"

    wb = openpyxl.load_workbook("returns/ad-csc.xlsx")
    far(wb["Updates"])
    wb.save("far.xlsx")
    assert refused_apply(plans, Path("far.xlsx")) == (
        "far.xlsx: sheet Updates reaches row 1048576, column 16384, beyond the 20000 rows and "
        "100 columns a plan needs; delete what is below or to the right of the plan (or save "
        "only its rows)"
    )


def test_a_file_over_the_size_limit_is_refused_unread(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_FILE_MB", 0.001)
    assert refused_apply(plans, Path("returns/ad-csc.xlsx")).startswith(
        "returns/ad-csc.xlsx is 0.0 MB, over the 0.001 MB a plan's workbook needs"
    )


def test_formulas_are_never_calculated_a_formula_in_a_return_is_refused(
    plans: Path, in_tmp: Path
) -> None:
    """Even with a value stored by LibreOffice, a formula where a status should be typed
    is refused: ragplan reads no formula as if it were what a person wrote."""
    wb = openpyxl.load_workbook("returns/ad-csc.xlsx")
    ws = wb["Updates"]
    ws.cell(row=rows_by_ref(ws)["1.3.6.1"], column=6).value = '=IF(1=1,"Green","Red")'
    wb.save("formula.xlsx")
    saved = libreoffice_resave(Path("formula.xlsx"), in_tmp / "lo")
    assert openpyxl.load_workbook(saved, data_only=True)["Updates"]["F8"].value == "Green"
    assert refused_apply(plans, saved) == (
        'Updates!F8: holds a formula (=IF(1=1,"Green","Red")); ragplan never calculates '
        "formulas: type the RAG Rating itself"
    )


def test_a_macro_workbook_is_refused_back_and_imported_as_data_only(plans: Path) -> None:
    macro = rezip(
        Path("returns/ad-csc.xlsx"),
        Path("returns/ad-csc.xlsm"),
        {},
        {"xl/vbaProject.bin": b'\xd0\xcf\x11\xe0 Sub Workbook_Open(): Shell "calc": End Sub'},
    )
    assert refused_apply(plans, macro) == (
        "returns/ad-csc.xlsm holds macros (a VBA project); ragplan never runs them and does "
        "not accept a macro workbook back: save it as an Excel Workbook (.xlsx) and try again"
    )
    tracker = io.BytesIO()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ref", "Action", "Status", "Notes"])
    ws.append(["1.1", "Do it", "Done", "ok"])
    wb.save(tracker)
    Path("plain.xlsx").write_bytes(tracker.getvalue())
    rezip(Path("plain.xlsx"), Path("tracker.xlsm"), {}, {"xl/vbaProject.bin": b"macro"})
    run = run_cli("import", "tracker.xlsm", "--to", "imported")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == (
        "tracker.xlsm holds macros: they were not run; only values were read"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "old.xlsx is an Excel 97-2003 (.xls) or password-protected workbook; save it as an "
            "Excel Workbook (.xlsx) without a password",
        ),
        (b"PK\x05\x06" + bytes(18), "old.xlsx is a zip archive but not an .xlsx workbook"),
    ],
    ids=["xls", "empty-zip"],
)
def test_files_that_are_no_xlsx_are_unreadable_with_exit_3(
    plans: Path, data: bytes, message: str
) -> None:
    Path("old.xlsx").write_bytes(data)
    run = run_cli("collect", "apply", "old.xlsx", "plans")
    assert (run.code, run.err) == (3, f"ragplan: error: {message}\n")
