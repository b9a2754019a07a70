"""Every report command runs the same way (cli.common.run_report): the format is checked
first, the plans are read and checked, their warnings are reported, then the report is
printed or written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from gitrepo import GitRepo

# An amber action without notes: valid, with one missing-notes warning.
THEME = """\
id: "1"
title: Theme
actions:
  - id: "1.1"
    summary: An action.
    rag: amber
"""
INDICATORS = """\
indicators:
  - id: visits
    title: Visits on time
    unit: percent
    values:
      - {period: Jan 10, value: 80}
"""
PAPER = "---\ntitle: A Paper\n---\nThe plan holds {{ counts.total }} actions.\n"


@pytest.fixture
def plans_with_a_warning(in_tmp: Path) -> Path:
    repo = GitRepo(in_tmp)
    files = {
        "plans/1.yaml": THEME,
        "plans/indicators/kpis.yaml": INDICATORS,
        "plans/papers/board.md": PAPER,
        "portfolio.yaml": "title: A Partnership\nmembers:\n  - name: Council\n    path: plans\n",
    }
    repo.commit(files, tag="board-1")
    repo.commit({"plans/1.yaml": THEME + '  - id: "1.2"\n    summary: Another.\n    rag: green\n'})
    return in_tmp / "plans"


COMMANDS = {
    "summary": ["summary", "plans"],
    "outstanding": ["outstanding", "plans"],
    "indicators": ["indicators", "plans"],
    "paper": ["paper", "plans/papers/board.md"],
    "diff": ["diff", "board-1", "plans"],
    "history": ["history", "plans"],
    "portfolio": ["portfolio", "portfolio.yaml"],
}


def test_every_report_command_is_listed_here() -> None:
    """A new report command must join this test (and run_report)."""
    from ragplan.output.formats import KINDS

    assert {kind.name for kind in KINDS.values()} | {"paper"} == set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_report_command_reports_the_plans_warnings(
    command: str, plans_with_a_warning: Path
) -> None:
    done = run_cli(*COMMANDS[command])
    assert done.code == 0, done.err
    assert "the plan set has 1 warning (1 missing-notes)" in done.err
    assert done.out  # and the report itself


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_report_command_checks_its_format_before_reading(command: str, in_tmp: Path) -> None:
    done = run_cli(*COMMANDS[command], "--format", "nonsense")
    assert done.code == 2
    assert "'nonsense': use one of" in done.err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_report_commands_format_option_names_the_formats_it_comes_in(command: str) -> None:
    from cli_reference import command_at

    import ragplan.papers.kind  # noqa: F401  (registers the paper)
    from ragplan.output.formats import kind_named

    (option,) = [p for p in command_at((command,)).params if p.name == "format"]
    assert option.metavar == "|".join(kind_named(command).formats)
