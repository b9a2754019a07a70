"""Reading a board paper: its front matter, its narrative, and the cover and appendix files
it names. Every problem is collected with its file and line; nothing here raises for what
a paper says, only for a paper file that cannot be read at all."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ragplan.errors import UnreadablePathError
from ragplan.model import DEFAULT_MAX_FILE_SIZE_MB
from ragplan.paths import display_path
from ragplan.problems import Problem
from ragplan.reading.convert import check_record, did_you_mean
from ragplan.reading.schema import APPENDIX, PAPER
from ragplan.reading.yamlload import BOM, YMap, decode, parse
from ragplan.rules.paper import RULE

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Appendix keys that choose which actions an outstanding report lists.
OUTSTANDING_FILTERS = ("status", "theme", "section", "lead", "lead_body", "overdue")


@dataclass(frozen=True)
class Part:
    """Markdown an officer wrote, and where: `file` as messages name it, `line` the line
    of the file its first line is on."""

    text: str
    file: str
    line: int


@dataclass
class AppendixSource:
    """One appendix as the front matter gives it; `line` is where its entry starts."""

    letter: str
    name: str
    title: str
    part: Part | None
    report: str | None
    options: dict[str, Any]
    line: int
    column: int
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class PaperSource:
    """A paper as written: `file` is its path as messages name it."""

    path: Path
    file: str
    title: str = ""
    meeting: str | None = None
    date: datetime.date | None = None
    author: str | None = None
    role: str | None = None
    contact: str | None = None
    as_of: datetime.date | None = None
    cover: Part | None = None
    body: Part | None = None
    appendices: list[AppendixSource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, column: int, message: str, file: str | None = None) -> None:
        self.problems.append(RULE.problem(file or self.file, line, column, message))


def _limit(path: Path, shown: str, max_mb: int) -> str | None:
    """Why the file is refused unread (over the size limit), else None."""
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        return (
            f"{shown} is {size / 1024 / 1024:.1f} MB, over the {max_mb} MB limit for a file "
            "(max_file_size_mb in ragplan.yaml)"
        )
    return None


def _text(data: bytes, paper: PaperSource, shown: str) -> str | None:
    if data.startswith(BOM):
        data = data[3:]
    text = decode(data)
    if not isinstance(text, str):
        paper.problems.append(text.in_file(shown))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_paper(path: Path, max_file_size_mb: int = DEFAULT_MAX_FILE_SIZE_MB) -> PaperSource:
    """The paper at `path`, with every problem found reading it and the files it names."""
    shown = display_path(path)
    paper = PaperSource(path, shown)
    try:
        too_big = _limit(path, shown, max_file_size_mb)
        data = b"" if too_big else path.read_bytes()
    except OSError as exc:
        raise UnreadablePathError(f"{shown}: {exc.strerror or exc}") from None
    if too_big:
        paper.problem(1, 1, too_big)
        return paper
    text = _text(data, paper, shown)
    if text is None:
        return paper
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        paper.problem(
            1,
            1,
            "a paper starts with its front matter: a line '---', then at least "
            "'title: ...', then a line '---'",
        )
        return paper
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        paper.problem(
            1,
            1,
            "the front matter opened by '---' on line 1 is never closed: end it with a "
            "line '---' before the paper's text",
        )
        return paper
    front = "\n".join(lines[1:close]) + "\n"
    paper.body = Part("\n".join(lines[close + 1 :]), shown, close + 2)
    _front_matter(paper, front, max_file_size_mb)
    return paper


def _shifted(problem: Problem, file: str, lines: int) -> Problem:
    """A problem of the front matter's YAML, placed in the paper file."""
    return Problem(
        file, problem.line + lines, problem.column, problem.level, problem.rule, problem.message
    )


