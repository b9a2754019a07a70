"""The theme schema a plan set keeps in .schema/ knows its scale, so an editor (VS Code's
YAML extension) completes statuses and marks a wrong one; init writes it, and
`init --schemas-only` and `validate` bring it up to date when the scale changes
(issue 25, item 16)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from conftest import run_cli

THEME_SCHEMA = Path(".schema") / "ragplan-theme.schema.json"

THEME = """\
# yaml-language-server: $schema=.schema/ragplan-theme.schema.json
id: "2"
title: Finance
actions:
  - id: "2.1"
    summary: Close the accounts
    rag: RAG
    notes: Under way
"""


def _errors(folder: Path, rag: str) -> list[str]:
    """What the plan set's own theme schema says of a theme file with `rag: <rag>`, read
    as an editor reads YAML."""
    schema = json.loads((folder / THEME_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    document: Any = yaml.safe_load(THEME.replace("RAG", rag))
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(document)]


def _listed(folder: Path) -> list[str]:
    schema = json.loads((folder / THEME_SCHEMA).read_text(encoding="utf-8"))
    rag = schema["definitions"]["action"]["properties"]["rag"]
    keys: list[str] = rag["anyOf"][0]["enum"]
    return keys


def test_init_writes_a_theme_schema_that_knows_the_starter_scale(in_tmp: Path) -> None:
    assert run_cli("init", "pi").code == 0
    assert _listed(in_tmp / "pi") == ["green", "amber", "red", "withdrawn"]
    for written in ("amber", "Amber", "WITHDRAWN", " red "):
        assert _errors(in_tmp / "pi", written) == [], written
    assert _errors(in_tmp / "pi", "purple")  # check-jsonschema passed this before
    assert _errors(in_tmp / "pi", "ambre")


def test_validate_refreshes_the_schema_when_ragplan_yaml_changes_its_scale(
    in_tmp: Path,
) -> None:
    assert run_cli("init", "pi").code == 0
    config = in_tmp / "pi" / "ragplan.yaml"
    # The officer replaces the colours by the phrases import writes.
    text = config.read_text(encoding="utf-8")
    text = text.replace("key: green", "key: on-track").replace("key: red", "key: at-risk")
    config.write_text(text, encoding="utf-8")
    for theme in (in_tmp / "pi").glob("*.yaml"):
        if theme.name != "ragplan.yaml":
            body = theme.read_text(encoding="utf-8")
            body = body.replace("rag: green", "rag: on-track").replace("rag: red", "rag: at-risk")
            theme.write_text(body, encoding="utf-8")
    shutil.rmtree(in_tmp / "pi" / "papers")  # its text names actions.red
    assert _errors(in_tmp / "pi", "at-risk")  # stale: the old scale
    run = run_cli("validate", "pi")
    assert run.code == 0, run.out
    assert _listed(in_tmp / "pi") == ["on-track", "amber", "at-risk", "withdrawn"]
    assert _errors(in_tmp / "pi", "At-Risk") == []
    assert _errors(in_tmp / "pi", "green")
    before = (in_tmp / "pi" / THEME_SCHEMA).stat().st_mtime_ns
    assert run_cli("validate", "pi").code == 0
    assert (in_tmp / "pi" / THEME_SCHEMA).stat().st_mtime_ns == before  # current: not rewritten


def test_init_schemas_only_writes_the_scale_of_the_plan_set_there(in_tmp: Path) -> None:
    assert run_cli("init", "pi").code == 0
    config = in_tmp / "pi" / "ragplan.yaml"
    config.write_text(
        "title: Tracker\nscale:\n  - {key: complete, label: Complete, done: true}\n"
        "  - {key: off-track, label: Off track}\n",
        encoding="utf-8",
    )
    run = run_cli("init", "--schemas-only", "pi")
    assert run.code == 0, run.err
    assert _listed(in_tmp / "pi") == ["complete", "off-track"]
    assert _errors(in_tmp / "pi", "Off-Track") == []


def test_validate_writes_no_schema_where_init_wrote_none(in_tmp: Path) -> None:
    assert run_cli("init", "pi").code == 0
    schemas = in_tmp / "pi" / ".schema"
    for path in schemas.iterdir():
        path.unlink()
    schemas.rmdir()
    assert run_cli("validate", "pi").code == 0
    assert not schemas.exists()


def test_a_broken_ragplan_yaml_leaves_the_schema_as_it_was(in_tmp: Path) -> None:
    assert run_cli("init", "pi").code == 0
    before = (in_tmp / "pi" / THEME_SCHEMA).read_bytes()
    config = in_tmp / "pi" / "ragplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "scale: [oops\n", encoding="utf-8")
    assert run_cli("validate", "pi").code == 1
    assert (in_tmp / "pi" / THEME_SCHEMA).read_bytes() == before
