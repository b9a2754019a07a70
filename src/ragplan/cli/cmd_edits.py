"""Commands that change plan files: `set`, `carry-forward` and `init`. Each computes its
edits in the core and writes them through editing.writer.commit, under the plan
folder's lock."""

from pathlib import Path
from typing import Annotated

import typer

from ragplan.cli import complete
from ragplan.cli.app import app
from ragplan.cli.shared import DryRunOpt, PlansArg, report_edits, resolve_plans, run_options
from ragplan.errors import UsageError


@app.command("set")
def set_(
    ctx: typer.Context,
    action_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            autocompletion=complete.action_ids,
            help="The action's id. Example: 1.3.6.1",
        ),
    ],
    plans: PlansArg = None,
    rag: Annotated[
        str | None,
        typer.Option(
            "--rag",
            metavar="STATUS",
            autocompletion=complete.statuses,
            help="New status, a key of the scale. Example: --rag amber",
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            metavar="TEXT",
            help="Replace the progress notes. Example: --note 'Audit booked'",
        ),
    ] = None,
    append_note: Annotated[
        str | None,
        typer.Option(
            "--append-note",
            metavar="TEXT",
            help="Add a line to the end of the progress notes. Example: --append-note 'Done'",
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DATE", help="New end date. Example: --due 2011-03-31"),
    ] = None,
    lead_officer: Annotated[
        str | None,
        typer.Option(
            "--lead-officer",
            metavar="NAME",
            autocompletion=complete.lead_officers,
            help="New lead officer. Example: --lead-officer 'AD CSC'",
        ),
    ] = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Change one action in place; every other byte of its file stays as it was.

    The changed plan set is validated first: a change that would make it invalid
    is refused and nothing is written.

    Example: ragplan set 1.3.6.1 plans --rag amber --append-note "Audit booked."
    """
    from ragplan.editing.set_action import set_action
    from ragplan.editing.writer import commit

    if note is not None and append_note is not None:
        raise UsageError("give --note (replace the notes) or --append-note (add to them), not both")
    if all(v is None for v in (rag, note, append_note, due, lead_officer)):
        raise UsageError(
            "nothing to change: give --rag, --note, --append-note, --due or --lead-officer"
        )
    folder = resolve_plans(plans, run_options(ctx))
    edit = commit(
        folder,
        lambda: set_action(
            folder,
            action_id,
            rag=rag,
            note=note,
            append_note=append_note,
            due=due,
            lead_officer=lead_officer,
        ),
        dry_run=dry_run,
    )
    report_edits(ctx, edit, [f.diff() for f in edit.files], dry_run)


@app.command("carry-forward")
def carry_forward(
    ctx: typer.Context,
    to: Annotated[
        Path,
        typer.Option(
            "--to", metavar="DIR", help="Folder for the new plan set. Example: --to next-phase"
        ),
    ],
    plans: PlansArg = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="The new plan's title (default: the old title + ' (next phase)'). "
            "Example: --title 'Improvement Plan 2011'",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Write into a folder that already holds a plan set. Example: --force"
        ),
    ] = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Start the next phase plan: a new plan set holding every outstanding action.

    Ids, summaries, lead officers, notes, statuses, theme and section titles are
    kept; each action records where it came from in `carried_from`.

    Example: ragplan carry-forward plans --to next-phase --title "Improvement Plan 2011"
    """
    from ragplan.editing.carry import carry_forward as plan_carry_forward
    from ragplan.editing.writer import commit

    source = resolve_plans(plans, run_options(ctx))
    carried = commit(
        to,
        lambda: plan_carry_forward(source, to, title=title, force=force),
        dry_run=dry_run,
    )
    report_edits(ctx, carried, [f.diff() for f in carried.files], dry_run)


@app.command()
def init(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER", help="The folder for the new plan set. Example: ragplan init plans"
        ),
    ] = Path("plans"),
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overwrite files that exist. Example: ragplan init --force plans"
        ),
    ] = False,
    schemas_only: Annotated[
        bool,
        typer.Option(
            "--schemas-only",
            help="Only refresh the JSON Schemas in FOLDER/.schema/, e.g. after upgrading "
            "ragplan. Example: ragplan init --schemas-only plans",
        ),
    ] = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Start a plan set: a commented ragplan.yaml, one theme file, and JSON Schemas.

    Writes only inside FOLDER, refuses to overwrite files without --force, and
    prints the pre-commit configuration and the next steps.

    Example: ragplan init plans
    """
    from datetime import date

    from ragplan.editing.scaffold import init_plan_set, next_steps
    from ragplan.editing.writer import commit
    from ragplan.paths import display_path

    options = run_options(ctx)
    written = commit(
        folder,
        lambda: init_plan_set(folder, date.today(), force, schemas_only),
        dry_run=dry_run,
    )
    if dry_run:
        typer.echo("".join(file.diff() for file in written.files), nl=False)
        if not options.quiet:
            for file in written.files:
                typer.echo(
                    f"would write {display_path(file.path)} (dry run: not written)", err=True
                )
    elif not options.quiet:
        for file in written.files:
            typer.echo(f"wrote {display_path(file.path)}")
        if not schemas_only:
            typer.echo("\n" + next_steps(folder))
