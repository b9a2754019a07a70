"""Render `diff` and `history` results as plain text, a terminal table, Markdown, HTML or json.

Every format shows the same tables; status changes always carry words, never
colour or arrows alone. rich is imported only to draw a terminal table.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ragplan.output.textsafe import md_cell, show_controls
from ragplan.reports.diff import KINDS, Change, PlanDiff
from ragplan.reports.history import History, Point
from ragplan.reports.report import percent

FORMATS = ("text", "md", "html", "json")

KIND_WORDS = {
    "added": "added",
    "removed": "removed",
    "improved": "↑ improved",
    "worsened": "↓ worsened",
    "redated": "re-dated",
    "changed": "changed",
}


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Report:
    """A heading, a line under it, and tables: what every format draws."""

    title: str
    lead: str
    tables: list[Table]


# The diff.


def _to_name(diff: PlanDiff) -> str:
    return diff.to_rev if diff.to_rev is not None else "the working tree"


def _both(then: object, now: object) -> str:
    shown = ["" if v is None else str(v) for v in (then, now)]
    if then is None or now is None or then == now:
        return shown[0] or shown[1]
    return f"{shown[0]} → {shown[1]}"


def diff_report(diff: PlanDiff) -> Report:
    labels = {s.key: s.label for s in diff.statuses}
    title = f"Changes from {diff.from_rev} to {_to_name(diff)}"
    changes = sorted(diff.changes, key=lambda c: KINDS.index(c.kind))
    if changes:
        moved = f"{len(changes)} action{'s' if len(changes) != 1 else ''} changed: " + ", ".join(
            f"{len(diff.by_kind(k))} {KIND_WORDS[k].split()[-1]}" for k in KINDS if diff.by_kind(k)
        )
    else:
        moved = "No action changed."
    rows = [
        [
            c.id,
            KIND_WORDS[c.kind],
            _both(labels.get(c.from_rag or "", c.from_rag), labels.get(c.to_rag or "", c.to_rag)),
            _both(c.from_due, c.to_due),
            ", ".join(c.fields),
            c.summary,
        ]
        for c in changes
    ]
    tables = []
    if rows:
        tables.append(
            Table("Actions", ["Id", "Change", "Status", "Due", "Fields", "Summary"], rows)
        )
    tables.append(_counts_table(diff))
    return Report(title, moved, tables)


def _counts_table(diff: PlanDiff) -> Table:
    keys = [s.key for s in diff.statuses]
    before, after = diff.before, diff.after

    def cells(then: dict[str, int] | None, now: dict[str, int] | None) -> list[str]:
        then = then or {}
        now = now or {}
        found = [_both(then.get(k, 0), now.get(k, 0)) for k in keys]
        return found + [_both(sum(then.values()), sum(now.values()))]

    rows = []
    for theme_id, title in diff.theme_titles.items():
        name = f"{theme_id} {title}" if title else theme_id
        rows.append([name, *cells(before.themes.get(theme_id), after.themes.get(theme_id))])
    rows.append(["All themes", *cells(before.counts, after.counts)])
    headers = ["Theme", *(s.label for s in diff.statuses), "Total"]
    return Table(
        f"Actions per status, {diff.from_rev} → {_to_name(diff)}",
        headers,
        rows,
        frozenset(range(1, len(headers))),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "id": change.id,
        "kind": change.kind,
        "fields": list(change.fields),
        "from_rag": change.from_rag,
        "to_rag": change.to_rag,
        "from_due": _iso(change.from_due),
        "to_due": _iso(change.to_due),
    }


def diff_json(diff: PlanDiff) -> str:
    """The json contract: from_rev, to_rev (null: the working tree), changes, before, after."""
    data = {
        "from_rev": diff.from_rev,
        "to_rev": diff.to_rev,
        "changes": [_change_json(c) for c in diff.changes],
        "before": {"counts": diff.before.counts, "themes": diff.before.themes},
        "after": {"counts": diff.after.counts, "themes": diff.after.themes},
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


# The history.


def _percent(point: Point) -> str:
    # Rounded down, as summary does: 100% only when every action is done.
    return f"{percent(point.done, point.total)}%" if point.total else "-"


def history_report(found: History) -> Report:
    what = "tag" if found.by == "tags" else "commit touching the plans"
    headers = ["Revision", "Date", "As of", *(s.label for s in found.statuses), "Total", "Done"]
    rows = [
        [
            p.rev,
            p.time.date().isoformat(),
            _iso(p.as_of) or "",
            *(str(p.counts.get(s.key, 0)) for s in found.statuses),
            str(p.total),
            _percent(p),
        ]
        for p in found.points
    ]
    table = Table("Actions per status", headers, rows, frozenset(range(3, len(headers))))
    return Report(
        f"History of {found.folder}",
        f"Counts at each {what}, oldest first ({len(found.points)}).",
        [table],
    )


def history_json(found: History) -> str:
    """{"by", "folder", "statuses": [{"key", "label", "done"}], "points": [{"rev", "commit",
    "date", "as_of", "total", "done", "counts"}]}, points oldest first."""
    data = {
        "by": found.by,
        "folder": found.folder,
        "statuses": [{"key": s.key, "label": s.label, "done": s.done} for s in found.statuses],
        "points": [
            {
                "rev": p.rev,
                "commit": p.commit,
                "date": p.time.isoformat(),
                "as_of": _iso(p.as_of),
                "total": p.total,
                "done": p.done,
                "counts": {s.key: p.counts.get(s.key, 0) for s in found.statuses},
            }
            for p in found.points
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


# Text, Markdown and HTML, shared by both.


def plain(report: Report) -> str:
    lines = [report.title, report.lead]
    for table in report.tables:
        widths = [
            max(len(row[i]) for row in [table.headers, *table.rows])
            for i in range(len(table.headers))
        ]
        lines += ["", table.title]
        for row in [table.headers, *table.rows]:
            cells = [
                cell.rjust(w) if i in table.numeric else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ]
            lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def terminal(report: Report, colour: bool, width: int) -> str:
    """The report drawn with rich tables, for a terminal `width` columns wide."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table as RichTable

    out = StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=colour,
        color_system="standard" if colour else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(report.title, style="bold")
    console.print(report.lead)
    for table in report.tables:
        drawn = RichTable(title=table.title, title_justify="left")
        for i, header in enumerate(table.headers):
            drawn.add_column(header, justify="right" if i in table.numeric else "left")
        for row in table.rows:
            drawn.add_row(*row)
        console.print()
        console.print(drawn)
    return out.getvalue()


