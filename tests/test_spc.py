"""XmR charts by the Making Data Count rules: every example of NHS Digital's checklist
(tests/spc/), then one test per rule and edge, on series built so that one rule decides."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import yaml
from hypothesis import strategies as st

from ragplan.spc import Spc, settings_problems, xmr

CASES = Path(__file__).parent / "spc"


def _load(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return case


def _close(got: Fraction | None, expected: float | None) -> bool:
    if got is None or expected is None:
        return got is None and expected is None
    return abs(float(got) - expected) <= 0.01


@pytest.mark.parametrize("path", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_checklist_example(path: Path) -> None:
    case = _load(path)
    expected = case["expected"]

    def chart(target: int | None = None) -> Spc:
        result = xmr(
            [(period, value) for period, value in case["values"]],
            polarity=case["polarity"],
            runs=case["runs"],
            baseline=case.get("baseline"),
            recalculate=case.get("recalculate", []),
            target=target,
        )
        assert result is not None
        return result

    spc = chart()
    assert _close(spc.mean, expected["mean"]), (float(spc.mean), expected["mean"])
    assert _close(spc.upper, expected["upper"]), (spc.upper, expected["upper"])
    assert _close(spc.lower, expected["lower"]), (spc.lower, expected["lower"])
    got = [p.variation for p in spc.points]
    assert len(got) == len(expected["variation"])
    wrong = [
        f"{p.period} ({p.value}): {p.variation}, expected {want}"
        for p, want in zip(spc.points, expected["variation"], strict=True)
        if p.variation != want
    ]
    assert not wrong, wrong
    assert spc.variation_icon == expected["variation_icon"]
    assert spc.assurance_icon == expected["assurance_icon"]
    for check in expected.get("assurance", []):
        assert chart(check["target"]).assurance_icon == check["icon"], check


def test_every_checklist_section_has_an_example() -> None:
    names = {_load(path)["name"] for path in CASES.glob("*.yaml")}
    # One series at least from each section of the checklist that gives data.
    for section in [
        "Number of points",
        "Process limits",
        "Special cause - High",
        "single point",
        "shift",
        "trend",
        "two-sigma",
        "conflict",
        "Recalculations",
        "Baselines",
        "crossing recalculations",
        "assurance",
        "variation",
    ]:
        assert any(section in name for name in names), section
    assert len(names) == 36


# Helpers for the focused tests: periods p01, p02, ...


def _series(*values: float | int) -> list[tuple[str, float | int]]:
    return [(f"p{i:02}", v) for i, v in enumerate(values, 1)]


def _kinds(spc: Spc | None) -> str:
    """Each point's category as one letter (c common, i improvement, x concern, n neither)."""
    assert spc is not None
    return "".join(
        {"common": "c", "improvement": "i", "concern": "x", "neither": "n"}[p.variation]
        for p in spc.points
    )


# A steady, zig-zag series around 10 (moving ranges all 2, so limits 10 ± 5.32 and
# two-sigma lines 10 ± 3.5467). BASE is its first 10 points the other way round, ending
# below the mean, so that a pattern put after it starts a run of its own.
STEADY = [9, 11] * 10
BASE = [11, 9] * 5


def test_limits_use_the_mean_moving_range_times_2_66_exactly() -> None:
    spc = xmr(_series(*STEADY))
    assert spc is not None
    assert spc.mean == 10
    assert spc.upper == Fraction(1532, 100) and spc.lower == Fraction(468, 100)
    assert spc.points[0].upper_two_sigma == 10 + Fraction(2, 3) * Fraction(532, 100)
    assert _kinds(spc) == "c" * 20
    assert spc.as_json()["upper"] == 15.32


