"""The published JSON Schemas: current, and in agreement with the validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLE_PLANS, REPO, run_cli, write_tree

from ragplan.plansets import validate
from ragplan.reading.schema_json import SCHEMA_FILES, json_schema_text

REGENERATE = {
    "theme": "ragplan schema > schema/ragplan-theme.schema.json",
    "config": "ragplan schema --config > schema/ragplan-config.schema.json",
    "indicators": "ragplan schema --indicators > schema/ragplan-indicators.schema.json",
    "paper": "ragplan schema --paper > schema/ragplan-paper.schema.json",
    "portfolio": "ragplan schema --portfolio > schema/ragplan-portfolio.schema.json",
}


@pytest.mark.parametrize("record", sorted(SCHEMA_FILES))
def test_committed_schema_is_current(record: str) -> None:
    committed = (REPO / "schema" / SCHEMA_FILES[record]).read_text(encoding="utf-8")
    assert committed == json_schema_text(record), (
        f"schema/{SCHEMA_FILES[record]} is stale; regenerate it: {REGENERATE[record]}"
    )


@pytest.mark.parametrize(
    ("args", "record"),
    [
        ((), "theme"),
        (("--config",), "config"),
        (("--indicators",), "indicators"),
        (("--paper",), "paper"),
        (("--portfolio",), "portfolio"),
    ],
)
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


SPC_EXAMPLE = REPO / "examples" / "spc"  # trajectories, spc: settings, polarity neither
EXAMPLE_FILES = sorted(
    [
        *(p for root in (EXAMPLE_PLANS, SPC_EXAMPLE) for p in root.glob("*.yaml")),
        *(p for root in (EXAMPLE_PLANS, SPC_EXAMPLE) for p in root.glob("indicators/*.yaml")),
    ]
)


def _record_of(path: Path) -> str:
    if path.parent.name == "indicators":
        return "indicators"
    return "config" if path.name == "ragplan.yaml" else "theme"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_plans_are_valid_under_the_schema(path: Path) -> None:
    errors = [e.message for e in _validator(_record_of(path)).iter_errors(_as_editor_reads(path))]
    assert errors == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_plans_carry_a_modeline_to_the_committed_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    depth = len(path.parent.relative_to(REPO).parts)  # plans/ is 1, examples/spc/ 2
    up = "../" * depth
    assert first == f"# yaml-language-server: $schema={up}schema/{SCHEMA_FILES[_record_of(path)]}"
    assert (path.parent / first.split("=", 1)[1]).resolve().is_file()


def test_the_example_paper_front_matter_is_valid_under_the_schema() -> None:
    paper = EXAMPLE_PLANS / "papers" / "board-2010-09.md"
    front = paper.read_text(encoding="utf-8").split("---\n")[1]
    data = yaml.load(front, Loader=_Yaml12Loader)  # noqa: S506
    assert [e.message for e in _validator("paper").iter_errors(data)] == []


def test_the_example_plans_have_an_indicator_file() -> None:
    found = [p.name for p in EXAMPLE_FILES if _record_of(p) == "indicators"]
    assert found == ["1-performance.yaml", "timeliness.yaml"]


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
    "indicator file": ("indicators", {"title": "T", "colour_of_sky": "blue", "indicators": []}),
    "indicator": (
        "indicators",
        {"indicators": [{"id": "a", "title": "A", "colour_of_sky": "blue"}]},
    ),
    "indicator value": (
        "indicators",
        {
            "indicators": [
                {
                    "id": "a",
                    "title": "A",
                    "values": [{"period": "Q1", "value": 1, "colour_of_sky": "blue"}],
                }
            ]
        },
    ),
    "indicator summary": (
        "indicators",
        {
            "indicators": [
                {
                    "id": "a",
                    "title": "A",
                    "values": [{"period": "Q1", "value": 1}],
                    "summaries": [
                        {"label": "L", "from": "Q1", "to": "Q1", "colour_of_sky": "blue"}
                    ],
                }
            ]
        },
    ),
}


@pytest.mark.parametrize("case", sorted(UNKNOWN_KEY_CASES))
def test_unknown_keys_are_invalid_in_the_schema_and_the_validator(
    case: str, tmp_path: Path
) -> None:
    record, data = UNKNOWN_KEY_CASES[case]
    errors = list(_validator(record).iter_errors(data))
    assert [e.validator for e in errors] == ["additionalProperties"]
    assert "colour_of_sky" in errors[0].message

    name = {"config": "ragplan.yaml", "indicators": "indicators/i.yaml"}.get(record, "1.yaml")
    files = {name: json.dumps(data)}
    if record != "theme":
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


def _indicator(**fields: object) -> dict[str, Any]:
    return {
        "indicators": [
            {"id": "a", "title": "A", "values": [{"period": "Q1", "value": 1}], **fields}
        ]
    }


# An indicator field's value, and whether both the schema and the validator accept it.
INDICATOR_VALUES = [
    ({"target": 80}, True),
    ({"target": 72.5}, True),
    ({"target": "80"}, False),  # quoted: text, not a number
    ({"target": "80%"}, False),
    ({"tolerance": 5}, True),
    ({"tolerance": "10%"}, True),
    ({"tolerance": "10"}, False),  # a quoted number is neither a number nor a percentage
    ({"tolerance": -5}, False),
    ({"unit": "percent"}, True),
    ({"unit": "Percent"}, False),
    ({"polarity": "lower"}, True),
    ({"polarity": "down"}, False),
    ({"values": [{"period": "Q1", "numerator": 3, "denominator": 4}]}, True),
    ({"values": [{"period": "Q1", "value": 1, "numerator": -3, "denominator": 4}]}, False),
]


@pytest.mark.parametrize(("fields", "valid"), INDICATOR_VALUES, ids=str)
def test_indicator_values_are_judged_alike_by_the_schema_and_the_validator(
    fields: dict[str, Any], valid: bool, tmp_path: Path
) -> None:
    data = _indicator(**fields)
    if "polarity" not in fields and "target" in fields:
        data["indicators"][0]["polarity"] = "higher"
    assert (list(_validator("indicators").iter_errors(data)) == []) == valid
    files = {"1.yaml": json.dumps({"id": "1", "actions": [_ACTION]})}
    files["indicators/i.yaml"] = json.dumps(data)
    problems = validate([write_tree(tmp_path, files)]).problems
    assert (problems == []) == valid, problems


def test_every_kind_of_field_is_both_read_and_published() -> None:
    """A kind declared in schema.py has its converter and its JSON Schema fragment: one
    without the other would read a field the editors cannot check, or the reverse."""
    from typing import get_args

    from ragplan.reading.convert import CONVERTERS
    from ragplan.reading.schema import Kind
    from ragplan.reading.schema_json import FRAGMENTS

    assert set(CONVERTERS) == set(FRAGMENTS) == set(get_args(Kind))
