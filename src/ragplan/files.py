"""Writing files safely: whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ragplan.errors import WriteError


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping its permissions.

    Writes a temporary file in the same folder, flushes and fsyncs it, then
    renames it over the original, so a crash leaves either the old file or the
    new one, never half of either, and no stray temporary file.
    """
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"cannot write in {folder}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write {path}: {exc.strerror}") from None
        raise
