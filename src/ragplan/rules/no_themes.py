"""A plan folder holds at least one theme file."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("no-themes", "warning", __doc__, adjustable=True)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    # A CI job pointed at the wrong folder must not pass by checking nothing.
    if plan_set.theme_files == 0:
        yield RULE.problem(
            plan_set.shown, 1, 1, "no theme files (*.yaml, *.yml) in this plan folder"
        )
