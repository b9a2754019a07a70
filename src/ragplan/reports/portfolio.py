"""The figures behind `ragplan portfolio`: a row per member of a partnership (its own
figures in its own scale, exactly as its summary gives them), the partnership's totals of
what means the same in every member's scale, what could not be added and why, and the
actions at each member's worst status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ragplan.problems import Problem
from ragplan.reports.common import Count, ReportStatus, percent

if TYPE_CHECKING:
    from ragplan.reports.common import Travel
    from ragplan.reports.summary import Summary


class MemberSource(NamedTuple):
    """Where a member was read: `kind` 'path' (a plan folder) or 'git' (a repository),
    `location` as the portfolio file writes it, the revision asked for and the commit and
    tag read (None for a folder read as it is), and whether it lies outside the
    portfolio's folder (allowed, and stated)."""

    kind: str
    location: str
    rev: str | None = None
    commit: str | None = None
    tag: str | None = None
    outside: bool = False


class WorstAction(NamedTuple):
    """An action at its scale's worst status (red, or whatever the scale ends with)."""

    id: str
    summary: str
    lead_officer: str | None
    due: date | None
    status: ReportStatus


@dataclass
class MemberRead:
    """What reading one member gave: its summary and worst actions, or why it could not be
    read (`problem`); with --since, the summary carries its direction of travel, or
    `since_problem` says why there is none."""

    name: str
    source: MemberSource
    summary: Summary | None = None
    worst: list[WorstAction] = field(default_factory=list)
    problem: str | None = None
    since_problem: str | None = None
    warnings: list[Problem] = field(default_factory=list)  # of its plans, as validate gives


@dataclass
class MemberRow:
    """One row of the portfolio: a member's figures in its own scale, or why there are
    none (`read` False, `problem`)."""

    name: str
    source: MemberSource
    read: bool
    problem: str | None
    organisation: str | None = None
    plan: str | None = None
    as_of: date | None = None
    total: int | None = None
    counted: int | None = None
    done: int | None = None
    outstanding: int | None = None
    overdue: int | None = None
    percent_done: int | None = None
    counts: list[Count] = field(default_factory=list)
    # Indicators by rating: green, amber, red, not_rated (None: the member has none).
    indicators: dict[str, int] | None = None
    # SPC: indicators by variation and assurance icon, once the indicator report has them
    # (the SPC work adds them to IndicatorTally); None until then.
    spc: dict[str, int] | None = None
    since: str | None = None
    then_percent_done: int | None = None
    direction: Travel | None = None
    since_problem: str | None = None


@dataclass
class Totals:
    """The partnership's figures: the sum of every member read."""

    total: int
    counted: int
    done: int
    outstanding: int
    overdue: int
    percent_done: int


@dataclass
class RolledUp:
    """A status every member read has (or one its scale says it adds to), added up."""

    key: str
    label: str
    colour: str
    text_colour: str
    done: bool
    count: int


@dataclass
class WorstRow:
    """An action at its member's worst status, with the member named."""

    member: str
    action: WorstAction


@dataclass
class Portfolio:
    """The portfolio report. `not_added` says, a sentence each, which statuses are not in
    the totals and why; `unread` is how many members could not be read."""

    title: str
    as_of: date | None
    members: list[MemberRow]
    totals: Totals
    statuses: list[RolledUp]
    not_added: list[str]
    worst: list[WorstRow]
    unread: int
    since: str | None = None
    outside: list[str] = field(default_factory=list)


def _row(member: MemberRead, since: str | None) -> MemberRow:
    summary = member.summary
    if summary is None:
        return MemberRow(member.name, member.source, False, member.problem or "not read")
    indicators = None
    if summary.indicators is not None:
        indicators = {c.rating.key: c.count for c in summary.indicators.counts}
        indicators["not_rated"] = summary.indicators.not_rated
    row = MemberRow(
        member.name,
        member.source,
        True,
        None,
        organisation=summary.organisation,
        plan=summary.title,
        as_of=summary.as_of,
        total=summary.total,
        counted=summary.counted,
        done=summary.done,
        outstanding=summary.outstanding,
        overdue=summary.overdue,
        percent_done=summary.percent_done,
        counts=summary.counts,
        indicators=indicators,
        since=since,
        since_problem=member.since_problem,
    )
    if summary.previous is not None:
        row.then_percent_done = summary.previous.percent_done
        row.direction = summary.direction
    return row


def _rolled_key(status: ReportStatus) -> str:
    return status.rollup or status.key


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _roll_up(rows: list[MemberRow]) -> tuple[list[RolledUp], list[str]]:
    """The statuses every member read shares (by key, or by the key its scale says it
    rolls up to), added up; and a sentence for each status left out, saying why."""
    read = [r for r in rows if r.read]
    first: dict[str, ReportStatus] = {}
    by_member: list[dict[str, tuple[int, set[bool]]]] = []
    for row in read:
        mine: dict[str, tuple[int, set[bool]]] = {}
        for c in row.counts:
            key = _rolled_key(c.status)
            first.setdefault(key, c.status)
            count, done = mine.get(key, (0, set()))
            mine[key] = (count + c.count, done | {c.status.done})
        by_member.append(mine)
    shared: list[RolledUp] = []
    not_added: list[str] = []
    for key, status in first.items():
        having = [r.name for r, mine in zip(read, by_member, strict=True) if key in mine]
        label = status.label if status.key == key else key
        if len(having) < len(read):
            missing = [r.name for r in read if r.name not in having]
            count = sum(mine[key][0] for mine in by_member if key in mine)
            not_added.append(
                f"{label} ({count} {'action' if count == 1 else 'actions'}) is not added up: "
                f"{_names(missing)} {'has' if len(missing) == 1 else 'have'} no such status "
                "(a scale may say what a status rolls up to: rollup in ragplan.yaml)"
            )
            continue
        kinds = set().union(*(mine[key][1] for mine in by_member)) if by_member else set()
        if len(kinds) > 1:
            not_added.append(
                f"{label} is not added up: it means done in some members' scales and not in others"
            )
            continue
        count = sum(mine[key][0] for mine in by_member)
        shared.append(RolledUp(key, label, status.colour, status.text_colour, status.done, count))
    return shared, not_added


def build_portfolio(
    title: str, as_of: date | None, members: list[MemberRead], since: str | None = None
) -> Portfolio:
    """The portfolio of `members`, each read (or not) as given, in the order given."""
    rows = [_row(m, since) for m in members]
    read = [r for r in rows if r.read]
    counted = sum(r.counted or 0 for r in read)
    done = sum(r.done or 0 for r in read)
    totals = Totals(
        total=sum(r.total or 0 for r in read),
        counted=counted,
        done=done,
        outstanding=sum(r.outstanding or 0 for r in read),
        overdue=sum(r.overdue or 0 for r in read),
        percent_done=percent(done, counted),
    )
    statuses, not_added = _roll_up(rows)
    worst = [WorstRow(m.name, a) for m in members if m.summary is not None for a in m.worst]
    outside = [m.name for m in members if m.source.outside]
    return Portfolio(
        title,
        as_of,
        rows,
        totals,
        statuses,
        not_added,
        worst,
        unread=len(rows) - len(read),
        since=since,
        outside=outside,
    )
