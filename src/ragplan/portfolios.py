"""Portfolios read: a portfolio file's members, each a plan set read where its owner keeps
it (a folder, or a git repository at a revision, read with git alone) through the same
service as every other report (plansets.py), each under a plan set's limits. A member that
cannot be read is kept as a row saying why, never dropped."""

from __future__ import annotations

import os
import re
from datetime import date
from hashlib import blake2b
from pathlib import Path

from ragplan.errors import (
    GitError,
    InvalidPlanError,
    InvalidPortfolioError,
    RagplanError,
    UnreadablePathError,
    UnreadMembersError,
)
from ragplan.paths import display_path
from ragplan.plansets import ensure_valid, read_valid, summary_of, valid_at
from ragplan.problems import Problem, has_errors
from ragplan.reading.cache import FileCache, cache_dir
from ragplan.reading.cache import enabled as cache_enabled
from ragplan.reading.git import GitSource, Repository, Revision
from ragplan.reading.loaded import Kept, Loaded
from ragplan.reading.portfolio_reader import MemberSpec, find_portfolio, read_portfolio
from ragplan.reading.reader import read_plan_set
from ragplan.reports.common import Earlier, report_statuses
from ragplan.reports.portfolio import (
    MemberRead,
    MemberSource,
    Portfolio,
    WorstAction,
    build_portfolio,
)

# A URL git fetches (https://, ssh://, file://...) or scp-like 'host:path'; a Windows drive
# ('C:\\...') is a path.
_URL = re.compile(r"^([a-z][a-z0-9+.-]*://|[^/\\:]{2,}:)", re.IGNORECASE)
_REMOTE_HEAD = "refs/ragplan/remote-head"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _worst(loaded: Loaded) -> list[WorstAction]:
    """The actions at the scale's worst status that still counts as to do (red, or what
    the scale ends with)."""
    statuses = [s for s in report_statuses(loaded.config.scale) if s.counts and not s.done]
    if not statuses:
        return []
    worst = statuses[-1]
    return [
        WorstAction(a.id, a.summary, a.lead_officer, a.due, worst)
        for a in loaded.plan_set.all_actions()
        if a.rag == worst.key
    ]


WORST = Kept("worst", _worst)


def portfolio_file(path: Path | None) -> Path:
    """The portfolio file `path` names (a file, or a folder holding portfolio.yaml), else
    ./portfolio.yaml; UnreadablePathError if there is none."""
    given = path if path is not None else Path.cwd()
    if not given.exists():
        raise UnreadablePathError(f"{display_path(given)}: no such file or folder")
    found = find_portfolio(given) if given.is_dir() else given
    if found is None:
        raise UnreadablePathError(
            f"{display_path(given)}: no portfolio.yaml here; give the portfolio file"
        )
    return found


def load_portfolio(
    path: Path | None,
    since: str | None = None,
    strict: bool = False,
    use_cache: bool = True,
    warnings: list[Problem] | None = None,
) -> Portfolio:
    """The portfolio in the file `path`: every member read (or a row saying why not), with
    `since` (a revision, or a date YYYY-MM-DD: the last commit on or before it) each
    member's direction of travel. Under `strict`, a member not read is an error. The
    warnings of the members' plans are added to `warnings`, when given."""
    file = portfolio_file(path)
    spec = read_portfolio(file)
    if has_errors(spec.problems):
        raise InvalidPortfolioError(spec.problems, spec.file)
    folder = file.parent
    members = [_member(m, folder, since, use_cache) for m in spec.members]
    if warnings is not None:
        warnings.extend(w for m in members for w in m.warnings)
    unread = [m for m in members if m.problem is not None]
    if strict and unread:
        first = unread[0]
        raise UnreadMembersError(
            f"{len(unread)} of {len(members)} members could not be read; first, "
            f"{first.name}: {first.problem}"
        )
    return build_portfolio(spec.title, spec.as_of, members, since)


def unread_error(portfolio: Portfolio) -> UnreadMembersError | None:
    """The error a portfolio with members not read ends with (after it is written)."""
    if not portfolio.unread:
        return None
    names = ", ".join(m.name for m in portfolio.members if not m.read)
    return UnreadMembersError(
        f"{portfolio.unread} of {len(portfolio.members)} members could not be read ({names}); "
        "their rows say why"
    )


def _outside(target: Path, folder: Path) -> bool:
    return not target.resolve().is_relative_to(folder.resolve())


def _member(spec: MemberSpec, folder: Path, since: str | None, use_cache: bool) -> MemberRead:
    if spec.path is not None:
        source = MemberSource("path", spec.path, outside=_outside(folder / spec.path, folder))
        found = MemberRead(spec.name, source)
        try:
            _read_folder(found, folder / spec.path, since, use_cache)
        except RagplanError as exc:
            found.problem = _why(exc)
        return found
    assert spec.git is not None
    url = _URL.match(spec.git) is not None
    outside = not url and _outside(folder / spec.git, folder)
    source = MemberSource("git", spec.git, spec.rev, outside=outside)
    found = MemberRead(spec.name, source)
    try:
        repo = _repository(spec, folder, url)
    except RagplanError as exc:
        found.problem = _why(exc)
        return found
    # A fetched repository's own HEAD is not the remote's: fetch keeps that one apart.
    rev = _REMOTE_HEAD if url and spec.rev == "HEAD" else spec.rev
    with repo:
        try:
            _read_git(found, repo, rev, since, use_cache)
        except RagplanError as exc:
            found.problem = _why(exc)
    return found


