"""An outstanding action (a status that is not done) should have notes saying why."""

from collections.abc import Iterator

from ragplan.checks.problems import Level, Problem
from ragplan.model import PlanSet

ID = "missing-notes"
LEVEL: Level = "warning"


def check(plan_set: PlanSet) -> Iterator[Problem]:
    scale = plan_set.config.scale
    keys = set(scale.keys)
    done = scale.done_keys
    for theme in plan_set.themes:
        for action in theme.all_actions():
            if action.rag in keys and action.rag not in done and not (action.notes or "").strip():
                yield Problem(
                    action.file,
                    action.line,
                    action.column,
                    LEVEL,
                    ID,
                    f"action {action.id} is {action.rag} but has no notes; "
                    "an exception report needs them",
                )
