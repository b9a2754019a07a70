"""The figures behind `ragplan summary`: counts per status, overall and per group, with
`--since` the counts then and the direction of travel, and the indicators' ratings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ragplan.errors import UsageError
from ragplan.model import Action, PlanSet, Scale
from ragplan.reports.common import (
    Count,
    Earlier,
    Previous,
    ReportStatus,
    is_overdue,
    joint_names,
    lead_officer_of,
    name_key,
    percent,
    previous_figures,
    report_date,
    report_statuses,
)

if TYPE_CHECKING:
    from ragplan.reports.common import Travel
    from ragplan.reports.indicators import IndicatorTally
    from ragplan.reports.since import Moves

GROUPINGS = ("theme", "lead_officer", "lead_body")


@dataclass
class Group:
    """One row of the summary table: a theme, a lead officer or a lead body.

    `counted` leaves out the statuses the scale does not count (withdrawn); % done is
    `done` of `counted`.
    """

    id: str | None
    title: str | None
    lead_officer: str | None
    total: int
    counted: int
    done: int
    percent_done: int
    overdue: int
    counts: list[Count]
    previous: Previous | None = None
    direction: Travel | None = None


@dataclass
class Summary:
    """Counts per status for the plan set and per group.

    `joint` is how many actions name joint lead officers ('A / B'): grouped by lead
    officer, such an action counts under each, so the groups add up to more than `total`.
    """

    title: str
    organisation: str | None
    as_of: date
    by: str
    statuses: list[ReportStatus]
    total: int
    counted: int
    done: int
    percent_done: int
    outstanding: int
    overdue: int
    counts: list[Count]
    groups: list[Group]
    themes: list[Group]
    joint: int = 0
    previous: Previous | None = None
    direction: Travel | None = None
    moves: Moves | None = None
    indicators: IndicatorTally | None = None


def _tally(actions: Iterable[Action], scale: Scale, as_of: date) -> tuple[Counter[str], int]:
    """How many of the actions have each status, and how many are overdue."""
    listed = list(actions)
    outstanding = scale.outstanding_keys
    tally = Counter([a.rag for a in listed])  # counted in C: half the time of a loop
    return tally, sum([is_overdue(a, outstanding, as_of) for a in listed])


def _group(
    ident: str | None,
    title: str | None,
    lead: str | None,
    counted_as: tuple[Counter[str], int],
    statuses: list[ReportStatus],
    scale: Scale,
) -> Group:
    """The group's figures from its tally (see _tally)."""
    tally, overdue = counted_as
    total = sum(tally.values())
    done_count = sum(n for key, n in tally.items() if key in scale.done_keys)
    counted = total - sum(n for key, n in tally.items() if key in scale.uncounted_keys)
    return Group(
        id=ident,
        title=title,
        lead_officer=lead,
        total=total,
        counted=counted,
        done=done_count,
        percent_done=percent(done_count, counted),
        overdue=overdue,
        counts=[Count(s, tally[s.key]) for s in statuses],
    )


def _by_name(
    actions: list[Action], by: str
) -> tuple[dict[str | None, list[Action]], dict[str, str], int]:
    """Actions grouped by lead officer (an action with joint leads under each of them) or
    by lead body; the name each group is shown as; how many actions had joint leads."""
    grouped: dict[str | None, list[Action]] = {}
    shown: dict[str, str] = {}
    joint = 0
    for action in actions:
        if by == "lead_officer":
            names: list[str | None] = list(joint_names(lead_officer_of(action))) or [None]
            joint += len(names) > 1
        else:
            names = [action.lead_body]
        for name in names:
            key = name_key(name) if name is not None else None
            if key is not None and name is not None:
                shown.setdefault(key, name)
            grouped.setdefault(key, []).append(action)
    return grouped, shown, joint


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
    scale = plan_set.config.scale
    statuses = report_statuses(scale)
    tallies = [_tally(t.all_actions(), scale, when) for t in plan_set.themes]
    whole: Counter[str] = Counter()
    for tally, _ in tallies:
        whole.update(tally)
    overall = _group(None, None, None, (whole, sum(n for _, n in tallies)), statuses, scale)
    themes = [
        _group(t.id, t.title, t.lead_officer, counted_as, statuses, scale)
        for t, counted_as in zip(plan_set.themes, tallies, strict=True)
    ]
    joint = 0
    if by == "theme":
        groups = themes
    else:
        grouped, shown, joint = _by_name(plan_set.all_actions(), by)
        # Named groups alphabetically, the actions that name none last.
        order = sorted(grouped, key=lambda k: (k is None, k or ""))
        groups = []
        for key in order:
            name = shown[key] if key is not None else None
            lead = name if by == "lead_officer" else None
            counted_as = _tally(grouped[key], scale, when)
            groups.append(_group(name, None, lead, counted_as, statuses, scale))
    found = Summary(
        title=plan_set.config.title,
        organisation=plan_set.config.organisation,
        as_of=when,
        by=by,
        statuses=statuses,
        total=overall.total,
        counted=overall.counted,
        done=overall.done,
        percent_done=overall.percent_done,
        outstanding=overall.counted - overall.done,
        overdue=overall.overdue,
        counts=overall.counts,
        groups=groups,
        themes=themes,
        joint=joint,
    )
    if since is not None:
        _add_travel(found, plan_set, *since)
    if plan_set.indicators:
        from ragplan.reports.indicators import tally_indicators

        found.indicators = tally_indicators(plan_set)
    return found


def _add_travel(summary: Summary, plan_set: PlanSet, rev: str, before: PlanSet) -> None:
    from ragplan.reports.since import Figures, since

    found = since(plan_set, before, rev)
    # Then-columns for today's statuses and any only that revision had: they add up.
    columns = report_statuses(plan_set.config.scale, before.config.scale)

    def then(figures: Figures) -> Previous:
        return previous_figures(
            rev, found.as_of, figures.counts, figures.done, figures.counted, columns
        )

    summary.previous = then(found.then)
    summary.direction = found.direction
    summary.moves = found.moves
    none = Figures(dict.fromkeys(before.config.scale.keys, 0), 0, 0)
    for theme, group in zip(plan_set.themes, summary.themes, strict=True):
        group.previous = then(found.themes_then.get(theme.id, none))
        group.direction = found.directions[theme.id]
