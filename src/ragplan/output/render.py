"""Turn report data into text: Jinja templates (md, html, text), JSON, CSV, terminal tables.

Templates are looked up in one Jinja environment whose search path is, in
order: the folder given with --templates, the plan set's own templates/
folder, and the built-in templates shipped as the package ragplan.templates.
Every filter templates may use is registered in `get_env`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from ragplan.errors import TemplateError
from ragplan.output.textsafe import (
    csv_cell,
    drop_controls,
    md_cell,
    md_text,
    show_controls,
)
from ragplan.reading.disk import display_path
from ragplan.reports.report import Count, Outstanding, OutstandingAction, Previous, Summary, percent

if TYPE_CHECKING:
    from ragplan.reports.since import Travel

Report = Summary | Outstanding

# File name of each built-in template: <report>.<format>.j2
TEMPLATE_FORMATS = {"md": "md", "html": "html", "text": "txt"}

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def html_lines(value: object) -> Markup:
    """`value` escaped for HTML, with its line breaks kept as <br>."""
    if value is None:
        return Markup("")
    lines = drop_controls(str(value)).strip().split("\n")
    return Markup("<br>\n").join(escape(line) for line in lines)


def month(value: date) -> str:
    """'September 2010'."""
    return f"{_MONTHS[value.month - 1]} {value.year}"


def long_date(value: date) -> str:
    """'20 September 2010'."""
    return f"{value.day} {month(value)}"


def plural(word: str, n: int, many: str | None = None) -> str:
    """`word` for one, `many` (default: word + 's') otherwise: 'action' | plural(n)."""
    if n == 1:
        return word
    return many if many is not None else word + "s"


def headline(total: int, counts: Sequence[Count], overdue: int = 0) -> str:
    """'162 actions: 150 green / 11 amber / 1 red', then '; 3 overdue' if any are."""
    tally = " / ".join(f"{c.count} {c.status.label.lower()}" for c in counts)
    line = f"{total} {plural('action', total)}: {tally}"
    return f"{line}; {overdue} overdue" if overdue else line


def since_name(previous: Previous) -> str:
    """'July 2010 (board-2010-07)': the month of that plan's as_of and the revision as named."""
    if previous.as_of is None:
        return previous.rev
    return f"{month(previous.as_of)} ({previous.rev})"


def travel_sentence(previous: Previous, done: int, total: int, direction: Travel) -> str:
    """'In July 2010 (board-2010-07), 140 of the 162 actions were done (86%);
    now 150 are done (92%): ↑ improved.'"""
    when = f"In {since_name(previous)}" if previous.as_of else f"At {previous.rev}"
    was = plural("was", previous.done, "were")
    now = plural("is", done, "are")
    if previous.total == total:
        then = f"{previous.done} of the {total} {plural('action', total)} {was} done"
        now = f"now {done} {now} done"
    else:
        actions = plural("action", previous.total)
        then = f"{previous.done} of {previous.total} {actions} {was} done"
        now = f"now {done} of {total} {now} done"
    return (
        f"{when}, {then} ({previous.percent_done}%); {now} ({percent(done, total)}%): {direction}."
    )


def new_sentence(previous: Previous, actions: Sequence[OutstandingAction]) -> str:
    """'Compared with July 2010 (board-2010-07), 2 of the 12 actions listed are new to
    the list (not in the plan then, or done then).'"""
    new = sum(1 for a in actions if a.new)
    listed = f"{len(actions)} {plural('action', len(actions))} listed"
    return (
        f"Compared with {since_name(previous)}, {new} of the {listed} "
        f"{plural('is', new, 'are')} new to the list (not in the plan then, or done then)."
    )


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]], align: str = "") -> str:
    """A plain-text table with aligned columns; `align` has 'l' or 'r' per column."""
    cells = [[show_controls(str(c)).replace("\n", " ") for c in row] for row in rows]
    heads = [str(h) for h in headers]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(heads)]

    def line(row: Sequence[str]) -> str:
        parts = []
        for i, cell in enumerate(row):
            right = i < len(align) and align[i] == "r"
            parts.append(cell.rjust(widths[i]) if right else cell.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(heads), rule, *(line(r) for r in cells)])


