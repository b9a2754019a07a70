"""Indicator files: read from the plan folder's indicators/ on disk, in git and in an edit,
numbers kept as written, cached like theme files, and the seed's Appendix A reproduced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree
from gitrepo import GitRepo

import ragplan.reading.build
from ragplan.plansets import load_valid, validate
from ragplan.reading.disk import DiskSource
from ragplan.reading.git import GitSource, Repository
from ragplan.reading.reader import read_plan_set
from ragplan.reading.sources import EditedSource
from ragplan.reading.yamlload import Parsed

THEME = 'id: "1"\nactions:\n  - {id: "1.1", summary: Do it., rag: green}\n'

INDICATORS = """\
title: Timeliness
indicators:
  - id: ia
    title: Initial assessments (%)
    theme: "1"
    unit: percent
    values:
      - {period: Q1, value: 46.90}
      - {period: Q2, value: 72.0, numerator: 180, denominator: 250}
"""


def test_the_example_reproduces_the_seed_appendix_a_table() -> None:
    """The board paper's table, word for word, as the issue and the paper give it."""
    run = run_cli("indicators", EXAMPLE_PLANS, "-f", "md")
    assert run.code == 0, run.err
    table = [line for line in run.out.splitlines() if line.startswith("|")]
    assert table == [
        "| Timeliness | Q1 | Q2 | Nov 09 | Dec 09 | Jan 10 | Feb 10 | Mar 10 | Nov to March |",
        "|---|---|---|---|---|---|---|---|---|",
        "| Initial Assessments (%) | 46.9 | 47.8 | 62.3 | 63.9 | 77.7 | 75.2 | 72.0 | 69.8% |",
        "| Core Assessments (%) | 57.4 | 69.2 | 87.3 | 85.0 | 58.3 | 72.1 | 83.2 | 76.6% |",
    ]
    # No target in the paper: shown, never rated, and no rating columns.
    assert "2 indicators, shown as measured: the plan sets them no targets." in (run.out)


def test_the_example_summaries_are_stated_not_the_mean_of_the_months() -> None:
    report = json.loads(run_cli("indicators", EXAMPLE_PLANS, "-f", "json").out)
    summaries = {i["id"]: i["summaries"] for i in report["indicators"]}
    assert summaries == {
        "initial-assessments": [{"label": "Nov to March", "value": 69.8, "computed": False}],
        "core-assessments": [{"label": "Nov to March", "value": 76.6, "computed": False}],
    }
    # The mean of Initial Assessments' five months is 70.2, not the paper's 69.8.
    months = [v["value"] for v in report["indicators"][0]["values"][2:]]
    assert round(sum(months) / len(months), 1) == 70.2


def test_indicator_files_are_read_from_the_indicators_folder_only(tmp_path: Path) -> None:
    plans = write_tree(
        tmp_path / "plans",
        {
            "1.yaml": THEME,
            "indicators/b.yaml": INDICATORS.replace("id: ia", "id: ib"),
            "indicators/a.yml": INDICATORS,
            "indicators/.hidden.yaml": "not: read",
            "indicators/a.yaml~": "not: read",
            "indicators/notes.txt": "not read",
            "indicators/old/c.yaml": "not: read",
            "other/d.yaml": "not: read",
        },
    )
    plan_set = load_valid(plans)
    assert [f.file for f in plan_set.indicator_files] == [
        f"{plans}/indicators/a.yml",
        f"{plans}/indicators/b.yaml",
    ]
    assert [i.id for i in plan_set.indicators] == ["ia", "ib"]
    assert [t.id for t in plan_set.themes] == ["1"]


def test_numbers_keep_the_decimals_they_were_written_with(tmp_path: Path) -> None:
    plans = write_tree(tmp_path / "plans", {"1.yaml": THEME, "indicators/i.yaml": INDICATORS})
    [indicator] = load_valid(plans).indicators
    assert [v.value.text for v in indicator.values if v.value] == ["46.90", "72.0"]
    out = run_cli("indicators", plans, "-f", "md").out
    assert "| Initial assessments (%) | 46.90 | 72.0 |" in out
    assert json.loads(run_cli("indicators", plans, "-f", "json").out)["indicators"][0][
        "latest"
    ] == {"period": "Q2", "value": 72.0}


def test_an_indicator_file_left_in_the_plan_folder_says_where_it_belongs(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"1.yaml": THEME, "timeliness.yaml": INDICATORS})
    problems = validate([in_tmp / "plans"]).problems
    assert [(p.file, p.line, p.rule) for p in problems] == [
        ("plans/timeliness.yaml", 2, "unknown-key")
    ]
    assert "move it into the plan folder's indicators/ folder" in problems[0].message


