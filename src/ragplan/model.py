"""The plan set as ragplan understands it: config, scale, themes, sections, actions, indicators."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # decimal is imported where an indicator's number is read: plans without any never pay.
    from decimal import Decimal


def natural_key(ident: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for dotted ids: '1.2' < '1.10', '6.1' < '8.3', '1.4.1a' after '1.4.1'."""
    parts = ident.split(".")
    if all(part.isascii() and part.isdigit() for part in parts):  # the usual '1.2.3'
        return tuple([(0, int(part), "") for part in parts])
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in _ID_PARTS.split(ident)
        if part
    )


_ID_PARTS = re.compile(r"[.\s]+|(?<=\d)(?=\D)|(?<=\D)(?=\d)")


@dataclass(frozen=True)
class Status:
    """One level of the status scale, e.g. green: 'these actions have been completed'.

    `counts` is False for a status such as "withdrawn" or "superseded": its actions
    are neither done nor outstanding, and no percentage counts them.
    """

    key: str
    label: str
    meaning: str | None = None
    done: bool = False
    colour: str | None = None
    counts: bool = True
    # In a portfolio: the status of other members' scales this one adds to ('red' for
    # 'off track'); None: only a status of the same key.
    rollup: str | None = None
    # Where ragplan.yaml lists it; not part of what the status is.
    line: int = field(default=0, repr=False, compare=False)
    column: int = field(default=0, repr=False, compare=False)


@dataclass(frozen=True)
class Scale:
    """The statuses an action may take, best first."""

    statuses: tuple[Status, ...]

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.statuses]

    @property
    def done_keys(self) -> frozenset[str]:
        return frozenset(s.key for s in self.statuses if s.done)

    @property
    def uncounted_keys(self) -> frozenset[str]:
        """Statuses left out of every percentage (withdrawn, superseded)."""
        return frozenset(s.key for s in self.statuses if not s.counts)

    @property
    def outstanding_keys(self) -> frozenset[str]:
        """Statuses of actions still to do: not done, and counted."""
        return frozenset(s.key for s in self.statuses if s.counts and not s.done)

    def lookup(self, value: str) -> str | None:
        """The scale key for a written status, matched without regard to case."""
        wanted = value.strip().casefold()
        for status in self.statuses:
            if status.key.casefold() == wanted:
                return status.key
        return None

    def rank(self, key: str) -> tuple[int, int]:
        """Lower is better: any done status before any that is not, then the scale's order
        (so 'Closed', listed last but done, ranks above 'Red')."""
        status = self.status(key)
        return (0 if status.done else 1, self.keys.index(key))

    def status(self, key: str) -> Status:
        for status in self.statuses:
            if status.key == key:
                return status
        raise KeyError(key)


DEFAULT_SCALE = Scale(
    (
        Status("green", "Green", "these actions have been completed", True, "#00703c"),
        Status(
            "amber",
            "Amber",
            "progress has been made but further work is required",
            False,
            "#ffbf47",
        ),
        Status("red", "Red", "little or no progress has been made", False, "#d4351c"),
    )
)

DEFAULT_MAX_FILE_SIZE_MB = 10
DEFAULT_MAX_ACTIONS_PER_FILE = 10_000
DEFAULT_TITLE = "Action Plan"


@dataclass
class Config:
    """The plan set's `ragplan.yaml`, or the defaults when it has none."""

    title: str = DEFAULT_TITLE
    organisation: str | None = None
    as_of: date | None = None
    scale: Scale = DEFAULT_SCALE
    max_file_size_mb: int = DEFAULT_MAX_FILE_SIZE_MB
    max_actions_per_file: int = DEFAULT_MAX_ACTIONS_PER_FILE
    rules: dict[str, str] = field(default_factory=dict)
    file: str | None = None
    # Which reading of the indicators the board sees first: "rag" or "spc".
    indicators_show: str = "rag"


@dataclass(slots=True, eq=False)
class Action:
    """One action. `line`/`column` locate its id; `rag` is a scale key once valid."""

    id: str
    summary: str
    rag: str
    lead_body: str | None
    due: date | None
    lead_officer: str | None
    notes: str | None
    carried_from: str | None
    file: str
    line: int
    column: int
    rag_line: int
    rag_column: int
    theme: Theme
    section: Section | None


@dataclass(slots=True, eq=False)
class Section:
    """One section of a theme, with its actions; `line`/`column` locate its id."""

    id: str
    title: str | None
    file: str
    line: int
    column: int
    theme: Theme
    actions: list[Action] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Theme:
    """One theme file; `unread` counts the sections and actions left out for a problem."""

    id: str
    title: str | None
    lead_officer: str | None
    file: str
    line: int
    column: int
    sections: list[Section] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    unread: int = 0

    def sort(self) -> None:
        """Put the theme's sections and actions in natural id order."""
        self.sections.sort(key=lambda s: natural_key(s.id))
        self.actions.sort(key=lambda a: natural_key(a.id))
        for section in self.sections:
            section.actions.sort(key=lambda a: natural_key(a.id))

    def all_actions(self) -> Iterator[Action]:
        """Actions directly under the theme, then each section's, as written."""
        yield from self.actions
        for section in self.sections:
            yield from section.actions