def builtin_templates() -> Path:
    """The folder of the default templates, inside the installed package."""
    from importlib import import_module

    # A plain package on disk: its file's folder (importlib.resources costs more).
    return Path(str(import_module("ragplan.templates").__file__)).parent


def search_path(plan_root: Path | None, templates: Path | None) -> list[Path]:
    """Where templates are looked up, first match wins."""
    found = []
    if templates is not None:
        if not templates.is_dir():
            raise TemplateError(f"--templates {display_path(templates)}: not a folder")
        found.append(templates)
    if plan_root is not None and (plan_root / "templates").is_dir():
        found.append(plan_root / "templates")
    found.append(builtin_templates())
    return found


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs, keyed on each template's source; a cache
    folder that cannot be read or written just means compiling again."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except Exception:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    from ragplan.reading import cache

    if not cache.enabled():
        return None
    try:
        folder = cache.cache_dir() / "templates"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # read-only or full disk, or no home folder
        return None
    return _QuietBytecodeCache(str(folder))


def get_env(folders: list[Path]) -> jinja2.Environment:
    """The one Jinja environment: strict about undefined names, escaping HTML."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "htm", "html.j2", "htm.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md_cell=md_cell,
        md_text=md_text,
        html_lines=html_lines,
        terminal=show_controls,
        month=month,
        long_date=long_date,
        plural=plural,
    )
    env.filters.update(since_name=since_name)
    env.globals.update(
        text_table=text_table,
        headline=headline,
        travel_sentence=travel_sentence,
        new_sentence=new_sentence,
    )
    return env


def context(report: Report) -> dict[str, Any]:
    """The names a template receives: the report's fields (see docs/templates.md)."""
    return {f.name: getattr(report, f.name) for f in fields(report)}


def render_template(
    report: Report,
    name: str,
    plan_root: Path | None,
    templates: Path | None = None,
    template_file: Path | None = None,
) -> str:
    """Render the template `name` (or the file `template_file`) with the report's context."""
    folders = search_path(plan_root, templates)
    if template_file is not None:
        if not template_file.is_file():
            raise TemplateError(f"--template {display_path(template_file)}: no such file")
        folders.insert(0, template_file.parent)
        name = template_file.name
    env = get_env(folders)
    try:
        template = env.get_template(name)
        text = template.render(context(report))
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from None
    except jinja2.TemplateSyntaxError as exc:
        where = display_path(Path(exc.filename)) if exc.filename else name
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name}: {exc.message or exc}") from None
    return text.rstrip("\n") + "\n"


def template_name(report: Report, fmt: str) -> str:
    kind = "summary" if isinstance(report, Summary) else "outstanding"
    return f"{kind}.{TEMPLATE_FORMATS[fmt]}.j2"


# JSON and CSV: contracts for scripts, built here rather than in templates.


