"""What checking finds: a problem (where it is, how bad, which rule found it), and what a rule is
(an id, a default level, a sentence of documentation)."""

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


# What ragplan.yaml may set an adjustable rule to.
LEVELS = ("error", "warning", "disable")


class Rule(NamedTuple):
    """A rule; `adjustable` when ragplan.yaml may change its level or turn it off.

    Rules whose problems leave a plan that cannot be read or counted (syntax,
    an unknown status, a duplicate id) are not adjustable: a report of such a
    plan would be wrong.
    """

    id: str
    level: Level
    doc: str
    adjustable: bool = False

    def problem(self, file: str, line: int, column: int, message: str) -> Problem:
        return Problem(file, line, column, self.level, self.id, message)

    def at(self, line: int, column: int, message: str) -> Problem:
        """A problem found in bytes whose file is named later (see Problem.in_file)."""
        return Problem("", line, column, self.level, self.id, message)