def test_an_indicators_folder_that_is_a_symlink_is_refused(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/1.yaml": THEME, "elsewhere/i.yaml": INDICATORS})
    (in_tmp / "plans" / "indicators").symlink_to(in_tmp / "elsewhere")
    problems = validate([in_tmp / "plans"]).problems
    assert [(p.file, p.rule) for p in problems] == [("plans/indicators", "symlink")]


def test_an_indicator_file_linked_from_outside_is_refused(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/1.yaml": THEME, "elsewhere/i.yaml": INDICATORS})
    (in_tmp / "plans" / "indicators").mkdir()
    (in_tmp / "plans" / "indicators" / "i.yaml").symlink_to(in_tmp / "elsewhere" / "i.yaml")
    problems = validate([in_tmp / "plans"]).problems
    assert [(p.file, p.rule) for p in problems] == [("plans/indicators/i.yaml", "symlink")]


def test_validate_can_name_one_indicator_file(in_tmp: Path) -> None:
    broken = INDICATORS.replace("value: 46.90", "value: 46.90%")
    write_tree(in_tmp / "plans", {"1.yaml": THEME, "indicators/i.yaml": broken})
    result = validate([in_tmp / "plans" / "indicators" / "i.yaml"])
    assert [(p.file, p.line, p.rule) for p in result.problems] == [
        ("plans/indicators/i.yaml", 8, "number")
    ]
    assert (result.files, result.actions, result.indicators) == (1, 0, 1)


def test_indicator_files_are_read_from_git_at_a_revision(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    repo.commit({"plans/1.yaml": THEME, "plans/indicators/i.yaml": INDICATORS}, tag="v1")
    repo.commit({"plans/indicators/i.yaml": INDICATORS.replace("72.0", "75.5")})
    with Repository(in_tmp / "plans") as git:
        then = read_plan_set(GitSource(git, git.revision("v1"))).plan_set
    [indicator] = then.indicators
    assert [t.id for t in then.themes] == ["1"]  # the indicator file is no theme
    assert indicator.file == "v1:plans/indicators/i.yaml"
    assert [str(v.value) for v in indicator.values] == ["46.90", "72.0"]


def test_an_edit_held_in_memory_can_replace_an_indicator_file(tmp_path: Path) -> None:
    plans = write_tree(tmp_path / "plans", {"1.yaml": THEME, "indicators/i.yaml": INDICATORS})
    edited = EditedSource(
        DiskSource(plans),
        {"indicators/i.yaml": INDICATORS.replace("72.0", "75.5").encode()},
        lambda name: name,
    )
    [indicator] = read_plan_set(edited).plan_set.indicators
    assert [str(v.value) for v in indicator.values] == ["46.90", "75.5"]
    assert indicator.file == f"{plans}/indicators/i.yaml"


def test_an_unchanged_indicator_file_is_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = write_tree(tmp_path / "plans", {"1.yaml": THEME, "indicators/i.yaml": INDICATORS})
    seen: list[bytes] = []
    real = ragplan.reading.build.parse

    def counting(data: bytes) -> Parsed:
        seen.append(data)
        return real(data)

    monkeypatch.setattr(ragplan.reading.build, "parse", counting)
    first = [str(v.value) for v in load_valid(plans).indicators[0].values]
    assert len(seen) == 2
    seen.clear()
    assert [str(v.value) for v in load_valid(plans).indicators[0].values] == first
    assert seen == []
    (plans / "indicators" / "i.yaml").write_text(INDICATORS.replace("72.0", "75.5"))
    assert [str(v.value) for v in load_valid(plans).indicators[0].values] == ["46.90", "75.5"]
    assert len(seen) == 1


def test_an_indicator_file_saved_by_windows_with_a_bom_and_crlf_reads_the_same(
    tmp_path: Path,
) -> None:
    windows = b"\xef\xbb\xbf" + INDICATORS.replace("\n", "\r\n").encode("utf-8")
    plans = write_tree(tmp_path / "plans", {"1.yaml": THEME, "indicators/i.yaml": windows})
    [indicator] = load_valid(plans).indicators
    assert [(v.period, str(v.value)) for v in indicator.values] == [("Q1", "46.90"), ("Q2", "72.0")]


def test_a_tab_in_an_indicator_file_is_named_with_its_line(in_tmp: Path) -> None:
    tabbed = INDICATORS.replace("    title: Initial", "\ttitle: Initial")
    write_tree(in_tmp / "plans", {"1.yaml": THEME, "indicators/i.yaml": tabbed})
    run = run_cli("validate", "-f", "parsable", "plans")
    assert run.code == 1
    assert run.out == (
        "plans/indicators/i.yaml:4:1: [error] a tab is used in indentation; YAML needs "
        "ordinary spaces here (tabs)\n"
    )


def test_a_stated_value_its_counts_contradict_can_be_made_an_error(in_tmp: Path) -> None:
    wrong = INDICATORS.replace("value: 72.0, numerator: 180", "value: 72.5, numerator: 180")
    write_tree(in_tmp / "plans", {"1.yaml": THEME, "indicators/i.yaml": wrong})
    warned = run_cli("validate", "-f", "parsable", "plans")
    assert warned.code == 0
    assert warned.out == (
        "plans/indicators/i.yaml:9:29: [warning] indicator ia, period Q2: the value 72.5% is "
        "not what its counts give (180 / 250 = 72.00); correct the value or the counts "
        "(indicator-mismatch)\n"
    )
    (in_tmp / "plans" / "ragplan.yaml").write_text("rules:\n  indicator-mismatch: error\n")
    assert run_cli("validate", "plans").code == 1
    assert run_cli("indicators", "plans").code == 1  # a report refuses an invalid plan set