# Where each key's value is in the file: {key: (line, column)}.
Marks = dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Number:
    """A number as the plan writes it: `text` keeps its decimals ('72.0'), `value` is exact."""

    text: str
    value: Decimal

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Tolerance:
    """An indicator's amber band beyond its target: `amount` in the indicator's unit, or,
    when `relative`, that percentage of the target ('10%'). `text` is as written."""

    text: str
    amount: Decimal
    relative: bool


def with_unit(text: str, unit: str) -> str:
    """A value or target in its unit: '72.0%', '12 days', '£1200', '72.0'."""
    if unit == "percent":
        return f"{text}%"
    if unit == "days":
        return f"{text} {'day' if text == '1' else 'days'}"
    if unit == "currency":
        return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"
    return text


@dataclass(slots=True, eq=False)
class PeriodValue:
    """One period's value of an indicator; `line`/`column` locate its period."""

    period: str
    value: Number | None
    numerator: Number | None
    denominator: Number | None
    line: int
    column: int
    marks: Marks


@dataclass(slots=True, eq=False)
class Aggregate:
    """A summary column of an indicator: one value over the periods `start` to `end`
    (`from` and `to` in the file), stated or computed from their counts."""

    label: str
    start: str
    end: str
    value: Number | None
    line: int
    column: int
    marks: Marks


@dataclass(slots=True, eq=False)
class Step:
    """One step of a trajectory: the target from `period` until the next step."""

    period: str
    value: Number
    line: int
    column: int


@dataclass(slots=True, eq=False)
class Recalculation:
    """New SPC limits from `period` on, and why (`reason`, as written; '' when missing)."""

    period: str
    reason: str
    line: int
    column: int
    marks: Marks


@dataclass(slots=True, eq=False)
class SpcSettings:
    """How an indicator is read as an XmR chart: the length of a shift or trend (`runs`),
    the last period of a baseline, and recalculations, each with its reason."""

    runs: int = 6
    baseline: str | None = None
    recalculate: list[Recalculation] = field(default_factory=list)
    marks: Marks = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class Indicator:
    """A measure reported beside the actions, rated against its target when it has one.
    `target` is one value; a planned path is `trajectory` instead (its steps in order).
    `spc` holds the SPC settings as written (None: the defaults). `line`/`column` locate
    its id."""

    id: str
    title: str
    theme: str | None
    unit: str
    polarity: str | None
    target: Number | None
    tolerance: Tolerance | None
    values: list[PeriodValue]
    summaries: list[Aggregate]
    file: str
    line: int
    column: int
    marks: Marks
    trajectory: list[Step] = field(default_factory=list)
    spc: SpcSettings | None = None

    @property
    def has_target(self) -> bool:
        return self.target is not None or bool(self.trajectory)

    def target_at(self, period: str | None) -> Number | None:
        """The target in force at `period`: the one target, or the trajectory's last step
        at or before it (None before the first step, or at a period the indicator lacks)."""
        if not self.trajectory:
            return self.target
        order = {v.period: n for n, v in enumerate(self.values)}
        if period not in order:
            return None
        found, latest = None, -1
        for step in self.trajectory:
            at = order.get(step.period, -1)
            if latest < at <= order[period]:
                found, latest = step.value, at
        return found


@dataclass(slots=True, eq=False)
class IndicatorFile:
    """One file of the plan set's indicators/ folder: a table of indicators under a title."""

    title: str | None
    file: str
    indicators: list[Indicator]


@dataclass(eq=False)
class PlanSet:
    """Everything read from one plan folder.

    `shown` is the folder as messages name it; `theme_files` is how many theme
    files it holds, or None when only some files of it were read; `indicator_files`
    are the files of its indicators/ folder that could be read.
    """

    root: Path
    config: Config
    themes: list[Theme]
    shown: str = ""
    theme_files: int | None = None
    indicator_files: list[IndicatorFile] = field(default_factory=list)

    @property
    def indicators(self) -> list[Indicator]:
        """Every indicator, file by file (in name order), each file's as written."""
        return [i for f in self.indicator_files for i in f.indicators]

    def all_actions(self) -> list[Action]:
        """Every action, theme by theme, for work that needs no order (counting, lookups)."""
        return [a for theme in self.themes for a in theme.all_actions()]

    def actions(self) -> list[Action]:
        """Every action, in natural id order."""
        found = [a for theme in self.themes for a in theme.all_actions()]
        found.sort(key=lambda a: natural_key(a.id))
        return found
