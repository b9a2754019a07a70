"""Every report kind and every output format, in one registry each.

A report kind (summary, outstanding, indicators, diff, history, portfolio) names its templates and
gives its JSON and CSV contracts; a format turns any report into text or bytes.
A new format is one entry in FORMATS; a new report kind one entry in KINDS, or, made by
a layer above (board papers), registered with `register_kind`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ragplan.errors import TemplateError, UsageError
from ragplan.textsafe import csv_cell, show_controls

if TYPE_CHECKING:
    from ragplan.output.data import Rows
    from ragplan.reports.diff import PlanDiff
    from ragplan.reports.history import History
    from ragplan.reports.indicators import Indicators
    from ragplan.reports.outstanding import Outstanding
    from ragplan.reports.portfolio import Portfolio
    from ragplan.reports.summary import Summary

    # A kind registered by a layer above (a board paper) brings reports of its own class.
    Report = Summary | Outstanding | Indicators | PlanDiff | History | Portfolio | Any


def _lazy(where: str) -> Callable[..., Any]:
    """The function `module:name`, imported when first called: a run imports the code of
    the one report it makes, not of every kind's JSON, CSV and charts."""
    module, _, name = where.partition(":")

    def call(*args: Any) -> Any:
        return getattr(import_module(f"ragplan.{module}"), name)(*args)

    call.__qualname__ = call.__name__ = name
    return call


class RenderOptions(NamedTuple):
    """Where templates come from, whether compiled templates may be cached, and the width
    of the terminal plain text is printed on (None when it is piped or written to a
    file: then a table's row is one line, for scripts)."""

    plan_root: Path | None = None
    templates: Path | None = None
    template_file: Path | None = None
    use_cache: bool = True
    width: int | None = None


def _fields(report: Any) -> dict[str, Any]:
    """The report's fields, and the report itself as `report` (for the functions that
    read several of its fields, such as listed_line)."""
    return {**{f.name: getattr(report, f.name) for f in fields(report)}, "report": report}


def _diff_context(diff: Any) -> dict[str, Any]:
    from ragplan.output.views import diff_view

    # Board words for md, html, docx and pdf; plain text keeps the terminal's revisions,
    # ids and field names (`plain`, which the .txt templates show).
    view = diff_view(diff, board=True)
    context = {"heading": view.heading, "lead": view.lead, "tables": view.tables}
    return {**context, "plain": diff_view(diff), **_fields(diff)}


def _summary_context(summary: Any) -> dict[str, Any]:
    from ragplan.output.chartdata import since_chart, theme_chart

    return {**_fields(summary), "chart": theme_chart(summary), "trend": since_chart(summary)}


def _history_context(found: Any) -> dict[str, Any]:
    from ragplan.output.chartdata import history_chart
    from ragplan.output.views import history_view

    view = history_view(found, board=True)
    context: dict[str, Any] = {"heading": view.heading, "lead": view.lead, "tables": view.tables}
    context["plain"] = history_view(found)  # the terminal's words, for plain text
    return {**context, **_fields(found), "chart": history_chart(found)}


class ReportKind(NamedTuple):
    """One kind of report: its name (the stem of its templates), the formats it comes in,
    the names its templates receive, its JSON and CSV contracts, its Word templates
    (the first found wins: diff.docx, else the tables.docx it shares with history), and
    how its Word document is made when rendering the template alone does not make it."""

    name: str
    formats: tuple[str, ...]
    context: Callable[[Any], dict[str, Any]]
    json: Callable[[Any], dict[str, Any]] | None
    csv: Callable[[Any], Rows] | None = None
    word: tuple[str, ...] = ()
    word_document: Callable[[Path, Any, RenderOptions], bytes] | None = None
    terminal: bool = True  # drawn as rich tables on a colour terminal (terminal.draw)


EVERY = ("text", "md", "html", "json", "csv", "docx", "pdf")
NO_CSV = tuple(f for f in EVERY if f != "csv")

# Each kind, by the name of the class of its reports.
KINDS: dict[str, ReportKind] = {
    "Summary": ReportKind(
        "summary",
        EVERY,
        _summary_context,
        _lazy("output.data:summary_json"),
        _lazy("output.data:summary_csv"),
        ("summary.docx",),
    ),
    "Outstanding": ReportKind(
        "outstanding",
        EVERY,
        _fields,
        _lazy("output.data:outstanding_json"),
        _lazy("output.data:outstanding_csv"),
        ("outstanding.docx",),
    ),
    "Indicators": ReportKind(
        "indicators",
        EVERY,
        _lazy("output.indicator_formats:indicators_context"),
        _lazy("output.indicator_formats:indicators_json"),
        _lazy("output.indicator_formats:indicators_csv"),
        ("indicators.docx",),
    ),
    "PlanDiff": ReportKind(
        "diff",
        NO_CSV,
        _diff_context,
        _lazy("output.data:diff_json"),
        word=("diff.docx", "tables.docx"),
    ),
    "History": ReportKind(
        "history",
        NO_CSV,
        _history_context,
        _lazy("output.data:history_json"),
        word=("history.docx", "tables.docx"),
    ),
    "Portfolio": ReportKind(
        "portfolio",
        EVERY,
        _lazy("output.portfolio_formats:portfolio_context"),
        _lazy("output.portfolio_formats:portfolio_json"),
        _lazy("output.portfolio_formats:portfolio_csv"),
        ("portfolio.docx",),
        terminal=False,
    ),
}


