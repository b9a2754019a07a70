"""The counts per status at each tag, or at each of the last commits that touched the plans,
and each indicator's rating there."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from ragplan.errors import GitError
from ragplan.model import PlanSet, Status
from ragplan.reports.diff import count_by_status


@dataclass(frozen=True)
class Point:
    """The plan set at one revision, counted."""

    rev: str
    commit: str
    time: datetime
    as_of: date | None
    counts: dict[str, int]
    done: int
    indicators: dict[str, str | None] | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class History:
    """Points oldest first; `statuses` lists every status seen, the newest scale's first."""

    by: str
    folder: str
    statuses: list[Status]
    points: list[Point]
    indicators: dict[str, str] | None = None


def history(plans: Path, last: int | None = None) -> History:
    """Count the plan set at every tag (`last` None) or at the last `last` commits touching it."""
    from ragplan.reading.git import Repository

    with Repository(plans) as repo:
        revisions = repo.tags() if last is None else repo.last_commits(last)
        if not revisions:
            if last is None:
                raise GitError("no tags name a commit in this repository; use --last N instead")
            raise GitError(f"no commit on HEAD touches {repo.folder}")
        points = []
        scales = []
        titles: list[dict[str, str]] = []
        for revision in revisions:
            plan_set = repo.plan_set(revision)
            scale = plan_set.config.scale
            actions = plan_set.all_actions()
            points.append(
                Point(
                    rev=revision.name,
                    commit=revision.commit,
                    time=revision.time,
                    as_of=plan_set.config.as_of,
                    counts=count_by_status(actions, scale),
                    done=sum(1 for a in actions if a.rag in scale.done_keys),
                    indicators=_ratings(plan_set),
                )
            )
            scales.append(scale)
            titles.append({i.id: i.title for i in plan_set.indicators})
        folder = repo.folder
    statuses: list[Status] = []
    for scale in reversed(scales):
        statuses += [s for s in scale.statuses if s.key not in {t.key for t in statuses}]
    found = History("tags" if last is None else "commits", folder, statuses, points)
    if any(titles):
        # Every indicator seen, the newest revision's first, each by its newest title.
        named: dict[str, str] = {}
        for seen in reversed(titles):
            named.update({k: v for k, v in seen.items() if k not in named})
        found = replace(found, indicators=named)
    else:
        found = replace(found, points=[replace(p, indicators=None) for p in points])
    return found


def _ratings(plan_set: PlanSet) -> dict[str, str | None]:
    if not plan_set.indicators:
        return {}
    from ragplan.reports.indicator_changes import ratings

    return ratings(plan_set)
