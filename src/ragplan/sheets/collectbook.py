"""The workbook `ragplan collect` sends a lead officer, and reading it back when it returns.

The visible sheet lists the officer's actions with the board paper's columns; only
RAG Rating, Notes and Due are unlocked (the sheet is protected without a password:
a guide, not security), RAG Rating offers the scale's labels and is coloured by
conditional formatting. A hidden sheet records what was sent: the export, the plan
and its revision, and every action's values as exported, so that a return can be
merged three ways. Reading a return trusts nothing: rows are found by their Ref
(sorting, added columns and retyped cells are all expected), and every value that
cannot be used is an error naming its cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ragplan.errors import SpreadsheetError
from ragplan.model import Action, Scale
from ragplan.sheets.columns import find_header, normal
from ragplan.sheets.dates import read_date
from ragplan.sheets.grid import (
    Cell,
    Grid,
    column_letter,
    sheet_prefix,
    spread_merged,
    text_of,
)
from ragplan.sheets.writing import (
    LOCKED_FILL,
    conditional_status_colours,
    fit_rows,
    header_row,
    put,
    uninert,
    workbook_bytes,
)
from ragplan.textsafe import drop_controls

FORMAT = "ragplan collect 1"
SHEET = "Updates"
HIDDEN = "ragplan"
HEADINGS = (
    "Lead Body",
    "Ref",
    "Key Actions Summary (with end date)",
    "Due",
    "Lead Officer",
    "RAG Rating",
    "Notes",
)
HEADER_ROW = 4
# The fields a return may change, and the fields it shows but may not.
EDITABLE = ("rag", "notes", "due")
SHOWN = ("lead_body", "summary", "lead_officer")
FIELD_WORDS = {
    "rag": "RAG Rating",
    "notes": "Notes",
    "due": "Due",
    "lead_body": "Lead Body",
    "summary": "summary",
    "lead_officer": "Lead Officer",
}
# The hidden sheet: settings in A:B, then a table of the values sent; labels in J.
_BASE_HEADINGS = ("Ref", "rag", "notes", "due", "lead_body", "summary", "lead_officer")
_LABELS_COLUMN = 10


@dataclass(frozen=True)
class Export:
    """One run of `collect export`: the same for every workbook it writes."""

    export_id: str
    exported: str  # ISO date and time
    plan_title: str
    folder: str
    revision: str
    commit: str
    by: str


@dataclass
class Sent:
    """What a workbook says it was sent with: the export, whom for, and each action's
    values then, by ref."""

    export: Export
    name: str
    sheet: str
    base: dict[str, dict[str, str]]
    # Where each value of `base` is on the hidden sheet: ref → {"id" or field → cell}.
    cells: dict[str, dict[str, str]] = field(default_factory=dict)


def canonical(text: str) -> str:
    """Text as compared across plan, workbook and program: line breaks, control
    characters and trailing spaces on lines do not count as changes."""
    lines = drop_controls(text).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def plan_values(action: Action) -> dict[str, str]:
    """An action's fields as a workbook holds them, for comparison."""
    return {
        "rag": action.rag,
        "notes": canonical(action.notes or ""),
        "due": action.due.isoformat() if action.due else "",
        "lead_body": canonical(action.lead_body or ""),
        "summary": canonical(action.summary),
        "lead_officer": canonical(action.lead_officer or action.theme.lead_officer or ""),
    }


