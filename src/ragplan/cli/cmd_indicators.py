"""`ragplan indicators`: the measures beside the actions, rated against their targets."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ragplan.cli.app import app
from ragplan.cli.shared import (
    AsOfOpt,
    OutputOpt,
    PlansArg,
    ReportOutput,
    RunOptions,
    TemplateOpt,
    TemplatesOpt,
    format_option,
    parse_date,
    run_report,
    split_list,
)


@app.command()
def indicators(
    ctx: typer.Context,
    plans: PlansArg = None,
    format: Annotated[
        str,
        format_option(
            "indicators",
            "text: a table (coloured on a terminal); md: board-paper Markdown; "
            "html: one printable page with a sparkline per indicator; json, csv: for "
            "scripts and spreadsheets; docx: a Word document (Appendix A); pdf: the page "
            "printed. Example: -f docx",
        ),
    ] = "text",
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            metavar="IDS",
            help="Only the indicators of these themes, comma-separated. Example: --theme 1.3",
        ),
    ] = None,
    rating: Annotated[
        str | None,
        typer.Option(
            "--rating",
            metavar="RATINGS",
            help="Only indicators rated so, comma-separated: green, amber, red. "
            "Example: --rating amber,red",
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help="Rate each indicator on its value in this period, not its latest. "
            'Example: --period "Feb 10"',
        ),
    ] = None,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """The plan's indicators: values per period as written, summary columns, and each one
    rated green, amber or red against its target, with why and the direction of travel.

    Example: ragplan indicators --format md plans
    """
    from ragplan.reports.indicators import Filters

    when = parse_date(as_of, "as_of")
    filters = Filters(split_list(theme), split_list(rating), period)

    def make(folder: Path, options: RunOptions, warnings: list[Any]) -> Any:
        from ragplan.plansets import load_valid
        from ragplan.reports.indicators import find_indicators

        plan_set = load_valid(folder, use_cache=options.use_cache, warnings=warnings)
        return find_indicators(plan_set, when, filters)

    run_report(ctx, "indicators", ReportOutput(format, output, template, templates), plans, make)
