"""Generate docs/cli.md, the command-line reference, from the --help of every command.

Commands are found in the typer app itself, so a new command needs no change
here. After adding or changing a command or an option, regenerate with:

    python tests/cli_reference.py

tests/test_docs.py fails while docs/cli.md is stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
import typer.main
from typer.testing import CliRunner

from ragplan.cli import app

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
REGENERATE = "python tests/cli_reference.py"

# Help is wrapped to the terminal's width: fix it, so the reference is the same everywhere.
HELP_ENVIRONMENT = {"COLUMNS": "80", "LINES": "25", "NO_COLOR": "1", "TERM": "dumb"}

HEADER = f"""\
# Command-line reference

<!-- Generated from the --help of every command by tests/cli_reference.py; do not edit.
     Regenerate after changing a command or an option: {REGENERATE} -->

Global options (`--color`, `-q`, `-v`, `--no-cache`) go before or after the command:
`ragplan -q validate` or `ragplan validate -q`. Exit codes are listed in the
[README](../README.md#exit-codes).
"""


# typer carries its own copy of click: reach it through typer, never `import click`.
Command = Any


def root_command() -> Command:
    return typer.main.get_command(app)


def _subcommands(command: Command, path: tuple[str, ...]) -> dict[str, Command]:
    if not hasattr(command, "list_commands"):
        return {}
    ctx = typer.Context(command, info_name=" ".join(("ragplan", *path)))
    found = {name: command.get_command(ctx, name) for name in command.list_commands(ctx)}
    return {name: sub for name, sub in sorted(found.items()) if sub and not sub.hidden}


def command_paths() -> list[tuple[str, ...]]:
    """Every visible command, as its words after `ragplan`: [(), ('init',), ...]."""
    paths: list[tuple[str, ...]] = []

    def walk(command: Command, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in _subcommands(command, path).items():
            walk(sub, (*path, name))

    walk(root_command(), ())
    return paths


def command_at(path: tuple[str, ...]) -> Command:
    command = root_command()
    for depth, name in enumerate(path):
        command = _subcommands(command, path[:depth])[name]
    return command


def help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(
        app, [*path, "--help"], prog_name="ragplan", env=HELP_ENVIRONMENT, color=False
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def reference() -> str:
    sections = [HEADER]
    for path in command_paths():
        title = " ".join(("ragplan", *path))
        sections.append(f"## {title}\n\n```text\n{help_text(path).rstrip()}\n```\n")
    return "\n".join(sections)


if __name__ == "__main__":
    REFERENCE.write_text(reference(), encoding="utf-8")
    print(f"wrote {REFERENCE}")
