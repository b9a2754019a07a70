"""Charts as geometry: stacked bars of the counts per status, per theme or per revision.

A chart is data first (`Stacked`: its title, its bars, the sentence under it, the text
that stands for it), then a drawing: `bar_drawing` lays it out as horizontal bars
(summary), `column_drawing` as vertical columns (history, summary --since). The SVG markup
is chart.svg.j2's (HTML and PDF); chartimage.py paints the same drawing as a PNG for
Word, so every format shows one chart. This module only decides what goes where.

What every drawing keeps, so a chart is true to its numbers and never says something in
colour alone: every segment's length is its count times one scale (nothing is inflated
to be seen: a count of 1 is a third of a count of 3); bars are stacked, never overlaid;
every segment has a dark outline (at least 3:1 against the page) and, but for the first
status, a pattern in black or white over its colour; counts are written beside the bars,
in words, never on a pattern; the chart's title is drawn at its top; the legend shows
each pattern with its label, wrapped onto as many lines as the label needs, never cut;
axis ticks fall on round numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ragplan.output import wording
from ragplan.output.chartdata import Bar, Stacked, history_chart, since_chart, theme_chart
from ragplan.reports.common import Count, ReportStatus

__all__ = ["Bar", "Stacked", "bar_drawing", "column_drawing", "history_chart", "since_chart",
           "theme_chart"]  # fmt: skip

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
    """One status's part of a bar: a rectangle whose length is its count times the chart's
    scale, exactly (a count of 1 is a third of a count of 3), and its tooltip."""

    x: float
    y: float
    width: float
    height: float
    pattern: Pattern
    count: int
    said: str  # '19 amber'
    tip: str  # 'board-2010-07: 19 amber'


@dataclass(frozen=True)
class Label:
    """Text at a place, one or more lines; `anchor` is 'start', 'middle' or 'end'. A label
    with a `box` has the page's white behind it, so no grid line runs through it."""

    x: float
    y: float
    lines: list[str]
    anchor: str = "start"
    box: tuple[float, float, float, float] | None = None
    bold: bool = False


@dataclass(frozen=True)
class LegendEntry:
    x: float
    y: float  # the top of its swatch
    pattern: Pattern
    label: Label


@dataclass
class Drawing:
    """An SVG chart laid out: everything the templates draw, in pixels. `scale` is pixels
    per action: every segment is its count times it, long or short."""

    id: str  # a prefix for the SVG's ids, unique on the page
    chart: Stacked
    width: float
    height: float = 0.0
    scale: float = 0.0
    patterns: list[Pattern] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    axis: list[tuple[float, float, float, float]] = field(default_factory=list)
    grid: list[tuple[float, float, float, float]] = field(default_factory=list)
    leaders: list[tuple[float, float, float, float]] = field(default_factory=list)
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


def _title(drawing: Drawing) -> float:
    """The chart's title at its top, in bold, wrapped; returns the y below it."""
    lines = wrap(drawing.chart.title, drawing.width, FONT * 1.1)
    drawing.labels.append(Label(0.0, float(FONT), lines, bold=True))
    return len(lines) * drawing.line_height + 8


def _r(value: float) -> float:
    return round(value, 2)


