"""`ragplan init`: a plan set that validates cleanly, written only inside its folder."""

from __future__ import annotations

import json
import re
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import run_cli, write_tree

from ragplan.editing.scaffold import (
    INDICATOR_FILE,
    PAPER_FILE,
    THEME_FILE,
    PreCommitHook,
    init_plan_set,
    pre_commit_hook,
    starter_files,
)
from ragplan.editing.schemas import SCHEMA_FOLDER
from ragplan.editing.writer import commit
from ragplan.plansets import validate
from ragplan.reading import schema, schema_json

AS_OF = date(2010, 9, 20)


def _tree(root: Path) -> set[str]:
    """Every file under `root` but the lock file a writer leaves, which holds nothing."""
    found = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    return {name for name in found if not name.endswith("/.ragplan.lock")}


def test_init_writes_a_plan_set_that_validates_with_no_problems(in_tmp: Path) -> None:
    run = run_cli("init")
    assert run.code == 0, run.err
    assert _tree(in_tmp) == {
        "plans/ragplan.yaml",
        f"plans/{THEME_FILE}",
        f"plans/{INDICATOR_FILE}",
        f"plans/{PAPER_FILE}",
        "plans/.gitignore",
        f"plans/{SCHEMA_FOLDER}/ragplan-theme.schema.json",
        f"plans/{SCHEMA_FOLDER}/ragplan-config.schema.json",
        f"plans/{SCHEMA_FOLDER}/ragplan-indicators.schema.json",
        f"plans/{SCHEMA_FOLDER}/ragplan-paper.schema.json",
    }
    result = validate([in_tmp / "plans"])
    assert result.problems == []
    assert result.actions == 3
    assert run_cli("validate", "--strict").code == 0
    # Its indicators show each way of rating: counts, a relative and an absolute band.
    report = json.loads(run_cli("indicators", "-f", "json").out)["indicators"]
    assert [(i["id"], i["rating"], i["direction"]) for i in report] == [
        ("reports-on-time", "green", "improved"),
        ("days-to-minutes", "amber", "improved"),
    ]
    assert report[0]["values"][1]["value"] == 91.7  # 11 of 12, from the counts
    assert report[0]["summaries"] == [{"label": "Year to date", "value": 83.3, "computed": True}]
    # Its board paper takes every figure from the plan.
    paper = run_cli("paper", "-f", "md")
    assert paper.code == 0, paper.err
    month = f"{date.today():%B %Y}"  # init dates the plan today
    assert f"3.1 By {month} the status of the 3 actions is as follows:" in paper.out
    assert "- 1 action is 'red': little or no progress has been made" in paper.out
    assert "3.2 Appendix A lists the two outstanding\nactions." in paper.out
    assert "# Appendix B – Indicators" in paper.out


def test_init_writes_nothing_outside_the_folder_it_is_given(in_tmp: Path) -> None:
    write_tree(in_tmp, {"README.md": "mine\n"})
    assert run_cli("init", "deep/plan-set").code == 0
    assert _tree(in_tmp) == {"README.md"} | {f"deep/plan-set/{n}" for n in starter_files(AS_OF)}


def test_init_prints_what_it_wrote_the_pre_commit_snippet_and_next_steps(in_tmp: Path) -> None:
    run = run_cli("init", "my-plans")
    lines = run.out.splitlines()
    assert lines[:9] == [
        "wrote my-plans/ragplan.yaml",
        f"wrote my-plans/{THEME_FILE}",
        f"wrote my-plans/{INDICATOR_FILE}",
        f"wrote my-plans/{PAPER_FILE}",
        "wrote my-plans/.gitignore",
        f"wrote my-plans/{SCHEMA_FOLDER}/ragplan-theme.schema.json",
        f"wrote my-plans/{SCHEMA_FOLDER}/ragplan-config.schema.json",
        f"wrote my-plans/{SCHEMA_FOLDER}/ragplan-indicators.schema.json",
        f"wrote my-plans/{SCHEMA_FOLDER}/ragplan-paper.schema.json",
    ]
    assert "Next steps:" in lines
    assert "  2. Check the plan set:  ragplan validate my-plans" in lines
    assert textwrap.indent(PreCommitHook("my-plans").snippet, "    ") in run.out
    assert "entry: ragplan validate my-plans" in run.out


def test_quiet_init_prints_nothing(in_tmp: Path) -> None:
    run = run_cli("-q", "init")
    assert (run.code, run.out) == (0, "")
    assert (in_tmp / "plans" / "ragplan.yaml").is_file()


