"""The command line: parse options, call the core, print, and map results to exit codes.

This is the only module that imports typer. Errors raised by the core are
translated to a one-line message and an exit code in `RagplanGroup.invoke`.
"""

from __future__ import annotations

import gc
import os
import sys
import typing
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
                from ragplan.output.problems import parsable

                for line in parsable(exc.problems):
                    typer.echo(line, err=True)
            from ragplan.output.textsafe import one_line

            typer.echo(f"ragplan: error: {one_line(str(exc))}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("ragplan: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_PROBLEMS) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Every option of every command (and its --help, which a command's context
        # makes from the help option names it inherits from this one). A typer
        # without this conversion layer keeps its own.
        params = list(self.get_params(ctx))
        for command in self.commands.values():
            inherits = "help_option_names" not in command.context_settings
            params += command.get_params(ctx) if inherits else command.params
        if _typer_conversion() is not None:
            for param in params:
                if getattr(param, "_runtime_param", False) is None and hasattr(
                    param, "type_descriptor"
                ):
                    param._runtime_param = _PlainValues()  # type: ignore[attr-defined]
        return super().parse_args(ctx, args)


def _typer_conversion() -> tuple[Any, Any] | None:
    """Typer's conversion functions that _PlainValues uses, if this typer has them."""
    try:
        from typer._coercion import build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:
        return None
    return build_runtime_param, coerce_cli_path


class _PlainValues:
    """Typer's conversion of an option's value, without a pydantic adapter for plain values.

    Typer converts every option's value with a pydantic TypeAdapter, and
    importing pydantic takes longer than reading a council's whole plan set.
    Text, whole numbers in range and paths are converted here as typer does;
    any other value (so every value typer would refuse, with its message) goes
    to typer's own conversion.
    """

    def __init__(self) -> None:
        self.typer_runtime: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        desc = param.type_descriptor
        info = desc.parameter_info
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        if info.parser is None and desc.file_annotation is None:
            if desc.is_list and isinstance(value, (list, tuple)):
                (item_type,) = typing.get_args(desc.annotation)
                items = [self._plain(item_type, info, item, param, ctx) for item in value]
                if all(item is not _NOT_PLAIN for item in items):
                    return items
            elif not desc.is_list and not desc.is_tuple:
                converted = self._plain(desc.annotation, info, value, param, ctx)
                if converted is not _NOT_PLAIN:
                    return converted
        if self.typer_runtime is None:
            build_runtime_param, _ = _typer_conversion()  # type: ignore[misc]
            self.typer_runtime = build_runtime_param(desc)
        return self.typer_runtime.coerce(value, param=param, ctx=ctx)

    @staticmethod
    def _plain(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, str) or not value:
            return _NOT_PLAIN
        if annotation is str:
            return value
        if annotation is int and value.isascii() and value.isdigit() and not info.clamp:
            number = int(value)
            if (info.min is None or number >= info.min) and (
                info.max is None or number <= info.max
            ):
                return number
        if annotation is Path and info.path_type is None:
            _, coerce_cli_path = _typer_conversion()  # type: ignore[misc]
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        return _NOT_PLAIN


_NOT_PLAIN = object()


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
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Print the version and exit. Example: ragplan --version",
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
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print only problems and requested output. Example: ragplan -q validate",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Say which plan set is used, and more. Example: ragplan -v validate",
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read every plan file afresh, neither using nor filling the cache of "
            "parsed files in $XDG_CACHE_HOME/ragplan (also: RAGPLAN_NO_CACHE=1). "
            "Example: ragplan --no-cache summary",
        ),
    ] = False,
) -> None:
    """ragplan: plans as files, RAG reports from them."""
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter("use auto, always or never", param_hint="--color")
    Settings.color, Settings.quiet, Settings.verbose = color, quiet, verbose
    from ragplan.reading import cache

    cache.switched_off = no_cache
    # click strips colour codes from output that is not a terminal unless told otherwise.
    ctx.color = {"always": True, "never": False}.get(color)


