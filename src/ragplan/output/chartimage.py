"""A chart painted as a PNG for Word, from the drawing the HTML and PDF draw as SVG.

charts.py lays a chart out once; chart.svg.j2 draws it for HTML and PDF and this module
paints the same drawing, so a Word report shows the very chart the others do, as a
picture with its text alternative, rather than a table a screen reader would meet
column by column.

Pillow paints it, imported only when a Word report holds a chart. Text is set in the
first of Arial's metric-compatible fonts found on the machine (Liberation Sans, Arial,
Helvetica, DejaVu Sans), else Pillow's own; charts.py measures text generously, so a
label has its room in any of them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ragplan.output.charts import FONT

if TYPE_CHECKING:
    from ragplan.output.charts import Drawing, Label, Pattern

# Arial, or a font with its widths, by the names each system gives its files.
REGULAR = ("LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf", "Helvetica.ttc",
           "DejaVuSans.ttf")  # fmt: skip
BOLD = ("LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf", "Helvetica.ttc",
        "DejaVuSans-Bold.ttf")  # fmt: skip
PATTERN_STEP = 6  # pixels between a pattern's lines, as chart.svg.j2 draws them


def _font(names: tuple[str, ...], size: float) -> Any:
    from PIL import ImageFont

    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _pattern_mask(kind: str, size: tuple[int, int], zoom: float) -> Any:
    """A mask of `kind`'s lines or dots over the whole picture; a segment takes its part."""
    from PIL import Image, ImageDraw

    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    step = PATTERN_STEP * zoom
    width, height = size
    line = max(1, round(1.5 * zoom))
    n = int((width + height) / step) + 2
    if kind in ("diagonal", "back-diagonal", "cross"):
        for i in range(-n, n):
            start = i * step
            if kind in ("diagonal", "cross"):
                draw.line([(start, height), (start + height, 0)], fill=255, width=line)
            if kind in ("back-diagonal", "cross"):
                draw.line([(start, 0), (start + height, height)], fill=255, width=line)
    elif kind == "horizontal":
        for i in range(int(height / step) + 1):
            draw.line([(0, i * step + zoom), (width, i * step + zoom)], fill=255, width=line)
    elif kind == "vertical":
        for i in range(int(width / step) + 1):
            draw.line([(i * step + zoom, 0), (i * step + zoom, height)], fill=255, width=line)
    elif kind == "dots":
        radius = 1.3 * zoom
        for i in range(int(width / step) + 1):
            for j in range(int(height / step) + 1):
                cx, cy = i * step + 3 * zoom, j * step + 3 * zoom
                draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=255)
    return mask


def png(drawing: Drawing, zoom: float = 3.0) -> bytes:
    """`drawing` as PNG bytes, `zoom` pixels to each of its own (3: sharp in print at the
    width a Word page gives it)."""
    from PIL import Image, ImageDraw

    size = (round(drawing.width * zoom), round(drawing.height * zoom))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    regular, bold = _font(REGULAR, FONT * zoom), _font(BOLD, FONT * 1.1 * zoom)
    masks: dict[str, Any] = {}

    def box(x: float, y: float, w: float, h: float) -> tuple[int, int, int, int]:
        return (round(x * zoom), round(y * zoom), round((x + w) * zoom), round((y + h) * zoom))

    def fill(area: tuple[int, int, int, int], pattern: Pattern) -> None:
        draw.rectangle(area, fill=_rgb(pattern.colour))
        if pattern.kind == "solid" or area[2] <= area[0] or area[3] <= area[1]:
            return
        if pattern.kind not in masks:
            masks[pattern.kind] = _pattern_mask(pattern.kind, size, zoom)
        image.paste(_rgb(pattern.ink), area, masks[pattern.kind].crop(area))

    def outline(area: tuple[int, int, int, int]) -> None:
        draw.rectangle(area, outline=_rgb(drawing.ink), width=max(1, round(zoom)))

    def text(label: Label) -> None:
        if label.box is not None:
            draw.rectangle(box(*label.box), fill="white")
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}[label.anchor]
        for i, line in enumerate(label.lines):
            at = (label.x * zoom, (label.y + i * drawing.line_height) * zoom)
            font = bold if label.bold else regular
            draw.text(at, line, fill=_rgb(drawing.ink), font=font, anchor=anchor)

    dash, gap = 2 * zoom, 3 * zoom
    for x1, y1, x2, y2 in drawing.grid:  # dotted, as the SVG's
        length = max(abs(x2 - x1), abs(y2 - y1)) * zoom
        steps = int(length / (dash + gap)) + 1
        for i in range(steps):
            a = i * (dash + gap) / length if length else 0
            b = min(1.0, (i * (dash + gap) + dash) / length) if length else 0
            draw.line(
                [
                    ((x1 + (x2 - x1) * a) * zoom, (y1 + (y2 - y1) * a) * zoom),
                    ((x1 + (x2 - x1) * b) * zoom, (y1 + (y2 - y1) * b) * zoom),
                ],
                fill=_rgb(drawing.axis_colour),
                width=max(1, round(0.5 * zoom)),
            )
    for s in drawing.segments:
        area = box(s.x, s.y, s.width, s.height)
        fill(area, s.pattern)
        outline(area)
    for x1, y1, x2, y2 in drawing.axis:
        draw.line([(x1 * zoom, y1 * zoom), (x2 * zoom, y2 * zoom)],
                  fill=_rgb(drawing.axis_colour), width=max(1, round(zoom)))  # fmt: skip
    for x1, y1, x2, y2 in drawing.leaders:
        draw.line([(x1 * zoom, y1 * zoom), (x2 * zoom, y2 * zoom)],
                  fill=_rgb(drawing.ink), width=max(1, round(zoom)))  # fmt: skip
    for label in drawing.labels:
        text(label)
    for entry in drawing.legend:
        area = box(entry.x, entry.y, 14, 14)
        fill(area, entry.pattern)
        outline(area)
        text(entry.label)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True, dpi=(96 * zoom, 96 * zoom))
    return out.getvalue()
