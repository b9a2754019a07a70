"""A theme should hold at least one action."""

from collections.abc import Iterator

from ragplan.checks.problems import Level, Problem
from ragplan.model import PlanSet

ID = "empty-theme"
LEVEL: Level = "warning"


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for theme in plan_set.themes:
        if theme.id != "?" and next(theme.all_actions(), None) is None:
            yield Problem(
                theme.file, theme.line, theme.column, LEVEL, ID, f"theme {theme.id} has no actions"
            )
