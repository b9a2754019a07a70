"""Every theme, section and action id is unique across all files of the plan set."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import Action, PlanSet, Section, Theme
from ragplan.problems import Problem, Rule

RULE = Rule("duplicate-id", "error", __doc__)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    items: list[Theme | Section | Action] = []
    for theme in plan_set.themes:
        items.append(theme)
        items.extend(theme.sections)
        items.extend(theme.all_actions())
    ids = [item.id for item in items]
    if len(set(ids)) == len(ids):  # the usual case, decided without a loop in Python
        return
    seen: dict[str, tuple[str, int]] = {}
    for item in items:
        ident, file, line, column = item.id, item.file, item.line, item.column
        first = seen.get(ident)
        if first is None:
            seen[ident] = (file, line)
            continue
        where = f"line {first[1]}" if first[0] == file else f"{first[0]}:{first[1]}"
        yield RULE.problem(file, line, column, f"id '{ident}' is used twice (first at {where})")