def _front_matter(paper: PaperSource, front: str, max_mb: int) -> None:
    parsed = parse(front.encode())
    found: list[Problem] = list(parsed.problems)
    values = None
    if parsed.root is None and not parsed.problems:
        found.append(RULE.at(1, 1, "the front matter is empty; give at least 'title: ...'"))
    elif parsed.root is not None:
        values = check_record(PAPER, parsed.root, parsed.root_mark, "the front matter", found)
    paper.problems.extend(_shifted(p, paper.file, 1) for p in found)
    if values is None:
        return
    root = parsed.root
    assert isinstance(root, YMap)

    def at(key: str) -> tuple[int, int]:
        line, column, _ = root.marks[key][2]
        return line + 1, column

    paper.title = values.get("title") or ""
    for key in ("meeting", "date", "author", "role", "contact", "as_of"):
        setattr(paper, key, values.get(key))
    if values.get("cover"):
        paper.cover = _part(paper, values["cover"], *at("cover"), "cover", max_mb)
    items = values.get("appendices") or []
    if len(items) > len(LETTERS):
        line, column = at("appendices")
        paper.problem(line, column, f"a paper has at most {len(LETTERS)} appendices")
        items = items[: len(LETTERS)]
    for letter, (node, mark) in zip(LETTERS, items, strict=False):
        _appendix(paper, letter, node, mark, max_mb)


def _appendix(paper: PaperSource, letter: str, node: Any, mark: Any, max_mb: int) -> None:
    where = f"appendix {letter}"
    found: list[Problem] = []
    values = check_record(APPENDIX, node, mark, where, found)
    paper.problems.extend(_shifted(p, paper.file, 1) for p in found)
    if values is None:
        return
    marks = {key: (node.marks[key][2][0] + 1, node.marks[key][2][1]) for key in node.marks}
    line, column = node.line + 1, node.column
    report = values.get("report")
    name = values.get("name") or report
    if not name:
        paper.problem(
            line,
            column,
            f"{where} has no 'name': give it one, as its text calls it (name: headlines)",
        )
        name = f"appendix {letter}"
    taken = {a.name for a in paper.appendices}
    if name in taken:
        paper.problem(
            *marks.get("name", (line, column)),
            f"{where}: another appendix is already named '{name}'; give each its own name",
        )
    options = {k: values[k] for k in (*OUTSTANDING_FILTERS, "by") if k in values}
    _check_options(paper, where, report, options, marks)
    part = None
    if values.get("file"):
        part = _part(paper, values["file"], *marks["file"], where, max_mb)
    elif not report and "title" in values:
        paper.problem(
            line,
            column,
            f"{where} has neither 'file' nor 'report': give its text (file: ...), a "
            "report (report: outstanding), or both",
        )
    paper.appendices.append(
        AppendixSource(
            letter, name, values.get("title") or "", part, report, options, line, column, marks
        )
    )


def _check_options(
    paper: PaperSource,
    where: str,
    report: str | None,
    options: dict[str, Any],
    marks: dict[str, tuple[int, int]],
) -> None:
    """Filters only where the report takes them: an ignored filter is a wrong appendix."""
    allowed = {
        "outstanding": OUTSTANDING_FILTERS,
        "summary": ("by",),
        "indicators": ("theme",),
    }.get(report or "", ())
    for key in list(options):
        if key in allowed:
            continue
        takers = {
            "by": "report: summary",
            "theme": "report: outstanding or report: indicators",
        }.get(key, "report: outstanding")
        paper.problem(
            *marks[key],
            f"'{key}' in {where} applies only to {takers}; remove it or change the report",
        )
        del options[key]


def _part(
    paper: PaperSource, name: str, line: int, column: int, what: str, max_mb: int
) -> Part | None:
    """The Markdown file `name` next to the paper, or None after a problem at (line, column)."""
    folder = paper.path.parent
    target = folder / name
    try:
        inside = target.resolve().is_relative_to(folder.resolve())
    except OSError:
        inside = False
    if Path(name).is_absolute() or not inside:
        paper.problem(
            line,
            column,
            f"the {what} file '{name}' must be in the paper's folder ({display_path(folder)}); "
            "give its name there",
        )
        return None
    if not target.is_file():
        others = sorted(
            p.name
            for p in folder.glob("*.md")
            if p.is_file() and p.resolve() != paper.path.resolve()
        )
        hint = did_you_mean(name, others)
        if not hint:
            hint = f"; the Markdown files there are {', '.join(others)}" if others else ""
        paper.problem(
            line, column, f"the {what} file '{name}' is not in {display_path(folder)}{hint}"
        )
        return None
    shown = display_path(target)
    try:
        too_big = _limit(target, shown, max_mb)
        data = b"" if too_big else target.read_bytes()
    except OSError as exc:
        paper.problem(
            line, column, f"the {what} file {shown} cannot be read: {exc.strerror or exc}"
        )
        return None
    if too_big:
        paper.problem(line, column, too_big)
        return None
    text = _text(data, paper, shown)
    return None if text is None else Part(text, shown, 1)
