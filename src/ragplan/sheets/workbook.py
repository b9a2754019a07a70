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
from ragplan.sheets.grid import Cell, Grid, column_letter, column_number, sheet_prefix

MAX_FILE_MB = 20  # a plan of 10,000 actions with long notes is about 3 MB as .xlsx
MAX_EXPANDED_MB = 100  # what all the parts of the zip may expand to
MAX_PARTS = 1_000
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELLS = 500_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and encrypted files
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
MAX_MERGED = 10_000
# Tags (<...>) in all the workbook's XML: a sheet of 20,000 rows of 10 cells, each
# <c><v>1</v></c>, has 800,000; what a program writes beside it, thousands.
MAX_TAGS = 3_000_000
MAX_PART_TAGS = 200_000  # in a part that is not a sheet or the shared strings
# Elements of a sheet that are neither rows nor cells (columns, views, validations, links):
# a program writes hundreds; openpyxl builds each one it meets, so a flood is refused.
MAX_OTHER_ELEMENTS = 100_000
MAX_CELL_ELEMENTS = 1_000  # in one cell: its value, formula, or a rich text's runs
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
        values = None
        try:
            # Read-only: rows are streamed and no cell is made for a gap or a merged range,
            # so what is read is bounded by the extent found above, not by what the file
            # declares. Formulas were read by the scan: one pass of openpyxl is enough.
            values = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
            sheets = [_grid(ws, extents.get(ws.title, _Extent())) for ws in values.worksheets]
        except SpreadsheetError:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise _refusal(exc, shown) from None
        finally:
            if values is not None:
                values.close()
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
    tags = 0
    for name, info in parts.items():
        data = _part(archive, info, shown)
        # Any part may be XML whatever its name: the content types say what it is.
        if not name.endswith((".xml", ".rels", ".vml")) and not _looks_xml(data):
            continue
        if _DOCTYPE.search(data) or _DOCTYPE.search(_utf16(data)):
            raise SpreadsheetError(
                f"{shown}: its part {name} declares a DOCTYPE or XML entities, which no "
                "spreadsheet program writes (an XML entity attack?); it was not opened"
            )
        # Every tag costs time and memory to parse (defusedxml's parser, which openpyxl
        # uses, reads about 250,000 a second here, and openpyxl reads each sheet twice), so
        # a flood of tags no program reads is refused before any parser sees it.
        count = data.count(b"<")
        bulky = name.startswith("xl/worksheets/") or name.endswith("sharedStrings.xml")
        if not bulky and count > MAX_PART_TAGS:
            raise SpreadsheetError(
                f"{shown}: its part {name} holds {count:,} XML tags, more than the "
                f"{MAX_PART_TAGS:,} a workbook's styles or settings need (an XML bomb?); it "
                "was not opened"
            )
        tags += count
        if tags > MAX_TAGS:
            raise SpreadsheetError(
                f"{shown}: its XML holds more than {MAX_TAGS:,} tags (by part {name}), more "
                "than a plan's workbook needs (an XML bomb?); it was not opened"
            )
    return parts


