"""What every command shares: the options given before (or after) the command, the plan
folder, colour, the names of options, and how reports and edits are written out."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from ragplan.errors import UsageError


class RunOptions(NamedTuple):
    """The global options (`-q`, `-v`, `--color`, `--no-cache`), passed to every command."""

    color: str = "auto"
    quiet: bool = False
    verbose: bool = False
    use_cache: bool = True


def run_options(ctx: typer.Context) -> RunOptions:
    found = ctx.find_root().obj
    return found if isinstance(found, RunOptions) else RunOptions()


def use_colour(options: RunOptions, stream: Any = None) -> bool:
    """Colour only on a terminal, never with NO_COLOR, always with --color always."""
    if options.color == "always":
        return True
    if options.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream or sys.stdout, "isatty", lambda: False)())


# The option a core field is given by, where it is not --<field with dashes>.
OPTION_NAMES = {
    "statuses": "--status",
    "themes": "--theme",
    "sections": "--section",
    "leads": "--lead",
    "lead_bodies": "--lead-body",
    "ratings": "--rating",
}


def option_name(field: str) -> str:
    return OPTION_NAMES.get(field, "--" + field.replace("_", "-"))


def resolve_plans(path: Path | None, options: RunOptions | None = None) -> Path:
    """The plan folder a command works on: the one given, or the one discovered."""
    from ragplan.paths import display_path
    from ragplan.reading.disk import find_plan_set

    found = path if path is not None else find_plan_set()
    if options is not None and options.verbose:
        typer.echo(f"ragplan: using the plan set in {display_path(found)}", err=True)
    return found


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def parse_date(value: str | None, field: str) -> date | None:
    """A date written YYYY-MM-DD; UsageError, in words, for one that is not."""
    if value is None:
        return None
    text = value.strip()
    parts = text.split("-")
    if len(parts) != 3 or len(parts[0]) != 4 or not all(p.isascii() and p.isdigit() for p in parts):
        message = f"'{value}' is not a date written YYYY-MM-DD, e.g. 2010-09-20"
        raise UsageError(message, field=field)
    year, month, day = (int(p) for p in parts)
    try:
        return date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            why = f"there is no month {month}"
        elif not 1 <= year:
            why = f"there is no year {year}"
        else:
            import calendar

            days = calendar.monthrange(year, month)[1]
            why = f"{_MONTHS[month - 1]} {year} has {days} days"
        raise UsageError(f"'{value}': that date does not exist ({why})", field=field) from None


def split_list(values: str | None) -> tuple[str, ...]:
    """A comma-separated option as its values, blanks dropped: 'amber, red' -> (amber, red)."""
    return tuple(v.strip() for v in (values or "").split(",") if v.strip())


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


PlansArg = Annotated[
    Path | None,
    typer.Argument(
        help="The plan folder. Default: ./plans, or the folder of a ragplan.yaml "
        "here or above. Example: plans",
        show_default=False,
    ),
]

AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
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


SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="REV",
        help="Compare with the plans at this git revision (a tag, branch, commit): the "
        "counts or statuses then, and the direction of travel. Example: --since board-2010-07",
    ),
]


def format_option(kind: str, help: str) -> Any:
    """The --format/-f option of report `kind` (declare it `Annotated[str, format_option(...)]`):
    its formats as the metavar, completed from the registry, with `help` saying what each
    gives."""
    from ragplan.cli import complete

    formats = {
        "summary": "text|md|html|json|csv|docx|pdf",
        "outstanding": "text|md|html|json|csv|docx|pdf",
        "indicators": "text|md|html|json|csv|docx|pdf",
        "diff": "text|md|html|json|docx|pdf",
        "history": "text|md|html|json|docx|pdf",
        "paper": "md|html|docx|pdf",
        "portfolio": "text|md|html|json|csv|docx|pdf",
    }
    return typer.Option(
        "--format",
        "-f",
        metavar=formats[kind],
        autocompletion=complete.formats_of(kind),
        help=help,
    )


DryRunOpt = Annotated[
    bool,
    typer.Option(
        "--dry-run", "-n", help="Print the diff of what would change; write nothing. Example: -n"
    ),
]


def check_format(
    kind: str, fmt: str, output: Path | None = None, ctx: typer.Context | None = None
) -> str:
    """The format to write, checked before any work: with -o and no --format, the one
    the file's extension names (-o board.html writes html); UsageError when --format and
    the extension disagree (html in board.docx would be a file that will not open), when
    report `kind` does not come in the format, or when a binary format would be printed
    on a terminal (it needs -o); MissingExtraError when the format needs a package this
    installation lacks."""
    from ragplan.output.formats import FORMATS, format_of_file, kind_named
    from ragplan.paths import display_path

    formats = kind_named(kind).formats
    named = None if output is None else format_of_file(kind, output)
    typed = ctx is None or _given(ctx, "format")
    if output is not None and named is not None and named != fmt and not typed:
        if named not in formats:
            raise UsageError(
                f"-o {display_path(output)}: {kind} does not come as {named}; it comes as "
                f"{', '.join(formats)} (name the file for one of them)"
            )
        fmt = named  # -o board.html alone writes html
    if fmt not in formats:
        raise UsageError(f"'{fmt}': use one of {', '.join(formats)}", field="format")
    if named == "text" and not FORMATS[fmt].what:
        named = None  # .txt is any plain text: Markdown, CSV and JSON are text too
    if output is not None and named is not None and named != fmt:
        raise UsageError(
            f"'{fmt}' does not match -o {display_path(output)}, whose extension says "
            f"{named}: give --format {named}, or name the file for {fmt} "
            f"(e.g. {output.with_suffix('.' + FORMATS[fmt].extension).name})",
            field="format",
        )
    found = FORMATS[fmt]
    if found.needs is not None:
        found.needs()
    if found.what is not None and output is None and sys.stdout.isatty():
        raise UsageError(
            f"{found.what} is not shown on a terminal: write it to a file with -o FILE, "
            f"e.g. -o {kind}.{found.extension} (or pipe it to a program)"
        )
    return fmt


def _given(ctx: typer.Context, name: str) -> bool:
    """Whether the user typed option `name` (not its default)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name != "DEFAULT"


