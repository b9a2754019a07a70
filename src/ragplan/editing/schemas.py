"""The JSON Schemas a plan folder keeps in `.schema/` for editors: the scale its theme
schema knows, and that schema written again when ragplan.yaml changes the scale (for
`validate`, which imports this without the rest of init)."""

from __future__ import annotations

from pathlib import Path

from ragplan.editing.writer import FileEdit, Written
from ragplan.reading.disk import DiskSource
from ragplan.reading.reader import read_plan_set
from ragplan.reading.schema_json import SCHEMA_FILES, json_schema_text
from ragplan.reading.sources import CONFIG_NAMES

SCHEMA_FOLDER = ".schema"


def scale_of(folder: Path) -> tuple[str, ...] | None:
    """The keys of the scale the plan folder's ragplan.yaml sets (None: it has none)."""
    if not any((folder / name).is_file() for name in CONFIG_NAMES):
        return None
    return tuple(s.key for s in read_plan_set(DiskSource(folder)).config.scale.statuses)


def refreshed_theme_schema(folder: Path) -> Written:
    """The plan folder's own theme schema (`init` wrote it) written again when the scale
    of its ragplan.yaml has other keys than the schema lists, so an editor completes and
    flags the statuses the plan has now; nothing when there is no such schema, or it is
    current. Read again under the lock (see writer.commit)."""
    import json

    path = folder / SCHEMA_FOLDER / SCHEMA_FILES["theme"]
    scale = scale_of(folder)
    if scale is None or path.is_symlink() or not path.is_file():
        return Written([])
    before = path.read_bytes()
    try:
        listed = _status_keys(json.loads(before))
    except ValueError:  # not JSON any more: the generated file is always safe to replace
        listed = None
    if listed == list(scale):
        return Written([])
    return Written([FileEdit(path, before, json_schema_text("theme", scale).encode("utf-8"))])


def _status_keys(schema: object) -> list[str] | None:
    """The status keys a theme schema lists for `rag`, or None when it lists none."""
    if not isinstance(schema, dict):
        return None
    properties = schema.get("properties")
    rag = properties.get("rag") if isinstance(properties, dict) else None
    if isinstance(rag, dict):
        branches = rag.get("anyOf")
        first = branches[0] if isinstance(branches, list) and branches else None
        keys = first.get("enum") if isinstance(first, dict) else None
        return keys if isinstance(keys, list) else None
    for value in schema.values():
        keys = _status_keys(value)
        if keys is not None:
            return keys
    return None
