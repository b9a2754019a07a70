"""The figures behind the reports: counts, groups, overdue, filters, dates."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli, write_tree

from ragplan.errors import UsageError
from ragplan.plansets import load_valid
from ragplan.reports.common import (
    contrast_ratio,
    leads_match,
    percent,
    report_date,
    text_colour_on,
)
from ragplan.reports.outstanding import Filters, find_outstanding
from ragplan.reports.summary import summarise

CASES = REPO / "tests" / "cases"

SCALE = """\
scale:
  - {key: blue, done: true, colour: "#1d70b8"}
  - {key: green, done: true}
  - {key: amber}
  - {key: red}
"""


def plan(tmp_path: Path, config: str = SCALE) -> Path:
    return write_tree(
        tmp_path / "p",
        {
            "ragplan.yaml": ("as_of: 2024-03-31\n" + config).encode(),
            "2.yaml": """\
                id: "2"
                title: Two
                lead_officer: Theme Lead
                actions:
                  - {id: "2.10", summary: s, rag: amber, due: 2024-03-30, notes: n,
                     lead_officer: "A / B"}
                  - {id: "2.9", summary: s, rag: red, due: 2024-03-31, lead_body: Trust, notes: n}
                  - {id: "2.2", summary: s, rag: green, due: 2020-01-01}
            """,
            "10.yaml": """\
                id: "10"
                actions:
                  - {id: "10.1", summary: s, rag: blue}
            """,
        },
    )


def test_counts_follow_the_scale_with_zeros_and_natural_theme_order(tmp_path: Path) -> None:
    s = summarise(load_valid(plan(tmp_path)))
    assert [(c.status.key, c.count) for c in s.counts] == [
        ("blue", 1),
        ("green", 1),
        ("amber", 1),
        ("red", 1),
    ]
    assert [g.id for g in s.groups] == ["2", "10"]
    assert [c.count for c in s.groups[1].counts] == [1, 0, 0, 0]
    assert (s.total, s.done, s.percent_done, s.outstanding) == (4, 2, 50, 2)


def test_overdue_is_outstanding_and_due_strictly_before_as_of(tmp_path: Path) -> None:
    plan_set = load_valid(plan(tmp_path))
    assert summarise(plan_set).overdue == 1  # 2.10; 2.9 is due on the day, 2.2 is done
    assert [
        a.id for a in find_outstanding(plan_set, filters=Filters(overdue_only=True)).actions
    ] == ["2.10"]
    assert summarise(plan_set, as_of=date(2024, 4, 1)).overdue == 2


def test_as_of_comes_from_the_option_then_the_config_then_today(tmp_path: Path) -> None:
    plan_set = load_valid(plan(tmp_path))
    assert report_date(plan_set, date(2011, 1, 2)) == date(2011, 1, 2)
    assert report_date(plan_set, None) == date(2024, 3, 31)
    plan_set.config.as_of = None
    assert report_date(plan_set, None) == date.today()


def test_percent_done_is_rounded_down() -> None:
    assert percent(150, 162) == 92
    assert percent(199, 200) == 99
    assert percent(0, 0) == 0


def test_grouping_by_lead_officer_uses_the_theme_lead_when_an_action_has_none(
    tmp_path: Path,
) -> None:
    s = summarise(load_valid(plan(tmp_path)), by="lead_officer")
    # Joint leads are split as --lead matches them: 2.10 counts under A and under B.
    assert [(g.id, g.total) for g in s.groups] == [("A", 1), ("B", 1), ("Theme Lead", 2), (None, 1)]
    assert s.joint == 1 and s.total == 4
    for fmt in ("text", "md", "html"):
        run = run_cli("summary", plan(tmp_path), "--by", "lead_officer", "-f", fmt)
        assert "counts under each of them: 1 action has joint leads." in run.out, fmt
    data = json.loads(run_cli("summary", plan(tmp_path), "--by", "lead_officer", "-f", "json").out)
    assert data["joint_leads"] == 1


def test_grouping_by_lead_body_puts_not_given_last(tmp_path: Path) -> None:
    s = summarise(load_valid(plan(tmp_path)), by="lead_body")
    assert [(g.id, g.total) for g in s.groups] == [("Trust", 1), (None, 3)]
    assert [t.id for t in s.themes] == ["2", "10"]


def test_unknown_grouping_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="'owner': use one of theme, lead_officer, lead_body") as e:
        summarise(load_valid(plan(tmp_path)), by="owner")
    assert e.value.field == "by"  # the command line names it --by
    run = run_cli("summary", plan(tmp_path), "--by", "owner")
    assert (run.code, run.err) == (
        2,
        "ragplan: error: --by 'owner': use one of theme, lead_officer, lead_body\n",
    )


def test_outstanding_lists_every_status_that_is_not_done_in_natural_order(
    tmp_path: Path,
) -> None:
    o = find_outstanding(load_valid(plan(tmp_path)))
    assert [(a.id, a.rag, a.overdue) for a in o.actions] == [
        ("2.9", "red", False),
        ("2.10", "amber", True),
    ]
    assert o.total == 4 and o.overdue == 1
    assert [t.id for t in o.themes] == ["2"]


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(statuses=("RED",)), ["2.9"]),
        (Filters(statuses=("amber", "red")), ["2.9", "2.10"]),
        (Filters(themes=("10",)), []),
        (Filters(leads=("b",)), ["2.10"]),
        (Filters(leads=("theme lead",)), ["2.9"]),
        (Filters(leads=("A / B",)), ["2.10"]),
        (Filters(leads=("a  /  b",)), ["2.10"]),  # case and spaces aside
        (Filters(statuses=("Amber",)), ["2.10"]),  # by label too
        (Filters(lead_bodies=("trust",)), ["2.9"]),
        (Filters(sections=()), ["2.9", "2.10"]),
    ],
)
def test_outstanding_filters(tmp_path: Path, filters: Filters, ids: list[str]) -> None:
    o = find_outstanding(load_valid(plan(tmp_path)), filters=filters)
    assert [a.id for a in o.actions] == ids


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (
            Filters(statuses=("purple",)),
            "'purple' matches no status (by key or label) in the plan set; the plan set has: "
            "'Amber', 'Blue', 'Green', 'Red'",
        ),
        (Filters(statuses=("blue",)), "'blue' is a done status; use Amber, Red"),
        (
            Filters(themes=("1.3",)),
            "'1.3' matches no theme id in the plan set; the plan set has: '10', '2'",
        ),
        (
            Filters(leads=("A /",)),
            "'A /' matches no lead officer in the plan set; nearest: 'A'",
        ),
        (
            Filters(leads=("Theme Led",)),
            "'Theme Led' matches no lead officer in the plan set; nearest: 'Theme Lead'",
        ),
        (
            Filters(lead_bodies=("NHS",)),
            "'NHS' matches no lead body in the plan set; the plan set has: 'Trust'",
        ),
    ],
)
def test_filters_that_match_nothing_are_usage_errors_naming_the_nearest(
    tmp_path: Path, filters: Filters, message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        find_outstanding(load_valid(plan(tmp_path)), filters=filters)
    assert raised.value.message == message


def test_leads_match_whole_names_between_slashes() -> None:
    assert leads_match("AD CSC / LSCB Manager", ("ad  csc",))
    assert leads_match("Gary Cochrane/ Alan Tucker", ("Alan Tucker",))
    assert not leads_match("AD CSC (AD SS)", ("AD CSC",))
    assert not leads_match(None, ("AD CSC",))


def test_text_colour_is_the_one_with_more_contrast() -> None:
    assert text_colour_on("#ffbf47") == "#000000"
    assert text_colour_on("#00703c") == "#ffffff"
    assert text_colour_on("#d9d9d9") == "#000000"
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    for background in ("#1d70b8", "#00703c", "#ffbf47", "#d4351c", "#d9d9d9", "#777777"):
        assert contrast_ratio(background, text_colour_on(background)) >= 4.5


def test_statuses_without_colour_get_a_neutral_grey(tmp_path: Path) -> None:
    statuses = summarise(load_valid(plan(tmp_path))).statuses
    assert [s.colour for s in statuses] == ["#1d70b8", "#d9d9d9", "#d9d9d9", "#d9d9d9"]


def _ids(csv_text: str) -> list[str]:
    return [row["id"] for row in csv.DictReader(io.StringIO(csv_text))]


def test_outstanding_filters_from_the_cli() -> None:
    run = run_cli("outstanding", EXAMPLE_PLANS, "-f", "csv", "--status", "red")
    assert run.code == 0 and _ids(run.out) == ["1.3.6.1"]
    run = run_cli(
        "outstanding", EXAMPLE_PLANS, "-f", "csv", "--theme", "1.2, 6", "--lead", "AD CSC"
    )
    assert _ids(run.out) == ["1.2.2.4"]
    run = run_cli(
        "outstanding", EXAMPLE_PLANS, "-f", "csv", "--lead", "AD CSC", "--lead", "David Sadler"
    )
    assert _ids(run.out) == [
        "1.1.5.2",
        "1.2.2.4",
        "1.3.2.4",
        "1.3.3.5",
        "1.3.6.1",
        "1.3.6.3",
        "8.3",
    ]
    run = run_cli("outstanding", EXAMPLE_PLANS, "--lead", "AD CSC", "--lead", "x")
    assert (run.code, run.err) == (
        2,
        "ragplan: error: --lead 'x' matches no lead officer in the plan set; the plan set has: "
        "'AD CSC', 'AD CSC (AD SS)', 'Alan Tucker', 'Ann McMorris', 'Cynthia Welbourn', "
        "'David Sadler', 'Gary Cochrane', 'General Managers (CSC)', 'LSCB Manager', "
        "'Penny Yeadon'\n",
    )


def test_overdue_from_the_cli_follows_as_of() -> None:
    plans = CASES / "brag" / "plans"
    run = run_cli("outstanding", plans, "--overdue", "-f", "csv")
    assert _ids(run.out) == ["2.2.9", "2.10.1"]
    run = run_cli("outstanding", plans, "--overdue", "-f", "csv", "--as-of", "2024-07-01")
    assert _ids(run.out) == ["2.2.9", "2.2.10", "2.10.1", "10.1"]
    run = run_cli("summary", plans, "-f", "json", "--as-of", "2024-07-01")
    assert json.loads(run.out)["overdue"] == 4


def test_a_bad_as_of_is_a_usage_error() -> None:
    run = run_cli("summary", EXAMPLE_PLANS, "--as-of", "2010-13-01")
    assert run.code == 2 and "--as-of" in run.err
