"""Reading a portfolio file (portfolio.yaml): its title, date and members, each checked
against the declarations in schema.py, with every problem found kept with its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ragplan.errors import UnreadablePathError
from ragplan.model import DEFAULT_MAX_FILE_SIZE_MB
from ragplan.paths import display_path
from ragplan.problems import Problem
from ragplan.reading.convert import check_record
from ragplan.reading.schema import MEMBER, PORTFOLIO
from ragplan.reading.sources import PORTFOLIO_NAMES
from ragplan.reading.yamlload import YMap, parse
from ragplan.rules import reading as reading_rules
from ragplan.rules.portfolio_file import RULE

DEFAULT_REV = "HEAD"
DEFAULT_PLANS = "plans"


@dataclass(frozen=True)
class MemberSpec:
    """One member as the portfolio file names it: `path` (a plan folder) or `git` (a
    repository, read at `rev` in its folder `plans`), and where its entry starts."""

    name: str
    path: str | None
    git: str | None
    rev: str
    plans: str
    line: int
    column: int


@dataclass
class PortfolioFile:
    """A portfolio file as written: `file` is its path as messages name it."""

    path: Path
    file: str
    title: str = ""
    as_of: date | None = None
    members: list[MemberSpec] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def find_portfolio(path: Path) -> Path | None:
    """The portfolio file `path` names: the file itself, or the one in the folder."""
    if path.is_dir():
        return next((path / n for n in PORTFOLIO_NAMES if (path / n).is_file()), None)
    return path if path.name in PORTFOLIO_NAMES else None


def read_portfolio(path: Path, max_file_size_mb: int = DEFAULT_MAX_FILE_SIZE_MB) -> PortfolioFile:
    """The portfolio file at `path`, with every problem found reading it."""
    shown = display_path(path)
    found = PortfolioFile(path, shown)
    try:
        size = path.stat().st_size
        if size > max_file_size_mb * 1024 * 1024:
            message = (
                f"{shown} is {size / 1024 / 1024:.1f} MB, over the {max_file_size_mb} MB "
                "limit for a file"
            )
            found.problems.append(reading_rules.FILE_SIZE.problem(shown, 1, 1, message))
            return found
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadablePathError(f"{shown}: {exc.strerror or exc}") from None
    parsed = parse(data)
    problems: list[Problem] = list(parsed.problems)
    if parsed.root is None and not parsed.problems:
        problems.append(RULE.at(1, 1, "the portfolio file is empty; give its title and members"))
    elif parsed.root is not None:
        values = check_record(
            PORTFOLIO, parsed.root, parsed.root_mark, "the portfolio file", problems
        )
        if values is not None:
            found.title = values.get("title") or ""
            found.as_of = values.get("as_of")
            _members(values, parsed.root, found, problems)
    found.problems = sorted((p.in_file(shown) for p in problems), key=lambda p: p.sort_key)
    return found


def _members(values: dict[str, Any], root: Any, found: PortfolioFile, out: list[Problem]) -> None:
    items = values.get("members")
    if not items:
        if "members" not in values or items == []:
            assert isinstance(root, YMap)
            line, column = (root.marks["members"][2][:2]) if "members" in root.marks else (1, 1)
            out.append(RULE.at(line, column, "the portfolio lists no members; list at least one"))
        return
    seen: dict[str, int] = {}
    for number, (node, mark) in enumerate(items, 1):
        where = f"member {number}"
        member = check_record(MEMBER, node, mark, where, out)
        if member is None or not member.get("name"):
            continue
        name = member["name"]
        where = f"member '{name}'"
        line, column = mark[0], mark[1]
        if name.casefold() in seen:
            first = seen[name.casefold()]
            out.append(RULE.at(line, column, f"{where} is listed twice (first at line {first})"))
            continue
        seen[name.casefold()] = line
        path, git = (member.get(key) for key in MEMBER.one_of)
        if (path is None) == (git is None):
            out.append(
                RULE.at(
                    line,
                    column,
                    f"{where} needs one of 'path' (a plan folder) and 'git' (a repository), "
                    f"{'not both' if path is not None else 'and has neither'}",
                )
            )
            continue
        if path is not None and (member.get("rev") or member.get("plans")):
            out.append(
                RULE.at(
                    line,
                    column,
                    f"{where}: 'rev' and 'plans' go with 'git'; a 'path' member is read as "
                    "its folder is now",
                )
            )
            continue
        found.members.append(
            MemberSpec(
                name,
                path,
                git,
                member.get("rev") or DEFAULT_REV,
                member.get("plans") or DEFAULT_PLANS,
                line,
                column,
            )
        )
