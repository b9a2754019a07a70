"""How a tracker's rows make a plan: heading rows, a theme column, a sheet per theme or
dotted refs give the themes and sections; each other row is an action. Every cell
that cannot be used as it is, is said, with where it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ragplan.model import natural_key
from ragplan.sheets.columns import Header, normal
from ragplan.sheets.dates import read_date
from ragplan.sheets.grid import EMPTY, Cell, Grid, Value, column_letter, spread_merged, text_of

# The fields of an action a row gives, in the order plan files list them.
ACTION_FIELDS = ("lead_body", "summary", "due", "lead_officer", "rag", "notes")

# A heading row's text: "1.1: ICT Infrastructure", "Theme 2 - Workforce", "6", "Leadership".
_HEADING = re.compile(
    r"^(?:(?:theme|priority|section|objective|outcome|workstream|area|part)\s+)?"
    r"(\d{1,3}(?:\.\d+)*)(?:\s*[:.)\-\u2013\u2014]\s*|\s+)(.*)$",
    re.I | re.S,
)
_PLAN_TITLE = re.compile(
    r"\b(?:plan|programme|program|strategy|tracker|improvement|action log|roadmap)\b", re.I
)
_LEAD_LINE = re.compile(r"^lead officer:\s*(.+)$", re.I)
_HEADING_ID = re.compile(r"^(?:(?:theme|priority|section)\s+)?(\d{1,3}(?:\.\d+)*)\.?$", re.I)


@dataclass
class Row:
    """One action row of the sheet, before it is placed in its theme."""

    grid: Grid
    row: int
    header: Header
    ref: str
    values: dict[str, str]
    due: date | None
    status: str
    heading_section: Draft | None
    action_id: str = ""

    def where(self, name: str) -> str:
        col = self.header.columns.get(name)
        if col is None:
            col = self.header.columns.get("summary", 1)
        return self.grid.ref(self.row, col)


@dataclass
class Draft:
    """A theme or section as it is being built: its id (None until known), title, where."""

    id: str | None
    title: str | None
    where: str
    lead_officer: str | None = None
    rows: list[Row] = field(default_factory=list)
    sections: dict[str, Draft] = field(default_factory=dict)
    placed: list[Row] = field(default_factory=list)


class Layout:
    """Goes down each sheet's rows, building themes and sections from headings, a theme
    column, sheets or refs, and collecting every cell it cannot use."""

    def __init__(self, title: str | None = None) -> None:
        self.given_title = title
        self.errors: list[str] = []
        self.unused: list[str] = []
        self.rows: list[Row] = []
        self.themes: list[Draft] = []
        self.title: str | None = None
        self.title_where = ""
        self.status_column: str | None = None
        self.refs: dict[str, str] = {}

    def walk(self, grid: Grid, header: Header, several: bool) -> None:
        cols = header.columns
        if self.status_column is None and "rag" in cols:
            self.status_column = header.heading(cols["rag"]) or column_letter(cols["rag"])
        theme: Draft | None = None
        if several:  # a sheet per theme: named by the sheet, or by the title above its header
            theme = self._theme_named(grid.name, f"sheet {grid.name}", None)
        self._above_header(grid, header, theme)
        self.unused += spread_merged(grid, header.row + 1)
        for col, title in header.unread.items():
            count = sum(
                1 for r in range(header.row + 1, len(grid.rows) + 1) if not grid.cell(r, col).empty
            )
            name = f"'{title}'" if title else "with no heading"
            self.unused.append(
                f"{grid.ref(header.row, col)}: column {name} is not read ({count} cell"
                f"{'' if count == 1 else 's'} with values); read it with --map FIELD="
                f"'{title or column_letter(col)}'"
            )
        section: Draft | None = None
        for r in range(header.row + 1, len(grid.rows) + 1):
            if all(c.empty and c.formula is None for c in grid.rows[r - 1]):
                continue
            cells = {name: self._cell(grid, r, col) for name, col in cols.items()}
            if "theme" in cols and not cells["theme"].empty:
                value = text_of(cells["theme"].value).strip()
                named = self._theme_named(value, grid.ref(r, cols["theme"]), None)
                if named is not theme:
                    theme, section = named, None
            if "section" in cols and not cells["section"].empty and theme is not None:
                value = text_of(cells["section"].value).strip()
                section = self._section_named(value, grid.ref(r, cols["section"]), theme)
            heading = self._heading(grid, header, r, cells)
            if heading is not None:
                text, where, lead = heading
                theme, section = self._place_heading(text, where, lead, theme, section)
                continue
            row = self._row(grid, header, r, cells, section)
            if row is None:
                continue
            self.rows.append(row)
            owner = theme if theme is not None else self._theme_of_ref(row.ref)
            owner.rows.append(row)

    def _section_named(self, text: str, where: str, theme: Draft) -> Draft | None:
        """The section a Section cell names, within its theme; one with no id places its
        actions by their refs, and is said."""
        ident, title = _split_heading(text)
        if ident is None or theme.id is None or not ident.startswith(theme.id + "."):
            message = (
                f"{where}: section '{short(text)}' is not numbered under its theme; "
                "its actions are placed by their refs"
            )
            if message not in self.unused:
                self.unused.append(message)
            return None
        found = theme.sections.get(ident)
        if found is None:
            found = theme.sections[ident] = Draft(ident, title, where)
        return found

    def _cell(self, grid: Grid, row: int, col: int) -> Cell:
        """The cell, with a formula's stored value used and said."""
        cell = grid.cell(row, col)
        if cell.formula is not None:
            formula = " ".join(cell.formula.split())
            formula = formula if len(formula) <= 60 else formula[:59] + "…"
            if cell.empty:
                self.unused.append(
                    f"{grid.ref(row, col)}: holds a formula ({formula}) with no stored value "
                    "(ragplan never calculates formulas); read as empty"
                )
            else:
                self.unused.append(
                    f"{grid.ref(row, col)}: holds a formula ({formula}); its stored value "
                    f"'{text_of(cell.value)}' was used (ragplan never calculates formulas)"
                )
        return cell

    def _above_header(self, grid: Grid, header: Header, theme: Draft | None) -> None:
        """The plan's title (the first text above the first header), a sheet theme's
        title and lead officer (as `export` writes them); anything else there is said."""
        for r in range(1, header.row):
            for c, cell in enumerate(grid.rows[r - 1], 1):
                if cell.empty:
                    continue
                text = " ".join(text_of(cell.value).split())
                lead = _LEAD_LINE.match(text)
                if theme is not None and text.startswith(grid.name.rstrip()):
                    theme.id, theme.title = _split_heading(text)  # the sheet name, untruncated
                elif theme is not None and lead is not None and not theme.lead_officer:
                    theme.lead_officer = lead[1]
                elif (
                    self.title is None
                    and self.given_title is None
                    and (theme is None or _PLAN_TITLE.search(text))
                ):
                    # With a sheet per theme, the first text above the first header is the
                    # plan's title when it says it is a plan; a theme's title says less.
                    self.title, self.title_where = text, grid.ref(r, c)
                elif theme is not None and text == self.title:
                    continue  # the plan's title, repeated on each sheet
                else:
                    self.unused.append(
                        f"{grid.ref(r, c)}: '{short(text)}' is above the header row; not read"
                    )

    def _heading(
        self, grid: Grid, header: Header, r: int, cells: dict[str, Cell]
    ) -> tuple[str, str, str | None] | None:
        """A row that only names a theme or section (and maybe its lead officer): its one
        text is numbered, merged across columns, left of the action column, or followed
        by actions numbered under it. Anything else is an action with no status."""
        if any(not cells[f].empty for f in ("rag", "notes", "due") if f in cells):
            return None
        cols = header.columns
        skip = {cols[f] for f in ("lead_officer", "theme") if f in cols}
        filled = [
            (c, text_of(cell.value).strip())
            for c, cell in enumerate(grid.rows[r - 1], 1)
            if not cell.empty and c not in skip
        ]
        numbered = False
        if len(filled) == 2 and cols.get("id") == filled[0][0]:
            ident = _ref(grid.cell(r, filled[0][0]).value)
            numbered = _numbered_below(grid, header, r, ident)
            filled = [(filled[1][0], f"{ident} {filled[1][1]}")]
        if len(filled) != 1:
            return None
        col, text = filled[0]
        merged = any(
            first_row == r and first_col == col and last_col > first_col
            for first_row, first_col, _, last_col in grid.merged
        )
        if not (
            numbered
            or merged
            or col < cols.get("summary", col)
            or (_split_heading(text)[0] is not None and col != cols.get("summary"))
        ):
            return None
        lead = cells.get("lead_officer", EMPTY)
        return text, grid.ref(r, col), text_of(lead.value).strip() or None

    def _place_heading(
        self, text: str, where: str, lead: str | None, theme: Draft | None, section: Draft | None
    ) -> tuple[Draft, Draft | None]:
        ident, title = _split_heading(text)
        if (
            ident is not None
            and theme is not None
            and theme.id
            and ident.startswith(theme.id + ".")
        ):
            found = theme.sections.get(ident)
            if found is None:
                found = theme.sections[ident] = Draft(ident, title, where, lead)
            return theme, found
        return self._theme_named(text, where, lead), None

    def _theme_named(self, text: str, where: str, lead: str | None) -> Draft:
        """The theme this heading, theme cell or sheet name names (made if new)."""
        ident, title = _split_heading(text)
        for theme in self.themes:
            if (ident is not None and theme.id == ident) or (
                ident is None
                and theme.id is None
                and normal(theme.title or "") == normal(title or "")
            ):
                if lead and not theme.lead_officer:
                    theme.lead_officer = lead
                return theme
        theme = Draft(ident, title, where, lead)
        self.themes.append(theme)
        return theme

    def _theme_of_ref(self, ref: str) -> Draft:
        """With no heading or theme column: the theme a dotted ref's first part names."""
        parts = ref.split(".")
        ident = parts[0] if len(parts) > 1 and parts[0] else None
        for theme in self.themes:
            if theme.id == ident and theme.title is None and theme.where == "refs":
                return theme
        theme = Draft(ident, None, "refs")
        self.themes.append(theme)
        return theme

    def _row(
        self, grid: Grid, header: Header, r: int, cells: dict[str, Cell], section: Draft | None
    ) -> Row | None:
        cols = header.columns
        values: dict[str, str] = {}
        for name in ACTION_FIELDS:
            if name in cells and name != "due" and not cells[name].empty:
                values[name] = _text(cells[name].value)
        ref = _ref(cells["id"].value) if "id" in cells else ""
        where = grid.ref(r, cols.get("summary", 1))
        if "summary" not in values:
            formula = cells["summary"].formula if "summary" in cells else None
            self.errors.append(
                _uncalculated(where, formula, "the action's text")
                if formula
                else f"{where}: this row has a status or notes but no action text; fill it in, "
                "or delete the row"
            )
            return None
        status = " ".join(values.pop("rag", "").split())
        if not status:
            at = grid.ref(r, cols["rag"]) if "rag" in cols else where
            formula = cells["rag"].formula if "rag" in cells else None
            self.errors.append(
                _uncalculated(at, formula, "the status")
                if formula
                else f"{at}: action '{short(values['summary'])}' has no status"
            )
            return None
        if ref:
            first = self.refs.get(ref)
            if first is not None:
                self.errors.append(
                    f"{grid.ref(r, cols['id'])}: ref {ref} is also the ref of {first}"
                    + (
                        "; the column holds numbers, so 1.10 reads as 1.1: format it as text"
                        if isinstance(cells["id"].value, float)
                        else ""
                    )
                )
                return None
            self.refs[ref] = grid.ref(r, cols["id"])
        due = None
        if "due" in cells and not cells["due"].empty:
            due = self._due(cells["due"], grid.ref(r, cols["due"]), values)
        return Row(grid, r, header, ref, values, due, status, section)

    def _due(self, cell: Cell, where: str, values: dict[str, str]) -> date | None:
        found = read_date(cell.value)
        if found is not None:
            if found.month_only:
                self.unused.append(
                    f"{where}: '{text_of(cell.value)}' names a month; read as "
                    f"{found.day.isoformat()}, its last day"
                )
            return found.day
        text = _text(cell.value)
        values["notes"] = f"{values['notes']}\nDue: {text}" if "notes" in values else f"Due: {text}"
        self.unused.append(
            f"{where}: '{short(text)}' is not a date (31/12/2010, 2010-12-31 or Dec 2010); "
            f"kept in the notes as 'Due: {short(text)}'"
        )
        return None

    def finish(self) -> list[Draft]:
        """Themes with their ids settled and each row placed in its theme or section."""
        themes = [t for t in self.themes if t.rows or any(s.rows for s in t.sections.values())]
        for theme in self.themes:
            if (
                theme not in themes
                and theme.where not in ("refs",)
                and not theme.where.startswith("sheet ")
            ):
                self.unused.append(
                    f"{theme.where}: heading '{short(theme.title or theme.id or '')}' has no "
                    "actions under it; not imported"
                )
        used = {t.id for t in themes if t.id is not None}
        for theme in themes:
            if theme.id is None:
                theme.id = _theme_id(theme, used)
                used.add(theme.id)
        taken: set[str] = {t.id for t in themes if t.id} | {s for t in themes for s in t.sections}
        taken |= {r.ref for r in self.rows if r.ref}
        for theme in themes:
            for row in theme.rows:
                self._place(theme, row, taken)
        for theme in themes:
            for ident, section in list(theme.sections.items()):
                if not section.placed:
                    del theme.sections[ident]
                    if section.where != "refs":
                        self.unused.append(
                            f"{section.where}: heading '{short(section.title or ident)}' has "
                            "no actions numbered under it; not imported"
                        )
        themes.sort(key=lambda t: natural_key(t.id or ""))
        return themes

    def _place(self, theme: Draft, row: Row, taken: set[str]) -> None:
        assert theme.id is not None
        ref = row.ref
        heading = row.heading_section
        if heading is not None and heading.id and ref.startswith(heading.id + "."):
            row.action_id = ref
            heading.placed.append(row)
            return
        if ref.startswith(theme.id + "."):
            row.action_id = ref
            parts = ref.split(".")
            if len(parts) >= len(theme.id.split(".")) + 2:
                ident = ".".join(parts[:-1])
                section = theme.sections.get(ident)
                if section is None:
                    section = theme.sections[ident] = Draft(ident, None, "refs")
                section.placed.append(row)
            else:
                theme.placed.append(row)
            return
        home = heading if heading is not None and heading.id else theme
        assert home.id is not None
        row.action_id = _free_id(home.id, ref, taken)
        taken.add(row.action_id)
        where = row.where("id")
        if ref:
            self.unused.append(
                f"{where}: ref {ref} is not numbered under "
                f"{'section' if home is heading else 'theme'} {home.id}; written as {row.action_id}"
            )
        else:
            self.unused.append(f"{where}: no ref; numbered {row.action_id}")
        home.placed.append(row)


