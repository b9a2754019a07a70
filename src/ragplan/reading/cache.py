"""A cache of read plan files, so that runs on unchanged files skip parsing them.

Entries live in $XDG_CACHE_HOME/ragplan (default ~/.cache/ragplan), one per plan
file as shown from the current folder. Each entry starts with a digest of the
file's bytes, the ragplan version and source files, the cache format and the
scale the file was read with, and is used only while all of these still give
that digest: an edit is seen at once, however soon after the last run and
whatever the file's mtime. What is computed from a whole plan set (its checks, its
counts, a summary: see reader.Loaded.computed) is kept in a folder of its own, one entry
per plan folder, under a digest of every file's.
Entries are written to a temporary file and renamed into place, so two ragplan
processes at once each see a whole entry or none. Whatever goes wrong with the
cache (a read-only or full disk, a corrupt entry) means doing without it: the
result is the same, only slower.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import io
import os
import pickle
from hashlib import blake2b
from pathlib import Path
from typing import Any

from ragplan import __version__
from ragplan.model import (
    Action,
    Aggregate,
    Config,
    Indicator,
    IndicatorFile,
    Number,
    PeriodValue,
    Recalculation,
    Scale,
    Section,
    SpcSettings,
    Status,
    Step,
    Theme,
    Tolerance,
)
from ragplan.problems import Problem

# Bump when what is stored changes shape, so old entries are never read. The
# fields of the stored classes are part of every digest as well, so a changed
# model never reads entries written by the old one.
FORMAT = 2
_DIGEST_SIZE = 32


def _field_names(cls: Any) -> tuple[str, ...]:
    """A stored class's fields: a dataclass's or a NamedTuple's."""
    named: tuple[str, ...] | None = getattr(cls, "_fields", None)
    return named if named is not None else tuple(f.name for f in dataclasses.fields(cls))


_SHAPE = ";".join(
    f"{cls.__name__}:{','.join(_field_names(cls))}"
    for cls in (
        Action,
        Section,
        Theme,
        Problem,
        Config,
        Scale,
        Status,
        IndicatorFile,
        Indicator,
        PeriodValue,
        Aggregate,
        Number,
        Tolerance,
        Step,
        Recalculation,
        SpcSettings,
    )
)
_ACTION_FIELDS = tuple(f.name for f in dataclasses.fields(Action))


def _reduce_action(action: Action) -> tuple[type[Action], tuple[Any, ...]]:
    # Rebuilding an action with its constructor takes one call per action where
    # pickle's default for slotted classes makes one setattr per field. Its theme and
    # section are pickled before it (it is reached through them), so the cycle is kept.
    return Action, tuple(getattr(action, name) for name in _ACTION_FIELDS)


DISPATCH = {**copyreg.dispatch_table, Action: _reduce_action}


@functools.cache
def _code_fingerprint() -> str:
    """Size and mtime of ragplan's own modules: an edited checkout never reads old entries.
    Taken once a run (a run does not edit ragplan while it reads)."""
    package = Path(__file__).parent.parent
    stats = []
    folders = [package]
    for folder in folders:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                st = entry.stat()
                stats.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}")
            elif entry.is_dir() and not entry.name.startswith(("_", ".")):
                folders.append(Path(entry.path))
    return ",".join(stats)


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/ragplan, or ~/.cache/ragplan (a relative XDG_CACHE_HOME is ignored)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "ragplan"


def enabled(use_cache: bool = True) -> bool:
    """False for this read (use_cache=False, as --no-cache gives), or with RAGPLAN_NO_CACHE
    set to anything but 0."""
    return use_cache and os.environ.get("RAGPLAN_NO_CACHE", "") in ("", "0")


class FileCache:
    """Values computed from a file's bytes, stored per file and trusted only for those bytes."""

    def __init__(self, context: str, folder: Path | None = None) -> None:
        self.folder: Path | None
        try:
            self.folder = folder or cache_dir()
        except RuntimeError:  # no home folder for ~/.cache: do without
            self.folder = None
        self.salt = "\0".join(
            (f"ragplan {__version__}", f"cache {FORMAT}", _SHAPE, _code_fingerprint(), context, "")
        ).encode()

    def _entry(self, path: Path, shown: str) -> Path:
        assert self.folder is not None
        name = blake2b(f"{path.absolute()}\0{shown}".encode(), digest_size=20).hexdigest()
        return self.folder / f"{name}.pickle"

    def digest(self, data: bytes) -> bytes:
        digest = blake2b(self.salt, digest_size=_DIGEST_SIZE)
        digest.update(data)  # not salt + data: no copy of a large file
        return digest.digest()

    def get(self, path: Path, shown: str, digest: bytes) -> Any | None:
        """The value stored for these bytes of `path`, or None."""
        if self.folder is None:
            return None
        try:
            with open(self._entry(path, shown), "rb") as handle:
                if handle.read(_DIGEST_SIZE) != digest:
                    return None
                return pickle.load(handle)
        except Exception:  # missing, unreadable or corrupt: read the file instead
            return None

    def holds(self, path: Path, shown: str, digest: bytes) -> bool:
        """Whether an entry is stored for these bytes of `path` (`get` may still find it
        corrupt, or gone): a run may learn that everything it needs is cached without
        unpickling any of it."""
        if self.folder is None:
            return False
        try:
            with open(self._entry(path, shown), "rb") as handle:
                return handle.read(_DIGEST_SIZE) == digest
        except OSError:
            return False

    def put(self, path: Path, shown: str, digest: bytes, value: Any) -> None:
        """Store `value` for these bytes of `path`, or silently do nothing if that fails."""
        if self.folder is None:
            return
        tmp = None
        try:
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = DISPATCH
            pickler.dump(value)
            blob = buffer.getvalue()
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            import tempfile  # only when writing: most runs only read

            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(digest)
                handle.write(blob)
            # No fsync: a torn entry after a crash fails its digest or its unpickling.
            os.replace(tmp, self._entry(path, shown))
        except Exception:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