def register_kind(report_class: str, kind: ReportKind) -> None:
    """Add a kind of report made by a layer above this one (board papers register theirs):
    output never imports what it renders."""
    KINDS[report_class] = kind


def kind_of(report: Report) -> ReportKind:
    return KINDS[type(report).__name__]


def kind_named(name: str) -> ReportKind:
    return next(kind for kind in KINDS.values() if kind.name == name)


def embedded_word(options: RenderOptions) -> Callable[[Any], bytes]:
    """A report as its kind's Word template makes it, to be placed in another document (a
    paper's appendix): found where that document's templates are, without --template."""
    from ragplan.output.docx_report import render_docx

    own = options._replace(template_file=None)  # --template is the outer document's

    def embedded(report: Any) -> bytes:
        kind = kind_of(report)
        return render_docx(word_template(kind, own), {**kind.context(report), "embedded": True})

    return embedded


# Formats.


def _json(kind: ReportKind, report: Any, options: RenderOptions) -> str:
    import json

    assert kind.json is not None
    return json.dumps(kind.json(report), indent=2, ensure_ascii=False) + "\n"


def _csv(kind: ReportKind, report: Any, options: RenderOptions) -> str:
    import csv
    import io

    assert kind.csv is not None
    header, rows = kind.csv(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow(["" if c is None else csv_cell(c) for c in row])
    return out.getvalue()


def _template(extension: str) -> Callable[[ReportKind, Any, RenderOptions], str]:
    def render(kind: ReportKind, report: Any, options: RenderOptions) -> str:
        from ragplan.output.templates import render_template

        name = f"{kind.name}.{extension}.j2"
        text = render_template(
            {**kind.context(report), "embedded": False, "width": options.width},
            name,
            options.plan_root,
            options.templates,
            options.template_file,
            options.use_cache,
        )
        # Whatever a template forgets to escape, no control character reaches the terminal.
        text = show_controls(text)
        if options.width is not None:  # and whatever it leaves long wraps at words
            from ragplan.output.plaintext import fit_lines

            text = fit_lines(text, options.width)
        return text

    return render


def word_template(kind: ReportKind, options: RenderOptions) -> Path:
    """--template FILE.docx, else the first of the kind's Word templates found where the
    Jinja templates are."""
    from ragplan.output.templates import find_template

    template = options.template_file
    if template is not None:
        if not template.is_file():
            from ragplan.errors import UnreadablePathError
            from ragplan.paths import display_path

            raise UnreadablePathError(f"{display_path(template)}: no such file", field="template")
        if template.suffix.lower() != ".docx":
            message = (
                f"'{template.name}' is not a Word template (.docx), which {{format}} docx needs"
            )
            raise UsageError(message, field="template", mentions=("format",))
        return template
    for name in kind.word:
        try:
            return find_template(name, options.plan_root, options.templates)
        except TemplateError:
            continue
    raise TemplateError(f"template not found: {' or '.join(kind.word)}")


def _docx(kind: ReportKind, report: Any, options: RenderOptions) -> bytes:
    """The report rendered into its Word template (see word_template)."""
    from ragplan.output.docx_report import render_docx

    template = word_template(kind, options)
    if kind.word_document is not None:
        return kind.word_document(template, report, options)
    return render_docx(template, {**kind.context(report), "embedded": False})


def _needs_weasyprint() -> None:
    from ragplan.output.pdf import require_weasyprint

    require_weasyprint()


def _pdf(kind: ReportKind, report: Any, options: RenderOptions) -> bytes:
    """The HTML report, printed with print.css (found where templates are)."""
    from ragplan.output.pdf import html_to_pdf
    from ragplan.output.templates import find_template

    html = _template("html")(kind, report, options)
    css = find_template("print.css", options.plan_root, options.templates)
    return html_to_pdf(html, css.read_text(encoding="utf-8"), css.name)


class Format(NamedTuple):
    """An output format: `render` turns any report kind that has it into text or bytes.
    A binary format (`what` names its kind of file) is never printed on a terminal."""

    name: str
    extension: str
    help: str
    render: Callable[[ReportKind, Any, RenderOptions], str | bytes]
    templated: bool = False  # made from templates, so --template applies
    what: str | None = None  # 'a PDF': binary, and what to call it
    needs: Callable[[], None] | None = None  # raises MissingExtraError when it cannot run


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "txt", "plain text (a table on a terminal)", _template("txt"), True),
        Format("md", "md", "Markdown for a board paper", _template("md"), True),
        Format("html", "html", "one printable web page", _template("html"), True),
        Format("json", "json", "for scripts", _json),
        Format("csv", "csv", "for spreadsheets", _csv),
        Format("docx", "docx", "a Word document", _docx, True, "a Word document"),
        Format("pdf", "pdf", "a tagged PDF to print", _pdf, True, "a PDF", _needs_weasyprint),
    )
}


