"""An indicator's sparkline: its values as a small line with its target and its rated
value, as geometry (drawn by indicator-sparkline.svg.j2 in HTML and PDF) and as a PNG
picture for Word's Trend column, with the same words for readers who cannot see it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ragplan.model import with_unit

if TYPE_CHECKING:
    from ragplan.reports.indicators import RatedIndicator

# A sparkline's geometry; the markup is the template's (indicator-sparkline.svg.j2).

GREY = "#505a5f"
_WIDTH, _HEIGHT, _PAD = 120, 32, 4


@dataclass(frozen=True)
class Sparkline:
    """One indicator's values as a small line, oldest on the left, with its target as a
    dashed line and its rated value as a dot in the rating's colour; `text` says the
    same in words, for readers who cannot see it."""

    width: int
    height: int
    points: list[tuple[float, float]]
    target_y: float | None
    dot: tuple[float, float] | None
    colour: str
    text: str


def sparkline(indicator: RatedIndicator) -> Sparkline:
    unit = indicator.unit
    known = [(i, v) for i, v in enumerate(indicator.values) if v.value is not None]
    numbers = [float(v.value.value) for _, v in known if v.value is not None]
    if indicator.target is not None:
        numbers.append(float(indicator.target.value))
    low, high = min(numbers, default=0.0), max(numbers, default=0.0)
    spread = (high - low) or 1.0
    steps = len(indicator.values) - 1

    def x(i: int) -> float:
        # One value alone is the latest: at the right, where the latest always is.
        return round(_PAD + (_WIDTH - 2 * _PAD) * (i / steps if steps else 1.0), 1)

    def y(value: float) -> float:
        return round(_HEIGHT - _PAD - (_HEIGHT - 2 * _PAD) * (value - low) / spread, 1)

    points = [(x(i), y(float(v.value.value))) for i, v in known if v.value is not None]
    target_y = y(float(indicator.target.value)) if indicator.target is not None else None
    dot = None
    for (_, v), point in zip(known, points, strict=True):
        if v.period == indicator.period:
            dot = point
    said = ", ".join(f"{with_unit(str(v.value), unit)} in {v.period}" for _, v in known)
    text = f"{indicator.title}: {said or 'no values'}"
    if indicator.target is not None:
        text += f"; target {with_unit(indicator.target.text, unit)}"
    if indicator.rating is not None:
        text += f"; {indicator.rating.label.lower()}"
    colour = indicator.rating.colour if indicator.rating else GREY
    return Sparkline(_WIDTH, _HEIGHT, points, target_y, dot, colour, text + ".")


def sparkline_png(spark: Sparkline, scale: int = 4) -> bytes:
    """The sparkline as a PNG picture, for Word's Trend column: Pillow draws the geometry
    indicator-sparkline.svg.j2 draws (the target dashed, the line, the rated value's dot)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (spark.width * scale, spark.height * scale), "white")
    draw = ImageDraw.Draw(image)
    if spark.target_y is not None:
        y, end = spark.target_y * scale, spark.width * scale
        for x in range(0, end, 5 * scale):  # 3 on, 2 off, as the SVG
            draw.line([(x, y), (min(x + 3 * scale, end), y)], fill=GREY, width=scale)
    if len(spark.points) > 1:
        line = [(px * scale, py * scale) for px, py in spark.points]
        draw.line(line, fill="#0b0c0c", width=int(1.5 * scale), joint="curve")
    if spark.dot is not None:
        dx, dy, r = spark.dot[0] * scale, spark.dot[1] * scale, 3 * scale
        draw.ellipse([dx - r, dy - r, dx + r, dy + r], fill=spark.colour, outline="#0b0c0c")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
