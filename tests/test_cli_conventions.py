"""Conventions every command follows: --version, completion, -q, --color, CI output."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree

from ragplan import __version__
from ragplan.cli.shared import RunOptions, use_colour

BROKEN = {"plans/1.yaml": 'id: "1"\nactions:\n  - id: "1.1"\n    summary: S\n    rag: purple\n'}


def test_version() -> None:
    run = run_cli("--version")
    assert (run.code, run.out) == (0, f"ragplan {__version__}\n")


def test_shell_completion_can_be_installed() -> None:
    out = run_cli("--help").out
    assert "--install-completion" in out
    assert "--show-completion" in out


def test_validate_chooses_github_annotations_under_github_actions(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(in_tmp, BROKEN)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    run = run_cli("validate")
    assert run.code == 1
    assert run.out.startswith("::error file=plans/1.yaml,line=5,col=10,title=unknown-status::")


def test_validate_is_parsable_outside_github_actions_when_piped(in_tmp: Path) -> None:
    write_tree(in_tmp, BROKEN)
    run = run_cli("validate")
    assert run.out.startswith("plans/1.yaml:5:10: [error] ")


@pytest.mark.parametrize(
    ("value", "coloured"), [("auto", False), ("always", True), ("never", False)]
)
def test_color_accepts_its_three_values(value: str, coloured: bool) -> None:
    run = run_cli("--color", value, "summary", EXAMPLE_PLANS)
    assert run.code == 0
    assert ("\x1b[" in run.out) is coloured  # piped: colour only when asked for


def test_color_rejects_other_values() -> None:
    run = run_cli("--color", "sometimes", "schema")
    assert run.code == 2
    assert "auto, always or never" in run.err


@pytest.mark.parametrize(
    ("color", "no_color", "expected"),
    [("always", "1", True), ("never", "", False), ("auto", "1", False), ("auto", "", False)],
)
def test_use_colour(
    color: str, no_color: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", no_color)

    class NotATerminal:
        def isatty(self) -> bool:
            return False

    assert use_colour(RunOptions(color=color), NotATerminal()) is expected


def test_auto_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    assert use_colour(RunOptions(), Terminal()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(RunOptions(), Terminal()) is False


def test_color_always_colours_validate_output(in_tmp: Path) -> None:
    write_tree(in_tmp, BROKEN)
    plain = run_cli("--color", "never", "validate", "--format", "standard")
    coloured = run_cli("--color", "always", "validate", "--format", "standard")
    assert "\033[" not in plain.out
    assert "\033[31m" in coloured.out


@pytest.mark.parametrize("quiet", ["-q", "--quiet"])
def test_quiet_keeps_errors_and_drops_the_rest(quiet: str, in_tmp: Path) -> None:
    write_tree(
        in_tmp,
        {
            **BROKEN,
            "plans/2.yaml": 'id: "2"\nactions:\n  - id: "2.1"\n    summary: S\n    rag: red\n',
        },
    )
    loud = run_cli("validate", "--format", "standard")
    assert "missing-notes" in loud.out and "actions:" in loud.out
    run = run_cli(quiet, "validate", "--format", "standard")
    assert run.code == 1
    assert "unknown-status" in run.out
    assert "missing-notes" not in run.out
    assert "actions:" not in run.out, "no summary line when quiet"


@pytest.mark.parametrize(
    "args",
    [
        ["-q", "validate", "--format", "standard"],
        ["validate", "-q", "--format", "standard"],
        ["validate", "--format", "standard", "--quiet"],
    ],
)
def test_global_options_come_before_or_after_the_command(args: list[str], in_tmp: Path) -> None:
    write_tree(in_tmp, BROKEN)
    run = run_cli(*args)
    assert run.code == 1
    assert "unknown-status" in run.out and "actions:" not in run.out  # quiet: no tally


def test_an_option_value_that_looks_like_a_global_option_stays_a_value(in_tmp: Path) -> None:
    write_tree(
        in_tmp,
        {"plans/1.yaml": 'id: "1"\nactions:\n  - id: "1.1"\n    summary: S\n    rag: red\n'},
    )
    run = run_cli("set", "1.1", "--note", "-q", "--dry-run")
    assert run.code == 0, run.err
    assert "+    notes: -q" in run.out or "notes: '-q'" in run.out
    assert "1.1: notes added (dry run: not written)" in run.err  # not quiet


@pytest.mark.parametrize("args", [["summary", "--color", "always"], ["summary", "--color=always"]])
def test_color_after_the_command(args: list[str]) -> None:
    run = run_cli(*args, EXAMPLE_PLANS)
    assert run.code == 0 and "\x1b[" in run.out


def test_o_alone_writes_the_format_its_extension_names(in_tmp: Path) -> None:
    for name, starts in (
        ("s.html", b"<!DOCTYPE html>"),
        ("s.md", b"# Post-Inspection Action Plan: Implementation Status"),
        ("s.json", b"{"),
        ("s.csv", "\ufeffid,".encode()),
        ("s.txt", b"162 actions"),
        ("s.out", b"162 actions"),  # an extension no format has: the default, text
    ):
        run = run_cli("summary", EXAMPLE_PLANS, "-o", name)
        assert run.code == 0, run.err
        assert (in_tmp / name).read_bytes().startswith(starts), name


def test_a_format_the_extension_contradicts_is_refused_and_nothing_written(in_tmp: Path) -> None:
    run = run_cli("summary", EXAMPLE_PLANS, "-f", "md", "-o", "board.html")
    assert run.code == 2
    assert run.err == (
        "ragplan: error: --format 'md' does not match -o board.html, whose extension says "
        "html: give --format html, or name the file for md (e.g. board.md)\n"
    )
    assert not (in_tmp / "board.html").exists()
    run = run_cli("history", EXAMPLE_PLANS, "-o", "history.csv")
    assert run.code == 2
    assert "history does not come as csv; it comes as text, md, html, json" in run.err