def resolve_plans(path: Path | None) -> Path:
    """The plan folder a command works on: the one given, or the one discovered."""
    from ragplan.reading.disk import display_path, find_plan_set

    found = path if path is not None else find_plan_set()
    if Settings.verbose:
        typer.echo(f"ragplan: using the plan set in {display_path(found)}", err=True)
    return found


DryRunOpt = Annotated[
    bool,
    typer.Option(
        "--dry-run", "-n", help="Print the diff of what would change; write nothing. Example: -n"
    ),
]


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
    from ragplan.checks.validate import validate as run_validate
    from ragplan.output import problems as problem_format

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
        colour = format == "standard" and use_colour()
        lines = {
            "parsable": lambda: problem_format.parsable(problems),
            "github": lambda: problem_format.github(problems),
            "standard": lambda: problem_format.standard(problems, colour),
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
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to FILE instead of printing it. Example: -o board.md",
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


def _earlier(plans: Path, rev: str | None) -> Any:
    """For --since: the revision as named and the valid plan set read there; else None."""
    if rev is None:
        return None
    from ragplan.reports.since import load_previous

    return rev, load_previous(plans, rev)


def _print_report(
    report: Any,
    format: str,
    plan_root: Path,
    output: Path | None,
    template: Path | None,
    templates: Path | None,
) -> None:
    """Render `report` in `format` and print it, or write it to `output`."""
    from ragplan.output.render import render

    if format not in REPORT_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
    if format == "text" and output is None and template is None and use_colour():
        from ragplan.output import terminal

        typer.echo(terminal.draw(report), nl=False, color=True)
        return
    text = render(report, format, plan_root, templates, template)
    if output is None:
        typer.echo(text, nl=False)
        return
    from ragplan.files import atomic_write
    from ragplan.reading.disk import display_path

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
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="Add the counts at this git revision (a tag, branch, commit) and the "
            "direction of travel per theme and overall. Example: --since board-2010-07",
        ),
    ] = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """How many actions have each status, overall and per theme, and how many are overdue.

    Example: ragplan summary --format md plans
    """
    from ragplan.checks.validate import load_valid
    from ragplan.reports.report import summarise

    folder = resolve_plans(plans)
    plan_set = load_valid(folder)
    report = summarise(plan_set, as_of.date() if as_of else None, by, _earlier(folder, since))
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
        bool,
        typer.Option(
            "--overdue", help="Only actions due before the report date. Example: --overdue"
        ),
    ] = False,
    as_of: AsOfOpt = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="Add each action's status at this git revision (a tag, branch, commit) and "
            "whether it is new to the list. Example: --since board-2010-07",
        ),
    ] = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """The actions whose status is not done, by theme and section: the board's appendix.

    Example: ragplan outstanding --format md --status amber,red plans
    """
    from ragplan.checks.validate import load_valid
    from ragplan.reports.report import Filters, find_outstanding

    filters = Filters(_split(status), _split(theme), tuple(lead or ()), overdue)
    folder = resolve_plans(plans)
    plan_set = load_valid(folder)
    earlier = _earlier(folder, since)
    report = find_outstanding(plan_set, as_of.date() if as_of else None, filters, earlier)
    _print_report(report, format, plan_set.root, output, template, templates)


def _split(values: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (values or "").split(",") if v.strip())


# Ecosystem: init, schema.