BOM = "\ufeff"


def emit_report(
    ctx: typer.Context,
    report: Any,
    fmt: str,
    plan_root: Path | None,
    output: Path | None = None,
    template: Path | None = None,
    templates: Path | None = None,
) -> None:
    """Render `report` in `fmt` and print it (drawn as a table on a colour terminal), or
    write it to `output` whole or not at all."""
    from ragplan.output.formats import RenderOptions, kind_of, render

    options = run_options(ctx)
    if output is not None and str(output) == "-":
        output = None  # -o - is standard output, drawn and guarded as printing is
    fmt = check_format(kind_of(report).name, fmt, output, ctx)
    if output is not None:
        from ragplan.files import check_report_target

        check_report_target(output, plan_root)
    drawn = kind_of(report).terminal
    if fmt == "text" and output is None and template is None and drawn and use_colour(options):
        from ragplan.output.terminal import draw

        typer.echo(draw(report), nl=False, color=True)
        return
    width = None
    if fmt == "text" and output is None and sys.stdout.isatty():
        import shutil

        # The terminal's width (or COLUMNS): piped, a table's row stays one line.
        width = shutil.get_terminal_size().columns
    found = RenderOptions(plan_root, templates, template, options.use_cache, width)
    rendered = render(report, fmt, found)
    if output is None:
        if isinstance(rendered, bytes):
            sys.stdout.buffer.write(rendered)
            sys.stdout.flush()
        else:
            typer.echo(rendered, nl=False)
        return
    from ragplan.errors import UnreadablePathError
    from ragplan.files import write_report
    from ragplan.paths import display_path

    if isinstance(rendered, str):
        # A CSV file gets a byte-order mark, without which Excel on Windows reads UTF-8 as
        # another encoding ('£' as 'Â£'); on a pipe, where programs read it, none.
        data = (BOM if fmt == "csv" else "").encode("utf-8") + rendered.encode("utf-8")
    else:
        data = rendered
    write_report(output, data, sys.stdout.buffer, UnreadablePathError)
    if not options.quiet:
        typer.echo(f"ragplan: wrote {display_path(output)}", err=True)


class ReportOutput(NamedTuple):
    """Where and how a report command writes: the options every report command shares."""

    format: str
    output: Path | None = None
    template: Path | None = None
    templates: Path | None = None


def run_report(
    ctx: typer.Context,
    kind: str,
    where: ReportOutput,
    plans: Path | Callable[[], Path] | None,
    make: Callable[[Path, RunOptions, list[Any]], Any],
    instead: Callable[[Any], None] | None = None,
) -> None:
    """The one way a report is run: the format checked before any work, the plan folder
    found (`plans`, the one discovered, or what `plans()` finds), the report made by
    `make(folder, options, warnings)` (which reads and checks the
    plans through ragplan.plansets, adding the warnings of the plan set it reports on),
    those warnings reported, then the report printed or written (or, for a command's
    check-only mode, given to `instead`)."""
    fmt = check_format(kind, where.format, where.output, ctx)
    options = run_options(ctx)
    folder = resolve_plans(plans() if callable(plans) else plans, options)
    warnings: list[Any] = []
    report = make(folder, options, warnings)
    report_warnings(ctx, warnings)
    if instead is not None:
        instead(report)
        return
    emit_report(ctx, report, fmt, folder, where.output, where.template, where.templates)


# Warnings a report's reader must see: the report shows what the plan holds after them.
_ALWAYS_SHOWN = frozenset({"text-comment"})


def report_warnings(ctx: typer.Context, warnings: list[Any]) -> None:
    """A report of a plan set with warnings says so on stderr: in full where text was lost,
    else as a count (run validate for the rest)."""
    options = run_options(ctx)
    if options.quiet or not warnings:
        return
    from collections import Counter

    from ragplan.output.problem_formats import parsable

    shown = [w for w in warnings if w.rule in _ALWAYS_SHOWN]
    for line in parsable(shown):
        typer.echo(line, err=True)
    rest = Counter(w.rule for w in warnings if w.rule not in _ALWAYS_SHOWN)
    if rest:
        listed = ", ".join(f"{n} {rule}" for rule, n in sorted(rest.items()))
        count = sum(rest.values())
        typer.echo(
            f"ragplan: the plan set has {plural(count, 'warning')} ({listed}); "
            "run 'ragplan validate' to see them",
            err=True,
        )


def report_edits(ctx: typer.Context, edits: Any, diffs: list[str], dry_run: bool) -> None:
    """Dry run: the diff on stdout, what would change on stderr. Else what changed. Then
    any warnings the change adds."""
    from ragplan.output.problem_formats import parsable
    from ragplan.textsafe import one_line

    options = run_options(ctx)
    if dry_run:
        typer.echo("".join(diffs), nl=False)
    if not options.quiet:
        for message in edits.messages():
            shown = one_line(message)  # names from the plan: U+202E named, not obeyed
            typer.echo(shown + (" (dry run: not written)" if dry_run else ""), err=dry_run)
    for line in parsable(edits.warnings):
        typer.echo(line, err=True)
