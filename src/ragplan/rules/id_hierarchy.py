"""An action id starts with its section's id (or its theme's), a section id with its theme's."""

from __future__ import annotations

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Problem, Rule

RULE = Rule("id-hierarchy", "error", __doc__, adjustable=True)


def _inside(child: str, parent: str) -> bool:
    return child.startswith(parent + ".") and len(child) > len(parent) + 1


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for theme in plan_set.themes:
        for section in theme.sections:
            if not _inside(section.id, theme.id):
                yield RULE.problem(
                    section.file,
                    section.line,
                    section.column,
                    f"section id '{section.id}' does not start with its theme's id '{theme.id}.'",
                )
        for action in theme.all_actions():
            parent = action.section.id if action.section else theme.id
            if not _inside(action.id, parent):
                kind = "section" if action.section else "theme"
                yield RULE.problem(
                    action.file,
                    action.line,
                    action.column,
                    f"action id '{action.id}' does not start with its {kind}'s id '{parent}.'",
                )
