"""Writing files safely: whole or not at all, and one writer at a time per plan folder."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ragplan.errors import BusyError, RagplanError, UnreadablePathError, WriteError

# The lock file in a plan folder outside git; hidden, so it is never read as a plan file.
LOCK_NAME = ".ragplan.lock"
# How long a writer waits for another to finish (seconds); RAGPLAN_LOCK_TIMEOUT overrides.
LOCK_TIMEOUT = 10.0


def atomic_write(path: Path, data: bytes, error: type[RagplanError] = WriteError) -> None:
    """Replace `path` with `data` atomically, keeping its permissions.

    Writes a temporary file in the same folder, flushes and fsyncs it, then
    renames it over the original, so a crash leaves either the old file or the
    new one, never half of either, and no stray temporary file. A symlink at
    `path` is replaced itself, never written through. A failure raises `error`.
    """
    staged = stage(path, data, error)
    publish([(staged, path)], error)


def stage(path: Path, data: bytes, error: type[RagplanError] = WriteError) -> Path:
    """`data` written and fsynced in a temporary file beside `path`, with `path`'s
    permissions (a new file's follow the umask), for `publish` to rename into place.
    Nothing is left behind when it fails (a full disk, a read-only folder)."""
    folder = path.parent
    try:
        # lstat: a link's target lends it nothing, not even its permissions.
        status = path.lstat()
        mode = stat.S_IMODE(status.st_mode) if stat.S_ISREG(status.st_mode) else _new_mode()
    except FileNotFoundError:
        mode = _new_mode()
    except OSError as exc:
        raise error(f"cannot write {path}: {exc.strerror}") from None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(f"cannot write in {folder}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise error(f"cannot write {path}: {exc.strerror}") from None
        raise
    return tmp


def publish(staged: list[tuple[Path, Path]], error: type[RagplanError] = WriteError) -> None:
    """Rename each staged temporary file over its path. Renames take no room on the
    disk, so once every file is staged, all of them land; a rename that fails anyway
    (a folder gone meanwhile) removes the temporary files that are left."""
    for done, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)
        except BaseException as exc:
            discard([t for t, _ in staged[done:]])
            if isinstance(exc, OSError):
                raise error(f"cannot write {path}: {exc.strerror}") from None
            raise


def discard(temporary: list[Path]) -> None:
    """Remove staged files that will not be published."""
    for tmp in temporary:
        tmp.unlink(missing_ok=True)


def _new_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_report(
    path: Path, data: bytes, stdout: BinaryIO, error: type[RagplanError] = UnreadablePathError
) -> None:
    """Write a report's bytes where `-o` names: `-` is standard output; a character
    device (/dev/null) or a FIFO, or a link to one (/dev/stdout), is written into as it
    is, never replaced; anything else is replaced whole or not at all, a symlink by a
    file of its own (its target is never written)."""
    if str(path) == "-":
        stdout.write(data)
        stdout.flush()
        return
    try:
        kind = path.stat().st_mode
    except OSError:
        kind = 0
    if stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
        try:
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise error(f"cannot write {path}: {exc.strerror}") from None
        return
    atomic_write(path, data, error)


PLAN_SUFFIXES = (".yaml", ".yml")
CONFIG_NAMES = ("ragplan.yaml", "ragplan.yml")


def check_report_target(path: Path, plan_root: Path | None) -> None:
    """Refuse to write a report where it would destroy plans: over a YAML file, or over
    any file in a plan folder (the one reported on, or any folder with a ragplan.yaml);
    and say so when the folder is not there or the path is a folder. UnreadablePathError,
    field 'output' (exit 3)."""
    from ragplan.paths import display_path

    shown = display_path(path)
    if path.is_dir():
        raise UnreadablePathError(f"{shown}: is a folder; name a file", field="output")
    if not path.parent.is_dir():
        raise UnreadablePathError(
            f"{shown}: no such folder as {display_path(path.parent)}", field="output"
        )
    if path.name.lower().endswith(PLAN_SUFFIXES):
        raise UnreadablePathError(
            f"{shown}: a report is never written over a .yaml or .yml file, which could be "
            "a plan file; name a file for the report, such as board.md",
            field="output",
        )
    if path.exists():
        target = path.resolve()
        folders = [p for p in target.parents if any((p / n).is_file() for n in CONFIG_NAMES)]
        if plan_root is not None and target.is_relative_to(plan_root.resolve()):
            folders.append(plan_root)
        if folders:
            raise UnreadablePathError(
                f"{shown}: is a file in the plan folder {display_path(folders[0])}; a report "
                "is never written over it: name a file outside the plan folder",
                field="output",
            )


def lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("RAGPLAN_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


def _git_dir(folder: Path) -> Path | None:
    """The git folder of the work tree `folder` is in (a `.git` folder, or the one a `.git`
    file names, as worktrees and submodules have), or None outside git."""
    for parent in [folder, *folder.parents]:
        dot_git = parent / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            try:
                line = dot_git.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError):
                return None
            if not line.startswith("gitdir:"):
                return None
            named = parent / line.removeprefix("gitdir:").strip()
            return named if named.is_dir() else None
    return None


def lock_path(folder: Path) -> Path:
    """Where the plan folder's lock is: in a git work tree, under its git folder (as git's
    own locks are), where no `git add` can take it and everyone using that work tree finds
    it; outside git, `.ragplan.lock` in the folder itself (init's .gitignore names it)."""
    where = Path(os.path.abspath(folder))
    git_dir = _git_dir(where.resolve())
    if git_dir is None:
        return where / LOCK_NAME
    from hashlib import blake2b  # only commands that write pay for it

    name = blake2b(str(where.resolve()).encode("utf-8", "surrogateescape"), digest_size=16)
    return git_dir / "ragplan-locks" / f"{name.hexdigest()}.lock"


@contextmanager
def plan_lock(folder: Path, shown: str) -> Iterator[None]:
    """Hold the plan folder's lock: other ragplan commands that change it wait their turn.

    Every command that writes plan files reads them again under this lock and
    applies its change to what is there now, so no update is lost. Waits at most
    lock_timeout() seconds, then raises BusyError and nothing is changed.
    """
    from filelock import FileLock, Timeout  # only commands that write pay for it

    from ragplan.paths import display_path

    path = lock_path(folder)
    held = f"{shown}/{LOCK_NAME}" if path.name == LOCK_NAME else display_path(path)
    lock = FileLock(path, timeout=lock_timeout())
    try:
        path.parent.mkdir(exist_ok=True)
        lock.acquire()
    except Timeout:
        raise BusyError(
            f"{shown} is being changed by another ragplan command (it holds "
            f"{held}); nothing was changed: try again in a moment"
        ) from None
    except OSError as exc:
        raise WriteError(f"cannot lock {shown}: {exc.strerror or exc}") from None
    try:
        yield
    finally:
        lock.release()
