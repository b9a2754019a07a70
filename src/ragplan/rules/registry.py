"""Every validation rule: its id, its level, and one line of documentation, in one registry.

Rules found while reading a file (syntax, types, keys) are declared in
`rules/reading.py` and raised where the file is read; rules over the whole plan set
live in ragplan.rules, one module each, with a `RULE` and a `check(plan_set)` that
yields problems. A plan set's `ragplan.yaml` may set the level of the rules
marked adjustable (`rules: {missing-notes: error, empty-theme: disable}`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from ragplan.problems import LEVELS, Level, Problem, Rule
from ragplan.rules import (
    duplicate_id,
    empty_theme,
    id_hierarchy,
    indicator_counts,
    indicator_duplicate,
    indicator_mismatch,
    indicator_percent,
    indicator_period,
    indicator_polarity,
    indicator_spc,
    indicator_theme,
    missing_notes,
    no_themes,
    paper,
    portfolio_file,
    reading,
    scale_order,
    unknown_status,
)

if TYPE_CHECKING:
    from ragplan.model import PlanSet

__all__ = ["LEVELS", "PLAN_RULES", "RULES", "Rule", "adjustable", "apply_levels", "check_plan_set"]

PLAN_RULES: tuple[tuple[Rule, Callable[[PlanSet], Iterable[Problem]]], ...] = tuple(
    (m.RULE, m.check)
    for m in (
        no_themes,
        scale_order,
        unknown_status,
        duplicate_id,
        id_hierarchy,
        missing_notes,
        empty_theme,
        indicator_duplicate,
        indicator_polarity,
        indicator_percent,
        indicator_counts,
        indicator_period,
        indicator_theme,
        indicator_mismatch,
        indicator_spc,
    )
)

# Papers and portfolio files are checked by `validate`, not with every report: see
# ragplan.papers and ragplan.portfolios.
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        *reading.RULES,
        *(rule for rule, _ in PLAN_RULES),
        paper.RULE,
        portfolio_file.RULE,
    )
}


def adjustable() -> list[str]:
    """The ids of the rules whose level ragplan.yaml may set, in registry order."""
    return [rule.id for rule in RULES.values() if rule.adjustable]


def check_plan_set(plan_set: PlanSet) -> list[Problem]:
    """Run every whole-plan-set rule."""
    found: list[Problem] = []
    for _, check in PLAN_RULES:
        found.extend(check(plan_set))
    return found


def apply_levels(problems: list[Problem], levels: dict[str, str]) -> list[Problem]:
    """The problems at the levels ragplan.yaml sets: 'disable' drops a rule's problems."""
    if not levels:
        return problems
    found = []
    for problem in problems:
        level = levels.get(problem.rule)
        if level is None:
            found.append(problem)
        elif level != "disable":
            found.append(problem._replace(level=cast(Level, level)))
    return found