def build(scale: Scale, export: Export, name: str, actions: list[Action]) -> bytes:
    """The workbook for `name`, holding `actions`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    put(ws, 1, 1, f"{export.plan_title}: updates from {name}").font = Font(bold=True, size=14)
    put(
        ws,
        2,
        1,
        "For each action, choose its RAG Rating, write its Notes and, if it has moved, its Due "
        "date, in the white cells. Please change nothing else, and return this file.",
    )
    header_row(ws, HEADER_ROW, list(HEADINGS))
    locked = PatternFill("solid", start_color=LOCKED_FILL, end_color=LOCKED_FILL)
    labels = {s.key: s.label for s in scale.statuses}
    first = HEADER_ROW + 1
    for row, action in enumerate(actions, first):
        values = plan_values(action)
        shown = [
            values["lead_body"],
            action.id,
            values["summary"],
            action.due,
            values["lead_officer"],
            labels[action.rag],
            values["notes"],
        ]
        for col, value in enumerate(shown, 1):
            cell = put(ws, row, col, value or None, wrap=col in (3, 7))
            if HEADINGS[col - 1] in ("RAG Rating", "Notes", "Due"):
                cell.protection = Protection(locked=False)
            else:
                cell.fill = locked
    last = first + max(len(actions), 1) - 1
    fit_rows(ws, first)
    rag_col, due_col = column_letter(6), column_letter(4)
    hidden = wb.create_sheet(HIDDEN)
    _write_sent(hidden, scale, export, name, actions)
    statuses = f"{HIDDEN}!${column_letter(_LABELS_COLUMN)}$2:"
    statuses += f"${column_letter(_LABELS_COLUMN)}${len(scale.statuses) + 1}"
    rag_list = DataValidation(
        type="list",
        formula1=f"={statuses}",
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="RAG Rating",
        error="Choose a RAG Rating from the list.",
    )
    rag_list.add(f"{rag_col}{first}:{rag_col}{last}")
    due_date = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Due",
        error="Type a date, such as 31/03/2011.",
    )
    due_date.add(f"{due_col}{first}:{due_col}{last}")
    ws.add_data_validation(rag_list)
    ws.add_data_validation(due_date)
    conditional_status_colours(ws, f"{rag_col}{first}:{rag_col}{last}", scale)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{column_letter(len(HEADINGS))}{last}"
    protection = ws.protection
    protection.sheet = True  # no password: it guides, it does not secure
    protection.formatColumns = protection.formatRows = False  # allowed
    protection.sort = protection.autoFilter = False
    hidden.protection.sheet = True
    hidden.sheet_state = "hidden"
    return workbook_bytes(wb)


def _write_sent(ws: Any, scale: Scale, export: Export, name: str, actions: list[Action]) -> None:
    settings = [
        ("format", FORMAT),
        ("export", export.export_id),
        ("exported", export.exported),
        ("plan", export.plan_title),
        ("folder", export.folder),
        ("revision", export.revision),
        ("commit", export.commit),
        ("by", export.by),
        ("for", name),
        ("sheet", SHEET),
    ]
    for row, (key, value) in enumerate(settings, 1):
        put(ws, row, 1, key)
        put(ws, row, 2, value)
    table = len(settings) + 2
    for col, heading in enumerate(_BASE_HEADINGS, 1):
        put(ws, table, col, heading)
    for row, action in enumerate(actions, table + 1):
        values = plan_values(action)
        put(ws, row, 1, action.id)
        for col, key in enumerate(_BASE_HEADINGS[1:], 2):
            put(ws, row, col, values[key] or None)
    put(ws, 1, _LABELS_COLUMN, "Statuses")
    for row, status in enumerate(scale.statuses, 2):
        put(ws, row, _LABELS_COLUMN, status.label)


# Reading a return


@dataclass
class ReturnedRow:
    """A row of a returned workbook: its values, comparable with the plan's, and where
    each one is."""

    ref: str
    values: dict[str, str]
    cells: dict[str, str]


@dataclass
class Returned:
    """A returned workbook as read: what it was sent with, its rows by ref, and the
    cells that stop it being applied (`errors`) or are only worth saying (`notes`)."""

    sent: Sent
    rows: dict[str, ReturnedRow] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_sent(grid: Grid, shown: str) -> Sent:
    """The hidden sheet's record of what was sent."""
    settings: dict[str, str] = {}
    row = 1
    while row <= len(grid.rows) and text_of(grid.cell(row, 1).value) != "Ref":
        key = text_of(grid.cell(row, 1).value)
        if key:
            settings[key] = uninert(text_of(grid.cell(row, 2).value))
        row += 1
    if settings.get("format") != FORMAT:
        raise SpreadsheetError(
            f"{shown}: its '{HIDDEN}' sheet is not one ragplan collect export wrote "
            f"(format {settings.get('format') or 'missing'})"
        )
    base: dict[str, dict[str, str]] = {}
    cells: dict[str, dict[str, str]] = {}
    for r in range(row + 1, len(grid.rows) + 1):
        ref = text_of(grid.cell(r, 1).value).strip()
        if ref:
            base[ref] = {
                key: canonical(uninert(text_of(grid.cell(r, col).value)))
                for col, key in enumerate(_BASE_HEADINGS[1:], 2)
            }
            cells[ref] = {"id": grid.ref(r, 1)} | {
                key: grid.ref(r, col) for col, key in enumerate(_BASE_HEADINGS[1:], 2)
            }
    export = Export(
        settings.get("export", ""),
        settings.get("exported", ""),
        settings.get("plan", ""),
        settings.get("folder", ""),
        settings.get("revision", ""),
        settings.get("commit", ""),
        settings.get("by", ""),
    )
    return Sent(export, settings.get("for", ""), settings.get("sheet", SHEET), base, cells)


