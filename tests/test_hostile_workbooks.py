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
        "huge.xlsx: sheet Updates reaches row 20001, column 1, beyond the 20000 rows and 100 "
        "columns a plan needs; delete what is below or to the right of the plan (or save only "
        "its rows)"
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
            "Excel Workbook (.xlsx) without a password (open it in LibreOffice Calc or Excel and "
            "save it as Excel 2007-365 (.xlsx) in the same folder, or run `soffice --headless "
            "--convert-to xlsx --outdir . old.xlsx`, then use the .xlsx)",
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


# Bombs of a few kilobytes, written at the XML level inside the zip. Each is refused (or read
# at the cost of the cells it really holds) within a bounded amount of memory, measured in a
# child process that runs the command and reports its own peak.

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PEAK_MB = 500


def peak_of(*args: str) -> tuple[int, str, int]:
    """Run `ragplan ARGS` in a child Python; its exit code, stderr and peak memory in MB."""
    import subprocess
    import sys

    probe = (
        "import resource, sys\n"
        "from ragplan.cli import run\n"
        "code = run(sys.argv[1:])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "print(f'PEAK {peak}', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
    )
    lines = done.stderr.splitlines()
    peak = int(lines[-1].split()[1])
    return done.returncode, "\n".join(lines[:-1]), peak


def sheet_xml(body: str, merges: str = "", prefix: str = "") -> bytes:
    """A worksheet part: `body` inside sheetData, `merges` after it."""
    ns = f' xmlns:{prefix}="{MAIN_NS}"' if prefix else f' xmlns="{MAIN_NS}"'
    p = f"{prefix}:" if prefix else ""
    merged = f"<{p}mergeCells>{merges}</{p}mergeCells>" if merges else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet{ns}><{p}sheetData>{body}'
        f"</{p}sheetData>{merged}</{p}worksheet>"
    ).encode()


def with_sheets(source: Path, target: Path, sheets: dict[str, bytes]) -> Path:
    """`source` with more worksheets, each registered in the workbook, its relationships
    and the content types, as a person editing the zip by hand would add them."""
    with zipfile.ZipFile(source) as old:
        book = old.read("xl/workbook.xml").decode()
        rels = old.read("xl/_rels/workbook.xml.rels").decode()
        types = old.read("[Content_Types].xml").decode()
    add = {}
    for number, (name, xml) in enumerate(sheets.items(), 50):
        part = f"xl/worksheets/sheet{number}.xml"
        add[part] = xml
        book = book.replace(
            "</sheets>",
            f'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
            f' name="{name}" sheetId="{number}" r:id="rIdX{number}"/></sheets>',
        )
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="/{part}" Id="rIdX{number}"/></Relationships>',
        )
        types = types.replace(
            "</Types>",
            f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
    replace = {
        "xl/workbook.xml": book.encode(),
        "xl/_rels/workbook.xml.rels": rels.encode(),
        "[Content_Types].xml": types.encode(),
    }
    return rezip(source, target, replace, add)


def test_one_merged_range_over_the_whole_sheet_is_refused_naming_the_sheet(plans: Path) -> None:
    with zipfile.ZipFile("returns/ad-csc.xlsx") as archive:
        updates = archive.read("xl/worksheets/sheet1.xml")
    bomb = updates.replace(
        b"</sheetData>",
        b'</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>',
        1,
    )
    crafted = rezip(
        Path("returns/ad-csc.xlsx"), Path("merged.xlsx"), {"xl/worksheets/sheet1.xml": bomb}, {}
    )
    assert crafted.stat().st_size < 40_000
    code, err, peak = peak_of("collect", "apply", "merged.xlsx", "plans")
    assert code == 1 and peak < PEAK_MB, (code, peak)
    assert err.splitlines()[1] == (
        "  merged.xlsx: sheet Updates merges A3:XFD1048576, beyond the 20000 rows and 100 "
        "columns a plan needs; unmerge those cells"
    )


def test_too_many_merged_ranges_are_refused(plans: Path) -> None:
    merges = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(1, 10_002))
    crafted = with_sheets(
        Path("returns/ad-csc.xlsx"), Path("merges.xlsx"), {"Notes": sheet_xml("", merges)}
    )
    assert refused_apply(plans, crafted) == (
        "merges.xlsx: sheet Notes has more than 10000 merged ranges, more than a plan needs; "
        "it was not opened"
    )


