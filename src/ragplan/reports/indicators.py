"""The indicators behind `ragplan indicators`: each one's values as written, its summaries,
and its rating, why and direction of travel, in tables as its files group them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ragplan.errors import UsageError
from ragplan.model import DEFAULT_SCALE, Indicator, IndicatorFile, Number, PlanSet, natural_key
from ragplan.reports.common import (
    IMPROVED,
    NEUTRAL_GREY,
    WORSENED,
    ReportStatus,
    Travel,
    report_date,
    text_colour_on,
)

if TYPE_CHECKING:
    from ragplan.spc import Spc

# The MDC icons, in the order an icon table counts them.
VARIATION_ICONS = (
    "improvement_high",
    "improvement_low",
    "concern_high",
    "concern_low",
    "neither_high",
    "neither_low",
    "common_cause",
)
ASSURANCE_ICONS = ("pass", "hit_or_miss", "fail")

# The first column's header for a file that gives no title.
DEFAULT_TABLE_TITLE = "Indicator"

# What each rating means, for a key to them: the rule of rating.py in a few words.
RATING_MEANINGS = {
    "green": "on or better than its target",
    "amber": "worse than its target, within its amber band",
    "red": "worse than its target, beyond its amber band (or with no band)",
}


# An indicator's direction of travel, by the words of its json: `same`, where the share
# of actions done says `no change`.
DIRECTIONS = {"improved": IMPROVED, "worsened": WORSENED, "same": Travel("same", "→")}


class RatedValue(NamedTuple):
    """One period's value; `computed` when it comes from the counts, not the file."""

    period: str
    value: Number | None
    numerator: Number | None
    denominator: Number | None
    computed: bool


class RatedSummary(NamedTuple):
    """A summary column's value: computed from the counts, else as stated."""

    label: str
    start: str
    end: str
    value: Number | None
    computed: bool


@dataclass
class RatedIndicator:
    """An indicator as reports show it, rated at `period` (its latest, or `--period`)."""

    id: str
    title: str
    theme: str | None
    theme_title: str | None
    unit: str
    polarity: str | None
    target: Number | None
    tolerance: str | None
    period: str | None
    value: Number | None
    rating: ReportStatus | None
    why: str
    direction: Travel | None
    values: list[RatedValue]
    summaries: list[RatedSummary]
    file: str
    line: int
    # The XmR chart (None below 2 values); reasons of its recalculations, by period.
    spc: Spc | None = None
    recalculations: dict[str, str] = field(default_factory=dict)
    trajectory: list[tuple[str, Number]] = field(default_factory=list)


@dataclass
class Row:
    """An indicator's row of a table: its cells lined up with the table's columns (None
    where it has no value for that column)."""

    indicator: RatedIndicator
    values: list[RatedValue | None]
    summaries: list[RatedSummary | None]


@dataclass
class IndicatorTable:
    """The indicators of one file: `title` heads the first column, then a column per
    period and per summary, in the order the file lists them."""

    title: str
    file: str
    periods: list[str]
    labels: list[str]
    rows: list[Row] = field(default_factory=list)


@dataclass
class RatingCount:
    """How many of the listed indicators have one rating."""

    rating: ReportStatus
    count: int


class IconCount(NamedTuple):
    """How many of the listed indicators show one MDC icon."""

    icon: str
    total: int


def count_icons(rated: list[RatedIndicator]) -> tuple[list[IconCount], list[IconCount]]:
    """The variation and the assurance icons counted (only those shown at least once)."""
    variation = [r.spc.variation_icon for r in rated if r.spc is not None]
    assurance = [r.spc.assurance_icon for r in rated if r.spc is not None]
    return (
        [IconCount(i, variation.count(i)) for i in VARIATION_ICONS if i in variation],
        [IconCount(i, assurance.count(i)) for i in ASSURANCE_ICONS if i in assurance],
    )


class Filters(NamedTuple):
    """Which indicators to list, and the period to rate; empty tuples mean all."""

    themes: tuple[str, ...] = ()
    ratings: tuple[str, ...] = ()
    period: str | None = None


@dataclass
class Indicators:
    """The listed indicators, flat and by table, with their ratings counted."""

    title: str
    organisation: str | None
    as_of: date
    filters: Filters
    ratings: list[ReportStatus]
    total: int
    counts: list[RatingCount]
    not_rated: int
    rated: bool
    indicators: list[RatedIndicator]
    tables: list[IndicatorTable]
    # SPC: which reading the board sees first ("rag" or "spc"), the icons counted, and
    # whether any indicator has the 13 values an XmR chart's limits need.
    show: str = "rag"
    variation_icons: list[IconCount] = field(default_factory=list)
    assurance_icons: list[IconCount] = field(default_factory=list)
    charted: bool = False
    # "all", or "spc" for a board paper's table("spc"): the SPC icon table alone.
    part: str = "all"


