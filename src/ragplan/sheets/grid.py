"""A sheet as ragplan reads it: rows of plain values, each cell named as a person names it
(`Tracker!B12`), whether it came from a workbook or a CSV file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

Value = str | int | float | bool | datetime | date | time | None


@dataclass(frozen=True)
class Cell:
    """A cell's value; for a formula cell, the value its program last stored (never
    calculated here) and the formula itself."""

    value: Value
    formula: str | None = None

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Cell(None)


def column_letter(col: int) -> str:
    """1 → A, 27 → AA, as spreadsheets name columns."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_number(letters: str) -> int | None:
    """A → 1, AA → 27; None for text that is not a column name."""
    if not letters.isascii() or not letters.isalpha() or len(letters) > 3:
        return None
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


_PLAIN_SHEET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def sheet_prefix(name: str) -> str:
    """The sheet part of a cell reference: `Tracker!`, or `'Action Plan'!` as Excel quotes it."""
    if _PLAIN_SHEET_NAME.match(name):
        return f"{name}!"
    return "'" + name.replace("'", "''") + "'!"


@dataclass
class Grid:
    """One sheet's cells: `rows[0]` is row 1. `merged` lists merged ranges as
    (first row, first column, last row, last column), 1-based."""

    name: str
    rows: list[list[Cell]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False

    def cell(self, row: int, col: int) -> Cell:
        """The cell at 1-based `row`, `col` (an empty one beyond what the sheet holds)."""
        if row < 1 or row > len(self.rows):
            return EMPTY
        cells = self.rows[row - 1]
        return cells[col - 1] if 0 < col <= len(cells) else EMPTY

    def ref(self, row: int, col: int) -> str:
        """`Tracker!B12`: where a person finds the cell."""
        return f"{sheet_prefix(self.name)}{column_letter(col)}{row}"

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def text_of(value: Value) -> str:
    """A cell's value as the text a person sees: 3.0 as 3, a date as 2010-12-31."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def spread_merged(grid: Grid, first_row: int) -> list[str]:
    """Give every row of a range merged down the table (from `first_row` on) the value its
    first cell holds, as a person reading the sheet sees it; one line per range spread.

    A spreadsheet keeps a merged range's value in its first cell only, so without this a
    Lead Officer merged down D3:D5 would belong to the action in row 3 alone. A range
    merged across one row only (a heading) is left as it is."""
    said = []
    for top, left, bottom, right in grid.merged:
        if top < first_row or bottom == top:
            continue
        first = grid.cell(top, left)
        if first.empty:
            continue
        for row in range(top + 1, bottom + 1):
            while len(grid.rows) < row:
                grid.rows.append([])
            cells = grid.rows[row - 1]
            while len(cells) < left:
                cells.append(EMPTY)
            cells[left - 1] = first
        shown = " ".join(text_of(first.value).split())
        shown = shown if len(shown) <= 50 else shown[:49] + "…"
        span = f"{grid.ref(top, left)}:{column_letter(right)}{bottom}"
        said.append(f"{span}: merged cell '{shown}' read for each of rows {top}-{bottom}")
    return said
