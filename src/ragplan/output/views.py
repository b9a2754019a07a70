"""`diff` and `history` as a heading, a sentence and tables: what their templates, the
terminal and every other format draw. Status and rating changes always carry words, never
colour or an arrow alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ragplan.model import with_unit
from ragplan.output.wording import long_date
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


# Board words (board=True, for md, html, docx and pdf): a plan set is named by the board
# date it describes (its as_of), its revision only where it has none; an action by its
# Ref; an indicator by its title; each changed field by the name Appendix B gives it,
# from → to. The terminal keeps the technical names (revisions, ids, field keys).

FIELD_WORDS = {
    "summary": "Key action",
    "rag": "RAG rating",
    "due": "End date",
    "lead_body": "Lead body",
    "lead_officer": "Lead officer",
    "notes": "Notes",
    "carried_from": "Carried from",
    "theme": "Theme",
    "section": "Section",
}


def board_date(as_of: date | None, rev: str | None) -> str:
    """'20 September 2010' for a plan set with that as_of; else its revision, or 'now'."""
    if as_of is not None:
        return long_date(as_of)
    return rev if rev is not None else "now"


def _field_change(labels: dict[str, str], name: str, then: object, now: object) -> str:
    """'RAG rating: Amber → Red', 'End date: 31 March 2010 → 30 June 2010'."""

    def shown(value: object) -> str:
        if value is None or value == "":
            return "none"
        if name == "rag":
            return labels.get(str(value), str(value))
        if isinstance(value, date):
            return long_date(value)
        return " ".join(str(value).split())

    return f"{FIELD_WORDS.get(name, name)}: {shown(then)} → {shown(now)}"


def diff_view(diff: PlanDiff, board: bool = False) -> View:
    labels = {s.key: s.label for s in diff.statuses}
    if board:
        return _board_diff_view(diff, labels)
    heading = f"{diff.title}: changes from {diff.from_rev} to {_to_name(diff)}"
    changes = sorted(diff.changes, key=lambda c: KINDS.index(c.kind))
    moved = _changed_sentence(diff)
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


def _changed_sentence(diff: PlanDiff) -> str:
    """'3 actions changed: 1 added, 2 improved', or 'No action changed.'."""
    if not diff.changes:
        return "No action changed."
    n = len(diff.changes)
    return f"{n} action{'s' if n != 1 else ''} changed: " + ", ".join(
        f"{len(diff.by_kind(k))} {KIND_WORDS[k].split()[-1]}" for k in KINDS if diff.by_kind(k)
    )


def _board_diff_view(diff: PlanDiff, labels: dict[str, str]) -> View:
    then, now = board_date(diff.from_as_of, diff.from_rev), board_date(diff.to_as_of, diff.to_rev)
    heading = f"{diff.title}: changes from {then} to {now}"
    changes = sorted(diff.changes, key=lambda c: KINDS.index(c.kind))
    moved = _changed_sentence(diff)
    rows = []
    for c in changes:
        if c.values:
            what = "; ".join(_field_change(labels, *value) for value in c.values)
        else:  # added or removed: its rating then or now
            rag = c.to_rag if c.kind == "added" else c.from_rag
            what = f"RAG rating: {labels.get(rag or '', rag or 'none')}"
        rows.append([c.id, KIND_WORDS[c.kind], what, c.summary])
    tables = []
    if rows:
        tables.append(Table("Actions", ["Ref", "Change", "From → to", "Key action"], rows))
    if diff.indicators is not None:
        moved = f"{moved.rstrip('.')}; {indicator_changes_sentence(diff.indicators)}"
        if diff.indicators:
            tables.append(_board_indicator_table(diff.indicators))
    counts = _counts_table(diff)
    title = f"Actions per status, {then} → {now}"
    tables.append(Table(title, counts.headers, counts.rows, counts.numeric))
    return _shown(View(heading, moved, tables))


def _board_indicator_table(changes: list[IndicatorChange]) -> Table:
    rows = [
        [
            c.title,
            KIND_WORDS[c.kind],
            _both(_rating_word(c.before), _rating_word(c.after)),
            _both(_latest_words(c.before, c.unit), _latest_words(c.after, c.unit)),
            # The SPC settings' changes in words, from and to, as every change reads here.
            "; ".join([", ".join(f.replace("_", " ") for f in c.fields), *c.spc_changes]),
        ]
        for c in changes
    ]
    return Table("Indicators", ["Indicator", "Change", "Rating", "Latest", "What changed"], rows)


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


def history_view(found: History, board: bool = False) -> View:
    if board:
        return _board_history_view(found)
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


def _board_history_view(found: History) -> View:
    """A row per board report, named by its date; an indicator's column by its title."""
    headers = ["Board report", *(s.label for s in found.statuses), "Total", "Done"]
    names = [board_date(p.as_of, p.rev) for p in found.points]
    rows = [
        [
            name,
            *(str(p.counts.get(s.key, 0)) for s in found.statuses),
            str(p.total),
            _percent(p),
        ]
        for name, p in zip(names, found.points, strict=True)
    ]
    table = Table("Actions per status", headers, rows, frozenset(range(1, len(headers))))
    count = len(found.points)
    lead = f"The actions at each of the {count} board reports, from {names[0]} to {names[-1]}."
    if count == 1:
        lead = f"The actions at the board report of {names[0]}."
    if found.skipped:
        left_out = ", ".join(f"{s.rev} ({s.reason})" for s in found.skipped)
        lead += f" Not shown: {left_out}."
    tables = [table]
    if found.indicators:
        ratings = _ratings_table(found, found.indicators)
        titled = [found.indicators.get(i) or i for i in found.indicators]
        rows = [[name, *row[1:]] for name, row in zip(names, ratings.rows, strict=True)]
        tables.append(Table("Indicator ratings", ["Board report", *titled], rows))
    return _shown(View(f"{found.title}: progress at each board report", lead, tables))


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