def _why(exc: RagplanError) -> str:
    if isinstance(exc, InvalidPlanError):
        errors = [p for p in exc.problems if p.level == "error"]
        first = errors[0]
        return (
            f"plans invalid ({len(errors)} error{'s' if len(errors) != 1 else ''}; first "
            f"{first.file}:{first.line}:{first.column}: {first.message})"
        )
    return str(exc)


def _read_folder(found: MemberRead, plans: Path, since: str | None, use_cache: bool) -> None:
    loaded = read_valid(plans, use_cache=use_cache, warnings=found.warnings)
    earlier = None
    if since is not None:
        try:
            with Repository(plans) as repo:
                earlier = _earlier(repo, since, "HEAD")
        except RagplanError as exc:
            found.since_problem = str(exc)
    found.summary = summary_of(loaded, None, "theme", earlier)
    found.worst = loaded.computed(WORST)


def _read_git(
    found: MemberRead, repo: Repository, rev: str, since: str | None, use_cache: bool = True
) -> None:
    revision = repo.revision(rev)
    found.source = found.source._replace(
        commit=revision.commit, tag=", ".join(repo.tags_at(revision.commit)) or None
    )
    kept = _git_kept(repo, revision) if since is None and cache_enabled(use_cache) else None
    if kept is not None:
        hit = kept[0].get(repo.top, repo.folder, kept[1])
        if hit is not None:
            found.summary, found.worst, found.warnings = hit
            return
    loaded = read_plan_set(GitSource(repo, revision), parse_yaml=repo.parse)
    ensure_valid(loaded, found.warnings)
    earlier = None
    if since is not None:
        try:
            earlier = _earlier(repo, since, revision.commit)
        except RagplanError as exc:
            found.since_problem = str(exc)
    found.summary = summary_of(loaded, None, "theme", earlier)
    found.worst = loaded.computed(WORST)
    if kept is not None:
        kept[0].put(repo.top, repo.folder, kept[1], (found.summary, found.worst, found.warnings))


def _git_kept(repo: Repository, revision: Revision) -> tuple[FileCache, bytes]:
    """Where a git member's summary, worst actions and warnings are kept, and their key: a commit
    names every byte of its plan folder, so the commit, the folder and the day (a plan
    without as_of is reported as of today) are the whole key. Files read from git are not
    in the parse cache (it keys on files on disk): without this, every run would parse
    them."""
    cache = FileCache("portfolio member", cache_dir() / "portfolio-members")
    key = f"{revision.commit}\0{repo.folder}\0{date.today().isoformat()}".encode()
    return cache, cache.digest(key)


def _earlier(repo: Repository, since: str, start: str) -> Earlier:
    """The valid plan set at `since`: a revision, or the last commit on or before a date."""
    revision: Revision
    if _DATE.match(since):
        revision = repo.before(date.fromisoformat(since), start)
    else:
        revision = repo.revision(since)
    return since, valid_at(repo, revision)


def _repository(spec: MemberSpec, folder: Path, url: bool) -> Repository:
    """The member's repository, read with `git --git-dir`: a local one where it is, one at
    a URL fetched into ragplan's cache (only its refs; nothing is checked out)."""
    assert spec.git is not None
    if url:
        git_dir = _fetched(spec.git)
        return Repository.at_git_dir(git_dir, spec.plans, Path(spec.git) / spec.plans)
    local = folder / spec.git
    if not local.is_dir():
        raise UnreadablePathError(f"{display_path(local)}: no such folder")
    # --absolute-git-dir reads the repository's layout, not its working tree.
    return Repository.at_git_dir(_git_dir_of(local), spec.plans, local / spec.plans)


def _git_dir_of(local: Path) -> Path:
    import subprocess

    done = subprocess.run(
        ["git", "-C", str(local), "rev-parse", "--absolute-git-dir"],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    if done.returncode != 0:
        raise GitError(f"{display_path(local)} is not a git repository")
    return Path(done.stdout.strip())


def _fetched(url: str) -> Path:
    """A bare repository in ragplan's cache holding the branches, tags and HEAD of `url`,
    fetched now."""
    import subprocess

    if url.startswith("-"):
        raise GitError(f"'{url}' is not a repository git can fetch")
    # Only transports that fetch: never ext:: (which runs a command) or another helper a
    # portfolio file arriving by pull request could name.
    env = dict(os.environ, GIT_ALLOW_PROTOCOL="https:http:ssh:git:file", GIT_TERMINAL_PROMPT="0")
    name = blake2b(url.encode(), digest_size=12).hexdigest()
    git_dir = cache_dir() / "portfolio-git" / name
    commands = []
    if not (git_dir / "HEAD").is_file():
        commands.append(["git", "init", "-q", "--bare", str(git_dir)])
    commands.append(
        [
            "git",
            "--git-dir",
            str(git_dir),
            "fetch",
            "-q",
            "--prune",
            "--force",
            "--no-recurse-submodules",
            "--end-of-options",  # a URL written '--upload-pack=...' is a URL, never an option
            url,
            f"+HEAD:{_REMOTE_HEAD}",
            "+refs/heads/*:refs/heads/*",
            "+refs/tags/*:refs/tags/*",
        ]
    )
    for command in commands:
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, errors="replace", check=False, env=env
            )
        except OSError as exc:
            raise GitError(f"cannot run git: {exc.strerror or exc}") from None
        if done.returncode != 0:
            lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
            why = lines[0].removeprefix("fatal: ") if lines else "git fetch failed"
            raise GitError(f"{url}: {why}")
    return git_dir
