"""Read an .xlsx workbook from outside the team, bounded and inert.

A returned workbook may be hostile. Before openpyxl sees it: the file's size,
the number of parts in its zip and the size they expand to are limited (a zip
bomb is refused unopened), XML that declares a DOCTYPE or entities is refused
(defusedxml, which openpyxl uses when it is installed, refuses it again while
parsing), and each sheet's XML is streamed once, counting its elements by
namespace URI, so that a sheet with more rows, cells or merged ranges than any
plan needs, or a value or merged range beyond a plan's size, is refused before
openpyxl reads it. openpyxl then streams only the rows and columns that hold
values, so a few bytes naming a far cell or a huge merged range cost nothing.
Formulas are never calculated: each cell gives the value its program last
stored, and the formula, so callers can report it.
Macros are never run; a workbook holding them is refused, or read as data only.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ragplan.errors import SpreadsheetError, UnreadablePathError
from ragplan.paths import display_path
from ragplan.sheets.grid import Cell, Grid, column_number, sheet_prefix

MAX_FILE_MB = 20  # a plan of 10,000 actions with long notes is about 3 MB as .xlsx
MAX_EXPANDED_MB = 100  # what all the parts of the zip may expand to
MAX_PARTS = 1_000
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELLS = 500_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and encrypted files
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
MAX_MERGED = 10_000
# SpreadsheetML's namespaces, transitional and strict: elements are counted by these URIs,
# whatever prefix a file binds to them.
_SHEET_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class Workbook:
    """The sheets of a workbook, in its order; `macros` when it holds a VBA project
    (never run)."""

    shown: str
    sheets: list[Grid]
    macros: bool

    def sheet(self, name: str) -> Grid | None:
        return next((s for s in self.sheets if s.name == name), None)


def read_workbook(path: Path, *, allow_macros: bool = False) -> Workbook:
    """Every sheet of the workbook at `path`, as plain values.

    Raises UnreadablePathError for a file that cannot be read or is no .xlsx
    workbook, SpreadsheetError for one that is refused (too large, a zip bomb, XML
    entities, a huge sheet, macros when not `allow_macros`).
    """
    shown = display_path(path)
    data = _read_bytes(path, shown)
    archive = _open_zip(data, path, shown)
    parts = _checked_parts(archive, path, shown)
    macros = any(PurePosixPath(name).name.lower() == "vbaproject.bin" for name in parts)
    if macros and not allow_macros:
        raise SpreadsheetError(
            f"{shown} holds macros (a VBA project); ragplan never runs them and does not "
            "accept a macro workbook back: save it as an Excel Workbook (.xlsx) and try again"
        )
    extents = _check_sheet_sizes(archive, parts, shown)
    import openpyxl
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise SpreadsheetError(
            f"{shown}: not read, because openpyxl is not using defusedxml (is it installed, "
            "and OPENPYXL_DEFUSEDXML unset?); without it a workbook's XML could expand entities"
        )
    with warnings.catch_warnings():
        # openpyxl warns about features it drops (extensions, slicers): only values are read.
        warnings.simplefilter("ignore")
        formulas = values = None
        try:
            # Read-only: rows are streamed and no cell is made for a gap or a merged range,
            # so what is read is bounded by the extent found above, not by what the file
            # declares.
            formulas = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_links=False
            )
            values = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
            sheets = [
                _grid(ws, formulas[ws.title], extents.get(ws.title, _Extent()))
                for ws in values.worksheets
            ]
        except SpreadsheetError:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise _refusal(exc, shown) from None
        finally:
            for book in (formulas, values):
                if book is not None:
                    book.close()
    return Workbook(shown, sheets, macros)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_MB * 1_000_000:
            raise SpreadsheetError(
                f"{shown} is {size / 1_000_000:.1f} MB, over the {MAX_FILE_MB} MB a plan's "
                "workbook needs; it was not opened"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_MB * 1_000_000 + 1)
    except FileNotFoundError:
        raise UnreadablePathError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise UnreadablePathError(f"{shown}: a folder, not a workbook") from None
    except OSError as exc:
        raise UnreadablePathError(f"{shown}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_MB * 1_000_000:  # it grew after stat
        raise SpreadsheetError(f"{shown} is over the {MAX_FILE_MB} MB limit; it was not opened")
    return data


def _open_zip(data: bytes, path: Path, shown: str) -> zipfile.ZipFile:
    if data.startswith(_OLE_MAGIC):
        raise UnreadablePathError(
            f"{shown} is an Excel 97-2003 (.xls) or password-protected workbook; save it as "
            f"an Excel Workbook (.xlsx) without a password ({conversion_step(path)})"
        )
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise UnreadablePathError(
            f"{shown} is not an .xlsx workbook (an .xlsx file is a zip archive); "
            "for a CSV file, name it .csv"
        ) from None


# Spreadsheets in a format ragplan does not read, and what it says to do with one.
OTHER_FORMATS = {
    ".ods": "an OpenDocument spreadsheet",
    ".fods": "a flat OpenDocument spreadsheet",
    ".xls": "an Excel 97-2003 workbook",
    ".xlsb": "an Excel binary workbook",
    ".numbers": "a Numbers spreadsheet",
}


def conversion_step(path: Path) -> str:
    """The exact step that makes an .xlsx of a spreadsheet ragplan cannot read.

    LibreOffice converts in about 2 s and 200 MB per file (measured on a return), and
    only where it is installed; reading .ods ourselves would need a bounded reader of
    its repeated rows and cells like the one for .xlsx, so the step is said instead."""
    folder = display_path(path.parent) if str(path.parent) not in ("", ".") else "."
    return (
        "open it in LibreOffice Calc or Excel and save it as Excel 2007-365 (.xlsx) in the "
        f"same folder, or run `soffice --headless --convert-to xlsx --outdir {folder} "
        f"{display_path(path)}`, then use the .xlsx"
    )


def _checked_parts(archive: zipfile.ZipFile, path: Path, shown: str) -> dict[str, zipfile.ZipInfo]:
    """The zip's parts by name, once their number and expanded size are known safe."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise SpreadsheetError(
            f"{shown} holds {len(infos)} parts, over the {MAX_PARTS} a workbook needs; "
            "it was not opened"
        )
    # zipfile stops each part at its declared size, so declared sizes bound what expands.
    expanded = sum(info.file_size for info in infos)
    if expanded > MAX_EXPANDED_MB * 1_000_000:
        raise SpreadsheetError(
            f"{shown} would expand to {expanded / 1_000_000:.0f} MB, over the "
            f"{MAX_EXPANDED_MB} MB limit (a zip bomb?); it was not opened"
        )
    parts = {info.filename: info for info in infos}
    if "mimetype" in parts and parts["mimetype"].file_size < 100:
        if b"opendocument.spreadsheet" in _part(archive, parts["mimetype"], shown):
            raise UnreadablePathError(
                f"{shown} is an OpenDocument spreadsheet (.ods), which ragplan does not read: "
                f"{conversion_step(path)}"
            )
    if "[Content_Types].xml" not in parts or not any(n.startswith("xl/") for n in parts):
        raise UnreadablePathError(f"{shown} is a zip archive but not an .xlsx workbook")
    for name, info in parts.items():
        if not name.endswith((".xml", ".rels", ".vml")):
            continue
        head = _part(archive, info, shown)
        if _DOCTYPE.search(head) or _DOCTYPE.search(_utf16(head)):
            raise SpreadsheetError(
                f"{shown}: its part {name} declares a DOCTYPE or XML entities, which no "
                "spreadsheet program writes (an XML entity attack?); it was not opened"
            )
    return parts