def test_12_points_show_only_the_mean_and_13_show_limits_and_icons() -> None:
    # A last point far above a wide zig-zag: beyond the limit once there are 13 points
    # (mean 180/13, mean moving range 155/12, upper limit about 48.2), plain below that.
    twelve = xmr(_series(*[5, 15] * 5, 5, 60), target=5)
    assert twelve is not None
    assert (twelve.upper, twelve.lower, twelve.variation_icon, twelve.assurance_icon) == (
        None,
        None,
        None,
        None,
    )
    assert all(p.upper is None and p.upper_two_sigma is None for p in twelve.points)
    assert _kinds(twelve) == "c" * 12
    assert twelve.mean == Fraction(165, 12) and twelve.signals == ()
    thirteen = xmr(_series(*[5, 15] * 6, 60), target=5)
    assert thirteen is not None
    assert thirteen.mean == Fraction(180, 13)
    assert thirteen.upper == Fraction(180, 13) + Fraction(266, 100) * Fraction(155, 12)
    assert _kinds(thirteen) == "c" * 12 + "i"
    assert (thirteen.variation_icon, thirteen.assurance_icon) == ("improvement_high", "hit_or_miss")


def test_fewer_than_two_values_give_no_chart() -> None:
    assert xmr([]) is None
    assert xmr(_series(5)) is None
    two = xmr(_series(5, 7))
    assert two is not None and two.mean == 6 and two.upper is None


def test_a_point_beyond_a_limit_and_one_on_it() -> None:
    values = list(STEADY)
    values[6] = 30  # beyond the upper limit, whatever it moves to
    spc = xmr(_series(*values))
    assert spc is not None and spc.upper is not None
    assert _kinds(spc)[6] == "i"
    assert [s.rule for s in spc.points[6].signals] == ["beyond_limit"]
    assert spc.points[6].signals[0].describe() == "a point above the upper limit, p07"
    # Lower is better: the same point is a concern.
    assert _kinds(xmr(_series(*values), polarity="lower"))[6] == "x"


def test_a_point_exactly_on_the_limit_is_not_beyond_it() -> None:
    # 13 points: 12 alternating 0 and 2 (mean moving range 2 over 12 ranges with the last)...
    # Built so the last point lands exactly on the upper limit: solve by exact arithmetic.
    base = [0, 2] * 6
    # With a last value v: mean = (12 + v) / 13, moving ranges 11 × 2 and |v - 2|.
    # For v > 2: upper = (12 + v)/13 + 2.66 × (22 + v - 2)/12. Setting upper = v:
    # v (1 - 1/13 - 2.66/12) = 12/13 + 2.66 × 20/12.
    v = (Fraction(12, 13) + Fraction(266, 100) * Fraction(20, 12)) / (
        1 - Fraction(1, 13) - Fraction(266, 100) / 12
    )
    spc = xmr(_series(*base, v))
    assert spc is not None
    assert spc.upper == v  # exactly on it
    assert spc.points[-1].signals == () or all(
        s.rule != "beyond_limit" for s in spc.points[-1].signals
    )
    slightly = xmr(_series(*base, v + Fraction(1, 10**9)))
    assert slightly is not None
    assert any(s.rule == "beyond_limit" for s in slightly.points[-1].signals)


def test_points_exactly_on_a_line_are_not_beyond_it() -> None:
    # A baseline of [11, 9] × 6 fixes the lines: mean 10, limits 10 ± 5.32, two-sigma
    # lines 10 ± 10.64/3, so later points can sit exactly on them.
    two_sigma = 10 + Fraction(1064, 300)
    hair = two_sigma + Fraction(1, 10**6)

    def kinds(*after: object) -> str:
        return _kinds(xmr(_series(*BASE, 11, 9, *after), baseline="p12"))  # type: ignore[arg-type]

    spc = xmr(_series(*BASE, 11, 9, 15.32), baseline="p12")
    assert spc is not None
    assert (spc.upper, spc.points[-1].upper_two_sigma) == (Fraction("15.32"), two_sigma)
    # On the limit: not beyond it; 15.33 is.
    assert kinds(15.32, 9, Decimal("15.33"), 9) == "c" * 12 + "ccic"
    # Two points of three above the mean exactly on the two-sigma line: not beyond it.
    assert kinds(9, 12, two_sigma, two_sigma, 9) == "c" * 12 + "ccccc"
    # A hair past it, the same two points are two of three.
    assert kinds(9, 12, hair, hair, 9) == "c" * 12 + "ccii" + "c"
    # A point on the limit counts as beyond the two-sigma line.
    assert kinds(9, 12, 15.32, hair, 9) == "c" * 12 + "ccii" + "c"