def test_init_refuses_to_overwrite_and_writes_nothing(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/ragplan.yaml": "title: Mine\n"})
    run = run_cli("init")
    assert run.code == 1
    assert run.err == (
        "ragplan: error: plans/ragplan.yaml already exists; use --force to overwrite\n"
    )
    assert _tree(in_tmp) == {"plans/ragplan.yaml"}
    assert (in_tmp / "plans" / "ragplan.yaml").read_text() == "title: Mine\n"


def test_init_force_overwrites(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/ragplan.yaml": "title: Mine\n"})
    assert run_cli("init", "--force").code == 0
    assert (in_tmp / "plans" / "ragplan.yaml").read_text().startswith("# yaml-language-server")


def test_init_schemas_only_refreshes_the_schemas_and_keeps_the_plans(in_tmp: Path) -> None:
    assert run_cli("init").code == 0
    stale = in_tmp / "plans" / SCHEMA_FOLDER / "ragplan-theme.schema.json"
    stale.write_text("{}")
    (in_tmp / "plans" / SCHEMA_FOLDER / "ragplan-indicators.schema.json").unlink()
    (in_tmp / "plans" / "ragplan.yaml").write_text("title: Mine\n")
    run = run_cli("init", "--schemas-only")
    assert run.code == 0
    # The theme schema knows the scale ragplan.yaml has now: the default one.
    assert stale.read_text() == schema_json.json_schema_text("theme", ("green", "amber", "red"))
    indicators = in_tmp / "plans" / SCHEMA_FOLDER / "ragplan-indicators.schema.json"
    assert indicators.read_text() == schema_json.json_schema_text("indicators")
    assert (in_tmp / "plans" / "ragplan.yaml").read_text() == "title: Mine\n"
    assert "Next steps" not in run.out


def test_init_on_a_file_is_an_error(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans": "not a folder"})
    run = run_cli("init")
    assert (run.code, run.err) == (1, "ragplan: error: plans: not a folder\n")


def test_init_does_not_follow_a_schema_folder_symlink_out_of_the_plan_folder(
    in_tmp: Path,
) -> None:
    (in_tmp / "elsewhere").mkdir()
    (in_tmp / "plans").mkdir()
    (in_tmp / "plans" / SCHEMA_FOLDER).symlink_to(in_tmp / "elsewhere")
    assert run_cli("init", "--force").code == 1
    assert list((in_tmp / "elsewhere").iterdir()) == []


def test_starter_files_show_every_field_of_the_format() -> None:
    files = starter_files(AS_OF)
    theme = files[THEME_FILE]
    config = files["ragplan.yaml"]
    indicators = files[INDICATOR_FILE]
    for record, text in [
        (schema.THEME, theme),
        (schema.SECTION, theme),
        (schema.ACTION, theme),
        (schema.CONFIG, config),
        (schema.STATUS, config),
        (schema.INDICATOR_FILE, indicators),
        (schema.INDICATOR, indicators),
        (schema.PERIOD_VALUE, indicators),
        (schema.AGGREGATE, indicators),
    ]:
        for field in record.fields:
            written = rf"(^\s*(- )?|{{|, ){field.name}:"
            assert re.search(written, text, re.M), (record.name, field.name)


def test_starter_files_point_editors_at_the_schemas_they_come_with(tmp_path: Path) -> None:
    written = commit(tmp_path, lambda: init_plan_set(tmp_path, AS_OF))
    paths = [file.path for file in written.files]
    for path in paths:
        if path.suffix == ".yaml":
            first = path.read_text().splitlines()[0]
            target = first.removeprefix("# yaml-language-server: $schema=")
            assert target != first
            assert (path.parent / target).is_file()
            inside = (path.parent / target).resolve().is_relative_to(tmp_path.resolve())
            assert inside, "relative to the file, inside the folder"


def test_starter_config_uses_the_date_given() -> None:
    config = yaml.safe_load(starter_files(AS_OF)["ragplan.yaml"])
    assert config["as_of"] == AS_OF
    assert "September 2010" in starter_files(AS_OF)["ragplan.yaml"]


@pytest.mark.parametrize(
    ("folder", "matches", "ignores"),
    [
        (
            "plans",
            ["plans/1.yaml", "plans/ragplan.yaml", "plans/x.yml", "plans/papers/board.md"],
            [
                "other/1.yaml",
                "myplans/1.yaml",
                "plans/.schema/t.json",
                "plans.yaml",
                "plans/README.md",
            ],  # fmt: skip
        ),
        ("docs/my plans", ["docs/my plans/1.yaml"], ["my plans/1.yaml", "docs/my plansx/1.yaml"]),
        (
            ".",
            ["1.yaml", "ragplan.yml", "indicators/t.yaml", "papers/p.md"],
            ["sub/1.yaml", "README.md", "sub/papers/p.md"],
        ),
    ],
)
def test_printed_hook_pattern_matches_the_plan_folder_only(
    folder: str, matches: list[str], ignores: list[str]
) -> None:
    hook = yaml.safe_load(PreCommitHook(folder).snippet)["repos"][0]["hooks"][0]
    assert hook["pass_filenames"] is False
    for path in matches:
        assert re.search(hook["files"], path), path
    for path in ignores:
        assert not re.search(hook["files"], path), path


def test_hook_paths_are_relative_to_the_git_repository(in_tmp: Path) -> None:
    write_tree(in_tmp, {"repo/.git/HEAD": "ref: refs/heads/main\n"})
    assert pre_commit_hook(in_tmp / "repo" / "team" / "plans").folder == "team/plans"
    assert pre_commit_hook(in_tmp / "repo").folder == "."


def test_dry_run_prints_the_files_and_writes_nothing(in_tmp: Path) -> None:
    run = run_cli("init", "--dry-run", "newplans")
    assert run.code == 0
    assert not (in_tmp / "newplans").exists()
    assert "--- /dev/null\n+++ newplans/ragplan.yaml\n" in run.out
    assert "+title: " in run.out
    assert "would write newplans/ragplan.yaml (dry run: not written)" in run.err
    # What the dry run shows is what a real run writes.
    assert run_cli("init", "newplans").code == 0
    written = (in_tmp / "newplans" / "ragplan.yaml").read_text(encoding="utf-8")
    shown = run.out.split("+++ newplans/ragplan.yaml\n", 1)[1].split("--- ", 1)[0]
    assert "".join(line[1:] + "\n" for line in shown.splitlines()[1:]) == written
