"""`ragplan paper`: the whole board paper, its figures filled in from the plan."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ragplan.cli.app import app
from ragplan.cli.shared import (
    AsOfOpt,
    OutputOpt,
    ReportOutput,
    RunOptions,
    TemplateOpt,
    TemplatesOpt,
    format_option,
    parse_date,
    run_options,
    run_report,
)
from ragplan.paths import display_path


@app.command()
def paper(
    ctx: typer.Context,
    name: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PAPER]",
            help="The paper: a Markdown file, or its name in the plan set's papers/ folder. "
            "Default: the only paper there. Example: plans/papers/board-2010-09.md",
            show_default=False,
        ),
    ] = None,
    plans: Annotated[
        Path | None,
        typer.Option(
            "--plans",
            metavar="DIR",
            help="The plan folder whose figures the paper gives. Default: the folder "
            "holding the paper's papers/ folder. Example: --plans plans",
        ),
    ] = None,
    format: Annotated[
        str,
        format_option(
            "paper",
            "md: Markdown; html: one printable page; docx: the whole paper as a Word "
            "document, restyled by a paper.docx in the plan set's templates/; pdf: a tagged PDF "
            "(needs pip install 'ragplan[pdf]'). The cover and each appendix start a page. "
            "Example: -f docx",
        ),
    ] = "md",
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Make the paper without writing it: report every name it uses that "
            "the plan does not have (exit 1), for CI. Example: --check",
        ),
    ] = False,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """The board paper: its text with the plan's figures filled in, then its appendices.

    A paper is a Markdown file in the plan set's papers/ folder, with front matter
    (title, meeting, date, appendices); docs/papers.md lists the names its text may use.

    Example: ragplan paper plans/papers/board-2010-09.md -f docx -o board.docx
    """
    import ragplan.papers.kind  # noqa: F401  (the paper's report kind, registered)
    from ragplan.papers.check import find_paper, made_line, make_paper

    when = parse_date(as_of, "as_of")
    found: list[Path] = []

    def folder() -> Path:
        path, plan_folder = find_paper(name, plans)
        found.append(path)
        return plan_folder

    def make(folder: Path, options: RunOptions, warnings: list[Any]) -> Any:
        from ragplan.plansets import load_valid

        path = found[0]
        if options.verbose:
            typer.echo(f"ragplan: paper {display_path(path)}", err=True)
        plan_set = load_valid(folder, use_cache=options.use_cache, warnings=warnings)
        return make_paper(path, plan_set, when)

    def checked(made: Any) -> None:
        if not run_options(ctx).quiet:
            typer.echo(made_line(found[0], made))

    where = ReportOutput(format, output, template, templates)
    run_report(ctx, "paper", where, folder, make, checked if check else None)
