"""The plan file format, declared once: every key, its kind, and a sentence about it.

The validator reads these declarations to check files, and `json_schema()` turns
them into the published JSON Schema, so the two cannot drift apart.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ragplan.reading.yamlload import ValueMark, YList, YMap, YValue

Kind = Literal["id", "text", "date", "bool", "int", "colour", "status", "records"]


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    doc: str
    required: bool = False
    record: str | None = None  # for kind "records": the name of the record listed


@dataclass(frozen=True)
class Record:
    name: str
    doc: str
    fields: tuple[Field, ...]
    # Made once: check_record looks fields up for every key of every action.
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


ACTION = Record(
    "action",
    "One action of the plan.",
    (
        Field(
            "id",
            "id",
            "Dotted id that starts with its section's or theme's id, e.g. '1.1.5.2'.",
            required=True,
        ),
        Field("lead_body", "text", "The organisation that leads, e.g. 'NYCC' or 'NYCC / LSCB'."),
        Field("summary", "text", "What the action is: the key action summary.", required=True),
        Field("due", "date", "End date, as an ISO date: 2010-12-31."),
        Field("lead_officer", "text", "The person or role that leads, e.g. 'AD CSC'."),
        Field(
            "rag", "status", "Status: a key of the scale, in any case, e.g. 'amber'.", required=True
        ),
        Field("notes", "text", "Progress notes; outstanding actions should have them."),
        Field(
            "carried_from",
            "text",
            "Where a carried-forward action came from, e.g. 'Post-Inspection Action Plan "
            "(2010-09-20)'.",
        ),
    ),
)

SECTION = Record(
    "section",
    "A sub-section of a theme, holding actions.",
    (
        Field(
            "id", "id", "Dotted id that starts with the theme's id, e.g. '1.1.5'.", required=True
        ),
        Field("title", "text", "Section title, e.g. 'Telephone Resilience'."),
        Field("actions", "records", "The section's actions.", record="action"),
    ),
)

THEME = Record(
    "theme",
    "A theme file: one theme of the plan, with its sections and actions.",
    (
        Field("id", "id", "The theme's id, e.g. '1.1' or '6'.", required=True),
        Field("title", "text", "Theme title; some themes have none."),
        Field("lead_officer", "text", "The theme's lead officer."),
        Field("sections", "records", "The theme's sections.", record="section"),
        Field(
            "actions", "records", "Actions directly under the theme (no section).", record="action"
        ),
    ),
)

STATUS = Record(
    "status",
    "One level of the status scale.",
    (
        Field("key", "text", "The value actions use in `rag`, e.g. 'green'.", required=True),
        Field("label", "text", "How reports name it, e.g. 'Green'; defaults to the key."),
        Field(
            "meaning",
            "text",
            "What it means, as reports say it: 'these actions have been completed'.",
        ),
        Field("done", "bool", "true if actions with this status are complete (never outstanding)."),
        Field("colour", "colour", "Background colour in reports, as '#rrggbb'."),
    ),
)

CONFIG = Record(
    "config",
    "ragplan.yaml: settings for the whole plan set. Every key is optional.",
    (
        Field("title", "text", "The plan's title, e.g. 'Post-Inspection Action Plan'."),
        Field("organisation", "text", "Who owns the plan."),
        Field("as_of", "date", "The date the statuses describe; reports say 'By September 2010'."),
        Field(
            "scale",
            "records",
            "Statuses, best first; default: green (done), amber, red.",
            record="status",
        ),
        Field(
            "max_file_size_mb",
            "int",
            "Largest plan file read, in megabytes (default 10); larger files are refused.",
        ),
        Field(
            "max_actions_per_file",
            "int",
            "Most actions one theme file may hold (default 10000); split a larger theme.",
        ),
    ),
)

RECORDS = {r.name: r for r in (ACTION, SECTION, THEME, STATUS, CONFIG)}

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_AS_WRITTEN = frozenset({"text", "status"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})

_YAML_TYPE_NAMES = {
    "tag:yaml.org,2002:int": "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
}


def yaml_type_of_plain(value: str) -> str | None:
    """What other YAML readers make of a plain scalar, if not a string."""
    import yaml  # only for an unquoted id: most runs never need it

    resolver = yaml.resolver.Resolver()
    tag = resolver.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return _YAML_TYPE_NAMES.get(tag)


def describe(value: YValue) -> str:
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


@dataclass
class FieldProblem:
    line: int
    column: int
    rule: str
    message: str


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def check_record(
    record: Record, node: YValue, mark: ValueMark, where: str, out: list[FieldProblem]
) -> dict[str, Any] | None:
    """Convert a YAML mapping to a dict of typed values, appending what is wrong to `out`.

    Returns None when the node is not a mapping at all. Records nested in
    "records" fields are returned as lists of (YMap, mark) pairs, for the caller
    to check in context.
    """
    if not isinstance(node, YMap):
        out.append(
            FieldProblem(
                mark[0],
                mark[1],
                "type",
                f"{where} must be a mapping of keys to values, not {describe(node)}",
            )
        )
        return None
    fields = record.by_name
    values: dict[str, Any] = {}
    invalid: set[str] = set()
    for key, value in node.items():
        key_line, key_column, vmark = node.marks[key]
        spec = fields.get(key)
        if spec is not None and spec.kind in _AS_WRITTEN and type(value) is str:
            if not (vmark[2] and value in _NULLS):  # the usual text value, as convert() does
                values[key] = value
                continue
        if spec is None:
            out.append(
                FieldProblem(
                    key_line,
                    key_column,
                    "unknown-key",
                    f"unknown key '{key}' in {where}{did_you_mean(key, list(fields))}",
                )
            )
            continue
        converted = convert(spec, value, vmark, where, out)
        if converted is _INVALID:
            invalid.add(key)
        else:
            values[key] = converted
    for spec in record.fields:
        if spec.required and not values.get(spec.name) and spec.name not in invalid:
            out.append(
                FieldProblem(
                    node.line,
                    node.column,
                    "missing-field",
                    f"{where} has no '{spec.name}'; it is required",
                )
            )
    return values


_INVALID = object()


def convert(
    spec: Field, value: YValue, vmark: ValueMark, where: str, out: list[FieldProblem]
) -> Any:
    """One value, converted to what `spec` declares, or _INVALID after a problem."""
    line, column, plain = vmark
    kind = spec.kind
    if kind == "records":
        if value is None or (plain and isinstance(value, str) and value in _NULLS):
            return []
        if not isinstance(value, YList):
            out.append(
                FieldProblem(
                    line,
                    column,
                    "type",
                    f"'{spec.name}' in {where} must be a list, not {describe(value)}",
                )
            )
            return _INVALID
        return list(zip(value, value.marks, strict=True))
    if isinstance(value, (YMap, YList)):
        out.append(
            FieldProblem(
                line,
                column,
                "type",
                f"'{spec.name}' in {where} must be a single value, not {describe(value)}",
            )
        )
        return _INVALID
    if value is None or (plain and value in _NULLS):
        return None
    if kind == "text" or kind == "status":
        return value
    if kind == "id":
        if plain:
            yaml_type = yaml_type_of_plain(value)
            if yaml_type is not None:
                out.append(
                    FieldProblem(
                        line,
                        column,
                        "id-type",
                        f"id {value} is read by YAML as {yaml_type}, not text "
                        f'(1.10 would become 1.1); quote it: id: "{value}"',
                    )
                )
                return _INVALID
        return value
    if kind == "date":
        if _DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        out.append(
            FieldProblem(
                line,
                column,
                "date",
                f"'{spec.name}' in {where} must be a real date as YYYY-MM-DD, not '{value}'",
            )
        )
        return _INVALID
    if kind == "bool":
        if plain and value in _TRUE:
            return True
        if plain and value in _FALSE:
            return False
        out.append(
            FieldProblem(
                line,
                column,
                "type",
                f"'{spec.name}' in {where} must be true or false, not '{value}'",
            )
        )
        return _INVALID
    if kind == "int":
        if plain and value.isdigit() and int(value) > 0:
            return int(value)
        out.append(
            FieldProblem(
                line,
                column,
                "type",
                f"'{spec.name}' in {where} must be a whole number above 0, not '{value}'",
            )
        )
        return _INVALID
    if kind == "colour":
        if _COLOUR.match(value):
            return value.lower()
        out.append(
            FieldProblem(
                line,
                column,
                "type",
                f"'{spec.name}' in {where} must be a colour as \"#rrggbb\" (quoted), not '{value}'",
            )
        )
        return _INVALID
    raise AssertionError(kind)  # pragma: no cover


def json_schema(record_name: str) -> dict[str, Any]:
    """A JSON Schema (draft-07) for a theme file ('theme') or ragplan.yaml ('config')."""
    record = RECORDS[record_name]
    definitions = {}
    for name in _nested(record):
        definitions[name] = _record_schema(RECORDS[name])
    schema: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"https://ragplan.invalid/schema/ragplan-{record_name}.schema.json",
        "title": f"ragplan {record_name} file",
        **_record_schema(record),
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


_TEXT_TYPES = ["string", "number", "boolean", "null"]  # text is taken as written


def _field_schema(spec: Field) -> dict[str, Any]:
    doc = {"description": spec.doc}
    if spec.kind == "records":
        return {"type": ["array", "null"], "items": {"$ref": f"#/definitions/{spec.record}"}, **doc}
    if spec.kind == "id":
        return {"type": "string", "minLength": 1, **doc}
    if spec.kind in ("text", "status"):
        return {"type": _TEXT_TYPES, **doc}
    if spec.kind == "date":
        return {
            "type": ["string", "null"],
            "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            **doc,
        }
    if spec.kind == "bool":
        return {"type": ["boolean", "null"], **doc}
    if spec.kind == "int":
        return {"type": ["integer", "null"], "minimum": 1, **doc}
    if spec.kind == "colour":
        return {"type": ["string", "null"], "pattern": "^#[0-9a-fA-F]{6}$", **doc}
    raise AssertionError(spec.kind)  # pragma: no cover


def _record_schema(record: Record) -> dict[str, Any]:
    return {
        "description": record.doc,
        "type": "object",
        "properties": {f.name: _field_schema(f) for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }


SCHEMA_FILES = {"theme": "ragplan-theme.schema.json", "config": "ragplan-config.schema.json"}


def json_schema_text(record_name: str) -> str:
    """The JSON Schema as published: the text of schema/ragplan-<record>.schema.json."""
    import json

    return json.dumps(json_schema(record_name), indent=2, ensure_ascii=False) + "\n"
