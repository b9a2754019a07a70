"""Rating indicators: every rating, why and direction at each boundary (exactly on the
target, exactly on the amber band's edge, just beyond it), by exact arithmetic.

The plan set is tests/cases/indicators/plans: lower- and higher-is-better, relative and
absolute bands, values and a summary from counts, an indicator without a target. Each
case rates one indicator at one period (`--period`), and the expected words are the
rule's, written out by hand.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli, write_tree

PLANS = REPO / "tests" / "cases" / "indicators" / "plans"


def rated(period: str | None = None, plans: Path = PLANS) -> dict[str, dict[str, Any]]:
    args = ["indicators", plans, "-f", "json"] + (["--period", period] if period else [])
    run = run_cli(*args)
    assert run.code == 0, run.err
    return {i["id"]: i for i in json.loads(run.out)["indicators"]}


# (indicator, period) -> (rating, direction, why)
CASES = {
    # Lower is better; the band is 10% of the target of 20: 2 points. Values from counts.
    ("re-referrals", "Q1"): (
        "green",
        None,
        "18.0% in Q1 against a target of 20% (lower is better): 2.0 points below, so green.",
    ),
    ("re-referrals", "Q2"): (
        "green",
        "worsened",
        "20.0% in Q2 against a target of 20% (lower is better): on target, so green.",
    ),
    ("re-referrals", "Q3"): (
        "amber",
        "worsened",
        "22.0% in Q3 against a target of 20% (lower is better): 2.0 points above, within the "
        "amber band of 10% of the target (2 points), so amber.",
    ),
    ("re-referrals", "Q4"): (
        "red",
        "worsened",
        "22.1% in Q4 against a target of 20% (lower is better): 2.1 points above, beyond the "
        "amber band of 10% of the target (2 points), so red.",
    ),
    # Higher is better; the band is 5 points.
    ("ia-timeliness", "Nov 10"): (
        "green",
        None,
        "85.5% in Nov 10 against a target of 80% (higher is better): 5.5 points above, so green.",
    ),
    ("ia-timeliness", "Dec 10"): (
        "green",
        "worsened",
        "80.0% in Dec 10 against a target of 80% (higher is better): on target, so green.",
    ),
    ("ia-timeliness", "Jan 11"): (
        "amber",
        "worsened",
        "75.0% in Jan 11 against a target of 80% (higher is better): 5.0 points below, within "
        "the 5-point amber band, so amber.",
    ),
    ("ia-timeliness", "Feb 11"): (
        "red",
        "worsened",
        "74.9% in Feb 11 against a target of 80% (higher is better): 5.1 points below, beyond "
        "the 5-point amber band, so red.",
    ),
    # The issue's own example, word for word.
    ("ia-timeliness", "Mar 11"): (
        "red",
        "worsened",
        "72.0% in Mar 11 against a target of 80% (higher is better): 8.0 points below, beyond "
        "the 5-point amber band, so red.",
    ),
    # Lower is better, in days; the band is 3 days.
    ("days-to-conference", "Q1"): (
        "green",
        None,
        "15 days in Q1 against a target of 15 days (lower is better): on target, so green.",
    ),
    ("days-to-conference", "Q2"): (
        "amber",
        "worsened",
        "18 days in Q2 against a target of 15 days (lower is better): 3 days above, within the "
        "3-day amber band, so amber.",
    ),
    ("days-to-conference", "Q3"): (
        "red",
        "worsened",
        "18.5 days in Q3 against a target of 15 days (lower is better): 3.5 days above, beyond "
        "the 3-day amber band, so red.",
    ),
    # A fall of 6.5 days: better, because lower is better.
    ("days-to-conference", "Q4"): (
        "green",
        "improved",
        "12 days in Q4 against a target of 15 days (lower is better): 3 days below, so green.",
    ),
    # No tolerance: no amber, so a tenth over the target is red. Averages from counts.
    ("caseload", "Q3"): (
        "green",
        None,
        "18.0 in Q3 against a target of 18 (lower is better): on target, so green.",
    ),
    ("caseload", "Q4"): (
        "red",
        "worsened",
        "18.1 in Q4 against a target of 18 (lower is better): 0.1 above, with no amber band, "
        "so red.",
    ),
    # Money; the band is 10% of £50000: £5000.
    ("training-spend", "Q3"): (
        "amber",
        None,
        "£45000 in Q3 against a target of £50000 (higher is better): £5000 below, within the "
        "amber band of 10% of the target (£5000), so amber.",
    ),
    ("training-spend", "Q4"): (
        "red",
        "worsened",
        "£44999.99 in Q4 against a target of £50000 (higher is better): £5000.01 below, beyond "
        "the amber band of 10% of the target (£5000), so red.",
    ),
    # The band is 5% of 90: 4.5 points, and the value is on its edge. One value: no direction.
    ("visits-on-time", "Q4"): (
        "amber",
        None,
        "85.5% in Q4 against a target of 90% (higher is better): 4.5 points below, within the "
        "amber band of 5% of the target (4.5 points), so amber.",
    ),
    # No target: never a colour; the direction still says whether it moved.
    ("vacancy-rate", "Q4"): (None, "same", "14.0% in Q4; no target is set, so not rated."),
}


@pytest.fixture(scope="module")
def by_period() -> dict[str, dict[str, dict[str, Any]]]:
    """The json report rated at each period the cases name (run once per period)."""
    return {period: rated(period) for period in sorted({p for _, p in CASES})}


@pytest.mark.parametrize(("indicator", "period"), sorted(CASES), ids=" at ".join)
def test_rating_why_and_direction(
    indicator: str, period: str, by_period: dict[str, dict[str, dict[str, Any]]]
) -> None:
    found = by_period[period][indicator]
    rating, direction, why = CASES[(indicator, period)]
    assert (found["rating"], found["direction"], found["why"]) == (rating, direction, why)
    assert found["latest"]["period"] == period


def test_without_a_period_each_is_rated_at_its_latest_value() -> None:
    found = rated()
    assert {k: (v["latest"]["period"], v["rating"]) for k, v in found.items()} == {
        "re-referrals": ("Q4", "red"),
        "ia-timeliness": ("Mar 11", "red"),
        "days-to-conference": ("Q4", "green"),
        "caseload": ("Q4", "red"),
        "vacancy-rate": ("Q4", None),
        "training-spend": ("Q4", "red"),
        "visits-on-time": ("Q4", "amber"),
        "care-leavers": (None, None),
    }
    assert found["care-leavers"]["why"] == "No values yet, so not rated."
    assert found["care-leavers"]["latest"] == {"period": None, "value": None}


def test_an_indicator_without_the_period_asked_for_is_not_rated() -> None:
    found = rated("Nov 10")
    assert found["ia-timeliness"]["rating"] == "green"
    assert (found["caseload"]["rating"], found["caseload"]["why"]) == (
        None,
        "No value in Nov 10, so not rated.",
    )
    assert found["caseload"]["latest"] == {"period": None, "value": None}


def test_values_and_a_summary_come_from_counts_and_say_so() -> None:
    found = rated()["re-referrals"]
    assert found["values"][3] == {
        "period": "Q4",
        "value": 22.1,
        "numerator": 221,
        "denominator": 1000,
    }
    # (36 + 40 + 44 + 221) / (200 + 200 + 200 + 1000) = 21.3125: pooled, not the mean of
    # the four quarters (20.525).
    assert found["summaries"] == [{"label": "Year", "value": 21.3, "computed": True}]
    # Without counts, the stated value.
    stated = rated()["ia-timeliness"]["summaries"]
    assert stated == [{"label": "Nov to March", "value": 77.2, "computed": False}]


def test_a_band_edge_that_floating_point_misses_is_amber(tmp_path: Path) -> None:
    """10% of 1.1 below 1.1 is 0.99 exactly; in floating point 1.1 - 1.1 * 10 / 100 is
    0.9900000000000001, so a float comparison would call 0.99 red."""
    assert 0.99 < 1.1 - 1.1 * 10 / 100  # the trap is real
    plans = write_tree(
        tmp_path / "plans",
        {
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: green}\n',
            "indicators/i.yaml": """
                indicators:
                  - id: ratio
                    title: Ratio
                    polarity: higher
                    target: 1.1
                    tolerance: "10%"
                    values:
                      - {period: Q1, value: 0.99}
                      - {period: Q2, value: 0.989}
            """,
        },
    )
    assert rated("Q1", plans)["ratio"]["rating"] == "amber"
    assert rated("Q1", plans)["ratio"]["why"] == (
        "0.99 in Q1 against a target of 1.1 (higher is better): 0.11 below, within the amber "
        "band of 10% of the target (0.11), so amber."
    )
    assert rated("Q2", plans)["ratio"]["rating"] == "red"


def test_a_change_without_a_polarity_has_no_direction(tmp_path: Path) -> None:
    plans = write_tree(
        tmp_path / "plans",
        {
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: green}\n',
            "indicators/i.yaml": """
                indicators:
                  - id: up
                    title: Went up
                    values: [{period: Q1, value: 1}, {period: Q2, value: 2}]
                  - id: flat
                    title: Stayed
                    values: [{period: Q1, value: 2.0}, {period: Q2, value: 2.00}]
            """,
        },
    )
    found = rated(plans=plans)
    assert found["up"]["direction"] is None  # up, but is that better? The file does not say.
    assert found["flat"]["direction"] == "same"  # 2.0 and 2.00 are the same number
    assert found["flat"]["values"][1]["value"] == 2.0


def test_the_markdown_table_shows_target_rating_and_direction_then_why() -> None:
    out = run_cli("indicators", PLANS, "-f", "md").out
    assert out.startswith(
        "# Children's Services Improvement Plan: Indicators (March 2011)\n\n"
        "8 indicators, rated on their latest values: 1 green, 1 amber, 4 red, 2 not rated.\n"
    )
    assert (
        "| Referral and assessment | Q1 | Q2 | Q3 | Q4 | Nov 10 | Dec 10 | Jan 11 | Feb 11 "
        "| Mar 11 | Year | Nov to March | Target | Rating | Direction |"
    ) in out
    assert (
        "| Re-referrals within 12 months (%) | 18.0 | 20.0 | 22.0 | 22.1 |  |  |  |  |  "
        "| 21.3% |  | 20% | Red | ↓ worsened |"
    ) in out
    assert "| Social worker vacancy rate (%) | 14.0 | 14.0 |  | not rated | → same |" in out
    assert "- Child protection visits on time (%): 85.5% in Q4 against a target of 90%" in out


def test_filters_are_stated_and_a_value_matching_nothing_names_the_nearest() -> None:
    out = run_cli("indicators", PLANS, "--theme", "2", "--rating", "red,amber").out
    assert (
        "2 of the 8 indicators (theme 2; rated red or amber), rated on their latest values: "
        "0 green, 0 amber, 2 red, 0 not rated."
    ) in out
    unknown = run_cli("indicators", PLANS, "--theme", "3")
    assert (unknown.code, unknown.err) == (
        2,
        "ragplan: error: --theme '3': no indicator evidences this theme; the themes with "
        "indicators are: 1, 2\n",
    )
    period = run_cli("indicators", PLANS, "--period", "Feb 2011")
    assert (period.code, period.err) == (
        2,
        "ragplan: error: --period 'Feb 2011': no indicator has a value for this period; "
        "did you mean 'Feb 11'?\n",
    )
    rating = run_cli("indicators", PLANS, "--rating", "blue")
    assert rating.err == "ragplan: error: --rating 'blue' is not a rating; use green, amber, red\n"
    nothing = run_cli("indicators", PLANS, "--rating", "green", "--theme", "2", "-f", "md")
    assert nothing.code == 0
    assert "0 of the 8 indicators (theme 2; rated green)" in nothing.out
    assert "No indicator matches." in nothing.out


def test_html_rating_cells_carry_word_and_colour_and_each_row_a_sparkline() -> None:
    out = run_cli("indicators", PLANS, "-f", "html").out
    assert (
        '<td class="rag" style="background: #d4351c; color: #ffffff">Red</td>' in out
    )  # the word on its colour
    assert out.count("<svg ") == 8
    assert out.count('role="img" aria-label="') == 8
    assert (
        "<title>Re-referrals within 12 months (%): 18.0% in Q1, 20.0% in Q2, 22.0% in Q3, "
        "22.1% in Q4; target 20%; red.</title>"
    ) in out
    assert "<title>Care leavers in education, employment or training (%): no values; " in out


def test_the_plan_scale_colours_the_ratings(tmp_path: Path) -> None:
    plans = write_tree(
        tmp_path / "plans",
        {
            "ragplan.yaml": 'scale:\n  - {key: green, done: true, colour: "#123456"}\n'
            "  - {key: red}\n",
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: green}\n',
            "indicators/i.yaml": """
                indicators:
                  - {id: a, title: A, polarity: higher, target: 1, values: [{period: Q1, value: 2}]}
            """,
        },
    )
    out = run_cli("indicators", plans, "-f", "html").out
    assert 'style="background: #123456; color: #ffffff">Green</td>' in out


def test_csv_numbers_are_as_written_and_text_cannot_become_a_formula(tmp_path: Path) -> None:
    plans = write_tree(
        tmp_path / "plans",
        {
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: green}\n',
            "indicators/i.yaml": """
                indicators:
                  - id: net
                    title: "=HYPERLINK(1)"
                    unit: currency
                    polarity: higher
                    target: -50.00
                    values: [{period: "-Q1", value: -75.50}]
            """,
        },
    )
    rows = list(csv.reader(io.StringIO(run_cli("indicators", plans, "-f", "csv").out)))
    assert rows[0] == [
        "id",
        "title",
        "theme",
        "unit",
        "polarity",
        "target",
        "tolerance",
        "'-Q1",
        "rated_period",
        "rated_value",
        "rating",
        "direction",
        "why",
        "variation_icon",
        "assurance_icon",
        "spc_mean",
        "spc_upper",
        "spc_lower",
        "spc_why",
    ]
    assert rows[1][:9] == [
        "net",
        "'=HYPERLINK(1)",
        "",
        "currency",
        "higher",
        "-50.00",
        "",
        "-75.50",
        "'-Q1",
    ]
    # The why is text, so it is neutralised like any other; the numbers are not text.
    assert rows[1][12] == (
        "'-£75.50 in -Q1 against a target of -£50.00 (higher is better): £25.50 below, with no "
        "amber band, so red."
    )


def test_summary_counts_the_ratings_and_lists_each_theme_s_indicators() -> None:
    from test_render import md_tables

    md = run_cli("summary", PLANS, "-f", "md").out
    assert "\nIndicators against their targets: 1 green, 1 amber, 4 red, 2 not rated.\n" in md
    statuses, by_theme = md_tables(md)  # two tables, not one run together
    assert statuses[0][:3] == ["Theme", "Title", "Lead officer"]
    assert by_theme[0] == ["Theme", "Indicator", "Latest", "Rating", "Direction"]
    assert by_theme[1] == [
        "1",
        "Re-referrals within 12 months (%)",
        "22.1% in Q4",
        "Red",
        "↓ worsened",
    ]
    assert by_theme[-1] == [
        "(none)",
        "Care leavers in education, employment or training (%)",
        "",
        "not rated",
        "",
    ]
    found = json.loads(run_cli("summary", PLANS, "-f", "json").out)
    assert found["indicators"] == {"total": 8, "green": 1, "amber": 1, "red": 4, "not_rated": 2}
    assert [i["id"] for i in found["themes"][1]["indicators"]] == [
        "caseload",
        "vacancy-rate",
        "training-spend",
    ]
    rows = list(csv.DictReader(io.StringIO(run_cli("summary", PLANS, "-f", "csv").out)))
    assert [(r["id"], r["indicators_red"], r["indicators_not_rated"]) for r in rows] == [
        ("1", "2", "0"),
        ("2", "2", "1"),
    ]
    # Grouped by lead officer: the line, not the table of themes.
    by_lead = run_cli("summary", PLANS, "--by", "lead_officer").out
    assert "Indicators: 1 green, 1 amber, 4 red, 2 not rated" in by_lead  # plain text
    assert "Re-referrals" not in by_lead


def test_markdown_cells_keep_hostile_titles_and_periods_whole(tmp_path: Path) -> None:
    from test_render import md_tables

    nasty = ["a | b", "line\nbreak", "*bold* `code` <b>", "\x1b[31mred", "=SUM(A1)"]
    values = "".join(
        f"\n      - {{period: {json.dumps(n)}, value: {i}}}" for i, n in enumerate(nasty)
    )
    plans = write_tree(
        tmp_path / "plans",
        {
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: green}\n',
            "indicators/i.yaml": f"title: {json.dumps('T | x')}\nindicators:\n"
            f"  - id: a\n    title: {json.dumps('a | b')}\n    values:{values}\n",
        },
    )
    run = run_cli("indicators", plans, "-f", "md")
    assert "\x1b" not in run.out
    [table] = md_tables(run.out)
    assert table[0] == ["T | x", "a | b", "line\nbreak", "*bold* `code` <b>", "[31mred", "=SUM(A1)"]
    assert table[1] == ["a | b", "0", "1", "2", "3", "4"]
    text = run_cli("indicators", plans).out
    assert "\\x1b[31mred" in text and "\x1b" not in text


def test_a_colour_terminal_draws_the_rating_in_its_colour_with_its_word() -> None:
    run = run_cli("--color", "always", "indicators", PLANS)
    assert run.code == 0
    assert "\x1b[" in run.out  # drawn, coloured
    plain = run_cli("indicators", PLANS).out
    assert "\x1b" not in plain
    for word in ("Red", "Amber", "Green", "not rated", "↓ worsened", "Why each indicator"):
        assert word in run.out and word in plain


def test_a_narrow_terminal_never_cuts_a_value_short(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run_cli("--color", "always", "indicators", PLANS).out
    assert "…" not in out
    for value in ("22.1", "21.3%", "44999.99", "£50000", "↓ worsened", "Nov to March"):
        assert value in out


def test_a_plan_set_without_indicators_says_where_they_would_be() -> None:
    brag = REPO / "tests" / "cases" / "brag" / "plans"
    for fmt in ("text", "md"):
        run = run_cli("indicators", brag, "-f", fmt)
        assert run.code == 0
        assert "The plan set has no indicators: they are the files of its indicators/ folder." in (
            run.out
        )
        assert "No indicator matches" not in run.out
    assert json.loads(run_cli("indicators", brag, "-f", "json").out)["indicators"] == []