def read_return(path: Path, scale: Scale) -> Returned:
    """A returned workbook's rows, read and checked cell by cell.

    Raises UnreadablePathError for a file that is not a readable workbook,
    SpreadsheetError for one refused whole (hostile, macros, not from collect).
    """
    from ragplan.sheets.workbook import read_workbook

    book = read_workbook(path, allow_macros=False)
    hidden = book.sheet(HIDDEN)
    if hidden is None:
        raise SpreadsheetError(
            f"{book.shown} is not a workbook from `ragplan collect export` (it has no "
            f"hidden '{HIDDEN}' sheet recording what was sent)"
        )
    returned = Returned(read_sent(hidden, book.shown))
    grid = book.sheet(returned.sent.sheet)
    candidates = [grid] if grid is not None else [s for s in book.sheets if s.name != HIDDEN]
    for candidate in candidates:
        header = find_header(candidate, {})
        if header is not None and {"id", *EDITABLE} <= set(header.columns):
            _read_rows(candidate, header.row, header.columns, header.unread, scale, returned)
            return returned
    wanted = ", ".join(h for h in HEADINGS if h in ("Ref", "RAG Rating", "Notes", "Due"))
    raise SpreadsheetError(
        f"{book.shown}: no sheet has the columns {wanted} (was a heading changed, or a "
        "column deleted?); nothing from it was applied"
    )


def _read_rows(
    grid: Grid,
    header: int,
    columns: dict[str, int],
    unread: dict[int, str],
    scale: Scale,
    returned: Returned,
) -> None:
    for col, heading in unread.items():
        name = f"'{heading}'" if heading else "with no heading"
        returned.notes.append(f"{grid.ref(header, col)}: column {name} is not read back")
    returned.notes += spread_merged(grid, header + 1)
    seen: dict[str, str] = {}
    for r in range(header + 1, len(grid.rows) + 1):
        cells = {name: grid.cell(r, col) for name, col in columns.items()}
        if all(c.empty and c.formula is None for c in cells.values()):
            continue
        where = grid.ref(r, columns["id"])
        ref = " ".join(text_of(cells["id"].value).split())
        if cells["id"].formula is not None:
            returned.errors.append(f"{where}: the Ref holds a formula ({cells['id'].formula})")
            continue
        if not ref:
            returned.errors.append(
                f"{where}: a row with no Ref; rows cannot be added to a return (the plan "
                "is changed with ragplan, not by adding rows here)"
            )
            continue
        if ref not in returned.sent.base:
            returned.errors.append(
                f"{where}: Ref '{ref}' was not sent in this workbook (was it edited, or the "
                "row added?)"
            )
            continue
        if ref in seen:
            returned.errors.append(f"{where}: Ref {ref} is also in {seen[ref]}")
            continue
        seen[ref] = where
        row = ReturnedRow(ref, {}, {})
        for name, col in columns.items():
            if name in EDITABLE or name in SHOWN:
                row.cells[name] = grid.ref(r, col)
                value = _value(name, cells[name], row.cells[name], scale, returned.errors)
                if value is not None:
                    row.values[name] = value
        returned.rows[ref] = row
    for ref in returned.sent.base:
        if ref not in seen:
            returned.notes.append(
                f"{sheet_prefix(grid.name)[:-1]}: the row of {ref} was deleted; "
                "nothing changes for it"
            )


def _value(name: str, cell: Cell, where: str, scale: Scale, errors: list[str]) -> str | None:
    """A cell's value as comparable text, or None (with an error) when it cannot be used."""
    if cell.formula is not None:
        if name in EDITABLE:
            errors.append(
                f"{where}: holds a formula ({cell.formula}); ragplan never calculates "
                f"formulas: type the {FIELD_WORDS[name]} itself"
            )
        return None
    if name == "rag":
        return _status(cell, where, scale, errors)
    if name == "due":
        return _due(cell, where, errors)
    return canonical(uninert(text_of(cell.value)))


def _status(cell: Cell, where: str, scale: Scale, errors: list[str]) -> str | None:
    written = " ".join(text_of(cell.value).split())
    labels = ", ".join(s.label for s in scale.statuses)
    if not written:
        errors.append(f"{where}: no RAG Rating; choose one of: {labels}")
        return None
    for status in scale.statuses:
        if normal(written) in (normal(status.key), normal(status.label)):
            return status.key
    errors.append(
        f"{where}: '{written}' is not a RAG Rating (typed or pasted over the list?); "
        f"use one of: {labels}"
    )
    return None


def _due(cell: Cell, where: str, errors: list[str]) -> str | None:
    if cell.empty:
        return ""
    found = read_date(cell.value)
    if found is None or found.month_only:
        shown = text_of(cell.value)
        errors.append(
            f"{where}: '{shown}' is not a date; type a day, such as 31/03/2011 (day first) "
            "or 2011-03-31"
        )
        return None
    return found.day.isoformat()