def rating_statuses(plan_set: PlanSet) -> list[ReportStatus]:
    """Green, amber and red, in the colours the plan's scale gives those keys, else the
    default ones. The words are always these three, whatever the plan's scale, and so
    is what each means."""
    given = {s.key: s.colour for s in plan_set.config.scale.statuses if s.colour}
    found = []
    for status in DEFAULT_SCALE.statuses:
        colour = (given.get(status.key) or status.colour or NEUTRAL_GREY).lower()
        found.append(
            ReportStatus(
                status.key,
                status.label,
                RATING_MEANINGS[status.key],
                False,
                colour,
                text_colour_on(colour),
            )
        )
    return found


def indicator_spc(indicator: Indicator) -> Spc | None:
    """The indicator as an XmR chart, by its own settings; None below 2 values. Values
    computed from counts are used exactly, not as rounded for show; an indicator with no
    polarity is read as neither (a change is neither good nor bad)."""
    from ragplan.rating import ratio
    from ragplan.spc import settings_problems, xmr

    values = []
    for value in indicator.values:
        if value.value is not None:
            values.append((value.period, value.value.value))
        elif value.numerator is not None and value.denominator is not None:
            exact = ratio(value.numerator, value.denominator, indicator.unit)
            if exact is not None:
                values.append((value.period, exact))
    settings = indicator.spc
    polarity = indicator.polarity or "neither"
    target: object = indicator.target.value if indicator.target is not None else None
    if indicator.trajectory:
        target = [(s.period, s.value.value) for s in indicator.trajectory]
    options = {
        "polarity": polarity,
        "runs": settings.runs if settings else 6,
        "baseline": settings.baseline if settings else None,
        "recalculate": [r.period for r in settings.recalculate] if settings else [],
        "target": target,
    }
    # Validation reports these with file and line before any report runs; a report of
    # plans read without that gate shows no chart rather than a wrong one.
    if settings_problems([p for p, _ in values], **options):  # type: ignore[arg-type]
        return None
    return xmr(values, **options)  # type: ignore[arg-type]


def rate_indicator(
    indicator: Indicator,
    ratings: dict[str, ReportStatus],
    theme_titles: dict[str, str | None],
    period: str | None = None,
) -> RatedIndicator:
    """One indicator, its values and summaries as reports show them, rated at `period`."""
    from ragplan.rating import assess, period_value, summary_value

    assessed = assess(indicator, period)
    values = []
    for value in indicator.values:
        shown = period_value(indicator, value)
        values.append(
            RatedValue(
                value.period,
                shown.number if shown else None,
                value.numerator,
                value.denominator,
                shown.computed if shown else False,
            )
        )
    summaries = []
    for summary in indicator.summaries:
        shown = summary_value(indicator, summary)
        summaries.append(
            RatedSummary(
                summary.label,
                summary.start,
                summary.end,
                shown.number if shown else None,
                shown.computed if shown else False,
            )
        )
    return RatedIndicator(
        id=indicator.id,
        title=indicator.title,
        theme=indicator.theme,
        theme_title=theme_titles.get(indicator.theme) if indicator.theme else None,
        unit=indicator.unit,
        polarity=indicator.polarity,
        target=indicator.target_at(assessed.period) if indicator.trajectory else indicator.target,
        tolerance=indicator.tolerance.text if indicator.tolerance else None,
        period=assessed.period,
        value=assessed.value,
        rating=ratings[assessed.rating] if assessed.rating else None,
        why=assessed.why,
        direction=DIRECTIONS[assessed.direction] if assessed.direction else None,
        values=values,
        summaries=summaries,
        file=indicator.file,
        line=indicator.line,
        spc=indicator_spc(indicator),
        recalculations=(
            {r.period: r.reason for r in indicator.spc.recalculate} if indicator.spc else {}
        ),
        trajectory=[(s.period, s.value) for s in indicator.trajectory],
    )


def rate_all(
    plan_set: PlanSet, period: str | None = None
) -> list[tuple[IndicatorFile, list[RatedIndicator]]]:
    """Every indicator of the plan set rated, file by file."""
    ratings = {s.key: s for s in rating_statuses(plan_set)}
    titles = {t.id: t.title for t in plan_set.themes}
    return [
        (f, [rate_indicator(i, ratings, titles, period) for i in f.indicators])
        for f in plan_set.indicator_files
    ]


def _nearest(value: str, choices: list[str], what: str) -> str:
    """'did you mean ...?' with the nearest choices, else what the choices are."""
    import difflib

    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.5)
    if close:
        return f"did you mean {' or '.join(repr(c) for c in close)}?"
    return f"{what}: {', '.join(choices)}" if choices else f"{what}: none"


def _check_filters(plan_set: PlanSet, filters: Filters) -> None:
    """UsageError for a filter value that matches no indicator, with the nearest ones."""
    from ragplan.rating import RATINGS

    indicators = plan_set.indicators
    themes = sorted({i.theme for i in indicators if i.theme}, key=natural_key)
    for theme in filters.themes:
        if theme not in themes:
            raise UsageError(
                f"'{theme}': no indicator evidences this theme; "
                + _nearest(theme, themes, "the themes with indicators are"),
                field="themes",
            )
    for rating in filters.ratings:
        if rating not in RATINGS:
            raise UsageError(
                f"'{rating}' is not a rating; use {', '.join(RATINGS)}", field="ratings"
            )
    if filters.period is not None:
        periods: list[str] = []
        for indicator in indicators:
            periods += [v.period for v in indicator.values if v.period not in periods]
        if filters.period not in periods:
            raise UsageError(
                f"'{filters.period}': no indicator has a value for this period; "
                + _nearest(filters.period, periods, "the periods are"),
                field="period",
            )


