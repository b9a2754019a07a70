"""An indicator's SPC settings fit its values: its baseline and recalculations name periods
with a value, leave 2 or more values to each calculation period, and polarity neither has
no target."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import Indicator, PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("indicator-spc", "error", " ".join(__doc__.split()))


def _periods(indicator: Indicator) -> list[str]:
    """The periods the chart has: those with a value (stated or from counts)."""
    from ragplan.rating import period_value

    return [v.period for v in indicator.values if period_value(indicator, v) is not None]


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for indicator in plan_set.indicators:
        # Here, not above: spc imports decimal, which plans without indicators never need.
        from ragplan.spc import settings_problems

        name = f"indicator {indicator.id}"
        if indicator.polarity == "neither" and indicator.has_target:
            line, column = indicator.marks.get("target", (indicator.line, indicator.column))
            yield RULE.problem(
                indicator.file,
                line,
                column,
                f"{name} has polarity neither, which is never rated, yet a target; remove "
                "the target, or say which way is better (polarity: higher or lower)",
            )
        if indicator.trajectory:
            steps = [(s.period, s.value.value) for s in indicator.trajectory]
            line, column = indicator.marks.get("target", (indicator.line, indicator.column))
            for said in settings_problems(_periods(indicator), target=steps):
                yield RULE.problem(indicator.file, line, column, f"{name}: {said}")
        spc = indicator.spc
        if spc is None:
            continue
        periods = _periods(indicator)
        if spc.baseline is not None:
            line, column = spc.marks.get("baseline", (indicator.line, indicator.column))
            for said in settings_problems(periods, baseline=spc.baseline):
                yield RULE.problem(indicator.file, line, column, f"{name}: {said}")
        # Each recalculation answers for what it adds to those before it (a period given
        # twice, or a calculation period left with one value, is the later one's).
        before = set(settings_problems(periods))
        starts: list[str] = []
        for recalculation in spc.recalculate:
            starts.append(recalculation.period)
            found = settings_problems(periods, recalculate=starts)
            for said in found:
                if said not in before:
                    yield RULE.problem(
                        indicator.file,
                        recalculation.line,
                        recalculation.column,
                        f"{name}: {said}",
                    )
            before |= set(found)
