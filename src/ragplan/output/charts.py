"""Charts as geometry: stacked bars of the counts per status, per theme or per revision.

A chart is data first (`Stacked`: its bars, the sentence under it, the text that stands
for it), then a drawing for each format: `bar_drawing` lays it out as horizontal SVG
bars (summary), `column_drawing` as vertical SVG columns (history, summary --since),
`grid_bars` as spans of table columns (Word). The markup is the templates' (chart.svg.j2,
the Word templates' chart table); this module only decides what goes where.

What every drawing keeps, so a chart never says something in colour alone and never
hides a series: bars are stacked, never overlaid; every segment has a dark outline
(at least 3:1 against the page) and, but for the first status, a pattern in black or
white over its colour; a count is written inside any segment wide enough to hold it;
the legend shows each pattern with its label, wrapped onto as many lines as the label
needs, never cut; axis ticks fall on round numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ragplan.output import wording
from ragplan.output.chartdata import Bar, Stacked, history_chart, since_chart, theme_chart
from ragplan.reports.common import Count, ReportStatus

__all__ = ["Bar", "Stacked", "bar_drawing", "column_drawing", "grid_bars", "history_chart",
           "since_chart", "theme_chart"]  # fmt: skip

# Lines drawn on the white page: outlines and axes, both well over 3:1 against it.
INK = "#0b0c0c"
AXIS = "#505a5f"
# Each status's pattern over its colour, by its place in the scale: the first (the best,
# usually the done status) is plain, the others are told apart by more than colour.
PATTERNS = ("solid", "diagonal", "dots", "cross", "horizontal", "vertical", "back-diagonal")
FONT = 13  # the size of the chart's text, in pixels


# Measuring text: no font is at hand, so widths are estimated generously from Arial's
# proportions (a label is better given room it does not need than cut short).

_NARROW = set("iIjl.,:;'|!()[]{}ft ")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float = FONT) -> float:
    """The width `text` takes in a sans-serif font of `size` pixels, overestimated a little."""
    width = 0.0
    for char in text:
        if char in _NARROW:
            width += 0.32
        elif char in _WIDE:
            width += 0.9
        elif char.isupper() or char.isdigit():
            width += 0.68 if char.isupper() else 0.56
        elif ord(char) > 0x2FF:  # other scripts, symbols and emoji: assume a full square
            width += 1.0
        else:
            width += 0.56
    return width * size * 1.05


def wrap(text: str, room: float, size: float = FONT) -> list[str]:
    """`text` as lines no wider than `room`: broken between words, and inside a word only
    when the word alone is wider. Every character is kept."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= room:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size) > room and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size) > room:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


