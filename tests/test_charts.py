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
        # One segment per status that has actions, in scale order, none thinner than 3px.
        assert [s.tip.split(": ")[1] for s in segments] == [
            f"{n} {st.in_text}" for st, n in zip(STATUSES, row, strict=True) if n
        ]
        assert all(s.height >= charts.MIN_SEGMENT - 0.1 for s in segments)
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


@given(ROWS)
def test_word_bars_span_the_grid_in_proportion(rows: list[list[int]]) -> None:
    bars = charts.grid_bars(chart_of(rows), columns=50)
    largest = max(sum(r) for r in rows)
    for bar, row in zip(bars, rows, strict=True):
        spans = [s.span for s in bar.segments]
        assert sum(spans) + bar.rest == 50
        assert [s.count for s in bar.segments] == [n for n in row if n]
        assert all(span >= 1 for span in spans)
        if largest and sum(row) == largest:
            assert bar.rest == 0  # the longest bar fills the grid
