"""The words, letters and colours of SPC (Making Data Count): each icon as MDC draws it and
says it, and the sentence saying why an indicator shows the icons it shows. Every format
uses these, so an icon never rests on its colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ragplan.model import with_unit

if TYPE_CHECKING:
    from fractions import Fraction  # imports decimal: plans without indicators never need it

    from ragplan.reports.indicators import IconCount, Indicators, IndicatorTally, RatedIndicator
    from ragplan.spc import Spc

# MDC's colours: improvement blue, concern orange, neither purple, common cause grey.
IMPROVEMENT = "#41b6e6"
CONCERN = "#ed8b00"
NEITHER = "#490092"
COMMON = "#a6a6a6"
VARIATION_COLOURS = {
    "improvement": IMPROVEMENT,
    "concern": CONCERN,
    "neither": NEITHER,
    "common": COMMON,
}
# Readable on white, for text and lines in those colours (the light blue and grey are not).
VARIATION_INK = {
    "improvement": "#005eb8",
    "concern": "#8a4f00",
    "neither": NEITHER,
    "common": "#505a5f",
}


class Icon(NamedTuple):
    """An MDC icon: its letter (none for common cause), colour, a short label and what it
    means, in words that stand for it wherever it is drawn."""

    name: str
    letter: str
    colour: str
    label: str
    meaning: str


ICONS = {
    icon.name: icon
    for icon in (
        Icon(
            "common_cause",
            "",
            COMMON,
            "Common cause",
            "no significant change: the variation is what the process always shows",
        ),
        Icon(
            "improvement_high",
            "H",
            IMPROVEMENT,
            "Improvement (high)",
            "special cause of an improving nature: higher values, where higher is better",
        ),
        Icon(
            "improvement_low",
            "L",
            IMPROVEMENT,
            "Improvement (low)",
            "special cause of an improving nature: lower values, where lower is better",
        ),
        Icon(
            "concern_high",
            "H",
            CONCERN,
            "Concern (high)",
            "special cause of a concerning nature: higher values, where lower is better",
        ),
        Icon(
            "concern_low",
            "L",
            CONCERN,
            "Concern (low)",
            "special cause of a concerning nature: lower values, where higher is better",
        ),
        Icon(
            "neither_high",
            "H",
            NEITHER,
            "Neither (high)",
            "special cause, higher values, neither improving nor concerning",
        ),
        Icon(
            "neither_low",
            "L",
            NEITHER,
            "Neither (low)",
            "special cause, lower values, neither improving nor concerning",
        ),
        Icon(
            "pass",
            "P",
            IMPROVEMENT,
            "Pass",
            "the process will consistently meet the target",
        ),
        Icon(
            "hit_or_miss",
            "?",
            COMMON,
            "Hit or miss",
            "the process will sometimes meet and sometimes miss the target",
        ),
        Icon(
            "fail",
            "F",
            CONCERN,
            "Fail",
            "the process will consistently miss the target unless something changes",
        ),
    )
}

VARIATION_WORDS = {
    "improvement": "improvement",
    "concern": "concern",
    "neither": "neither",
    "common": "common cause",
}


def number(value: Fraction | None, unit: str, places: int = 2) -> str:
    """A computed SPC number in its unit, to `places` decimals: '72.35%'."""
    if value is None:
        return ""
    return with_unit(f"{float(round(value, places)):.{places}f}", unit)


def icon_text(name: str | None) -> str:
    """'Improvement (high)', or '' for no icon."""
    return ICONS[name].label if name else ""


def spc_why(indicator: RatedIndicator) -> str:
    """Why the indicator shows its icons, naming the rules that fired: 'Improvement
    (high): 6 points in a row above the mean, Oct 23 – Mar 24. Assurance: pass ...'."""
    spc = indicator.spc
    count = len(indicator.values)
    if spc is None:
        return f"{count} value{'s' if count != 1 else ''}: an XmR chart needs 2 or more."
    if spc.variation_icon is None:
        shown = len(spc.points)
        return (
            f"{shown} values: the chart shows the mean ({number(spc.mean, indicator.unit)}) "
            "only, until there are 13 for limits and icons."
        )
    last = spc.points[-1]
    if last.signals:
        fired = "; ".join(s.describe() for s in last.signals)
        said = f"{icon_text(spc.variation_icon)} at {last.period}: {fired}."
    else:
        said = f"Common cause at {last.period}: no rule fires at the last point."
        earlier = [s.describe() for s in spc.signals]
        if earlier:
            said += f" Earlier: {'; '.join(earlier)}."
    said = f"{said} {_assurance_words(spc, indicator.unit)}"
    if spc.ignored_recalculations:
        ignored = ", ".join(spc.ignored_recalculations)
        said += f" Recalculation from {ignored} not applied: with a baseline, MDC applies only it."
    return said


