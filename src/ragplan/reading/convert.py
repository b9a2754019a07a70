"""Reading a value by its declaration: each kind of field (id, date, number, ...) has its
converter, which returns the typed value or reports, in words, what is wrong and where."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from ragplan.model import Number, Tolerance
from ragplan.problems import LEVELS, Problem
from ragplan.reading.schema import CONFIG, THEME, Field, Record
from ragplan.reading.yamlload import ValueMark, YList, YMap, YValue
from ragplan.rules import reading as rules

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


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def check_record(
    record: Record, node: YValue, mark: ValueMark, where: str, out: list[Problem]
) -> dict[str, Any] | None:
    """Convert a YAML mapping to a dict of typed values, appending what is wrong to `out`.

    Returns None when the node is not a mapping at all. Records nested in
    "records" fields are returned as lists of (YMap, mark) pairs, for the caller
    to check in context.
    """
    if not isinstance(node, YMap):
        example = " | ".join(record.example)
        if record is THEME or record is CONFIG:
            file = "a theme file" if record is THEME else "ragplan.yaml"
            message = (
                f"the file holds {describe(node)}, but {file} holds keys with values; it "
                f"should start like these three lines: {example}"
            )
        else:
            message = (
                f"{where} must be keys with values, not {describe(node)}; it should look "
                f"like these three lines: {example}"
            )
        out.append(rules.TYPE.at(mark[0], mark[1], message))
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
                rules.UNKNOWN_KEY.at(
                    key_line,
                    key_column,
                    f"unknown key '{key}' in {where}{did_you_mean(key, list(fields))}",
                )
            )
            continue
        converted = convert(spec, value, vmark, where, out)
        if converted is _INVALID:
            invalid.add(key)
        else:
            values[key] = converted
    if node.comments is not None:
        _cut_by_comments(node, fields, values, where, out)
    for spec in record.fields:
        if spec.required and not values.get(spec.name) and spec.name not in invalid:
            out.append(
                rules.MISSING_FIELD.at(
                    node.line, node.column, f"{where} has no '{spec.name}'; it is required"
                )
            )
    return values


def _cut_by_comments(
    node: YMap, fields: dict[str, Field], values: dict[str, Any], where: str, out: list[Problem]
) -> None:
    """Warn where a comment on a value's line cut text off it, or left it empty."""
    assert node.comments is not None
    for key, comment in node.comments.items():
        spec = fields.get(key)
        if spec is None:
            continue
        line, column, _ = node.marks[key][2]
        value = values.get(key)
        if value is None or value == "":
            message = (
                f"'{key}' in {where} is empty: YAML reads '{comment}' as a comment; "
                f'quote the value to keep it: {key}: "{comment}"'
            )
        elif spec.prose and isinstance(value, str):
            whole = f"{value} {comment}"
            message = (
                f"'{key}' in {where} was cut at ' #': YAML reads '{comment}' as a comment "
                f'and drops it; quote the value to keep it: {key}: "{whole}"'
            )
        else:
            continue  # a comment after a status, a date or an id is a comment
        out.append(rules.TEXT_COMMENT.at(line, column, message))


_INVALID = object()

# A converter: (the field, its value, the value's mark, where, problems) -> value or _INVALID.
Converter = Callable[[Field, Any, ValueMark, str, list[Problem]], Any]


class KindSpec(NamedTuple):
    """How a kind of field is read from YAML (schema_json.py says how the JSON Schema
    states it)."""

    convert: Converter
    empty: Callable[[], Any] | None = None  # for a list or mapping: its value when null


