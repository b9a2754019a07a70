"""Counts come in pairs, a denominator is above 0, and a percent's numerator is not above it."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("indicator-counts", "error", __doc__)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for indicator in plan_set.indicators:
        for value in indicator.values:
            where = f"indicator {indicator.id}, period {value.period}"
            numerator, denominator = value.numerator, value.denominator
            if (numerator is None) != (denominator is None):
                given, missing = ("numerator", "denominator")
                if numerator is None:
                    given, missing = missing, given
                line, column = value.marks[given]
                yield RULE.problem(
                    indicator.file,
                    line,
                    column,
                    f"{where} gives a {given} but no {missing}; give both counts, or neither",
                )
            elif numerator is None or denominator is None:
                continue
            elif denominator.value == 0:
                line, column = value.marks["denominator"]
                yield RULE.problem(
                    indicator.file,
                    line,
                    column,
                    f"{where} has a denominator of 0, which gives no value; "
                    "leave the counts out for a period with nothing counted",
                )
            elif indicator.unit == "percent" and numerator.value > denominator.value:
                line, column = value.marks["numerator"]
                yield RULE.problem(
                    indicator.file,
                    line,
                    column,
                    f"{where}: the numerator {numerator.text} is above the denominator "
                    f"{denominator.text}, which would be over 100%",
                )