def test_a_shift_of_6_flags_every_point_and_5_flags_none() -> None:
    # Mean 198/19 (about 10.42), mean moving range 1.5: 11.5 is above the mean and inside
    # the two-sigma line (about 13.08); the points round it alternate sides.
    six = xmr(_series(*BASE, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 9, 11, 9))
    assert six is not None and six.mean == Fraction(198, 19)
    assert _kinds(six) == "c" * 10 + "i" * 6 + "ccc"
    (shift,) = six.signals
    assert shift.describe() == "6 points in a row above the mean, p11 – p16"
    five = xmr(_series(*BASE, 11.5, 11.5, 11.5, 11.5, 11.5, 9, 11, 9, 11))
    assert _kinds(five) == "c" * 19


def test_runs_7_needs_a_seventh_point() -> None:
    values = _series(*BASE, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 9, 11, 9)
    assert _kinds(xmr(values, runs=7)) == "c" * 19
    seven = _series(*BASE, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 9, 11)
    assert _kinds(xmr(seven, runs=7)) == "c" * 10 + "i" * 7 + "cc"


def test_a_point_on_the_mean_ends_a_shift() -> None:
    # 14 points whose mean is exactly 10: the 8th sits on it and splits 4 + 3 above.
    values: list[float] = [9, 11, 9, 11, 12, 12, 12, 10, 12, 12, 12, 4, 6, 8]
    assert sum(values) == 140
    spc = xmr(_series(*values))
    assert spc is not None and spc.mean == 10
    assert not [s for s in spc.signals if s.rule == "shift"]
    # The same with that point just above the mean (and the mean kept at 10): a shift of 8.
    values[7], values[-1] = 10.5, 7.5
    moved = xmr(_series(*values))
    assert moved is not None and moved.mean == 10
    assert [(s.first, s.last, s.size) for s in moved.signals if s.rule == "shift"] == [
        ("p04", "p11", 8)
    ]


def test_a_trend_is_strictly_rising_crosses_the_mean_and_a_pause_ends_it() -> None:
    rising = [*STEADY[:8], 7, 8, 9, 10.5, 12, 13, 9, 11]
    spc = xmr(_series(*rising))
    assert spc is not None
    assert _kinds(spc)[8:14] == "iiiiii"
    (trend,) = [s for s in spc.signals if s.rule == "trend"]
    assert (trend.start, trend.end, trend.side) == (8, 13, "high")
    assert trend.describe() == "6 points in a row rising, p09 – p14"
    paused = [*STEADY[:8], 7, 8, 8, 10.5, 12, 13, 9, 11]
    assert not [s for s in xmr(_series(*paused)).signals if s.rule == "trend"]  # type: ignore[union-attr]
    # Falling is a concern when higher is better, an improvement when lower is.
    falling = [*STEADY[:8], 13, 12, 10.5, 9, 8, 7, 9, 11]
    assert _kinds(xmr(_series(*falling)))[8:14] == "xxxxxx"
    assert _kinds(xmr(_series(*falling), polarity="lower"))[8:14] == "iiiiii"


def test_two_of_three_beyond_two_sigma_on_one_side() -> None:
    # 20 zig-zag points, then 15.5, 11, 15.5: mean 282/27 (about 10.44), mean moving range
    # 66/26, so the upper two-sigma line is about 14.95 and the limit about 17.20.
    values = [*([11, 9] * 10), 15.5, 11, 15.5, 9, 11, 9, 11]
    spc = xmr(_series(*values))
    assert spc is not None
    p = spc.points[20]
    assert p.upper_two_sigma is not None and p.upper is not None
    assert p.upper_two_sigma < Fraction("15.5") <= p.upper and 11 > p.mean
    assert _kinds(spc) == "c" * 20 + "ici" + "cccc"  # the middle point is not beyond it
    (rule,) = spc.signals
    assert (rule.rule, rule.side, rule.size, rule.first, rule.last) == (
        "two_of_three",
        "high",
        2,
        "p21",
        "p23",
    )
    # The middle point below the mean: the three are not on one side, nothing fires.
    values[21] = 9.5
    below = xmr(_series(*values))
    assert below is not None and below.points[21].value < below.points[21].mean
    assert below.points[20].upper_two_sigma < Fraction("15.5")  # type: ignore[operator]
    assert _kinds(below) == "c" * 27


