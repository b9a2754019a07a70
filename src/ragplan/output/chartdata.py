"""Charts as data: the bars of a stacked chart of counts per status, per theme or per
revision, with the sentence under it and the text that stands for it. How a chart is
drawn, for each format, is charts.py's, imported only where a chart is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ragplan.output import wording
from ragplan.reports.common import Count, ReportStatus

if TYPE_CHECKING:
    from ragplan.reports.history import History
    from ragplan.reports.summary import Group, Summary


class Bar(NamedTuple):
    """One bar: what it stands for, and its count for every status (zeros included)."""

    label: str
    counts: list[Count]

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)


class Stacked(NamedTuple):
    """A stacked bar chart: its title, its bars, the sentence a caption says under it, and
    the text alternative that states every count."""

    title: str
    caption: str
    statuses: list[ReportStatus]
    bars: list[Bar]

    @property
    def alt(self) -> str:
        """'Actions per status in each theme: 1.1 ICT ...: 22 green, 1 amber; ...'."""
        parts = [f"{b.label}: {wording.counts_in_words(b.counts)}" for b in self.bars]
        return f"{self.title}: {'; '.join(parts)}."


# The charts each report draws.


def _name(group: Group) -> str:
    return f"{group.id} {group.title}" if group.title else str(group.id)


def theme_chart(summary: Summary) -> Stacked:
    """One bar per theme, stacked by status; the caption says where the work left is."""
    bars = [Bar(_name(g), g.counts) for g in summary.themes]
    done = f"{summary.done} of the {summary.counted} {wording.plural('action', summary.counted)}"
    if summary.counted != summary.total:
        done += " counted"
    caption = f"{done} {wording.plural('is', summary.done, 'are')} done ({summary.percent_done}%)"
    most = max((g.counted - g.done for g in summary.themes), default=0)
    behind = [g for g in summary.themes if g.counted - g.done == most]
    if most and len(behind) == 1:
        caption += f"; {_name(behind[0])} has the most still to do: {most} of its "
        caption += str(behind[0].counted)
    elif most:
        names = [_name(g) for g in behind]
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) <= 3 else ""
        caption += f"; {listed or f'{len(names)} themes'} have the most still to do: {most} each"
    return Stacked("Actions per status in each theme", caption + ".", summary.statuses, bars)


def since_chart(summary: Summary) -> Stacked | None:
    """With --since: the counts then and now, one bar each; the caption states the trend."""
    previous = summary.previous
    if previous is None:
        return None
    statuses = [c.status for c in previous.counts]  # today's scale, then earlier-only ones
    now = {c.status.key: c.count for c in summary.counts}
    then_label = wording.since_name(previous)
    now_label = f"{wording.month(summary.as_of)} (now)"
    bars = [
        Bar(then_label, previous.counts),
        Bar(now_label, [Count(s, now.get(s.key, 0)) for s in statuses]),
    ]
    caption = wording.trend_sentence(
        (then_label, previous.done, previous.counted),
        (now_label, summary.done, summary.counted),
    )
    return Stacked("Actions per status then and now", caption, statuses, bars)


def history_chart(found: History) -> Stacked:
    """One bar per board report, oldest first, each named by its date (its revision only
    where it has none); the caption states the trend."""
    names = [wording.long_date(p.as_of) if p.as_of else p.rev for p in found.points]
    bars = [
        Bar(name, [Count(s, p.counts.get(s.key, 0)) for s in found.statuses])
        for name, p in zip(names, found.points, strict=True)
    ]
    first, last = found.points[0], found.points[-1]
    caption = wording.trend_sentence(
        (names[0], first.done, first.counted), (names[-1], last.done, last.counted)
    )
    return Stacked("Actions per status at each board report", caption, found.statuses, bars)