def summary_json(summary: Summary) -> str:
    def counts(group: Any) -> dict[str, int]:
        return {c.status.key: c.count for c in group.counts}

    def theme(group: Any) -> dict[str, Any]:
        found = {
            "id": group.id,
            "title": group.title,
            "lead_officer": group.lead_officer,
            "total": group.total,
            "counts": counts(group),
            "overdue": group.overdue,
        }
        if group.previous is not None:
            found["previous_counts"] = group.previous.scale_counts
            found["direction"] = group.direction.word
        return found

    data: dict[str, Any] = {
        "title": summary.title,
        "as_of": summary.as_of.isoformat(),
        "total": summary.total,
        "counts": counts(summary),
        "overdue": summary.overdue,
    }
    if summary.previous is not None and summary.direction is not None:
        data["previous"] = _previous_json(summary.previous)
        data["direction"] = summary.direction.word
    data["themes"] = [theme(t) for t in summary.themes]
    if summary.by != "theme":
        data["by"] = summary.by
        data["groups"] = [
            {"name": g.id, "total": g.total, "counts": counts(g), "overdue": g.overdue}
            for g in summary.groups
        ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _previous_json(previous: Previous) -> dict[str, Any]:
    """{"rev", "as_of", "total", "counts"}: counts by that revision's own status keys."""
    as_of = previous.as_of.isoformat() if previous.as_of is not None else None
    return {
        "rev": previous.rev,
        "as_of": as_of,
        "total": previous.total,
        "counts": previous.scale_counts,
    }


OUTSTANDING_FIELDS = (
    "id",
    "theme_id",
    "theme_title",
    "section_id",
    "section_title",
    "lead_body",
    "summary",
    "due",
    "lead_officer",
    "rag",
    "notes",
    "file",
    "line",
    "overdue",
)


# Added after the others with --since.
SINCE_FIELDS = ("previous_rag", "new")


def _action_record(action: OutstandingAction, since: bool = False) -> dict[str, Any]:
    record = {name: getattr(action, name) for name in OUTSTANDING_FIELDS}
    record["due"] = action.due.isoformat() if action.due else None
    if since:
        previous = action.previous_status
        record["previous_rag"] = previous.key if previous is not None else None
        record["new"] = action.new
    return record


def outstanding_json(outstanding: Outstanding) -> str:
    since = outstanding.previous is not None
    data: dict[str, Any] = {"as_of": outstanding.as_of.isoformat()}
    if outstanding.previous is not None:
        data["previous"] = _previous_json(outstanding.previous)
    data["actions"] = [_action_record(a, since) for a in outstanding.actions]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow(["" if c is None else csv_cell(c) for c in row])
    return out.getvalue()


def summary_csv(summary: Summary) -> str:
    keys = [s.key for s in summary.statuses]
    lead = ["id", "title", "lead_officer"] if summary.by == "theme" else [summary.by]
    header = [*lead, *keys, "total", "done", "percent_done", "overdue"]
    since = summary.previous is not None
    if since:
        header += [f"previous_{k}" for k in keys]
        header += ["previous_total", "previous_done", "previous_percent_done", "direction"]
    rows = []
    for g in summary.groups:
        named: list[object] = [g.id, g.title, g.lead_officer] if summary.by == "theme" else [g.id]
        row = [*named, *(c.count for c in g.counts), g.total, g.done, g.percent_done, g.overdue]
        if g.previous is not None and g.direction is not None:
            then = g.previous
            row += [*(c.count for c in then.counts), then.total, then.done, then.percent_done]
            row.append(g.direction.word)
        rows.append(row)
    return _csv(header, rows)


def outstanding_csv(outstanding: Outstanding) -> str:
    since = outstanding.previous is not None
    names = OUTSTANDING_FIELDS + SINCE_FIELDS if since else OUTSTANDING_FIELDS
    rows = []
    for action in outstanding.actions:
        record = _action_record(action, since)
        record["overdue"] = "overdue" if action.overdue else ""
        if since:
            record["new"] = "new" if action.new else ""
        rows.append([record[name] for name in names])
    return _csv(names, rows)


def render(
    report: Report,
    fmt: str,
    plan_root: Path | None,
    templates: Path | None = None,
    template_file: Path | None = None,
) -> str:
    """The report as text in format `fmt` (md, html, text, json or csv), or through a template."""
    if template_file is None and fmt in ("json", "csv"):
        if isinstance(report, Summary):
            return summary_json(report) if fmt == "json" else summary_csv(report)
        return outstanding_json(report) if fmt == "json" else outstanding_csv(report)
    name = "" if template_file is not None else template_name(report, fmt)
    # Whatever a template forgets to escape, no control character reaches the terminal.
    return show_controls(render_template(report, name, plan_root, templates, template_file))
