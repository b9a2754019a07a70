"""Whether a plan set is valid: every problem found reading it and by the rules, at the
levels its ragplan.yaml sets; and the one "require valid" every report and edit uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ragplan.checks.problems import Problem, has_errors
from ragplan.errors import InvalidPlanError, UnreadablePathError
from ragplan.model import PlanSet
from ragplan.reading.disk import (
    CONFIG_NAMES,
    INDICATORS,
    DiskSource,
    display_path,
    find_plan_set,
    is_plan_file,
)
from ragplan.reading.reader import Loaded, read_plan_set


def check(loaded: Loaded) -> list[Problem]:
    """Every problem of a plan set read by `read_plan_set`, sorted by file and line; the
    checks of a plan set whose every file is as an earlier run read them come from the
    cache (every rule's result depends only on the files)."""

    def checked() -> list[Problem]:
        from ragplan.checks.registry import apply_levels, check_plan_set

        problems = loaded.problems + check_plan_set(loaded.plan_set)
        problems = apply_levels(problems, loaded.config.rules)
        problems.sort(key=lambda p: p.sort_key)
        return problems

    return loaded.computed("checked", "", checked)


def ensure_valid(loaded: Loaded, warnings: list[Problem] | None = None) -> None:
    """InvalidPlanError with every problem if the plan set has errors. The warnings it has
    are added to `warnings`, when given."""
    problems = check(loaded)
    if has_errors(problems):
        raise InvalidPlanError(problems)
    if warnings is not None:
        warnings.extend(problems)


def require_valid(loaded: Loaded, warnings: list[Problem] | None = None) -> PlanSet:
    """The plan set, if it has no errors; else InvalidPlanError with every problem. The
    warnings it has are added to `warnings`, when given."""
    ensure_valid(loaded, warnings)
    return loaded.plan_set


def read_valid(
    path: Path | None,
    max_file_size_mb: int | None = None,
    use_cache: bool = True,
    warnings: list[Problem] | None = None,
) -> Loaded:
    """The plan set in the folder `path` (else the one found from here), read and found
    valid, its model not yet built (see Loaded); its warnings are added to `warnings`."""
    source = DiskSource(path or find_plan_set())
    loaded = read_plan_set(source, max_file_size_mb=max_file_size_mb, use_cache=use_cache)
    ensure_valid(loaded, warnings)
    return loaded


def load_valid(
    path: Path | None,
    max_file_size_mb: int | None = None,
    use_cache: bool = True,
    warnings: list[Problem] | None = None,
) -> PlanSet:
    """The plan set in the folder `path` (else the one found from here), for a report;
    its warnings are added to `warnings`, when given."""
    return read_valid(path, max_file_size_mb, use_cache, warnings).plan_set


@dataclass
class Validation:
    """Every problem found, how many files and actions were read, and the files checked
    (as messages name them)."""

    problems: list[Problem]
    files: int
    actions: int
    checked: list[str] = field(default_factory=list)
    indicators: int = 0
    papers: int = 0

    def failed(self, strict: bool) -> bool:
        return has_errors(self.problems) or (strict and bool(self.problems))


def _group(paths: list[Path]) -> dict[Path, list[Path] | None]:
    """Plan folders to check, each with the theme and indicator files named in it (None:
    all of them)."""
    groups: dict[Path, list[Path] | None] = {}
    for path in paths:
        if path.is_dir():
            groups[path] = None
        elif path.is_file():
            folder = path.parent
            if folder.name == INDICATORS and is_plan_file(path):
                folder = folder.parent  # an indicator file: checked in its plan folder
            elif path.name in CONFIG_NAMES or not is_plan_file(path):
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


def _counted(loaded: Loaded) -> tuple[int, int, int]:
    """The files, actions and indicators read: a theme file left out for a problem is not
    counted, nor are its actions."""
    plan_set = loaded.plan_set
    files = len(plan_set.themes) + (1 if plan_set.config.file else 0)
    files += len(plan_set.indicator_files)
    actions = sum(1 for t in plan_set.themes for _ in t.all_actions())
    return files, actions, len(plan_set.indicators)


def validate(
    paths: list[Path], max_file_size_mb: int | None = None, use_cache: bool = True
) -> Validation:
    """Check the plan folders or files in `paths` (the discovered plan set if none)."""
    problems: list[Problem] = []
    files = actions = indicators = papers = 0
    checked: list[str] = []
    for folder, only in _group(paths or [find_plan_set()]).items():
        loaded = read_plan_set(
            DiskSource(folder, only), max_file_size_mb=max_file_size_mb, use_cache=use_cache
        )
        found = check(loaded)
        problems.extend(found)
        checked.extend(loaded.files)
        if only is None and not has_errors(found):  # papers report on a valid plan set
            from ragplan.papers.check import check_papers, list_papers

            problems.extend(check_papers(loaded))
            found_papers = list_papers(loaded.root)
            checked.extend(display_path(p) for p in found_papers)
            papers += len(found_papers)
        counted = loaded.computed("counted", "", partial(_counted, loaded))
        files += counted[0]
        actions += counted[1]
        indicators += counted[2]
    problems.sort(key=lambda p: p.sort_key)
    return Validation(problems, files, actions, checked, indicators, papers)
