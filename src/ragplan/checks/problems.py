"""A problem found in a plan file: where it is, how bad it is, which rule found it."""

from __future__ import annotations

from typing import Literal, NamedTuple

Level = Literal["error", "warning"]


class Problem(NamedTuple):
    """One finding, located by 1-based line and column in a file.

    Problems found while parsing bytes (cached by their content, whatever file
    holds them) have an empty `file` until the reader names the file.
    """

    file: str
    line: int
    column: int
    level: Level
    rule: str
    message: str

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)

    def in_file(self, file: str) -> Problem:
        return self._replace(file=file)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.level == "error" for p in problems)