def _uncalculated(where: str, formula: str, what: str) -> str:
    return (
        f"{where}: holds a formula ({formula}) with no stored value, where {what} should be "
        "(ragplan never calculates formulas): open and save the file in Excel or LibreOffice, "
        "or type the value"
    )


def all_rows(theme: Draft) -> list[Row]:
    return theme.placed + [r for s in theme.sections.values() for r in s.placed]


def _numbered_below(grid: Grid, header: Header, r: int, ident: str) -> bool:
    """Whether a ref below row `r` is numbered under `ident` (so row `r` heads them)."""
    col = header.columns["id"]
    return any(
        _ref(grid.cell(below, col).value).startswith(ident + ".")
        for below in range(r + 1, len(grid.rows) + 1)
    )


def _split_heading(text: str) -> tuple[str | None, str | None]:
    """('1.1', 'ICT Infrastructure') from '1.1: ICT Infrastructure'; (None, text) if no id."""
    text = " ".join(text.split())
    if found := _HEADING_ID.match(text):
        return found[1], None
    if found := _HEADING.match(text):
        return found[1], found[2].strip() or None
    return None, text or None


def _theme_id(theme: Draft, used: set[str]) -> str:
    """A theme's id when its heading gave none: its refs' shared first part, else a number."""
    firsts = {r.ref.split(".")[0] for r in theme.rows if "." in r.ref}
    if len(firsts) == 1 and all("." in r.ref for r in theme.rows):
        (first,) = firsts
        if first and first not in used:
            return first
    number = 1
    while str(number) in used:
        number += 1
    return str(number)


def _free_id(parent: str, ref: str, taken: set[str]) -> str:
    """`parent.ref`, or the next free `parent.N` when there is no ref or it is taken."""
    if ref and f"{parent}.{ref}" not in taken:
        return f"{parent}.{ref}"
    number = 1
    while f"{parent}.{number}" in taken:
        number += 1
    return f"{parent}.{number}"


def _ref(value: Value) -> str:
    """A ref as text: 3.0 as 3, '1.2.' as 1.2."""
    return " ".join(text_of(value).split()).rstrip(".")


def _text(value: Value) -> str:
    """A cell's text for a plan field: trailing spaces and Windows line ends tidied."""
    text = text_of(value)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:49] + "…"