def ticks(largest: int) -> list[int]:
    """Round axis values from 0 to at least `largest`: steps of 1, 2 or 5 times a power of
    ten, about five of them."""
    if largest <= 0:
        return [0, 1]
    rough = largest / 5
    magnitude = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    top = -(-largest // step) * step
    return list(range(0, top + 1, step))


# What SVG drawings are made of.


@dataclass(frozen=True)
class Pattern:
    """A status's fill: its colour, and a pattern (PATTERNS) in `ink` over it."""

    id: str
    kind: str
    colour: str
    ink: str


@dataclass(frozen=True)
class Segment:
    """One status's part of a bar: a rectangle, its tooltip, and its count if it fits."""

    x: float
    y: float
    width: float
    height: float
    pattern: Pattern
    tip: str  # 'board-2010-07: 19 amber'
    text: str  # the count, or '' where it does not fit
    text_x: float
    text_y: float
    text_box: tuple[float, float, float, float]  # plain colour behind the count: x, y, w, h


@dataclass(frozen=True)
class Label:
    """Text at a place, one or more lines; `anchor` is 'start', 'middle' or 'end'. A label
    with a `box` has the page's white behind it, so no grid line runs through it."""

    x: float
    y: float
    lines: list[str]
    anchor: str = "start"
    box: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class LegendEntry:
    x: float
    y: float  # the top of its swatch
    pattern: Pattern
    label: Label


@dataclass
class Drawing:
    """An SVG chart laid out: everything the templates draw, in pixels."""

    id: str  # a prefix for the SVG's ids, unique on the page
    chart: Stacked
    width: float
    height: float = 0.0
    patterns: list[Pattern] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    axis: list[tuple[float, float, float, float]] = field(default_factory=list)
    grid: list[tuple[float, float, float, float]] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    line_height: float = FONT * 1.25
    ink: str = INK
    axis_colour: str = AXIS


def _patterns(prefix: str, statuses: list[ReportStatus]) -> list[Pattern]:
    return [
        Pattern(f"{prefix}-p{i}", PATTERNS[i % len(PATTERNS)], s.colour, s.text_colour)
        for i, s in enumerate(statuses)
    ]


def _legend(drawing: Drawing, top: float) -> float:
    """Lay the legend out in rows from `top`; returns the y below it. A label too long for
    the row is wrapped, never cut."""
    swatch, gap, pad = 14.0, 6.0, 18.0
    room = drawing.width - swatch - gap
    x, y, row_height = 0.0, top, swatch
    for status, pattern in zip(drawing.chart.statuses, drawing.patterns, strict=True):
        lines = wrap(status.label, room)
        needed = swatch + gap + max(text_width(line) for line in lines)
        if x > 0 and x + needed > drawing.width:
            x, y, row_height = 0.0, y + row_height + 8, swatch
        label = _label(x + swatch + gap, y + FONT - 1, lines)
        drawing.legend.append(LegendEntry(_r(x), _r(y), pattern, label))
        row_height = max(row_height, len(lines) * drawing.line_height)
        x += needed + pad
    return y + row_height


MIN_SEGMENT = 3.0  # a count of one is never thinner than this, so no series vanishes


def _r(value: float) -> float:
    return round(value, 1)


def _lengths(counts: list[Count], scale: float) -> list[float]:
    return [max(MIN_SEGMENT, c.count * scale) if c.count else 0.0 for c in counts]


def _segment(
    box: tuple[float, float, float, float], pattern: Pattern, bar: Bar, count: Count
) -> Segment:
    """A segment, with its count written in the middle when it fits there."""
    x, y, width, height = box
    text = str(count.count)
    room = text_width(text) + 4
    if room > width or FONT + 2 > height:
        text = ""
    mid_x, mid_y = x + width / 2, y + height / 2
    text_box = (_r(mid_x - room / 2), _r(mid_y - FONT / 2 - 1), _r(room), float(FONT + 2))
    tip = f"{bar.label}: {count.count} {count.status.in_text}"
    return Segment(
        _r(x),
        _r(y),
        _r(width),
        _r(height),
        pattern,
        tip,
        text,
        _r(mid_x),
        _r(mid_y + FONT / 2 - 2),
        text_box,
    )


def _label(
    x: float, y: float, lines: list[str], anchor: str = "start", backed: bool = False
) -> Label:
    if not backed:
        return Label(_r(x), _r(y), lines, anchor)
    width = max(text_width(line) for line in lines) + 4
    left = {"start": x - 2, "middle": x - width / 2, "end": x - width + 2}[anchor]
    height = (len(lines) - 1) * FONT * 1.25 + FONT + 4
    return Label(_r(x), _r(y), lines, anchor, (_r(left), _r(y - FONT), _r(width), _r(height)))


def _line(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
    return (_r(x1), _r(y1), _r(x2), _r(y2))


def bar_drawing(chart: Stacked, prefix: str = "chart", width: int = 720) -> Drawing:
    """Horizontal bars, one per line, labels on the left (wrapped), totals at the end, the
    axis below with round ticks, then the legend."""
    d = Drawing(prefix, chart, width, patterns=_patterns(prefix, chart.statuses))
    values = ticks(max((b.total for b in chart.bars), default=0))
    end_room = text_width(str(values[-1])) + 8
    label_room = min(width * 0.34, max((text_width(b.label) for b in chart.bars), default=0))
    left = label_room + 10
    plot = width - left - end_room
    scale = plot / values[-1]
    bar_height, y = 20.0, 4.0
    for bar in chart.bars:
        lines = wrap(bar.label, label_room)
        row = max(bar_height + 8, len(lines) * d.line_height + 4)
        top = y + (row - bar_height) / 2
        first_line = y + (row - len(lines) * d.line_height) / 2 + FONT
        d.labels.append(_label(label_room, first_line, lines, "end"))
        x = left
        for count, length, pattern in zip(
            bar.counts, _lengths(bar.counts, scale), d.patterns, strict=True
        ):
            if length:
                d.segments.append(_segment((x, top, length, bar_height), pattern, bar, count))
                x += length
        total_y = top + bar_height / 2 + FONT / 2 - 2
        d.labels.append(_label(x + 4, total_y, [str(bar.total)], backed=True))
        y += row
    axis_y = y + 2
    d.axis.append(_line(left, axis_y, left + plot, axis_y))
    for value in values:
        at = left + value * scale
        d.axis.append(_line(at, axis_y, at, axis_y + 4))
        d.grid.append(_line(at, 4.0, at, axis_y))
        d.labels.append(_label(at, axis_y + 6 + FONT, [str(value)], "middle"))
    d.labels.append(_label(left + plot / 2, axis_y + 10 + 2 * FONT, ["actions"], "middle"))
    d.height = _r(_legend(d, axis_y + 3 * FONT + 20) + 4)
    return d


def column_drawing(chart: Stacked, prefix: str = "chart", width: int = 720) -> Drawing:
    """Vertical columns, oldest on the left, stacked from the first status up; round ticks
    on the left axis, the total above each column, labels under as many columns as have
    room for them (always the first and the last), then the legend."""
    d = Drawing(prefix, chart, width, patterns=_patterns(prefix, chart.statuses))
    values = ticks(max((b.total for b in chart.bars), default=0))
    left = text_width(str(values[-1])) + 14
    top, plot_h = 2 * FONT + 8.0, 200.0
    plot_w = width - left - 4
    count = len(chart.bars)
    slot = plot_w / max(count, 1)
    bar_w = max(4.0, min(56.0, slot * 0.6))
    scale = plot_h / values[-1]
    bottom = top + plot_h
    d.labels.append(_label(left - 6, FONT, ["actions"], "start"))
    for value in values:
        at = bottom - value * scale
        d.axis.append(_line(left - 4, at, left, at))
        d.grid.append(_line(left, at, left + plot_w, at))
        d.labels.append(_label(left - 6, at + FONT / 2 - 2, [str(value)], "end"))
    d.axis.append(_line(left, top - 4, left, bottom))
    d.axis.append(_line(left, bottom, left + plot_w, bottom))
    # Revision names under the columns: wrapped to at most 160 pixels, and written under
    # as many columns as leave room between them.
    room = min(160.0, max((text_width(b.label) for b in chart.bars), default=0))
    shown = set(labelled(count, slot, room + 8)) if count else set()
    deepest = 1
    for i, bar in enumerate(chart.bars):
        x = left + slot * i + (slot - bar_w) / 2
        y = bottom
        for c, length, pattern in zip(
            bar.counts, _lengths(bar.counts, scale), d.patterns, strict=True
        ):
            if length:
                y -= length
                d.segments.append(_segment((x, y, bar_w, length), pattern, bar, c))
        if text_width(str(bar.total)) <= slot:
            d.labels.append(_label(x + bar_w / 2, y - 4, [str(bar.total)], "middle", True))
        if i in shown:
            lines = wrap(bar.label, room)
            half = max(text_width(line) for line in lines) / 2
            centre = min(max(x + bar_w / 2, half), width - half)  # never off either edge
            d.labels.append(_label(centre, bottom + 6 + FONT, lines, "middle"))
            deepest = max(deepest, len(lines))
    d.height = _r(_legend(d, bottom + 16 + deepest * d.line_height) + 4)
    return d


def labelled(count: int, step: float, room: float = 72.0) -> list[int]:
    """Which of `count` evenly spaced columns get their label written under them: never
    closer than `room` pixels, always the first and the last."""
    every = max(1, int(-(-room // step))) if step else 1
    chosen = list(range(0, count, every))
    if chosen[-1] != count - 1:
        if (count - 1 - chosen[-1]) * step < room:
            chosen.pop()
        chosen.append(count - 1)
    return chosen


# The same chart for Word: a table whose bar cells span a share of a fixed number of
# grid columns and are shaded in their status's colour. Word cannot show a pattern that
# every reader renders, so each bar ends with its counts in words.


@dataclass(frozen=True)
class GridSegment:
    span: int  # grid columns
    status: ReportStatus
    count: int
    text: str  # the count, where the cell is wide enough to hold it


@dataclass(frozen=True)
class GridBar:
    label: str
    segments: list[GridSegment]
    rest: int  # empty grid columns after the bar
    total: int
    counts: str  # '22 green, 1 amber'


def grid_bars(chart: Stacked, columns: int = 50) -> list[GridBar]:
    """Each bar as spans of `columns` grid columns: the longest bar spans them all, every
    non-zero count at least one, the spans of a bar adding up (largest remainders)."""
    largest = max((b.total for b in chart.bars), default=0)
    found = []
    for bar in chart.bars:
        present = [c for c in bar.counts if c.count]
        length = max(len(present), round(columns * bar.total / largest)) if largest else 0
        spans = _apportion([c.count for c in present], length)
        segments = [
            GridSegment(span, c.status, c.count, str(c.count) if span >= 3 else "")
            for c, span in zip(present, spans, strict=True)
        ]
        rest = columns - sum(spans)
        found.append(
            GridBar(bar.label, segments, rest, bar.total, wording.counts_in_words(bar.counts))
        )
    return found


def _apportion(counts: list[int], length: int) -> list[int]:
    """`length` split in proportion to `counts`, each at least 1: whole shares first, then
    the columns left over to the largest remainders (or, where the minimum of 1 took too
    many, back from the largest spans)."""
    if not counts:
        return []
    total = sum(counts)
    ideal = [length * c / total for c in counts]
    spans = [max(1, math.floor(share)) for share in ideal]
    by_remainder = sorted(range(len(counts)), key=lambda i: ideal[i] - spans[i], reverse=True)
    for i in by_remainder[: max(0, length - sum(spans))]:
        spans[i] += 1
    while sum(spans) > length:
        spans[spans.index(max(spans))] -= 1
    return spans
