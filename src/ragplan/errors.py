"""Every error ragplan raises on purpose, and the exit code each one maps to.

The CLI translates these in one place; the core never prints or exits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ragplan.problems import Problem

# Exit codes, published in the README.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_TEMPLATE = 4
EXIT_GIT = 5
EXIT_BUSY = 6
EXIT_MISSING = 7
EXIT_UNREAD_MEMBER = 8


class RagplanError(Exception):
    """Base class: a failure with a one-line message and an exit code.

    The core names the field a wrong value was given for (`field="by"`), never a
    command-line option: the CLI puts the option the user typed (`--by`) in its
    place, and a library caller sees the field's name. A message may also mention
    other fields as `{name}`, listed in `mentions` (`use {force} to overwrite`).
    """

    exit_code = EXIT_PROBLEMS

    def __init__(
        self, message: str, *, field: str | None = None, mentions: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.mentions = mentions

    def __str__(self) -> str:
        return self.shown(lambda field: field)

    def shown(self, name_of: Callable[[str], str]) -> str:
        """The message with each field named as `name_of` says, led by `field` if set."""
        message = self.message
        for name in self.mentions:
            message = message.replace("{" + name + "}", name_of(name))
        if self.field is None:
            return message
        return f"{name_of(self.field)} {message}"


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
        self.message = (
            f"the change would give the plan set {errors} error{'s' if errors != 1 else ''}; "
            "nothing was written"
        )


class InvalidPaperError(InvalidPlanError):
    """A board paper with problems (a name that does not exist, a file missing); nothing
    is made."""

    def __init__(self, problems: list[Problem], shown: str) -> None:
        super().__init__(problems)
        errors = len(problems)
        self.message = (
            f"{shown} has {errors} problem{'s' if errors != 1 else ''}; no paper was made"
        )


class InvalidPortfolioError(InvalidPlanError):
    """A portfolio file with problems; no portfolio is made."""

    def __init__(self, problems: list[Problem], shown: str) -> None:
        super().__init__(problems)
        errors = sum(1 for p in problems if p.level == "error")
        self.message = (
            f"{shown} has {errors} error{'s' if errors != 1 else ''}; no portfolio was made"
        )


class UnreadMembersError(RagplanError):
    """A portfolio some of whose members could not be read (the report is still made,
    with a row saying why for each; under --strict, it is not)."""

    exit_code = EXIT_UNREAD_MEMBER


class TemplateError(RagplanError):
    """A report template that is missing or fails to render."""

    exit_code = EXIT_TEMPLATE


class GitError(RagplanError):
    """A git revision or repository that cannot be read."""

    exit_code = EXIT_GIT


class NoPlansAtRevision(GitError):
    """A revision at which the plan folder did not exist."""


class InvalidPlansAtRevision(GitError):
    """A revision at which the plans had errors."""


class WriteError(RagplanError):
    """A file that ragplan refuses to write, or could not write."""

    exit_code = EXIT_PROBLEMS


class BusyError(RagplanError):
    """Another ragplan command is changing the same plan set; nothing was changed."""

    exit_code = EXIT_BUSY


class SpreadsheetError(RagplanError):
    """A spreadsheet that ragplan refuses to read, import or apply; nothing is changed.

    `problems` lists each cell at fault, as `Sheet!B12: why`.
    """

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class MissingExtraError(RagplanError):
    """A format that needs a package (an optional extra) this installation does not have."""

    exit_code = EXIT_MISSING
