"""The plan file format, declared once: every key, its kind, and a sentence about it.

`convert.py` reads files by these declarations and `schema_json.py` turns them into the
published JSON Schema, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ragplan.model import DEFAULT_SCALE

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
    "target",
    "mapping",
]


class Field(NamedTuple):
    name: str
    kind: Kind
    doc: str
    required: bool = False
    record: str | None = None  # for kinds "records", "mapping", "target": the record read
    prose: bool = False  # free text, where a ' #' would silently cut words off
    choices: tuple[str, ...] = ()  # for kinds "choice" and "int": the values allowed


@dataclass(frozen=True)
class Record:
    name: str
    doc: str
    fields: tuple[Field, ...]
    example: tuple[str, ...] = ()  # three lines of what it looks like, for messages
    one_of: tuple[str, ...] = ()  # keys of which exactly one is given (a member's path, git)
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
        Field(
            "rollup",
            "text",
            "In a portfolio of plan sets: the status of other scales this one adds to, e.g. "
            "'red' for 'off track'; without it, a portfolio adds it only to the same key.",
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
        Field(
            "indicators",
            "mapping",
            "How indicators reach the board, e.g. {show: spc}.",
            record="indicator_settings",
        ),
    ),
    ("title: Improvement Plan", "organisation: Example Council", "as_of: 2010-09-20"),
)

SHOWN_FIRST = ("rag", "spc")

INDICATOR_SETTINGS = Record(
    "indicator_settings",
    "How the plan set's indicators reach the board.",
    (
        Field(
            "show",
            "choice",
            "Which reading the board sees first: rag (rated against the target, the default) "
            "or spc (the SPC icons and charts of Making Data Count); the other stays beside it.",
            choices=SHOWN_FIRST,
        ),
    ),
    ("show: spc",),
)

UNITS = ("percent", "number", "days", "currency")
POLARITIES = ("higher", "lower", "neither")

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
            "Whether a higher or a lower value is better; required with a target. neither: "
            "read by SPC only (special causes are neither good nor bad), never rated.",
            choices=POLARITIES,
        ),
        Field(
            "target",
            "target",
            "The target, in the indicator's unit: one number, or a trajectory, a list of "
            "{period, value} steps, each the target from its period on; without one the "
            "indicator is shown, not rated.",
            record="step",
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
        Field(
            "spc",
            "mapping",
            "How the indicator is read as an XmR chart (SPC): runs, baseline, recalculate.",
            record="spc",
        ),
    ),
)

STEP = Record(
    "step",
    "One step of a trajectory: the target from this period until the next step.",
    (
        Field(
            "period",
            "text",
            "The period it starts, e.g. 'Apr 24'; a period with no value yet is allowed.",
            required=True,
        ),
        Field("value", "number", "The target from that period on.", required=True),
    ),
    ("- period: Apr 24", "  value: 95", "- {period: Oct 24, value: 97}"),
)

RECALCULATION = Record(
    "recalculation",
    "New SPC mean and limits from a period on, and why: the board sees the reason.",
    (
        Field("from", "text", "The first period of the new limits, e.g. 'Apr 24'.", required=True),
        Field(
            "reason",
            "text",
            "Why the process changed there, e.g. 'New triage model from April'.",
            required=True,
            prose=True,
        ),
    ),
    ("- from: Apr 24", "  reason: New triage model from April", "- {from: Oct 24, reason: ...}"),
)

SPC = Record(
    "spc",
    "SPC settings of an indicator, as Making Data Count reads an XmR chart. Every key is optional.",
    (
        Field(
            "runs",
            "int",
            "How many points in a row make a shift or a trend: 6 (the default) or 7.",
            choices=("6", "7"),
        ),
        Field(
            "baseline",
            "text",
            "The last period of the baseline: its mean and limits extend to every later "
            "value (with recalculations too, the baseline wins).",
        ),
        Field(
            "recalculate",
            "records",
            "Periods from which the mean and limits are computed anew, each with its reason.",
            record="recalculation",
        ),
    ),
    ("runs: 6", "baseline: Mar 23", "recalculate:"),
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

MEMBER = Record(
    "member",
    "One member of a portfolio: a plan folder on disk (path), or one in a git repository "
    "(git, with rev and plans).",
    (
        Field(
            "name",
            "text",
            "The member as the partnership names it, e.g. 'North Yorkshire County Council'.",
            required=True,
            prose=True,
        ),
        Field("path", "text", "A plan folder, relative to the portfolio file: '../council/plans'."),
        Field(
            "git",
            "text",
            "A git repository (a path relative to the portfolio file, or a URL git can fetch); "
            "read with git, its working tree untouched.",
        ),
        Field(
            "rev", "text", "git: the revision to read, e.g. a tag 'board-2010-09' (default HEAD)."
        ),
        Field("plans", "text", "git: the plan folder inside the repository (default plans)."),
    ),
    ("- name: North Yorkshire County Council", "  path: ../council/plans", "- name: ..."),
    one_of=("path", "git"),
)

PORTFOLIO = Record(
    "portfolio",
    "portfolio.yaml: many plan sets, one board view; each member read where it is kept.",
    (
        Field(
            "title",
            "text",
            "The portfolio's title, e.g. 'Children's Trust partnership: improvement portfolio'.",
            required=True,
            prose=True,
        ),
        Field("as_of", "date", "The date of the board the portfolio is for: 2010-09-20."),
        Field("members", "records", "The members, in the order rows are shown.", record="member"),
    ),
    ("title: Partnership improvement portfolio", "as_of: 2010-09-20", "members:"),
)

RECORDS = {
    r.name: r
    for r in (
        ACTION,
        SECTION,
        THEME,
        STATUS,
        CONFIG,
        INDICATOR_SETTINGS,
        PERIOD_VALUE,
        AGGREGATE,
        INDICATOR,
        STEP,
        RECALCULATION,
        SPC,
        INDICATOR_FILE,
        APPENDIX,
        PAPER,
        MEMBER,
        PORTFOLIO,
    )
}


def fields_of(record: Record, kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The names of a record's fields, in declared order (only those of `kinds`, if given)."""
    return tuple(f.name for f in record.fields if kinds is None or f.kind in kinds)
