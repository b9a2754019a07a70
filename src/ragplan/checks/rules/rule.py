"""What a rule is: an id, a default level, a sentence of documentation."""

from __future__ import annotations

from typing import NamedTuple

from ragplan.checks.problems import Level, Problem

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
