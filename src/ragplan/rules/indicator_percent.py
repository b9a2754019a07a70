"""A percent indicator's values, target and summaries lie between 0 and 100."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import Marks, Number, PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("indicator-percent", "error", __doc__)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for indicator in plan_set.indicators:
        if indicator.unit != "percent":
            continue
        named: list[tuple[Number | None, str, Marks]] = [
            (indicator.target, "its target", indicator.marks)
        ]
        named += [
            (s.value, f"its trajectory's target for {s.period}", {"value": (s.line, s.column)})
            for s in indicator.trajectory
        ]
        named += [(v.value, f"its value in {v.period}", v.marks) for v in indicator.values]
        named += [(s.value, f"its summary '{s.label}'", s.marks) for s in indicator.summaries]
        for number, what, marks in named:
            if number is not None and not 0 <= number.value <= 100:
                line, column = marks.get("target" if what == "its target" else "value", (1, 1))
                yield RULE.problem(
                    indicator.file,
                    line,
                    column,
                    f"indicator {indicator.id} is a percent, but {what} is {number.text}; "
                    "a percent lies between 0 and 100",
                )
