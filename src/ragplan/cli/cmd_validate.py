"""`ragplan validate` and `ragplan schema`."""

import sys
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from ragplan.cli import complete
from ragplan.cli.app import app
from ragplan.cli.shared import plural, resolve_plans, run_options, use_colour
from ragplan.errors import EXIT_OK, EXIT_PROBLEMS, RagplanError, UsageError


@app.command()
def validate(
    ctx: typer.Context,
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
            metavar="auto|standard|parsable|github|json|junit|sarif",
            autocompletion=complete.validate_formats,
            help="auto: github under GitHub Actions, standard on a terminal, parsable "
            "otherwise; junit (JUnit XML) and sarif (SARIF 2.1.0) for other CI systems and "
            "code-scanning dashboards. Example: --format junit > ragplan.xml",
        ),
    ] = "auto",
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Warnings fail too (exit 1). Example: ragplan validate --strict"
        ),
    ] = False,
    max_file_size: Annotated[
        int | None,
        typer.Option(
            "--max-file-size",
            metavar="MB",
            min=1,
            help="Refuse plan files larger than this many megabytes "
            "(default 10, or max_file_size_mb in ragplan.yaml). Example: --max-file-size 50",
        ),
    ] = None,
) -> None:
    """Check plan files: YAML, keys, types, ids, statuses and cross-file rules.

    Exit 0 when valid (warnings allowed), 1 when problems are found.

    Example: ragplan validate --strict plans
    """
    from ragplan.output import problem_formats as problem_format
    from ragplan.papers.check import papers_checked
    from ragplan.plansets import validate as run_validate

    options = run_options(ctx)
    if format != "auto" and format not in problem_format.FORMATS:
        choices = ", ".join(["auto", *problem_format.FORMATS])
        raise UsageError(f"'{format}': use one of {choices}", field="format")
    folders = paths or [resolve_plans(None, options)]
    result = run_validate(folders, max_file_size, options.use_cache, papers_checked)
    if not any(p.level == "error" for p in result.problems):  # the scale read is the plan's
        _refresh_schemas([f for f in folders if f.is_dir()])
    failed = result.failed(strict)
    problems = result.problems
    if options.quiet and not strict:
        problems = [p for p in problems if p.level == "error"]
    format = problem_format.choose(format, sys.stdout.isatty())
    colour = format == "standard" and use_colour(options)
    outcome = problem_format.Outcome(problems, result.checked, failed, strict, colour)
    for line in problem_format.FORMATS[format](outcome):
        typer.echo(line)
    if format == "standard" and not options.quiet:
        errors = sum(1 for p in result.problems if p.level == "error")
        warnings = len(result.problems) - errors
        if problems:
            typer.echo("")
        checked = f"{plural(result.files, 'file')}, {plural(result.actions, 'action')}"
        if result.indicators:
            checked += f", {plural(result.indicators, 'indicator')}"
        if result.papers:
            checked += f", {plural(result.papers, 'paper')}"
        typer.echo(f"{checked}: {plural(errors, 'error')}, {plural(warnings, 'warning')}")
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)


def _refresh_schemas(folders: list[Path]) -> None:
    """A plan folder's own theme schema follows its scale (see refreshed_theme_schema);
    it helps editors only, so a folder that cannot be written now is left as it is."""
    from ragplan.editing.schemas import refreshed_theme_schema
    from ragplan.editing.writer import commit

    for folder in folders:
        if (folder / ".schema").is_dir():
            try:
                commit(folder, partial(refreshed_theme_schema, folder))
            except RagplanError:
                pass


@app.command()
def schema(
    config: Annotated[
        bool,
        typer.Option(
            "--config",
            help="The schema of ragplan.yaml instead. Example: ragplan schema --config",
        ),
    ] = False,
    indicators: Annotated[
        bool,
        typer.Option(
            "--indicators",
            help="The schema of indicator files (in the plan folder's indicators/) instead. "
            "Example: ragplan schema --indicators",
        ),
    ] = False,
    paper: Annotated[
        bool,
        typer.Option(
            "--paper",
            help="The schema of a board paper's front matter (docs/papers.md) instead. "
            "Example: ragplan schema --paper",
        ),
    ] = False,
    portfolio: Annotated[
        bool,
        typer.Option(
            "--portfolio",
            help="The schema of a portfolio file (portfolio.yaml) instead. "
            "Example: ragplan schema --portfolio",
        ),
    ] = False,
) -> None:
    """Print the JSON Schema (draft-07) of theme files, for editors and other checkers.

    Example: ragplan schema > schema/ragplan-theme.schema.json
    """
    from ragplan.reading.schema_json import json_schema_text

    if config + indicators + paper + portfolio > 1:
        raise UsageError("use one of --config, --indicators, --paper and --portfolio")
    chosen = {"config": config, "indicators": indicators, "paper": paper, "portfolio": portfolio}
    record = next((name for name, given in chosen.items() if given), "theme")
    typer.echo(json_schema_text(record), nl=False)
