"""The typer application: global options, and the one place errors become messages.

This package is the only one that imports typer. Errors the core raises are
translated to `ragplan: error: ...` and their exit code in `RagplanGroup.invoke`,
with each field the core names given as the option the user typed.
"""

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ragplan import __version__
from ragplan.cli import complete, params
from ragplan.cli.shared import RunOptions, option_name
from ragplan.errors import EXIT_PROBLEMS, InvalidPlanError, RagplanError

# Global options, which may come before or after the command.
GLOBAL_FLAGS = frozenset({"-q", "--quiet", "-v", "--verbose", "--no-cache"})
GLOBAL_WITH_VALUE = frozenset({"--color"})


# The order --help lists the commands in: the everyday ones first.
COMMAND_ORDER = (
    "validate",
    "summary",
    "outstanding",
    "indicators",
    "paper",
    "init",
    "schema",
    "set",
    "carry-forward",
    "diff",
    "history",
    "import",
    "export",
    "collect",
)


class RagplanGroup(TyperGroup):
    """Translates every RagplanError into `ragplan: error: ...` and its exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        known = [name for name in COMMAND_ORDER if name in self.commands]
        return known + sorted(name for name in self.commands if name not in COMMAND_ORDER)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except RagplanError as exc:
            if isinstance(exc, InvalidPlanError):
                from ragplan.output.problem_formats import parsable

                for line in parsable(exc.problems):
                    typer.echo(line, err=True)
            from ragplan.textsafe import one_line

            typer.echo(f"ragplan: error: {one_line(exc.shown(option_name))}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("ragplan: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_PROBLEMS) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        args = self._globals_first(ctx, args)
        # Every option of every command (and its --help, which a command's context
        # makes from the help option names it inherits from this one).
        found = list(self.get_params(ctx))
        commands = list(self.commands.values())
        while commands:  # groups (`collect`) hold commands of their own
            command = commands.pop()
            inherits = "help_option_names" not in command.context_settings
            found += command.get_params(ctx) if inherits else command.params
            commands += getattr(command, "commands", {}).values()
        params.install(found)
        return super().parse_args(ctx, args)

    def _globals_first(self, ctx: Any, args: list[str]) -> list[str]:
        """`ragplan validate -q plans` as `ragplan -q validate plans`: global options given
        after the command move before it. Values of the command's own options (`--note -q`)
        and everything after `--` stay where they are."""
        at = 0
        while at < len(args) and args[at].startswith("-"):
            at += 2 if args[at] in GLOBAL_WITH_VALUE else 1
        if at >= len(args) or args[at] not in self.commands:
            return args
        command = self.commands[args[at]]
        sub = getattr(command, "commands", {})
        if at + 1 < len(args) and args[at + 1] in sub:  # `collect apply ...`
            at += 1
            command = sub[args[at]]
        takes_value = {
            name
            for param in command.params
            if getattr(param, "param_type_name", "") == "option"
            and not getattr(param, "is_flag", False)
            for name in param.opts
        }
        before, after = args[: at + 1], []
        rest = iter(args[at + 1 :])
        for arg in rest:
            if arg == "--":
                after += [arg, *rest]
                break
            if arg in GLOBAL_FLAGS or arg.startswith("--color="):
                before.insert(0, arg)
            elif arg in GLOBAL_WITH_VALUE:
                before[0:0] = [arg, next(rest, "")]
            else:
                after.append(arg)
                if arg in takes_value:
                    after.append(next(rest, ""))
        return before + after


app = typer.Typer(
    cls=RagplanGroup,
    help="Keep improvement and action plans as YAML files; validate them and report "
    "their RAG status.\n\nExample: ragplan summary plans",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ragplan {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Print the version and exit. Example: ragplan --version",
        ),
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="auto|always|never",
            autocompletion=complete.colours,
            help="Colour output: auto (on a terminal, unless NO_COLOR is set), "
            "always or never. Example: --color never",
        ),
    ] = "auto",
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print only problems and requested output. Example: ragplan validate -q",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Say which plan set is used, and more. Example: ragplan validate -v",
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read every plan file afresh, neither using nor filling the cache of "
            "parsed files in $XDG_CACHE_HOME/ragplan (also: RAGPLAN_NO_CACHE=1). "
            "Example: ragplan summary --no-cache",
        ),
    ] = False,
) -> None:
    """ragplan: plans as files, RAG reports from them. Global options may come before or
    after the command."""
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter("use auto, always or never", param_hint="--color")
    ctx.obj = RunOptions(color, quiet, verbose, not no_cache)
    # click strips colour codes from output that is not a terminal unless told otherwise.
    ctx.color = {"always": True, "never": False}.get(color)