@app.command()
def init(
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
    from ragplan.reading.disk import display_path

    written = init_plan_set(folder, date.today(), force, schemas_only, dry_run)
    if dry_run:
        typer.echo("".join(file.diff() for file in written), nl=False)
        if not Settings.quiet:
            for file in written:
                typer.echo(
                    f"would write {display_path(file.path)} (dry run: not written)", err=True
                )
    elif not Settings.quiet:
        for file in written:
            typer.echo(f"wrote {display_path(file.path)}")
        if not schemas_only:
            typer.echo("\n" + next_steps(folder))


@app.command()
def schema(
    config: Annotated[
        bool,
        typer.Option(
            "--config",
            help="The schema of ragplan.yaml instead. Example: ragplan schema --config",
        ),
    ] = False,
) -> None:
    """Print the JSON Schema (draft-07) of theme files, for editors and other checkers.

    Example: ragplan schema > schema/ragplan-theme.schema.json
    """
    from ragplan.reading.schema import json_schema_text

    typer.echo(json_schema_text("config" if config else "theme"), nl=False)


# Editing: set, carry-forward.


def _report_writes(messages: list[str], diffs: list[str], dry_run: bool) -> None:
    """Dry run: the diff on stdout, what would change on stderr. Else what changed."""
    if dry_run:
        typer.echo("".join(diffs), nl=False)
    if not Settings.quiet:
        for message in messages:
            typer.echo(message + (" (dry run: not written)" if dry_run else ""), err=dry_run)


@app.command("set")
def set_(
    action_id: Annotated[
        str, typer.Argument(metavar="ID", help="The action's id. Example: 1.3.6.1")
    ],
    plans: PlansArg = None,
    rag: Annotated[
        str | None,
        typer.Option(
            "--rag", metavar="STATUS", help="New status, a key of the scale. Example: --rag amber"
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
    from ragplan.editing.edit import set_action
    from ragplan.output.problems import parsable

    edit = set_action(
        resolve_plans(plans),
        action_id,
        rag=rag,
        note=note,
        append_note=append_note,
        due=due,
        lead_officer=lead_officer,
    )
    if not dry_run:
        edit.write()
    _report_writes([c.describe() for c in edit.changes], [edit.diff()], dry_run)
    for line in parsable(edit.warnings):
        typer.echo(line, err=True)


@app.command("carry-forward")
def carry_forward(
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
    from ragplan.output.problems import parsable

    carried = plan_carry_forward(resolve_plans(plans), to, title=title, force=force)
    if not dry_run:
        carried.write()
    _report_writes(carried.messages(), [f.diff() for f in carried.files], dry_run)
    for line in parsable(carried.warnings):
        typer.echo(line, err=True)


# History: diff, history.


HistoryFormat = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="text|md|html|json",
        help="text (a table on a terminal), md, html or json. Example: --format md",
    ),
]


def _history_output(format: str) -> tuple[int | None, bool]:
    """Terminal width when text goes to a terminal (drawn with rich), and whether in colour."""
    from ragplan.output.history_format import FORMATS

    if format not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if format != "text" or not sys.stdout.isatty():
        return None, False
    import shutil

    return shutil.get_terminal_size().columns, use_colour()


@app.command()
def diff(
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
    format: HistoryFormat = "text",
) -> None:
    """Show what changed in the plans since a git revision: actions added, removed,
    improved, worsened, re-dated or changed, and the counts per status before and after.

    Example: ragplan diff board-2010-07 --format md
    """
    from ragplan.output.history_format import render_diff
    from ragplan.reports.diff import plan_diff

    width, colour = _history_output(format)
    found = plan_diff(resolve_plans(plans), rev, to)
    typer.echo(render_diff(found, format, width, colour), nl=False)


@app.command()
def history(
    plans: PlansArg = None,
    tags: Annotated[
        bool, typer.Option("--tags", help="Count at every tag (the default). Example: --tags")
    ] = False,
    last: Annotated[
        int | None,
        typer.Option(
            "--last",
            metavar="N",
            min=1,
            help="Count at the last N commits touching the plans. Example: --last 12",
        ),
    ] = None,
    format: HistoryFormat = "text",
) -> None:
    """Show the counts per status at each tag, or at the last N commits that changed the
    plans, oldest first; the html format draws the trend.

    Example: ragplan history --last 12 --format html > trend.html
    """
    from ragplan.errors import UsageError
    from ragplan.output.history_format import render_history
    from ragplan.reports.history import history as count_history

    if tags and last is not None:
        raise UsageError("use --tags or --last N, not both")
    width, colour = _history_output(format)
    found = count_history(resolve_plans(plans), last)
    typer.echo(render_history(found, format, width, colour), nl=False)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def main() -> None:
    # One short run whose objects nearly all live until it exits: the cyclic
    # collector would only walk them (about 10 ms a pass on 10,000 actions).
    gc.disable()
    app()