def _part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> bytes:
    try:
        return archive.read(info)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise UnreadablePathError(f"{shown} is damaged ({info.filename}: {exc})") from None


def _utf16(data: bytes) -> bytes:
    """UTF-16 XML as ASCII-compatible bytes, so the DOCTYPE test sees it too."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    return b""


@dataclass
class _Extent:
    """What a sheet's XML really holds: the last row and column with a value (styled empty
    cells do not count) and its merged ranges, read before openpyxl sees the sheet."""

    rows: int = 0
    columns: int = 0
    merged: list[tuple[int, int, int, int]] | None = None


def _check_sheet_sizes(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], shown: str
) -> dict[str, _Extent]:
    """Each sheet's real extent and merged ranges, refusing a sheet with more rows, cells
    or merged ranges than a plan needs, or a value or merged range beyond a plan's size."""
    return {
        name: _scan_sheet(_part(archive, parts[part], shown), name, shown)
        for name, part in _sheet_parts(archive, parts, shown).items()
    }


def _scan_sheet(data: bytes, name: str, shown: str) -> _Extent:
    """Stream the sheet's XML once, counting elements by their namespace URI (a prefix such
    as <x:row> names the same element), and stop at the first limit passed."""
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils.cell import range_boundaries

    sheet = sheet_prefix(name)[:-1]
    extent = _Extent(merged=[])
    assert extent.merged is not None
    rows = cells = 0
    row_number = 0
    try:
        for _, element in iterparse(io.BytesIO(data), events=("end",)):
            tag = _local(element.tag)
            if tag == "row":
                rows += 1
                row_number = _number(element.get("r"), row_number + 1)
                column = 0
                for cell in element:
                    if _local(cell.tag) != "c":
                        continue
                    cells += 1
                    column = _column(cell.get("r"), column + 1)
                    if any(len(child) or (child.text or "").strip() for child in cell):
                        if row_number > MAX_ROWS or column > MAX_COLUMNS:
                            raise SpreadsheetError(
                                f"{shown}: sheet {sheet} reaches row {row_number}, column "
                                f"{column}, beyond the {MAX_ROWS} rows and {MAX_COLUMNS} "
                                "columns a plan needs; delete what is below or to the right "
                                "of the plan (or save only its rows)"
                            )
                        extent.rows = max(extent.rows, row_number)
                        extent.columns = max(extent.columns, column)
                element.clear()
                if rows > MAX_ROWS or cells > MAX_CELLS:
                    raise SpreadsheetError(
                        f"{shown}: sheet {sheet} holds more than {MAX_ROWS} rows or "
                        f"{MAX_CELLS} cells, more than a plan needs; it was not opened"
                    )
            elif tag == "sheetData":
                element.clear()
            elif tag == "mergeCell":
                ref = element.get("ref", "")
                try:
                    first_col, first_row, last_col, last_row = range_boundaries(ref)
                except (TypeError, ValueError):
                    raise SpreadsheetError(
                        f"{shown}: sheet {sheet} has a merged range '{ref[:40]}' that names no "
                        "cells; it was not opened"
                    ) from None
                if (
                    last_row is None
                    or last_col is None
                    or last_row > MAX_ROWS
                    or last_col > MAX_COLUMNS
                ):
                    raise SpreadsheetError(
                        f"{shown}: sheet {sheet} merges {ref[:40]}, beyond the {MAX_ROWS} rows "
                        f"and {MAX_COLUMNS} columns a plan needs; unmerge those cells"
                    )
                extent.merged.append((first_row or 1, first_col or 1, last_row, last_col))
                if len(extent.merged) > MAX_MERGED:
                    raise SpreadsheetError(
                        f"{shown}: sheet {sheet} has more than {MAX_MERGED} merged ranges, "
                        "more than a plan needs; it was not opened"
                    )
    except SpreadsheetError:
        raise
    except Exception as exc:  # the parser raises many kinds for damaged XML
        raise _refusal(exc, shown) from None
    return extent


