"""The counts per status at each tag, or at each of the last commits that touched the plans,
and each indicator's rating there."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from ragplan.model import PlanSet
from ragplan.reports.common import ReportStatus, report_statuses

if TYPE_CHECKING:
    from ragplan.reports.since import Figures


@dataclass(frozen=True)
class Point:
    """The plan set at one revision, counted; `counted` leaves out withdrawn actions."""

    rev: str
    commit: str
    time: datetime
    as_of: date | None
    counts: dict[str, int]
    done: int
    counted: int
    indicators: dict[str, str | None] | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Skipped:
    """A revision left out of the history, and why ('no plan folder', 'plans invalid')."""

    rev: str
    reason: str
    level: str  # 'note' (no plans there) or 'warning' (plans there, but invalid)


@dataclass(frozen=True)
class History:
    """Points oldest first; `statuses` lists every status seen, the newest scale's first;
    `skipped` the revisions left out, each with its reason."""

    title: str
    organisation: str | None
    by: str
    folder: str
    statuses: list[ReportStatus]
    points: list[Point]
    skipped: list[Skipped] = field(default_factory=list)
    indicators: dict[str, str] | None = None
    spc_changes: list[SpcChange] = field(default_factory=list)


class SpcChange(NamedTuple):
    """An indicator's SPC settings changed at revision `rev` (from the revision before):
    `text` says how ('recalculation from Apr 24 added (New triage model)')."""

    rev: str
    id: str
    text: str


class At(NamedTuple):
    """A plan set as it was at a revision: the revision's name, commit and time."""

    rev: str
    commit: str
    time: datetime
    plan_set: PlanSet


def count_history(found: list[At], skipped: list[Skipped], by: str, folder: str) -> History:
    """The counts of each plan set in `found` (oldest first), read at tags or commits (`by`);
    `skipped` the revisions left out, each with its reason."""
    points = [
        Point(
            rev=at.rev,
            commit=at.commit,
            time=at.time,
            as_of=at.plan_set.config.as_of,
            counts=(figures := _figures(at.plan_set)).counts,
            done=figures.done,
            counted=figures.counted,
            indicators=_ratings(at.plan_set),
        )
        for at in found
    ]
    plan_sets = [at.plan_set for at in found]
    titles = [{i.id: i.title for i in plan_set.indicators} for plan_set in plan_sets]
    newest = plan_sets[-1].config
    # The newest scale's statuses, then those only older ones had, marked as such.
    statuses = report_statuses(newest.scale)
    for plan_set in reversed(plan_sets[:-1]):
        seen = {s.key for s in statuses}
        statuses += [
            s._replace(label=f"{s.label} (earlier scale)")
            for s in report_statuses(plan_set.config.scale)
            if s.key not in seen
        ]
    history = History(newest.title, newest.organisation, by, folder, statuses, points, skipped)
    if any(titles):
        # Every indicator seen, the newest revision's first, each by its newest title.
        named: dict[str, str] = {}
        for seen_titles in reversed(titles):
            named.update({k: v for k, v in seen_titles.items() if k not in named})
        return replace(history, indicators=named, spc_changes=_spc_changes(found))
    return replace(history, points=[replace(p, indicators=None) for p in points])


def _spc_changes(found: list[At]) -> list[SpcChange]:
    """Each recalculation added, moved or removed, and each baseline or run length changed,
    at the revision that changed it: a change of its own, as boards review them."""
    from ragplan.reports.indicator_changes import spc_changes

    changes = []
    for before, at in zip(found, found[1:], strict=False):
        old = {i.id: i for i in before.plan_set.indicators}
        for indicator in at.plan_set.indicators:
            if indicator.id in old:
                for text in spc_changes(old[indicator.id], indicator):
                    changes.append(SpcChange(at.rev, indicator.id, text))
    return changes


def _figures(plan_set: PlanSet) -> Figures:
    from ragplan.reports.since import figures

    return figures(plan_set.all_actions(), plan_set.config.scale)


def _ratings(plan_set: PlanSet) -> dict[str, str | None]:
    if not plan_set.indicators:
        return {}
    from ragplan.reports.indicator_changes import ratings

    return ratings(plan_set)
