"""A theme should hold at least one action."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("empty-theme", "warning", __doc__, adjustable=True)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for theme in plan_set.themes:
        if theme.unread == 0 and next(theme.all_actions(), None) is None:
            yield RULE.problem(
                theme.file, theme.line, theme.column, f"theme {theme.id} has no actions"
            )
