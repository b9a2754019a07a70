"""SPC in the plan files: polarity neither, the spc: settings and trajectories, read, checked
with file and line, rated by the target of the period judged, and shown by diff."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_tree
from gitrepo import GitRepo

THEME = 'id: "1"\nactions:\n  - {id: "1.1", summary: Do it., rag: green}\n'

MONTHS = [f"{m} 23" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun")]


def _indicator(extra: str, values: list[int] | None = None) -> str:
    values = values or [10, 12, 11, 13, 12, 14]
    lines = "".join(
        f"      - {{period: {p}, value: {v}}}\n" for p, v in zip(MONTHS, values, strict=True)
    )
    return f"indicators:\n  - id: waits\n    title: Waits\n{extra}    values:\n{lines}"


def _plans(tmp_path: Path, extra: str) -> Path:
    return write_tree(
        tmp_path / "plans",
        {"ragplan.yaml": "title: T\n", "t.yaml": THEME, "indicators/i.yaml": _indicator(extra)},
    )


def test_settings_that_fit_the_values_validate(tmp_path: Path) -> None:
    plans = _plans(
        tmp_path,
        "    polarity: lower\n"
        "    spc:\n"
        "      runs: 7\n"
        "      recalculate:\n"
        "        - {from: Apr 23, reason: New triage model}\n",
    )
    run = run_cli("validate", plans)
    assert run.code == 0, run.out + run.err


def test_a_recalculation_at_a_period_the_indicator_lacks_is_an_error_at_its_line(
    tmp_path: Path,
) -> None:
    plans = _plans(
        tmp_path,
        "    polarity: lower\n"
        "    spc:\n"
        "      recalculate:\n"
        "        - {from: Apr 32, reason: New triage model}\n",
    )
    run = run_cli("validate", plans, "--format", "parsable")
    assert run.code == 1
    # Line 7 of the indicator file: the recalculation's from.
    assert "indicators/i.yaml:7:18: [error]" in run.out
    assert "(indicator-spc)" in run.out
    assert "a recalculation from Apr 32, a period with no value (nearest: Apr 23" in run.out


def test_a_recalculation_without_a_reason_is_an_error_at_its_line(tmp_path: Path) -> None:
    plans = _plans(
        tmp_path,
        "    polarity: lower\n    spc:\n      recalculate:\n        - from: Apr 23\n",
    )
    run = run_cli("validate", plans, "--format", "parsable")
    assert run.code == 1
    assert "indicators/i.yaml:7:" in run.out
    assert "recalculation from Apr 23 of indicator waits has no 'reason'" in run.out


def test_a_baseline_at_an_unknown_period_is_an_error_naming_the_nearest(tmp_path: Path) -> None:
    plans = _plans(tmp_path, "    polarity: lower\n    spc:\n      baseline: Mar 24\n")
    run = run_cli("validate", plans, "--format", "parsable")
    assert run.code == 1
    assert "indicators/i.yaml:6:" in run.out
    assert "the baseline ends at Mar 24, a period with no value (nearest: Mar 23" in run.out


def test_runs_other_than_6_or_7_and_a_target_with_neither_are_errors(tmp_path: Path) -> None:
    plans = _plans(tmp_path, "    polarity: neither\n    target: 5\n    spc:\n      runs: 8\n")
    run = run_cli("validate", plans, "--format", "parsable")
    assert run.code == 1
    assert "'runs' in the spc settings of indicator waits must be 6 or 7, not '8'" in run.out
    assert "polarity neither, which is never rated, yet a target" in run.out


def test_a_one_value_calculation_period_is_the_later_recalculations_error(tmp_path: Path) -> None:
    plans = _plans(
        tmp_path,
        "    polarity: lower\n"
        "    spc:\n"
        "      recalculate:\n"
        "        - {from: Jun 23, reason: Last month alone}\n",
    )
    run = run_cli("validate", plans, "--format", "parsable")
    assert run.code == 1
    assert "indicators/i.yaml:7:" in run.out
    assert "the calculation period from Jun 23 has one value" in run.out


def test_neither_is_never_rated(tmp_path: Path) -> None:
    plans = _plans(tmp_path, "    polarity: neither\n")
    found = json.loads(run_cli("indicators", plans, "-f", "json").out)["indicators"][0]
    assert found["rating"] is None
    assert found["why"] == "14 in Jun 23; polarity neither: read by SPC, never rated."


def test_a_trajectory_rates_by_the_target_of_the_period_judged(tmp_path: Path) -> None:
    # Values 10 12 11 13 12 14; lower is better. Target 15 until Apr, then 12.
    plans = _plans(
        tmp_path,
        "    polarity: lower\n"
        "    target:\n"
        "      - {period: Jan 23, value: 15}\n"
        "      - {period: Apr 23, value: 12}\n",
    )
    run = run_cli("validate", plans)
    assert run.code == 0, run.out + run.err

    def rated(period: str) -> tuple[str, str]:
        args = ("indicators", plans, "-f", "json", "--period", period)
        found = json.loads(run_cli(*args).out)["indicators"][0]
        return found["rating"], found["why"]

    assert rated("Mar 23") == (
        "green",
        "11 in Mar 23 against the trajectory's target for Mar 23 of 15 (lower is better): "
        "4 below, so green.",
    )
    assert rated("Apr 23") == (
        "red",
        "13 in Apr 23 against the trajectory's target for Apr 23 of 12 (lower is better): "
        "1 above, with no amber band, so red.",
    )
    assert rated("May 23")[0] == "green"  # 12 on the target of 12


def test_a_trajectory_step_outside_0_to_100_of_a_percent_is_an_error(tmp_path: Path) -> None:
    plans = _plans(
        tmp_path,
        "    unit: percent\n    polarity: higher\n"
        "    target:\n      - {period: Jan 23, value: 120}\n",
    )
    run = run_cli("validate", plans, "--format", "parsable")
    assert run.code == 1
    assert "its trajectory's target for Jan 23 is 120" in run.out


RECALCULATED = (
    "    polarity: lower\n"
    "    spc:\n"
    "      recalculate:\n"
    "        - {from: Apr 23, reason: New triage model}\n"
)
MOVED = (
    "    polarity: lower\n"
    "    spc:\n"
    "      baseline: Mar 23\n"
    "      recalculate:\n"
    "        - {from: May 23, reason: New triage model}\n"
)


def _spc_repo(root: Path) -> GitRepo:
    repo = GitRepo(root)
    base = {"plans/ragplan.yaml": "title: T\n", "plans/t.yaml": THEME}
    repo.commit({**base, "plans/indicators/i.yaml": _indicator("    polarity: lower\n")}, tag="v1")
    repo.commit({"plans/indicators/i.yaml": _indicator(RECALCULATED)}, tag="v2")
    repo.commit({"plans/indicators/i.yaml": _indicator(MOVED)}, tag="v3")
    return repo


def test_diff_shows_a_new_and_a_moved_recalculation_as_changes_of_their_own(
    in_tmp: Path,
) -> None:
    _spc_repo(in_tmp)
    added = json.loads(run_cli("diff", "v1", "plans", "--to", "v2", "-f", "json").out)["indicators"]
    assert added == [
        {
            "id": "waits",
            "kind": "recalculated",
            "fields": ["recalculations"],
            "spc_changes": ["recalculation from Apr 23 added (New triage model)"],
            "before": {"period": "Jun 23", "value": 14, "rating": None},
            "after": {"period": "Jun 23", "value": 14, "rating": None},
        }
    ]
    moved = run_cli("diff", "v2", "plans", "--to", "v3", "-f", "md").out
    assert "recalculated" in moved
    assert (
        "baseline, recalculations; recalculation moved from Apr 23 to May 23 (New triage "
        "model); baseline none → Mar 23" in moved
    )


def test_history_lists_each_recalculation_at_the_revision_that_made_it(in_tmp: Path) -> None:
    _spc_repo(in_tmp)
    found = json.loads(run_cli("history", "plans", "--tags", "*", "-f", "json").out)
    assert found["spc_changes"] == [
        {"rev": "v2", "id": "waits", "text": "recalculation from Apr 23 added (New triage model)"},
        {
            "rev": "v3",
            "id": "waits",
            "text": "recalculation moved from Apr 23 to May 23 (New triage model)",
        },
        {"rev": "v3", "id": "waits", "text": "baseline none → Mar 23"},
    ]
    text = run_cli("history", "plans", "--tags", "*").out
    assert "SPC settings changed" in text
