"""A period whose stated value its own counts contradict is rated on what the counts say:
reports show the computed value, and the why says the stated value disagreed (issue 25,
item 4). The case is the one a person typed: March's 90.0 kept from a draft while its
counts were corrected to 170 of 200 (85.0%)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import run_cli, write_tree

THEME = 'id: "1"\ntitle: Theme\nactions:\n  - id: "1.1"\n    summary: Do it\n    rag: amber\n'

INDICATORS = """\
title: Timeliness
indicators:
  - id: ia
    title: Initial assessments (%)
    theme: "1"
    unit: percent
    polarity: higher
    target: 90
    tolerance: 5
    values:
      - {period: Feb 24, value: 80.0, numerator: 160, denominator: 200}
      - {period: Mar 24, value: 90.0, numerator: 170, denominator: 200}
"""

WHY = (
    "85.0% in Mar 24 against a target of 90% (higher is better): 5.0 points below, within "
    "the 5-point amber band, so amber. The stated value, 90.0%, disagreed with its counts "
    "(170 / 200), so the counts' 85.0% is rated."
)


def _plans(root: Path, indicators: str = INDICATORS) -> Path:
    return write_tree(root / "plans", {"t.yaml": THEME, "indicators/i.yaml": indicators})


def test_the_counts_are_rated_and_the_why_says_the_stated_value_disagreed(in_tmp: Path) -> None:
    run = run_cli("indicators", _plans(in_tmp), "-f", "json")
    assert run.code == 0, run.err
    (ia,) = json.loads(run.out)["indicators"]
    # 90.0 would be on target, so green; 170 / 200 is 85.0, 5 points short: amber.
    assert ia["rating"] == "amber"
    assert ia["why"] == WHY
    assert [v["value"] for v in ia["values"]] == [80.0, 85.0]


def test_every_format_shows_the_computed_value_not_the_stated_one(in_tmp: Path) -> None:
    plans = _plans(in_tmp)
    rows = list(csv.reader(io.StringIO(run_cli("indicators", plans, "-f", "csv").out)))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["Mar 24"], row["rating"]) == ("85.0", "amber")
    text = run_cli("indicators", plans).out
    assert "Initial assessments (%)    80.0    85.0" in text
    assert "90.0%, disagreed" in text
    summary = run_cli("summary", plans).out
    assert "85.0% in Mar 24" in summary and "Amber" in summary
    assert "90.0% in Mar 24" not in summary


def test_a_stated_value_within_its_rounding_of_the_counts_is_kept(in_tmp: Path) -> None:
    # 171 / 200 is 85.5: 85.5 is what the counts say, to the value's one decimal.
    plans = _plans(
        in_tmp, INDICATORS.replace("value: 90.0, numerator: 170", "value: 85.5, numerator: 171")
    )
    (ia,) = json.loads(run_cli("indicators", plans, "-f", "json").out)["indicators"]
    assert ia["values"][1]["value"] == 85.5
    assert "disagreed" not in ia["why"]


def test_the_direction_of_travel_follows_the_counts_too(in_tmp: Path) -> None:
    # February states 86.0 but counts 160 / 200 = 80.0: against March's 85.0 that is up.
    plans = _plans(
        in_tmp, INDICATORS.replace("value: 80.0, numerator: 160", "value: 86.0, numerator: 160")
    )
    (ia,) = json.loads(run_cli("indicators", plans, "-f", "json").out)["indicators"]
    assert ia["direction"] == "improved"
    assert [v["value"] for v in ia["values"]] == [80.0, 85.0]
