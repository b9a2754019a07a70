"""Plan folders on disk: which folder, which files, and how messages name them."""

from __future__ import annotations

import os
from pathlib import Path

from ragplan.errors import UnreadablePathError
from ragplan.paths import display_path
from ragplan.reading.sources import CONFIG_NAMES, INDICATORS, Files, SourceFile, is_plan_file
from ragplan.rules.reading import folder_symlink_problem, symlink_problem


def links_out(path: Path, root: Path) -> bool:
    """Whether a symlink (the file's own, or a folder's on the way to it) takes `path` out
    of the plan folder `root`: such a file is never read (a committed link to
    ~/.git-credentials would be quoted in messages) nor written."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links leads nowhere inside
        return True


def find_plan_set(start: Path | None = None) -> Path:
    """The plan set to use when none is named: ./ragplan.yaml's folder, ./plans, or a parent's."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if any((folder / name).is_file() for name in CONFIG_NAMES):
            return folder
        if (folder / "plans").is_dir():
            return folder / "plans"
    raise UnreadablePathError(
        "no plan set found: give a path, or run ragplan in a folder with plans/ or ragplan.yaml"
    )


def _disk_file(path: Path, name: str | None = None) -> SourceFile:
    shown = display_path(path)

    def read() -> bytes:
        try:
            return path.read_bytes()
        except OSError as exc:
            raise UnreadablePathError(f"{shown}: {exc.strerror or exc}") from None

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadablePathError(f"{shown}: {exc.strerror or exc}") from None
    return SourceFile(name or path.name, shown, size, read, path)


class DiskSource:
    """The plan folder `root` on disk, or only the files `only` in it (theme files, and
    files of its indicators/ folder)."""

    def __init__(self, root: Path, only: list[Path] | None = None) -> None:
        self.root = root
        self.only = only

    @property
    def shown(self) -> str:
        return display_path(self.root)

    def files(self) -> Files:
        root = self.root
        if not root.exists():
            raise UnreadablePathError(f"{self.shown}: no such file or folder")
        if not root.is_dir():
            raise UnreadablePathError(f"{self.shown}: not a folder")
        found = Files(None, [], [])
        config_path = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
        if config_path is not None and links_out(config_path, root):
            found.problems.append(symlink_problem(display_path(config_path)))
        elif config_path is not None:
            found.config = _disk_file(config_path)
        if self.only is not None:
            for path in self.only:
                if links_out(path, root):
                    found.problems.append(symlink_problem(display_path(path)))
                    continue
                if path.parent.name == INDICATORS and path.parent.parent == root:
                    found.indicators.append(_disk_file(path, f"{INDICATORS}/{path.name}"))
                else:
                    found.themes.append(_disk_file(path))
            return found
        real_root = root.resolve()
        for entry in _entries(root, self.shown):
            path = Path(entry.path)
            if entry.name == INDICATORS and entry.is_dir():
                if entry.is_symlink():
                    shown = display_path(path)
                    found.problems.append(folder_symlink_problem(shown))
                else:
                    found.indicators = _files_in(path, real_root, found)
            elif is_plan_file(path) and entry.is_file():
                if entry.is_symlink() and not path.resolve().is_relative_to(real_root):
                    found.problems.append(symlink_problem(display_path(path)))
                    continue
                found.themes.append(_disk_file(path))
        return found


def _entries(folder: Path, shown: str) -> list[os.DirEntry[str]]:
    try:
        return sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise UnreadablePathError(f"{shown}: {exc.strerror}") from None


def _files_in(folder: Path, real_root: Path, found: Files) -> list[SourceFile]:
    """The plan files of the indicators/ folder, each named `indicators/<file>`."""
    files = []
    for entry in _entries(folder, display_path(folder)):
        path = Path(entry.path)
        if not is_plan_file(path) or not entry.is_file():
            continue
        if entry.is_symlink() and not path.resolve().is_relative_to(real_root):
            found.problems.append(symlink_problem(display_path(path)))
            continue
        files.append(_disk_file(path, f"{INDICATORS}/{entry.name}"))
    return files
