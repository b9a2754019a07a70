"""`diff` and `history` as a heading, a sentence and tables: what their templates, the
terminal and every other format draw. Status and rating changes always carry words, never
colour or an arrow alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ragplan.model import with_unit
from ragplan.reports.common import percent
from ragplan.reports.diff import KINDS, PlanDiff
from ragplan.reports.history import History, Point
from ragplan.reports.indicator_changes import KINDS as INDICATOR_KINDS
from ragplan.reports.indicator_changes import IndicatorChange, Latest
from ragplan.textsafe import show_controls

KIND_WORDS = {
    "added": "added",
    "removed": "removed",
    "improved": "↑ improved",
    "worsened": "↓ worsened",
    "redated": "re-dated",
    "recalculated": "recalculated",
    "changed": "changed",
}


@dataclass(frozen=True)
class Table:
    """A captioned table of text cells; `numeric` holds the indexes of right-aligned columns."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()

    @property
    def align(self) -> str:
        """'l' or 'r' per column, as text_table takes it."""
        return "".join("r" if i in self.numeric else "l" for i in range(len(self.headers)))


@dataclass(frozen=True)
class View:
    """A heading, a line under it, and tables. Control characters from the plans are shown
    as text (ESC as '\\x1b'), so no format obeys one."""

    heading: str
    lead: str
    tables: list[Table] = field(default_factory=list)


def _shown(view: View) -> View:
    return View(
        show_controls(view.heading),
        show_controls(view.lead),
        [
            Table(
                show_controls(t.title),
                [show_controls(h) for h in t.headers],
                [[show_controls(c) for c in row] for row in t.rows],
                t.numeric,
            )
            for t in view.tables
        ],
    )


def _to_name(diff: PlanDiff) -> str:
    return diff.to_rev if diff.to_rev is not None else "the working tree"


def _both(then: object, now: object) -> str:
    shown = ["" if v is None else str(v) for v in (then, now)]
    if then is None or now is None or then == now:
        return shown[0] or shown[1]
    return f"{shown[0]} → {shown[1]}"


def diff_view(diff: PlanDiff) -> View:
    labels = {s.key: s.label for s in diff.statuses}
    heading = f"{diff.title}: changes from {diff.from_rev} to {_to_name(diff)}"
    changes = sorted(diff.changes, key=lambda c: KINDS.index(c.kind))
    if changes:
        moved = f"{len(changes)} action{'s' if len(changes) != 1 else ''} changed: " + ", ".join(
            f"{len(diff.by_kind(k))} {KIND_WORDS[k].split()[-1]}" for k in KINDS if diff.by_kind(k)
        )
    else:
        moved = "No action changed."
    rows = [
        [
            c.id,
            KIND_WORDS[c.kind],
            _both(labels.get(c.from_rag or "", c.from_rag), labels.get(c.to_rag or "", c.to_rag)),
            _both(c.from_due, c.to_due),
            ", ".join(c.fields),
            c.summary,
        ]
        for c in changes
    ]
    tables = []
    if rows:
        tables.append(
            Table("Actions", ["Id", "Change", "Status", "Due", "Fields", "Summary"], rows)
        )
    if diff.indicators is not None:
        moved = f"{moved.rstrip('.')}; {indicator_changes_sentence(diff.indicators)}"
        if diff.indicators:
            tables.append(indicator_changes_table(diff.indicators))
    tables.append(_counts_table(diff))
    return _shown(View(heading, moved, tables))


def _rating_word(latest: Latest | None) -> str | None:
    """'Green', or 'not rated'; None when the indicator was not there."""
    if latest is None:
        return None
    return latest.rating.capitalize() if latest.rating else "not rated"


def _latest_words(latest: Latest | None, unit: str) -> str | None:
    if latest is None or latest.value is None:
        return None
    return f"{with_unit(latest.value.text, unit)} in {latest.period}"


def indicator_changes_sentence(changes: list[IndicatorChange]) -> str:
    """'3 indicators changed: 1 added, 2 worsened', or 'no indicator changed'."""
    if not changes:
        return "no indicator changed"
    kinds = [c.kind for c in changes]
    counted = ", ".join(f"{kinds.count(k)} {k}" for k in INDICATOR_KINDS if k in kinds)
    return f"{len(changes)} indicator{'s' if len(changes) != 1 else ''} changed: {counted}"


def indicator_changes_table(changes: list[IndicatorChange]) -> Table:
    rows = [
        [
            c.id,
            KIND_WORDS[c.kind],
            _both(_rating_word(c.before), _rating_word(c.after)),
            _both(_latest_words(c.before, c.unit), _latest_words(c.after, c.unit)),
            "; ".join([", ".join(c.fields), *c.spc_changes]),
            c.title,
        ]
        for c in changes
    ]
    return Table("Indicators", ["Id", "Change", "Rating", "Latest", "Fields", "Title"], rows)


def _counts_table(diff: PlanDiff) -> Table:
    keys = [s.key for s in diff.statuses]
    before, after = diff.before, diff.after

    def cells(then: dict[str, int] | None, now: dict[str, int] | None) -> list[str]:
        then = then or {}
        now = now or {}
        found = [_both(then.get(k, 0), now.get(k, 0)) for k in keys]
        return found + [_both(sum(then.values()), sum(now.values()))]

    rows = []
    for theme_id, title in diff.theme_titles.items():
        name = f"{theme_id} {title}" if title else theme_id
        rows.append([name, *cells(before.themes.get(theme_id), after.themes.get(theme_id))])
    rows.append(["All themes", *cells(before.counts, after.counts)])
    headers = ["Theme", *(s.label for s in diff.statuses), "Total"]
    return Table(
        f"Actions per status, {diff.from_rev} → {_to_name(diff)}",
        headers,
        rows,
        frozenset(range(1, len(headers))),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _percent(point: Point) -> str:
    # Rounded down, as summary does: 100% only when every counted action is done.
    return f"{percent(point.done, point.counted)}%" if point.counted else "-"


def history_view(found: History) -> View:
    what = "tag" if found.by == "tags" else "commit touching the plans"
    headers = ["Revision", "Date", "As of", *(s.label for s in found.statuses), "Total", "Done"]
    rows = [
        [
            p.rev,
            p.time.date().isoformat(),
            _iso(p.as_of) or "",
            *(str(p.counts.get(s.key, 0)) for s in found.statuses),
            str(p.total),
            _percent(p),
        ]
        for p in found.points
    ]
    table = Table("Actions per status", headers, rows, frozenset(range(3, len(headers))))
    lead = f"Counts at each {what}, oldest first ({len(found.points)})."
    if found.skipped:
        left_out = ", ".join(f"{s.rev} ({s.reason})" for s in found.skipped)
        lead += f" Left out: {left_out}."
    tables = [table]
    if found.indicators:
        tables.append(_ratings_table(found, found.indicators))
    if found.spc_changes:
        rows = [[c.rev, c.id, c.text] for c in found.spc_changes]
        tables.append(Table("SPC settings changed", ["Revision", "Indicator", "Change"], rows))
    return _shown(View(f"{found.title}: history of {found.folder}", lead, tables))


def _ratings_table(found: History, indicators: dict[str, str]) -> Table:
    """Each indicator's rating at each revision: a column per indicator (by id), blank
    where it was not in the plans."""
    rows = []
    for p in found.points:
        ratings = p.indicators or {}
        cells = []
        for ident in indicators:
            if ident not in ratings:
                cells.append("")
            else:
                rating = ratings[ident]
                cells.append(rating.capitalize() if rating else "not rated")
        rows.append([p.rev, *cells])
    return Table("Indicator ratings", ["Revision", *indicators], rows)
