"""`ragplan diff` and `ragplan history`: the plans as they were at git revisions."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ragplan.cli.app import app
from ragplan.cli.shared import (
    OutputOpt,
    PlansArg,
    ReportOutput,
    RunOptions,
    TemplateOpt,
    TemplatesOpt,
    format_option,
    run_report,
)
from ragplan.errors import UsageError

FORMAT_HELP = (
    "text (a table on a terminal), md, html, json, docx (Word) or pdf (needs "
    "pip install 'ragplan[pdf]'); docx and pdf are written with -o, or to a pipe. "
    "Example: --format md"
)


@app.command()
def diff(
    ctx: typer.Context,
    rev: Annotated[
        str,
        typer.Argument(
            help="The git revision to compare from: a tag, branch, commit. Example: HEAD~1"
        ),
    ],
    plans: PlansArg = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="REV",
            help="Compare with this revision, not the working tree. Example: --to v2",
        ),
    ] = None,
    format: Annotated[str, format_option("diff", FORMAT_HELP)] = "text",
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """Show what changed in the plans since a git revision: actions added, removed,
    improved, worsened, re-dated or changed, and the counts per status before and after.

    Example: ragplan diff board-2010-07 --format md
    """

    def make(folder: Path, options: RunOptions, warnings: list[Any]) -> Any:
        from ragplan.plansets import plan_diff

        return plan_diff(folder, rev, to, options.use_cache, warnings)

    run_report(ctx, "diff", ReportOutput(format, output, template, templates), plans, make)


@app.command()
def history(
    ctx: typer.Context,
    plans: PlansArg = None,
    tags: Annotated[
        str | None,
        typer.Option(
            "--tags",
            metavar="PATTERN",
            help="Count at the tags matching this pattern (* and ? as in file names; "
            "default: every tag). Example: --tags 'board-*'",
        ),
    ] = None,
    last: Annotated[
        int | None,
        typer.Option(
            "--last",
            metavar="N",
            min=1,
            help="Count at the last N commits touching the plans. Example: --last 12",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="A revision whose plans are invalid is an error (exit 5), not skipped with "
            "a warning. Example: --strict",
        ),
    ] = False,
    format: Annotated[str, format_option("history", FORMAT_HELP)] = "text",
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """Show the counts per status at each tag, or at the last N commits that changed the
    plans, oldest first; the html format draws the trend. A revision without the plan
    folder is left out with a note, one with invalid plans with a warning.

    Example: ragplan history --tags 'board-*' --format html -o trend.html
    """
    if tags is not None and last is not None:
        raise UsageError("use --tags PATTERN or --last N, not both")

    def make(folder: Path, options: RunOptions, warnings: list[Any]) -> Any:
        from ragplan.plansets import history as count_history

        found = count_history(folder, last, tags or "*", strict, warnings)
        for skipped in found.skipped:
            if skipped.level == "warning" or not options.quiet:
                typer.echo(
                    f"ragplan: {skipped.level}: {skipped.rev} left out: {skipped.reason}",
                    err=True,
                )
        return found

    run_report(ctx, "history", ReportOutput(format, output, template, templates), plans, make)
