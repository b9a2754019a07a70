"""The pre-commit hook this repository provides (.pre-commit-hooks.yaml)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from conftest import REPO


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["ragplan-validate"]
    hook: dict[str, Any] = hooks[0]
    return hook


def test_hook_validates_the_whole_plan_set_with_the_installed_package() -> None:
    hook = _hook()
    assert hook["entry"] == "ragplan validate"
    assert hook["language"] == "python"
    # Cross-file rules (unique ids) need every file, not just the changed ones.
    assert hook["pass_filenames"] is False


@pytest.mark.parametrize(
    "path",
    [
        "plans/1.1-ict.yaml",
        "plans/ragplan.yaml",
        "plans/6.yml",
        "team/plans/1.yaml",
        "ragplan.yaml",
        "ragplan.yml",
        "improvement/ragplan.yaml",
        "plans/papers/board-2010-09.md",
        "plans/indicators/timeliness.yaml",
    ],
)
def test_hook_runs_when_a_plan_file_changes(path: str) -> None:
    assert re.search(_hook()["files"], path)


@pytest.mark.parametrize(
    "path",
    [
        "README.md",
        "plans/.schema/ragplan-theme.schema.json",
        "schema/ragplan-theme.schema.json",
        "plans.yaml",
        "myplans/1.yaml",
        ".github/workflows/plans.yaml",
        "not-ragplan.yaml",
        "plans/notes.txt",
        "plans/README.md",
    ],
)
def test_hook_does_not_run_for_other_files(path: str) -> None:
    assert not re.search(_hook()["files"], path)


def test_readme_shows_the_pre_commit_config_a_user_adds() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n# \.pre-commit-config\.yaml\n(.*?)```", readme, re.S)
    assert blocks, "README has no .pre-commit-config.yaml example"
    ids = [h["id"] for b in blocks for r in yaml.safe_load(b)["repos"] for h in r["hooks"]]
    assert set(ids) == {"ragplan-validate"}
