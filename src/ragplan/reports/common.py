"""What every report shares: statuses with their colours, counts, figures at an earlier
revision, the report date, and how lead officers are matched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ragplan.model import Action, PlanSet, Scale

# What `--since REV` compares with: the revision as named, and the plan set read there.
Earlier = tuple[str, PlanSet]

# Background for statuses whose scale entry gives no colour.
NEUTRAL_GREY = "#d9d9d9"


@dataclass(frozen=True)
class ReportStatus:
    """A status of the scale as reports show it, with colours resolved."""

    key: str
    label: str
    meaning: str | None
    done: bool
    colour: str
    text_colour: str


@dataclass(frozen=True)
class Count:
    """How many actions have one status."""

    status: ReportStatus
    count: int


@dataclass
class Previous:
    """The same figures at an earlier git revision (`--since REV`)."""

    rev: str
    as_of: date | None
    total: int
    done: int
    percent_done: int
    counts: list[Count]
    scale_counts: dict[str, int]


def report_date(plan_set: PlanSet, as_of: date | None) -> date:
    """The date the report describes: --as-of, else the config's as_of, else today."""
    return as_of or plan_set.config.as_of or date.today()


def _luminance(colour: str) -> float:
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two '#rrggbb' colours, from 1 to 21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    black, white = "#000000", "#ffffff"
    if contrast_ratio(background, black) >= contrast_ratio(background, white):
        return black
    return white


def report_statuses(scale: Scale) -> list[ReportStatus]:
    """The scale, best first, with every status given a background and a text colour."""
    found = []
    for s in scale.statuses:
        colour = (s.colour or NEUTRAL_GREY).lower()
        found.append(
            ReportStatus(s.key, s.label, s.meaning, s.done, colour, text_colour_on(colour))
        )
    return found


def percent(part: int, whole: int) -> int:
    """Whole percent, rounded down so that 100% means every action is done."""
    return part * 100 // whole if whole else 0


def is_overdue(action: Action, done: frozenset[str], as_of: date) -> bool:
    return action.rag not in done and action.due is not None and action.due < as_of


def lead_officer_of(action: Action) -> str | None:
    """The action's lead officer, or its theme's when the action names none."""
    return action.lead_officer or action.theme.lead_officer


def previous_figures(
    rev: str, as_of: date | None, counts: dict[str, int], done: int, statuses: list[ReportStatus]
) -> Previous:
    """Figures then; `counts` are by that revision's status keys, shown in today's columns."""
    total = sum(counts.values())
    shown = [Count(s, counts.get(s.key, 0)) for s in statuses]
    return Previous(rev, as_of, total, done, percent(done, total), shown, counts)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def leads_match(lead: str | None, wanted: tuple[str, ...]) -> bool:
    """True when `lead`, or one of its '/'-separated names, is one of `wanted`.

    'AD CSC / LSCB Manager' matches 'AD CSC' and 'lscb manager', not 'AD'.
    """
    if lead is None:
        return False
    names = [lead, *lead.split("/")]
    return any(_same_name(name, w) for name in names for w in wanted)
