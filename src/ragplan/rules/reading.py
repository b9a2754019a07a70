"""The rules found while a file is read: bytes, YAML, the declared format, limits."""

from __future__ import annotations

from ragplan.problems import Problem, Rule

FILE_SIZE = Rule("file-size", "error", "A file over the size limit is refused before it is parsed.")
ENCODING = Rule("encoding", "error", "A file must be UTF-8 (a byte-order mark is allowed).")
SYNTAX = Rule("syntax", "error", "The file must be valid YAML, one document per file.")
EMPTY_FILE = Rule(
    "empty-file", "error", "A theme file holds a theme: it is not empty or only comments."
)
TABS = Rule(
    "tabs",
    "error",
    "The spaces that shape a file (indentation, after ':' and '-') are ordinary spaces: "
    "no tabs, no non-breaking spaces.",
)
NESTING = Rule("nesting", "error", "Values nest at most 20 levels deep (plan files need 5).")
TOO_MANY_ACTIONS = Rule(
    "too-many-actions",
    "error",
    "A theme file holds at most max_actions_per_file actions (default 10000).",
)
# Monthly figures for over 800 years: far past any real series, low enough that no
# indicator file can make a report's table of periods the slow part of a run.
MAX_PERIODS_PER_INDICATOR = 10_000
TOO_MANY_PERIODS = Rule(
    "too-many-periods",
    "error",
    f"An indicator lists at most {MAX_PERIODS_PER_INDICATOR} values (periods).",
)
DUPLICATE_KEY = Rule("duplicate-key", "error", "A key may appear only once in a mapping.")
ANCHORS = Rule(
    "anchors", "error", "YAML anchors and aliases are refused, so no alias bomb can load."
)
YAML_TAG = Rule("yaml-tag", "error", "Explicit YAML tags (!!int, !python/...) are refused.")
TYPE = Rule("type", "error", "Each value has the shape the format declares (mapping, list, text).")
UNKNOWN_KEY = Rule("unknown-key", "error", "Only the keys the format declares are allowed.")
MISSING_FIELD = Rule(
    "missing-field",
    "error",
    "Required keys are present: theme and section id; action id, summary and rag; "
    "indicator id and title, each value's period and value (or counts).",
)
ID_TYPE = Rule("id-type", "error", "Ids are text: an unquoted 1.10 is the number 1.1 to YAML.")
DATE = Rule("date", "error", "Dates are real dates written YYYY-MM-DD.")
NUMBER = Rule(
    "number",
    "error",
    "Indicator values, targets and tolerances are numbers written plainly (72.0, not "
    "'72.0%' or \"72.0\"); numerators and denominators are whole numbers.",
)
CHOICE = Rule(
    "choice",
    "error",
    "An indicator's unit is percent, number, days or currency; its polarity higher or lower.",
)
SCALE = Rule("scale", "error", "The scale lists at least one status, at most 50, and no key twice.")
RULE_LEVELS = Rule(
    "rule-levels",
    "error",
    "ragplan.yaml's rules set adjustable rules to error, warning or disable.",
)
TEXT_COMMENT = Rule(
    "text-comment",
    "warning",
    "An unquoted text value holds no ' #': YAML reads the rest of the line as a comment.",
    adjustable=True,
)
SYMLINK = Rule(
    "symlink",
    "error",
    "A plan file may not be a symlink to a file outside the plan folder; the indicators/ "
    "folder may not be a symlink.",
)

RULES = (
    FILE_SIZE,
    ENCODING,
    SYNTAX,
    EMPTY_FILE,
    TABS,
    NESTING,
    TOO_MANY_ACTIONS,
    TOO_MANY_PERIODS,
    DUPLICATE_KEY,
    ANCHORS,
    YAML_TAG,
    TYPE,
    UNKNOWN_KEY,
    MISSING_FIELD,
    ID_TYPE,
    DATE,
    NUMBER,
    CHOICE,
    SCALE,
    RULE_LEVELS,
    TEXT_COMMENT,
    SYMLINK,
)


def symlink_problem(shown: str) -> Problem:
    return SYMLINK.problem(
        shown, 1, 1, "is a symlink to a file outside the plan folder; copy the file in instead"
    )


def folder_symlink_problem(shown: str) -> Problem:
    return SYMLINK.problem(
        shown, 1, 1, "is a symlink to a folder; make indicators/ a real folder in the plan folder"
    )
