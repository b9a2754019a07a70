"""`ragplan summary` and `ragplan outstanding`: the board's figures and its appendix."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ragplan.cli import complete
from ragplan.cli.app import app
from ragplan.cli.shared import (
    AsOfOpt,
    OutputOpt,
    PlansArg,
    ReportOutput,
    RunOptions,
    SinceOpt,
    TemplateOpt,
    TemplatesOpt,
    format_option,
    parse_date,
    run_report,
    split_list,
)
from ragplan.errors import UsageError

FORMAT_HELP = (
    "text: a table (coloured on a terminal); md: board-paper Markdown; "
    "html: one printable page; json, csv: for scripts and spreadsheets; docx: a Word "
    "document; pdf: a tagged PDF (needs pip install 'ragplan[pdf]'). docx and pdf are "
    "written with -o, or to a pipe. Example: -f docx -o appendix-b.docx"
)


@app.command()
def summary(
    ctx: typer.Context,
    plans: PlansArg = None,
    format: Annotated[
        str,
        format_option("summary", FORMAT_HELP),
    ] = "text",
    by: Annotated[
        str,
        typer.Option(
            "--by",
            metavar="theme|lead_officer|lead_body",
            autocompletion=complete.groupings,
            help="Group the table by theme, lead officer or lead body. Example: --by lead_officer",
        ),
    ] = "theme",
    as_of: AsOfOpt = None,
    since: SinceOpt = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """How many actions have each status, overall and per theme, and how many are overdue.

    Example: ragplan summary --format md plans
    """
    if since is not None and by != "theme":
        raise UsageError("--since compares themes: use it without --by")
    when = parse_date(as_of, "as_of")

    def make(folder: Path, options: RunOptions, warnings: list[Any]) -> Any:
        from ragplan.plansets import earlier, read_valid, summary_of

        loaded = read_valid(folder, use_cache=options.use_cache, warnings=warnings)
        return summary_of(loaded, when, by, earlier(folder, since))

    run_report(ctx, "summary", ReportOutput(format, output, template, templates), plans, make)


@app.command()
def outstanding(
    ctx: typer.Context,
    plans: PlansArg = None,
    format: Annotated[
        str,
        format_option("outstanding", FORMAT_HELP),
    ] = "text",
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUSES",
            autocompletion=complete.outstanding_statuses,
            help="Only these statuses (keys or labels), comma-separated. "
            "Example: --status amber,red",
        ),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            metavar="IDS",
            autocompletion=complete.theme_ids,
            help="Only these themes, comma-separated. Example: --theme 1.3",
        ),
    ] = None,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            metavar="IDS",
            autocompletion=complete.section_ids,
            help="Only these sections, comma-separated. Example: --section 1.3.6",
        ),
    ] = None,
    lead: Annotated[
        list[str] | None,
        typer.Option(
            "--lead",
            metavar="NAME",
            autocompletion=complete.lead_officers,
            help="Only actions this lead officer leads, alone or with others (repeatable; "
            "case, spaces and curly or straight quotes do not matter). "
            'Example: --lead "AD CSC"',
        ),
    ] = None,
    lead_body: Annotated[
        list[str] | None,
        typer.Option(
            "--lead-body",
            metavar="NAME",
            autocompletion=complete.lead_bodies,
            help="Only actions this lead body leads (repeatable). Example: --lead-body NYCC",
        ),
    ] = None,
    overdue: Annotated[
        bool,
        typer.Option(
            "--overdue", help="Only actions due before the report date. Example: --overdue"
        ),
    ] = False,
    as_of: AsOfOpt = None,
    since: SinceOpt = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """The actions whose status is not done, by theme and section: the board's appendix.

    Example: ragplan outstanding --format md --status amber,red plans
    """
    from ragplan.reports.outstanding import Filters

    when = parse_date(as_of, "as_of")
    filters = Filters(
        statuses=split_list(status),
        themes=split_list(theme),
        sections=split_list(section),
        leads=tuple(lead or ()),
        lead_bodies=tuple(lead_body or ()),
        overdue_only=overdue,
    )

    def make(folder: Path, options: RunOptions, warnings: list[Any]) -> Any:
        from ragplan.plansets import earlier, load_valid
        from ragplan.reports.outstanding import find_outstanding

        plan_set = load_valid(folder, use_cache=options.use_cache, warnings=warnings)
        return find_outstanding(plan_set, when, filters, earlier(folder, since))

    run_report(ctx, "outstanding", ReportOutput(format, output, template, templates), plans, make)
