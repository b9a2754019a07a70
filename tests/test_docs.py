"""The documentation is checked against the code: every command and option is documented."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from cli_reference import REFERENCE, REGENERATE, command_at, command_paths, reference
from conftest import REPO

# Options every command gets from typer itself, documented by typer.
BUILT_IN = {"help", "install_completion", "show_completion"}


def _documented_params(path: tuple[str, ...]) -> list[Any]:
    return [p for p in command_at(path).params if p.name not in BUILT_IN and not p.hidden]


def test_cli_reference_is_current() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == reference(), (
        f"docs/cli.md is stale; regenerate it: {REGENERATE}"
    )


def test_cli_reference_does_not_depend_on_the_terminal_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    wide = reference()
    monkeypatch.setenv("COLUMNS", "40")
    assert reference() == wide


def test_the_reference_finds_every_command() -> None:
    assert {(), ("validate",), ("init",), ("schema",)} <= set(command_paths())


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(("ragplan", *p)))
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    assert re.search(r"^\s*Example: ragplan", command_at(path).help or "", re.M)


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(("ragplan", *p)))
def test_every_option_and_argument_has_help_with_an_example(path: tuple[str, ...]) -> None:
    missing = [p.name for p in _documented_params(path) if "Example: " not in (p.help or "")]
    assert missing == []


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(("ragplan", *p)))
def test_every_command_and_option_appears_in_the_reference(path: tuple[str, ...]) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    title = " ".join(("ragplan", *path))
    assert f"\n## {title}\n" in text
    section = text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]
    for param in _documented_params(path):
        for name in getattr(param, "opts", []):
            if name.startswith("-"):
                assert re.search(rf"(^|[\s,]){re.escape(name)}\b", section, re.M), name


@pytest.mark.parametrize("path", command_paths()[1:], ids=lambda p: " ".join(("ragplan", *p)))
def test_every_command_is_shown_in_the_readme(path: tuple[str, ...]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"ragplan {' '.join(path)}" in readme


def test_readme_links_the_reference_and_the_ci_guide() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "(docs/cli.md)" in readme
    assert "(docs/github-actions.md)" in readme


def test_github_actions_example_installs_ragplan_and_validates() -> None:
    text = (REPO / "docs" / "github-actions.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert block, "docs/github-actions.md has no workflow"
    workflow = yaml.safe_load(block[1])
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = [s.get("run", "") for s in steps]
    assert any("pip install" in r and "ragplan" in r for r in runs)
    assert any(re.search(r"^ragplan validate\b", r, re.M) for r in runs)
    assert "--format" not in " ".join(runs), "github format is chosen automatically"
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key on as true
    assert "pull_request" in triggers


def test_architecture_doc_lists_every_module() -> None:
    from architecture_doc import DOC, current_doc

    assert DOC.read_text(encoding="utf-8") == current_doc(), (
        "docs/architecture.md is stale; regenerate it: python tests/architecture_doc.py"
    )
