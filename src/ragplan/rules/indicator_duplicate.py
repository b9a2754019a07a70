"""Indicator ids are unique in the plan set; an indicator lists each period and summary once."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("indicator-duplicate", "error", __doc__)


def _where(first: tuple[str, int], file: str) -> str:
    return f"line {first[1]}" if first[0] == file else f"{first[0]}:{first[1]}"


def check(plan_set: PlanSet) -> Iterator[Problem]:
    ids: dict[str, tuple[str, int]] = {}
    for indicator in plan_set.indicators:
        file = indicator.file
        first = ids.setdefault(indicator.id, (file, indicator.line))
        if first != (file, indicator.line):
            yield RULE.problem(
                file,
                indicator.line,
                indicator.column,
                f"indicator id '{indicator.id}' is used twice (first at {_where(first, file)})",
            )
        periods: dict[str, int] = {}
        for value in indicator.values:
            line = periods.setdefault(value.period, value.line)
            if line != value.line:
                yield RULE.problem(
                    file,
                    value.line,
                    value.column,
                    f"indicator {indicator.id} lists period '{value.period}' twice "
                    f"(first at line {line}); give each period one value",
                )
        labels: dict[str, int] = {}
        for summary in indicator.summaries:
            line = labels.setdefault(summary.label, summary.line)
            if line != summary.line:
                yield RULE.problem(
                    file,
                    summary.line,
                    summary.column,
                    f"indicator {indicator.id} lists summary '{summary.label}' twice "
                    f"(first at line {line})",
                )
