"""The plan file format, declared once: every key, its kind, and a sentence about it.

The validator reads these declarations to check files, and `json_schema()` turns
them into the published JSON Schema, so the two cannot drift apart.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from ragplan.model import DEFAULT_SCALE, Number, Tolerance
from ragplan.problems import LEVELS, Problem
from ragplan.reading.yamlload import ValueMark, YList, YMap, YValue
from ragplan.rules import reading as rules

Kind = Literal[
    "id",
    "text",
    "date",
    "bool",
    "int",
    "colour",
    "status",
    "records",
    "levels",
    "number",
    "count",
    "tolerance",
    "choice",
]


class Field(NamedTuple):
    name: str
    kind: Kind
    doc: str
    required: bool = False
    record: str | None = None  # for kind "records": the name of the record listed
    prose: bool = False  # free text, where a ' #' would silently cut words off
    choices: tuple[str, ...] = ()  # for kind "choice": the words allowed


@dataclass(frozen=True)
class Record:
    name: str
    doc: str
    fields: tuple[Field, ...]
    example: tuple[str, ...] = ()  # three lines of what it looks like, for messages
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
        Field(
            "lead_body",
            "text",
            "The organisation that leads, e.g. 'NYCC' or 'NYCC / LSCB'.",
            prose=True,
        ),
        Field(
            "summary",
            "text",
            "What the action is: the key action summary.",
            required=True,
            prose=True,
        ),
        Field("due", "date", "End date, as an ISO date: 2010-12-31."),
        Field("lead_officer", "text", "The person or role that leads, e.g. 'AD CSC'.", prose=True),
        Field(
            "rag", "status", "Status: a key of the scale, in any case, e.g. 'amber'.", required=True
        ),
        Field("notes", "text", "Progress notes; outstanding actions should have them.", prose=True),
        Field(
            "carried_from",
            "text",
            "Where a carried-forward action came from, e.g. 'Post-Inspection Action Plan "
            "(2010-09-20)'.",
            prose=True,
        ),
    ),
    ('id: "1.1.1"', "summary: Report progress to the board monthly.", "rag: amber"),
)

SECTION = Record(
    "section",
    "A sub-section of a theme, holding actions.",
    (
        Field(
            "id", "id", "Dotted id that starts with the theme's id, e.g. '1.1.5'.", required=True
        ),
        Field("title", "text", "Section title, e.g. 'Telephone Resilience'.", prose=True),
        Field("actions", "records", "The section's actions.", record="action"),
    ),
    ('id: "1.1"', "title: Board Reporting", "actions:"),
)

THEME = Record(
    "theme",
    "A theme file: one theme of the plan, with its sections and actions.",
    (
        Field("id", "id", "The theme's id, e.g. '1.1' or '6'.", required=True),
        Field("title", "text", "Theme title; some themes have none.", prose=True),
        Field("lead_officer", "text", "The theme's lead officer.", prose=True),
        Field("sections", "records", "The theme's sections.", record="section"),
        Field(
            "actions", "records", "Actions directly under the theme (no section).", record="action"
        ),
    ),
    ('id: "1"', "title: Leadership and Governance", "actions:"),
)

STATUS = Record(
    "status",
    "One level of the status scale.",
    (
        Field("key", "text", "The value actions use in `rag`, e.g. 'green'.", required=True),
        Field(
            "label", "text", "How reports name it, e.g. 'Green'; defaults to the key.", prose=True
        ),
        Field(
            "meaning",
            "text",
            "What it means, as reports say it: 'these actions have been completed'.",
            prose=True,
        ),
        Field("done", "bool", "true if actions with this status are complete (never outstanding)."),
        Field("colour", "colour", "Background colour in reports, as '#rrggbb'."),
        Field(
            "counts",
            "bool",
            "false for a status such as 'withdrawn': its actions are neither done nor "
            "outstanding, and no percentage counts them (default true).",
        ),
    ),
    ("key: green", "label: Green", "done: true"),
)

CONFIG = Record(
    "config",
    "ragplan.yaml: settings for the whole plan set. Every key is optional.",
    (
        Field("title", "text", "The plan's title, e.g. 'Post-Inspection Action Plan'.", prose=True),
        Field("organisation", "text", "Who owns the plan.", prose=True),
        Field("as_of", "date", "The date the statuses describe; reports say 'By September 2010'."),
        Field(
            "scale",
            "records",
            "Statuses, best first; default: "
            + ", ".join(f"{s.key} (done)" if s.done else s.key for s in DEFAULT_SCALE.statuses)
            + ".",
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
        Field(
            "rules",
            "levels",
            "Levels of adjustable rules: error, warning or disable, e.g. "
            "{missing-notes: error, empty-theme: disable}.",
        ),
    ),
    ("title: Improvement Plan", "organisation: Example Council", "as_of: 2010-09-20"),
)

UNITS = ("percent", "number", "days", "currency")
POLARITIES = ("higher", "lower")

PERIOD_VALUE = Record(
    "value",
    "One period's value of an indicator.",
    (
        Field(
            "period",
            "text",
            "The period as reports name it, e.g. 'Q1' or 'Nov 09'; periods are listed in "
            "time order.",
            required=True,
        ),
        Field(
            "value",
            "number",
            "The value in the indicator's unit, as written (72.0 is shown as 72.0); "
            "required unless numerator and denominator are given.",
        ),
        Field(
            "numerator",
            "count",
            "Optional count: for a percent, how many met the measure (value = numerator / "
            "denominator x 100); for other units, the total averaged (e.g. days).",
        ),
        Field(
            "denominator",
            "count",
            "Optional count: for a percent, how many were measured; for other units, how "
            "many cases the total is averaged over.",
        ),
    ),
)

AGGREGATE = Record(
    "summary",
    "A summary column: one value over the periods from..to.",
    (
        Field("label", "text", "The column's heading, e.g. 'Nov to March'.", required=True),
        Field("from", "text", "The first period it covers, e.g. 'Nov 09'.", required=True),
        Field("to", "text", "The last period it covers, e.g. 'Mar 10'.", required=True),
        Field(
            "value",
            "number",
            "The value as stated; computed from the counts instead when every period "
            "from..to has them.",
        ),
    ),
)

INDICATOR = Record(
    "indicator",
    "A performance indicator: a measure reported beside the actions, rated against a "
    "target when it has one.",
    (
        Field(
            "id",
            "id",
            "Unique in the plan set, e.g. 'ia-timeliness'; quote ids YAML reads as numbers.",
            required=True,
        ),
        Field(
            "title", "text", "As reports name it, e.g. 'Initial Assessments (%)'.", required=True
        ),
        Field("theme", "id", "The id of the theme it evidences, e.g. '1.3'."),
        Field(
            "unit",
            "choice",
            "percent, number (the default), days, or currency (GBP).",
            choices=UNITS,
        ),
        Field(
            "polarity",
            "choice",
            "Whether a higher or a lower value is better; required with a target.",
            choices=POLARITIES,
        ),
        Field(
            "target",
            "number",
            "The target, in the indicator's unit; without one the indicator is shown, not rated.",
        ),
        Field(
            "tolerance",
            "tolerance",
            "The amber band beyond the target: a number in the indicator's unit (5), or a "
            'percentage of the target in quotes ("10%"); none: green or red.',
        ),
        Field("values", "records", "The values, one per period, in time order.", record="value"),
        Field(
            "summaries",
            "records",
            "Summary columns over several periods, e.g. 'Nov to March'.",
            record="summary",
        ),
    ),
)

INDICATOR_FILE = Record(
    "indicators",
    "An indicator file in the plan set's indicators/ folder: a table of indicators.",
    (
        Field(
            "title",
            "text",
            "The table's heading, shown above its first column, e.g. 'Timeliness'.",
        ),
        Field(
            "indicators",
            "records",
            "The indicators, in the order of the table's rows.",
            record="indicator",
        ),
    ),
)

REPORTS = ("outstanding", "summary", "indicators")

APPENDIX = Record(
    "appendix",
    "One appendix of a board paper: its title, then its own text, a report, or both.",
    (
        Field(
            "name",
            "text",
            'The name the paper\'s text calls it by, as in {{ appendix("outstanding") }}; '
            "defaults to the report's name.",
        ),
        Field(
            "title",
            "text",
            "Its title, e.g. 'Post-Inspection Action Plan: Outstanding Actions'.",
            required=True,
            prose=True,
        ),
        Field(
            "file",
            "text",
            "A Markdown file next to the paper with the appendix's own text, e.g. "
            "'board-2010-09-headlines.md'.",
        ),
        Field(
            "report",
            "choice",
            "A report placed after the text: " + ", ".join(REPORTS) + ".",
            choices=REPORTS,
        ),
        Field("status", "text", "outstanding: only these statuses, comma-separated."),
        Field("theme", "text", "outstanding, indicators: only these themes, comma-separated."),
        Field("section", "text", "outstanding: only these sections, comma-separated."),
        Field("lead", "text", "outstanding: only actions this lead officer leads.", prose=True),
        Field("lead_body", "text", "outstanding: only actions this lead body leads.", prose=True),
        Field("overdue", "bool", "outstanding: only actions due before the paper's date."),
        Field(
            "by",
            "choice",
            "summary: group by theme, lead_officer or lead_body.",
            choices=("theme", "lead_officer", "lead_body"),
        ),
    ),
    ("- name: outstanding", "  title: Outstanding Actions", "  report: outstanding"),
)

PAPER = Record(
    "paper",
    "The front matter of a board paper: the lines between '---' at the top of its "
    "Markdown file. Every key but title is optional.",
    (
        Field(
            "title",
            "text",
            "The paper's title, e.g. 'Report of the Performance and Commissioning Sub-Group'.",
            required=True,
            prose=True,
        ),
        Field(
            "meeting", "text", "The meeting it goes to, e.g. 'Children's Trust Board'.", prose=True
        ),
        Field("date", "date", "The meeting's date, as an ISO date: 2010-09-20."),
        Field("author", "text", "Who wrote it, e.g. 'David O'Brien'.", prose=True),
        Field("role", "text", "The author's job title.", prose=True),
        Field(
            "contact", "text", "How to reach the author: an email address or telephone.", prose=True
        ),
        Field(
            "as_of",
            "date",
            "The date the figures describe; default: the plan set's own as_of.",
        ),
        Field(
            "cover",
            "text",
            "A Markdown file next to the paper with a cover sheet, placed before the paper.",
        ),
        Field(
            "appendices",
            "records",
            "The appendices, in order: the first is Appendix A.",
            record="appendix",
        ),
    ),
    ("title: Report to the Board", "meeting: Children's Trust Board", "date: 2010-09-20"),
)

RECORDS = {
    r.name: r
    for r in (
        ACTION,
        SECTION,
        THEME,
        STATUS,
        CONFIG,
        PERIOD_VALUE,
        AGGREGATE,
        INDICATOR,
        INDICATOR_FILE,
        APPENDIX,
        PAPER,
    )
}

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
    """How a kind of field is read from YAML, and how the JSON Schema states it."""

    convert: Converter
    json: Callable[[Field], dict[str, Any]]
    empty: Callable[[], Any] | None = None  # for a list or mapping: its value when null


def convert(spec: Field, value: YValue, vmark: ValueMark, where: str, out: list[Problem]) -> Any:
    """One value, converted to what `spec` declares, or _INVALID after a problem."""
    kind = KINDS[spec.kind]
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
        return int(value)
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


_TEXT_TYPES = ["string", "number", "boolean", "null"]  # text is taken as written


def _levels_schema(spec: Field) -> dict[str, Any]:
    from ragplan.rules.registry import adjustable

    level = {"enum": list(LEVELS)}
    return {
        "type": ["object", "null"],
        "properties": {rule_id: level for rule_id in adjustable()},
        "additionalProperties": False,
    }


KINDS: dict[str, KindSpec] = {
    "id": KindSpec(_id, lambda f: {"type": "string", "minLength": 1}),
    "text": KindSpec(_as_written, lambda f: {"type": _TEXT_TYPES}),
    "status": KindSpec(_as_written, lambda f: {"type": _TEXT_TYPES}),
    "date": KindSpec(
        _date,
        lambda f: {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    ),
    "bool": KindSpec(_bool, lambda f: {"type": ["boolean", "null"]}),
    "int": KindSpec(_int, lambda f: {"type": ["integer", "null"], "minimum": 1}),
    "colour": KindSpec(
        _colour, lambda f: {"type": ["string", "null"], "pattern": "^#[0-9a-fA-F]{6}$"}
    ),
    "records": KindSpec(
        _records,
        lambda f: {"type": ["array", "null"], "items": {"$ref": f"#/definitions/{f.record}"}},
        empty=list,
    ),
    "levels": KindSpec(_levels, _levels_schema, empty=dict),
    "number": KindSpec(_number, lambda f: {"type": ["number", "null"]}),
    "count": KindSpec(_count, lambda f: {"type": ["integer", "null"], "minimum": 0}),
    "tolerance": KindSpec(
        _tolerance,
        lambda f: {
            "type": ["number", "string", "null"],
            "minimum": 0,
            "pattern": r"^(0|[1-9][0-9]*)(\.[0-9]+)?%$",
        },
    ),
    "choice": KindSpec(_choice, lambda f: {"enum": [*f.choices, None]}),
}


def fields_of(record: Record, kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The names of a record's fields, in declared order (only those of `kinds`, if given)."""
    return tuple(f.name for f in record.fields if kinds is None or f.kind in kinds)


def json_schema(record_name: str) -> dict[str, Any]:
    """A JSON Schema (draft-07) for a theme file ('theme'), ragplan.yaml ('config') or an
    indicator file ('indicators')."""
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


def _record_schema(record: Record) -> dict[str, Any]:
    return {
        "description": record.doc,
        "type": "object",
        "properties": {
            f.name: {**KINDS[f.kind].json(f), "description": f.doc} for f in record.fields
        },
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }


SCHEMA_FILES = {
    "theme": "ragplan-theme.schema.json",
    "config": "ragplan-config.schema.json",
    "indicators": "ragplan-indicators.schema.json",
    "paper": "ragplan-paper.schema.json",
}


def json_schema_text(record_name: str) -> str:
    """The JSON Schema as published: the text of schema/ragplan-<record>.schema.json."""
    import json

    return json.dumps(json_schema(record_name), indent=2, ensure_ascii=False) + "\n"
