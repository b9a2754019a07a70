"""The published JSON Schemas: current, and in agreement with the validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLE_PLANS, REPO, run_cli, write_tree

from ragplan.checks.validate import validate
from ragplan.reading.schema import SCHEMA_FILES, json_schema_text

REGENERATE = {
    "theme": "ragplan schema > schema/ragplan-theme.schema.json",
    "config": "ragplan schema --config > schema/ragplan-config.schema.json",
}


@pytest.mark.parametrize("record", sorted(SCHEMA_FILES))
def test_committed_schema_is_current(record: str) -> None:
    committed = (REPO / "schema" / SCHEMA_FILES[record]).read_text(encoding="utf-8")
    assert committed == json_schema_text(record), (
        f"schema/{SCHEMA_FILES[record]} is stale; regenerate it: {REGENERATE[record]}"
    )


@pytest.mark.parametrize(("args", "record"), [((), "theme"), (("--config",), "config")])
def test_schema_command_prints_the_committed_schema(args: tuple[str, ...], record: str) -> None:
    run = run_cli("schema", *args)
    assert run.code == 0
    assert run.out == (REPO / "schema" / SCHEMA_FILES[record]).read_text(encoding="utf-8")
    assert json.loads(run.out)["$schema"] == "http://json-schema.org/draft-07/schema#"


class _Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors' language servers do (YAML 1.2): 2010-09-20 stays text."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _as_editor_reads(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)  # noqa: S506


def _validator(record: str) -> jsonschema.Draft7Validator:
    schema = json.loads(json_schema_text(record))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("path", sorted(EXAMPLE_PLANS.glob("*.yaml")), ids=lambda p: p.name)
def test_example_plans_are_valid_under_the_schema(path: Path) -> None:
    record = "config" if path.name == "ragplan.yaml" else "theme"
    errors = [e.message for e in _validator(record).iter_errors(_as_editor_reads(path))]
    assert errors == []


@pytest.mark.parametrize("path", sorted(EXAMPLE_PLANS.glob("*.yaml")), ids=lambda p: p.name)
def test_example_plans_carry_a_modeline_to_the_committed_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    record = "config" if path.name == "ragplan.yaml" else "theme"
    assert first == f"# yaml-language-server: $schema=../schema/{SCHEMA_FILES[record]}"
    assert (path.parent / first.split("=", 1)[1]).resolve().is_file()


_ACTION = {"id": "1.1", "summary": "Do it.", "rag": "green"}

# Each place an unknown key can appear: (schema, file data holding the key 'colour_of_sky').
UNKNOWN_KEY_CASES = {
    "theme": ("theme", {"id": "1", "colour_of_sky": "blue", "actions": [_ACTION]}),
    "section": (
        "theme",
        {
            "id": "1",
            "sections": [
                {"id": "1.1", "colour_of_sky": "blue", "actions": [{**_ACTION, "id": "1.1.1"}]}
            ],
        },
    ),
    "action": ("theme", {"id": "1", "actions": [{**_ACTION, "colour_of_sky": "blue"}]}),
    "config": ("config", {"title": "Plan", "colour_of_sky": "blue"}),
    "status": ("config", {"scale": [{"key": "green", "colour_of_sky": "blue", "done": True}]}),
}


@pytest.mark.parametrize("case", sorted(UNKNOWN_KEY_CASES))
def test_unknown_keys_are_invalid_in_the_schema_and_the_validator(
    case: str, tmp_path: Path
) -> None:
    record, data = UNKNOWN_KEY_CASES[case]
    errors = list(_validator(record).iter_errors(data))
    assert [e.validator for e in errors] == ["additionalProperties"]
    assert "colour_of_sky" in errors[0].message

    name = "ragplan.yaml" if record == "config" else "1.yaml"
    files = {name: json.dumps(data)}
    if record == "config":
        files["1.yaml"] = json.dumps({"id": "1", "actions": [_ACTION]})
    result = validate([write_tree(tmp_path, files)])
    assert [p.rule for p in result.problems] == ["unknown-key"]


@pytest.mark.parametrize("case", sorted(UNKNOWN_KEY_CASES))
def test_the_same_files_without_the_unknown_key_are_valid_in_both(
    case: str, tmp_path: Path
) -> None:
    record, data = UNKNOWN_KEY_CASES[case]
    data = json.loads(json.dumps(data).replace(', "colour_of_sky": "blue"', ""))
    assert list(_validator(record).iter_errors(data)) == []
