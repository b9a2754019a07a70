"""Compare two plan sets action by action: added, removed, improved, worsened, re-dated, changed;
and indicator by indicator, when they have any.

Actions are matched by id, not by file, so an action whose file was renamed or
moved keeps its identity. Each side's counts use that side's own status scale.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ragplan.model import Action, PlanSet, Scale, natural_key
from ragplan.reports.common import ReportStatus, movement, report_statuses

if TYPE_CHECKING:
    from ragplan.reports.indicator_changes import IndicatorChange

# Most significant first: an action gets the first kind that applies.
KINDS = ("added", "removed", "improved", "worsened", "redated", "changed")

# The fields compared, in the order they are listed; theme and section by id.
FIELDS = (
    "summary",
    "rag",
    "due",
    "lead_body",
    "lead_officer",
    "notes",
    "carried_from",
    "theme",
    "section",
)


@dataclass(frozen=True)
class Change:
    """One action that differs between the two plan sets."""

    id: str
    kind: str
    fields: tuple[str, ...]
    from_rag: str | None
    to_rag: str | None
    from_due: date | None
    to_due: date | None
    summary: str
    theme: str
    # Each changed field of an action in both plan sets: its name, its value before, after.
    values: tuple[tuple[str, object, object], ...] = ()


@dataclass(frozen=True)
class Tally:
    """Actions per status, overall and per theme id, every status of the scale in its order."""

    counts: dict[str, int]
    themes: dict[str, dict[str, int]]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class PlanDiff:
    """What changed from `from_rev` to `to_rev` (None: the working tree)."""

    title: str
    organisation: str | None
    from_rev: str
    to_rev: str | None
    changes: list[Change]
    before: Tally
    after: Tally
    statuses: list[ReportStatus]
    theme_titles: dict[str, str | None]
    indicators: list[IndicatorChange] | None = None
    from_as_of: date | None = None  # the board date each plan set describes (its as_of)
    to_as_of: date | None = None

    def by_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def count_by_status(actions: list[Action], scale: Scale) -> dict[str, int]:
    """How many actions have each status, listing every status of the scale, best first."""
    counts = dict.fromkeys(scale.keys, 0)
    for action in actions:
        counts[action.rag] = counts.get(action.rag, 0) + 1
    return counts


def tally(plan_set: PlanSet) -> Tally:
    scale = plan_set.config.scale
    themes = {t.id: count_by_status(list(t.all_actions()), scale) for t in plan_set.themes}
    return Tally(count_by_status(plan_set.all_actions(), scale), themes)


def _value(action: Action, name: str) -> object:
    if name == "theme":
        return action.theme.id
    if name == "section":
        return action.section.id if action.section is not None else None
    return getattr(action, name)


def _present(action: Action) -> tuple[str, ...]:
    return tuple(n for n in ("id", *FIELDS) if _value(action, n) not in (None, ""))


def compare(before: PlanSet, after: PlanSet, from_rev: str, to_rev: str | None = None) -> PlanDiff:
    """Every action that differs between `before` and `after`, in natural id order."""
    old = {a.id: a for a in before.actions()}
    new = {a.id: a for a in after.actions()}
    old_scale, new_scale = before.config.scale, after.config.scale
    changes = []
    for ident in sorted(old.keys() | new.keys(), key=natural_key):
        was, now = old.get(ident), new.get(ident)
        if was is None or now is None:
            action = now if now is not None else was
            assert action is not None
            kind = "added" if was is None else "removed"
            fields = _present(action)
        else:
            fields = tuple(n for n in FIELDS if _value(was, n) != _value(now, n))
            if not fields:
                continue
            action = now
            moved = movement(was.rag, now.rag, old_scale, new_scale) if "rag" in fields else None
            kind = moved or ("redated" if "due" in fields else "changed")
        changes.append(
            Change(
                id=ident,
                kind=kind,
                fields=fields,
                from_rag=was.rag if was is not None else None,
                to_rag=now.rag if now is not None else None,
                from_due=was.due if was is not None else None,
                to_due=now.due if now is not None else None,
                summary=action.summary,
                theme=action.theme.id,
                values=tuple((n, _value(was, n), _value(now, n)) for n in fields)
                if was is not None and now is not None
                else (),
            )
        )
    # Today's statuses, then any only the earlier scale had (a renamed key), marked so
    # that no two columns share a title and every row adds up.
    statuses = report_statuses(new_scale, old_scale)
    titles = {t.id: t.title for t in before.themes}
    titles.update({t.id: t.title for t in after.themes})
    ordered = dict(sorted(titles.items(), key=lambda item: natural_key(item[0])))
    found = PlanDiff(
        after.config.title,
        after.config.organisation,
        from_rev,
        to_rev,
        changes,
        tally(before),
        tally(after),
        statuses,
        ordered,
        from_as_of=before.config.as_of,
        to_as_of=after.config.as_of,
    )
    if before.indicators or after.indicators:
        from ragplan.reports.indicator_changes import compare_indicators

        found = replace(found, indicators=compare_indicators(before, after))
    return found
