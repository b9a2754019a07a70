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
from ragplan.files import LOCK_NAME, atomic_write, plan_lock
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
    removed again if nothing is written into it.
    """
    if dry_run:
        return compute()
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
            write(edits.files)
    except BaseException:
        if made:
            _remove_if_empty(folder)
        raise
    return edits


def write(files: list[FileEdit]) -> None:
    """Write each changed file whole or not at all; a symlink inside the folder stays a link."""
    for file in files:
        if not file.changed:
            continue
        if file.before is None:
            try:
                file.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                shown = display_path(file.path.parent)
                raise WriteError(f"cannot create {shown}: {exc.strerror}") from None
            atomic_write(file.path, file.after)
        else:
            atomic_write(file.path.resolve(), file.after)


def _remove_if_empty(folder: Path) -> None:
    (folder / LOCK_NAME).unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass
