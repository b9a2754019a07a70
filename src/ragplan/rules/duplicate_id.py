"""Every theme, section and action id is unique across all files of the plan set."""

from collections.abc import Iterator

from ragplan.model import PlanSet
from ragplan.problems import Level, Problem

ID = "duplicate-id"
LEVEL: Level = "error"


def check(plan_set: PlanSet) -> Iterator[Problem]:
    seen: dict[str, tuple[str, int]] = {}
    for theme in plan_set.themes:
        items = [(theme.id, theme.file, theme.line, theme.column)]
        items += [(s.id, s.file, s.line, s.column) for s in theme.sections]
        items += [(a.id, a.file, a.line, a.column) for a in theme.all_actions()]
        for ident, file, line, column in items:
            if ident == "?":
                continue
            first = seen.get(ident)
            if first is None:
                seen[ident] = (file, line)
                continue
            where = f"line {first[1]}" if first[0] == file else f"{first[0]}:{first[1]}"
            yield Problem(
                file, line, column, LEVEL, ID, f"id '{ident}' is used twice (first at {where})"
            )
