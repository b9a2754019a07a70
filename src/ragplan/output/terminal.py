"""Reports drawn as rich tables for a terminal; imported only when one is drawn.

Tables are built as rich Tables, their columns laid out by tablelayout.py (so that no
word is cut short), and drawn by rich.

Every cell is a rich Text built from plain strings, so '[red]' in a note is
printed, not read as markup, and control characters are shown, not obeyed.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from rich.color import Color, ColorSystem
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ragplan.output.spc_words import indicator_line
from ragplan.output.tablelayout import lay_out, turned
from ragplan.output.wording import (
    done_share,
    filters_line,
    headline,
    in_unit,
    indicators_heading,
    indicators_lead,
    listed_line,
    long_date,
    new_sentence,
    none_listed,
    plural,
    title_line,
    travel_sentence,
)
from ragplan.textsafe import show_controls

if TYPE_CHECKING:  # a run draws one kind of report and imports only its code
    from ragplan.output.views import View
    from ragplan.reports.common import Previous, ReportStatus, Travel
    from ragplan.reports.diff import PlanDiff
    from ragplan.reports.history import History
    from ragplan.reports.indicators import Indicators
    from ragplan.reports.outstanding import Outstanding, OutstandingAction
    from ragplan.reports.summary import Summary


def _text(value: object, style: str | Style = "") -> Text:
    return Text("" if value is None else show_controls(str(value)), style=style)


# WCAG's contrast for normal text (AA): a status's label on its colour reads at least this.
LEAST_CONTRAST = 4.5


def colour_depth() -> Literal["truecolor", "256"]:
    """'truecolor' where the terminal says it shows any colour (COLORTERM), else '256':
    scale colours are exact '#rrggbb', and reduced to 16 colours green can turn grey."""
    return "truecolor" if os.environ.get("COLORTERM") in ("truecolor", "24bit") else "256"


@cache
def status_background(colour: str, text: str, depth: Literal["truecolor", "256"]) -> Color:
    """The background a status's label (in `text`) is drawn on: its scale `colour` as the
    terminal shows it (at 256 colours, the palette's nearest: '#d4351c' red is shown
    '#d75f00', orange); where that reads at less than LEAST_CONTRAST with the text, one of
    its darker (under white text) or lighter (under black text) shades that reads well
    enough, the nearest in hue weighed against how much it is changed ('#af0000', red)."""
    from colorsys import rgb_to_hls

    from ragplan.reports.common import contrast_ratio

    def shown(hex_colour: str) -> Color:
        found = Color.parse(hex_colour)
        return found if depth == "truecolor" else found.downgrade(ColorSystem.EIGHT_BIT)

    def hue(hex_colour: str) -> tuple[float, float]:
        h, _, saturation = rgb_to_hls(*(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))
        return h * 360, saturation

    own = shown(colour)
    if contrast_ratio(own.get_truecolor().hex, text) >= LEAST_CONTRAST:
        return own
    light_text = contrast_ratio(text, "#000000") > contrast_ratio(text, "#ffffff")
    towards = 0 if light_text else 255  # darker shades under light text, lighter under dark
    start = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    wanted, _ = hue(colour)
    choices = []
    for step in range(1, 21):  # 5% nearer black (or white) a step; the last step reads 21:1
        mixed = "#" + "".join(f"{round(c + (towards - c) * step / 20):02x}" for c in start)
        found = shown(mixed)
        drawn = found.get_truecolor().hex
        if contrast_ratio(drawn, text) >= LEAST_CONTRAST:
            h, saturation = hue(drawn)
            apart = min(abs(h - wanted), 360 - abs(h - wanted)) if saturation > 0.1 else 0
            choices.append((apart + 3 * step, step, found))  # the hue first, then the change
    return min(choices, key=lambda choice: choice[:2])[2]


def _rag(status: ReportStatus, overdue: bool = False) -> Text:
    background = status_background(status.colour, status.text_colour, colour_depth())
    cell = _text(status.label, Style(color=status.text_colour, bgcolor=background))
    if overdue:
        cell.append("\noverdue", style="bold")
    return cell


def _draw(*parts: object) -> str:
    """The parts drawn for the terminal's width: a table too wide for it even with its
    cells wrapped is turned on its side (see tablelayout), so no line is wider than the
    terminal and no word is cut short or dropped."""
    out = io.StringIO()
    terminal = shutil.get_terminal_size((100, 24)).columns
    fitted: list[object] = []
    width = terminal  # more only on a terminal narrower than a heading and a word
    for part in parts:
        if isinstance(part, Table) and lay_out(part, terminal) > terminal:
            fitted += (found := turned(part, terminal))
            width = max([width, *(lay_out(t, terminal) for t in found)])
        else:
            fitted.append(part)
    console = Console(
        file=out,
        force_terminal=True,
        width=width,
        highlight=False,
        color_system=colour_depth(),
        emoji=False,
        markup=False,
    )
    for part in fitted:  # each drawn and printed before the next: none held in full
        console.print(part)
    return out.getvalue()


def summary_table(summary: Summary) -> str:
    share = done_share(summary.percent_done, summary.counted, summary.total)
    plan = title_line(summary.title, summary.organisation)
    title = f"{plan}, as of {long_date(summary.as_of)}: {share}"
    table = Table()
    if summary.by == "theme":
        table.add_column("Theme")
        table.add_column("Title")
        table.add_column("Lead officer")
    else:
        table.add_column("Lead officer" if summary.by == "lead_officer" else "Lead body")
    for status in summary.statuses:
        table.add_column(_rag(status), justify="right", no_wrap=True)
    table.add_column("Total", justify="right", no_wrap=True)  # figures and their heads
    table.add_column("% done", justify="right", no_wrap=True)  # are never split
    if summary.overdue:
        table.add_column("Overdue", justify="right", no_wrap=True)
    if summary.previous is not None:
        for count in summary.previous.counts:
            table.add_column(f"{count.status.label} then", justify="right", no_wrap=True)
        table.add_column("Total then", justify="right", no_wrap=True)
        table.add_column("% done then", justify="right", no_wrap=True)
        table.add_column("Direction")
    for group in summary.groups:
        named = [group.id, group.title, group.lead_officer] if summary.by == "theme" else []
        if summary.by != "theme":
            named = [group.id or "(not given)"]
        cells = [_text(v) for v in named]
        cells += [_text(c.count) for c in group.counts]
        cells += [_text(group.total), _text(f"{group.percent_done}%")]
        if summary.overdue:
            cells.append(_text(group.overdue))
        cells += _then(group.previous, group.direction)
        table.add_row(*cells)
    blank = [_text("")] * (2 if summary.by == "theme" else 0)
    totals = [_text("Total", "bold"), *blank, *(_text(c.count, "bold") for c in summary.counts)]
    totals += [_text(summary.total, "bold"), _text(f"{summary.percent_done}%", "bold")]
    if summary.overdue:
        totals.append(_text(summary.overdue, "bold"))
    totals += _then(summary.previous, summary.direction, "bold")
    table.add_section()
    table.add_row(*totals)
    lines = [_text(headline(summary.total, summary.counts, summary.overdue), "bold"), _text(title)]
    if summary.previous is not None and summary.direction is not None:
        assert summary.moves is not None
        sentence = travel_sentence(
            summary.previous, summary.done, summary.counted, summary.direction, summary.moves
        )
        lines.append(_text(sentence))
    if summary.joint:
        lines.append(
            _text(
                "An action with joint lead officers counts under each of them: "
                f"{summary.joint} {plural('action', summary.joint)} "
                f"{plural('has', summary.joint, 'have')} joint leads."
            )
        )
    tally = summary.indicators
    if tally is None:
        return _draw(*lines, table)
    lines.append(_text(f"Indicators: {indicator_line(tally)}"))
    if summary.by != "theme":
        return _draw(*lines, table)
    by_theme = Table(title="Indicators by theme", title_justify="left")
    for name in ("Theme", "Indicator", "Latest", "Rating", "Direction"):
        by_theme.add_column(name, no_wrap=name != "Indicator")
    for i in tally.indicators:
        latest = f"{in_unit(i.value, i.unit)} in {i.period}" if i.value is not None else ""
        rating = _rag(i.rating) if i.rating else _text("not rated")
        by_theme.add_row(
            _text(i.theme or "(none)"), _text(i.title), _text(latest), rating, _text(i.direction)
        )
    return _draw(*lines, table, _text(""), by_theme)


def _then(previous: Previous | None, direction: Travel | None, style: str = "") -> list[Text]:
    """The cells of the --since columns: counts then, total, % done then, direction."""
    if previous is None or direction is None:
        return []
    cells = [_text(c.count, style) for c in previous.counts]
    share = f"{previous.percent_done}%" if previous.counted else "-"
    return [*cells, _text(previous.total, style), _text(share, style), _text(direction, style)]


def _actions_table(actions: list[OutstandingAction], since: bool) -> Table:
    table = Table(show_lines=True, expand=True)
    table.add_column("Ref", no_wrap=True)
    table.add_column("Lead body", ratio=1)
    table.add_column("Key action (end date)", ratio=3)
    table.add_column("Lead officer", ratio=1)
    table.add_column("RAG", no_wrap=True)
    if since:
        table.add_column("RAG then", no_wrap=True)
    table.add_column("Notes", ratio=3)
    for a in actions:
        summary = a.summary + (f" (end date {long_date(a.due)})" if a.due else "")
        cells = [_text(a.id), _text(a.lead_body), _text(summary), _text(a.lead_officer)]
        cells.append(_rag(a.status, a.overdue))
        if since:
            was = _rag(a.previous_status) if a.previous_status else _text("not in plan")
            if a.new:
                was.append("\nnew", style="bold")
            cells.append(was)
        table.add_row(*cells, _text(a.notes))
    return table


def outstanding_table(outstanding: Outstanding) -> str:
    parts: list[object] = [
        _text(title_line(outstanding.title, outstanding.organisation), "bold"),
        _text(
            f"Outstanding actions as of {long_date(outstanding.as_of)}: {listed_line(outstanding)}"
        ),
    ]
    if outstanding.filters:
        parts.append(_text(filters_line(outstanding.filters), "bold"))
    if not outstanding.actions:
        parts.append(_text(none_listed(outstanding)))
    since = outstanding.previous is not None
    if outstanding.previous is not None and outstanding.actions:
        parts.append(_text(new_sentence(outstanding.previous, outstanding.actions)))
    for theme in outstanding.themes:
        heading = f"{theme.id}: {theme.title}" if theme.title else theme.id
        if theme.lead_officer:
            heading += f" (lead officer: {theme.lead_officer})"
        parts += [_text(""), _text(heading, "bold")]
        for section in theme.sections:
            if section.id is not None:
                label = f"{section.id} {section.title}" if section.title else section.id
                parts.append(_text(label, "italic"))
            parts.append(_actions_table(section.actions, since))
    return _draw(*parts)


def view_tables(view: View) -> str:
    """diff and history: the heading, the sentence, then each table."""
    parts: list[object] = [_text(view.heading, "bold"), _text(view.lead)]
    for table in view.tables:
        drawn = Table(title=table.title, title_justify="left")
        for i, header in enumerate(table.headers):
            figures = i in table.numeric  # never split
            justify: Literal["right", "left"] = "right" if figures else "left"
            drawn.add_column(header, justify=justify, no_wrap=figures)
        for row in table.rows:
            drawn.add_row(*(_text(cell) for cell in row))
        parts += [_text(""), drawn]
    return _draw(*parts)


def indicators_tables(report: Indicators) -> str:
    """Each table of indicators, rating cells in their colours, then why each is rated."""
    parts: list[object] = [
        _text(indicators_heading(report), "bold"),
        _text(indicators_lead(report)),
    ]
    if report.total and not report.indicators:
        parts.append(_text("No indicator matches."))
    spc = _spc_parts(report) if report.charted else []
    if report.show == "spc":
        parts += spc
    for table in report.tables:
        # Values are never split: a narrow terminal must not turn 22.1 into '22…'; titles
        # wrap instead, and a table too wide even so is drawn whole (tablelayout.py).
        drawn = Table()
        drawn.add_column(table.title)
        for name in [*table.periods, *table.labels]:
            drawn.add_column(name, justify="right", no_wrap=True)
        if report.rated:
            drawn.add_column("Target", justify="right", no_wrap=True)
            drawn.add_column("Rating", no_wrap=True)
            drawn.add_column("Direction", no_wrap=True)
        for row in table.rows:
            i = row.indicator
            cells = [_text(i.title)]
            cells += [_text(v.value if v else None) for v in row.values]
            cells += [_text(in_unit(s.value, i.unit) if s else None) for s in row.summaries]
            if report.rated:
                cells.append(_text(in_unit(i.target, i.unit)))
                cells.append(_rag(i.rating) if i.rating else _text("not rated"))
                cells.append(_text(i.direction))
            drawn.add_row(*cells)
        parts += [_text(""), drawn]
    if report.rated:
        parts += [_text(""), _text("Why each indicator is rated as it is:", "bold")]
        parts += [_text(f"- {i.title}: {i.why}") for i in report.indicators]
    if report.show != "spc":
        parts += spc
    return _draw(*parts)


def _icon(name: str | None) -> Text:
    """An MDC icon as its letter on its colour, then its words: never colour alone."""
    from ragplan.output.spc_words import ICONS

    if name is None:
        return _text("")
    icon = ICONS[name]
    ink = "#ffffff" if icon.colour == "#490092" else "#0b0c0c"
    cell = Text()
    cell.append(f" {icon.letter or '~'} ", Style(color=ink, bgcolor=icon.colour, bold=True))
    cell.append(f" {icon.label}")
    return cell


def _spc_parts(report: Indicators) -> list[object]:
    """The SPC icon table and why each indicator shows its icons."""
    from ragplan.output.spc_words import number, spc_why

    drawn = Table(title="SPC icons (Making Data Count)")
    drawn.add_column("Indicator")
    drawn.add_column("Variation", no_wrap=True)
    drawn.add_column("Assurance", no_wrap=True)
    for head in ("Latest", "Mean", "Process limits"):
        drawn.add_column(head, justify="right", no_wrap=True)
    for i in report.indicators:
        s = i.spc
        limits = f"{number(s.lower, i.unit)} to {number(s.upper, i.unit)}" if s and s.upper else ""
        drawn.add_row(
            _text(i.title),
            _icon(s.variation_icon if s else None),
            _icon(s.assurance_icon if s else None),
            _text(number(s.points[-1].value, i.unit) if s else None),
            _text(number(s.mean, i.unit) if s else None),
            _text(limits),
        )
    why = [_text(f"- {i.title}: {spc_why(i)}") for i in report.indicators]
    return [_text(""), drawn, _text(""), _text("Why each shows its icons:", "bold"), *why]


def draw(report: Summary | Outstanding | Indicators | PlanDiff | History) -> str:
    """The report as rich tables, in the terminal's colours."""
    drawers: dict[str, Callable[[Any], str]] = {  # by class name: no report imported
        "Summary": summary_table,
        "Outstanding": outstanding_table,
        "Indicators": indicators_tables,
        "PlanDiff": _diff_tables,
        "History": _history_tables,
    }
    return drawers[type(report).__name__](report)


def _diff_tables(diff: PlanDiff) -> str:
    from ragplan.output.views import diff_view

    return view_tables(diff_view(diff))


def _history_tables(found: History) -> str:
    from ragplan.output.views import history_view

    return view_tables(history_view(found))
