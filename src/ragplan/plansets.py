"""Plan sets found, read and checked, from any source: a folder, a git revision, an edit held
in memory. Every command gets its plan set here: this is the one "require valid", and the
only module that reads a plan set at a git revision; reports below it are pure functions of
plan sets, and the papers above it add their own checks to `validate` through `also`."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ragplan.errors import (
    GitError,
    InvalidPlanError,
    InvalidPlansAtRevision,
    NoPlansAtRevision,
    UnreadablePathError,
)
from ragplan.model import DEFAULT_MAX_FILE_SIZE_MB, PlanSet
from ragplan.paths import display_path
from ragplan.problems import Problem, has_errors
from ragplan.reading.disk import DiskSource, find_plan_set
from ragplan.reading.loaded import Kept, Loaded
from ragplan.reading.reader import read_plan_set
from ragplan.reading.sources import CONFIG_NAMES, INDICATORS, is_plan_file

if TYPE_CHECKING:  # git is imported only by the commands that read revisions
    from ragplan.reading.git import Repository, Revision
    from ragplan.reports.diff import PlanDiff
    from ragplan.reports.history import History
    from ragplan.reports.summary import Summary


def _checked(loaded: Loaded) -> list[Problem]:
    from ragplan.rules.registry import apply_levels, check_plan_set

    problems = loaded.problems + check_plan_set(loaded.plan_set)
    problems = apply_levels(problems, loaded.config.rules)
    problems.sort(key=lambda p: p.sort_key)
    return problems


CHECKED = Kept("checked", _checked)


def check(loaded: Loaded) -> list[Problem]:
    """Every problem of a plan set read by `read_plan_set`, sorted by file and line; the
    checks of a plan set whose every file is as an earlier run read them come from the
    cache (every rule's result depends only on the files)."""
    return loaded.computed(CHECKED)


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


def _portfolios(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The portfolio files among `paths` (a folder's own, when it holds one), and the other
    paths: a folder that holds a portfolio file and no plan files is the portfolio alone."""
    from ragplan.reading.sources import PORTFOLIO_NAMES

    portfolios: list[Path] = []
    rest: list[Path] = []
    for path in paths:
        found = None
        if path.is_dir():
            found = next((path / n for n in PORTFOLIO_NAMES if (path / n).is_file()), None)
        elif path.name in PORTFOLIO_NAMES:
            found = path
        if found is None:
            rest.append(path)
            continue
        portfolios.append(found)
        if path.is_dir() and _holds_plans(path):
            rest.append(path)
    return portfolios, rest


def _holds_plans(folder: Path) -> bool:
    return any(
        p.name in CONFIG_NAMES or (p.is_file() and is_plan_file(p)) for p in folder.iterdir()
    )


# What a layer above adds to the checks of a whole, valid plan folder (the papers do):
# its problems and the files it checked.
ExtraChecks = Callable[[Loaded], tuple[list[Problem], list[Path]]]


COUNTED = Kept("counted", _counted)


def validate(
    paths: list[Path],
    max_file_size_mb: int | None = None,
    use_cache: bool = True,
    also: ExtraChecks | None = None,
) -> Validation:
    """Check the plan folders or files in `paths` (the discovered plan set if none); `also`
    checks more in each whole folder whose plan set is valid."""
    problems: list[Problem] = []
    files = actions = indicators = papers = 0
    checked: list[str] = []
    portfolios, plan_paths = _portfolios(paths or [find_plan_set()])
    for path in portfolios:
        from ragplan.reading.portfolio_reader import read_portfolio  # only for a portfolio

        read = read_portfolio(path, max_file_size_mb or DEFAULT_MAX_FILE_SIZE_MB)
        problems.extend(read.problems)
        checked.append(read.file)
        files += 1
    for folder, only in _group(plan_paths).items():
        loaded = read_plan_set(
            DiskSource(folder, only), max_file_size_mb=max_file_size_mb, use_cache=use_cache
        )
        found = check(loaded)
        problems.extend(found)
        checked.extend(loaded.files)
        if also is not None and only is None and not has_errors(found):
            more, files_checked = also(loaded)
            problems.extend(more)
            checked.extend(display_path(p) for p in files_checked)
            papers += len(files_checked)
        counted = loaded.computed(COUNTED)
        files += counted[0]
        actions += counted[1]
        indicators += counted[2]
    problems.sort(key=lambda p: p.sort_key)
    return Validation(problems, files, actions, checked, indicators, papers)


# Plan sets at git revisions.


def valid_at(
    repo: Repository, revision: Revision, warnings: list[Problem] | None = None
) -> PlanSet:
    """The valid plan set at `revision`; NoPlansAtRevision or InvalidPlansAtRevision if it is
    absent or invalid there. Its warnings are added to `warnings`, when given."""
    from ragplan.reading.git import GitSource

    loaded = read_plan_set(GitSource(repo, revision), parse_yaml=repo.parse)
    try:
        return require_valid(loaded, warnings)
    except InvalidPlanError as exc:
        errors = [p for p in exc.problems if p.level == "error"]
        first = errors[0]
        raise InvalidPlansAtRevision(
            f"{revision.name}: the plan set is invalid at this revision "
            f"({len(errors)} error{'s' if len(errors) != 1 else ''}; first "
            f"{first.file}:{first.line}:{first.column}: {first.message})"
        ) from None


def load_at(plans: Path, rev: str) -> PlanSet:
    """The valid plan set in the folder `plans` as it was at git revision `rev`."""
    from ragplan.reading.git import Repository

    with Repository(plans) as repo:
        return valid_at(repo, repo.revision(rev))


def earlier(plans: Path, rev: str | None) -> tuple[str, PlanSet] | None:
    """For --since: the revision as named and the valid plan set there; None without one."""
    return None if rev is None else (rev, load_at(plans, rev))


def plan_diff(
    plans: Path,
    from_rev: str,
    to_rev: str | None = None,
    use_cache: bool = True,
    warnings: list[Problem] | None = None,
) -> PlanDiff:
    """Compare the plan set at `from_rev` with the one at `to_rev`, or in the working tree;
    the warnings of the one compared with are added to `warnings`, when given."""
    from ragplan.reading.git import Repository
    from ragplan.reports.diff import compare

    with Repository(plans) as repo:
        before = valid_at(repo, repo.revision(from_rev))
        after = valid_at(repo, repo.revision(to_rev), warnings) if to_rev is not None else None
    if after is None:
        after = load_valid(plans, use_cache=use_cache, warnings=warnings)
    return compare(before, after, from_rev, to_rev)


def history(
    plans: Path,
    last: int | None = None,
    tags: str = "*",
    strict: bool = False,
    warnings: list[Problem] | None = None,
) -> History:
    """The counts at every tag matching the glob `tags` (`last` None), or at the last `last`
    commits touching the plan folder. A revision without the plan folder is skipped with a
    note; one whose plans are invalid with a warning, or an error under `strict`. The
    warnings of the newest plan set counted are added to `warnings`, when given."""
    from ragplan.reading.git import Repository
    from ragplan.reports.history import At, Skipped, count_history

    with Repository(plans) as repo:
        if last is None:
            revisions = [r for r in repo.tags() if fnmatch.fnmatchcase(r.name, tags)]
        else:
            revisions = repo.last_commits(last)
        if not revisions:
            if last is not None:
                raise GitError(f"no commit on HEAD touches {repo.folder}")
            if tags != "*":
                raise GitError(
                    f"no tag matches '{tags}'; give another pattern, or none for every tag"
                )
            raise GitError("no tags name a commit in this repository; use --last N instead")
        found: list[At] = []
        skipped: list[Skipped] = []
        newest: list[Problem] = []
        for revision in revisions:
            seen: list[Problem] = []
            try:
                plan_set = valid_at(repo, revision, seen)
            except NoPlansAtRevision:
                skipped.append(Skipped(revision.name, "no plan folder", "note"))
                continue
            except InvalidPlansAtRevision as exc:
                if strict:
                    raise
                skipped.append(Skipped(revision.name, f"plans invalid: {exc}", "warning"))
                continue
            found.append(At(revision.name, revision.commit, revision.time, plan_set))
            newest = seen
        folder = repo.folder
    if warnings is not None:
        warnings.extend(newest)
    if not found:
        what = ", ".join(f"{s.rev} ({s.reason})" for s in skipped)
        raise GitError(f"no revision has valid plans in {folder}: {what}")
    return count_history(found, skipped, "tags" if last is None else "commits", folder)


# Reports whose answer is kept with the files they were made from.


def summary_of(
    loaded: Loaded,
    as_of: date | None = None,
    by: str = "theme",
    since: tuple[str, PlanSet] | None = None,
) -> Summary:
    """`summarise` of the plan set `loaded`, from the cache when an earlier run summarised
    the same files the same way (by grouping and report date); with `since`, afresh."""
    from ragplan.reports.common import report_date
    from ragplan.reports.summary import summarise

    if since is not None:
        return summarise(loaded.plan_set, as_of, by, since)
    when = report_date(loaded, as_of)
    return loaded.computed(SUMMARY, by, when.isoformat())


def _summary(loaded: Loaded, by: str, when: str) -> Summary:
    from ragplan.reports.summary import summarise

    return summarise(loaded.plan_set, date.fromisoformat(when), by)


SUMMARY = Kept("summary", _summary)