def convert(spec: Field, value: YValue, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    """One value, converted to what `spec` declares, or _INVALID after a problem."""
    kind = CONVERTERS[spec.kind]
    line, column, plain = vmark
    if kind.empty is None:  # a single value: a mapping or list in its place is refused first
        if isinstance(value, (YMap, YList)):
            message = f"'{spec.name}' in {where} must be a single value, not {describe(value)}"
            out.append(rules.TYPE.at(line, column, message))
            return _INVALID
        if value is None or (plain and value in _NULLS):
            return None
    elif value is None or (plain and isinstance(value, str) and value in _NULLS):
        return kind.empty()
    return kind.convert(spec, value, vmark, where, out)


def _as_written(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    return value


def _id(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    line, column, plain = vmark
    if plain:
        yaml_type = yaml_type_of_plain(value)
        if yaml_type is not None:
            out.append(
                rules.ID_TYPE.at(
                    line,
                    column,
                    f"{spec.name} {value} is read by YAML as {yaml_type}, not text "
                    f'(1.10 would become 1.1); quote it: {spec.name}: "{value}"',
                )
            )
            return _INVALID
    return value


def _date(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    if _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    message = f"'{spec.name}' in {where} must be a real date as YYYY-MM-DD, not '{value}'"
    out.append(rules.DATE.at(vmark[0], vmark[1], message))
    return _INVALID


def _bool(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    if vmark[2] and value in _TRUE:
        return True
    if vmark[2] and value in _FALSE:
        return False
    message = f"'{spec.name}' in {where} must be true or false, not '{value}'"
    out.append(rules.TYPE.at(vmark[0], vmark[1], message))
    return _INVALID


def _int(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    if vmark[2] and value.isdigit() and int(value) > 0:
        if not spec.choices or value in spec.choices:
            return int(value)
    if spec.choices:
        message = f"'{spec.name}' in {where} must be {' or '.join(spec.choices)}, not '{value}'"
        out.append(rules.CHOICE.at(vmark[0], vmark[1], message))
        return _INVALID
    message = f"'{spec.name}' in {where} must be a whole number above 0, not '{value}'"
    out.append(rules.TYPE.at(vmark[0], vmark[1], message))
    return _INVALID


def _colour(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    if _COLOUR.match(value):
        return value.lower()
    message = f"'{spec.name}' in {where} must be a colour as \"#rrggbb\" (quoted), not '{value}'"
    out.append(rules.TYPE.at(vmark[0], vmark[1], message))
    return _INVALID


# Numbers as people write them, without signs of their own: 72.0, -3, 0.5 (not 007 or .5).
_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
_COUNT = re.compile(r"^(0|[1-9][0-9]*)$")
_PERCENT = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]+)?%$")
# More digits than a float keeps exactly: refused, so json shows what was written.
MAX_DIGITS = 15


def _too_long(text: str) -> bool:
    return sum(c.isdigit() for c in text) > MAX_DIGITS


def _number_hint(value: str, plain: bool) -> str:
    """What to change so a value that is not a plain number becomes one."""
    text = value.strip()
    if _NUMBER.match(text):
        return (
            f"; write it without quotes: {text}" if not plain else f"; at most {MAX_DIGITS} digits"
        )
    if text.endswith("%") and _NUMBER.match(text[:-1].strip()):
        return f"; write {text[:-1].strip()} without the % sign, and give unit: percent"
    if text[:1] in "£$€" and _NUMBER.match(text[1:].replace(",", "")):
        return f"; write {text[1:].replace(',', '')} without the currency sign"
    if "," in text and _NUMBER.match(text.replace(",", "")):
        return f"; write {text.replace(',', '')} without commas"
    if text.startswith(".") and _NUMBER.match("0" + text):
        return f"; write 0{text}"
    if _NUMBER.match(text.lstrip("0") or "0") or _NUMBER.match(text.replace("_", "")):
        return "; write it without leading zeros or underscores"
    return ""


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


def _number(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    line, column, plain = vmark
    if plain and _NUMBER.match(value) and not _too_long(value):
        return Number(value, _decimal(value))
    hint = _number_hint(value, plain)
    message = f"'{spec.name}' in {where} must be a number, not '{value}'{hint}"
    out.append(rules.NUMBER.at(line, column, message))
    return _INVALID


def _count(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    line, column, plain = vmark
    if plain and _COUNT.match(value) and not _too_long(value):
        return Number(value, _decimal(value))
    message = f"'{spec.name}' in {where} must be a whole number, 0 or more, not '{value}'"
    if not plain and _COUNT.match(value):
        message += f"; write it without quotes: {value}"
    out.append(rules.NUMBER.at(line, column, message))
    return _INVALID


def _tolerance(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    line, column, plain = vmark
    text = value.strip()
    if _PERCENT.match(text) and not _too_long(text):
        return Tolerance(text, _decimal(text[:-1]), relative=True)
    if plain and _NUMBER.match(text) and not _too_long(text) and not text.startswith("-"):
        return Tolerance(text, _decimal(text), relative=False)
    message = (
        f"'{spec.name}' in {where} must be a number in the indicator's unit (5) or a "
        f"percentage of the target in quotes (\"10%\"), not '{value}'"
    )
    if text.startswith("-"):
        message += "; a tolerance is a distance from the target: write it without the minus"
    out.append(rules.NUMBER.at(line, column, message))
    return _INVALID


def _choice(spec: Field, value: str, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    if value in spec.choices:
        return value
    hint = did_you_mean(value.casefold(), list(spec.choices))
    message = f"'{spec.name}' in {where} must be one of {', '.join(spec.choices)}, not '{value}'"
    out.append(rules.CHOICE.at(vmark[0], vmark[1], message + hint))
    return _INVALID


def _records(spec: Field, value: YValue, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    if not isinstance(value, YList):
        message = f"'{spec.name}' in {where} must be a list, not {describe(value)}"
        out.append(rules.TYPE.at(vmark[0], vmark[1], message))
        return _INVALID
    return list(zip(value, value.marks, strict=True))


def _target(spec: Field, value: YValue, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    """One number, or a trajectory: a list of (YMap, mark) steps for the caller to check."""
    if isinstance(value, YList):
        return list(zip(value, value.marks, strict=True))
    if isinstance(value, YMap):
        message = (
            f"'{spec.name}' in {where} must be a number or a list of steps such as "
            f"- {{period: Apr 24, value: 95}}, not {describe(value)}"
        )
        out.append(rules.TYPE.at(vmark[0], vmark[1], message))
        return _INVALID
    assert isinstance(value, str)  # convert() has returned None for a null already
    return _number(spec, value, vmark, where, out)


def _mapping(spec: Field, value: YValue, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    """A nested record: the (YMap, mark) pair, for the caller to check in context."""
    if not isinstance(value, YMap):
        message = f"'{spec.name}' in {where} must be keys with values, not {describe(value)}"
        out.append(rules.TYPE.at(vmark[0], vmark[1], message))
        return _INVALID
    return (value, vmark)


def _levels(spec: Field, value: YValue, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    """{rule id: level} for the rules whose level may be set."""
    from ragplan.rules.registry import RULES, adjustable

    if not isinstance(value, YMap):
        message = (
            f"'{spec.name}' in {where} must be a mapping of rule ids to levels, "
            f"not {describe(value)}; for example: rules: {{missing-notes: error}}"
        )
        out.append(rules.TYPE.at(vmark[0], vmark[1], message))
        return _INVALID
    levels: dict[str, str] = {}
    settable = adjustable()
    for rule_id, level in value.items():
        key_line, key_column, level_mark = value.marks[rule_id]
        if rule_id not in RULES:
            hint = did_you_mean(rule_id, list(RULES))
            message = f"no rule '{rule_id}'{hint}; rules you can set: {', '.join(settable)}"
            out.append(rules.RULE_LEVELS.at(key_line, key_column, message))
        elif rule_id not in settable:
            message = (
                f"the level of '{rule_id}' cannot be set: a plan with this problem cannot "
                f"be read or counted right; rules you can set: {', '.join(settable)}"
            )
            out.append(rules.RULE_LEVELS.at(key_line, key_column, message))
        elif level not in LEVELS:
            shown = describe(level) if not isinstance(level, str) else f"'{level}'"
            message = f"rule '{rule_id}' may be set to {', '.join(LEVELS)}, not {shown}"
            out.append(rules.RULE_LEVELS.at(level_mark[0], level_mark[1], message))
        else:
            levels[rule_id] = level
    return levels


CONVERTERS: dict[str, KindSpec] = {
    "id": KindSpec(_id),
    "text": KindSpec(_as_written),
    "status": KindSpec(_as_written),
    "date": KindSpec(_date),
    "bool": KindSpec(_bool),
    "int": KindSpec(_int),
    "colour": KindSpec(_colour),
    "records": KindSpec(_records, empty=list),
    "levels": KindSpec(_levels, empty=dict),
    "number": KindSpec(_number),
    "count": KindSpec(_count),
    "tolerance": KindSpec(_tolerance),
    "choice": KindSpec(_choice),
    "target": KindSpec(_target, empty=lambda: None),
    "mapping": KindSpec(_mapping, empty=lambda: None),
}
