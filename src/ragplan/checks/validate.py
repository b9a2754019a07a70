"""`ragplan validate`: check plan sets and return every problem found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ragplan.checks import rules
from ragplan.checks.problems import Problem, has_errors
from ragplan.errors import InvalidPlanError, UnreadablePathError
from ragplan.model import PlanSet
from ragplan.reading.load import (
    CONFIG_NAMES,
    display_path,
    find_plan_set,
    is_plan_file,
    load_plan_set,
)


@dataclass
class Validation:
    problems: list[Problem]
    files: int
    actions: int

    def failed(self, strict: bool) -> bool:
        return has_errors(self.problems) or (strict and bool(self.problems))


def _group(paths: list[Path]) -> dict[Path, list[Path] | None]:
    """Plan folders to check, each with the theme files named in it (None: all of them)."""
    groups: dict[Path, list[Path] | None] = {}
    for path in paths:
        if path.is_dir():
            groups[path] = None
        elif path.is_file():
            folder = path.parent
            if path.name in CONFIG_NAMES or not is_plan_file(path):
                groups.setdefault(folder, [])
                continue
            named = groups.setdefault(folder, [])
            if named is not None and path not in named:
                named.append(path)
        elif path.exists():
            raise UnreadablePathError(f"{display_path(path)}: not a plan file or folder")
        else:
            raise UnreadablePathError(f"{display_path(path)}: no such file or folder")
    return groups


def validate(
    paths: list[Path], max_file_size_mb: int | None = None, use_cache: bool = True
) -> Validation:
    """Check the plan folders or files in `paths` (the discovered plan set if none)."""
    problems: list[Problem] = []
    files = actions = 0
    for folder, only in _group(paths or [find_plan_set()]).items():
        loaded = load_plan_set(folder, only, max_file_size_mb, use_cache)
        problems.extend(loaded.problems)
        problems.extend(rules.check_plan_set(loaded.plan_set))
        if only is None and not loaded.plan_set.themes and not loaded.problems:
            # A CI job pointed at the wrong folder must not pass by checking nothing.
            problems.append(
                Problem(
                    display_path(folder),
                    1,
                    1,
                    "warning",
                    "no-themes",
                    "no theme files (*.yaml, *.yml) in this plan folder",
                )
            )
        files += len(loaded.plan_set.themes) + (1 if loaded.plan_set.config.file else 0)
        actions += sum(1 for t in loaded.plan_set.themes for _ in t.all_actions())
    problems.sort(key=lambda p: p.sort_key)
    return Validation(problems, files, actions)


def load_valid(
    path: Path | None, max_file_size_mb: int | None = None, use_cache: bool = True
) -> PlanSet:
    """The plan set at `path`, for a report; InvalidPlanError if it has errors."""
    loaded = load_plan_set(path or find_plan_set(), None, max_file_size_mb, use_cache)
    problems = loaded.problems + rules.check_plan_set(loaded.plan_set)
    if has_errors(problems):
        problems.sort(key=lambda p: p.sort_key)
        raise InvalidPlanError(problems)
    return loaded.plan_set
