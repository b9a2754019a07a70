"""SPC in the indicators report: the JSON contract of issue 27, the icons and their why in
text, Markdown and CSV, the icon counts of the summary, and which reading the board sees first."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_tree

SPC_EXAMPLE = REPO / "examples" / "spc"
THEME = 'id: "1"\nactions:\n  - {id: "1.1", summary: Do it., rag: green}\n'


def _plans(tmp_path: Path, values: list[int], extra: str = "", config: str = "") -> Path:
    lines = "".join(f"      - {{period: M{n:02d}, value: {v}}}\n" for n, v in enumerate(values, 1))
    indicator = f"indicators:\n  - id: beds\n    title: Beds\n{extra}    values:\n{lines}"
    return write_tree(
        tmp_path / "plans",
        {
            "ragplan.yaml": f"title: T\n{config}",
            "t.yaml": THEME,
            "indicators/i.yaml": indicator,
        },
    )


ALTERNATING = [10, 12] * 6 + [10]  # 13 values: 7 tens and 6 twelves


def test_the_json_contract_holds_mean_limits_points_and_icons(tmp_path: Path) -> None:
    plans = _plans(tmp_path, ALTERNATING, "    polarity: higher\n    target: 20\n")
    spc = json.loads(run_cli("indicators", plans, "-f", "json").out)["indicators"][0]["spc"]
    assert list(spc) == [
        "runs",
        "mean",
        "upper",
        "lower",
        "points",
        "variation_icon",
        "assurance_icon",
    ]
    # Mean 142/13 = 10.923; every moving range is 2, so the limits are mean ± 2.66 x 2.
    assert spc["runs"] == 6
    assert spc["mean"] == pytest.approx(10.9231, abs=1e-4)
    assert spc["upper"] == pytest.approx(16.2431, abs=1e-4)
    assert spc["lower"] == pytest.approx(5.6031, abs=1e-4)
    assert spc["points"][0] == {
        "period": "M01",
        "value": 10.0,
        "mean": spc["mean"],
        "upper": spc["upper"],
        "lower": spc["lower"],
        "variation": "common",
    }
    assert {p["variation"] for p in spc["points"]} == {"common"}
    # A target of 20 above the upper limit, where higher is better: always missed.
    assert (spc["variation_icon"], spc["assurance_icon"]) == ("common_cause", "fail")


def test_below_13_values_no_limits_nor_icons_and_below_2_no_spc(tmp_path: Path) -> None:
    twelve = _plans(tmp_path / "a", ALTERNATING[:12], "    polarity: higher\n")
    spc = json.loads(run_cli("indicators", twelve, "-f", "json").out)["indicators"][0]["spc"]
    assert spc["mean"] == 11.0
    assert (spc["upper"], spc["lower"], spc["variation_icon"], spc["assurance_icon"]) == (
        None,
        None,
        None,
        None,
    )
    one = _plans(tmp_path / "b", [10], "    polarity: higher\n")
    assert json.loads(run_cli("indicators", one, "-f", "json").out)["indicators"][0]["spc"] is None


def test_text_names_the_rule_that_fired_with_its_periods() -> None:
    run = run_cli("indicators", SPC_EXAMPLE, "-f", "text")
    assert run.code == 0, run.err
    # Falls: Jul 24 6.39, Aug 24 6.67, then 6.49 6.38 6.27 6.16 6.05 5.94 5.83 to Mar 25.
    assert (
        "Inpatient falls per 1,000 bed days: Improvement (low) at Mar 25: "
        "8 points in a row falling, Aug 24 – Mar 25" in run.out
    )
    assert "Emergency admissions: Neither (high) at Mar 25: 12 points in a row above" in run.out
    # The board sees SPC first (the example's ragplan.yaml), RAG still beside it.
    assert run.out.index("SPC icons") < run.out.index("Why each indicator is rated")


def test_rag_comes_first_unless_the_plan_set_chooses_spc(tmp_path: Path) -> None:
    values = ALTERNATING
    rag = run_cli(
        "indicators", _plans(tmp_path / "a", values, "    polarity: higher\n"), "-f", "md"
    )
    spc = run_cli(
        "indicators",
        _plans(tmp_path / "b", values, "    polarity: higher\n", "indicators: {show: spc}\n"),
        "-f",
        "md",
    )
    assert rag.out.index("| Beds |") < rag.out.index("## SPC icons")
    assert spc.out.index("## SPC icons") < spc.out.index("| Beds | 10 |")
    assert "| Beds | Common cause |  | 10.00 | 10.92 | 5.60 to 16.24 |" in spc.out


def test_an_unknown_show_is_an_error_naming_the_choices(tmp_path: Path) -> None:
    plans = _plans(tmp_path, [1, 2], "", "indicators: {show: icons}\n")
    run = run_cli("validate", plans, "--format", "parsable")
    assert run.code == 1
    assert "'show' in the indicators settings of ragplan.yaml must be one of rag, spc" in run.out


def test_csv_gives_the_icons_and_the_last_points_mean_and_limits() -> None:
    run = run_cli("indicators", SPC_EXAMPLE, "-f", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(run.out))}
    waits = rows["elective-18-weeks"]
    assert (waits["variation_icon"], waits["assurance_icon"]) == ("Common cause", "Fail")
    found = json.loads(run_cli("indicators", SPC_EXAMPLE, "-f", "json").out)["indicators"]
    spc = next(i["spc"] for i in found if i["id"] == "elective-18-weeks")
    assert float(waits["spc_mean"]) == spc["mean"]
    assert float(waits["spc_upper"]) == spc["upper"]
    assert float(waits["spc_lower"]) == spc["lower"]
    assert waits["spc_why"].startswith("Common cause at Mar 25: no rule fires at the last point.")
    # The trajectory's step in force in Mar 25 (70 from Apr 24) is what assurance judges.
    assert "Assurance fail: the target of 70% lies outside the limits" in waits["spc_why"]


def test_the_summary_counts_the_icons() -> None:
    run = run_cli("summary", SPC_EXAMPLE, "-f", "text")
    assert (
        "Indicators: SPC 1 improvement (low), 1 neither (high), 3 common cause; "
        "assurance: 1 pass, 1 hit or miss, 1 fail; rated 2 green, 0 amber, 1 red, 2 not rated"
        in run.out
    )


def test_a_recalculation_beside_a_baseline_is_said_not_applied(tmp_path: Path) -> None:
    settings = (
        "    polarity: higher\n"
        "    spc:\n"
        "      baseline: M06\n"
        "      recalculate:\n"
        "        - {from: M10, reason: New rota}\n"
    )
    plans = _plans(tmp_path, ALTERNATING, settings)
    assert run_cli("validate", plans).code == 0
    text = run_cli("indicators", plans, "-f", "text").out
    assert "Recalculation from M10 not applied: with a baseline, MDC applies only it." in text


def test_a_colour_terminal_draws_the_icons_with_their_letters_and_words() -> None:
    run = run_cli("--color", "always", "indicators", SPC_EXAMPLE)
    assert run.code == 0, run.err
    assert "SPC icons (Making Data Count)" in run.out
    # The letter on the icon's colour (MDC's orange for fail), then the word.
    assert "\x1b[1;38;5;232;48;5;208m F \x1b[0m Fail" in run.out
    assert "Improvement (low) at Mar 25: 8 points in a row falling" in run.out.replace("\n", " ")
