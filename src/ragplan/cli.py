"""The command line: parse options, call the core, print, and map results to exit codes.

This is the only module that imports typer. Errors raised by the core are
translated to a one-line message and an exit code in `RagplanGroup.invoke`.
"""

from __future__ import annotations

import gc
import os
import sys
import typing
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ragplan import __version__
from ragplan.errors import EXIT_OK, EXIT_PROBLEMS, InvalidPlanError, RagplanError


class RagplanGroup(TyperGroup):
    """Translates every RagplanError into `ragplan: error: ...` and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except RagplanError as exc:
            if isinstance(exc, InvalidPlanError):
                from ragplan.problem_format import parsable

                for line in parsable(exc.problems):
                    typer.echo(line, err=True)
            typer.echo(f"ragplan: error: {exc}", err=True)
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
        # Every option of every command (and its --help, which a command's context
        # makes from the help option names it inherits from this one). A typer
        # without this conversion layer keeps its own.
        params = list(self.get_params(ctx))
        for command in self.commands.values():
            inherits = "help_option_names" not in command.context_settings
            params += command.get_params(ctx) if inherits else command.params
        if _typer_conversion() is not None:
            for param in params:
                if getattr(param, "_runtime_param", False) is None and hasattr(
                    param, "type_descriptor"
                ):
                    param._runtime_param = _PlainValues()  # type: ignore[attr-defined]
        return super().parse_args(ctx, args)


def _typer_conversion() -> tuple[Any, Any] | None:
    """Typer's conversion functions that _PlainValues uses, if this typer has them."""
    try:
        from typer._coercion import build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:
        return None
    return build_runtime_param, coerce_cli_path


class _PlainValues:
    """Typer's conversion of an option's value, without a pydantic adapter for plain values.

    Typer converts every option's value with a pydantic TypeAdapter, and
    importing pydantic takes longer than reading a council's whole plan set.
    Text, whole numbers in range and paths are converted here as typer does;
    any other value (so every value typer would refuse, with its message) goes
    to typer's own conversion.
    """

    def __init__(self) -> None:
        self.typer_runtime: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        desc = param.type_descriptor
        info = desc.parameter_info
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        if info.parser is None and desc.file_annotation is None:
            if desc.is_list and isinstance(value, (list, tuple)):
                (item_type,) = typing.get_args(desc.annotation)
                items = [self._plain(item_type, info, item, param, ctx) for item in value]
                if all(item is not _NOT_PLAIN for item in items):
                    return items
            elif not desc.is_list and not desc.is_tuple:
                converted = self._plain(desc.annotation, info, value, param, ctx)
                if converted is not _NOT_PLAIN:
                    return converted
        if self.typer_runtime is None:
            build_runtime_param, _ = _typer_conversion()  # type: ignore[misc]
            self.typer_runtime = build_runtime_param(desc)
        return self.typer_runtime.coerce(value, param=param, ctx=ctx)

    @staticmethod
    def _plain(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, str) or not value:
            return _NOT_PLAIN
        if annotation is str:
            return value
        if annotation is int and value.isascii() and value.isdigit() and not info.clamp:
            number = int(value)
            if (info.min is None or number >= info.min) and (
                info.max is None or number <= info.max
            ):
                return number
        if annotation is Path and info.path_type is None:
            _, coerce_cli_path = _typer_conversion()  # type: ignore[misc]
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        return _NOT_PLAIN


_NOT_PLAIN = object()


app = typer.Typer(
    cls=RagplanGroup,
    help="Keep improvement and action plans as YAML files; validate them and report "
    "their RAG status.\n\nExample: ragplan summary plans",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Settings:
    """Options given before the command, shared by every command."""

    color: str = "auto"
    quiet: bool = False
    verbose: bool = False
    no_cache: bool = False


def use_colour(stream: Any = None) -> bool:
    """Colour only on a terminal, never with NO_COLOR, always with --color always."""
    if Settings.color == "always":
        return True
    if Settings.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream or sys.stdout, "isatty", lambda: False)())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ragplan {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="auto|always|never",
            help="Colour output: auto (on a terminal, unless NO_COLOR is set), "
            "always or never. Example: --color never",
        ),
    ] = "auto",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only problems and requested output.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say which plan set is used, and more.")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read every plan file afresh, neither using nor filling the cache of "
            "parsed files in $XDG_CACHE_HOME/ragplan (also: RAGPLAN_NO_CACHE=1).",
        ),
    ] = False,
) -> None:
    """ragplan: plans as files, RAG reports from them."""
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter("use auto, always or never", param_hint="--color")
    Settings.color, Settings.quiet, Settings.verbose = color, quiet, verbose
    Settings.no_cache = no_cache


def resolve_plans(path: Path | None) -> Path:
    """The plan folder a command works on: the one given, or the one discovered."""
    from ragplan.load import display_path, find_plan_set

    found = path if path is not None else find_plan_set()
    if Settings.verbose:
        typer.echo(f"ragplan: using the plan set in {display_path(found)}", err=True)
    return found


PlansArg = Annotated[
    Path | None,
    typer.Argument(
        help="The plan folder. Default: ./plans, or the folder of a ragplan.yaml "
        "here or above. Example: plans",
        show_default=False,
    ),
]


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan folders or files to check (default: the plan set found "
            "from here). Example: ragplan validate plans",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="auto|standard|parsable|github|json",
            help="auto: github under GitHub Actions, standard on a terminal, "
            "parsable otherwise. Example: --format parsable",
        ),
    ] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    max_file_size: Annotated[
        int | None,
        typer.Option(
            "--max-file-size",
            metavar="MB",
            min=1,
            help="Refuse plan files larger than this many megabytes "
            "(default 10, or max_file_size_mb in ragplan.yaml).",
        ),
    ] = None,
) -> None:
    """Check plan files: YAML, keys, types, ids, statuses and cross-file rules.

    Exit 0 when valid (warnings allowed), 1 when problems are found.

    Example: ragplan validate --strict plans
    """
    from ragplan import problem_format
    from ragplan.validate import validate as run_validate

    if format not in problem_format.FORMATS:
        raise typer.BadParameter(
            f"use one of {', '.join(problem_format.FORMATS)}", param_hint="--format"
        )
    result = run_validate(paths or [resolve_plans(None)], max_file_size, not Settings.no_cache)
    failed = result.failed(strict)
    problems = result.problems
    if Settings.quiet and not strict:
        problems = [p for p in problems if p.level == "error"]
    if format == "auto":
        if os.environ.get("GITHUB_ACTIONS") == "true":
            format = "github"
        elif sys.stdout.isatty():
            format = "standard"
        else:
            format = "parsable"
    if format == "json":
        typer.echo(problem_format.as_json(problems, failed))
    else:
        lines = {
            "parsable": lambda: problem_format.parsable(problems),
            "github": lambda: problem_format.github(problems),
            "standard": lambda: problem_format.standard(problems, use_colour()),
        }[format]()
        for line in lines:
            typer.echo(line)
        if format == "standard" and not Settings.quiet:
            errors = sum(1 for p in result.problems if p.level == "error")
            warnings = len(result.problems) - errors
            if problems:
                typer.echo("")
            typer.echo(
                f"{result.files} files, {result.actions} actions: "
                f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
            )
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)


# Reports: summary, outstanding.


# Ecosystem: init, schema.


# Editing: set, carry-forward.


# History: diff, history.


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def main() -> None:
    # One short run whose objects nearly all live until it exits: the cyclic
    # collector would only walk them (about 10 ms a pass on 10,000 actions).
    gc.disable()
    app()
