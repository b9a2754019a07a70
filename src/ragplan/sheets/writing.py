"""Workbooks ragplan writes: every text value made inert (a text cell, and one that starts
like a formula, = + - @, quote-prefixed as typing a leading ' makes it), status cells that
carry their word on their colour, headers, widths and frozen panes, and the bytes of the
finished file."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ragplan.model import Scale
from ragplan.reports.common import report_statuses
from ragplan.textsafe import csv_cell

# The widest a cell's text may be in Excel.
MAX_CELL_TEXT = 32_767
HEADER_FILL = "1F3864"
LOCKED_FILL = "F2F2F2"
# Column widths, in characters, by heading.
WIDTHS = {
    "Lead Body": 14,
    "Ref": 10,
    "Key Actions Summary (with end date)": 60,
    "Summary": 60,
    "Due": 13,
    "Lead Officer": 22,
    "RAG Rating": 13,
    "Notes": 70,
    "Theme": 30,
    "Section": 30,
}
DATE_FORMAT = "dd mmm yyyy"  # 31 Dec 2010: no reader mistakes the day for the month


def inert(value: str | date | None) -> str | date | None:
    """A value safe to put in a cell: text that could start a formula gets a leading '."""
    if isinstance(value, str):
        text = csv_cell(value)
        assert isinstance(text, str)
        return text[:MAX_CELL_TEXT]
    return value


def uninert(text: str) -> str:
    """Text read back from a cell ragplan wrote, without the ' that `inert` added."""
    if text.startswith("'") and csv_cell(text[1:]) == text:
        return text[1:]
    return text


def put(ws: Any, row: int, col: int, value: str | date | None, *, wrap: bool = False) -> Any:
    """Write `value` into a cell as text or a date, never as a formula."""
    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=col)
    cell.value = inert(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl would take text starting with = as a formula
        if isinstance(value, str) and cell.value != uninert(cell.value):
            # A text cell never runs; the quote-prefix style shows it as written (no ') and
            # keeps it text when the officer edits it, as typing a leading ' does.
            cell.value = cell.value[1:]
            cell.data_type = "s"
            cell.quotePrefix = True
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    return cell


def header_row(ws: Any, row: int, headings: list[str]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    for col, heading in enumerate(headings, 1):
        cell = put(ws, row, col, heading, wrap=True)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(heading, 11)
    ws.freeze_panes = ws.cell(row=row + 1, column=1)
    printable(ws)


def fit_rows(ws: Any, first: int) -> None:
    """Give rows of wrapped text the height their longest cell needs (no program sizes
    rows that a file gives no height, when it prints)."""
    from openpyxl.utils import get_column_letter

    for row in ws.iter_rows(min_row=first):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width or 10
            per_line = max(int(width * 1.1), 1)
            needed = sum(-(-max(len(part), 1) // per_line) for part in cell.value.split("\n"))
            lines = max(lines, needed)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 15 * min(lines, 27)


def printable(ws: Any) -> None:
    """Printed landscape, as wide as the page, as many pages long as it needs."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def status_colours(scale: Scale) -> dict[str, tuple[str, str]]:
    """Each status label with its background and text colours, as 'RRGGBB'."""
    return {
        s.label: (s.colour.lstrip("#").upper(), s.text_colour.lstrip("#").upper())
        for s in report_statuses(scale)
    }


def colour_status(cell: Any, colours: tuple[str, str]) -> None:
    """The status word on its colour, in black or white, whichever reads better."""
    from openpyxl.styles import Font, PatternFill

    background, text = colours
    cell.fill = PatternFill("solid", start_color=background, end_color=background)
    cell.font = Font(color=text, bold=True)


def conditional_status_colours(ws: Any, cells: str, scale: Scale) -> None:
    """Colour each status in the range `cells` as it is typed or chosen."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    for label, (background, text) in status_colours(scale).items():
        quoted = '"' + label.replace('"', '""') + '"'
        fill = PatternFill("solid", start_color=background, end_color=background)
        rule = CellIsRule(  # type: ignore[no-untyped-call]
            operator="equal", formula=[quoted], fill=fill, font=Font(color=text)
        )
        ws.conditional_formatting.add(cells, rule)


def sheet_title(text: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the book."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip(" '") or "Sheet"
    name, number = cleaned[:31], 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = cleaned[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


def workbook_bytes(wb: Any) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
