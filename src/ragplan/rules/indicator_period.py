"""A summary's from and to name periods of its indicator, from no later than to."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("indicator-period", "error", __doc__)


def _nearest(period: str, periods: list[str]) -> str:
    close = difflib.get_close_matches(period, periods, n=1, cutoff=0.5)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; its periods are {', '.join(periods)}" if periods else "; it lists no periods"


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for indicator in plan_set.indicators:
        periods = [v.period for v in indicator.values]
        for summary in indicator.summaries:
            where = f"summary '{summary.label}' of indicator {indicator.id}"
            ends = {"from": summary.start, "to": summary.end}
            missing = False
            for key, period in ends.items():
                if not period:  # absent or empty: the missing-field rule says so
                    missing = True
                elif period not in periods:
                    missing = True
                    line, column = summary.marks[key]
                    yield RULE.problem(
                        indicator.file,
                        line,
                        column,
                        f"{where}: '{key}' names no period: '{period}'" + _nearest(period, periods),
                    )
            if not missing and periods.index(summary.start) > periods.index(summary.end):
                line, column = summary.marks["from"]
                yield RULE.problem(
                    indicator.file,
                    line,
                    column,
                    f"{where}: from '{summary.start}' comes after to '{summary.end}' in the "
                    "list of periods, which is in time order",
                )
