"""`ragplan import`: turn a tracker kept in a spreadsheet into a plan set.

The header row is found, not assumed (see ragplan.sheets.columns); themes and
sections come from heading rows, a theme column, a sheet per theme or dotted
refs; the statuses found become the scale (or are matched to a given one); dates
are read as trackers write them. Every cell that cannot be used as it is, is said,
with where it is. The files are written as new YAML that reads back exactly, and
the plan set must pass `ragplan validate --strict` before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ragplan.editing.set_action import check_texts, plan_file_names
from ragplan.editing.writer import FileEdit
from ragplan.editing.yamlwrite import entry, id_entry
from ragplan.errors import SpreadsheetError, UsageError, WriteError
from ragplan.model import Scale, natural_key
from ragplan.paths import display_path
from ragplan.problems import Problem
from ragplan.reading.disk import DiskSource
from ragplan.reading.sources import CONFIG_NAMES, EmptySource, Source
from ragplan.sheets.columns import Header, find_header, missing_column_message
from ragplan.sheets.grid import Grid, column_letter
from ragplan.sheets.layout import ACTION_FIELDS, Draft, Layout, Row, all_rows
from ragplan.sheets.statuses import make_scale, onto_scale
from ragplan.sheets.statuses import slug as status_slug

# Which cell a problem found by `ragplan validate` is about, by its rule.
_RULE_FIELD = {
    "missing-notes": "notes",
    "unknown-status": "rag",
    "duplicate-id": "id",
    "id-hierarchy": "id",
}


@dataclass(frozen=True)
class ImportOptions:
    """What `ragplan import` was asked: the sheet, column names, a scale, done words."""

    sheet: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    scale_file: Path | None = None
    done: tuple[str, ...] = ()
    title: str | None = None
    force: bool = False
    allow_warnings: bool = False


@dataclass
class Imported:
    """The new plan set's files, not yet written, and what the import did."""

    source: Path
    target: Path
    files: list[FileEdit]
    read: list[str]
    themes: list[tuple[str, str | None, int]]
    statuses: list[str]
    unused: list[str]
    actions: int
    # What writer.commit's callers print; an import says its warnings among `unused`.
    warnings: list[Problem] = field(default_factory=list)

    def messages(self) -> list[str]:
        lines = list(self.read)
        lines.append("statuses, best first:")
        lines += [f"  {s}" for s in self.statuses]
        lines.append("themes:")
        for ident, title, count in self.themes:
            name = f"{ident} {title}" if title else ident
            lines.append(f"  {name}: {count} action{'' if count == 1 else 's'}")
        if self.unused:
            lines.append(f"cells not used as they are ({len(self.unused)}):")
            lines += [f"  {u}" for u in self.unused]
        themes = len(self.themes)
        lines.append(
            f"{self.actions} action{'' if self.actions == 1 else 's'} in {themes} "
            f"theme{'' if themes == 1 else 's'} imported from {display_path(self.source)} "
            f"into {display_path(self.target)}"
        )
        return lines


def _check_target(target: Path, force: bool) -> None:
    shown = display_path(target)
    if target.exists() and not target.is_dir():
        raise WriteError(f"{shown} is not a folder")
    if plan_file_names(target) and not force:
        raise WriteError(
            f"{shown} already holds a plan set; use {{force}} to write into it",
            mentions=("force",),
        )


def import_plan(source: Path, target: Path, options: ImportOptions) -> Imported:
    """The plan set `source` (an .xlsx or .csv tracker) becomes, for the folder `target`;
    nothing is written (see writer.commit)."""
    _check_target(target, options.force)
    grids, read = _read_sheets(source, options)
    state = Layout(options.title)
    for grid, header in grids:
        state.walk(grid, header, several=len(grids) > 1)
    if state.errors:
        raise SpreadsheetError(
            f"{display_path(source)}: {len(state.errors)} cell"
            f"{'' if len(state.errors) == 1 else 's'} cannot be imported; nothing was written",
            state.errors,
        )
    themes = state.finish()
    scale, mapping, described = (
        onto_scale(state.rows, options.scale_file)
        if options.scale_file is not None
        else make_scale(state.rows, options.done, state.status_column)
    )
    title = (options.title or state.title or source.stem).strip()
    if options.title is None:
        said = f"from {state.title_where}" if state.title else "from the file name"
        read.append(f"plan title: '{title}' ({said}; set another with --title)")
    today = date.today()
    texts, lines = _render(themes, scale, mapping, title, source, options, today)
    warned = _check(target, texts, lines, options)
    files = []
    for name, data in texts.items():
        path = target / name
        files.append(FileEdit(path, path.read_bytes() if path.is_file() else None, data))
    counts = [(t.id or "", t.title, len(all_rows(t))) for t in themes]
    unused = state.unused + warned
    return Imported(source, target, files, read, counts, described, unused, len(state.rows))


