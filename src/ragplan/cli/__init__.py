"""The command line: parse options, call the core, print, and map results to exit codes.

`app` holds the global options and translates errors; each command group is a
module here (check, reports, indicators, paper, edits, revisions, portfolio, sheets), which
registers its commands when imported. A run imports only the module of the command
it runs, so typer builds one command, not fourteen; `ragplan --help`, an unknown
command and shell completion import them all, as does `from ragplan.cli import app`.
"""

from __future__ import annotations

import gc
import os
import sys
from importlib import import_module
from typing import Any

__all__ = ["COMMAND_MODULES", "app", "load_commands", "main", "run"]

# Each command, by the module in ragplan.cli that registers it.
COMMAND_MODULES = {
    "validate": "cmd_validate",
    "schema": "cmd_validate",
    "summary": "cmd_reports",
    "outstanding": "cmd_reports",
    "indicators": "cmd_indicators",
    "paper": "cmd_paper",
    "init": "cmd_edits",
    "set": "cmd_edits",
    "carry-forward": "cmd_edits",
    "diff": "cmd_revisions",
    "history": "cmd_revisions",
    "portfolio": "cmd_portfolio",
    "import": "cmd_sheets",
    "export": "cmd_sheets",
    "collect": "cmd_sheets",
}


def load_commands(names: list[str] | None = None) -> None:
    """Register the commands `names` (every command when None)."""
    wanted = COMMAND_MODULES.values() if names is None else [COMMAND_MODULES[n] for n in names]
    for module in dict.fromkeys(wanted):
        import_module(f"ragplan.cli.{module}")


def _command_of(args: list[str]) -> str | None:
    """The command `ragplan ARGS` runs, when it is one we know; None for `--help`,
    `--version`, a mistyped command or none."""
    from ragplan.cli.app import GLOBAL_FLAGS, GLOBAL_WITH_VALUE

    at = 0
    while at < len(args):
        arg = args[at]
        if arg in GLOBAL_WITH_VALUE:
            at += 2
        elif arg in GLOBAL_FLAGS or arg.startswith("--color="):
            at += 1
        else:
            return arg if arg in COMMAND_MODULES else None
    return None


def run(args: list[str]) -> int:
    """Run `ragplan ARGS` in this process; the exit code."""
    # One short run whose objects nearly all live until it exits: the cyclic collector
    # would only walk them, again and again, without ever freeing one.

    gc.disable()
    command = None if "_RAGPLAN_COMPLETE" in os.environ else _command_of(args)
    load_commands([command] if command else None)
    from ragplan.cli.app import app

    try:
        app(args=args, prog_name="ragplan")
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    return 0


def main() -> None:
    """The `ragplan` program: run, then leave without tearing down what the run built
    (at 100,000 actions, freeing every object costs longer than writing the report)."""
    code = run(sys.argv[1:])
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away: nothing more can be said to it
        code = code or 1
    os._exit(code)


def __getattr__(name: str) -> Any:
    """`from ragplan.cli import app`: the application with every command registered."""
    if name == "app":
        load_commands()
        from ragplan.cli.app import app

        # Importing the module ragplan.cli.app made `app` that module, here: the name
        # is the application's from now on.
        globals()["app"] = app
        return app
    raise AttributeError(name)