def _local(tag: Any) -> str | None:
    """An element's name when it is in SpreadsheetML's namespace, whatever its prefix."""
    if not isinstance(tag, str) or not tag.startswith("{"):
        return None
    namespace, _, name = tag[1:].partition("}")
    return name if namespace in _SHEET_NS else None


def _number(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _column(ref: str | None, default: int) -> int:
    """The column of a cell reference such as CV20000 (the next one when it has none)."""
    letters = "".join(ch for ch in ref or "" if ch.isalpha())
    found = column_number(letters) if letters else None
    return found if found is not None else default


def _sheet_parts(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], shown: str
) -> dict[str, str]:
    """Sheet names and the zip parts that hold them, from xl/workbook.xml and its rels."""
    from defusedxml.ElementTree import fromstring

    found: dict[str, str] = {}
    if "xl/workbook.xml" not in parts or "xl/_rels/workbook.xml.rels" not in parts:
        return {name: name for name in parts if name.startswith("xl/worksheets/")}
    try:
        book: Any = fromstring(_part(archive, parts["xl/workbook.xml"], shown))
        rels: Any = fromstring(_part(archive, parts["xl/_rels/workbook.xml.rels"], shown))
    except Exception as exc:
        raise _refusal(exc, shown) from None
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    for sheet in book.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        part = str(PurePosixPath(part))
        if part in parts:
            found[sheet.get("name", part)] = part
    return found


def _refusal(exc: Exception, shown: str) -> Exception:
    """A one-line error for whatever openpyxl or defusedxml raised."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    while cause is not None:  # openpyxl wraps what the parser raised
        if isinstance(cause, DefusedXmlException):
            return SpreadsheetError(
                f"{shown}: its XML declares entities or a DOCTYPE ({type(cause).__name__}); "
                "it was not read"
            )
        cause = cause.__cause__ or cause.__context__
    detail = " ".join(str(exc).split())[:120] or type(exc).__name__
    return UnreadablePathError(f"{shown} is damaged or not an .xlsx workbook ({detail})")


def _grid(ws: Any, with_formulas: Any, extent: _Extent) -> Grid:
    """A worksheet's values within its real extent, with formulas from the same sheet read
    without data_only."""
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    rows: list[list[Cell]] = []
    if extent.rows and extent.columns:
        bounds = {"min_row": 1, "max_row": extent.rows, "max_col": extent.columns}
        stored = ws.iter_rows(values_only=True, **bounds)
        written = with_formulas.iter_rows(values_only=True, **bounds)
        for values, formulas in zip(stored, written, strict=False):
            if values.count(None) == len(values) and formulas.count(None) == len(formulas):
                rows.append([])  # a gap: one check, not one per cell
                continue
            cells = []
            for value, formula in zip(values, formulas, strict=False):
                if isinstance(formula, str) and formula.startswith("="):
                    cells.append(Cell(value, formula))
                elif isinstance(formula, (ArrayFormula, DataTableFormula)):
                    text = getattr(formula, "text", None) or "(a data table)"
                    cells.append(Cell(value, str(text)))
                else:
                    cells.append(Cell(value))
            while cells and cells[-1].empty and cells[-1].formula is None:
                cells.pop()
            rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    return Grid(ws.title, rows, list(extent.merged or []), ws.sheet_state != "visible")
