"""The command line: parse options, call the core, print, and map results to exit codes.

This is the only module that imports typer. Errors raised by the core are
translated to a one-line message and an exit code in `RagplanGroup.invoke`.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
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
) -> None:
    """ragplan: plans as files, RAG reports from them."""
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter("use auto, always or never", param_hint="--color")
    Settings.color, Settings.quiet, Settings.verbose = color, quiet, verbose


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
    result = run_validate(paths or [resolve_plans(None)], max_file_size)
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

REPORT_FORMATS = ("text", "md", "html", "json", "csv")

FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="text|md|html|json|csv",
        help="text: a table (coloured on a terminal); md: board-paper Markdown; "
        "html: one printable page; json, csv: for scripts and spreadsheets. Example: -f md",
    ),
]
AsOfOpt = Annotated[
    datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        metavar="DATE",
        help="The date the report describes (default: as_of in ragplan.yaml, else today). "
        "Example: --as-of 2010-09-20",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE instead of printing it."
    ),
]
TemplateOpt = Annotated[
    Path | None,
    typer.Option(
        "--template",
        metavar="FILE",
        help="Render this Jinja template file instead of the built-in one for --format. "
        "Example: --template board.md.j2",
    ),
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="DIR",
        help="Look for templates here first, then in the plan folder's templates/, "
        "then the built-ins. Example: --templates my-templates",
    ),
]


def _print_report(
    report: Any,
    format: str,
    plan_root: Path,
    output: Path | None,
    template: Path | None,
    templates: Path | None,
) -> None:
    """Render `report` in `format` and print it, or write it to `output`."""
    from ragplan.render import render

    if format not in REPORT_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
    if format == "text" and output is None and template is None and use_colour():
        from ragplan import terminal

        typer.echo(terminal.draw(report), nl=False, color=True)
        return
    text = render(report, format, plan_root, templates, template)
    if output is None:
        typer.echo(text, nl=False)
        return
    from ragplan.files import atomic_write
    from ragplan.load import display_path

    atomic_write(output, text.encode("utf-8"))
    if not Settings.quiet:
        typer.echo(f"ragplan: wrote {display_path(output)}", err=True)


@app.command()
def summary(
    plans: PlansArg = None,
    format: FormatOpt = "text",
    by: Annotated[
        str,
        typer.Option(
            "--by",
            metavar="theme|lead_officer|lead_body",
            help="Group the table by theme, lead officer or lead body. Example: --by lead_officer",
        ),
    ] = "theme",
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """How many actions have each status, overall and per theme, and how many are overdue.

    Example: ragplan summary --format md plans
    """
    from ragplan.report import summarise
    from ragplan.validate import load_valid

    plan_set = load_valid(resolve_plans(plans))
    report = summarise(plan_set, as_of.date() if as_of else None, by)
    _print_report(report, format, plan_set.root, output, template, templates)


@app.command()
def outstanding(
    plans: PlansArg = None,
    format: FormatOpt = "text",
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUSES",
            help="Only these statuses, comma-separated. Example: --status amber,red",
        ),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            metavar="IDS",
            help="Only these themes, comma-separated. Example: --theme 1.3",
        ),
    ] = None,
    lead: Annotated[
        list[str] | None,
        typer.Option(
            "--lead",
            metavar="NAME",
            help="Only actions this lead officer leads, alone or with others (repeatable). "
            'Example: --lead "AD CSC"',
        ),
    ] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only actions due before the report date.")
    ] = False,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """The actions whose status is not done, by theme and section: the board's appendix.

    Example: ragplan outstanding --format md --status amber,red plans
    """
    from ragplan.report import Filters, find_outstanding
    from ragplan.validate import load_valid

    filters = Filters(_split(status), _split(theme), tuple(lead or ()), overdue)
    plan_set = load_valid(resolve_plans(plans))
    report = find_outstanding(plan_set, as_of.date() if as_of else None, filters)
    _print_report(report, format, plan_set.root, output, template, templates)


def _split(values: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (values or "").split(",") if v.strip())


# Ecosystem: init, schema.


# Editing: set, carry-forward.


# History: diff, history.


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def main() -> None:
    app()
