"""The one place plan files are written: every command that changes plans (set,
carry-forward, init) computes its edits, and `commit` writes them, atomically,
under the plan folder's lock, after reading the files again under that lock."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from ragplan.errors import WriteError
from ragplan.files import LOCK_NAME, discard, plan_lock, publish, stage
from ragplan.paths import display_path
from ragplan.problems import Problem


@dataclass
class FileEdit:
    """A file's text before (None: a new file) and after an edit."""

    path: Path
    before: bytes | None
    after: bytes

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return unified_diff(self.path, self.before, self.after)


def unified_diff(path: Path, before: bytes | None, after: bytes) -> str:
    """The change as a unified diff; `before` None for a new file."""
    shown = display_path(path)
    old = before.decode("utf-8").splitlines(keepends=True) if before is not None else []
    new = after.decode("utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, "/dev/null" if before is None else shown, shown)
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


class Edits(Protocol):
    """What a command that changes plans returns: the files, and what to tell the user."""

    files: list[FileEdit]
    warnings: list[Problem]

    def messages(self) -> list[str]: ...


@dataclass
class Written:
    """Files written by a command with nothing more to say than their names."""

    files: list[FileEdit]
    warnings: list[Problem] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [f"wrote {display_path(f.path)}" for f in self.files if f.changed]


E = TypeVar("E", bound=Edits)


def commit(folder: Path, compute: Callable[[], E], *, dry_run: bool = False) -> E:
    """Compute the edits for the plan folder `folder` and write them.

    Under the folder's lock, so a command that runs at the same time waits and
    then works on what this one wrote: `compute` must read the files it changes.
    With `dry_run`, only compute. A folder that does not exist yet is made, and
    removed again if nothing is written into it. A file that is a symlink out of
    the folder is refused, dry run or not, before anything is written or shown.
    """
    if dry_run:
        edits = compute()
        refuse_links_out(edits.files, folder)
        return edits
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"{display_path(folder)}: not a folder")
    made = not folder.exists()
    if made:
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise WriteError(f"cannot create {display_path(folder)}: {exc.strerror}") from None
    try:
        with plan_lock(folder, display_path(folder)):
            edits = compute()
            write(edits.files, folder)
    except BaseException:
        if made:
            _remove_if_empty(folder)
        raise
    return edits


def refuse_links_out(files: list[FileEdit], folder: Path | None) -> None:
    """WriteError for the first changed file that a symlink (the file's own, or a
    folder's on the way to it) takes out of `folder`, or, with no folder, for a file
    that is a link itself: ragplan never writes through a link a plan repository
    or a download could hold (~/.ssh/authorized_keys behind a committed link)."""
    inside = folder.resolve() if folder is not None else None
    for file in files:
        if not file.changed:
            continue
        if inside is None:
            out = file.path.is_symlink()
        else:
            out = not file.path.resolve().is_relative_to(inside)
        if out:
            where = "out of the plan folder" if inside is not None else "to another file"
            raise WriteError(
                f"{display_path(file.path)}: is a symlink {where}; ragplan never writes "
                "through one: remove the link (or copy the file in) and run again; "
                "nothing was written"
            )


def write(files: list[FileEdit], folder: Path | None = None) -> None:
    """Write every changed file, or none: each is staged in a temporary file first, and
    only when all are staged (a full disk fails here) are they renamed into place. A
    symlink to a file inside `folder` stays a link; any other is refused."""
    refuse_links_out(files, folder)
    staged: list[tuple[Path, Path]] = []
    try:
        for file in files:
            if not file.changed:
                continue
            if file.before is None:
                try:
                    file.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    shown = display_path(file.path.parent)
                    raise WriteError(f"cannot create {shown}: {exc.strerror}") from None
            target = file.path.resolve() if file.path.is_symlink() else file.path
            staged.append((stage(target, file.after), target))
    except BaseException:
        discard([tmp for tmp, _ in staged])
        raise
    publish(staged)


def _remove_if_empty(folder: Path) -> None:
    (folder / LOCK_NAME).unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass
