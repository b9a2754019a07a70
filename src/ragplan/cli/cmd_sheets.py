"""Spreadsheets: `ragplan import` (a tracker becomes a plan set), `ragplan export` (the plan
as a workbook) and `ragplan collect` (workbooks out to lead officers, their updates back in).

openpyxl is imported only inside these commands, never by the everyday ones."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ragplan.cli.app import app
from ragplan.cli.shared import (
    AsOfOpt,
    DryRunOpt,
    PlansArg,
    parse_date,
    resolve_plans,
    run_options,
    split_list,
)
from ragplan.errors import SpreadsheetError, UsageError

ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Write into a folder that already holds files. Example: --force"),
]


def _say(line: str, *, err: bool = False) -> None:
    """A line of text from a spreadsheet, printed, never obeyed, by the terminal: its
    controls shown and its invisible and bidirectional characters (U+202E) named."""
    from ragplan.textsafe import one_line

    typer.echo(one_line(line), err=err)


@contextmanager
def _cells_named() -> Iterator[None]:
    """Print each cell at fault before the one-line error the app prints."""
    try:
        yield
    except SpreadsheetError as exc:
        for line in exc.problems:
            _say(line, err=True)
        raise


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
        done=split_list(done),
        title=title,
        force=force,
        allow_warnings=allow_warnings,
    )
    with _cells_named():
        imported = commit(to, lambda: import_plan(spreadsheet, to, options), dry_run=dry_run)
    _report(ctx, imported.messages(), [f.diff() for f in imported.files], dry_run)
    if not dry_run and not run_options(ctx).quiet:
        from ragplan.paths import display_path

        for file in imported.files:
            _say(f"wrote {display_path(file.path)}")


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


collect = typer.Typer(
    help="Send each lead officer a workbook of their actions; apply what they send back.\n\n"
    "Example: ragplan collect export plans --out returns",
    no_args_is_help=True,
)
app.add_typer(collect, name="collect")


@collect.command("export")
def collect_export(
    ctx: typer.Context,
    plans: PlansArg = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out", metavar="DIR", help="Folder for the workbooks. Example: --out returns/2010-10"
        ),
    ] = Path("returns"),
    by: Annotated[
        str,
        typer.Option(
            "--by",
            metavar="lead_officer|theme",
            help="One workbook per lead officer (joint leads get the action in each of "
            "their workbooks) or per theme. Example: --by theme",
        ),
    ] = "lead_officer",
    all_: Annotated[
        bool,
        typer.Option(
            "--all", help="Send every action, done ones too, not only outstanding. Example: --all"
        ),
    ] = False,
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
            help="Only this lead officer's actions (repeatable). Example: --lead 'AD CSC'",
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Write one workbook per lead officer holding their outstanding actions.

    Only RAG Rating (a list of the scale's labels), Notes and Due can be changed; a
    hidden sheet records what was sent, so `collect apply` can merge the return.

    Example: ragplan collect export plans --out returns/2010-10
    """
    from ragplan.editing.collect import Selection, export_workbooks
    from ragplan.editing.writer import write

    folder = _plans(ctx, plans)
    selection = Selection(all_, split_list(status), split_list(theme), tuple(lead or ()))
    exported = export_workbooks(folder, out, by=by, selection=selection, force=force)
    write(exported.files)  # each whole or not at all; not plan files, so no plan lock
    if not run_options(ctx).quiet:
        for line in exported.messages():
            _say(line)


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILES",
        help="The returned workbooks, or the export folder holding them (with its "
        "ragplan-collect.json), and the plan folder if it is not found from here. "
        "Example: returns/2010-10 plans",
        show_default=False,
    ),
]


