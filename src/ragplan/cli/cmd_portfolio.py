"""`ragplan portfolio`: many plan sets, one board view, each member read where it is kept."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ragplan.cli.app import app
from ragplan.cli.shared import (
    OutputOpt,
    ReportOutput,
    RunOptions,
    TemplateOpt,
    TemplatesOpt,
    format_option,
    run_report,
)

FORMAT_HELP = (
    "text: tables; md: board-paper Markdown; html: one printable page with a chart of "
    "members by status; json, csv: for scripts and spreadsheets; docx: a Word document; "
    "pdf: the page printed. Example: -f html -o portfolio.html"
)


@app.command()
def portfolio(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The portfolio file, or a folder holding portfolio.yaml. Default: "
            "./portfolio.yaml. Example: partnership/portfolio.yaml",
            show_default=False,
        ),
    ] = None,
    format: Annotated[str, format_option("portfolio", FORMAT_HELP)] = "text",
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV|DATE",
            help="Each member's % done at this revision of its own repository (a tag, "
            "branch, commit), or at its last commit on or before this date, and its "
            "direction of travel. Example: --since 2010-07-19",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="A member that cannot be read is an error, and no report is made "
            "(without it: a row says why, and the exit code is 8). Example: --strict",
        ),
    ] = False,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """A row per member of a partnership (its own figures in its own scale), the
    partnership's totals of what means the same, and the actions at each member's worst
    status. A member that cannot be read is a row saying why, and the exit code is 8.

    Example: ragplan portfolio --format md partnership/portfolio.yaml
    """
    from ragplan.portfolios import load_portfolio, portfolio_file, unread_error

    made: list[Any] = []

    def folder() -> Path:
        # The portfolio's folder: its templates/ restyle the report, as a plan folder's do.
        return portfolio_file(file).parent

    def make(_: Path, options: RunOptions, warnings: list[Any]) -> Any:
        found = portfolio_file(file)
        made.append(load_portfolio(found, since, strict, options.use_cache, warnings))
        return made[0]

    run_report(ctx, "portfolio", ReportOutput(format, output, template, templates), folder, make)
    unread = unread_error(made[0])
    if unread is not None:
        raise unread
