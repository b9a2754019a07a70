"""Statistical process control: an indicator's values read as an XmR chart, by the rules of
NHS England's Making Data Count Single Chart Tool v5.0 (see docs/spc.md).

A pure function of data: `xmr()` takes the values in period order and the indicator's
settings and returns an `Spc` (or None below two values). Every number is computed as an
exact fraction, so a point exactly on the mean, or a target exactly on a limit, is judged as
the rules say rather than by a floating-point accident; `Spc.as_json()` rounds to four
decimals only at the end. `settings_problems()` states, one sentence each, what is wrong with
the settings, so validation can report them with file and line before a report calls
`xmr()`, which raises ValueError on the same problems.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, NamedTuple

Numeric = int | Decimal | Fraction | float
Polarity = Literal["higher", "lower", "neither"]
Variation = Literal["improvement", "concern", "neither", "common"]
Rule = Literal["beyond_limit", "shift", "trend", "two_of_three"]
Side = Literal["high", "low"]

# MDC's tool multiplies the mean moving range by 2.66 (3 / 1.128 rounded); the checklist's
# own worked figures sometimes use 3 / 1.128, which differs by less than 0.01 there.
LIMIT_FACTOR = Fraction(266, 100)
TWO_SIGMA_FACTOR = LIMIT_FACTOR * 2 / 3
# Below this many points the chart shows the mean only: no limits, no icons, no colours.
MINIMUM_POINTS = 13
RUN_LENGTHS = (6, 7)
POLARITIES = ("higher", "lower", "neither")
# Places kept by as_json(): the contract asks for two or more.
JSON_PLACES = 4


class Signal(NamedTuple):
    """One special-cause rule that fired: `rule` over the points `start`..`end` (indexes,
    inclusive; `first` and `last` their periods), `size` points flagged by it, on the
    `side` it points to (above the mean or rising: high), read as `variation`."""

    rule: Rule
    side: Side
    start: int
    end: int
    first: str
    last: str
    size: int
    variation: Variation

    def describe(self) -> str:
        """The signal in words for a report: '6 points in a row above the mean, Oct 23 – Mar 24'."""
        span = self.first if self.first == self.last else f"{self.first} – {self.last}"
        above = "above" if self.side == "high" else "below"
        if self.rule == "shift":
            what = f"{self.size} points in a row {above} the mean"
        elif self.rule == "trend":
            rising = "rising" if self.side == "high" else "falling"
            what = f"{self.size} points in a row {rising}"
        elif self.rule == "beyond_limit":
            limit = "upper" if self.side == "high" else "lower"
            if self.size == 1:
                what = f"a point {above} the {limit} limit"
            else:
                what = f"{self.size} points in a row {above} the {limit} limit"
        else:
            line = "upper" if self.side == "high" else "lower"
            what = f"{self.size} points beyond the {line} two-sigma line, 2 or 3 of 3 in a row"
        return f"{what}, {span}"


class SpcPoint(NamedTuple):
    """One point of the chart, with the lines of its own calculation period: `upper` and
    `lower` (and the two-sigma lines) are None when the chart has too few points to show
    limits. `target` is the target in force at this period, if any; `signals` are the rules
    that flagged this point (empty for common cause)."""

    period: str
    value: Fraction
    mean: Fraction
    upper: Fraction | None
    lower: Fraction | None
    upper_two_sigma: Fraction | None
    lower_two_sigma: Fraction | None
    variation: Variation
    signals: tuple[Signal, ...]
    target: Fraction | None


class Section(NamedTuple):
    """A calculation period: the points `start`..`end` (indexes, inclusive) share one mean
    and one set of limits, computed from the points `from_start`..`from_end` (the baseline's
    points for a section the baseline extends into; otherwise its own). `kind` is 'whole'
    (no baseline or recalculation), 'baseline', 'after_baseline', 'before_recalculation' or
    'recalculation'. Its limits are those computed, even where the chart has too few points
    to show them (the points' own lines are None then)."""

    kind: str
    start: int
    end: int
    first: str
    last: str
    from_start: int
    from_end: int
    mean: Fraction
    mean_moving_range: Fraction | None
    upper: Fraction | None
    lower: Fraction | None


class Spc(NamedTuple):
    """An indicator as an XmR chart. `mean`, `upper` and `lower` apply to the last point;
    limits and icons are None below `MINIMUM_POINTS` points. `signals` are every rule that
    fired, in order of their first point. `ignored_recalculations` are recalculations left
    out because a baseline is set (MDC: with both, only the baseline is applied)."""

    runs: int
    polarity: Polarity
    mean: Fraction
    upper: Fraction | None
    lower: Fraction | None
    points: tuple[SpcPoint, ...]
    sections: tuple[Section, ...]
    signals: tuple[Signal, ...]
    variation_icon: str | None
    assurance_icon: str | None
    target: Fraction | None
    ignored_recalculations: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The JSON contract of issue 27 (numbers rounded to JSON_PLACES decimals), with
        each point's rules and the chart's signals added for reports to say why."""

        def point(p: SpcPoint) -> dict[str, Any]:
            return {
                "period": p.period,
                "value": _json_number(p.value),
                "mean": _json_number(p.mean),
                "upper": _json_number(p.upper),
                "lower": _json_number(p.lower),
                "variation": p.variation,
                "rules": sorted({s.rule for s in p.signals}),
            }

        return {
            "runs": self.runs,
            "mean": _json_number(self.mean),
            "upper": _json_number(self.upper),
            "lower": _json_number(self.lower),
            "points": [point(p) for p in self.points],
            "variation_icon": self.variation_icon,
            "assurance_icon": self.assurance_icon,
            "signals": [
                {
                    "rule": s.rule,
                    "side": s.side,
                    "first": s.first,
                    "last": s.last,
                    "size": s.size,
                    "variation": s.variation,
                    "text": s.describe(),
                }
                for s in self.signals
            ],
        }


def _json_number(value: Fraction | None) -> float | None:
    return None if value is None else float(round(value, JSON_PLACES))


def exact(value: Numeric) -> Fraction:
    """A value as an exact fraction; a float is taken as the decimal it prints as (0.1 is
    1/10), which is what whoever wrote it meant."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def _nearest(name: str, names: Sequence[str]) -> str:
    """Words pointing at the periods meant: the closest names, else the range there is."""
    close = difflib.get_close_matches(name, list(names), n=3, cutoff=0.5)
    if close:
        return " (nearest: " + ", ".join(close) + ")"
    return f" (the values run {names[0]} to {names[-1]})" if names else " (there are no values)"


def settings_problems(
    periods: Sequence[str],
    *,
    polarity: str = "higher",
    runs: int = 6,
    baseline: str | None = None,
    recalculate: Iterable[str] = (),
    target: Numeric | Sequence[tuple[str, Numeric]] | None = None,
) -> list[str]:
    """What is wrong with these settings for an indicator with values at `periods` (in
    order), one sentence each; empty when `xmr()` can draw the chart."""
    problems: list[str] = []
    index = {p: i for i, p in enumerate(periods)}
    if len(index) != len(periods):
        twice = sorted({p for p in periods if periods.count(p) > 1})
        problems.append(f"the period {', '.join(twice)} has more than one value")
    if polarity not in POLARITIES:
        problems.append(f"polarity {polarity!r} is not one of higher, lower, neither")
    if runs not in RUN_LENGTHS:
        problems.append(f"runs must be 6 or 7, not {runs!r}")
    starts = [0]
    if baseline is not None:
        if baseline not in index:
            nearest = _nearest(baseline, periods)
            problems.append(f"the baseline ends at {baseline}, a period with no value{nearest}")
        elif index[baseline] == 0:
            problems.append(
                f"the baseline ends at {baseline}, its first period: limits need 2 values or more"
            )
    recalculations = list(recalculate)
    for n, period in enumerate(recalculations):
        if period in recalculations[:n]:
            problems.append(f"two recalculations from {period}")
        elif period not in index:
            problems.append(
                f"a recalculation from {period}, a period with no value{_nearest(period, periods)}"
            )
        elif index[period] == 0:
            problems.append(f"a recalculation from {period}, the first period, changes nothing")
        else:
            starts.append(index[period])
    if baseline is None and len(starts) > 1:
        bounds = sorted(starts) + [len(periods)]
        for begin, end in zip(bounds, bounds[1:], strict=False):
            if end - begin < 2:
                problems.append(
                    f"the calculation period from {periods[begin]} has one value:"
                    " limits need 2 or more"
                )
    if target is not None and not isinstance(target, int | Decimal | Fraction | float):
        seen: set[str] = set()
        for period, _ in target:
            if period in seen:
                problems.append(f"the trajectory gives {period} twice")
            seen.add(period)
    return problems


def xmr(
    values: Sequence[tuple[str, Numeric]],
    *,
    polarity: str = "higher",
    runs: int = 6,
    baseline: str | None = None,
    recalculate: Iterable[str] = (),
    target: Numeric | Sequence[tuple[str, Numeric]] | None = None,
) -> Spc | None:
    """The XmR chart of `values` ((period, value) pairs, oldest first), or None below 2 values.

    `polarity` says which way is better ('neither': special causes are only 'neither');
    `runs` is the length of a shift or a trend (6 or 7); `baseline` is the last period of
    the baseline, whose mean and limits extend to every later point; `recalculate` are the
    periods from which new mean and limits are computed (ignored, and listed in the result,
    when a baseline is set); `target` is one value, or a trajectory of (period, value) in
    order, each value the target from its period until the next (periods not among
    `values` are left out of the judgement). Raises ValueError on what `settings_problems`
    reports.
    """
    periods = [period for period, _ in values]
    recalculations = list(recalculate)
    problems = settings_problems(
        periods,
        polarity=polarity,
        runs=runs,
        baseline=baseline,
        recalculate=recalculations,
        target=target,
    )
    if problems:
        raise ValueError("; ".join(problems))
    if len(values) < 2:
        return None
    numbers = [exact(v) for _, v in values]
    checked: Polarity = (
        "higher" if polarity == "higher" else "lower" if polarity == "lower" else "neither"
    )
    sections = _sections(periods, numbers, baseline, recalculations)
    shown = len(numbers) >= MINIMUM_POINTS
    lines = _lines(sections, len(numbers), shown)
    found = _signals(periods, numbers, lines, runs, checked) if shown else []
    signals = [signal for signal, _ in found]
    targets = _targets(periods, target)
    points = []
    for i, (period, value) in enumerate(zip(periods, numbers, strict=True)):
        mean, upper, lower, upper2, lower2 = lines[i]
        mine = tuple(signal for signal, members in found if i in members)
        points.append(
            SpcPoint(
                period,
                value,
                mean,
                upper,
                lower,
                upper2,
                lower2,
                _variation(mine),
                mine,
                targets[i],
            )
        )
    last = points[-1]
    return Spc(
        runs=runs,
        polarity=checked,
        mean=last.mean,
        upper=last.upper,
        lower=last.lower,
        points=tuple(points),
        sections=tuple(sections),
        signals=tuple(signals),
        variation_icon=_variation_icon(last, checked) if shown else None,
        assurance_icon=_assurance_icon(last, checked) if shown else None,
        target=last.target,
        ignored_recalculations=tuple(recalculations) if baseline is not None else (),
    )


def _section(
    kind: str,
    periods: Sequence[str],
    numbers: Sequence[Fraction],
    start: int,
    end: int,
    from_start: int,
    from_end: int,
) -> Section:
    basis = numbers[from_start : from_end + 1]
    mean = sum(basis, Fraction(0)) / len(basis)
    # Moving ranges only between neighbours of the same basis: never across a break.
    ranges = [abs(b - a) for a, b in zip(basis, basis[1:], strict=False)]
    average = sum(ranges, Fraction(0)) / len(ranges) if ranges else None
    upper = lower = None
    if average is not None:
        upper, lower = mean + LIMIT_FACTOR * average, mean - LIMIT_FACTOR * average
    return Section(
        kind,
        start,
        end,
        periods[start],
        periods[end],
        from_start,
        from_end,
        mean,
        average,
        upper,
        lower,
    )


def _sections(
    periods: Sequence[str],
    numbers: Sequence[Fraction],
    baseline: str | None,
    recalculations: Sequence[str],
) -> list[Section]:
    last = len(numbers) - 1
    if baseline is not None:
        end = periods.index(baseline)
        sections = [_section("baseline", periods, numbers, 0, end, 0, end)]
        if end < last:
            sections.append(_section("after_baseline", periods, numbers, end + 1, last, 0, end))
        return sections
    starts = sorted({periods.index(p) for p in recalculations} | {0})
    bounds = [*starts, last + 1]
    result = []
    for n, (begin, stop) in enumerate(zip(bounds, bounds[1:], strict=False)):
        kind = (
            "whole" if len(starts) == 1 else "before_recalculation" if n == 0 else "recalculation"
        )
        result.append(_section(kind, periods, numbers, begin, stop - 1, begin, stop - 1))
    return result


Lines = tuple[Fraction, Fraction | None, Fraction | None, Fraction | None, Fraction | None]


def _lines(sections: Sequence[Section], count: int, shown: bool) -> list[Lines]:
    """Each point's mean, limits and two-sigma lines, those of its own section."""
    result: list[Lines] = []
    for section in sections:
        upper = lower = upper2 = lower2 = None
        if shown and section.mean_moving_range is not None:
            upper, lower = section.upper, section.lower
            upper2 = section.mean + TWO_SIGMA_FACTOR * section.mean_moving_range
            lower2 = section.mean - TWO_SIGMA_FACTOR * section.mean_moving_range
        result.extend(
            [(section.mean, upper, lower, upper2, lower2)] * (section.end - section.start + 1)
        )
    assert len(result) == count
    return result


def _side(value: Fraction, line: Fraction) -> int:
    return (value > line) - (value < line)


def _reading(side: Side, polarity: Polarity) -> Variation:
    if polarity == "neither":
        return "neither"
    return "improvement" if (side == "high") == (polarity == "higher") else "concern"


def _signals(
    periods: Sequence[str],
    numbers: Sequence[Fraction],
    lines: Sequence[Lines],
    runs: int,
    polarity: Polarity,
) -> list[tuple[Signal, frozenset[int]]]:
    """Every rule that fired, each with the indexes of the points it flags."""
    found: list[tuple[Signal, frozenset[int]]] = []

    def signal(rule: Rule, direction: int, members: Sequence[int]) -> None:
        side: Side = "high" if direction > 0 else "low"
        start, end = members[0], members[-1]
        first, last = periods[start], periods[end]
        reading = _reading(side, polarity)
        found.append(
            (Signal(rule, side, start, end, first, last, len(members), reading), frozenset(members))
        )

    # Beyond a limit (strictly): consecutive points beyond the same limit make one signal.
    beyond = [_beyond(v, line) for v, line in zip(numbers, lines, strict=True)]
    for start, end, direction in _stretches(beyond):
        signal("beyond_limit", direction, range(start, end + 1))

    # Shift: `runs` or more points strictly on one side of their own period's mean, crossing
    # recalculations; a point on the mean belongs to neither side and ends the run.
    sides = [_side(v, line[0]) for v, line in zip(numbers, lines, strict=True)]
    for start, end, direction in _stretches(sides):
        if end - start + 1 >= runs:
            signal("shift", direction, range(start, end + 1))

    # Trend: `runs` or more points each strictly above (or below) the one before; an equal
    # neighbour is a pause and ends it. A peak can end one trend and start the next.
    steps = [_side(b, a) for a, b in zip(numbers, numbers[1:], strict=False)]
    for start, end, direction in _stretches(steps):
        if end - start + 2 >= runs:
            signal("trend", direction, range(start, end + 2))

    # Two of three: in any 3 points in a row on the same side of their means, 2 or 3 beyond
    # the two-sigma line on that side; a point beyond the limit counts for the side but not
    # as beyond two sigma (the single-point rule shows it). Overlapping windows merge.
    near = [_near(v, line) for v, line in zip(numbers, lines, strict=True)]
    flagged: dict[int, set[int]] = {1: set(), -1: set()}
    for i in range(len(numbers) - 2):
        window = range(i, i + 3)
        side = sides[i]
        if side and all(sides[j] == side for j in window):
            hits = [j for j in window if near[j] == side]
            if len(hits) >= 2:
                flagged[side].update(hits)
    for direction, points in flagged.items():
        for group in _groups(sorted(points)):
            signal("two_of_three", direction, group)

    found.sort(key=lambda found: (found[0].start, found[0].end, found[0].rule))
    return found


def _beyond(value: Fraction, line: Lines) -> int:
    _, upper, lower, _, _ = line
    if upper is None or lower is None:
        return 0
    return 1 if value > upper else -1 if value < lower else 0


def _near(value: Fraction, line: Lines) -> int:
    _, upper, lower, upper2, lower2 = line
    if upper is None or lower is None or upper2 is None or lower2 is None:
        return 0
    return 1 if upper2 < value <= upper else -1 if lower <= value < lower2 else 0


def _stretches(marks: Sequence[int]) -> list[tuple[int, int, int]]:
    """The maximal stretches of equal non-zero marks: (first index, last index, mark)."""
    stretches = []
    start = 0
    for i in range(1, len(marks) + 1):
        if i == len(marks) or marks[i] != marks[start]:
            if marks[start]:
                stretches.append((start, i - 1, marks[start]))
            start = i
    return stretches


def _groups(indexes: Sequence[int]) -> list[list[int]]:
    """Flagged two-of-three points, grouped where their windows of 3 overlap (at most one
    unflagged point between two flagged ones)."""
    groups: list[list[int]] = []
    for i in indexes:
        if groups and i - groups[-1][-1] <= 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _variation(signals: Sequence[Signal]) -> Variation:
    readings = {s.variation for s in signals}
    # MDC shows improvement where a point is both (a trend across the mean can make it so).
    order: tuple[Variation, ...] = ("improvement", "concern", "neither")
    for reading in order:
        if reading in readings:
            return reading
    return "common"


def _variation_icon(last: SpcPoint, polarity: Polarity) -> str:
    if last.variation == "common":
        return "common_cause"
    if last.variation == "neither":
        side = _side(last.value, last.mean)
        if side == 0:
            # On the mean yet flagged (only a trend can do that): the trend's direction.
            side = 1 if any(s.side == "high" for s in last.signals) else -1
        return "neither_high" if side > 0 else "neither_low"
    high = (last.variation == "improvement") == (polarity == "higher")
    return f"{last.variation}_{'high' if high else 'low'}"


def _assurance_icon(last: SpcPoint, polarity: Polarity) -> str | None:
    if polarity == "neither" or last.target is None or last.upper is None or last.lower is None:
        return None
    target = last.target
    # A target strictly outside the limits is always (or never) met; on a limit it may be either.
    if last.lower < target < last.upper or target in (last.lower, last.upper):
        return "hit_or_miss"
    always_met = target < last.lower if polarity == "higher" else target > last.upper
    return "pass" if always_met else "fail"


def _targets(
    periods: Sequence[str], target: Numeric | Sequence[tuple[str, Numeric]] | None
) -> list[Fraction | None]:
    """The target in force at each period: one value throughout, or each step of a
    trajectory from its period until the next step."""
    if target is None:
        return [None] * len(periods)
    if isinstance(target, int | Decimal | Fraction | float):
        return [exact(target)] * len(periods)
    index = {p: i for i, p in enumerate(periods)}
    steps = sorted((index[p], exact(v)) for p, v in target if p in index)
    result: list[Fraction | None] = []
    current: Fraction | None = None
    pending = list(reversed(steps))
    for i in range(len(periods)):
        while pending and pending[-1][0] == i:
            current = pending.pop()[1]
        result.append(current)
    return result
