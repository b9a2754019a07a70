"""An outstanding action (a status that is not done) should have notes saying why."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("missing-notes", "warning", __doc__, adjustable=True)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    scale = plan_set.config.scale
    keys = set(scale.keys)
    done = scale.done_keys
    for theme in plan_set.themes:
        for action in theme.all_actions():
            if action.rag in keys and action.rag not in done and not (action.notes or "").strip():
                yield RULE.problem(
                    action.file,
                    action.line,
                    action.column,
                    f"action {action.id} is {action.rag} but has no notes; "
                    "an exception report needs them",
                )
