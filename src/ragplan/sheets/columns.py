"""Which row of a sheet is its header, and which column holds which field of an action.

Trackers name their columns in many ways; the seed's own names come first, then
the usual others. A header is matched ignoring case, spaces and punctuation, then
again without any words in brackets ("Status (RAG)" is "Status"). `--map
field=Column` names a column (by its heading or its letter) for a field.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ragplan.errors import UsageError
from ragplan.sheets.grid import Grid, column_letter, column_number, text_of

# Each field and the column names that mean it, most specific first. A column is
# claimed by the first field (in this order) that names it, so "Progress" is the
# status when no "Status" or "RAG" column exists, else the notes.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "Ref", "Ref No.", "Reference", "Ref Number", "Action Ref", "Action No.",
        "Action Number", "Action ID", "ID", "No.", "Number", "#",
    ),
    "summary": (
        "Key Actions Summary (with end date)", "Key Actions Summary", "Key Actions",
        "Key Action", "Action", "Actions", "Action Summary", "Action Description",
        "Description", "Summary", "Task", "Activity", "Recommendation",
    ),
    "rag": (
        "RAG Rating", "RAG", "RAG Status", "BRAG", "BRAG Rating", "Status", "Current Status",
        "Rating", "Progress",
    ),
    "notes": (
        "Notes", "Update", "Updates", "Latest Update", "Progress Update", "Progress Notes",
        "Comments", "Comment", "Commentary", "Narrative", "Progress",
    ),
    "due": (
        "Due", "Due Date", "Date Due", "Target Date", "Target Completion Date", "Target",
        "Deadline", "End Date", "Completion Date", "Timescale", "By When",
    ),
    "lead_officer": (
        "Lead Officer", "Owner", "Action Owner", "Responsible", "Responsible Officer",
        "Accountable Officer", "Lead", "Officer", "Lead Person",
    ),
    "lead_body": (
        "Lead Body", "Lead Organisation", "Lead Agency", "Organisation", "Agency", "Body",
        "Partner",
    ),
    "theme": ("Theme", "Priority", "Workstream", "Objective", "Outcome", "Area", "Theme Title"),
    "section": ("Section", "Sub-theme", "Subtheme", "Sub Section"),
}  # fmt: skip

# What --map accepts as a field, besides the field names themselves.
FIELD_ALIASES = {"ref": "id", "status": "rag", "owner": "lead_officer", "action": "summary"}

# How many rows from the top the header is looked for in.
HEADER_SEARCH_ROWS = 30

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_DOTTED_ID = re.compile(r"^\d+(\.\d+)*$")


def normal(text: str) -> str:
    """A column name without case, spaces or punctuation: 'Ref No.' → 'refno'."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_KNOWN = {f: [normal(n) for n in names] for f, names in FIELD_NAMES.items()}


@dataclass
class Header:
    """The header row of a sheet, the column of each field found, and the other columns
    (with their headings), which are not read."""

    grid: Grid
    row: int
    columns: dict[str, int]
    unread: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def heading(self, col: int) -> str:
        return text_of(self.grid.cell(self.row, col).value).strip()


def parse_mapping(items: list[str]) -> dict[str, str]:
    """`--map field=Column` options as {field: column}."""
    mapping: dict[str, str] = {}
    for item in items:
        name, sep, column = item.partition("=")
        wanted = name.strip().lower().replace("-", "_").replace(" ", "_")
        wanted = FIELD_ALIASES.get(wanted, wanted)
        if not sep or not column.strip():
            raise UsageError(f"'{item}': write field=Column, e.g. rag=Status", field="map")
        if wanted not in FIELD_NAMES:
            raise UsageError(
                f"'{name}' is not a field; use one of: {', '.join(FIELD_NAMES)}", field="map"
            )
        mapping[wanted] = column.strip()
    return mapping


