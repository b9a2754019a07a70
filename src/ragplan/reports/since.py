"""What changed since an earlier revision, for `summary --since` and `outstanding --since`:
the figures then, how each action that is in both revisions moved, and the direction of
travel that follows.

An action improved or worsened when its status moved up or down the scale (a done status
ranks above any other; see common.movement). The direction of a theme, or of the plan,
weighs the actions in both revisions that improved against those that worsened; actions
added or removed since are counted as new or removed and never move it. A theme that did
not exist then is "new".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ragplan.model import Action, PlanSet, Scale
from ragplan.reports.common import IMPROVED, NEW, NO_CHANGE, WORSENED, Travel, movement
from ragplan.reports.diff import count_by_status


@dataclass
class Moves:
    """How the actions in both revisions moved, and how many came and went."""

    improved: int = 0
    worsened: int = 0
    unmoved: int = 0
    new: int = 0
    removed: int = 0

    @property
    def in_both(self) -> int:
        return self.improved + self.worsened + self.unmoved

    @property
    def direction(self) -> Travel:
        if self.improved > self.worsened:
            return IMPROVED
        if self.worsened > self.improved:
            return WORSENED
        return NEW if self.in_both == 0 and self.new else NO_CHANGE


@dataclass(frozen=True)
class Figures:
    """Actions per status (by the scale's keys), how many are done, and how many count."""

    counts: dict[str, int]
    done: int
    counted: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def figures(actions: Iterable[Action], scale: Scale) -> Figures:
    listed = list(actions)
    counts = count_by_status(listed, scale)
    done = sum(n for key, n in counts.items() if key in scale.done_keys)
    uncounted = sum(n for key, n in counts.items() if key in scale.uncounted_keys)
    return Figures(counts, done, sum(counts.values()) - uncounted)


@dataclass
class Since:
    """The plan set now against then: the figures then (overall and by theme id), how its
    actions moved (overall and by theme id), and each theme's direction."""

    rev: str
    as_of: date | None
    then: Figures
    themes_then: dict[str, Figures]
    moves: Moves
    theme_moves: dict[str, Moves] = field(default_factory=dict)
    directions: dict[str, Travel] = field(default_factory=dict)

    @property
    def direction(self) -> Travel:
        return self.moves.direction


def since(current: PlanSet, before: PlanSet, rev: str) -> Since:
    """Figures then, moves and directions, overall and for each theme of `current`."""
    old_scale, new_scale = before.config.scale, current.config.scale
    themes_then = {t.id: figures(t.all_actions(), old_scale) for t in before.themes}
    found = Since(
        rev,
        before.config.as_of,
        figures(before.all_actions(), old_scale),
        themes_then,
        Moves(),
    )
    old = {a.id: a for a in before.all_actions()}
    now_ids = set()
    for theme in current.themes:
        moves = found.theme_moves[theme.id] = Moves()
        for action in theme.all_actions():
            now_ids.add(action.id)
            was = old.get(action.id)
            if was is None:
                moves.new += 1
                continue
            moved = movement(was.rag, action.rag, old_scale, new_scale)
            if moved == "improved":
                moves.improved += 1
            elif moved == "worsened":
                moves.worsened += 1
            else:
                moves.unmoved += 1
        found.directions[theme.id] = NEW if theme.id not in themes_then else moves.direction
    for action in before.all_actions():
        if action.id not in now_ids:
            found.theme_moves.setdefault(action.theme.id, Moves()).removed += 1
    for moves in found.theme_moves.values():
        for name in ("improved", "worsened", "unmoved", "new", "removed"):
            setattr(found.moves, name, getattr(found.moves, name) + getattr(moves, name))
    return found


@dataclass(frozen=True)
class ActionSince:
    """An outstanding action then: its status (None if it did not exist) and if it is new."""

    previous_rag: str | None
    new: bool


def outstanding_since(current: PlanSet, before: PlanSet) -> dict[str, ActionSince]:
    """For each action outstanding now, by id: its previous status, and whether it is new
    to the outstanding list (it did not exist then, or was done or withdrawn then)."""
    old = {a.id: a for a in before.all_actions()}
    outstanding_now = current.config.scale.outstanding_keys
    outstanding_then = before.config.scale.outstanding_keys
    found = {}
    for action in current.all_actions():
        if action.rag not in outstanding_now:
            continue
        was = old.get(action.id)
        rag = was.rag if was is not None else None
        found[action.id] = ActionSince(rag, rag not in outstanding_then)
    return found
