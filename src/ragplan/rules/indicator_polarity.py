"""An indicator with a target says whether a higher or a lower value is better (polarity)."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("indicator-polarity", "error", __doc__)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for indicator in plan_set.indicators:
        if indicator.has_target and indicator.polarity is None:
            line, column = indicator.marks.get("target", (indicator.line, indicator.column))
            yield RULE.problem(
                indicator.file,
                line,
                column,
                f"indicator {indicator.id} has a target but no polarity, so it cannot be "
                "rated; add polarity: higher (higher is better) or polarity: lower",
            )