# Reading the sheets


def _read_sheets(
    source: Path, options: ImportOptions
) -> tuple[list[tuple[Grid, Header]], list[str]]:
    """The sheets to import, each with its header row, and what was read, in words."""
    shown = display_path(source)
    read: list[str] = []
    if source.suffix.lower() in (".csv", ".txt", ".tsv"):
        from ragplan.sheets.csvfile import read_csv

        sheet = read_csv(source)
        grids = [sheet.grid]
        read.append(f"read {shown} as {sheet.encoding}")
        if options.sheet is not None:
            raise UsageError("is for workbooks; a CSV file has one sheet", field="sheet")
    else:
        from ragplan.sheets.workbook import read_workbook

        book = read_workbook(source, allow_macros=True)
        if book.macros:
            read.append(f"{shown} holds macros: they were not run; only values were read")
        grids = book.sheets
        if options.sheet is not None:
            chosen = book.sheet(options.sheet)
            if chosen is None:
                names = ", ".join(s.name for s in book.sheets)
                raise UsageError(f"'{options.sheet}': no such sheet; it has {names}", field="sheet")
            grids = [chosen]
    found = []
    for grid in grids:
        header = find_header(grid, options.mapping)
        if grid.hidden and options.sheet is None:
            read.append(f"sheet {grid.name} is hidden; not read (read it with --sheet)")
            continue
        if header is None:
            read.append(f"sheet {grid.name}: no header row of an action plan; not read")
            continue
        found.append((grid, header))
        named = ", ".join(
            f"{header.heading(col) or column_letter(col)} → {name}"
            for name, col in sorted(header.columns.items(), key=lambda item: item[1])
        )
        read.append(f"sheet {grid.name}: header in row {header.row}; columns {named}")
        read += [f"sheet {grid.name}: {note}" for note in header.notes]
    if not found:
        shown_grids = [g for g in grids if not g.hidden or options.sheet is not None] or grids
        why = missing_column_message(shown_grids[0], options.mapping)
        if options.mapping:
            raise UsageError(why, field="map")
        raise SpreadsheetError(f"{shown}: {why}")
    return found, read


# Writing


def _file_name(theme: Draft, taken: set[str]) -> str:
    ident = re.sub(r"[^0-9A-Za-z.]+", "-", theme.id or "").strip("-.") or "theme"
    slug = status_slug(theme.title or "")[:50].rstrip("-")
    stem = f"{ident}-{slug}" if slug else ident
    name, number = f"{stem}.yaml", 2
    while name in taken or name in CONFIG_NAMES:
        name, number = f"{stem}-{number}.yaml", number + 1
    taken.add(name)
    return name