def _segment(
    box: tuple[float, float, float, float], pattern: Pattern, bar: Bar, count: Count
) -> Segment:
    x, y, width, height = box
    said = f"{count.count} {count.status.in_text}"
    tip = f"{bar.label}: {said}"
    return Segment(_r(x), _r(y), _r(width), _r(height), pattern, count.count, said, tip)


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
    """Its title, then horizontal bars, one per line: the name on the left (wrapped), the
    total at the bar's end, and under the bar its counts in words ('22 green, 1 amber'),
    so that a count too small to see is still read, beside its bar, never on a pattern.
    The axis below with round ticks, then the legend."""
    d = Drawing(prefix, chart, width, patterns=_patterns(prefix, chart.statuses))
    values = ticks(max((b.total for b in chart.bars), default=0))
    end_room = text_width(str(values[-1])) + 8
    label_room = min(width * 0.3, max((text_width(b.label) for b in chart.bars), default=0))
    left = label_room + 10
    plot = width - left - end_room
    d.scale = scale = plot / values[-1]
    bar_height = 20.0
    top = y = _title(d)
    for bar in chart.bars:
        lines = wrap(bar.label, label_room)
        said = wrap(wording.counts_in_words(bar.counts), width - left)
        below = len(said) * d.line_height + 2
        row = max(bar_height + below + 8, len(lines) * d.line_height + 4)
        bar_top = y + 4
        d.labels.append(_label(label_room, bar_top + FONT, lines, "end"))
        x = left
        for count, pattern in zip(bar.counts, d.patterns, strict=True):
            if count.count:
                length = count.count * scale
                d.segments.append(_segment((x, bar_top, length, bar_height), pattern, bar, count))
                x += length
        total_y = bar_top + bar_height / 2 + FONT / 2 - 2
        d.labels.append(_label(x + 4, total_y, [str(bar.total)], backed=True))
        d.labels.append(_label(left, bar_top + bar_height + FONT + 1, said, backed=True))
        y += row
    axis_y = y + 2
    d.axis.append(_line(left, axis_y, left + plot, axis_y))
    for value in values:
        at = left + value * scale
        d.axis.append(_line(at, axis_y, at, axis_y + 4))
        d.grid.append(_line(at, top, at, axis_y))
        d.labels.append(_label(at, axis_y + 6 + FONT, [str(value)], "middle"))
    d.labels.append(_label(left + plot / 2, axis_y + 10 + 2 * FONT, ["actions"], "middle"))
    d.height = _r(_legend(d, axis_y + 3 * FONT + 20) + 4)
    return d


def _side_labels(d: Drawing, segments: list[Segment], x: float, room: float, floor: float) -> None:
    """Each segment's count in words to the right of its column, at its middle where
    there is room, moved up clear of the one below where not, with a line to it."""
    above = floor + d.line_height
    for s in segments:  # bottom first
        middle = s.y + s.height / 2 + FONT / 2 - 2
        y = min(middle, above - d.line_height)
        lines = wrap(s.said, room)
        y = y - (len(lines) - 1) * d.line_height
        d.labels.append(_label(x + 8, y, lines, backed=True))
        d.leaders.append(_line(x + 1, s.y + s.height / 2, x + 6, y - FONT / 2 + 2))
        above = y


def column_drawing(chart: Stacked, prefix: str = "chart", width: int = 720) -> Drawing:
    """Its title, then vertical columns, oldest on the left, stacked from the first status
    up; round ticks on the left axis, the total above each column, each count in words
    beside its column where the columns leave room (else the table with the chart gives
    them), labels under as many columns as have room for them (always the first and the
    last), then the legend."""
    d = Drawing(prefix, chart, width, patterns=_patterns(prefix, chart.statuses))
    values = ticks(max((b.total for b in chart.bars), default=0))
    left = text_width(str(values[-1])) + 14
    top = _title(d) + 2 * FONT + 8.0
    plot_h = 200.0
    plot_w = width - left - 4
    count = len(chart.bars)
    slot = plot_w / max(count, 1)
    bar_w = max(4.0, min(48.0, slot * 0.4))
    d.scale = scale = plot_h / values[-1]
    bottom = top + plot_h
    d.labels.append(_label(left - 6, top - FONT - 6, ["actions"], "start"))
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
    said = [f"{c.count} {c.status.in_text}" for b in chart.bars for c in b.counts if c.count]
    # Counts right of a column, wrapped to at most 140 pixels, where the columns leave room.
    side = min(140.0, max((text_width(text) for text in said), default=0.0)) + 8
    beside = bar_w + side <= slot - 8
    deepest = 1
    for i, bar in enumerate(chart.bars):
        x = left + slot * (i + 0.5) - (bar_w + (side if beside else 0)) / 2
        y = bottom
        segments = []
        for c, pattern in zip(bar.counts, d.patterns, strict=True):
            if c.count:
                length = c.count * scale
                y -= length
                segments.append(_segment((x, y, bar_w, length), pattern, bar, c))
        d.segments.extend(segments)
        if beside:
            _side_labels(d, segments, x + bar_w, side - 8, bottom)
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
