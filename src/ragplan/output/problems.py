"""Turn validation problems into text: parsable, standard, github or json."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ragplan.checks.problems import Problem
from ragplan.output.textsafe import one_line


def _shown(problems: list[Problem]) -> Iterator[Problem]:
    """Each problem as one line, its control characters (from the plan text) shown."""
    for p in problems:
        yield Problem(one_line(p.file), p.line, p.column, p.level, p.rule, one_line(p.message))


def parsable(problems: list[Problem]) -> Iterator[str]:
    for p in _shown(problems):
        yield f"{p.file}:{p.line}:{p.column}: [{p.level}] {p.message} ({p.rule})"


_RED, _YELLOW, _DIM, _BOLD, _RESET = "\033[31m", "\033[33m", "\033[2m", "\033[1m", "\033[0m"


def standard(problems: list[Problem], colour: bool) -> Iterator[str]:
    """Grouped by file, like yamllint's standard format."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    current = None
    for p in _shown(problems):
        if p.file != current:
            if current is not None:
                yield ""
            current = p.file
            yield paint(_BOLD, p.file)
        level = paint(_RED if p.level == "error" else _YELLOW, f"{p.level:<7}")
        where = f"{p.line}:{p.column}"
        yield f"  {where:<8} {level}  {p.message}  {paint(_DIM, f'({p.rule})')}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem]) -> Iterator[str]:
    """GitHub Actions workflow commands, shown as annotations on the pull request."""
    for p in problems:
        props = ",".join(
            (
                f"file={_escape_property(p.file)}",
                f"line={p.line}",
                f"col={p.column}",
                f"title={_escape_property(p.rule)}",
            )
        )
        message = _escape_data(f"{p.file}:{p.line}:{p.column}: {one_line(p.message)}")
        yield f"::{p.level}{' ' + props if props else ''}::{message}"


def as_json(problems: list[Problem], failed: bool) -> Iterator[str]:
    import json  # only for this format

    yield json.dumps(
        {
            "status": "fail" if failed else "ok",
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "level": p.level,
                    "rule": p.rule,
                    "message": p.message,
                }
                for p in problems
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


# Each format: (problems, whether they fail the run, whether in colour) -> lines.
FORMATS: dict[str, Callable[[list[Problem], bool, bool], Iterable[str]]] = {
    "standard": lambda problems, failed, colour: standard(problems, colour),
    "parsable": lambda problems, failed, colour: parsable(problems),
    "github": lambda problems, failed, colour: github(problems),
    "json": lambda problems, failed, colour: as_json(problems, failed),
}


def choose(name: str, on_terminal: bool) -> str:
    """The format `auto` stands for: github under GitHub Actions, standard on a
    terminal, parsable otherwise."""
    import os

    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "standard" if on_terminal else "parsable"
