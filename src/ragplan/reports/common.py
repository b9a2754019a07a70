"""What every report shares: statuses with their colours, counts, filters, figures at an
earlier revision, the report date, how names are matched, and how a status moves."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol

from ragplan.errors import UsageError
from ragplan.model import Action, Config, PlanSet, Scale

# What `--since REV` compares with: the revision as named, and the plan set read there.
Earlier = tuple[str, PlanSet]

# Background for statuses whose scale entry gives no colour.
NEUTRAL_GREY = "#d9d9d9"


class Travel(NamedTuple):
    """A direction of travel: its word ('improved', 'worsened', 'no change', 'new';
    an indicator's 'same') and arrow. Here, not in since.py, so that an indicator's
    direction does not import the comparison of revisions."""

    word: str
    arrow: str

    def __str__(self) -> str:
        return f"{self.arrow} {self.word}"


IMPROVED = Travel("improved", "↑")
WORSENED = Travel("worsened", "↓")
NO_CHANGE = Travel("no change", "→")
NEW = Travel("new", "+")


class ReportStatus(NamedTuple):
    """A status of the scale as reports show it, with colours resolved.

    `in_text` is how running text names it: the label as written, except that a label
    which is only its key capitalised ('Green') is written as the key ('green'), as a
    board paper does ("150 actions are 'green'").
    """

    key: str
    label: str
    meaning: str | None
    done: bool
    colour: str
    text_colour: str
    counts: bool = True
    rollup: str | None = None  # what a portfolio adds it to (see Status.rollup)

    @property
    def in_text(self) -> str:
        return self.key if self.label.casefold() == self.key.casefold() else self.label


@dataclass(frozen=True)
class Count:
    """How many actions have one status."""

    status: ReportStatus
    count: int


@dataclass
class Previous:
    """The same figures at an earlier git revision (`--since REV`). `counts` has a column
    for each status of today's scale, then one for each status only that revision had,
    so they always add up to `total`."""

    rev: str
    as_of: date | None
    total: int
    counted: int
    done: int
    percent_done: int
    counts: list[Count]
    scale_counts: dict[str, int]


class Filter(NamedTuple):
    """A filter a report was asked for: its name as reports say it ('lead officer'), its
    json key ('lead_officer'), and the values it matched, as the plan writes them."""

    name: str
    key: str
    values: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.name}: {', '.join(self.values)}"


class Configured(Protocol):
    """A plan set, or what was read of one: anything with its config."""

    @property
    def config(self) -> Config: ...


def report_date(plan_set: Configured, as_of: date | None) -> date:
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


def report_statuses(scale: Scale, earlier: Scale | None = None) -> list[ReportStatus]:
    """The scale, best first, with every status given a background and a text colour;
    with `earlier`, then each status only the earlier scale has, marked as such."""
    found = []
    for s in scale.statuses:
        colour = (s.colour or NEUTRAL_GREY).lower()
        found.append(
            ReportStatus(
                s.key,
                s.label,
                s.meaning,
                s.done,
                colour,
                text_colour_on(colour),
                s.counts,
                s.rollup,
            )
        )
    if earlier is not None:
        for s in earlier.statuses:
            if s.key not in scale.keys:
                colour = (s.colour or NEUTRAL_GREY).lower()
                label = f"{s.label} (earlier scale)"
                found.append(
                    ReportStatus(
                        s.key, label, s.meaning, s.done, colour, text_colour_on(colour), s.counts
                    )
                )
    return found


def percent(part: int, whole: int) -> int:
    """Whole percent, rounded down so that 100% means every action is done."""
    return part * 100 // whole if whole else 0


def is_overdue(action: Action, outstanding: frozenset[str], as_of: date) -> bool:
    """Outstanding (counted and not done) and due before the report date."""
    return action.rag in outstanding and action.due is not None and action.due < as_of


def lead_officer_of(action: Action) -> str | None:
    """The action's lead officer, or its theme's when the action names none."""
    return action.lead_officer or action.theme.lead_officer


def previous_figures(
    rev: str,
    as_of: date | None,
    counts: dict[str, int],
    done: int,
    counted: int,
    statuses: list[ReportStatus],
) -> Previous:
    """Figures then; `counts` are by that revision's status keys, shown in `statuses`' columns
    (today's scale, then the statuses only that revision had)."""
    total = sum(counts.values())
    shown = [Count(s, counts.get(s.key, 0)) for s in statuses]
    return Previous(rev, as_of, total, counted, done, percent(done, counted), shown, counts)


# Matching names as people type them: case, repeated spaces, and curly or straight quotes,
# apostrophes and dashes make no difference ("Children's" is "Children’s").
_SAME = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def name_key(text: str) -> str:
    """The form in which names are compared."""
    return " ".join(text.translate(_SAME).split()).casefold()


def joint_names(lead: str | None) -> list[str]:
    """The people or roles a lead names: 'AD CSC / LSCB Manager' is two, split at '/'."""
    if lead is None:
        return []
    names = [name.strip() for name in lead.split("/")]
    return [name for name in names if name] or [lead]


def leads_match(lead: str | None, wanted: Iterable[str]) -> bool:
    """True when `lead`, or one of its '/'-separated names, is one of `wanted`.

    'AD CSC / LSCB Manager' matches 'AD CSC' and 'lscb  manager', not 'AD'.
    """
    if lead is None:
        return False
    names = {name_key(lead), *(name_key(n) for n in joint_names(lead))}
    return any(name_key(w) in names for w in wanted)


def no_match(field: str, value: str, choices: Iterable[str], what: str) -> UsageError:
    """The error for a filter value that matches nothing in the plan set, with the
    nearest values it does hold (or all of them, when there are few)."""
    known = sorted(set(choices), key=name_key)
    by_key = {name_key(c): c for c in known}
    close = difflib.get_close_matches(name_key(value), list(by_key), n=3, cutoff=0.5)
    if close:
        hint = "nearest: " + ", ".join(f"'{by_key[c]}'" for c in close)
    elif len(known) <= 15:
        hint = f"the plan set has: {', '.join(repr(c) for c in known) or 'none'}"
    else:
        hint = f"none is near it among the plan set's {len(known)}"
    return UsageError(f"'{value}' matches no {what} in the plan set; {hint}", field=field)


def movement(old_rag: str, new_rag: str, before: Scale, after: Scale) -> str | None:
    """'improved' or 'worsened' when an action's status moved along a scale both statuses
    are on, a done status ranking above every other; None when it did not move, or moved
    into or out of a status that is not counted (withdrawn)."""
    if old_rag == new_rag:
        return None
    for scale in (after, before):
        keys = scale.keys
        if old_rag in keys and new_rag in keys:
            if old_rag in scale.uncounted_keys or new_rag in scale.uncounted_keys:
                return None
            return "improved" if scale.rank(new_rag) < scale.rank(old_rag) else "worsened"
    return None