def _render(
    themes: list[Draft],
    scale: Scale,
    mapping: dict[str, str],
    title: str,
    source: Path,
    options: ImportOptions,
    today: date,
) -> tuple[dict[str, bytes], dict[tuple[str, int], Row]]:
    """The files' texts, and which row each action's id line came from."""
    said = f"# Imported by ragplan from {source.name} on {today.isoformat()}."
    config = [said]
    if options.scale_file is not None:
        config.append(f"# The scale is the one in {options.scale_file.name}.")
    else:
        config += [
            "# The scale lists the statuses found, best first: check their order, which are",
            "# done, and give each a meaning (the sentence reports use).",
        ]
    config.append(entry(0, "title", title))
    config.append("scale:")
    for status in scale.statuses:
        config.append("  - " + entry(4, "key", status.key))
        config.append("    " + entry(4, "label", status.label))
        if status.meaning:
            config.append("    " + entry(4, "meaning", status.meaning))
        if status.done:
            config.append("    done: true")
        if status.colour:
            config.append(f'    colour: "{status.colour}"')  # as README writes it
    texts = {CONFIG_NAMES[0]: ("\n".join(config) + "\n").encode("utf-8")}
    lines_of: dict[tuple[str, int], Row] = {}
    names: set[str] = set()
    for theme in themes:
        name = _file_name(theme, names)
        rows = all_rows(theme)
        sheets = sorted({r.grid.name for r in rows})
        first = min(r.row for r in rows)
        last = max(r.row for r in rows)
        rows_said = f"row {first}" if first == last else f"rows {first}-{last}"
        where = ", ".join(f"sheet {s}" for s in sheets) + f", {rows_said}"
        lines = [f"# Imported by ragplan from {source.name} ({where}) on {today.isoformat()}."]
        lines.append(id_entry(theme.id or ""))
        if theme.title:
            lines.append(entry(0, "title", theme.title))
        if theme.lead_officer:
            lines.append(entry(0, "lead_officer", theme.lead_officer))
        sections = sorted(theme.sections.values(), key=lambda s: natural_key(s.id or ""))
        if sections:
            lines.append("sections:")
            for section in sections:
                lines.append("  - " + id_entry(section.id or ""))
                if section.title:
                    lines.append("    " + entry(4, "title", section.title))
                lines.append("    actions:")
                for row in _sorted(section.placed):
                    lines_of[(name, len(lines) + 1)] = row
                    lines += _action_lines(row, 6, mapping)
        if theme.placed:
            lines.append("actions:")
            for row in _sorted(theme.placed):
                lines_of[(name, len(lines) + 1)] = row
                lines += _action_lines(row, 2, mapping)
        texts[name] = ("\n".join(lines) + "\n").encode("utf-8")
    return texts, lines_of


def _sorted(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: natural_key(r.action_id))


def _action_lines(row: Row, dash: int, mapping: dict[str, str]) -> list[str]:
    col = dash + 2
    lines = [" " * dash + "- " + id_entry(row.action_id)]
    for name in ACTION_FIELDS:
        if name == "due":
            if row.due is not None:
                lines.append(" " * col + entry(col, "due", row.due.isoformat(), typed=True))
        elif name == "rag":
            lines.append(" " * col + entry(col, "rag", mapping[row.status]))
        elif name in row.values:
            lines.append(" " * col + entry(col, name, row.values[name]))
    return lines


def _check(
    target: Path,
    texts: dict[str, bytes],
    lines_of: dict[tuple[str, int], Row],
    options: ImportOptions,
) -> list[str]:
    """Refuse a plan set `ragplan validate --strict` would fail, naming the cells; with
    `allow_warnings`, the warnings it would give, named the same way."""
    base: Source = (
        DiskSource(target) if target.is_dir() else EmptySource(target, display_path(target))
    )
    problems = check_texts(base, texts)
    shown = [_at_cell(p, lines_of) for p in problems]
    errors = sum(1 for p in problems if p.level == "error")
    if not problems or (options.allow_warnings and not errors):
        return shown
    what = (
        f"{errors} error{'' if errors == 1 else 's'}"
        if errors
        else (f"{len(problems)} warning{'' if len(problems) == 1 else 's'}")
    )
    hint = "" if errors else "; fill in those cells, or give --allow-warnings to import anyway"
    raise SpreadsheetError(
        f"the imported plan set would have {what} under `ragplan validate --strict`; "
        f"nothing was written{hint}",
        shown,
    )


def _at_cell(problem: Problem, lines_of: dict[tuple[str, int], Row]) -> str:
    """A problem of the new files, said at the cell it comes from."""
    name = Path(problem.file).name
    row = lines_of.get((name, problem.line))
    if row is None:  # a problem on a field's line: the action whose block holds it
        above = [line for (n, line) in lines_of if n == name and line <= problem.line]
        row = lines_of.get((name, max(above))) if above else None
    where = row.where(_RULE_FIELD.get(problem.rule, "summary")) if row else problem.file
    return f"{where}: [{problem.level}] {problem.message} ({problem.rule})"
