"""The counts per status at each tag, or at each of the last commits that touched the plans,
and each indicator's rating there."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ragplan.errors import GitError, InvalidPlansAtRevision, NoPlansAtRevision
from ragplan.model import PlanSet
from ragplan.reports.common import ReportStatus, report_statuses

if TYPE_CHECKING:
    from ragplan.reports.since import Figures


@dataclass(frozen=True)
class Point:
    """The plan set at one revision, counted; `counted` leaves out withdrawn actions."""

    rev: str
    commit: str
    time: datetime
    as_of: date | None
    counts: dict[str, int]
    done: int
    counted: int
    indicators: dict[str, str | None] | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Skipped:
    """A revision left out of the history, and why ('no plan folder', 'plans invalid')."""

    rev: str
    reason: str
    level: str  # 'note' (no plans there) or 'warning' (plans there, but invalid)


@dataclass(frozen=True)
class History:
    """Points oldest first; `statuses` lists every status seen, the newest scale's first;
    `skipped` the revisions left out, each with its reason."""

    title: str
    organisation: str | None
    by: str
    folder: str
    statuses: list[ReportStatus]
    points: list[Point]
    skipped: list[Skipped] = field(default_factory=list)
    indicators: dict[str, str] | None = None


def history(plans: Path, last: int | None = None, tags: str = "*", strict: bool = False) -> History:
    """Count the plan set at every tag matching the glob `tags` (`last` None), or at the last
    `last` commits touching it. A revision without the plan folder is skipped with a note;
    one whose plans are invalid with a warning, or an error under `strict`."""
    from ragplan.reading.git import Repository

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
        points = []
        plan_sets: list[PlanSet] = []
        skipped = []
        titles: list[dict[str, str]] = []
        for revision in revisions:
            try:
                plan_set = repo.plan_set(revision)
            except NoPlansAtRevision:
                skipped.append(Skipped(revision.name, "no plan folder", "note"))
                continue
            except InvalidPlansAtRevision as exc:
                if strict:
                    raise
                skipped.append(Skipped(revision.name, f"plans invalid: {exc}", "warning"))
                continue
            figures = _figures(plan_set)
            points.append(
                Point(
                    rev=revision.name,
                    commit=revision.commit,
                    time=revision.time,
                    as_of=plan_set.config.as_of,
                    counts=figures.counts,
                    done=figures.done,
                    counted=figures.counted,
                    indicators=_ratings(plan_set),
                )
            )
            plan_sets.append(plan_set)
            titles.append({i.id: i.title for i in plan_set.indicators})
        folder = repo.folder
    if not plan_sets:
        what = ", ".join(f"{s.rev} ({s.reason})" for s in skipped)
        raise GitError(f"no revision has valid plans in {folder}: {what}")
    newest = plan_sets[-1].config
    # The newest scale's statuses, then those only older ones had, marked as such.
    statuses = report_statuses(newest.scale)
    for plan_set in reversed(plan_sets[:-1]):
        seen = {s.key for s in statuses}
        statuses += [
            s._replace(label=f"{s.label} (earlier scale)")
            for s in report_statuses(plan_set.config.scale)
            if s.key not in seen
        ]
    by = "tags" if last is None else "commits"
    found = History(newest.title, newest.organisation, by, folder, statuses, points, skipped)
    if any(titles):
        # Every indicator seen, the newest revision's first, each by its newest title.
        named: dict[str, str] = {}
        for seen_titles in reversed(titles):
            named.update({k: v for k, v in seen_titles.items() if k not in named})
        found = replace(found, indicators=named)
    else:
        found = replace(found, points=[replace(p, indicators=None) for p in points])
    return found


def _figures(plan_set: PlanSet) -> Figures:
    from ragplan.reports.since import figures

    return figures(plan_set.all_actions(), plan_set.config.scale)


def _ratings(plan_set: PlanSet) -> dict[str, str | None]:
    if not plan_set.indicators:
        return {}
    from ragplan.reports.indicator_changes import ratings

    return ratings(plan_set)