def _assign(grid: Grid, row: int, mapping: dict[str, str]) -> dict[str, int]:
    """The column of each field in header row `row`: --map first, then known names."""
    cells = grid.rows[row - 1] if row <= len(grid.rows) else []
    headings = {col: text_of(c.value).strip() for col, c in enumerate(cells, 1) if not c.empty}
    columns: dict[str, int] = {}
    for name, wanted in mapping.items():
        col = next((c for c, h in headings.items() if normal(h) == normal(wanted)), None)
        if col is None and column_number(wanted) is not None and wanted.isupper():
            col = column_number(wanted)
        if col is not None:
            columns[name] = col
    taken = set(columns.values())
    # Rank every (field, column) by how specific the name is, so "Status" is taken as the
    # status before "Progress" can be.
    ranked = []
    for col, heading in headings.items():
        for text_rank, text in enumerate((heading, _BRACKETS.sub(" ", heading))):
            key = normal(text)
            for name, known in _KNOWN.items():
                if key and key in known:
                    ranked.append(
                        (text_rank, known.index(key), list(_KNOWN).index(name), col, name)
                    )
    for _, _, _, col, name in sorted(ranked):
        if name not in columns and col not in taken:
            columns[name] = col
            taken.add(col)
    return columns


def find_header(grid: Grid, mapping: dict[str, str]) -> Header | None:
    """The header row: among the first rows, the one naming the most fields, which must
    include the action itself (summary) and its status or ref. None if no row does."""
    best: tuple[int, int, dict[str, int]] | None = None
    for row in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
        columns = _assign(grid, row, mapping)
        if any(
            not _named(grid, row, columns.get(name), wanted) for name, wanted in mapping.items()
        ):
            continue  # the row must hold every column --map names
        if "summary" not in columns or not ({"rag", "id"} & set(columns)):
            continue
        if best is None or len(columns) > best[1]:
            best = (row, len(columns), columns)
    if best is None:
        return None
    row, _, columns = best
    header = Header(grid, row, columns)
    _unnamed_ref(header)
    for col in range(1, grid.width + 1):
        if col not in columns.values() and _has_data(grid, row, col):
            header.unread[col] = header.heading(col)
    return header


def _named(grid: Grid, row: int, col: int | None, wanted: str) -> bool:
    """Whether column `col` of the header row is the one `--map` named `wanted`."""
    if col is None:
        return False
    heading = text_of(grid.cell(row, col).value)
    return normal(heading) == normal(wanted) or column_number(wanted) == col


def _has_data(grid: Grid, header_row: int, col: int) -> bool:
    return any(not grid.cell(r, col).empty for r in range(header_row + 1, len(grid.rows) + 1))


def _unnamed_ref(header: Header) -> None:
    """A column with no heading whose values are dotted ids is the ref: the seed's
    Appendix B leaves that heading blank."""
    if "id" in header.columns:
        return
    grid, row = header.grid, header.row
    for col in range(1, grid.width + 1):
        if col in header.columns.values() or header.heading(col):
            continue
        values = [
            text_of(grid.cell(r, col).value).strip() for r in range(row + 1, len(grid.rows) + 1)
        ]
        values = [v for v in values if v]
        if values and sum(bool(_DOTTED_ID.match(v)) for v in values) * 2 > len(values):
            header.columns["id"] = col
            header.notes.append(
                f"column {column_letter(col)} has no heading, but its values are refs "
                f"such as {values[0]}: read as the ref"
            )
            return


def missing_column_message(grid: Grid, mapping: dict[str, str]) -> str:
    """Why no header was found, with what --map would need."""
    rows = grid.rows[:HEADER_SEARCH_ROWS]
    seen = [text_of(c.value).strip() for r in rows for c in r if isinstance(c.value, str)]
    for name, wanted in mapping.items():
        if not any(normal(s) == normal(wanted) for s in seen):
            near = difflib.get_close_matches(wanted, seen, n=3, cutoff=0.5)
            hint = f"; nearest: {', '.join(near)}" if near else ""
            return f"'{wanted}' (for {name}) is no column heading of sheet {grid.name}{hint}"
    return (
        f"sheet {grid.name}: no header row found in the first {HEADER_SEARCH_ROWS} rows: none "
        "names both the action (e.g. 'Action' or 'Key Actions Summary (with end date)') and "
        "its status ('Status', 'RAG') or ref ('Ref'); name the columns with --map, "
        "e.g. --map summary='What we will do' --map rag='Position'"
    )