def test_far_cells_beside_a1_cost_only_the_cells_they_hold(plans: Path) -> None:
    """A cell at CV20000 beside A1 on each of five sheets: within the limits, so the return
    is read, and only the cells it holds are read (no grid of 20,000 by 100)."""
    far = sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        '<row r="20000"><c r="CV20000"><v>1</v></c></row>'
    )
    crafted = with_sheets(
        Path("returns/ad-csc.xlsx"),
        Path("returns/far.xlsx"),
        {f"Far {n}": far for n in range(1, 6)},
    )
    assert crafted.stat().st_size < 50_000
    code, err, peak = peak_of("collect", "apply", "returns/far.xlsx", "plans", "--dry-run")
    assert code == 0, err
    assert peak < PEAK_MB
    import_code, import_err, import_peak = peak_of("import", "returns/far.xlsx", "--to", "imported")
    assert import_peak < PEAK_MB, import_err
    assert import_code in (0, 4), import_err  # read; what it makes of the sheets is import's


def test_rows_and_cells_under_a_namespace_prefix_are_counted_too(plans: Path) -> None:
    rows = "".join(f'<x-y:row r="{r}"><x-y:c r="A{r}" s="0"/></x-y:row>' for r in range(1, 20_002))
    crafted = with_sheets(
        Path("returns/ad-csc.xlsx"), Path("prefixed.xlsx"), {"Rows": sheet_xml(rows, prefix="x-y")}
    )
    assert refused_apply(plans, crafted) == (
        "prefixed.xlsx: sheet Rows holds more than 20000 rows or 500000 cells, more than a "
        "plan needs; it was not opened"
    )


def test_a_prefixed_sheet_within_the_limits_is_read_as_its_program_would(plans: Path) -> None:
    body = '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>hello</x:t></x:is></x:c></x:row>'
    crafted = with_sheets(
        Path("returns/ad-csc.xlsx"), Path("prefixed.xlsx"), {"Extra": sheet_xml(body, prefix="x")}
    )
    extra = read_workbook(crafted).sheet("Extra")
    assert extra is not None and extra.cell(2, 2).value == "hello"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            '<row r="1"><c r="A1"><v>1</v></c></row>' + "<x/>" * 2_990_000,
            "sheet Junk holds more than 100,000 XML elements that are not cells",
        ),
        (
            '<row r="1"><c r="A1"><v>1</v></c>' + "<x/>" * 200_000 + "</row>",
            "sheet Junk holds more than 100,000 XML elements that are not cells",
        ),
        (
            '<row r="1"><c r="A1" t="inlineStr"><is>'
            + "<x/>" * 200_000
            + "<t>a</t></is></c></row>",
            "sheet Junk holds a cell (A1) holding more than 1000 XML elements",
        ),
    ],
    ids=["beside-rows", "in-a-row", "in-a-cell"],
)
def test_a_flood_of_elements_no_program_reads_is_refused_in_bounded_memory(
    plans: Path, body: str, problem: str
) -> None:
    """Elements openpyxl would build and keep, though no cell holds them: 2.9 million
    beside the rows took 24 s and 570 MB of a dry run before this limit."""
    crafted = with_sheets(
        Path("returns/ad-csc.xlsx"), Path("returns/junk.xlsx"), {"Junk": sheet_xml(body)}
    )
    code, err, peak = peak_of("collect", "apply", str(crafted), "plans", "--dry-run")
    assert code == 1 and peak < PEAK_MB, (code, peak)
    assert err.splitlines()[1] == (
        f"  returns/junk.xlsx: {problem}, more than a plan needs (an XML bomb?); it was not opened"
    )


def test_tags_beyond_the_workbooks_budget_are_refused_before_any_parser(plans: Path) -> None:
    crafted = with_sheets(
        Path("returns/ad-csc.xlsx"),
        Path("returns/junk.xlsx"),
        {"Junk": sheet_xml("<x/>" * 3_000_001)},
    )
    assert refused_apply(plans, crafted) == (
        "returns/junk.xlsx: its XML holds more than 3,000,000 tags (by part "
        "xl/worksheets/sheet50.xml), more than a plan's workbook needs (an XML bomb?); it was "
        "not opened"
    )


def test_a_large_plain_sheet_is_read_whole(plans: Path) -> None:
    """20,000 rows of 10 values: within every limit, read in full."""
    rows = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABCDEFGHIJ") + "</row>"
        for r in range(1, 20_001)
    )
    crafted = with_sheets(Path("returns/ad-csc.xlsx"), Path("big.xlsx"), {"Big": sheet_xml(rows)})
    big = read_workbook(crafted).sheet("Big")
    assert big is not None and len(big.rows) == 20_000 and big.width == 10
    assert big.cell(20_000, 10).value == 20_000
