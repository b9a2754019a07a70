"""How an indicator is rated: values from counts, the amber band, green, amber or red, the
direction of travel, and the one line that says why.

The arithmetic is exact (decimal, never floating point), so a value exactly on the
target or on the edge of the amber band gets the rating the rule gives it. Values are
shown as written: 72.0 stays 72.0.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import NamedTuple

from ragplan.model import Aggregate, Indicator, Number, PeriodValue, Tolerance, with_unit

RATINGS = ("green", "amber", "red")

# Wide enough that sums, products and quotients of numbers of up to 15 digits are exact
# (a quotient is exact to 60 digits, far past any rounding a report shows).
_PRECISION = 60


class Shown(NamedTuple):
    """A value as reports show it: as stated, or computed from counts and rounded; with
    the stated value the counts overruled, when they disagreed."""

    number: Number
    computed: bool
    overruled: Number | None = None


class Assessment(NamedTuple):
    """An indicator rated at one period: its value there, the rating (None: not rated), the
    line saying why, and the direction of travel from the period before."""

    period: str | None
    value: Number | None
    rating: str | None
    why: str
    direction: str | None


def decimals(number: Number) -> int:
    """How many decimals it was written with: 72.0 has 1."""
    return len(number.text.partition(".")[2])


def places(indicator: Indicator) -> int:
    """The decimals computed values are shown to: the most any stated value has, else 1."""
    return max((decimals(v.value) for v in indicator.values if v.value is not None), default=1)


def _rounded(value: Decimal, digits: int) -> Number:
    exact = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return Number(format(exact, "f"), exact)


def ratio(numerator: Number, denominator: Number, unit: str) -> Decimal | None:
    """The value counts give: a percent (x 100) or an average; None when nothing was counted."""
    if denominator.value == 0:
        return None
    scale = 100 if unit == "percent" else 1
    with localcontext(prec=_PRECISION):
        return numerator.value * scale / denominator.value


def counts_valid(value: PeriodValue, unit: str) -> bool:
    """False when the counts cannot be right: one without the other, a denominator of 0, a
    percent's numerator above its denominator (each an error of indicator-counts)."""
    numerator, denominator = value.numerator, value.denominator
    if numerator is None or denominator is None:
        return numerator is None and denominator is None
    if denominator.value == 0:
        return False
    return unit != "percent" or numerator.value <= denominator.value


def period_value(indicator: Indicator, value: PeriodValue) -> Shown | None:
    """A period's value: as stated, else from its counts, rounded to `places`. A stated
    value its own (valid) counts disagree with gives way to theirs, to its decimals, as a
    summary's does: what the counts say is what is shown and rated."""
    if value.value is not None:
        if value.numerator is not None and counts_valid(value, indicator.unit):
            assert value.denominator is not None  # valid counts come in pairs
            exact = ratio(value.numerator, value.denominator, indicator.unit)
            if exact is not None and disagrees(value.value, exact):
                return Shown(_rounded(exact, decimals(value.value)), True, value.value)
        return Shown(value.value, False)
    if value.numerator is not None and value.denominator is not None:
        exact = ratio(value.numerator, value.denominator, indicator.unit)
        if exact is not None:
            return Shown(_rounded(exact, places(indicator)), True)
    return None


def span(indicator: Indicator, summary: Aggregate) -> list[PeriodValue] | None:
    """The periods from..to of a summary, or None when they do not name periods in order."""
    names = [v.period for v in indicator.values]
    if summary.start not in names or summary.end not in names:
        return None
    first, last = names.index(summary.start), names.index(summary.end)
    return indicator.values[first : last + 1] if first <= last else None


def computed_summary(indicator: Indicator, summary: Aggregate) -> Decimal | None:
    """The exact value the counts of the periods from..to give, when every one has both:
    an aggregate of rates comes from counts, not from the mean of the rates."""
    periods = span(indicator, summary)
    if not periods:
        return None
    numerators = [v.numerator for v in periods]
    denominators = [v.denominator for v in periods]
    if any(n is None for n in numerators) or any(d is None for d in denominators):
        return None
    with localcontext(prec=_PRECISION):
        numerator = sum((n.value for n in numerators if n is not None), Decimal(0))
        denominator = sum((d.value for d in denominators if d is not None), Decimal(0))
    return ratio(Number("", numerator), Number("", denominator), indicator.unit)


def summary_value(indicator: Indicator, summary: Aggregate) -> Shown | None:
    """A summary's value: computed from counts when it can be (to the stated value's
    decimals, else `places`), else as stated."""
    exact = computed_summary(indicator, summary)
    if exact is not None:
        digits = decimals(summary.value) if summary.value is not None else places(indicator)
        return Shown(_rounded(exact, digits), True)
    if summary.value is not None:
        return Shown(summary.value, False)
    return None


def disagrees(stated: Number, exact: Decimal) -> bool:
    """True when `stated` is further from `exact` than its rounding allows: more than half
    a unit of its last decimal (69.8 allows 69.75 to 69.85)."""
    half = Decimal(5).scaleb(-decimals(stated) - 1)
    with localcontext(prec=_PRECISION):
        return abs(stated.value - exact) > half


