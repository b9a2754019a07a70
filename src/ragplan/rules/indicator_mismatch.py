"""A stated value agrees, to its rounding, with the value its counts give."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ragplan.model import PlanSet, with_unit
from ragplan.problems import Problem, Rule

if TYPE_CHECKING:
    from decimal import Decimal

RULE = Rule("indicator-mismatch", "warning", __doc__, adjustable=True)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    if not plan_set.indicators:
        return
    # Only plans with indicators pay for decimal arithmetic.
    from ragplan.rating import computed_summary, counts_valid, disagrees, places, ratio

    for indicator in plan_set.indicators:
        unit = indicator.unit
        if not unit:  # an unknown unit is an error of its own; its counts mean nothing yet
            continue
        digits = places(indicator)
        for value in indicator.values:
            if value.value is None or value.numerator is None or value.denominator is None:
                continue
            if not counts_valid(value, unit):  # an error of its own (indicator-counts)
                continue
            exact = ratio(value.numerator, value.denominator, unit)
            if exact is not None and disagrees(value.value, exact):
                line, column = value.marks["value"]
                counts = f"{value.numerator.text} / {value.denominator.text}"
                yield RULE.problem(
                    indicator.file,
                    line,
                    column,
                    f"indicator {indicator.id}, period {value.period}: the value "
                    f"{with_unit(value.value.text, unit)} is not what its counts give "
                    f"({counts} = {_about(exact, digits)}); correct the value or the counts",
                )
        if not all(counts_valid(v, unit) for v in indicator.values):
            continue
        for summary in indicator.summaries:
            exact = computed_summary(indicator, summary)
            if summary.value is None or exact is None or not disagrees(summary.value, exact):
                continue
            line, column = summary.marks["value"]
            yield RULE.problem(
                indicator.file,
                line,
                column,
                f"indicator {indicator.id}: summary '{summary.label}' states "
                f"{with_unit(summary.value.text, unit)}, but the counts of {summary.start} to "
                f"{summary.end} give {_about(exact, digits)}; reports show the value from "
                "the counts",
            )


def _about(value: Decimal, digits: int) -> str:
    """An exact quotient for a message: two decimals more than the values have (62.241),
    less any trailing zeros beyond theirs (72.00, not 72.0000)."""
    from decimal import ROUND_HALF_UP, Decimal

    text = format(value.quantize(Decimal(1).scaleb(-digits - 2), rounding=ROUND_HALF_UP), "f")
    while text.endswith("0") and len(text.partition(".")[2]) > digits:
        text = text[:-1]
    return text.removesuffix(".")
