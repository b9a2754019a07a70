"""The published JSON Schema of each file ragplan reads (theme, config, indicators, paper,
portfolio), made from the declarations in schema.py: editors complete and check files with
it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ragplan.problems import LEVELS
from ragplan.reading.schema import RECORDS, Field, Record

_TEXT_TYPES = ["string", "number", "boolean", "null"]  # text is taken as written


def _levels_schema(spec: Field) -> dict[str, Any]:
    from ragplan.rules.registry import adjustable

    level = {"enum": list(LEVELS)}
    return {
        "type": ["object", "null"],
        "properties": {rule_id: level for rule_id in adjustable()},
        "additionalProperties": False,
    }


FRAGMENTS: dict[str, Callable[[Field], dict[str, Any]]] = {
    "id": lambda f: {"type": "string", "minLength": 1},
    "text": lambda f: {"type": _TEXT_TYPES},
    "status": lambda f: {"type": _TEXT_TYPES},
    "date": lambda f: {
        "type": ["string", "null"],
        "format": "date",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
    },
    "bool": lambda f: {"type": ["boolean", "null"]},
    "int": lambda f: (
        {"enum": [*(int(c) for c in f.choices), None]}
        if f.choices
        else {"type": ["integer", "null"], "minimum": 1}
    ),
    "colour": lambda f: {"type": ["string", "null"], "pattern": "^#[0-9a-fA-F]{6}$"},
    "records": lambda f: {
        "type": ["array", "null"],
        "items": {"$ref": f"#/definitions/{f.record}"},
    },
    "levels": _levels_schema,
    "number": lambda f: {"type": ["number", "null"]},
    "count": lambda f: {"type": ["integer", "null"], "minimum": 0},
    "tolerance": lambda f: {
        "type": ["number", "string", "null"],
        "minimum": 0,
        "pattern": r"^(0|[1-9][0-9]*)(\.[0-9]+)?%$",
    },
    "choice": lambda f: {"enum": [*f.choices, None]},
    "target": lambda f: {
        "type": ["number", "array", "null"],
        "items": {"$ref": f"#/definitions/{f.record}"},
    },
    "mapping": lambda f: {
        "anyOf": [{"$ref": f"#/definitions/{f.record}"}, {"type": "null"}],
    },
}


def json_schema(record_name: str, scale: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON Schema (draft-07) for a theme file ('theme'), ragplan.yaml ('config') or an
    indicator file ('indicators'); given a plan set's `scale` (its keys), a status must be
    one of them, in any case, so an editor completes and flags statuses."""
    record = RECORDS[record_name]
    definitions = {}
    for name in _nested(record):
        definitions[name] = _record_schema(RECORDS[name], scale)
    schema: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"https://ragplan.invalid/schema/ragplan-{record_name}.schema.json",
        "title": f"ragplan {record_name} file",
        **_record_schema(record, scale),
    }
    if definitions:
        schema["definitions"] = definitions
    return schema


def _nested(record: Record) -> list[str]:
    found: list[str] = []
    for f in record.fields:
        if f.record and f.record not in found:
            found.append(f.record)
            found.extend(n for n in _nested(RECORDS[f.record]) if n not in found)
    return found


def _record_schema(record: Record, scale: tuple[str, ...] = ()) -> dict[str, Any]:
    def kind(f: Field) -> dict[str, Any]:
        return _status_schema(scale) if scale and f.kind == "status" else FRAGMENTS[f.kind](f)

    found: dict[str, Any] = {
        "description": record.doc,
        "type": "object",
        "properties": {f.name: {**kind(f), "description": f.doc} for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }
    if record.one_of:
        found["oneOf"] = [{"required": [name]} for name in record.one_of]
    return found


SCHEMA_FILES = {
    "theme": "ragplan-theme.schema.json",
    "config": "ragplan-config.schema.json",
    "indicators": "ragplan-indicators.schema.json",
    "paper": "ragplan-paper.schema.json",
    "portfolio": "ragplan-portfolio.schema.json",
}
# The schemas a plan set carries in its .schema/ folder (a portfolio file lives elsewhere).
PLAN_SET_SCHEMAS = ("theme", "config", "indicators", "paper")


def _status_schema(scale: tuple[str, ...]) -> dict[str, Any]:
    """One of the scale's keys: listed (editors complete them), and in any case, as the
    reader takes them (each letter in both cases: a JSON Schema pattern has no flags)."""

    def either_case(key: str) -> str:
        return "".join(
            f"[{c.lower()}{c.upper()}]"
            if len(c.lower()) == len(c.upper()) == 1 and c.lower() != c.upper()
            else ("\\" + c if c in "\\^$.*+?()[]{}|/" else c)
            for c in key
        )

    pattern = r"^\s*(" + "|".join(either_case(k) for k in scale) + r")\s*$"
    return {"anyOf": [{"enum": list(scale)}, {"type": "string", "pattern": pattern}]}


def json_schema_text(record_name: str, scale: tuple[str, ...] = ()) -> str:
    """The JSON Schema as published (schema/ragplan-<record>.schema.json), or as a plan
    set's own copy is written, knowing its `scale`."""
    import json

    return json.dumps(json_schema(record_name, scale), indent=2, ensure_ascii=False) + "\n"
