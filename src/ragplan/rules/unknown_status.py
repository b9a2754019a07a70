"""An action's rag must be one of the scale's statuses (in any case)."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("unknown-status", "error", __doc__)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    keys = plan_set.config.scale.keys
    allowed = ", ".join(keys)
    for theme in plan_set.themes:
        for action in theme.all_actions():
            if action.rag and action.rag not in keys:
                yield RULE.problem(
                    action.file,
                    action.rag_line,
                    action.rag_column,
                    f"action {action.id}: status '{action.rag}' is not in the scale; "
                    f"use one of: {allowed}",
                )
