"""The figures behind `ragplan summary`: counts per status, overall and per group, with
`--since` the counts then and the direction of travel, and the indicators' ratings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ragplan.errors import UsageError
from ragplan.model import Action, PlanSet
from ragplan.reports.common import (
    Count,
    Earlier,
    Previous,
    ReportStatus,
    is_overdue,
    lead_officer_of,
    percent,
    previous_figures,
    report_date,
    report_statuses,
)

if TYPE_CHECKING:
    from ragplan.reports.indicators import IndicatorTally
    from ragplan.reports.since import Travel

GROUPINGS = ("theme", "lead_officer", "lead_body")


@dataclass
class Group:
    """One row of the summary table: a theme, a lead officer or a lead body."""

    id: str | None
    title: str | None
    lead_officer: str | None
    total: int
    done: int
    percent_done: int
    overdue: int
    counts: list[Count]
    previous: Previous | None = None
    direction: Travel | None = None


@dataclass
class Summary:
    """Counts per status for the plan set and per group."""

    title: str
    organisation: str | None
    as_of: date
    by: str
    statuses: list[ReportStatus]
    total: int
    done: int
    percent_done: int
    outstanding: int
    overdue: int
    counts: list[Count]
    groups: list[Group]
    themes: list[Group]
    previous: Previous | None = None
    direction: Travel | None = None
    indicators: IndicatorTally | None = None


def _group(
    ident: str | None,
    title: str | None,
    lead: str | None,
    actions: Iterable[Action],
    statuses: list[ReportStatus],
    done: frozenset[str],
    as_of: date,
) -> Group:
    tally = dict.fromkeys((s.key for s in statuses), 0)
    overdue = 0
    for action in actions:
        tally[action.rag] += 1
        overdue += is_overdue(action, done, as_of)
    total = sum(tally.values())
    done_count = sum(n for key, n in tally.items() if key in done)
    return Group(
        id=ident,
        title=title,
        lead_officer=lead,
        total=total,
        done=done_count,
        percent_done=percent(done_count, total),
        overdue=overdue,
        counts=[Count(s, tally[s.key]) for s in statuses],
    )


def summarise(
    plan_set: PlanSet,
    as_of: date | None = None,
    by: str = "theme",
    since: Earlier | None = None,
) -> Summary:
    """Counts per status, in scale order with zeros, for the plan set and per group;
    with `since`, the counts then and the direction of travel, overall and per theme."""
    if by not in GROUPINGS:
        raise UsageError(f"'{by}': use one of {', '.join(GROUPINGS)}", field="by")
    if since is not None and by != "theme":
        raise UsageError("compares themes: it cannot be used with another grouping", field="since")
    when = report_date(plan_set, as_of)
    statuses = report_statuses(plan_set.config.scale)
    done = plan_set.config.scale.done_keys
    actions = plan_set.all_actions()  # counted, and grouped below: no order needed
    overall = _group(None, None, None, actions, statuses, done, when)
    themes = [
        _group(t.id, t.title, t.lead_officer, t.all_actions(), statuses, done, when)
        for t in plan_set.themes
    ]
    if by == "theme":
        groups = themes
    else:
        name_of = lead_officer_of if by == "lead_officer" else (lambda a: a.lead_body)
        grouped: dict[str | None, list[Action]] = {}
        for action in actions:
            grouped.setdefault(name_of(action), []).append(action)
        # Named groups alphabetically, the actions that name none last.
        order = sorted(grouped, key=lambda n: (n is None, (n or "").casefold(), n or ""))
        groups = [
            _group(n, None, n if by == "lead_officer" else None, grouped[n], statuses, done, when)
            for n in order
        ]
    found = Summary(
        title=plan_set.config.title,
        organisation=plan_set.config.organisation,
        as_of=when,
        by=by,
        statuses=statuses,
        total=overall.total,
        done=overall.done,
        percent_done=overall.percent_done,
        outstanding=overall.total - overall.done,
        overdue=overall.overdue,
        counts=overall.counts,
        groups=groups,
        themes=themes,
    )
    if since is not None:
        _add_travel(found, plan_set, *since)
    if plan_set.indicators:
        from ragplan.reports.indicators import tally_indicators

        found.indicators = tally_indicators(plan_set)
    return found


def _add_travel(summary: Summary, plan_set: PlanSet, rev: str, before: PlanSet) -> None:
    from ragplan.reports.since import since

    found = since(plan_set, before, rev)
    then = found.previous
    summary.previous = previous_figures(rev, then.as_of, then.counts, then.done, summary.statuses)
    summary.direction = found.direction
    for theme, group in zip(plan_set.themes, summary.themes, strict=True):
        travel = found.themes[theme.id]
        done = then.themes_done.get(theme.id, 0)
        group.previous = previous_figures(
            rev, then.as_of, travel.previous_counts, done, summary.statuses
        )
        group.direction = travel.direction
