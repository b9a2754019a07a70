"""Every error ragplan raises on purpose, and the exit code each one maps to.

The CLI translates these in one place; the core never prints or exits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ragplan.checks.problems import Problem

# Exit codes, published in the README.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_TEMPLATE = 4
EXIT_GIT = 5


class RagplanError(Exception):
    """Base class: a failure with a one-line message and an exit code."""

    exit_code = EXIT_PROBLEMS


class UsageError(RagplanError):
    """An option or argument that cannot be used as given."""

    exit_code = EXIT_USAGE


class UnreadablePathError(RagplanError):
    """A plan path that does not exist or cannot be read."""

    exit_code = EXIT_UNREADABLE


class InvalidPlanError(RagplanError):
    """A plan set with errors, which a report refuses to describe."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = sum(1 for p in problems if p.level == "error")
        super().__init__(
            f"the plan set has {errors} error{'s' if errors != 1 else ''}; "
            "run 'ragplan validate' for details"
        )


class InvalidEditError(InvalidPlanError):
    """A change that would make the plan set invalid; nothing is written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        errors = len(problems)
        self.args = (
            f"the change would give the plan set {errors} error{'s' if errors != 1 else ''}; "
            "nothing was written",
        )


class TemplateError(RagplanError):
    """A report template that is missing or fails to render."""

    exit_code = EXIT_TEMPLATE


class GitError(RagplanError):
    """A git revision or repository that cannot be read."""

    exit_code = EXIT_GIT


class WriteError(RagplanError):
    """A file that ragplan refuses to write, or could not write."""

    exit_code = EXIT_PROBLEMS
