"""The words reports are made of: dates, plurals, the headline, the sentences of travel,
indicators' ratings counted.

Templates receive these as filters and functions; the terminal tables use them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ragplan.model import with_unit
from ragplan.reports.common import Count, Previous, percent

if TYPE_CHECKING:
    from ragplan.reports.common import Filter, Travel
    from ragplan.reports.indicators import Indicators, RatingCount
    from ragplan.reports.outstanding import Outstanding, OutstandingAction
    from ragplan.reports.since import Moves

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
    """'162 actions: 150 green / 11 amber / 1 red', then '; 3 overdue' if any are. A status
    the scale does not count (withdrawn) says so: '2 withdrawn (not counted)'."""
    tally = " / ".join(
        f"{c.count} {c.status.in_text}" + ("" if c.status.counts else " (not counted)")
        for c in counts
    )
    line = f"{total} {plural('action', total)}: {tally}"
    return f"{line}; {overdue} overdue" if overdue else line


def done_share(percent_done: int, counted: int, total: int) -> str:
    """'92% done', or '92% done of the 60 actions counted' when some are not counted."""
    if counted == total:
        return f"{percent_done}% done"
    return f"{percent_done}% done of the {counted} {plural('action', counted)} counted"


def title_line(title: str, organisation: str | None) -> str:
    """'North Yorkshire Children's Trust: Post-Inspection Action Plan', as a title block
    names a plan."""
    return f"{organisation}: {title}" if organisation else title


def filters_line(filters: Sequence[Filter]) -> str:
    """'Filters: status: Red; lead officer: AD CSC', or '' with no filters."""
    return "Filters: " + "; ".join(str(f) for f in filters) if filters else ""


def listed_line(report: Outstanding) -> str:
    """What an outstanding list is out of: '12 outstanding of 162 actions', or with
    filters '3 listed of 12 outstanding, 162 actions'; then '; 1 overdue'."""
    total = f"{report.total} {plural('action', report.total)}"
    if report.filters:
        line = f"{len(report.actions)} listed of {report.outstanding} outstanding, {total}"
    else:
        line = f"{report.outstanding} outstanding of {total}"
    return f"{line}; {report.overdue} overdue" if report.overdue else line


def none_listed(report: Outstanding) -> str:
    """What an empty list says: never a bare 'none' when filters kept everything out."""
    if not report.filters:
        return "No outstanding actions."
    outstanding = report.outstanding
    return (
        f"No outstanding action matches these filters; {outstanding} "
        f"{plural('action', outstanding)} {plural('is', outstanding, 'are')} outstanding in all."
    )


def counts_in_words(counts: Sequence[Count]) -> str:
    """'22 green, 1 amber': the statuses that have actions, as sentences name them."""
    found = [f"{c.count} {c.status.in_text}" for c in counts if c.count]
    return ", ".join(found) if found else "no actions"


def trend_sentence(first: tuple[str, int, int], last: tuple[str, int, int]) -> str:
    """'From board-2010-07 to board-2010-09 the share of actions done rose from 87% (141 of
    162) to 92% (150 of 162).' Each end is (its name, actions done, actions counted)."""
    (then, done_then, of_then), (now, done_now, of_now) = first, last
    share_then, share_now = percent(done_then, of_then), percent(done_now, of_now)
    if then == now:
        were = plural("was", done_now, "were")
        return f"At {now}, {done_now} of {of_now} actions {were} done ({share_now}%)."
    if share_now == share_then:
        return (
            f"From {then} to {now} the share of actions done held at {share_now}% "
            f"({done_then} of {of_then}, then {done_now} of {of_now})."
        )
    verb = "rose" if share_now > share_then else "fell"
    return (
        f"From {then} to {now} the share of actions done {verb} from {share_then}% "
        f"({done_then} of {of_then}) to {share_now}% ({done_now} of {of_now})."
    )


def since_name(previous: Previous) -> str:
    """'July 2010': the month of that plan's as_of, as a board names its earlier report;
    the revision as named only where the plan gave no as_of."""
    if previous.as_of is None:
        return previous.rev
    return month(previous.as_of)


def travel_sentence(
    previous: Previous, done: int, counted: int, direction: Travel, moves: Moves
) -> str:
    """'In July 2010 (board-2010-07), 141 of the 162 actions were done (87%); now 150 are
    done (92%). Of the 162 actions in both, 9 improved and 0 worsened: ↑ improved.'
    Actions added or removed since are said, and never move the direction."""
    when = f"In {since_name(previous)}" if previous.as_of else f"At {previous.rev}"
    was = plural("was", previous.done, "were")
    now = plural("is", done, "are")
    if previous.counted == counted:
        then = f"{previous.done} of the {counted} {plural('action', counted)} {was} done"
        now = f"now {done} {now} done"
    else:
        actions = plural("action", previous.counted)
        then = f"{previous.done} of {previous.counted} {actions} {was} done"
        now = f"now {done} of {counted} {now} done"
    both = moves.in_both
    moved = (
        f"Of the {both} {plural('action', both)} in both, {moves.improved} improved and "
        f"{moves.worsened} worsened: {direction}"
    )
    if moves.new:
        moved += f"; {moves.new} {plural('is', moves.new, 'are')} new"
    if moves.removed:
        moved += f"; {moves.removed} {plural('was', moves.removed, 'were')} removed"
    return f"{when}, {then} ({previous.percent_done}%); {now} ({percent(done, counted)}%). {moved}."


def new_sentence(previous: Previous, actions: Sequence[OutstandingAction]) -> str:
    """'Compared with July 2010 (board-2010-07), 2 of the 12 actions listed are new to
    the list (not in the plan then, or done then).'"""
    new = sum(1 for a in actions if a.new)
    listed = f"{len(actions)} {plural('action', len(actions))} listed"
    return (
        f"Compared with {since_name(previous)}, {new} of the {listed} "
        f"{plural('is', new, 'are')} new to the list (not in the plan then, or done then)."
    )


def rating_tally(counts: Sequence[RatingCount], not_rated: int) -> str:
    """'3 green, 1 amber, 1 red, 2 not rated': indicators by rating, zeros included; '2 not
    rated' when none is rated (a row of zeros says nothing)."""
    if not any(c.count for c in counts):
        return f"{not_rated} not rated"
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
    if listed and not report.rated:
        them = "it no target" if listed == 1 else "them no targets"
        return f"{what}, shown as measured: the plan sets {them}."
    its = "its" if listed == 1 else "their"
    values = plural("value", listed)
    when = f"{values} in {filters.period}" if filters.period else f"latest {values}"
    return f"{what}, rated on {its} {when}: {rating_tally(report.counts, report.not_rated)}."


def in_unit(value: object, unit: str) -> str:
    """A value as written, in its unit: `{{ s.value | in_unit("percent") }}` gives '69.8%'."""
    return "" if value is None else with_unit(str(value), unit)


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if rest < 20:
        tail = _ONES[rest]
    else:
        tens, ones = divmod(rest, 10)
        tail = _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if not hundreds:
        return tail
    return f"{_ONES[hundreds]} hundred" + (f" and {tail}" if rest else "")


def number_words(n: int) -> str:
    """A whole number in British English words: 12 'twelve', 162 'one hundred and
    sixty-two', 2010 'two thousand and ten'; a million or more stays in figures."""
    if n < 0:
        return "minus " + number_words(-n)
    if n >= 1_000_000:
        return f"{n:,}"
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _below_thousand(rest)
    head = f"{_below_thousand(thousands)} thousand"
    if not rest:
        return head
    joiner = " and " if rest < 100 else " "
    return head + joiner + _below_thousand(rest)
