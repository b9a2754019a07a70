"""Turn validation problems into text: standard, parsable, github, json, junit or sarif.

JUnit XML (one test case per file, a failure per problem) is read by GitLab, Azure
DevOps, Jenkins and most other CI systems; SARIF 2.1.0 by GitHub code scanning and the
editors and dashboards that show static analysis results in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ragplan.problems import Problem
from ragplan.textsafe import one_line


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


@dataclass(frozen=True)
class Outcome:
    """What a format needs: the problems to show, the files checked, and the verdict."""

    problems: list[Problem]
    checked: list[str]
    failed: bool
    strict: bool
    colour: bool


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


def _fails(problem: Problem, strict: bool) -> bool:
    return problem.level == "error" or strict


def junit(outcome: Outcome) -> Iterator[str]:
    """JUnit XML: a test case per file checked; each problem that fails the run is a
    failure, a warning that does not is written to the test case's output."""
    from xml.sax.saxutils import quoteattr

    def esc(text: str) -> str:
        from xml.sax.saxutils import escape

        return escape(one_line(text))

    by_file: dict[str, list[Problem]] = {name: [] for name in outcome.checked}
    for problem in outcome.problems:
        by_file.setdefault(problem.file, []).append(problem)
    failures = sum(1 for ps in by_file.values() if any(_fails(p, outcome.strict) for p in ps))
    head = f'name="ragplan validate" tests="{len(by_file)}" failures="{failures}" errors="0"'
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield f"<testsuites {head}>"
    yield f'  <testsuite {head} skipped="0">'
    for name, problems in by_file.items():
        case = f'classname="ragplan.validate" name={quoteattr(one_line(name))}'
        if not problems:
            yield f"    <testcase {case}/>"
            continue
        yield f"    <testcase {case}>"
        failing = [p for p in problems if _fails(p, outcome.strict)]
        if failing:
            first = failing[0]
            count = f"{len(failing)} problem{'s' if len(failing) != 1 else ''}"
            message = quoteattr(one_line(f"{count}: {first.message}"))
            yield f"      <failure type={quoteattr(first.rule)} message={message}>"
            for line in parsable(failing):
                yield f"{esc(line)}"
            yield "      </failure>"
        passing = [p for p in problems if not _fails(p, outcome.strict)]
        if passing:
            yield "      <system-out>"
            for line in parsable(passing):
                yield f"{esc(line)}"
            yield "      </system-out>"
        yield "    </testcase>"
    yield "  </testsuite>"
    yield "</testsuites>"


def sarif(outcome: Outcome) -> Iterator[str]:
    """SARIF 2.1.0: one run of ragplan, each rule that found something, and each problem
    located by file, line and column."""
    import json
    from urllib.parse import quote

    from ragplan import __version__
    from ragplan.rules.registry import RULES

    used = sorted({p.rule for p in outcome.problems})
    index = {rule: i for i, rule in enumerate(used)}
    rules = []
    for rule_id in used:
        rule = RULES.get(rule_id)
        entry: dict[str, object] = {"id": rule_id}
        if rule is not None:
            entry["shortDescription"] = {"text": rule.doc}
            entry["defaultConfiguration"] = {"level": rule.level}
        rules.append(entry)
    results = [
        {
            "ruleId": p.rule,
            "ruleIndex": index[p.rule],
            "level": "error" if _fails(p, outcome.strict) else "warning",
            "message": {"text": one_line(p.message)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": quote(p.file)},
                        "region": {"startLine": p.line, "startColumn": p.column},
                    }
                }
            ],
        }
        for p in outcome.problems
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "ragplan", "version": __version__, "rules": rules}},
                "artifacts": [{"location": {"uri": quote(name)}} for name in outcome.checked],
                "results": results,
            }
        ],
    }
    yield json.dumps(log, indent=2, ensure_ascii=False)


# Each format, by name: the lines it prints for an outcome.
FORMATS: dict[str, Callable[[Outcome], Iterable[str]]] = {
    "standard": lambda o: standard(o.problems, o.colour),
    "parsable": lambda o: parsable(o.problems),
    "github": lambda o: github(o.problems),
    "json": lambda o: as_json(o.problems, o.failed),
    "junit": junit,
    "sarif": sarif,
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
