"""`ragplan history`: counts at each tag or recent commit, oldest first, in every format."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli
from gitrepo import GitRepo, theme


@pytest.fixture
def repo(in_tmp: Path) -> GitRepo:
    repo = GitRepo(in_tmp)
    repo.commit({"plans/1.yaml": theme("1", "1.1 red", "1.2 amber")}, tag="board-jan")
    repo.commit({"README.md": "Not a plan.\n"}, "Describe the repository")
    repo.commit({"plans/1.yaml": theme("1", "1.1 amber", "1.2 green")}, tag="board-feb")
    repo.commit({"plans/1.yaml": theme("1", "1.1 green", "1.2 green", "1.3 red")})
    return repo


def test_tags_oldest_first_as_json(repo: GitRepo) -> None:
    run = run_cli("history", "plans", "--tags", "board-*", "--format", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["by"] == "tags"
    assert data["folder"] == "plans"
    assert data["statuses"] == [
        {"key": "green", "label": "Green", "done": True},
        {"key": "amber", "label": "Amber", "done": False},
        {"key": "red", "label": "Red", "done": False},
    ]
    commits = repo.git("log", "--format=%H", "--reverse").split()
    assert data["points"] == [
        {
            "rev": "board-jan",
            "commit": commits[0],
            "date": "2010-01-01T12:00:00+00:00",
            "as_of": None,
            "total": 2,
            "counted": 2,
            "done": 0,
            "counts": {"green": 0, "amber": 1, "red": 1},
        },
        {
            "rev": "board-feb",
            "commit": commits[2],
            "date": "2010-01-03T12:00:00+00:00",
            "as_of": None,
            "total": 2,
            "counted": 2,
            "done": 1,
            "counts": {"green": 1, "amber": 1, "red": 0},
        },
    ]


def test_tags_are_ordered_by_commit_date_not_by_when_tagged(repo: GitRepo) -> None:
    repo.git("tag", "-d", "board-jan")
    repo.git("tag", "board-jan", "HEAD~3")  # tagged after board-feb, on an older commit
    data = json.loads(run_cli("history", "plans", "-f", "json").out)
    assert [p["rev"] for p in data["points"]] == ["board-jan", "board-feb"]


def test_last_counts_only_commits_touching_the_plans(repo: GitRepo) -> None:
    data = json.loads(run_cli("history", "plans", "--last", "5", "-f", "json").out)
    assert data["by"] == "commits"
    short = repo.git("log", "--format=%h", "--reverse", "--", "plans").split()
    assert [p["rev"] for p in data["points"]] == short
    assert [p["total"] for p in data["points"]] == [2, 2, 3]
    two = json.loads(run_cli("history", "plans", "--last", "2", "-f", "json").out)
    assert [p["rev"] for p in two["points"]] == short[1:]


def test_text_and_markdown_tables(repo: GitRepo) -> None:
    run = run_cli("history", "plans")
    assert run.out == (
        "Action Plan: history of plans\n"
        "Counts at each tag, oldest first (2).\n"
        "\n"
        "Actions per status\n"
        "Revision   Date        As of  Green  Amber  Red  Total  Done\n"
        "board-jan  2010-01-01             0      1    1      2    0%\n"
        "board-feb  2010-01-03             1      1    0      2   50%\n"
    )
    md = run_cli("history", "plans", "--format", "md").out
    # In board words: a plan with no as_of is named by its tag; no commit dates.
    assert "| Board report | Green | Amber | Red | Total | Done |" in md
    assert "| board-feb | 1 | 1 | 0 | 2 | 50% |" in md
    assert "2010-01-03" not in md


def test_html_draws_the_trend_inline_with_text_escaped(repo: GitRepo) -> None:
    repo.git("tag", 'march<&">', "HEAD")
    run = run_cli("history", "plans", "--format", "html")
    assert run.code == 0, run.err
    page = run.out
    assert page.count("<svg") == 1
    assert "march&lt;&amp;&#34;&gt;" in page and 'march<&">' not in page
    # No external asset: nothing is fetched, the only URL is the SVG namespace.
    assert page.count("http") == 1 and 'xmlns="http://www.w3.org/2000/svg"' in page
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert 'fill="#d4351c"' in page  # red, in its scale colour, with its label
    assert "<title>board-feb: 1 red</title>" not in page  # no red at board-feb: no segment
    assert "<title>board-jan: 1 red</title>" in page
    assert ">Red</tspan>" in page  # the legend names it


def test_tags_and_last_together_is_a_usage_error(repo: GitRepo) -> None:
    run = run_cli("history", "plans", "--tags", "board-*", "--last", "2")
    assert run.code == 2
    assert run.err == "ragplan: error: use --tags PATTERN or --last N, not both\n"


def test_no_tags(in_tmp: Path) -> None:
    GitRepo(in_tmp).commit({"plans/1.yaml": theme("1", "1.1 green")})
    run = run_cli("history", "plans")
    assert run.code == 5
    assert run.err == (
        "ragplan: error: no tags name a commit in this repository; use --last N instead\n"
    )


def test_a_tag_where_the_plans_are_invalid_is_left_out_with_a_warning(repo: GitRepo) -> None:
    repo.commit({"plans/1.yaml": "id: [\n"}, tag="broken")
    run = run_cli("history", "plans", "-f", "json")
    assert run.code == 0, run.err
    assert run.err.startswith(
        "ragplan: warning: broken left out: plans invalid: broken: the plan set is invalid"
    )
    data = json.loads(run.out)
    assert [p["rev"] for p in data["points"]] == ["board-jan", "board-feb"]
    assert [(s["rev"], s["level"]) for s in data["skipped"]] == [("broken", "warning")]
    # The report says so too, not only the terminal.
    text = run_cli("history", "plans").out
    assert "Left out: broken (plans invalid: broken: the plan set is invalid" in text
    # Under --strict it is an error, as validate --strict makes warnings fail.
    strict = run_cli("history", "plans", "--strict")
    assert strict.code == 5
    assert strict.err.startswith("ragplan: error: broken: the plan set is invalid at this revision")
    assert strict.err.count("\n") == 1


def test_a_tag_before_the_plans_existed_is_left_out_with_a_note(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    repo.commit({"README.md": "A tool release, not a plan.\n"}, tag="v0.1")
    repo.commit({"plans/1.yaml": theme("1", "1.1 green")}, tag="board-1")
    run = run_cli("history", "plans", "-f", "json")
    assert run.code == 0, run.err
    assert run.err == "ragplan: note: v0.1 left out: no plan folder\n"
    assert [p["rev"] for p in json.loads(run.out)["points"]] == ["board-1"]
    assert run_cli("-q", "history", "plans").err == ""  # a note, not a warning


def test_tags_pattern_counts_only_the_tags_it_matches(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    repo.commit({"plans/1.yaml": theme("1", "1.1 red")}, tag="board-2010-07")
    repo.commit({"plans/1.yaml": theme("1", "1.1 amber")}, tag="v0.1")
    repo.commit({"plans/1.yaml": theme("1", "1.1 green")}, tag="board-2010-09")
    data = json.loads(run_cli("history", "plans", "--tags", "board-*", "-f", "json").out)
    assert [p["rev"] for p in data["points"]] == ["board-2010-07", "board-2010-09"]
    none = run_cli("history", "plans", "--tags", "committee-*")
    assert (none.code, none.err) == (
        5,
        "ragplan: error: no tag matches 'committee-*'; give another pattern, or none for "
        "every tag\n",
    )


def test_no_revision_with_valid_plans_is_an_error(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    repo.commit({"README.md": "Not a plan.\n"}, tag="v0.1")
    (in_tmp / "plans").mkdir()
    run = run_cli("history", "plans")
    assert run.code == 5
    assert run.err.endswith(
        "ragplan: error: no revision has valid plans in plans: v0.1 (no plan folder)\n"
    )


def test_not_a_repository(in_tmp: Path) -> None:
    (in_tmp / "plans").mkdir()
    run = run_cli("history", "plans")
    assert (run.code, run.err) == (5, "ragplan: error: plans is not in a git repository\n")


def test_one_git_process_per_run_not_per_revision_or_file(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo(in_tmp)
    for n in range(1, 7):
        files = {
            f"plans/{t}.yaml": theme(str(t), f"{t}.1 amber", f"{t}.{n + 1} red") for t in (1, 2, 3)
        }
        repo.commit(files, tag=f"v{n}")
    started: list[list[str]] = []
    real = subprocess.Popen

    class Counting(real):  # type: ignore[misc,valid-type]
        def __init__(self, args: list[str], *rest: object, **kw: object) -> None:
            started.append(list(args))
            super().__init__(args, *rest, **kw)

    monkeypatch.setattr(subprocess, "Popen", Counting)
    assert run_cli("history", "plans").code == 0
    assert [a[1:3] for a in started] == [
        ["rev-parse", "--show-toplevel"],
        ["for-each-ref", "--sort=creatordate"],
        ["cat-file", "--batch"],
        ["cat-file", "--batch-check"],  # each file's size, asked before it is read
    ]


@pytest.mark.parametrize(("count", "step"), [(1, 0.0), (2, 472.0), (50, 472 / 49), (13, 472 / 12)])
def test_chart_labels_keep_first_and_last_and_never_overlap(count: int, step: float) -> None:
    from ragplan.output.charts import labelled

    chosen = labelled(count, step)
    assert chosen[0] == 0 and chosen[-1] == count - 1
    assert all((b - a) * step >= 72 for a, b in zip(chosen, chosen[1:], strict=False))


def test_tags_on_trees_are_skipped_and_branch_names_do_not_shadow_tags(repo: GitRepo) -> None:
    repo.git("tag", "a-tree", "HEAD^{tree}")
    repo.git("branch", "board-jan", "HEAD")  # same name as a tag, on another commit
    data = json.loads(run_cli("history", "plans", "-f", "json").out)
    assert [(p["rev"], p["total"]) for p in data["points"]] == [("board-jan", 2), ("board-feb", 2)]
    assert data["points"][0]["counts"] == {"green": 0, "amber": 1, "red": 1}


def test_percent_done_is_rounded_down_as_in_summary(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    # 2 of 3 done: 66.7 %, which summary shows as 66% (100% only when all are done).
    repo.commit({"plans/1.yaml": theme("1", "1.1 green", "1.2 green", "1.3 red")}, tag="t")
    text = run_cli("history", "plans", "--format", "md").out
    summary = run_cli("summary", "plans", "--format", "md").out
    assert "| 66% |" in text and "| 66% |" in summary


def test_on_a_colour_terminal_the_same_rows_are_drawn_as_a_table(repo: GitRepo) -> None:
    import re

    drawn = run_cli("--color", "always", "history", "plans").out
    assert "\x1b[" in drawn  # coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", drawn)
    rows = [re.findall(r"[\w%-]+", line) for line in plain.splitlines()]
    assert ["board-jan", "2010-01-01", "0", "1", "1", "2", "0%"] in rows
    assert ["board-feb", "2010-01-03", "1", "1", "0", "2", "50%"] in rows


@pytest.mark.parametrize(
    "args", [["history", "plans"], ["outstanding", "plans", "--since", "board-jan"]]
)
@pytest.mark.parametrize("width", ["40", "120"])
def test_coloured_tables_keep_every_word(
    repo: GitRepo, args: list[str], width: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """history's titled tables, and outstanding with its 'RAG then' column and 'new' cells,
    drawn by rich for a narrow terminal: whole boxes, every word a wide one shows."""
    import drawn

    monkeypatch.setenv("COLUMNS", "1000")
    wide = run_cli("--color", "always", *args)
    monkeypatch.setenv("COLUMNS", width)
    narrow = run_cli("--color", "always", *args)
    assert narrow.code == wide.code == 0
    drawn.assert_boxes_whole(narrow.out)
    drawn.assert_same_words(narrow.out, wide.out)
