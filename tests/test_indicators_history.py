"""Indicator ratings over revisions: `diff` lists each indicator that changed, `history`
each one's rating at every revision; plans without indicators get the reports they did."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REPO, run_cli
from gitrepo import GitRepo

CASE = REPO / "tests" / "cases" / "indicators"


def _repo(root: Path) -> GitRepo:
    """The case's then/ tagged board-2010-07, its plans/ tagged board-2010-09."""
    repo = GitRepo(root)
    shutil.copytree(CASE / "then", root / "plans")
    repo.commit({}, tag="board-2010-07")
    shutil.rmtree(root / "plans")
    shutil.copytree(CASE / "plans", root / "plans")
    repo.commit({}, tag="board-2010-09")
    return repo


def test_diff_lists_each_indicator_that_changed_with_its_ratings(in_tmp: Path) -> None:
    _repo(in_tmp)
    found = json.loads(run_cli("diff", "board-2010-07", "plans", "-f", "json").out)
    changes = {c["id"]: c for c in found["indicators"]}
    assert [(c["id"], c["kind"]) for c in found["indicators"]] == [
        ("training-spend", "added"),
        ("visits-on-time", "added"),
        ("agency-staff", "removed"),
        ("days-to-conference", "improved"),  # amber at 18 days in Q2, green at 12 in Q4
        ("caseload", "worsened"),  # green on the target, then a tenth over with no band
        ("re-referrals", "worsened"),  # on the band's edge, then just beyond it
        ("ia-timeliness", "changed"),  # red then, red now, at a newer value
        ("vacancy-rate", "changed"),  # never rated: no target
    ]
    assert "care-leavers" not in changes  # the same at both revisions
    assert changes["re-referrals"]["before"] == {"period": "Q3", "value": 22.0, "rating": "amber"}
    assert changes["re-referrals"]["after"] == {"period": "Q4", "value": 22.1, "rating": "red"}
    assert changes["re-referrals"]["fields"] == ["values", "summaries"]
    assert changes["agency-staff"]["after"] is None
    assert changes["training-spend"]["before"] is None
    text = run_cli("diff", "board-2010-07", "plans").out
    assert "1 action changed: 1 worsened; 8 indicators changed: 2 added, 1 removed, " in text
    assert "re-referrals        ↓ worsened  Amber → Red    22.0% in Q3 → 22.1% in Q4" in text


def test_diff_says_when_no_indicator_changed(in_tmp: Path) -> None:
    _repo(in_tmp)
    out = run_cli("diff", "board-2010-09", "plans").out
    assert "No action changed; no indicator changed" in out.splitlines()
    assert (
        json.loads(run_cli("diff", "board-2010-09", "plans", "-f", "json").out)["indicators"] == []
    )


def test_history_gives_each_indicator_s_rating_at_every_revision(in_tmp: Path) -> None:
    _repo(in_tmp)
    found = json.loads(run_cli("history", "plans", "-f", "json").out)
    assert [i["id"] for i in found["indicators"]][-1] == "agency-staff"  # only then
    then, now = (p["indicators"] for p in found["points"])
    assert then["re-referrals"] == "amber" and now["re-referrals"] == "red"
    assert then["vacancy-rate"] is None and now["vacancy-rate"] is None  # not rated
    assert "training-spend" not in then and "agency-staff" not in now  # not in the plans
    md = run_cli("history", "plans", "-f", "md").out
    assert "### Indicator ratings" in md
    assert (
        "| 31 December 2010 | Amber | Red | Amber | Green | not rated |  |  | not rated | Green |"
        in md
    )


def test_plans_without_indicators_get_no_indicator_keys(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    shutil.copytree(CASE / "plans", in_tmp / "plans", ignore=shutil.ignore_patterns("indicators"))
    repo.commit({}, tag="v1")
    diff = json.loads(run_cli("diff", "v1", "plans", "-f", "json").out)
    history = json.loads(run_cli("history", "plans", "-f", "json").out)
    assert "indicators" not in diff
    assert "indicators" not in history and "indicators" not in history["points"][0]
    assert "indicator" not in run_cli("diff", "v1", "plans").out
