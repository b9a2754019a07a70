"""Periods of indicators as tables line them up: the merged order of several indicators'
periods, thousands of periods in one file, and the limit on periods per indicator."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import run_cli, write_tree
from hypothesis import given
from hypothesis import strategies as st

from ragplan.reports.indicators import merged_order

THEME = 'id: "1"\ntitle: Theme\nactions:\n  - id: "1.1"\n    summary: Do it\n    rag: amber\n'


def _placed_one_by_one(orders: list[list[str]]) -> list[str]:
    """The rule as the docstring states it, placing each name by searching: the order
    merged_order must give, however it gets there."""
    merged: list[str] = []
    for names in orders:
        for k, name in enumerate(names):
            if name in merged:
                continue
            before = next((n for n in reversed(names[:k]) if n in merged), None)
            after = next((n for n in names[k + 1 :] if n in merged), None)
            if before is not None:
                merged.insert(merged.index(before) + 1, name)
            elif after is not None:
                merged.insert(merged.index(after), name)
            else:
                merged.append(name)
    return merged


def test_periods_of_two_indicators_interleave_as_each_lists_them() -> None:
    # One indicator is quarterly, one monthly with a gap: each keeps its own order.
    quarterly = ["Q1", "Q2", "Q3"]
    monthly = ["Q1", "Jan", "Feb", "Q3", "Jul"]
    assert merged_order([quarterly, monthly]) == ["Q1", "Jan", "Feb", "Q2", "Q3", "Jul"]
    # A list whose first names are new goes before the first name already placed.
    assert merged_order([["Q2", "Q3"], ["Q1", "Q2"]]) == ["Q1", "Q2", "Q3"]
    assert merged_order([["a"], ["b"], ["c", "a"]]) == ["c", "a", "b"]
    assert merged_order([]) == []


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=8), max_size=5))
def test_the_merged_order_is_the_one_the_rule_states(orders: list[list[str]]) -> None:
    merged = merged_order(orders)
    assert merged == _placed_one_by_one(orders)
    assert sorted(merged) == sorted({n for names in orders for n in names})


def _indicator_file(count: int, indicators: int = 3) -> str:
    lines = ["title: Long series", "indicators:"]
    for j in range(indicators):
        lines += [f"  - id: series-{j}", f"    title: Series {j}", "    values:"]
        # Each indicator has every (j+1)th period, so the tables must interleave them.
        lines += [
            f"      - {{period: M{i:05d}, value: {i % 97}.0}}" for i in range(j, count, 1 + j)
        ]
    return "\n".join(lines) + "\n"


def test_five_thousand_periods_make_one_csv_row_each_in_order(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": THEME, "indicators/i.yaml": _indicator_file(5000)})
    run = run_cli("indicators", "plans", "-f", "csv")
    assert run.code == 0, run.err
    rows = list(csv.reader(io.StringIO(run.out)))
    periods = [h for h in rows[0] if h.startswith("M")]
    assert periods == [f"M{i:05d}" for i in range(5000)]
    by_id = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_id["series-0"]["M04999"] == f"{4999 % 97}.0"
    assert by_id["series-1"]["M04999"] == f"{4999 % 97}.0"
    assert by_id["series-1"]["M04998"] == ""  # series-1 has the odd periods only


def test_an_indicator_over_the_period_limit_is_refused_with_its_name(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": THEME, "indicators/i.yaml": _indicator_file(10_001, 1)})
    run = run_cli("indicators", "plans", "-f", "csv")
    assert run.code == 1
    assert "indicator series-0 lists 10001 values, over the limit of 10000" in run.err
    assert "plans/indicators/i.yaml:6:" in run.err
    assert "Traceback" not in run.err
