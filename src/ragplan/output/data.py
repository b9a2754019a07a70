"""JSON and CSV: the contracts scripts depend on, built from the report data (not templates).

Each report kind gives `<kind>_json(result) -> dict` and, where a table makes
sense, `<kind>_csv(result) -> (header, rows)`; the format registry writes them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ragplan.reading.schema import ACTION, fields_of
from ragplan.reports.common import Previous
from ragplan.reports.diff import Change, PlanDiff
from ragplan.reports.history import History, Point
from ragplan.reports.indicator_changes import IndicatorChange, Latest
from ragplan.reports.indicators import IndicatorTally
from ragplan.reports.outstanding import Outstanding, OutstandingAction
from ragplan.reports.summary import Summary

Rows = tuple[list[str], list[list[object]]]


def summary_json(summary: Summary) -> dict[str, Any]:
    def counts(group: Any) -> dict[str, int]:
        return {c.status.key: c.count for c in group.counts}

    def theme(group: Any) -> dict[str, Any]:
        found = {
            "id": group.id,
            "title": group.title,
            "lead_officer": group.lead_officer,
            "total": group.total,
            "counted": group.counted,
            "counts": counts(group),
            "overdue": group.overdue,
        }
        if group.previous is not None:
            found["previous_counts"] = group.previous.scale_counts
            found["direction"] = group.direction.word
        if summary.indicators is not None:
            found["indicators"] = [
                {
                    "id": i.id,
                    "title": i.title,
                    "rating": i.rating.key if i.rating else None,
                    "direction": i.direction.word if i.direction else None,
                }
                for i in summary.indicators.indicators
                if i.theme == group.id
            ]
        return found

    data: dict[str, Any] = {
        "title": summary.title,
        "organisation": summary.organisation,
        "as_of": summary.as_of.isoformat(),
        "total": summary.total,
        "counted": summary.counted,
        "done": summary.done,
        "percent_done": summary.percent_done,
        "counts": counts(summary),
        "overdue": summary.overdue,
    }
    if summary.previous is not None and summary.direction is not None:
        data["previous"] = _previous_json(summary.previous)
        data["direction"] = summary.direction.word
        if summary.moves is not None:
            moves = summary.moves
            data["moves"] = {
                "improved": moves.improved,
                "worsened": moves.worsened,
                "unmoved": moves.unmoved,
                "new": moves.new,
                "removed": moves.removed,
            }
    if summary.indicators is not None:
        data["indicators"] = _indicator_counts(summary.indicators)
    data["themes"] = [theme(t) for t in summary.themes]
    if summary.by != "theme":
        data["by"] = summary.by
        data["groups"] = [
            {"name": g.id, "total": g.total, "counts": counts(g), "overdue": g.overdue}
            for g in summary.groups
        ]
        if summary.by == "lead_officer":
            data["joint_leads"] = summary.joint
    return data


def _indicator_counts(tally: IndicatorTally) -> dict[str, int]:
    """{"total", "green", "amber", "red", "not_rated"}: the indicators by rating."""
    counts = {"total": tally.total, **{c.rating.key: c.count for c in tally.counts}}
    return {**counts, "not_rated": tally.not_rated}


def _previous_json(previous: Previous) -> dict[str, Any]:
    """{"rev", "as_of", "total", "counts"}: counts by that revision's own status keys."""
    as_of = previous.as_of.isoformat() if previous.as_of is not None else None
    return {
        "rev": previous.rev,
        "as_of": as_of,
        "total": previous.total,
        "counted": previous.counted,
        "done": previous.done,
        "counts": previous.scale_counts,
    }


# An outstanding action's record: where it sits, then every field of the format.
OUTSTANDING_FIELDS = (
    "id",
    "theme_id",
    "theme_title",
    "section_id",
    "section_title",
    *(name for name in fields_of(ACTION) if name != "id"),
    "file",
    "line",
    "overdue",
)


# Added after the others with --since.
SINCE_FIELDS = ("previous_rag", "new")


def _action_record(action: OutstandingAction, since: bool = False) -> dict[str, Any]:
    record = {name: getattr(action, name) for name in OUTSTANDING_FIELDS}
    record["due"] = action.due.isoformat() if action.due else None
    if since:
        previous = action.previous_status
        record["previous_rag"] = previous.key if previous is not None else None
        record["new"] = action.new
    return record


def outstanding_json(outstanding: Outstanding) -> dict[str, Any]:
    since = outstanding.previous is not None
    data: dict[str, Any] = {
        "title": outstanding.title,
        "organisation": outstanding.organisation,
        "as_of": outstanding.as_of.isoformat(),
        "filters": {
            f.key: list(f.values) if f.key != "overdue" else True for f in outstanding.filters
        },
        "total": outstanding.total,
        "outstanding": outstanding.outstanding,
        "listed": len(outstanding.actions),
        "overdue": outstanding.overdue,
    }
    if outstanding.previous is not None:
        data["previous"] = _previous_json(outstanding.previous)
    data["actions"] = [_action_record(a, since) for a in outstanding.actions]
    return data


