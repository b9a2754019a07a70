"""Charts: round ticks, no series hidden, never colour alone, 3:1 lines, legends that fit
long labels, a caption that says the trend, and Word spans that add up."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from itertools import pairwise

import pytest
from conftest import EXAMPLE_PLANS
from hypothesis import given
from hypothesis import strategies as st
from plansets import SIX

from ragplan.output import charts
from ragplan.output.templates import builtin_templates, get_env
from ragplan.reports.common import Count, ReportStatus, contrast_ratio, text_colour_on

SVG = "{http://www.w3.org/2000/svg}"


def status(key: str, label: str, colour: str, done: bool = False) -> ReportStatus:
    return ReportStatus(key, label, None, done, colour, text_colour_on(colour))


STATUSES = [status(k, label, c, d) for k, label, c, d in SIX]


def chart_of(rows: list[list[int]], labels: list[str] | None = None) -> charts.Stacked:
    bars = [
        charts.Bar(
            labels[i] if labels else f"board-{i:02d}",
            [Count(s, n) for s, n in zip(STATUSES, row, strict=True)],
        )
        for i, row in enumerate(rows)
    ]
    return charts.Stacked("Actions per status at each tag", "A sentence.", STATUSES, bars)


ROWS = st.lists(st.lists(st.integers(0, 400), min_size=6, max_size=6), min_size=1, max_size=40)


@given(st.integers(0, 10**6))
def test_ticks_are_round_numbers_from_zero_past_the_largest(largest: int) -> None:
    values = charts.ticks(largest)
    step = values[1] - values[0]
    assert values[0] == 0 and values[-1] >= largest
    assert 2 <= len(values) <= 7
    assert all(b - a == step for a, b in pairwise(values))
    assert re.fullmatch(r"[125]0*", str(step)), step


@given(ROWS)
def test_no_series_is_hidden_and_columns_stack_without_overlap(rows: list[list[int]]) -> None:
    drawing = charts.column_drawing(chart_of(rows))
    by_bar: dict[str, list[charts.Segment]] = {}
    for s in drawing.segments:
        by_bar.setdefault(s.tip.split(": ")[0], []).append(s)
    for i, row in enumerate(rows):
        segments = by_bar.get(f"board-{i:02d}", [])
        # One segment per status that has actions, in scale order, each its count long.
        assert [s.tip.split(": ")[1] for s in segments] == [
            f"{n} {st.in_text}" for st, n in zip(STATUSES, row, strict=True) if n
        ]
        counts = [n for n in row if n]
        assert [s.height for s in segments] == pytest.approx(
            [n * drawing.scale for n in counts], abs=0.01
        )
        # Stacked: each sits on the one below, so no two overlap.
        for lower, upper in pairwise(segments):
            assert upper.y + upper.height == pytest.approx(lower.y, abs=0.2)


@given(ROWS)
def test_horizontal_bars_line_up_end_to_end(rows: list[list[int]]) -> None:
    drawing = charts.bar_drawing(chart_of(rows))
    for left, right in pairwise(drawing.segments):
        if left.y == right.y:
            assert right.x == pytest.approx(left.x + left.width, abs=0.2)


def test_every_status_has_its_own_pattern_and_patterns_read_on_their_colour() -> None:
    drawing = charts.column_drawing(chart_of([[1, 2, 3, 4, 5, 6]]))
    assert len({p.kind for p in drawing.patterns}) == len(STATUSES)
    for p in drawing.patterns:
        assert contrast_ratio(p.ink, p.colour) >= 4.5


def render(drawing: charts.Drawing) -> ET.Element:
    env = get_env([builtin_templates()], use_cache=False)
    return ET.fromstring(env.get_template("chart.svg.j2").render(drawing=drawing))


@pytest.mark.parametrize("layout", [charts.bar_drawing, charts.column_drawing])
def test_every_line_and_outline_is_at_least_3_to_1_against_the_page(layout) -> None:  # type: ignore[no-untyped-def]
    svg = render(layout(chart_of([[3, 1, 0, 2, 0, 1], [0, 0, 5, 0, 0, 0]])))
    strokes = {e.get("stroke") for e in svg.iter() if e.get("stroke")}
    strokes |= {g.get("stroke") for g in svg.iter(f"{SVG}g") if g.get("stroke")}
    ink = {p.ink for p in charts._patterns("x", STATUSES)}  # drawn over the colour, not the page
    page_lines = strokes - ink
    assert page_lines and all(contrast_ratio(c, "#ffffff") >= 3 for c in page_lines)
    # Every segment has its outline: as many outlined rectangles as segments and swatches.
    outlined = [r for r in svg.iter(f"{SVG}rect") if r.get("stroke") == charts.INK]
    assert len(outlined) == 4 + 1 + len(STATUSES)


@pytest.mark.parametrize("layout", [charts.bar_drawing, charts.column_drawing])
def test_long_labels_wrap_inside_the_chart_and_every_count_is_in_the_title(layout) -> None:  # type: ignore[no-untyped-def]
    long = "Closed – superseded by the new improvement plan agreed by the board in March " * 2
    statuses = [*STATUSES[:5], status("closed", long.strip(), "#505a5f")]
    bars = [
        charts.Bar(
            f"{i} " + "A theme with a long title that needs wrapping " * 2,
            [Count(s, n) for s, n in zip(statuses, (5, 4, 3, 2, 1, 7), strict=True)],
        )
        for i in range(3)
    ]
    chart = charts.Stacked("T", "C.", statuses, bars)
    drawing = layout(chart)
    for label in [*drawing.labels, *(e.label for e in drawing.legend)]:
        widest = max(charts.text_width(line) for line in label.lines)
        start = {"start": label.x, "middle": label.x - widest / 2, "end": label.x - widest}
        assert start[label.anchor] >= -0.5 and start[label.anchor] + widest <= drawing.width + 0.5
        assert label.y + (len(label.lines) - 1) * drawing.line_height <= drawing.height
    legend_text = " ".join(" ".join(e.label.lines) for e in drawing.legend)
    assert long.strip() in legend_text  # every word kept, in order
    title = render(drawing).find(f"{SVG}title")
    assert title is not None and title.text == chart.alt
    assert "5 complete, 4 On track, 3 Amber/Green" in chart.alt


@pytest.mark.parametrize(
    ("first", "last", "sentence"),
    [
        (
            ("July", 141, 162),
            ("September", 150, 162),
            "From July to September the share of actions done rose from 87% (141 of 162) "
            "to 92% (150 of 162).",
        ),
        (
            ("a", 5, 9),
            ("b", 6, 12),
            "From a to b the share of actions done fell from 55% (5 of 9) to 50% (6 of 12).",
        ),
        (
            ("a", 1, 2),
            ("b", 2, 4),
            "From a to b the share of actions done held at 50% (1 of 2, then 2 of 4).",
        ),
        (("v1", 1, 3), ("v1", 1, 3), "At v1, 1 of 3 actions was done (33%)."),
    ],
)
def test_the_caption_states_the_trend_in_one_sentence(
    first: tuple[str, int, int], last: tuple[str, int, int], sentence: str
) -> None:
    from ragplan.output.wording import trend_sentence

    assert trend_sentence(first, last) == sentence


def test_the_summary_chart_says_where_the_work_left_is() -> None:
    from ragplan.plansets import load_valid
    from ragplan.reports.summary import summarise

    chart = charts.theme_chart(summarise(load_valid(EXAMPLE_PLANS), date(2010, 9, 20)))
    assert [b.label for b in chart.bars][:2] == [
        "1.1 ICT Infrastructure and Resilience",
        "1.2 ICS Programme and Functionality",
    ]
    assert chart.caption == (
        "150 of the 162 actions are done (92%); 1.2 ICS Programme and Functionality and "
        "1.3 Improvements in Timeliness of Assessments have the most still to do: 4 each."
    )
    assert chart.alt.startswith(
        "Actions per status in each theme: 1.1 ICT Infrastructure and Resilience: 22 green, "
        "1 amber; 1.2 ICS Programme and Functionality: 34 green, 4 amber; "
    )


def segments_drawn(svg: ET.Element) -> list[tuple[str, float, float]]:
    """Each segment of a rendered chart: its tooltip ('board-01: 3 complete') and the
    width and height of its outlined rectangle, as the SVG draws it."""
    found = []
    for group in svg.iter(f"{SVG}g"):
        tip = group.find(f"{SVG}title")
        outline = [r for r in group.iter(f"{SVG}rect") if r.get("stroke")]
        if tip is not None and outline:
            box = outline[0]
            found.append((tip.text or "", float(box.get("width")), float(box.get("height"))))
    return found


@pytest.mark.parametrize("layout", [charts.bar_drawing, charts.column_drawing])
@given(rows=ROWS)
def test_every_segment_drawn_is_as_long_as_its_count(layout, rows: list[list[int]]) -> None:  # type: ignore[no-untyped-def]
    """True to scale: in the SVG itself, every segment's length divided by its count is
    one number, for a count of 1 as for 400 (no segment is inflated to be seen)."""
    drawn = segments_drawn(render(layout(chart_of(rows))))
    assert len(drawn) == sum(1 for row in rows for n in row if n)
    across = layout is charts.bar_drawing
    per_action = []
    for tip, width, height in drawn:
        count = int(tip.split(": ")[1].split()[0])
        per_action.append((width if across else height) / count)
    if per_action:  # rounded to hundredths of a pixel, no more
        assert max(per_action) - min(per_action) <= 0.02


def test_a_bar_with_one_red_is_a_third_as_red_as_a_bar_with_three() -> None:
    """The issue's case: 162 actions with 1 red beside 162 with 3 red; 1 is drawn as one
    third of 3, not as tall."""
    chart = chart_of([[161, 0, 0, 0, 1, 0], [159, 0, 0, 0, 3, 0]])
    for layout in (charts.bar_drawing, charts.column_drawing):
        drawn = {tip.split(" –")[0]: (w, h) for tip, w, h in segments_drawn(render(layout(chart)))}
        one, three = drawn["board-00: 1 Amber/Red"], drawn["board-01: 3 Amber/Red"]
        index = 0 if layout is charts.bar_drawing else 1
        assert three[index] == pytest.approx(3 * one[index], rel=0.01)


@pytest.mark.parametrize("layout", [charts.bar_drawing, charts.column_drawing])
def test_counts_are_written_beside_the_bars_never_on_a_pattern(layout) -> None:  # type: ignore[no-untyped-def]
    chart = chart_of([[150, 11, 0, 0, 1, 0], [141, 20, 0, 0, 1, 0]])
    drawing = layout(chart)
    svg = render(drawing)
    for group in svg.iter(f"{SVG}g"):  # a segment's group holds its shapes, no text
        if group.find(f"{SVG}title") is not None:
            assert group.find(f"{SVG}text") is None
    written = [" ".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    for bar in chart.bars:
        for c in bar.counts:
            if c.count:  # the 1 red too, in words, where a reader can find it
                assert any(f"{c.count} {c.status.in_text}" in w for w in written), c
    # No count's text lies over a segment.
    boxes = [(s.x, s.y, s.x + s.width, s.y + s.height) for s in drawing.segments]
    for label in drawing.labels:
        for line_no, line in enumerate(label.lines):
            width = charts.text_width(line)
            x0 = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}
            left, base = x0[label.anchor], label.y + line_no * drawing.line_height
            for x1, y1, x2, y2 in boxes:
                overlaps = left < x2 - 0.5 and left + width > x1 + 0.5
                assert not (overlaps and base - charts.FONT + 3 < y2 and base > y1 + 0.5), line


@pytest.mark.parametrize("layout", [charts.bar_drawing, charts.column_drawing])
def test_every_chart_shows_its_title(layout) -> None:  # type: ignore[no-untyped-def]
    svg = render(layout(chart_of([[3, 1, 0, 2, 0, 1]])))
    shown = [" ".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert shown[0] == "Actions per status at each tag"
    first = next(svg.iter(f"{SVG}text"))
    assert first.get("font-weight") == "bold"


def test_the_word_picture_is_the_same_chart_true_to_scale() -> None:
    """The PNG Word shows is painted from the same drawing: measured in its pixels, a bar
    of 1 is a third as long as a bar of 3, and the pattern-free first status is its own
    colour edge to edge."""
    from io import BytesIO

    from PIL import Image

    from ragplan.output import chartimage

    drawing = charts.bar_drawing(chart_of([[3, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]]))
    zoom = 3.0
    image = Image.open(BytesIO(chartimage.png(drawing, zoom))).convert("RGB")
    assert image.size == (round(drawing.width * zoom), round(drawing.height * zoom))
    green = tuple(int(STATUSES[0].colour[i : i + 2], 16) for i in (1, 3, 5))
    lengths = []
    for s in drawing.segments:
        row = round((s.y + s.height / 2) * zoom)
        lengths.append(sum(1 for x in range(image.width) if image.getpixel((x, row)) == green))
    assert lengths[0] == pytest.approx(3 * lengths[1], rel=0.03)
    assert lengths[1] == pytest.approx(drawing.scale * zoom, rel=0.05)