def test_two_of_three_does_not_count_a_point_beyond_the_limit() -> None:
    # Mean about 10.59, two-sigma line about 15.87, limit about 18.51: 16.5 is beyond two
    # sigma, 30 beyond the limit, 11 above the mean. 16.5 alone does not make two of three.
    values = [*([11, 9] * 20), 16.5, 11, 30, 9, 11, 9, 11]
    spc = xmr(_series(*values))
    assert spc is not None
    p = spc.points[40]
    assert p.upper_two_sigma is not None and p.upper is not None
    assert p.upper_two_sigma < Fraction("16.5") <= p.upper < 30 and 11 > p.mean
    assert _kinds(spc)[40:43] == "cci"
    assert [s.rule for s in spc.signals] == ["beyond_limit"]


def test_both_improvement_and_concern_shows_improvement() -> None:
    # A falling trend of 6 ends where a rising trend of 6 starts: the low point is both.
    values = [*STEADY[:6], 16, 14, 12, 10.5, 8, 6, 7, 8.5, 10, 12, 14, 9, 11]
    spc = xmr(_series(*values))
    assert spc is not None
    low = spc.points[11]
    assert {s.variation for s in low.signals} >= {"improvement", "concern"}
    assert low.variation == "improvement"
    assert spc.points[10].variation == "concern"


def test_polarity_neither_shows_neither_and_no_assurance() -> None:
    # A wide zig-zag and a last point beyond the limit (upper about 46.6, lower about -30.4).
    spc = xmr(_series(*[5, 15] * 6, 60), polarity="neither", target=5)
    assert spc is not None
    assert _kinds(spc) == "c" * 12 + "n"
    assert spc.variation_icon == "neither_high"
    assert spc.assurance_icon is None
    low = xmr(_series(*[5, 15] * 6, -40), polarity="neither")
    assert low is not None and _kinds(low) == "c" * 12 + "n"
    assert low.variation_icon == "neither_low"


def test_the_variation_icon_is_set_by_the_last_point_only() -> None:
    # 60 is beyond the upper limit (about 46.6), -40 below the lower (about -28.5).
    first = xmr(_series(60, *[5, 15] * 7))
    assert first is not None and _kinds(first) == "i" + "c" * 14
    assert first.variation_icon == "common_cause"
    icons = {
        (last, polarity): xmr(_series(*[5, 15] * 7, last), polarity=polarity).variation_icon  # type: ignore[union-attr]
        for last in (60, -40)
        for polarity in ("higher", "lower")
    }
    assert icons == {
        (60, "higher"): "improvement_high",
        (-40, "higher"): "concern_low",
        (60, "lower"): "concern_high",
        (-40, "lower"): "improvement_low",
    }


def test_assurance_target_on_a_limit_is_hit_or_miss() -> None:
    spc = xmr(_series(*STEADY))
    assert spc is not None and spc.upper == Fraction("15.32") and spc.lower == Fraction("4.68")

    def icon(target: object, polarity: str = "higher") -> str | None:
        result = xmr(_series(*STEADY), target=target, polarity=polarity)  # type: ignore[arg-type]
        assert result is not None
        return result.assurance_icon

    assert icon(Decimal("15.32")) == "hit_or_miss"
    assert icon(Decimal("4.68")) == "hit_or_miss"
    assert icon(Decimal("15.33")) == "fail"
    assert icon(Decimal("4.67")) == "pass"
    assert icon(Decimal("15.33"), "lower") == "pass"
    assert icon(Decimal("4.67"), "lower") == "fail"
    assert icon(None) is None
    # A float target is taken as the decimal it prints as: 15.32 is on the limit too.
    assert icon(15.32) == "hit_or_miss"


