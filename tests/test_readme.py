"""Every console example in the README and docs/ is what ragplan prints.

Each ```console block is run, command by command, in a copy of the example repository
that `example_repository` builds: the example plans as of September 2010, committed and
tagged `board-2010-09`, on top of the same plans as they stood in July 2010 (tagged
`board-2010-07`: nine actions then amber, one red) and a first commit with no plans yet
(tagged `v0.1`, as a software release would be). A line under a command is what it
prints (its standard error first, then its output); `...` stands for any lines. A
command shown without output must run without a usage error.

A block preceded by `<!-- example: NAME -->` runs in another sandbox: `purple`, where
action 1.3.6.1's status is 'Purple' (what validate says of a broken plan); `tracker`, an
empty folder holding the fire service's tracker.xlsx of tests/workbooks.py (import);
`stale-paper`, where the board paper names `counts.totl`;
`returns`, the repository after `collect export plans --out returns/2010-10`, with
AD CSC's workbook back (1.3.6.1 amber, with a note) and David Sadler's back with
'Purple' pasted over the dropdown.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli
from gitrepo import GitRepo

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(
    r"(?:(?P<indent> *)<!-- example: (?P<scenario>[\w-]+) -->\n)? *```console\n(?P<body>.*?) *```",
    re.S,
)

# July 2010: these nine were still amber, and 1.3.6.3 was red.
JULY_AMBER = [f"1.3.1.{i}" for i in range(1, 9)] + ["1.2.1.1"]
JULY_RED = ["1.3.6.3"]


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for doc in DOCS:
        if doc.name == "cli.md":
            continue  # generated from --help and tested by test_docs.py
        text = doc.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            body = textwrap.dedent(m.group("body"))  # a block may sit in a list item
            found.append((f"{doc.name}:{line}", m.group("scenario") or "repository", body))
    return found


@pytest.fixture(scope="session")
def example_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    repo = GitRepo(root)
    repo.commit(
        {"README.md": "Our plans, kept in git.\n"}, "Start", "v0.1", "2010-06-01T09:00:00+0100"
    )
    shutil.copytree(EXAMPLE_PLANS, root / "plans")
    july = root / "plans"
    for ident in JULY_AMBER:
        assert run_cli("-q", "set", ident, july, "--rag", "amber", "--note", "Underway.").code == 0
    for ident in JULY_RED:
        assert run_cli("-q", "set", ident, july, "--rag", "red").code == 0
    for path in july.glob("*.yaml"):  # July's as_of
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("as_of: 2010-09-20", "as_of: 2010-07-19"), encoding="utf-8")
    (july / ".ragplan.lock").unlink(missing_ok=True)
    repo.commit({}, "As reported in July", "board-2010-07", "2010-07-19T10:00:00+0100")
    shutil.rmtree(july)
    shutil.copytree(EXAMPLE_PLANS, july)
    repo.commit({}, "As reported in September", "board-2010-09", "2010-09-20T10:00:00+0100")
    return root


def _returns(root: Path) -> None:
    import openpyxl

    folder = root / "returns" / "2010-10"
    assert run_cli("-q", "collect", "export", "plans", "--out", folder).code == 0

    def edit(name: str, cells: dict[tuple[int, int], str]) -> None:
        book = openpyxl.load_workbook(folder / name)
        for (row, column), value in cells.items():
            book["Updates"].cell(row=row, column=column).value = value
        book.save(folder / name)

    book = openpyxl.load_workbook(folder / "ad-csc.xlsx")
    row = next(r for r in range(5, 20) if book["Updates"].cell(row=r, column=2).value == "1.3.6.1")
    edit("ad-csc.xlsx", {(row, 6): "Amber", (row, 7): "Audit of assessments booked for November."})
    edit("david-sadler.xlsx", {(5, 6): "Purple"})


def _sandbox(scenario: str, template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    if scenario == "tracker":
        from workbooks import fire_tracker

        root.mkdir(parents=True)
        fire_tracker(root / "tracker.xlsx")
        return root
    shutil.copytree(template, root)
    if scenario == "returns":
        _returns(root)
    if scenario == "stale-paper":
        paper = root / "plans" / "papers" / "board-2010-09.md"
        text = paper.read_text(encoding="utf-8")
        paper.write_text(
            text.replace("{{ counts.total }} individual", "{{ counts.totl }} individual")
        )
    if scenario == "purple":
        theme = root / "plans" / "1.3-improvements-in-timeliness-of-assessments.yaml"
        text = theme.read_text(encoding="utf-8")
        start = text.index('id: "1.3.6.1"')
        at = text.index("rag: red", start)
        theme.write_text(text[:at] + "rag: Purple" + text[at + 8 :], encoding="utf-8")
    return root


def _commands(body: str) -> list[tuple[str, list[str]]]:
    commands: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    return commands


def _matches(expected: list[str], actual: list[str]) -> bool:
    """`expected` against `actual`, where a line '...' (indented or not) stands for any
    lines."""
    pattern = "".join(
        "(?:.*\n)*?" if line.strip() == "..." else re.escape(line) + "\n" for line in expected
    )
    return re.fullmatch(pattern, "".join(f"{a}\n" for a in actual)) is not None


EXAMPLES = _examples()


@pytest.mark.parametrize(("where", "scenario", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_console_example_is_what_ragplan_prints(
    where: str,
    scenario: str,
    body: str,
    example_repository: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(_sandbox(scenario, example_repository, tmp_path))
    for command, expected in _commands(body):
        words = shlex.split(command, comments=True)
        if not words or words[0] != "ragplan" or "&&" in words:
            continue  # set-up steps such as pip
        if ">" in words:  # output redirected to a file: just run it
            words = words[: words.index(">")]
        words = [  # the shell expands globs such as returns/2010-10/*.xlsx
            match
            for word in words
            for match in (sorted(glob.glob(word)) if "*" in word else [word])
        ]
        run = run_cli(*words[1:])
        assert "Traceback" not in run.err, (where, command, run.err)
        if not any(line.startswith("ragplan: error:") for line in expected):
            assert run.code != 2, (where, command, run.err)  # not a usage error
        if expected:
            actual = (run.err + run.out).splitlines()
            assert _matches(expected, actual), f"{where}: `{command}` prints:\n" + "\n".join(actual)
