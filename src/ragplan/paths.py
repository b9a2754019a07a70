"""How messages name a file: relative to the current folder when inside it."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path) -> str:
    """The path as messages show it: relative to the current folder when inside it."""
    try:
        rel = path.absolute().relative_to(Path.cwd())
    except ValueError:
        return str(path)
    return rel.as_posix() or "."
