"""Direction of travel since an earlier revision, for `summary --since` and `outstanding --since`.

The direction compares the share of actions done (statuses marked `done` in each
revision's own scale), now against then, and always carries its word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ragplan.model import PlanSet
from ragplan.reports.diff import count_by_status


@dataclass(frozen=True)
class Travel:
    """A direction of travel: its word ('improved', 'worsened', 'no change'; an
    indicator's 'same') and arrow."""

    word: str
    arrow: str

    def __str__(self) -> str:
        return f"{self.arrow} {self.word}"


IMPROVED = Travel("improved", "↑")
WORSENED = Travel("worsened", "↓")
NO_CHANGE = Travel("no change", "→")


def direction(done_then: int, total_then: int, done_now: int, total_now: int) -> Travel:
    """Compare the share done now with the share done then (no actions counts as none done)."""
    # done_now / total_now against done_then / total_then, without floating point.
    now = done_now * max(total_then, 1) if total_now else 0
    then = done_then * max(total_now, 1) if total_then else 0
    if now > then:
        return IMPROVED
    if now < then:
        return WORSENED
    return NO_CHANGE


@dataclass(frozen=True)
class Previous:
    """The counts at the earlier revision, overall and per theme id."""

    rev: str
    as_of: date | None
    counts: dict[str, int]
    done: int
    themes: dict[str, dict[str, int]]
    themes_done: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> dict[str, Any]:
        """The `"previous"` object of `summary --since` json."""
        as_of = self.as_of.isoformat() if self.as_of is not None else None
        return {"rev": self.rev, "as_of": as_of, "total": self.total, "counts": self.counts}

    def theme_counts(self, theme_id: str) -> dict[str, int]:
        """A theme's `"previous_counts"`: all zero when the theme did not exist then."""
        return self.themes.get(theme_id, dict.fromkeys(self.counts, 0))


def previous(plan_set: PlanSet, rev: str) -> Previous:
    """The counts of the plan set read at revision `rev`."""
    scale = plan_set.config.scale
    done_keys = scale.done_keys
    themes = {}
    themes_done = {}
    for theme in plan_set.themes:
        actions = list(theme.all_actions())
        themes[theme.id] = count_by_status(actions, scale)
        themes_done[theme.id] = sum(1 for a in actions if a.rag in done_keys)
    everything = plan_set.all_actions()
    return Previous(
        rev=rev,
        as_of=plan_set.config.as_of,
        counts=count_by_status(everything, scale),
        done=sum(1 for a in everything if a.rag in done_keys),
        themes=themes,
        themes_done=themes_done,
    )


@dataclass(frozen=True)
class ThemeSince:
    """One theme now against then."""

    id: str
    previous_counts: dict[str, int]
    previous_total: int
    direction: Travel


@dataclass(frozen=True)
class Since:
    """The whole plan set now against then: `previous` counts and directions of travel."""

    previous: Previous
    direction: Travel
    themes: dict[str, ThemeSince]


def since(current: PlanSet, before: PlanSet, rev: str) -> Since:
    """Previous counts and direction of travel, overall and for each theme of `current`."""
    then = previous(before, rev)
    done_keys = current.config.scale.done_keys
    themes = {}
    for theme in current.themes:
        actions = list(theme.all_actions())
        done_now = sum(1 for a in actions if a.rag in done_keys)
        counts = then.theme_counts(theme.id)
        total_then = sum(counts.values())
        travel = direction(then.themes_done.get(theme.id, 0), total_then, done_now, len(actions))
        themes[theme.id] = ThemeSince(theme.id, counts, total_then, travel)
    everything = current.all_actions()
    done_now = sum(1 for a in everything if a.rag in done_keys)
    overall = direction(then.done, then.total, done_now, len(everything))
    return Since(then, overall, themes)


@dataclass(frozen=True)
class ActionSince:
    """An outstanding action then: its status (None if it did not exist) and if it is new."""

    previous_rag: str | None
    new: bool


def outstanding_since(current: PlanSet, before: PlanSet) -> dict[str, ActionSince]:
    """For each action outstanding now, by id: its previous status, and whether it is new
    to the outstanding list (it did not exist then, or was done then)."""
    old = {a.id: a for a in before.all_actions()}
    done_now = current.config.scale.done_keys
    done_then = before.config.scale.done_keys
    found = {}
    for action in current.all_actions():
        if action.rag in done_now:
            continue
        was = old.get(action.id)
        rag = was.rag if was is not None else None
        found[action.id] = ActionSince(rag, rag is None or rag in done_then)
    return found


def load_previous(plans: Path, rev: str) -> PlanSet:
    """The valid plan set in the folder `plans` as it was at git revision `rev`."""
    from ragplan.reading.git import Repository

    with Repository(plans) as repo:
        return repo.plan_set(repo.revision(rev))