# Other names people give a format's files.
_EXTENSION_ALIASES = {"htm": "html", "markdown": "md"}
# Files people name that no report comes in: a report written there would be text under
# a name that promises a file its program cannot open.
FOREIGN_EXTENSIONS = {
    "xlsx": "an Excel workbook",
    "xlsm": "an Excel workbook",
    "xls": "an Excel workbook",
    "ods": "a LibreOffice spreadsheet",
    "pptx": "a PowerPoint presentation",
    "ppt": "a PowerPoint presentation",
    "odp": "a LibreOffice presentation",
    "odt": "a LibreOffice document",
    "doc": "an old Word document",
    "rtf": "a rich text document",
    "png": "an image",
    "jpg": "an image",
    "jpeg": "an image",
    "gif": "an image",
    "svg": "an image",
    "zip": "a zip archive",
}


def format_of_file(kind: str, name: Path) -> str | None:
    """The format a file name's extension names ('board.html': html), or None when it names
    none; UsageError for a kind of file report `kind` never comes as (.xlsx, .pptx...)."""
    extension = name.suffix.lower().lstrip(".")
    named = _EXTENSION_ALIASES.get(extension) or next(
        (f.name for f in FORMATS.values() if f.extension == extension), None
    )
    if named is None and extension in FOREIGN_EXTENSIONS:
        comes = kind_named(kind).formats
        suggestion = " (ragplan export writes the plan as a workbook)" if "xls" in extension else ""
        raise UsageError(
            f"{name}: {kind} does not come as {FOREIGN_EXTENSIONS[extension]} "
            f"(.{extension}); it comes as {', '.join(comes)}: name the file for one of them"
            f"{suggestion}",
            field="output",
        )
    return named


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """`report` in the format named `fmt`; UsageError (field 'format') if it has no such."""
    options = options or RenderOptions()
    kind = kind_of(report)
    if fmt not in kind.formats:
        raise UsageError(f"'{fmt}': use one of {', '.join(kind.formats)}", field="format")
    found = FORMATS[fmt]
    template = options.template_file
    if template is not None and template.suffix.lower() == ".docx" and fmt != "docx":
        message = f"'{template.name}' is a Word template: use it with {{format}} docx, not {fmt}"
        raise UsageError(message, field="template", mentions=("format",))
    try:
        if options.template_file is not None and not found.templated:
            # Any template file may be rendered, whatever format it makes.
            return _template(fmt)(kind, report, options)
        return found.render(kind, report, options)
    except TemplateError as exc:
        if template is None:
            raise
        raise _made_for_another(kind, template, str(exc)) from None


# What Jinja and Python say when a template asks for a name the report lacks.
_MISSING = re.compile(
    r"'(?:[\w.]*\.)?(?P<owner>\w+)(?: object)?' (?:object )?has no attribute '(?P<attr>[^']+)'"
    r"|'(?P<name>[^']+)' is undefined|(?P<undefined>Undefined)"
)


def _made_for_another(kind: ReportKind, template: Path, message: str) -> TemplateError:
    """A template that failed for want of a name: which report it was made for, when its
    file name says, else which name it uses that this report does not have. Any other
    failure, as it was."""
    from ragplan.paths import display_path

    missing = _MISSING.search(message)
    if missing is None:
        return TemplateError(message)
    shown = display_path(template)
    # outstanding.docx, outstanding.md.j2, outstanding-board.docx: made for outstanding.
    stem = re.split(r"[.\-_ ]", template.name.lower(), maxsplit=1)[0]
    made_for = next((k.name for k in KINDS.values() if k.name == stem), None)
    if made_for is not None and made_for != kind.name:
        return TemplateError(
            f"{shown} is a template for the {made_for} report, not for {kind.name} (its name "
            f"says so, and {kind.name} cannot fill it): use it with 'ragplan {made_for}', or "
            f"give {kind.name} a template made for it (docs/templates.md lists the names "
            "each report's templates receive)"
        )
    line = re.search(r":(\d+): ", message)
    where = f"{shown}:{line.group(1)}" if line else shown
    if missing["attr"]:
        name = f"'{missing['attr']}' (of a {missing['owner']})"
    elif missing["name"]:
        name = f"'{missing['name']}'"
    else:
        name = "a name"
    return TemplateError(
        f"{where}: uses {name}, which the {kind.name} report does not have: a misspelt name, "
        "or a template made for another report? docs/templates.md lists the names each "
        "report's templates receive"
    )