def merged_order(orders: list[list[str]]) -> list[str]:
    """The names of several ordered lists as one order: a name first seen goes after the
    name before it in its own list, else before the one after it, else at the end.

    Every name before a new one in its own list has been placed by then, so "the name
    before it" is simply the previous name; a linked list makes each placement a step,
    not a search, so thousands of periods cost no more than reading them."""
    after: dict[str, str | None] = {}  # each placed name: the one that follows it
    before: dict[str, str | None] = {}  # and the one it follows
    first: str | None = None
    last: str | None = None

    def place(name: str, prev: str | None, nxt: str | None) -> None:
        nonlocal first, last
        before[name], after[name] = prev, nxt
        if prev is None:
            first = name
        else:
            after[prev] = name
        if nxt is None:
            last = name
        else:
            before[nxt] = name

    for names in orders:
        for k, name in enumerate(names):
            if name in after:
                continue
            if k:
                place(name, names[k - 1], after[names[k - 1]])
                continue
            later = next((n for n in names[1:] if n in after), None)
            if later is not None:
                place(name, before[later], later)
            else:
                place(name, last, None)
    merged = []
    placed = first
    while placed is not None:
        merged.append(placed)
        placed = after[placed]
    return merged


def _table(file: IndicatorFile, rated: list[RatedIndicator]) -> IndicatorTable:
    periods = merged_order([[v.period for v in r.values] for r in rated])
    labels = merged_order([[s.label for s in r.summaries] for r in rated])
    table = IndicatorTable(file.title or DEFAULT_TABLE_TITLE, file.file, periods, labels)
    for indicator in rated:
        by_period = {v.period: v for v in indicator.values}
        by_label = {s.label: s for s in indicator.summaries}
        table.rows.append(
            Row(
                indicator,
                [by_period.get(p) for p in periods],
                [by_label.get(label) for label in labels],
            )
        )
    return table


def find_indicators(
    plan_set: PlanSet, as_of: date | None = None, filters: Filters | None = None
) -> Indicators:
    """The plan set's indicators that pass `filters`, rated at their latest period (or
    at `filters.period`), in tables as their files give them."""
    filters = filters or Filters()
    _check_filters(plan_set, filters)
    ratings = rating_statuses(plan_set)
    listed: list[RatedIndicator] = []
    tables = []
    for file, rated in rate_all(plan_set, filters.period):
        kept = [
            r
            for r in rated
            if (not filters.themes or r.theme in filters.themes)
            and (not filters.ratings or (r.rating is not None and r.rating.key in filters.ratings))
        ]
        if kept:
            listed += kept
            tables.append(_table(file, kept))
    counts = [
        RatingCount(s, sum(1 for r in listed if r.rating is not None and r.rating.key == s.key))
        for s in ratings
    ]
    return Indicators(
        title=plan_set.config.title,
        organisation=plan_set.config.organisation,
        as_of=report_date(plan_set, as_of),
        filters=filters,
        ratings=ratings,
        total=len(plan_set.indicators),
        counts=counts,
        not_rated=sum(1 for r in listed if r.rating is None),
        rated=any(r.target is not None or r.trajectory for r in listed),
        indicators=listed,
        tables=tables,
        show=plan_set.config.indicators_show,
        variation_icons=(icons := count_icons(listed))[0],
        assurance_icons=icons[1],
        charted=any(r.spc is not None and r.spc.upper is not None for r in listed),
    )


@dataclass
class IndicatorTally:
    """The plan set's indicators counted by rating, for `summary`: `indicators` are every
    one, rated at its latest value, by theme (in theme order), those with no theme last."""

    total: int
    counts: list[RatingCount]
    not_rated: int
    indicators: list[RatedIndicator]
    variation_icons: list[IconCount] = field(default_factory=list)
    assurance_icons: list[IconCount] = field(default_factory=list)
    show: str = "rag"


def tally_indicators(plan_set: PlanSet) -> IndicatorTally | None:
    """Every indicator rated and counted; None when the plan set has none."""
    if not plan_set.indicators:
        return None
    rated = [r for _, found in rate_all(plan_set) for r in found]
    order = {t.id: n for n, t in enumerate(plan_set.themes)}
    rated.sort(key=lambda r: order.get(r.theme or "", len(order)))
    counts = [
        RatingCount(s, sum(1 for r in rated if r.rating is not None and r.rating.key == s.key))
        for s in rating_statuses(plan_set)
    ]
    not_rated = sum(1 for r in rated if r.rating is None)
    variation, assurance = count_icons(rated)
    return IndicatorTally(
        len(rated),
        counts,
        not_rated,
        rated,
        variation,
        assurance,
        plan_set.config.indicators_show,
    )
