"""New YAML text that reads back exactly: `key: value` lines in the plainest style that
does, and ids always quoted, for the commands that write whole plan files."""

from __future__ import annotations

import yaml

from ragplan.editing.yamlsplice import DOUBLE, Mapping, Scalar, SpliceError, candidates, parse_spans


def entry(col: int, key: str, value: str, *, typed: bool = False) -> str:
    """`key: value` at column `col`, in the plainest style that reads back as `value`.

    Text YAML would read as a number, a date or true/false is quoted (unless `typed`,
    for a real date); long text is folded, text with line breaks literal.
    """
    for rendered in candidates(
        value, None, col + 2, first_line=col + len(key) + 2, allow_typed=typed
    ):
        line = f"{key}: {rendered}"
        try:
            root = parse_spans(" " * col + line + "\n")
        except (yaml.YAMLError, SpliceError):
            continue
        if isinstance(root, Mapping):
            item = root.get(key)
            if item is not None and isinstance(item[1], Scalar) and item[1].value == value:
                return line
    raise AssertionError(f"no YAML style reads back {value!r}")  # pragma: no cover


def id_entry(value: str) -> str:
    """Ids are always double-quoted, so YAML never reads 1.10 as the number 1.1."""
    return f"id: {candidates(value, DOUBLE, 0)[0]}"