def summary_csv(summary: Summary) -> Rows:
    keys = [s.key for s in summary.statuses]
    lead = ["id", "title", "lead_officer"] if summary.by == "theme" else [summary.by]
    header = [*lead, *keys, "total", "counted", "done", "percent_done", "overdue"]
    since = summary.previous is not None
    if since:
        assert summary.previous is not None
        # Today's statuses and any only that revision had: the columns add up.
        header += [f"previous_{c.status.key}" for c in summary.previous.counts]
        header += ["previous_total", "previous_done", "previous_percent_done", "direction"]
    tally = summary.indicators if summary.by == "theme" else None
    if tally is not None:
        header += [f"indicators_{c.rating.key}" for c in tally.counts] + ["indicators_not_rated"]
    rows = []
    for g in summary.groups:
        named: list[object] = [g.id, g.title, g.lead_officer] if summary.by == "theme" else [g.id]
        row = [*named, *(c.count for c in g.counts), g.total, g.counted, g.done, g.percent_done]
        row.append(g.overdue)
        if g.previous is not None and g.direction is not None:
            then = g.previous
            row += [*(c.count for c in then.counts), then.total, then.done, then.percent_done]
            row.append(g.direction.word)
        if tally is not None:
            ratings = [
                i.rating.key if i.rating else None for i in tally.indicators if i.theme == g.id
            ]
            row += [ratings.count(c.rating.key) for c in tally.counts] + [ratings.count(None)]
        rows.append(row)
    return header, rows


def outstanding_csv(outstanding: Outstanding) -> Rows:
    since = outstanding.previous is not None
    names = OUTSTANDING_FIELDS + SINCE_FIELDS if since else OUTSTANDING_FIELDS
    rows = []
    for action in outstanding.actions:
        record = _action_record(action, since)
        record["overdue"] = "overdue" if action.overdue else ""
        if since:
            record["new"] = "new" if action.new else ""
        rows.append([record[name] for name in names])
    return list(names), rows


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


def _latest_json(latest: Latest | None) -> dict[str, Any] | None:
    from ragplan.output.indicator_formats import json_number

    if latest is None:
        return None
    return {"period": latest.period, "value": json_number(latest.value), "rating": latest.rating}


def indicator_change_json(change: IndicatorChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "kind": change.kind,
        "fields": list(change.fields),
        "spc_changes": list(change.spc_changes),
        "before": _latest_json(change.before),
        "after": _latest_json(change.after),
    }


def diff_json(diff: PlanDiff) -> dict[str, Any]:
    """The json contract: from_rev, to_rev (null: the working tree), changes, before, after."""
    data = {
        "title": diff.title,
        "organisation": diff.organisation,
        "from_rev": diff.from_rev,
        "to_rev": diff.to_rev,
        "changes": [_change_json(c) for c in diff.changes],
        "before": {"counts": diff.before.counts, "themes": diff.before.themes},
        "after": {"counts": diff.after.counts, "themes": diff.after.themes},
    }
    if diff.indicators is not None:
        data["indicators"] = [indicator_change_json(c) for c in diff.indicators]
    return data


# The history.


def history_json(found: History) -> dict[str, Any]:
    """{"by", "folder", "statuses": [{"key", "label", "done"}], "points": [{"rev", "commit",
    "date", "as_of", "total", "done", "counts"}]}, points oldest first."""

    def point(p: Point) -> dict[str, Any]:
        found_point: dict[str, Any] = {
            "rev": p.rev,
            "commit": p.commit,
            "date": p.time.isoformat(),
            "as_of": _iso(p.as_of),
            "total": p.total,
            "counted": p.counted,
            "done": p.done,
            "counts": {s.key: p.counts.get(s.key, 0) for s in found.statuses},
        }
        if found.indicators is not None:
            found_point["indicators"] = p.indicators or {}
        return found_point

    data: dict[str, Any] = {
        "title": found.title,
        "organisation": found.organisation,
        "by": found.by,
        "folder": found.folder,
        "statuses": [{"key": s.key, "label": s.label, "done": s.done} for s in found.statuses],
    }
    if found.indicators is not None:
        data["indicators"] = [{"id": k, "title": v} for k, v in found.indicators.items()]
    data["points"] = [point(p) for p in found.points]
    if found.indicators is not None:
        changes = found.spc_changes
        data["spc_changes"] = [{"rev": c.rev, "id": c.id, "text": c.text} for c in changes]
    data["skipped"] = [{"rev": s.rev, "reason": s.reason, "level": s.level} for s in found.skipped]
    return data
