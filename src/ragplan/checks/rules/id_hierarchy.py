"""An action id starts with its section's id (or its theme's), a section id with its theme's."""

from collections.abc import Iterator

from ragplan.checks.problems import Level, Problem
from ragplan.model import PlanSet

ID = "id-hierarchy"
LEVEL: Level = "error"


def _inside(child: str, parent: str) -> bool:
    return child.startswith(parent + ".") and len(child) > len(parent) + 1


def check(plan_set: PlanSet) -> Iterator[Problem]:
    for theme in plan_set.themes:
        if theme.id == "?":
            continue
        for section in theme.sections:
            if section.id != "?" and not _inside(section.id, theme.id):
                yield Problem(
                    section.file,
                    section.line,
                    section.column,
                    LEVEL,
                    ID,
                    f"section id '{section.id}' does not start with its theme's id '{theme.id}.'",
                )
        for action in theme.all_actions():
            parent = action.section.id if action.section else theme.id
            if action.id != "?" and parent != "?" and not _inside(action.id, parent):
                kind = "section" if action.section else "theme"
                yield Problem(
                    action.file,
                    action.line,
                    action.column,
                    LEVEL,
                    ID,
                    f"action id '{action.id}' does not start with its {kind}'s id '{parent}.'",
                )
