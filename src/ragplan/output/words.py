"""The words reports are made of: dates, plurals, the headline, the sentences of travel,
indicators' ratings counted.

Templates receive these as filters and functions; the terminal tables use them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ragplan.model import with_unit
from ragplan.output.textsafe import show_controls
from ragplan.reports.common import Count, Previous, percent

if TYPE_CHECKING:
    from ragplan.reports.indicators import Indicators, RatingCount
    from ragplan.reports.outstanding import OutstandingAction
    from ragplan.reports.since import Travel

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def month(value: date) -> str:
    """'September 2010'."""
    return f"{_MONTHS[value.month - 1]} {value.year}"


def long_date(value: date) -> str:
    """'20 September 2010'."""
    return f"{value.day} {month(value)}"


def plural(word: str, n: int, many: str | None = None) -> str:
    """`word` for one, `many` (default: word + 's') otherwise: 'action' | plural(n)."""
    if n == 1:
        return word
    return many if many is not None else word + "s"


def headline(total: int, counts: Sequence[Count], overdue: int = 0) -> str:
    """'162 actions: 150 green / 11 amber / 1 red', then '; 3 overdue' if any are."""
    tally = " / ".join(f"{c.count} {c.status.label.lower()}" for c in counts)
    line = f"{total} {plural('action', total)}: {tally}"
    return f"{line}; {overdue} overdue" if overdue else line


def since_name(previous: Previous) -> str:
    """'July 2010 (board-2010-07)': the month of that plan's as_of and the revision as named."""
    if previous.as_of is None:
        return previous.rev
    return f"{month(previous.as_of)} ({previous.rev})"


def travel_sentence(previous: Previous, done: int, total: int, direction: Travel) -> str:
    """'In July 2010 (board-2010-07), 140 of the 162 actions were done (86%);
    now 150 are done (92%): ↑ improved.'"""
    when = f"In {since_name(previous)}" if previous.as_of else f"At {previous.rev}"
    was = plural("was", previous.done, "were")
    now = plural("is", done, "are")
    if previous.total == total:
        then = f"{previous.done} of the {total} {plural('action', total)} {was} done"
        now = f"now {done} {now} done"
    else:
        actions = plural("action", previous.total)
        then = f"{previous.done} of {previous.total} {actions} {was} done"
        now = f"now {done} of {total} {now} done"
    return (
        f"{when}, {then} ({previous.percent_done}%); {now} ({percent(done, total)}%): {direction}."
    )


def new_sentence(previous: Previous, actions: Sequence[OutstandingAction]) -> str:
    """'Compared with July 2010 (board-2010-07), 2 of the 12 actions listed are new to
    the list (not in the plan then, or done then).'"""
    new = sum(1 for a in actions if a.new)
    listed = f"{len(actions)} {plural('action', len(actions))} listed"
    return (
        f"Compared with {since_name(previous)}, {new} of the {listed} "
        f"{plural('is', new, 'are')} new to the list (not in the plan then, or done then)."
    )


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], align: str = "", rule: bool = True
) -> str:
    """A plain-text table with aligned columns; `align` has 'l' or 'r' per column, and
    `rule` draws a line of dashes under the headers."""
    cells = [[show_controls(str(c)).replace("\n", " ") for c in row] for row in rows]
    heads = [str(h) for h in headers]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(heads)]

    def line(row: Sequence[str]) -> str:
        parts = []
        for i, cell in enumerate(row):
            right = i < len(align) and align[i] == "r"
            parts.append(cell.rjust(widths[i]) if right else cell.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    dashes = ["  ".join("-" * w for w in widths)] if rule else []
    return "\n".join([line(heads), *dashes, *(line(r) for r in cells)])


def rating_tally(counts: Sequence[RatingCount], not_rated: int) -> str:
    """'3 green, 1 amber, 1 red, 2 not rated': indicators by rating, zeros included."""
    rated = [f"{c.count} {c.rating.label.lower()}" for c in counts]
    return ", ".join([*rated, f"{not_rated} not rated"])


def _joined(words: Sequence[str], last: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def indicators_heading(report: Indicators) -> str:
    """'Post-Inspection Action Plan: Indicators (September 2010)'."""
    return f"{report.title}: Indicators ({month(report.as_of)})"


def indicators_lead(report: Indicators) -> str:
    """What is listed, out of how many, how it is rated, and the ratings counted:
    '2 of the 7 indicators (theme 1.3), rated on their values in Feb 10: 1 green, ...'."""
    listed = len(report.indicators)
    filters = report.filters
    if not report.total:
        return "The plan set has no indicators: they are the files of its indicators/ folder."
    if filters.themes or filters.ratings:
        what = f"{listed} of the {report.total} {plural('indicator', report.total)}"
        chosen = []
        if filters.themes:
            chosen.append(
                f"{plural('theme', len(filters.themes))} {_joined(filters.themes, 'and')}"
            )
        if filters.ratings:
            chosen.append(f"rated {_joined(filters.ratings, 'or')}")
        what += f" ({'; '.join(chosen)})"
    else:
        what = f"{listed} {plural('indicator', listed)}"
    its = "its" if listed == 1 else "their"
    values = plural("value", listed)
    when = f"{values} in {filters.period}" if filters.period else f"latest {values}"
    return f"{what}, rated on {its} {when}: {rating_tally(report.counts, report.not_rated)}."


def in_unit(value: object, unit: str) -> str:
    """A value as written, in its unit: `{{ s.value | in_unit("percent") }}` gives '69.8%'."""
    return "" if value is None else with_unit(str(value), unit)