def band(target: Decimal, tolerance: Tolerance | None) -> Decimal:
    """The width of the amber band: the tolerance, or its percentage of the target."""
    if tolerance is None:
        return Decimal(0)
    if not tolerance.relative:
        return tolerance.amount
    with localcontext(prec=_PRECISION):
        return abs(target) * tolerance.amount / 100


def rate(value: Decimal, target: Decimal, width: Decimal, polarity: str) -> str:
    """green on or beyond the target on the better side; amber up to `width` short of it;
    red further. Polarity 'lower' is the mirror of 'higher'."""
    if polarity == "lower":
        value, target = -value, -target
    with localcontext(prec=_PRECISION):
        if value >= target:
            return "green"
        if value >= target - width:
            return "amber"
    return "red"


def direction(now: Decimal, then: Decimal, polarity: str | None) -> str | None:
    """improved, worsened or same, by polarity; None when a change cannot be called better
    or worse (no polarity)."""
    if now == then:
        return "same"
    if polarity not in ("higher", "lower"):  # none, or neither: SPC's, never better or worse
        return None
    better = now > then if polarity == "higher" else now < then
    return "improved" if better else "worsened"


def assess(indicator: Indicator, period: str | None = None) -> Assessment:
    """The indicator rated at `period`, or at its latest value when None."""
    names = [v.period for v in indicator.values]
    if period is None:
        index = len(names) - 1
        if index < 0:
            return Assessment(None, None, None, "No values yet, so not rated.", None)
    elif period in names:
        index = names.index(period)
    else:
        return Assessment(None, None, None, f"No value in {period}, so not rated.", None)
    at = indicator.values[index].period
    shown = period_value(indicator, indicator.values[index])
    if shown is None:
        return Assessment(at, None, None, f"No value in {at}, so not rated.", None)
    value = shown.number
    moved = None
    if index > 0:
        before = period_value(indicator, indicator.values[index - 1])
        if before is not None:
            moved = direction(value.value, before.number.value, indicator.polarity)
    rating, why = _rating(indicator, value, at)
    if shown.overruled is not None:
        counted = indicator.values[index]
        assert counted.numerator is not None and counted.denominator is not None
        stated = with_unit(shown.overruled.text, indicator.unit)
        why += (
            f" The stated value, {stated}, disagreed with its counts "
            f"({counted.numerator.text} / {counted.denominator.text}), so the counts' "
            f"{with_unit(value.text, indicator.unit)} is {'rated' if rating else 'shown'}."
        )
    return Assessment(at, value, rating, why, moved)


def _rating(indicator: Indicator, value: Number, period: str) -> tuple[str | None, str]:
    unit = indicator.unit
    target = indicator.target_at(period)
    head = f"{with_unit(value.text, unit)} in {period}"
    if indicator.polarity == "neither":
        return None, f"{head}; polarity neither: read by SPC, never rated."
    if target is None:
        if indicator.trajectory:
            return None, f"{head}; the trajectory sets no target for {period}, so not rated."
        return None, f"{head}; no target is set, so not rated."
    if indicator.polarity is None:
        return None, f"{head}; no polarity (higher or lower is better) is set, so not rated."
    width = band(target.value, indicator.tolerance)
    rating = rate(value.value, target.value, width, indicator.polarity)
    planned = f"the trajectory's target for {period}" if indicator.trajectory else "a target"
    head += f" against {planned} of {with_unit(target.text, unit)} ({indicator.polarity} is better)"
    with localcontext(prec=_PRECISION):
        gap = value.value - target.value
    if gap == 0:
        where = "on target"
    else:
        where = f"{_difference(format(abs(gap), 'f'), unit)} {'above' if gap > 0 else 'below'}"
    if rating == "green":
        return rating, f"{head}: {where}, so green."
    if width == 0:
        return rating, f"{head}: {where}, with no amber band, so red."
    named = _band_name(indicator.tolerance, width, unit)
    if rating == "amber":
        return rating, f"{head}: {where}, within {named}, so amber."
    return rating, f"{head}: {where}, beyond {named}, so red."


def _difference(text: str, unit: str) -> str:
    """A difference between two values: percentages differ by points ('8.0 points')."""
    if unit == "percent":
        return f"{text} {'point' if text == '1' else 'points'}"
    return with_unit(text, unit)


def _band_name(tolerance: Tolerance | None, width: Decimal, unit: str) -> str:
    """'the 5-point amber band', 'the amber band of 10% of the target (8 points)'."""
    assert tolerance is not None
    if tolerance.relative:
        return (
            f"the amber band of {tolerance.text} of the target "
            f"({_difference(format(width, 'f'), unit)})"
        )
    text = tolerance.text
    if unit == "percent":
        return f"the {text}-point amber band"
    if unit == "days":
        return f"the {text}-day amber band"
    if unit == "currency":
        return f"the £{text} amber band"
    return f"the amber band of {text}"