def markdown(report: Report) -> str:
    lines = [f"## {md_cell(report.title)}", "", report.lead]
    for table in report.tables:
        lines += ["", f"### {md_cell(table.title)}", ""]
        lines.append("| " + " | ".join(md_cell(h) for h in table.headers) + " |")
        lines.append(
            "|"
            + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.headers)))
            + "|"
        )
        for row in table.rows:
            lines.append("| " + " | ".join(md_cell(c) for c in row) + " |")
    return "\n".join(lines) + "\n"


_STYLE = (
    "body{font-family:sans-serif;margin:2em;color:#0b0c0c}"
    "table{border-collapse:collapse;margin:1em 0}"
    "th,td{border:1px solid #b1b4b6;padding:.3em .6em;text-align:left;vertical-align:top}"
    "td.n,th.n{text-align:right}"
)


def html_page(report: Report, figure: str = "") -> str:
    """A standalone page: no external asset, every text escaped."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{esc(report.title)}</title>",
        f"<style>{_STYLE}</style></head>",
        "<body>",
        f"<h1>{esc(report.title)}</h1>",
        f"<p>{esc(report.lead)}</p>",
    ]
    if figure:
        parts.append(figure)
    for table in report.tables:
        parts.append(f"<table>\n<caption>{esc(table.title)}</caption>")
        parts.append("<thead>" + _html_row(table.headers, "th", table.numeric) + "</thead>")
        parts.append("<tbody>")
        parts += [_html_row(r, "td", table.numeric) for r in table.rows]
        parts.append("</tbody>\n</table>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_row(cells: list[str], tag: str, numeric: frozenset[int]) -> str:
    drawn = []
    for i, cell in enumerate(cells):
        opening = f'<{tag} class="n">' if i in numeric else f"<{tag}>"
        drawn.append(opening + "<br>".join(html.escape(cell).splitlines()) + f"</{tag}>")
    return "<tr>" + "".join(drawn) + "</tr>"


# The trend chart: one line per status, drawn in its scale colour.

_GREY = "#505a5f"
_CHART = {"width": 640, "height": 280, "left": 48, "right": 120, "top": 16, "bottom": 48}


def _labelled(count: int, step: float, room: float = 72.0) -> list[int]:
    """Which points get their revision written under them: evenly spaced, never
    closer than `room` pixels, always the first and the last."""
    every = max(1, int(-(-room // step))) if step else 1
    chosen = list(range(0, count, every))
    if chosen[-1] != count - 1:
        if (count - 1 - chosen[-1]) * step < room:
            chosen.pop()
        chosen.append(count - 1)
    return chosen


def trend_svg(found: History) -> str:
    """An inline SVG line chart of the counts per status at each point, oldest on the left."""
    esc = html.escape
    c = _CHART
    plot_w = c["width"] - c["left"] - c["right"]
    plot_h = c["height"] - c["top"] - c["bottom"]
    points = found.points
    top = max([max(p.counts.values(), default=0) for p in points] + [1])
    step = plot_w / (len(points) - 1) if len(points) > 1 else 0

    def x(i: int) -> float:
        return c["left"] + (i * step if len(points) > 1 else plot_w / 2)

    def y(n: int) -> float:
        return c["top"] + plot_h - plot_h * n / top

    bottom = c["top"] + plot_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{c["width"]}" '
        f'height="{c["height"]}" viewBox="0 0 {c["width"]} {c["height"]}" '
        'font-family="sans-serif" font-size="11">',
        f"<title>{esc(f'Actions per status at each revision of {found.folder}')}</title>",
        f'<line x1="{c["left"]}" y1="{bottom}" x2="{c["left"] + plot_w}" y2="{bottom}" '
        f'stroke="{_GREY}"/>',
        f'<line x1="{c["left"]}" y1="{c["top"]}" x2="{c["left"]}" y2="{bottom}" stroke="{_GREY}"/>',
        f'<text x="{c["left"] - 6}" y="{c["top"] + 4}" text-anchor="end">{top}</text>',
        f'<text x="{c["left"] - 6}" y="{bottom + 4}" text-anchor="end">0</text>',
    ]
    for i in _labelled(len(points), step):
        parts.append(
            f'<text x="{x(i):.1f}" y="{bottom + 16}" text-anchor="middle">'
            f"{esc(points[i].rev)}</text>"
        )
    for n, status in enumerate(found.statuses):
        colour = esc(status.colour or _GREY)
        spots = [(x(i), y(p.counts.get(status.key, 0)), p) for i, p in enumerate(points)]
        coords = " ".join(f"{sx:.1f},{sy:.1f}" for sx, sy, _ in spots)
        parts.append(f"<g><title>{esc(status.label)}</title>")
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        for sx, sy, p in spots:
            tip = f"{p.rev}: {p.counts.get(status.key, 0)} {status.label}"
            parts.append(
                f'<circle cx="{sx:.1f}" cy="{sy:.1f}" r="3" fill="{colour}">'
                f"<title>{esc(tip)}</title></circle>"
            )
        parts.append("</g>")
        legend_y = c["top"] + 8 + 18 * n
        legend_x = c["left"] + plot_w + 16
        parts.append(
            f'<rect x="{legend_x}" y="{legend_y - 8}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{legend_x + 16}" y="{legend_y + 1}">{esc(status.label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def history_html(found: History) -> str:
    return html_page(_shown(history_report(found)), f"<figure>\n{trend_svg(found)}\n</figure>")


def render_diff(diff: PlanDiff, format: str, width: int | None = None, colour: bool = False) -> str:
    """`diff` in `format`; text is drawn as a rich table when a terminal `width` is given."""
    if format == "json":
        return diff_json(diff) + "\n"
    return _render(diff_report(diff), format, width, colour)


def render_history(
    found: History, format: str, width: int | None = None, colour: bool = False
) -> str:
    """`history` in `format`; html has the trend chart."""
    if format == "json":
        return history_json(found) + "\n"
    if format == "html":
        return history_html(found)
    return _render(history_report(found), format, width, colour)


def _shown(report: Report) -> Report:
    """The report with every control character made visible, so no format obeys one."""
    return Report(
        show_controls(report.title),
        show_controls(report.lead),
        [
            Table(
                show_controls(t.title),
                [show_controls(h) for h in t.headers],
                [[show_controls(c) for c in row] for row in t.rows],
                t.numeric,
            )
            for t in report.tables
        ],
    )


def _render(report: Report, format: str, width: int | None, colour: bool) -> str:
    report = _shown(report)
    if format == "md":
        return markdown(report)
    if format == "html":
        return html_page(report)
    if width is not None:
        return terminal(report, colour, width)
    return plain(report)
