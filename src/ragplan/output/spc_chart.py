"""XmR charts as geometry: an indicator's SPC chart (spc.py's Spc) laid out true to scale,
for the SVG of html and pdf (spc-chart.svg.j2 says how it looks) and the picture Word gets
(`chart_png`, the same geometry drawn with Pillow).

What every drawing keeps, so the chart never says something in colour alone: each point's
variation has its own shape as well as its MDC colour (common cause a small grey circle,
improvement a blue diamond, concern an orange square, neither a purple triangle), named in
the legend; the mean, the process limits and the target are lines of their own dash,
each labelled at its right end with its value; a recalculation or the end of a baseline is
a line across the chart with its reason written beside it; and `alt` says all of it in
words, for a reader who cannot see the picture.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from ragplan.output.charts import text_width, wrap
from ragplan.output.spc_words import (
    ICONS,
    VARIATION_COLOURS,
    VARIATION_WORDS,
    number,
    spc_why,
)

if TYPE_CHECKING:
    from ragplan.reports.indicators import RatedIndicator

INK = "#0b0c0c"
AXIS = "#505a5f"
MEAN = "#0b0c0c"
LIMIT = "#505a5f"
TARGET = "#d5281b"  # MDC draws the target red, dashed
FONT = 12
SHAPES = {"common": "circle", "improvement": "diamond", "concern": "square", "neither": "triangle"}
# Charts are drawn for indicators with at least this many values: fewer show no limits.
CHARTED_FROM = 13


class ChartPoint(NamedTuple):
    x: float
    y: float
    variation: str
    shape: str
    colour: str
    tip: str


class Polyline(NamedTuple):
    """A line of the chart: `kind` is mean, limit or target; `points` (x, y) in order."""

    kind: str
    points: tuple[tuple[float, float], ...]


class EndLabel(NamedTuple):
    """A line's name and value at its right end, moved apart from its neighbours."""

    x: float
    y: float
    text: str
    colour: str


class Marker(NamedTuple):
    """A recalculation (or the end of a baseline): a line across the plot, and its reason."""

    x: float
    top: float
    bottom: float
    lines: tuple[str, ...]
    text_x: float
    anchor: str


class Tick(NamedTuple):
    position: float
    text: str


class LegendItem(NamedTuple):
    x: float
    y: float
    variation: str
    shape: str
    colour: str
    text: str


