"""Finding the plan set when no path is given, and saying which was used (-v)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_tree

from ragplan.cli.shared import resolve_plans
from ragplan.errors import UnreadablePathError
from ragplan.reading.disk import find_plan_set

THEME = 'id: "1"\nactions:\n  - id: "1.1"\n    summary: S\n    rag: green\n'


def test_plans_folder_in_the_current_folder(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/1.yaml": THEME})
    assert find_plan_set() == in_tmp / "plans"


def test_ragplan_yaml_in_the_current_folder(in_tmp: Path) -> None:
    write_tree(in_tmp, {"ragplan.yaml": "title: T\n", "1.yaml": THEME})
    assert find_plan_set() == in_tmp


def test_ragplan_yaml_wins_over_a_plans_folder_beside_it(in_tmp: Path) -> None:
    write_tree(in_tmp, {"ragplan.yml": "title: T\n", "plans/1.yaml": THEME})
    assert find_plan_set() == in_tmp


def test_ragplan_yaml_in_a_parent_folder(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(in_tmp, {"ragplan.yaml": "title: T\n", "notes/deep/x.txt": ""})
    monkeypatch.chdir(in_tmp / "notes" / "deep")
    assert find_plan_set() == in_tmp


def test_plans_folder_beside_a_parent(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(in_tmp, {"plans/1.yaml": THEME, "src/x.txt": ""})
    monkeypatch.chdir(in_tmp / "src")
    assert find_plan_set() == in_tmp / "plans"


def test_the_nearest_plan_set_wins(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(in_tmp, {"ragplan.yaml": "", "team/ragplan.yaml": "", "team/sub/x.txt": ""})
    monkeypatch.chdir(in_tmp / "team" / "sub")
    assert find_plan_set() == in_tmp / "team"


def test_no_plan_set_is_an_unreadable_path_error(in_tmp: Path) -> None:
    with pytest.raises(UnreadablePathError, match="no plan set found"):
        find_plan_set(in_tmp)
    run = run_cli("validate")
    assert run.code == 3
    assert run.err.startswith("ragplan: error: no plan set found")


def test_a_path_given_is_used_as_is(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/1.yaml": THEME})
    assert resolve_plans(Path("elsewhere")) == Path("elsewhere")


def test_verbose_says_which_plan_set_was_used(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(in_tmp, {"ragplan.yaml": "title: T\n", "1.yaml": THEME, "sub/x.txt": ""})
    monkeypatch.chdir(in_tmp / "sub")
    run = run_cli("-v", "validate")
    assert run.code == 0
    assert run.err == f"ragplan: using the plan set in {in_tmp}\n"
    assert run_cli("validate").err == ""


def test_verbose_names_the_discovered_plans_folder_relative_to_here(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/1.yaml": THEME})
    assert run_cli("--verbose", "validate").err == "ragplan: using the plan set in plans\n"
