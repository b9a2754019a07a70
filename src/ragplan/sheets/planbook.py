"""`ragplan export`: the whole plan set as a workbook, for people who read plans in Excel.

A summary sheet first (the counts per status, per theme and overall, as `ragplan
summary` gives them), then one sheet per theme, or one sheet of every action with
its theme in a column. Every status cell carries its word on its colour; every
text is made inert, so no cell of the plan can run as a formula.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ragplan.errors import UsageError
from ragplan.model import Action, PlanSet, Theme
from ragplan.output.wording import done_share, plural, title_line
from ragplan.reports.summary import summarise
from ragplan.sheets.writing import (
    colour_status,
    fit_rows,
    header_row,
    put,
    sheet_title,
    status_colours,
    workbook_bytes,
)

LAYOUTS = ("sheets", "single")
ACTION_HEADINGS = [
    "Lead Body",
    "Ref",
    "Key Actions Summary (with end date)",
    "Due",
    "Lead Officer",
    "RAG Rating",
    "Notes",
]


def plan_workbook(plan_set: PlanSet, as_of: date | None, layout: str) -> bytes:
    """The workbook of `plan_set`, with a sheet per theme (`sheets`) or one (`single`)."""
    if layout not in LAYOUTS:
        raise UsageError(f"'{layout}': use {' or '.join(LAYOUTS)}", field="layout")
    from openpyxl import Workbook

    wb = Workbook()
    summary_sheet = wb.active
    assert summary_sheet is not None
    taken = {"summary"}
    summary_sheet.title = "Summary"
    _summary(summary_sheet, plan_set, as_of)
    colours = status_colours(plan_set.config.scale)
    labels = {s.key: s.label for s in plan_set.config.scale.statuses}
    if layout == "single":
        ws = wb.create_sheet(sheet_title("Actions", taken))
        header_row(ws, 1, ["Theme", "Section", *ACTION_HEADINGS])
        row = 2
        for theme in plan_set.themes:
            for action in _in_order(theme):
                section = action.section
                put(ws, row, 1, _name(theme.id, theme.title))
                put(ws, row, 2, _name(section.id, section.title) if section else None)
                _action(ws, row, 3, action, labels, colours)
                row += 1
        ws.auto_filter.ref = f"A1:I{max(row - 1, 1)}"
        fit_rows(ws, 2)
    else:
        for theme in plan_set.themes:
            ws = wb.create_sheet(sheet_title(_name(theme.id, theme.title), taken))
            put(ws, 1, 1, _name(theme.id, theme.title))
            if theme.lead_officer:
                put(ws, 2, 1, f"Lead officer: {theme.lead_officer}")
            header_row(ws, 4, ACTION_HEADINGS)
            row = 5
            section_id: str | None = None
            for action in _in_order(theme):
                section = action.section
                if section is not None and section.id != section_id:
                    section_id = section.id
                    put(ws, row, 1, _name(section.id, section.title)).font = _bold()
                    row += 1
                _action(ws, row, 1, action, labels, colours)
                row += 1
            fit_rows(ws, 5)
    return workbook_bytes(wb)


def _bold() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True)


def _name(ident: str, title: str | None) -> str:
    return f"{ident} {title}" if title else ident


def _in_order(theme: Theme) -> list[Action]:
    """Actions under the theme itself, then each section's, as the board paper lists them."""
    return list(theme.all_actions())


def _action(
    ws: Any,
    row: int,
    first: int,
    action: Action,
    labels: dict[str, str],
    colours: dict[str, tuple[str, str]],
) -> None:
    values = [
        action.lead_body,
        action.id,
        action.summary,
        action.due,
        action.lead_officer or action.theme.lead_officer,
        labels[action.rag],
        action.notes,
    ]
    for offset, value in enumerate(values):
        cell = put(ws, row, first + offset, value, wrap=offset in (2, 6))
        if offset == 5:
            colour_status(cell, colours[labels[action.rag]])


def _summary(ws: Any, plan_set: PlanSet, as_of: date | None) -> None:
    report = summarise(plan_set, as_of)
    put(ws, 1, 1, title_line(report.title, report.organisation)).font = _bold()
    share = done_share(report.percent_done, report.counted, report.total)
    actions = f"{report.total} {plural('action', report.total)}"
    put(ws, 2, 1, f"As of {report.as_of.isoformat()}: {actions}, {share}, {report.overdue} overdue")
    labels = [s.label for s in report.statuses]
    header_row(ws, 4, ["Theme", *labels, "Total", "% done", "Overdue"])
    colours = status_colours(plan_set.config.scale)
    for col, label in enumerate(labels, 2):
        colour_status(ws.cell(row=4, column=col), colours[label])
    row = 5
    for group in [*report.themes, None]:
        if group is None:
            name, counts = "All themes", report.counts
            total, percent, overdue = report.total, report.percent_done, report.overdue
        else:
            name, counts = _name(group.id or "", group.title), group.counts
            total, percent, overdue = group.total, group.percent_done, group.overdue
        put(ws, row, 1, name)
        for col, count in enumerate(counts, 2):
            ws.cell(row=row, column=col).value = count.count
        ws.cell(row=row, column=len(labels) + 2).value = total
        ws.cell(row=row, column=len(labels) + 3).value = percent
        ws.cell(row=row, column=len(labels) + 4).value = overdue
        if group is None:
            for col in range(1, len(labels) + 5):
                ws.cell(row=row, column=col).font = _bold()
        row += 1
    ws.column_dimensions["A"].width = 45
