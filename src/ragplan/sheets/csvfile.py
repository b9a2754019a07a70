"""Read a CSV export of a tracker: its encoding found and said, its separator guessed,
its size bounded like a workbook's."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ragplan.errors import SpreadsheetError, UnreadablePathError
from ragplan.paths import display_path
from ragplan.sheets.grid import Cell, Grid
from ragplan.sheets.workbook import MAX_COLUMNS, MAX_FILE_MB, MAX_ROWS

# What Excel writes: UTF-8 with a byte-order mark ("CSV UTF-8"), UTF-16 ("Unicode Text"),
# or the Windows code page ("CSV"); plain UTF-8 from everything else.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 with a byte-order mark"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


@dataclass
class CsvSheet:
    grid: Grid
    encoding: str  # in words: "UTF-8", "Windows-1252", ...


def decode(data: bytes, shown: str) -> tuple[str, str]:
    """The text of a CSV file and its encoding in words."""
    for bom, codec, words in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), words
            except UnicodeDecodeError as exc:
                raise SpreadsheetError(
                    f"{shown} starts as {words} but byte {exc.start + 1} is not; "
                    "save it again as CSV UTF-8"
                ) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (not UTF-8)"
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(
            f"{shown} is neither UTF-8 nor Windows-1252 (byte {exc.start + 1}); "
            "save it as CSV UTF-8"
        ) from None


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the same number of columns most
    often (a comma, semicolon, tab or bar); csv.Sniffer gives up on text full of quotes."""
    sample = [line for line in text[:50_000].splitlines()[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for candidate in ",;\t|":
        try:
            widths = [len(row) for row in csv.reader(sample, delimiter=candidate)]
        except csv.Error:
            continue
        common = max(set(widths), key=widths.count, default=1)
        score = (widths.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv(path: Path) -> CsvSheet:
    """The rows of a CSV file as one sheet named after the file."""
    shown = display_path(path)
    try:
        if path.stat().st_size > MAX_FILE_MB * 1_000_000:
            raise SpreadsheetError(f"{shown} is over the {MAX_FILE_MB} MB limit; it was not read")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadablePathError(f"{shown}: no such file") from None
    except OSError as exc:
        raise UnreadablePathError(f"{shown}: {exc.strerror or exc}") from None
    text, encoding = decode(data, shown)
    lines = text.splitlines(keepends=True)
    delimiter = None
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]  # Excel's own hint: "sep=;"
        text = "".join(lines[1:])
    if delimiter is None:
        delimiter = _delimiter(text)
    rows: list[list[Cell]] = []
    try:
        for number, row in enumerate(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ):
            if number >= MAX_ROWS:
                raise SpreadsheetError(
                    f"{shown} has more than {MAX_ROWS} rows, more than a plan needs; "
                    "it was not read"
                )
            if len(row) > MAX_COLUMNS:
                raise SpreadsheetError(
                    f"{shown}: row {number + 1} has {len(row)} columns, over the "
                    f"{MAX_COLUMNS} a plan needs; it was not read"
                )
            cells = [Cell(value if value.strip() else None) for value in row]
            while cells and cells[-1].empty:
                cells.pop()
            rows.append(cells)
    except csv.Error as exc:
        raise SpreadsheetError(f"{shown} is not a CSV file ragplan can read ({exc})") from None
    while rows and not rows[-1]:
        rows.pop()
    return CsvSheet(Grid(path.name, rows), encoding)
