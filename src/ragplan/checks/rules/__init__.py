"""The validation rules: each has an id, a level, and one line of documentation.

Rules found while reading a file (syntax, types, keys) are raised by the loader
and the schema; rules over the whole plan set live in this package, one module
each, with a `check(plan_set)` that yields problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ragplan.checks.problems import Level, Problem
from ragplan.checks.rules import (
    duplicate_id,
    empty_theme,
    id_hierarchy,
    missing_notes,
    unknown_status,
)
from ragplan.model import PlanSet


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    doc: str
    check: Callable[[PlanSet], Iterable[Problem]] | None = None


def _module_rule(module: object) -> Rule:
    return Rule(
        module.ID,  # type: ignore[attr-defined]
        module.LEVEL,  # type: ignore[attr-defined]
        (module.__doc__ or "").strip(),
        module.check,  # type: ignore[attr-defined]
    )


READING_RULES = (
    Rule("file-size", "error", "A file over the size limit is refused before it is parsed."),
    Rule("encoding", "error", "A file must be UTF-8 (a byte-order mark is allowed)."),
    Rule("syntax", "error", "The file must be valid YAML, one document per file."),
    Rule("tabs", "error", "Indentation must use spaces, not tabs."),
    Rule("nesting", "error", "Values nest at most 20 levels deep (plan files need 5)."),
    Rule(
        "too-many-actions",
        "error",
        "A theme file holds at most max_actions_per_file actions (default 10000).",
    ),
    Rule("duplicate-key", "error", "A key may appear only once in a mapping."),
    Rule("anchors", "error", "YAML anchors and aliases are refused, so no alias bomb can load."),
    Rule("yaml-tag", "error", "Explicit YAML tags (!!int, !python/...) are refused."),
    Rule("type", "error", "Each value has the shape the format declares (mapping, list, text)."),
    Rule("unknown-key", "error", "Only the keys the format declares are allowed."),
    Rule(
        "missing-field",
        "error",
        "Required keys are present: theme and section id; action id, summary and rag.",
    ),
    Rule("id-type", "error", "Ids are text: an unquoted 1.10 is the number 1.1 to YAML."),
    Rule("date", "error", "Dates are real dates written YYYY-MM-DD."),
    Rule("scale", "error", "The scale lists at least one status and no key twice."),
    Rule("no-themes", "warning", "A plan folder holds at least one theme file."),
    Rule("symlink", "error", "A plan file may not be a symlink to a file outside the plan folder."),
)

PLAN_RULES = tuple(
    _module_rule(m)
    for m in (unknown_status, duplicate_id, id_hierarchy, missing_notes, empty_theme)
)

RULES = {rule.id: rule for rule in READING_RULES + PLAN_RULES}


def check_plan_set(plan_set: PlanSet) -> list[Problem]:
    """Run every whole-plan-set rule."""
    found: list[Problem] = []
    for rule in PLAN_RULES:
        assert rule.check is not None
        found.extend(rule.check(plan_set))
    return found
