"""The scale lists its done statuses first, best first, as reports rank them."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("scale-order", "warning", __doc__, adjustable=True)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    config = plan_set.config
    if config.file is None:
        return
    counted = [s for s in config.scale.statuses if s.counts]
    for i, status in enumerate(counted):
        earlier = next((s for s in counted[:i] if not s.done), None)
        if status.done and earlier is not None:
            yield RULE.problem(
                config.file,
                status.line,
                status.column,
                f"done status '{status.label}' is listed after '{earlier.label}', which is "
                "not done; list done statuses first (best first): reports rank a done "
                "status above any other whatever its place",
            )
