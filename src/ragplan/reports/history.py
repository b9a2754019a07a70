"""The counts per status at each tag, or at each of the last commits that touched the plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ragplan.errors import GitError
from ragplan.model import Status
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
                )
            )
            scales.append(scale)
        folder = repo.folder
    statuses: list[Status] = []
    for scale in reversed(scales):
        statuses += [s for s in scale.statuses if s.key not in {t.key for t in statuses}]
    return History("tags" if last is None else "commits", folder, statuses, points)