def _assurance_words(spc: Spc, unit: str) -> str:
    limits = f"limits {number(spc.lower, unit)} to {number(spc.upper, unit)}"
    if spc.assurance_icon is None:
        if spc.polarity == "neither":
            return "No assurance: the indicator is neither better higher nor lower."
        return "No assurance: no target is set."
    target = with_unit(_plain(spc.target), unit)
    if spc.assurance_icon == "hit_or_miss":
        return f"Assurance hit or miss: the target of {target} lies within the {limits}."
    met = "always met" if spc.assurance_icon == "pass" else "never met as the process runs"
    return (
        f"Assurance {spc.assurance_icon}: the target of {target} lies outside the {limits}, "
        f"so it is {met}."
    )


def _plain(value: Fraction | None) -> str:
    if value is None:
        return ""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):g}"


def icon_tally(variation: Sequence[IconCount], assurance: Sequence[IconCount]) -> str:
    """'1 improvement (high), 3 common cause; assurance: 1 pass, 1 fail', or '' when no
    indicator has the 13 values icons need."""
    said = ", ".join(f"{c.total} {ICONS[c.icon].label.lower()}" for c in variation)
    if not said:
        return ""
    if assurance:
        said += "; assurance: " + ", ".join(
            f"{c.total} {ICONS[c.icon].label.lower()}" for c in assurance
        )
    return said


def indicator_line(tally: IndicatorTally | Indicators) -> str:
    """The summary's indicator line: the ratings counted, and the SPC icons counted, in the
    order the plan set's board sees them (ragplan.yaml's indicators: show)."""
    from ragplan.output.wording import rating_tally

    rag = rating_tally(tally.counts, tally.not_rated)
    icons = icon_tally(tally.variation_icons, tally.assurance_icons)
    if not icons:
        return rag
    if tally.show == "spc":
        return f"SPC {icons}; rated {rag}"
    return f"{rag}; SPC {icons}"


def indicator_sentence(tally: IndicatorTally | Indicators) -> str:
    """The summary's indicator line in a board's words (md, html, Word): '2 indicators,
    shown as measured: the plan sets them no targets.', or 'Indicators against their
    targets: 3 green, 1 amber, 0 red.', then the SPC icons counted, in the order the board
    reads them (ragplan.yaml's indicators: show)."""
    from ragplan.output.wording import plural, rating_tally

    if tally.not_rated == tally.total:
        them = "it no target" if tally.total == 1 else "them no targets"
        counted = f"{tally.total} {plural('indicator', tally.total)}"
        rag = f"{counted}, shown as measured: the plan sets {them}."
    else:
        rag = f"Indicators against their targets: {rating_tally(tally.counts, tally.not_rated)}."
    icons = icon_tally(tally.variation_icons, tally.assurance_icons)
    if not icons:
        return rag
    spc = f"Making Data Count icons: {icons}."
    return f"{spc} {rag}" if tally.show == "spc" else f"{rag} {spc}"
