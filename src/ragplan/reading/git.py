"""Read plan sets as they were at git revisions, without touching the working tree or index.

Every object (commits, the plan folder's tree, the plan files) comes through one
`git cat-file --batch` process per repository, however many revisions are read,
and blobs shared by several revisions are read once; a `git cat-file --batch-check`
beside it gives each file's size first, so one over the limit is never read. Besides
them, `git rev-parse` finds the repository, and `history` runs one `git for-each-ref` or
`git log`.
"""

from __future__ import annotations

import functools
import posixpath
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from types import TracebackType
from typing import IO

from ragplan.errors import GitError, NoPlansAtRevision
from ragplan.paths import display_path
from ragplan.problems import Problem
from ragplan.reading.sources import (
    CONFIG_NAMES,
    INDICATORS,
    Files,
    SourceFile,
    is_indicator_name,
    is_plan_file,
)
from ragplan.reading.yamlload import parse
from ragplan.rules.reading import folder_symlink_problem, symlink_problem

_FILE_MODES = (b"100644", b"100755")
_SYMLINK_MODE = b"120000"
_TREE_MODE = b"40000"


@dataclass(frozen=True)
class Revision:
    """A commit as the user named it (a tag, a branch, HEAD~1, a short hash)."""

    name: str
    commit: str
    time: datetime