def test_recalculation_splits_means_limits_and_moving_ranges() -> None:
    first = [9, 11] * 6  # mean 10, moving ranges 2
    second = [20, 24] * 4  # mean 22, moving ranges 4
    spc = xmr(_series(*first, *second), recalculate=["p13"])
    assert spc is not None
    before, after = spc.sections
    assert (before.kind, before.first, before.last, before.mean, before.mean_moving_range) == (
        "before_recalculation",
        "p01",
        "p12",
        10,
        2,
    )
    # The jump from 11 to 20 between the periods is no moving range of either.
    assert (after.kind, after.first, after.last, after.mean, after.mean_moving_range) == (
        "recalculation",
        "p13",
        "p20",
        22,
        4,
    )
    assert spc.points[11].mean == 10 and spc.points[12].mean == 22
    assert (spc.mean, spc.upper) == (22, 22 + Fraction(266, 100) * 4)
    # Without it, the step up is a shift of 8 above the overall mean.
    whole = xmr(_series(*first, *second))
    assert _kinds(whole)[12:] == "i" * 8
    assert _kinds(spc) == "c" * 20


def test_run_rules_cross_a_recalculation_each_point_against_its_own_mean() -> None:
    # 3 points below the first period's mean, then 3 below the second's: one shift of 6.
    first = [10, 12] * 5 + [10.5, 10.5, 10.5]  # mean 141.5/13, about 10.88
    second = [20.5, 20.5, 20.5] + [22, 20] * 5  # mean 271.5/13, about 20.88
    spc = xmr(_series(*first, *second), recalculate=["p14"])
    assert spc is not None
    assert spc.points[12].value < spc.points[12].mean and spc.points[13].value < spc.points[13].mean
    shifts = [s for s in spc.signals if s.rule == "shift"]
    assert [(s.first, s.last, s.side, s.size) for s in shifts] == [("p11", "p16", "low", 6)]


def test_baseline_fixes_limits_and_extends_them_forward() -> None:
    values = _series(*BASE, 11, 9, *([12, 14] * 4))
    spc = xmr(values, baseline="p12")
    assert spc is not None
    assert [s.kind for s in spc.sections] == ["baseline", "after_baseline"]
    assert all(p.mean == 10 and p.upper == Fraction("15.32") for p in spc.points)
    assert _kinds(spc) == "c" * 12 + "i" * 8
    # Its mean moving range is the baseline's own: the larger ranges later do not widen it.
    assert spc.sections[1].mean_moving_range == 2


def test_with_a_baseline_and_a_recalculation_the_baseline_wins() -> None:
    values = _series(*BASE, 11, 9, *([12, 14] * 4))
    both = xmr(values, baseline="p12", recalculate=["p15"])
    baseline_only = xmr(values, baseline="p12")
    assert both is not None and baseline_only is not None
    assert both.points == baseline_only.points
    assert both.ignored_recalculations == ("p15",)
    assert baseline_only.ignored_recalculations == ()


def test_a_trajectory_judges_the_last_point_by_its_own_periods_target() -> None:
    values = _series(*STEADY)  # limits 4.68 to 15.32
    path = [("p01", 20), ("p10", 12), ("p20", 3)]
    spc = xmr(values, target=path)
    assert spc is not None
    assert [p.target for p in spc.points[:10:9]] == [20, 12]
    assert spc.points[18].target == 12 and spc.target == 3
    assert spc.assurance_icon == "pass"  # 3 is below the lower limit: always met
    # A step not yet reached does not judge: the last point's step is p10's 12.
    early = xmr(values, target=[("p01", 20), ("p10", 12), ("p21", 3)])
    assert early is not None and early.target == 12 and early.assurance_icon == "hit_or_miss"
    # Before the first step there is no target.
    late = xmr(values, target=[("p05", 20)])
    assert late is not None and late.points[3].target is None and late.points[4].target == 20