class XmrDrawing(NamedTuple):
    id: str
    width: int
    height: int
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    title: str
    alt: str
    points: tuple[ChartPoint, ...]
    value_line: tuple[tuple[float, float], ...]
    lines: tuple[Polyline, ...]
    labels: tuple[EndLabel, ...]
    markers: tuple[Marker, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    legend: tuple[LegendItem, ...]
    variation_icon: str | None
    assurance_icon: str | None
    font: int


def charted(indicator: RatedIndicator) -> bool:
    """True when the indicator gets a chart: 13 values or more, so limits and icons."""
    return indicator.spc is not None and len(indicator.spc.points) >= CHARTED_FROM


def _nice_step(span: float, count: int = 5) -> float:
    raw = span / count if span > 0 else 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def _r(value: float) -> float:
    return round(value, 1)


def _spread(labels: list[EndLabel], top: float, bottom: float, gap: float) -> list[EndLabel]:
    """End labels moved apart so none overlaps the next, kept inside top..bottom."""
    ordered = sorted(labels, key=lambda label: label.y)
    placed: list[EndLabel] = []
    for label in ordered:
        y = max(label.y, top + gap / 2)
        if placed and y - placed[-1].y < gap:
            y = placed[-1].y + gap
        placed.append(label._replace(y=y))
    overflow = placed[-1].y - (bottom - gap / 4) if placed else 0
    if overflow > 0:
        placed = [p._replace(y=p.y - overflow) for p in placed]
    return [p._replace(y=_r(p.y)) for p in placed]


def xmr_drawing(indicator: RatedIndicator, prefix: str = "spc", width: int = 760) -> XmrDrawing:
    """The indicator's XmR chart laid out in a `width`-pixel box."""
    spc = indicator.spc
    assert spc is not None
    unit = indicator.unit
    points = spc.points
    height = 320
    right_room = 150
    left, top = 58.0, 34.0
    right, bottom = width - right_room, height - 66.0

    numbers: list[Fraction] = [p.value for p in points]
    for p in points:
        numbers += [v for v in (p.upper, p.lower, p.target) if v is not None]
    low, high = float(min(numbers)), float(max(numbers))
    step = _nice_step(high - low)
    floor = math.floor(low / step) * step
    ceiling = math.ceil(high / step) * step
    if ceiling == floor:
        ceiling = floor + step
    count = len(points)
    dx = (right - left) / count

    def x(i: int) -> float:
        return _r(left + dx * (i + 0.5))

    def y(value: Fraction | float) -> float:
        return _r(bottom - (bottom - top) * (float(value) - floor) / (ceiling - floor))

    chart_points = []
    for i, p in enumerate(points):
        why = "; ".join(s.describe() for s in p.signals)
        tip = f"{p.period}: {number(p.value, unit)}, {VARIATION_WORDS[p.variation]}"
        chart_points.append(
            ChartPoint(
                x(i),
                y(p.value),
                p.variation,
                SHAPES[p.variation],
                VARIATION_COLOURS[p.variation],
                f"{tip} ({why})" if why else tip,
            )
        )

    lines: list[Polyline] = []
    for section in spc.sections:
        start, end = x(section.start) - dx / 2, x(section.end) + dx / 2
        mean = points[section.start].mean
        lines.append(Polyline("mean", ((_r(start), y(mean)), (_r(end), y(mean)))))
        first = points[section.start]
        if first.upper is not None and first.lower is not None:
            for limit in (first.upper, first.lower):
                lines.append(Polyline("limit", ((_r(start), y(limit)), (_r(end), y(limit)))))
    # The target, or each step of a trajectory, across the periods it holds for.
    run: list[tuple[float, float]] = []
    for i, p in enumerate(points):
        if p.target is None:
            if run:
                lines.append(Polyline("target", tuple(run)))
                run = []
            continue
        level = y(p.target)
        if run and run[-1][1] != level:
            run.append((_r(x(i) - dx / 2), level))
        elif not run:
            run.append((_r(x(i) - dx / 2), level))
        run.append((_r(x(i) + dx / 2), level))
    if run:
        lines.append(Polyline("target", tuple(run)))

    last = points[-1]
    ends = [EndLabel(right + 6, y(last.mean), f"Mean {number(last.mean, unit)}", MEAN)]
    if last.upper is not None and last.lower is not None:
        ends.append(EndLabel(right + 6, y(last.upper), f"Upper {number(last.upper, unit)}", LIMIT))
        ends.append(EndLabel(right + 6, y(last.lower), f"Lower {number(last.lower, unit)}", LIMIT))
    if last.target is not None:
        said = number(last.target, unit)
        ends.append(EndLabel(right + 6, y(last.target), f"Target {said}", TARGET))
    labels = _spread(ends, top, bottom, FONT + 3)

    markers = []
    reasons = indicator.recalculations
    for section in spc.sections[1:]:
        if section.kind == "after_baseline":
            text = f"Baseline ends {points[section.start - 1].period}: limits carried forward"
        else:
            reason = reasons.get(section.first, "")
            text = f"Recalculated from {section.first}" + (f": {reason}" if reason else "")
        at = _r(x(section.start) - dx / 2)
        room = max(right - at - 8, at - left - 8)
        wrapped = tuple(wrap(text, min(room, 260), FONT - 1)[:3])
        after = right - at - 8 >= at - left - 8
        markers.append(
            Marker(
                at,
                top - 4,
                bottom,
                wrapped,
                _r(at + 4 if after else at - 4),
                "start" if after else "end",
            )  # fmt: skip
        )

    y_ticks = []
    value = floor
    while value <= ceiling + step / 1000:
        shown = f"{value:.{_places(step)}f}"
        y_ticks.append(Tick(y(value), shown + ("%" if unit == "percent" else "")))
        value += step
    every = max(1, math.ceil(count / ((right - left) / 44)))
    x_ticks = [Tick(x(i), p.period) for i, p in enumerate(points) if i % every == 0]

    legend = []
    legend_x, legend_y = left, height - 16.0
    for variation in ("improvement", "concern", "neither", "common"):
        text = VARIATION_WORDS[variation].capitalize()
        legend.append(
            LegendItem(
                legend_x, legend_y, variation, SHAPES[variation], VARIATION_COLOURS[variation], text
            )  # fmt: skip
        )
        legend_x += 26 + text_width(text, FONT)

    title = f"{indicator.title}: XmR chart"
    return XmrDrawing(
        id=f"{prefix}-{indicator.id}",
        width=width,
        height=height,
        plot=(left, top, right, bottom),
        title=title,
        alt=chart_alt(indicator),
        points=tuple(chart_points),
        value_line=tuple((p.x, p.y) for p in chart_points),
        lines=tuple(lines),
        labels=tuple(labels),
        markers=tuple(markers),
        y_ticks=tuple(y_ticks),
        x_ticks=tuple(x_ticks),
        legend=tuple(legend),
        variation_icon=spc.variation_icon,
        assurance_icon=spc.assurance_icon,
        font=FONT,
    )


def _places(step: float) -> int:
    """The decimals a tick step needs to be written exactly: 2.5 needs 1, 0.25 needs 2."""
    from decimal import Decimal

    exponent = Decimal(repr(step)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def chart_alt(indicator: RatedIndicator) -> str:
    """The chart in words: what it plots, its lines, its icons and why."""
    spc = indicator.spc
    assert spc is not None
    unit = indicator.unit
    first, last = spc.points[0], spc.points[-1]
    said = (
        f"XmR chart of {indicator.title}, {len(spc.points)} values from {first.period} to "
        f"{last.period}; latest {number(last.value, unit)}. Mean {number(spc.mean, unit)}"
    )
    if spc.upper is not None and spc.lower is not None:
        said += f", process limits {number(spc.lower, unit)} to {number(spc.upper, unit)}"
    if spc.target is not None:
        said += f", target {number(spc.target, unit)}"
    said += "."
    icons = [ICONS[name] for name in (spc.variation_icon, spc.assurance_icon) if name]
    if icons:
        said += " Icons: " + ", ".join(f"{i.label} ({i.meaning})" for i in icons) + "."
    return f"{said} {spc_why(indicator)}"


def chart_png(drawing: XmrDrawing, scale: int = 2) -> bytes:
    """The same chart as a PNG picture, for Word: Pillow draws the geometry the SVG draws."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    def font(size: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        for name in ("LiberationSans-Regular.ttf", "Arial.ttf", "DejaVuSans.ttf"):
            try:
                return ImageFont.truetype(name, int(size * scale))
            except OSError:
                continue
        return ImageFont.load_default(size * scale)

    small = font(drawing.font - 1)
    regular = font(drawing.font)
    image = Image.new("RGB", (drawing.width * scale, drawing.height * scale), "white")
    draw = ImageDraw.Draw(image)

    def s(point: tuple[float, float]) -> tuple[float, float]:
        return (point[0] * scale, point[1] * scale)

    def dashed(a: tuple[float, float], b: tuple[float, float], colour: str, dash: float,
               width: float = 1.0) -> None:  # fmt: skip
        (x1, y1), (x2, y2) = s(a), s(b)
        length = math.hypot(x2 - x1, y2 - y1)
        if dash <= 0 or length == 0:
            draw.line([(x1, y1), (x2, y2)], fill=colour, width=int(width * scale))
            return
        pieces = int(length // (dash * scale * 2)) + 1
        for k in range(pieces):
            t1 = min(1.0, (2 * k) * dash * scale / length)
            t2 = min(1.0, (2 * k + 1) * dash * scale / length)
            draw.line(
                [(x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1),
                 (x1 + (x2 - x1) * t2, y1 + (y2 - y1) * t2)],
                fill=colour, width=int(width * scale),
            )  # fmt: skip

    left, top, right, bottom = drawing.plot
    for tick in drawing.y_ticks:
        dashed((left, tick.position), (right, tick.position), "#b1b4b6", 2)
        draw.text(s((left - 6, tick.position)), tick.text, fill=INK, font=small, anchor="rm")
    for tick in drawing.x_ticks:
        draw.text(s((tick.position, bottom + 8)), tick.text, fill=INK, font=small, anchor="mt")
    draw.line([s((left, top)), s((left, bottom)), s((right, bottom))], fill=AXIS, width=scale)
    styles = {"mean": (MEAN, 0.0, 1.5), "limit": (LIMIT, 4.0, 1.2), "target": (TARGET, 6.0, 1.5)}
    for line in drawing.lines:
        colour, dash, width = styles[line.kind]
        for a, b in zip(line.points, line.points[1:], strict=False):
            dashed(a, b, colour, dash, width)
    for marker in drawing.markers:
        dashed((marker.x, marker.top), (marker.x, marker.bottom), INK, 3, 1.2)
        for n, text in enumerate(marker.lines):
            anchor = "la" if marker.anchor == "start" else "ra"
            at = s((marker.text_x, marker.top + 2 + n * (drawing.font + 1)))
            draw.text(at, text, fill=INK, font=small, anchor=anchor)
    draw.line([s(p) for p in drawing.value_line], fill=AXIS, width=scale)
    for point in drawing.points:
        _shape(draw, point.shape, s((point.x, point.y)), point.colour, scale)
    for label in drawing.labels:
        draw.text(s((label.x, label.y)), label.text, fill=label.colour, font=small, anchor="lm")
    for item in drawing.legend:
        _shape(draw, item.shape, s((item.x + 6, item.y)), item.colour, scale)
        draw.text(s((item.x + 16, item.y)), item.text, fill=INK, font=regular, anchor="lm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _shape(draw: object, shape: str, at: tuple[float, float], colour: str, scale: int) -> None:
    from PIL import ImageDraw

    assert isinstance(draw, ImageDraw.ImageDraw)
    cx, cy = at
    r = (3.2 if shape == "circle" else 4.6) * scale
    outline = INK if shape != "circle" else AXIS
    if shape == "circle":
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour, outline=outline)
    elif shape == "square":
        r *= 0.85
        draw.rectangle([cx - r, cy - r, cx + r, cy + r], fill=colour, outline=outline)
    elif shape == "diamond":
        draw.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
                     fill=colour, outline=outline)  # fmt: skip
    else:
        draw.polygon([(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)],
                     fill=colour, outline=outline)  # fmt: skip


def shape_path(shape: str, x: float, y: float) -> str:
    """The SVG path of a point's shape centred on (x, y)."""
    if shape == "circle":
        r = 3.2
        return f"M{_r(x - r)} {_r(y)}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0Z"
    r = 4.6
    if shape == "square":
        r *= 0.85
        return f"M{_r(x - r)} {_r(y - r)}h{_r(2 * r)}v{_r(2 * r)}h{_r(-2 * r)}Z"
    if shape == "diamond":
        return f"M{_r(x)} {_r(y - r)}L{_r(x + r)} {_r(y)}L{_r(x)} {_r(y + r)}L{_r(x - r)} {_r(y)}Z"
    return f"M{_r(x)} {_r(y - r)}L{_r(x + r)} {_r(y + r * 0.8)}L{_r(x - r)} {_r(y + r * 0.8)}Z"


def icon_png(name: str, size: int = 30, scale: int = 2) -> bytes:
    """An MDC icon as a PNG picture, for Word: drawn as spc-icon.svg.j2 draws it."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    icon = ICONS[name]
    side = size * scale
    image = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    edge = 1.5 * scale
    draw.ellipse([edge, edge, side - edge, side - edge], fill=icon.colour, outline=INK,
                 width=scale)  # fmt: skip
    centre = side / 2
    if icon.letter:
        ink = "#ffffff" if icon.colour == "#490092" else INK
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont
        try:
            font = ImageFont.truetype("LiberationSans-Bold.ttf", int(15 * scale))
        except OSError:
            font = ImageFont.load_default(15 * scale)
        draw.text((centre, centre), icon.letter, fill=ink, font=font, anchor="mm")
    else:
        draw.line([(6 * scale, centre), (24 * scale, centre)], fill=INK, width=scale)
        for n, cx in enumerate((9, 13, 17, 21)):
            cy = (13 if n % 2 == 0 else 17) * scale
            r = 1.8 * scale
            draw.ellipse([cx * scale - r, cy - r, cx * scale + r, cy + r], fill=INK)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