@collect.command("apply")
def collect_apply(ctx: typer.Context, paths: PathsArg, dry_run: DryRunOpt = False) -> None:
    """Apply returned workbooks to the plan files, keeping every comment and line.

    Per field: a change made only in the workbook is applied, one made only in the
    plan since export is kept, and different changes to both are a conflict. A
    workbook with a conflict or a cell that cannot be used (a status not in the
    scale, a bad date, an edited Ref) is refused whole; the others are applied.
    Exit 1 if any is refused.

    Example: ragplan collect apply returns/*.xlsx plans --dry-run
    """
    from ragplan.editing.collect import apply_returns, returned_files
    from ragplan.editing.collectrecord import MANIFEST, read_manifest
    from ragplan.editing.writer import commit, write
    from ragplan.output.problem_formats import parsable

    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    for path in [p for p in files if p.name.startswith(("~$", ".~lock."))]:
        files.remove(path)  # what Excel and LibreOffice leave beside a workbook open on a desk
        program = "Excel" if path.name.startswith("~$") else "LibreOffice"
        typer.echo(f"skipped {path}: {program}'s lock file of an open workbook", err=True)
    for path in [p for p in files if p.name == MANIFEST]:
        files.remove(path)  # returns/2024-04/* names the export's own record too
    for export_folder in [f for f in folders if (f / MANIFEST).is_file()]:
        folders.remove(export_folder)  # an export folder: every return in it
        manifest = read_manifest(export_folder)
        if manifest is not None:
            files += [p for p in returned_files(export_folder, manifest) if p not in files]
    if len(folders) > 1:
        raise UsageError(
            "name one plan folder; the other paths are workbooks or export folders (holding "
            f"{MANIFEST}); got " + ", ".join(str(f) for f in folders)
        )
    if not files:
        raise UsageError("name the returned workbooks to apply")
    folder = _plans(ctx, folders[0] if folders else None)
    applied = commit(folder, lambda: apply_returns(folder, files), dry_run=dry_run)
    if not dry_run:
        write(applied.records)  # which returns were applied, beside them in the export folder
    options = run_options(ctx)
    if dry_run:
        typer.echo("".join(f.diff() for f in applied.files), nl=False)
    for result in applied.results:
        if result.refused:
            for line in result.lines():
                _say(line, err=True)
        elif not options.quiet:
            for line in result.lines():
                _say(
                    line + (" (dry run: not written)" if dry_run and line[:1] != " " else ""),
                    err=dry_run,
                )
    for line in parsable(applied.warnings):
        typer.echo(line, err=True)
    refused = applied.refused
    if refused:
        count = len(refused)
        total = len(applied.results)
        raise SpreadsheetError(
            f"{count} of {total} workbook{'' if total == 1 else 's'} refused; "
            "nothing from " + ("it" if count == 1 else "them") + " was applied"
        )


@collect.command("status")
def collect_status(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="The folder collect export wrote to. Example: returns/2010-10"
        ),
    ],
    plans: PlansArg = None,
) -> None:
    """Whose workbooks came back, what each would change, and whose are missing.

    Example: ragplan collect status returns/2010-10 plans
    """
    from ragplan.editing.collect import collect_status as status_of

    report = status_of(folder, _plans(ctx, plans))
    for line in report.lines():
        _say(line)


@app.command("export")
def export(
    ctx: typer.Context,
    plans: PlansArg = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="FILE", help="The workbook to write. Example: -o plan.xlsx"
        ),
    ] = Path("plan.xlsx"),
    layout: Annotated[
        str,
        typer.Option(
            "--layout",
            metavar="sheets|single",
            help="A sheet per theme, or one sheet of every action with a Theme column. "
            "Example: --layout single",
        ),
    ] = "sheets",
    as_of: AsOfOpt = None,
) -> None:
    """Write the whole plan set as an .xlsx workbook: a summary sheet of the counts, then
    the actions, a sheet per theme (or one sheet).

    Example: ragplan export plans -o plan.xlsx
    """
    from ragplan.files import atomic_write
    from ragplan.paths import display_path
    from ragplan.plansets import load_valid
    from ragplan.sheets.planbook import plan_workbook

    options = run_options(ctx)
    when = parse_date(as_of, "as_of")
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"'{output}': name the workbook .xlsx", field="output")
    plan_set = load_valid(_plans(ctx, plans), use_cache=options.use_cache)
    atomic_write(output, plan_workbook(plan_set, when, layout))
    if not options.quiet:
        typer.echo(f"wrote {display_path(output)}")