def test_signals_name_their_rule_and_span_for_a_report() -> None:
    months = ["Oct 23", "Nov 23", "Dec 23", "Jan 24", "Feb 24", "Mar 24"]
    before = [(f"m{i}", v) for i, v in enumerate(BASE)]
    spc = xmr([*before, *((m, 11.5) for m in months), ("Apr 24", 9)])
    assert spc is not None
    assert [s.describe() for s in spc.signals] == [
        "6 points in a row above the mean, Oct 23 – Mar 24"
    ]
    data = spc.as_json()
    assert data["signals"][0]["text"] == "6 points in a row above the mean, Oct 23 – Mar 24"
    assert (
        data["points"][10]["rules"] == ["shift"]
        and data["points"][10]["variation"] == "improvement"
    )
    assert set(data) >= {
        "runs",
        "mean",
        "upper",
        "lower",
        "points",
        "variation_icon",
        "assurance_icon",
    }


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"runs": 5}, "runs must be 6 or 7, not 5"),
        ({"polarity": "up"}, "polarity 'up' is not one of higher, lower, neither"),
        (
            {"recalculate": ["p1"]},
            "a recalculation from p1, a period with no value (nearest: p19, p18, p17)",
        ),
        ({"recalculate": ["p01"]}, "a recalculation from p01, the first period, changes nothing"),
        (
            {"recalculate": ["p20"]},
            "the calculation period from p20 has one value: limits need 2 or more",
        ),
        ({"recalculate": ["p05", "p05"]}, "two recalculations from p05"),
        (
            {"baseline": "Mar 23"},
            "the baseline ends at Mar 23, a period with no value (the values run p01 to p20)",
        ),
        (
            {"baseline": "p01"},
            "the baseline ends at p01, its first period: limits need 2 values or more",
        ),
        ({"target": [("p02", 1), ("p02", 2)]}, "the trajectory gives p02 twice"),
    ],
)
def test_settings_problems_are_named_and_xmr_refuses_them(
    settings: dict[str, Any], message: str
) -> None:
    values = _series(*STEADY)
    assert settings_problems([p for p, _ in values], **settings) == [message]
    with pytest.raises(
        ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"
    ):
        xmr(values, **settings)


def test_a_repeated_period_is_a_problem() -> None:
    assert settings_problems(["Jan", "Feb", "Jan"]) == ["the period Jan has more than one value"]


# Every rule against its plain definition, on random series: a point is flagged by a rule
# exactly when some window of consecutive points around it satisfies the rule's wording.


def _windows(i: int, size: int, count: int) -> list[range]:
    return [range(s, s + size) for s in range(max(0, i - size + 1), min(i, count - size) + 1)]


@hypothesis.given(
    values=st.lists(st.integers(min_value=0, max_value=12), min_size=13, max_size=40),
    runs=st.sampled_from([6, 7]),
    cut=st.integers(min_value=0, max_value=38),
)
@hypothesis.settings(max_examples=300, deadline=None)
def test_rules_match_their_definitions(values: list[int], runs: int, cut: int) -> None:
    series = _series(*values)
    recalculate = [series[cut][0]] if 2 <= cut <= len(values) - 2 else []
    spc = xmr(series, runs=runs, recalculate=recalculate)
    assert spc is not None
    pts = spc.points
    n = len(pts)

    def side(j: int) -> int:
        return (pts[j].value > pts[j].mean) - (pts[j].value < pts[j].mean)

    def near(j: int) -> int:
        p = pts[j]
        assert p.upper is not None and p.lower is not None
        assert p.upper_two_sigma is not None and p.lower_two_sigma is not None
        return (
            1
            if p.upper_two_sigma < p.value <= p.upper
            else -1
            if p.lower <= p.value < p.lower_two_sigma
            else 0
        )

    for i, p in enumerate(pts):
        rules = {s.rule for s in p.signals}
        assert p.upper is not None and p.lower is not None
        assert ("beyond_limit" in rules) == (p.value > p.upper or p.value < p.lower)
        shift = any(
            side(w[0]) != 0 and all(side(j) == side(w[0]) for j in w) for w in _windows(i, runs, n)
        )
        assert ("shift" in rules) == shift, i
        trend = any(
            all(pts[j].value < pts[j + 1].value for j in w[:-1])
            or all(pts[j].value > pts[j + 1].value for j in w[:-1])
            for w in _windows(i, runs, n)
        )
        assert ("trend" in rules) == trend, i
        two = near(i) != 0 and any(
            all(side(j) == near(i) for j in w) and sum(near(j) == near(i) for j in w) >= 2
            for w in _windows(i, 3, n)
        )
        assert ("two_of_three" in rules) == two, i
        assert (p.variation == "common") == (not rules)
