"""Spreadsheets: `ragplan import` (a tracker becomes a plan set), `ragplan export` (the plan
as a workbook) and `ragplan collect` (workbooks out to lead officers, their updates back in).

openpyxl is imported only inside these commands, never by the everyday ones."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ragplan.cli.app import app
from ragplan.cli.common import DryRunOpt, PlansArg, resolve_plans, run_options
from ragplan.errors import SpreadsheetError, UsageError

ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Write into a folder that already holds files. Example: --force"),
]


def _say(line: str, *, err: bool = False) -> None:
    """A line of text from a spreadsheet, printed, never obeyed, by the terminal."""
    from ragplan.output.textsafe import show_controls

    typer.echo(show_controls(line), err=err)


@contextmanager
def _cells_named() -> Iterator[None]:
    """Print each cell at fault before the one-line error the app prints."""
    try:
        yield
    except SpreadsheetError as exc:
        for line in exc.problems:
            _say(line, err=True)
        raise


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


@app.command("import")
def import_(
    ctx: typer.Context,
    spreadsheet: Annotated[
        Path,
        typer.Argument(
            metavar="SPREADSHEET",
            help="The tracker: an .xlsx workbook or a .csv file. Example: tracker.xlsx",
        ),
    ],
    to: Annotated[
        Path,
        typer.Option(
            "--to", metavar="DIR", help="Folder for the new plan set. Example: --to plans"
        ),
    ],
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            metavar="NAME",
            help="Read only this sheet (default: every sheet with a header row). "
            "Example: --sheet 'Action Plan'",
        ),
    ] = None,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=COLUMN",
            help="Read this field from the column with this heading or letter (repeatable); "
            "fields: id, summary, rag, notes, due, lead_officer, lead_body, theme. "
            "Example: --map rag='Position' --map notes=H",
        ),
    ] = None,
    scale: Annotated[
        Path | None,
        typer.Option(
            "--scale",
            metavar="FILE",
            help="Match the statuses to the scale of this ragplan.yaml, by key or label. "
            "Example: --scale plans/ragplan.yaml",
        ),
    ] = None,
    done: Annotated[
        str | None,
        typer.Option(
            "--done",
            metavar="STATUSES",
            help="The statuses that mean complete, comma-separated (default: Complete, "
            "Completed, Done, Closed, Blue, Finished, Achieved). Example: --done Green",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="The plan's title (default: the title row above the header, else the file "
            "name). Example: --title 'Improvement Plan 2024'",
        ),
    ] = None,
    allow_warnings: Annotated[
        bool,
        typer.Option(
            "--allow-warnings",
            help="Write the plan set even if `ragplan validate --strict` would warn (e.g. an "
            "outstanding action with no notes). Example: --allow-warnings",
        ),
    ] = False,
    force: ForceOpt = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Turn a spreadsheet tracker into a plan set: one theme file per theme and a
    ragplan.yaml whose scale holds the statuses found.

    The header row is found by its column names; themes come from heading rows, a
    theme column, one sheet per theme or dotted refs; dates are read as Excel dates,
    31/12/2010 (day first), 2010-12-31 or Dec 2010. It prints what it did and every
    cell it could not use, and refuses a result `ragplan validate --strict` would fail.

    Example: ragplan import tracker.xlsx --to plans
    """
    from ragplan.editing.importer import ImportOptions, import_plan
    from ragplan.editing.writer import commit
    from ragplan.sheets.columns import parse_mapping

    if scale is not None and done is not None:
        raise UsageError("--done is for a new scale; the scale of --scale says what is done")
    options = ImportOptions(
        sheet=sheet,
        mapping=parse_mapping(map_ or []),
        scale_file=scale,
        done=_split(done),
        title=title,
        force=force,
        allow_warnings=allow_warnings,
    )
    with _cells_named():
        imported = commit(to, lambda: import_plan(spreadsheet, to, options), dry_run=dry_run)
    _report(ctx, imported.messages(), [f.diff() for f in imported.files], dry_run)
    if not dry_run and not run_options(ctx).quiet:
        from ragplan.reading.disk import display_path

        for file in imported.files:
            typer.echo(f"wrote {display_path(file.path)}")


def _report(ctx: typer.Context, messages: list[str], diffs: list[str], dry_run: bool) -> None:
    """Dry run: the diff on stdout, the report on stderr. Else the report on stdout."""
    if dry_run:
        typer.echo("".join(diffs), nl=False)
    if run_options(ctx).quiet:
        return
    for line in messages:
        _say(line, err=dry_run)
    if dry_run:
        typer.echo("(dry run: nothing was written)", err=True)


def _plans(ctx: typer.Context, plans: Path | None) -> Path:
    return resolve_plans(plans, run_options(ctx))
