"""A portfolio in every format: its JSON and CSV contracts, what its templates receive,
and the chart of members by status, each bar in its member's own scale."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ragplan.output.chartdata import Stacked
    from ragplan.output.data import Rows
    from ragplan.reports.portfolio import MemberRow, MemberSource, Portfolio


def source_json(source: MemberSource) -> dict[str, Any]:
    where = {"path": source.location} if source.kind == "path" else {"git": source.location}
    return {**where, "rev": source.rev, "commit": source.commit}


def source_text(source: MemberSource) -> str:
    """'../council/plans', or 'git ../nhs-plans at board-2010-09 (commit 1a2b3c4d, tag
    board-2010-09)'; 'outside the portfolio's folder' when it is."""
    if source.kind == "path":
        shown = source.location
    else:
        shown = f"git {source.location} at {source.rev}"
        read = [f"commit {source.commit[:12]}"] if source.commit else []
        if source.tag:
            read.append(f"tag {source.tag}")
        if read:
            shown += f" ({', '.join(read)})"
    if source.outside:
        shown += "; outside the portfolio's folder"
    return shown


_RATINGS = ("green", "amber", "red", "not_rated")


def _member_json(row: MemberRow) -> dict[str, Any]:
    # A member read without indicators has none of each; one not read, no figures at all.
    indicators = None
    if row.read:
        indicators = {k: (row.indicators or {}).get(k, 0) for k in _RATINGS}
    return {
        "name": row.name,
        "organisation": row.organisation,
        "plan": row.plan,
        "as_of": row.as_of.isoformat() if row.as_of else None,
        "source": source_json(row.source),
        "read": row.read,
        "problem": row.problem,
        "total": row.total,
        "done": row.done,
        "outstanding": row.outstanding,
        "overdue": row.overdue,
        "percent_done": row.percent_done,
        "counts": [
            {"status": c.status.key, "label": c.status.label, "count": c.count} for c in row.counts
        ],
        "indicators": indicators,
    }


def portfolio_json(found: Portfolio) -> dict[str, Any]:
    """The stable contract of issue 28, key for key."""
    totals = found.totals
    return {
        "title": found.title,
        "as_of": found.as_of.isoformat() if found.as_of else None,
        "members": [_member_json(m) for m in found.members],
        "totals": {
            "total": totals.total,
            "done": totals.done,
            "outstanding": totals.outstanding,
            "overdue": totals.overdue,
            "percent_done": totals.percent_done,
        },
    }


def counts_text(row: MemberRow) -> str:
    """'Green 150, Amber 11, Red 1', in the member's own scale."""
    return ", ".join(f"{c.status.label} {c.count}" for c in row.counts)


def portfolio_csv(found: Portfolio) -> Rows:
    """A row per member, then the partnership's totals; counts in each member's own words."""
    header = [
        "member",
        "organisation",
        "plan",
        "as_of",
        "source",
        "commit",
        "tag",
        "read",
        "problem",
        "total",
        "done",
        "outstanding",
        "overdue",
        "percent_done",
        "counts",
    ]
    rows: list[list[object]] = []
    for m in found.members:
        rows.append(
            [
                m.name,
                m.organisation,
                m.plan,
                m.as_of.isoformat() if m.as_of else None,
                source_text(m.source._replace(commit=None, tag=None)),
                m.source.commit,
                m.source.tag,
                "yes" if m.read else "no",
                m.problem,
                m.total,
                m.done,
                m.outstanding,
                m.overdue,
                m.percent_done,
                counts_text(m) if m.read else None,
            ]
        )
    t = found.totals
    shared = ", ".join(f"{s.label} {s.count}" for s in found.statuses)
    rows.append(
        [
            "Partnership total",
            None,
            None,
            found.as_of.isoformat() if found.as_of else None,
            None,
            None,
            None,
            None,
            "; ".join(found.not_added) or None,
            t.total,
            t.done,
            t.outstanding,
            t.overdue,
            t.percent_done,
            shared or None,
        ]
    )
    return header, rows


def member_chart(found: Portfolio) -> Stacked:
    """One bar per member read, stacked by its own statuses, all bars on one scale of
    actions; the legend lists every member's statuses (a status two scales share, with the
    same label and colour, once)."""
    from ragplan.output import wording as words
    from ragplan.output.chartdata import Bar, Stacked
    from ragplan.reports.common import Count, ReportStatus

    # A status is one entry whatever members share it (same key, label and colour); two
    # that differ but read alike ('Red' in two colours) are told apart by their member.
    legend: list[ReportStatus] = []
    idents: list[tuple[str, str, str]] = []
    labels = set()
    for m in found.members:
        for c in m.counts:
            ident = (c.status.key, c.status.label, c.status.colour)
            if ident in idents:
                continue
            status = c.status
            if status.label in labels:
                status = status._replace(label=f"{status.label} ({m.name})")
            labels.add(status.label)
            idents.append(ident)
            legend.append(status)
    bars = []
    for m in found.members:
        if not m.read:
            continue
        mine = {(c.status.key, c.status.label, c.status.colour): c.count for c in m.counts}
        counts = [Count(s, mine.get(i, 0)) for s, i in zip(legend, idents, strict=True)]
        bars.append(Bar(m.name, counts))
    t = found.totals
    caption = (
        f"{t.done} of the {t.counted} {words.plural('action', t.counted)} across "
        f"{len(bars)} {words.plural('member', len(bars))} "
        f"{words.plural('is', t.done, 'are')} done ({t.percent_done}%)"
    )
    if found.unread:
        caption += f"; {found.unread} {words.plural('member', found.unread)} could not be read"
    return Stacked("Actions per status in each member's own scale", caption + ".", legend, bars)


def indicators_text(row: MemberRow) -> str:
    """'4 green, 1 amber, 0 red, 1 not rated', or 'none' for a member without indicators."""
    if row.indicators is None:
        return "none" if row.read else ""
    parts = [f"{row.indicators.get(k, 0)} {k.replace('_', ' ')}" for k in _RATINGS]
    return ", ".join(parts)


def portfolio_context(found: Portfolio) -> dict[str, Any]:
    found_fields = {f.name: getattr(found, f.name) for f in fields(found)}
    # The Word templates name the author by organisation: a partnership is many.
    chart = member_chart(found)
    return {**found_fields, "report": found, "chart": chart, "organisation": None}