def _looks_xml(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or data[:2] in (b"\xff\xfe", b"\xfe\xff")


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
    formulas: dict[tuple[int, int], str] | None = None  # (row, column) → formula, with its =


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
    scan = _SheetScan(name, shown)
    try:
        scan.parse(data)
    except SpreadsheetError:
        raise
    except Exception as exc:  # expat raises many kinds for damaged XML
        raise _refusal(exc, shown) from None
    return scan.extent


class _SheetScan:
    """expat's events for one sheet, with no tree built: each element costs a call, and
    entities are refused as defusedxml refuses them (its parser, pure Python and building
    a tree, would take most of the time the limits allow)."""

    def __init__(self, name: str, shown: str) -> None:
        self.sheet = sheet_prefix(name)[:-1]
        self.shown = shown
        self.extent = _Extent(merged=[], formulas={})
        self.shared: dict[str, str] = {}  # a shared formula's text, by its si
        self.formula: dict[str, str] | None = None  # the <f> being read: its attributes
        self.formula_text: list[str] = []
        self.rows = self.cells = 0
        self.others = self.in_cell = 0
        self.row = self.column = 0
        self.depth = 0
        self.cell_depth = 0  # the depth of the <c> being read, 0 outside one
        self.valued = False  # whether that cell holds a value, a formula or rich text

    def parse(self, data: bytes) -> None:
        from xml.parsers import expat

        from defusedxml import EntitiesForbidden, ExternalReferenceForbidden

        def entity(name: str, *args: Any) -> None:
            raise EntitiesForbidden(name, None, None, None, None, None)

        def external(context: str, base: str | None, sysid: str | None, pubid: str | None) -> int:
            raise ExternalReferenceForbidden(context, base, sysid, pubid)

        parser = expat.ParserCreate(namespace_separator="}")
        parser.EntityDeclHandler = entity
        parser.UnparsedEntityDeclHandler = entity
        parser.ExternalEntityRefHandler = external
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.buffer_text = True
        parser.Parse(data, True)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        if self.cell_depth:
            self.valued = True
            self.in_cell += 1
            if self.in_cell > MAX_CELL_ELEMENTS:
                self.refuse(
                    f"a cell ({column_letter(self.column)}{self.row}) holding more than "
                    f"{MAX_CELL_ELEMENTS} XML elements"
                )
            if self.depth == self.cell_depth + 1 and _local("{" + tag) == "f":
                self.formula, self.formula_text = attributes, []
            return
        name = _local("{" + tag)
        if name == "row" and self.depth == 3:
            self.rows += 1
            self.row = _number(attributes.get("r"), self.row + 1)
            self.column = 0
        elif name == "c" and self.depth == 4:
            self.cells += 1
            self.column = _column(attributes.get("r"), self.column + 1)
            self.cell_depth, self.valued, self.in_cell = self.depth, False, 0
            if self.cells > MAX_CELLS:
                self.too_many()
        else:
            if name == "mergeCell" and self.depth == 3:
                _scan_merge(attributes.get("ref", ""), self.extent, self.shown, self.sheet)
            self.others += 1
            if self.others > MAX_OTHER_ELEMENTS:
                self.refuse(f"more than {MAX_OTHER_ELEMENTS:,} XML elements that are not cells")

    def text(self, data: str) -> None:
        if self.formula is not None:
            self.formula_text.append(data)

    def end(self, tag: str) -> None:
        if self.formula is not None and self.depth == self.cell_depth + 1:
            self.keep_formula(self.formula, "".join(self.formula_text).strip())
            self.formula = None
        if self.depth == self.cell_depth:
            self.cell_depth = 0
            if self.valued:
                self.widen()
        elif self.depth == 3 and self.rows > MAX_ROWS:  # after its cells: a far value first
            self.too_many()
        self.depth -= 1

    def keep_formula(self, attributes: dict[str, str], text: str) -> None:
        """A cell's formula as its program wrote it (a shared one's followers show the
        first cell's text): never calculated, only said."""
        kind, group = attributes.get("t", ""), attributes.get("si", "")
        if kind == "shared":
            if text:
                self.shared.setdefault(group, text)
            text = text or self.shared.get(group, "")
        assert self.extent.formulas is not None
        if kind == "dataTable":
            self.extent.formulas[(self.row, self.column)] = "(a data table)"
        else:
            self.extent.formulas[(self.row, self.column)] = "=" + text

    def widen(self) -> None:
        """Take in a cell that holds something, refusing one beyond a plan's size."""
        if self.row > MAX_ROWS or self.column > MAX_COLUMNS:
            raise SpreadsheetError(
                f"{self.shown}: sheet {self.sheet} reaches row {self.row}, column "
                f"{self.column}, beyond the {MAX_ROWS} rows and {MAX_COLUMNS} columns a plan "
                "needs; delete what is below or to the right of the plan (or save only its rows)"
            )
        self.extent.rows = max(self.extent.rows, self.row)
        self.extent.columns = max(self.extent.columns, self.column)

    def refuse(self, what: str) -> None:
        raise SpreadsheetError(
            f"{self.shown}: sheet {self.sheet} holds {what}, more than a plan needs (an XML "
            "bomb?); it was not opened"
        )

    def too_many(self) -> None:
        raise SpreadsheetError(
            f"{self.shown}: sheet {self.sheet} holds more than {MAX_ROWS} rows or "
            f"{MAX_CELLS} cells, more than a plan needs; it was not opened"
        )


def _scan_merge(ref: str, extent: _Extent, shown: str, sheet: str) -> None:
    """Keep a merged range, refusing one beyond a plan's size, or one too many."""
    from openpyxl.utils.cell import range_boundaries

    assert extent.merged is not None
    try:
        first_col, first_row, last_col, last_row = range_boundaries(ref)
    except (TypeError, ValueError):
        raise SpreadsheetError(
            f"{shown}: sheet {sheet} has a merged range '{ref[:40]}' that names no cells; "
            "it was not opened"
        ) from None
    if last_row is None or last_col is None or last_row > MAX_ROWS or last_col > MAX_COLUMNS:
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


def _grid(ws: Any, extent: _Extent) -> Grid:
    """A worksheet's values within its real extent, with the formulas the scan found."""
    formulas = extent.formulas or {}
    formula_rows = {row for row, _ in formulas}
    rows: list[list[Cell]] = []
    if extent.rows and extent.columns:
        bounds = {"min_row": 1, "max_row": extent.rows, "max_col": extent.columns}
        for number, values in enumerate(ws.iter_rows(values_only=True, **bounds), 1):
            if values.count(None) == len(values) and number not in formula_rows:
                rows.append([])  # a gap: one check, not one per cell
                continue
            cells = [
                Cell(value, formulas.get((number, column)))
                for column, value in enumerate(values, 1)
            ]
            while cells and cells[-1].empty and cells[-1].formula is None:
                cells.pop()
            rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    return Grid(ws.title, rows, list(extent.merged or []), ws.sheet_state != "visible")