def _git(args: list[str], cwd: Path) -> str:
    """Run one git command and return its output; GitError with git's own words if it fails."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, errors="replace", check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH; diff and history need it") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        raise GitError(_first_line(done.stderr) or f"git {args[0]} failed")
    return done.stdout


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line.removeprefix("fatal: ").removeprefix("error: ")
    return ""


class Repository:
    """The git repository holding a plan folder, read through one `git cat-file --batch`."""

    def __init__(self, plans: Path) -> None:
        self.plans = plans
        probe = plans.absolute()
        while not probe.is_dir() and probe != probe.parent:
            probe = probe.parent
        try:
            top = _git(["rev-parse", "--show-toplevel"], probe).strip()
        except GitError as exc:
            if "not a git repository" in str(exc):
                raise GitError(f"{display_path(plans)} is not in a git repository") from None
            raise
        self.top = Path(top).resolve()
        try:
            relative = plans.resolve().relative_to(self.top).as_posix()
        except ValueError:
            raise GitError(
                f"{display_path(plans)} is not inside the git repository at {self.top}"
            ) from None
        self.prefix = "" if relative == "." else relative
        if "\n" in self.prefix:
            raise GitError(f"{display_path(plans)}: git cannot read a path with a line break")
        self._where: list[str] = []  # git's options naming the repository (see at_git_dir)
        self._open()

    def _open(self) -> None:
        self._batch: subprocess.Popen[bytes] | None = None
        self._check: subprocess.Popen[bytes] | None = None
        self._blobs: dict[str, bytes] = {}
        # Files unchanged between revisions are parsed once; the parse is only read after.
        self.parse = functools.lru_cache(maxsize=1024)(parse)

    @classmethod
    def at_git_dir(cls, git_dir: Path, folder: str, shown: Path) -> Repository:
        """The plan folder `folder` of the repository whose git directory is `git_dir` (a
        bare repository, or a working copy's .git), read with `git --git-dir` alone: no
        working tree is looked at, so another team's checkout is never touched. `shown`
        is how messages name the plan folder."""
        repo = cls.__new__(cls)
        repo.plans = shown
        repo.top = git_dir
        repo.prefix = folder.strip("/") if folder not in ("", ".") else ""
        if "\n" in repo.prefix:
            raise GitError(f"{folder}: git cannot read a path with a line break")
        repo._where = ["--git-dir", str(git_dir)]
        repo._open()
        return repo

    def git(self, *args: str) -> str:
        """Run one git command on this repository."""
        return _git([*self._where, *args], self.top)

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        for process in (self._batch, self._check):
            if process is not None:
                with process:  # closes both pipes and waits for git to exit
                    pass
        self._batch = self._check = None

    @property
    def folder(self) -> str:
        """The plan folder as git names it inside the repository ('.' at the top)."""
        return self.prefix or "."

    def revision(self, name: str) -> Revision:
        """The commit `name` stands for; GitError if git does not know it."""
        return self._revision(name, name)

    def _revision(self, name: str, spec: str) -> Revision:
        if not spec or "\n" in spec:
            raise GitError(f"'{name}' is not a revision name")
        found = self._commit(spec)
        shown = f"'{name}'" if name != "".join(name.split()) else name  # 'board-1 '
        if found == "ambiguous":
            raise GitError(f"{shown}: ambiguous revision; use a longer hash or a full name")
        if isinstance(found, str):
            raise GitError(f"{shown}: unknown revision (not a tag, branch or commit here)")
        return Revision(name, *found)

    def _commit(self, spec: str) -> tuple[str, datetime] | str:
        """The commit id and date `spec` peels to, or git's word for why there is none."""
        found = self._object(f"{spec}^{{commit}}")
        if isinstance(found, str):
            return found
        return found[0], _committer_time(found[2])

    def tags(self) -> list[Revision]:
        """Every tag that names a commit, oldest commit first."""
        refs = self.git(
            "for-each-ref", "--sort=creatordate", "--format=%(refname)", "refs/tags"
        ).splitlines()
        found = []
        for ref in refs:
            commit = self._commit(ref)
            # A tag on a tree or a blob is not a revision of the plans.
            if not isinstance(commit, str):
                found.append(Revision(ref.removeprefix("refs/tags/"), *commit))
        found.sort(key=lambda r: r.time)
        return found

    def last_commits(self, count: int) -> list[Revision]:
        """The last `count` commits on HEAD that touched the plan folder, oldest first."""
        lines = self.git(
            "--literal-pathspecs", "log", f"-n{count}", "--format=%H %h", "--", self.folder
        ).splitlines()
        found = []
        for line in reversed(lines):
            full, short = line.split()
            found.append(self._revision(short, full))
        return found

    def tags_at(self, commit: str) -> list[str]:
        """The tags that name `commit`, by name."""
        refs = self.git("for-each-ref", f"--points-at={commit}", "--format=%(refname)", "refs/tags")
        return sorted(r.removeprefix("refs/tags/") for r in refs.splitlines())

    def before(self, day: date, start: str = "HEAD") -> Revision:
        """The last commit on `start` made on or before `day`; GitError if there is none."""
        found = self.git("rev-list", "-1", f"--before={day.isoformat()}T23:59:59", start, "--")
        if not found.strip():
            raise GitError(f"no commit on {start} was made on or before {day.isoformat()}")
        return self._revision(day.isoformat(), found.strip())

    def files(self, revision: Revision) -> Files:
        """The config, theme and indicator files of the plan folder at `revision`."""
        spec = f"{revision.commit}:{self.prefix}"
        found = self._object(spec)
        if isinstance(found, str) or found[1] != "tree":
            what = "no" if isinstance(found, str) else "a file, not a"
            raise NoPlansAtRevision(
                f"{revision.name}: {what} plan folder '{self.folder}' at this revision"
            )
        tree_oid, _, tree = found
        problems: list[Problem] = []
        entries = self._entries(revision, tree, tree_oid)
        oids = self._file_oids(revision, entries, "", problems)
        for mode, name, oid in entries:
            if name == INDICATORS and mode == _TREE_MODE:
                subtree = self._object(oid)
                if not isinstance(subtree, str):
                    inner = self._entries(revision, subtree[2], oid)
                    oids.update(self._file_oids(revision, inner, f"{INDICATORS}/", problems))
            elif name == INDICATORS and mode == _SYMLINK_MODE:
                problems.append(folder_symlink_problem(self._shown(revision, name)))

        def file(name: str) -> SourceFile:
            oid = oids[name]
            size = len(self._blobs[oid]) if oid in self._blobs else self._size(oid)
            return SourceFile(name, self._shown(revision, name), size, lambda: self._blob(oid))

        config = next((file(n) for n in CONFIG_NAMES if n in oids), None)
        themes = [file(n) for n in sorted(oids) if "/" not in n and is_plan_file(Path(n))]
        indicators = [file(name) for name in sorted(oids) if is_indicator_name(name)]
        return Files(config, themes, problems, indicators)

    def _file_oids(
        self,
        revision: Revision,
        entries: list[tuple[bytes, str, str]],
        folder: str,
        problems: list[Problem],
    ) -> dict[str, str]:
        """{folder + name: blob id} of the plan files among one tree's entries."""
        oids: dict[str, str] = {}
        by_name = {name: (mode, oid) for mode, name, oid in entries}
        for mode, name, oid in entries:
            if mode == _SYMLINK_MODE and _wanted(name):
                # Followed only to a file beside it, as on disk only links inside are.
                target = posixpath.normpath(self._blob(oid).decode("utf-8", "replace"))
                linked = by_name.get(target)
                if linked is None or linked[0] not in _FILE_MODES:
                    problems.append(symlink_problem(self._shown(revision, folder + name)))
                    continue
                oid = linked[1]
            elif mode not in _FILE_MODES:
                continue
            oids[folder + name] = oid
        return oids

    def _entries(self, revision: Revision, tree: bytes, oid: str) -> list[tuple[bytes, str, str]]:
        try:
            return _tree_entries(tree, len(oid) // 2)
        except ValueError:
            raise GitError(
                f"{revision.name}: the repository's tree {oid[:12]} is malformed; "
                "run 'git fsck' to find what is damaged"
            ) from None

    def _shown(self, revision: Revision, name: str) -> str:
        return f"{revision.name}:{posixpath.join(self.prefix, name)}"

    def _blob(self, oid: str) -> bytes:
        data = self._blobs.get(oid)
        if data is None:
            found = self._object(oid)
            if isinstance(found, str):
                raise GitError(f"object {oid} is missing from the repository")
            data = self._blobs[oid] = found[2]
        return data

    def _object(self, spec: str) -> tuple[str, str, bytes] | str:
        """(object id, type, content), or git's word for why not ('missing', 'ambiguous')."""
        stdin, stdout = self._pipes()
        try:
            stdin.write(spec.encode("utf-8", "surrogateescape") + b"\n")
            stdin.flush()
        except BrokenPipeError:
            raise GitError("git cat-file stopped unexpectedly") from None
        header = _header(stdout.readline())
        if isinstance(header, str):
            return header
        oid, kind, size = header
        data = stdout.read(size)
        stdout.read(1)  # the newline after each object
        return oid, kind, data

    def _size(self, oid: str) -> int:
        """A blob's size, asked of a `git cat-file --batch-check` beside the batch, so a
        file over the size limit is refused before a byte of it is read."""
        if self._check is None:
            self._check = self._start("--batch-check")
        assert self._check.stdin is not None and self._check.stdout is not None
        try:
            self._check.stdin.write(oid.encode("ascii") + b"\n")
            self._check.stdin.flush()
        except BrokenPipeError:
            raise GitError("git cat-file stopped unexpectedly") from None
        header = _header(self._check.stdout.readline())
        if isinstance(header, str):
            raise GitError(f"object {oid} is missing from the repository")
        return header[2]

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        if self._batch is None:
            self._batch = self._start("--batch")
        assert self._batch.stdin is not None and self._batch.stdout is not None
        return self._batch.stdin, self._batch.stdout

    def _start(self, mode: str) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                ["git", *self._where, "cat-file", mode],
                cwd=self.top,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise GitError(f"cannot run git: {exc.strerror or exc}") from None


class GitSource:
    """The plan folder as it was at a revision, read through the repository's one git process."""

    def __init__(self, repo: Repository, revision: Revision) -> None:
        self.repo = repo
        self.revision = revision
        self.root = repo.plans

    @property
    def shown(self) -> str:
        return f"{self.revision.name}:{self.repo.folder}"

    def files(self) -> Files:
        return self.repo.files(self.revision)


def _wanted(name: str) -> bool:
    return name in CONFIG_NAMES or is_plan_file(Path(name))


def _header(line: bytes) -> tuple[str, str, int] | str:
    """(object id, type, size) from a `git cat-file` header, or git's word for why there
    is no object ('missing', 'ambiguous'); the name asked for may hold spaces."""
    line = line.rstrip(b"\n")
    for word in ("missing", "ambiguous"):
        if line.endswith(b" " + word.encode()):
            return word
    parts = line.split(b" ")
    if len(parts) != 3 or not parts[2].isdigit():
        raise GitError("git cat-file stopped unexpectedly")
    return parts[0].decode("ascii", "replace"), parts[1].decode("ascii", "replace"), int(parts[2])


def _tree_entries(tree: bytes, oid_size: int) -> list[tuple[bytes, str, str]]:
    """(mode, name, object id) of each entry of a raw git tree object."""
    entries = []
    at = 0
    while at < len(tree):
        space = tree.index(b" ", at)
        nul = tree.index(b"\0", space)
        oid = tree[nul + 1 : nul + 1 + oid_size].hex()
        entries.append(
            (tree[at:space], tree[space + 1 : nul].decode("utf-8", "surrogateescape"), oid)
        )
        at = nul + 1 + oid_size
    return entries


def _committer_time(commit: bytes) -> datetime:
    for line in commit.split(b"\n"):
        if not line:
            break
        if line.startswith(b"committer "):
            stamp, offset = line.rsplit(b" ", 2)[1:]
            return _time(stamp, offset)
    return datetime.fromtimestamp(0, UTC)


def _time(stamp: bytes, offset: bytes) -> datetime:
    """A commit's time from git's seconds and zone. Git takes any zone and any year a
    commit claims: a zone of a day or more (+9999) is read as UTC (the moment is the
    same), a year past 9999 as the last moment Python can hold, and a stamp that is not
    a number as 1970, so one forged commit never stops history for the whole repository."""
    try:
        seconds = int(stamp)
    except ValueError:
        seconds = 0
    try:
        sign = -1 if offset.startswith(b"-") else 1
        zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))
    except ValueError:
        zone = UTC
    try:
        return datetime.fromtimestamp(seconds, zone)
    except (OverflowError, OSError, ValueError):
        return datetime.max.replace(tzinfo=UTC) if seconds > 0 else datetime.min.replace(tzinfo=UTC)
