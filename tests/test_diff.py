"""`ragplan diff`: every kind of change, the json contract, identity by id, and git errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from gitrepo import GitRepo, theme

from ragplan.plansets import plan_diff

FIRST = {
    "plans/1.yaml": theme(
        "1", "1.1 amber", "1.2 red", "1.3 green", "1.4 amber 2010-12-31", title="Housing"
    ),
    "plans/2.yaml": theme("2", "2.1 amber", "2.2 green", "2.3 amber"),
}

SECOND = {
    # 1.1 improved and re-dated, 1.2 unchanged, 1.3 worsened, 1.4 re-dated only,
    # 2.1 notes changed, 2.2 removed, 2.4 added.
    "plans/1.yaml": theme(
        "1",
        "1.1 green 2011-01-31",
        "1.2 red",
        "1.3 amber",
        "1.4 amber 2011-03-31",
        title="Housing",
    ),
    "plans/2.yaml": theme(
        "2",
        '  - id: "2.1"\n    summary: Action 2.1.\n    rag: amber\n    notes: Slipped again.',
        "2.3 amber",
        "2.4 red",
    ),
}


@pytest.fixture
def repo(in_tmp: Path) -> GitRepo:
    repo = GitRepo(in_tmp)
    repo.commit(FIRST, tag="v1")
    repo.commit(SECOND, tag="v2")
    return repo


def test_every_kind_of_change_in_json(repo: GitRepo) -> None:
    run = run_cli("diff", "v1", "plans", "--format", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert list(data) == [
        "title",
        "organisation",
        "from_rev",
        "to_rev",
        "changes",
        "before",
        "after",
    ]
    assert data["from_rev"] == "v1"
    assert data["to_rev"] is None
    assert data["changes"] == [
        {
            "id": "1.1",
            "kind": "improved",
            "fields": ["rag", "due", "notes"],
            "from_rag": "amber",
            "to_rag": "green",
            "from_due": None,
            "to_due": "2011-01-31",
        },
        {
            "id": "1.3",
            "kind": "worsened",
            "fields": ["rag", "notes"],
            "from_rag": "green",
            "to_rag": "amber",
            "from_due": None,
            "to_due": None,
        },
        {
            "id": "1.4",
            "kind": "redated",
            "fields": ["due"],
            "from_rag": "amber",
            "to_rag": "amber",
            "from_due": "2010-12-31",
            "to_due": "2011-03-31",
        },
        {
            "id": "2.1",
            "kind": "changed",
            "fields": ["notes"],
            "from_rag": "amber",
            "to_rag": "amber",
            "from_due": None,
            "to_due": None,
        },
        {
            "id": "2.2",
            "kind": "removed",
            "fields": ["id", "summary", "rag", "theme"],
            "from_rag": "green",
            "to_rag": None,
            "from_due": None,
            "to_due": None,
        },
        {
            "id": "2.4",
            "kind": "added",
            "fields": ["id", "summary", "rag", "notes", "theme"],
            "from_rag": None,
            "to_rag": "red",
            "from_due": None,
            "to_due": None,
        },
    ]
    assert data["before"] == {
        "counts": {"green": 2, "amber": 4, "red": 1},
        "themes": {
            "1": {"green": 1, "amber": 2, "red": 1},
            "2": {"green": 1, "amber": 2, "red": 0},
        },
    }
    assert data["after"] == {
        "counts": {"green": 1, "amber": 4, "red": 2},
        "themes": {
            "1": {"green": 1, "amber": 2, "red": 1},
            "2": {"green": 0, "amber": 2, "red": 1},
        },
    }


def test_to_compares_two_revisions_not_the_working_tree(repo: GitRepo) -> None:
    write_tree(repo.root, {"plans/2.yaml": theme("2", "2.1 green")})
    against_tree = json.loads(run_cli("diff", "v1", "plans", "-f", "json").out)
    against_v2 = json.loads(run_cli("diff", "v1", "plans", "--to", "v2", "-f", "json").out)
    assert against_v2["to_rev"] == "v2"
    assert [c["id"] for c in against_v2["changes"]] == ["1.1", "1.3", "1.4", "2.1", "2.2", "2.4"]
    assert [c["id"] for c in against_tree["changes"]] == ["1.1", "1.3", "1.4", "2.1", "2.2", "2.3"]


def test_no_change_between_a_revision_and_itself(repo: GitRepo) -> None:
    found = plan_diff(Path("plans"), "v2", "HEAD")
    assert found.changes == []
    assert run_cli("diff", "v2", "plans").out.splitlines()[1] == "No action changed."


def test_moved_file_keeps_action_identity(repo: GitRepo) -> None:
    repo.git("mv", "plans/2.yaml", "plans/two.yaml")
    repo.commit({}, "Rename a theme file", tag="v3")
    assert plan_diff(Path("plans"), "v2", "v3").changes == []


def test_rank_follows_the_configured_scale_best_first(in_tmp: Path) -> None:
    scale = """
        scale:
          - {key: blue, done: true}
          - {key: green}
          - {key: red}
    """
    repo = GitRepo(in_tmp)
    repo.commit({"plans/ragplan.yaml": scale, "plans/1.yaml": theme("1", "1.1 green", "1.2 green")})
    repo.commit({"plans/1.yaml": theme("1", "1.1 blue", "1.2 red")}, tag="v2")
    kinds = {c.id: c.kind for c in plan_diff(Path("plans"), "HEAD~1").changes}
    assert kinds == {"1.1": "improved", "1.2": "worsened"}


def test_text_lists_changes_by_kind_with_words_and_counts_per_theme(repo: GitRepo) -> None:
    run = run_cli("diff", "v1", "plans", "--to", "v2")
    assert run.code == 0
    assert run.out == (
        "Action Plan: changes from v1 to v2\n"
        "6 actions changed: 1 added, 1 removed, 1 improved, 1 worsened, 1 re-dated, 1 changed\n"
        "\n"
        "Actions\n"
        "Id   Change      Status         Due                      Fields"
        "                          Summary\n"
        "2.4  added       Red                                     id, summary, rag, notes, theme"
        "  Action 2.4.\n"
        "2.2  removed     Green                                   id, summary, rag, theme"
        "         Action 2.2.\n"
        "1.1  ↑ improved  Amber → Green  2011-01-31               rag, due, notes"
        "                 Action 1.1.\n"
        "1.3  ↓ worsened  Green → Amber                           rag, notes"
        "                      Action 1.3.\n"
        "1.4  re-dated    Amber          2010-12-31 → 2011-03-31  due"
        "                             Action 1.4.\n"
        "2.1  changed     Amber                                   notes"
        "                           Action 2.1.\n"
        "\n"
        "Actions per status, v1 → v2\n"
        "Theme       Green  Amber    Red  Total\n"
        "1 Housing       1      2      1      4\n"
        "2           1 → 0      2  0 → 1      3\n"
        "All themes  2 → 1      4  1 → 2      7\n"
    )


def test_markdown_escapes_pipes_and_line_breaks(repo: GitRepo) -> None:
    action = '  - id: "2.5"\n    summary: "Agree | publish\\nthe policy"\n    rag: green'
    write_tree(repo.root, {"plans/2.yaml": theme("2", "2.1 amber", "2.3 amber", "2.4 red", action)})
    run = run_cli("diff", "v2", "plans", "--format", "md")
    assert run.code == 0, run.err
    assert "| 2.5 | added | RAG rating: Green | Agree \\| publish<br>the policy |" in run.out
    assert run.out.startswith("## Action Plan: changes from v2 to now\n")  # no as_of: its tag


def test_html_is_one_page_with_text_escaped(repo: GitRepo) -> None:
    action = '  - id: "2.5"\n    summary: "<script>alert(1)</script>"\n    rag: green'
    write_tree(repo.root, {"plans/2.yaml": theme("2", "2.1 amber", "2.3 amber", "2.4 red", action)})
    run = run_cli("diff", "v2", "plans", "--format", "html")
    assert run.code == 0, run.err
    assert run.out.startswith("<!DOCTYPE html>")
    assert "<script>" not in run.out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in run.out


def test_working_tree_and_index_are_left_alone(repo: GitRepo) -> None:
    write_tree(repo.root, {"plans/1.yaml": theme("1", "1.1 green")})
    repo.git("add", "plans/1.yaml")
    write_tree(repo.root, {"plans/2.yaml": theme("2", "2.1 red")})
    status = repo.git("status", "--porcelain")
    index = (repo.root / ".git" / "index").read_bytes()
    assert run_cli("diff", "v1", "plans", "--to", "v2").code == 0
    assert repo.git("status", "--porcelain") == status
    assert (repo.root / ".git" / "index").read_bytes() == index
    assert (repo.root / "plans" / "2.yaml").read_text() == theme("2", "2.1 red")


def _one_line_error(args: list[str]) -> str:
    run = run_cli(*args)
    assert run.code == 5, run.out + run.err
    assert run.out == ""
    assert run.err.count("\n") == 1 and run.err.startswith("ragplan: error: ")
    return run.err.strip()


def test_not_a_repository(in_tmp: Path) -> None:
    write_tree(in_tmp, {"plans/1.yaml": theme("1", "1.1 green")})
    assert _one_line_error(["diff", "v1", "plans"]) == (
        "ragplan: error: plans is not in a git repository"
    )


def test_git_missing(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo.root / "no-such-folder"))
    assert "git is not installed or not on PATH" in _one_line_error(["diff", "v1", "plans"])


def test_unknown_revision(repo: GitRepo) -> None:
    assert _one_line_error(["diff", "v9", "plans"]) == (
        "ragplan: error: v9: unknown revision (not a tag, branch or commit here)"
    )
    assert "v8: unknown revision" in _one_line_error(["diff", "v1", "plans", "--to", "v8"])


def test_plans_missing_at_the_revision(repo: GitRepo) -> None:
    repo.git("tag", "empty", repo.git("commit-tree", "-m", "x", repo.git("mktree").strip()).strip())
    assert _one_line_error(["diff", "empty", "plans"]) == (
        "ragplan: error: empty: no plan folder 'plans' at this revision"
    )


def test_plans_invalid_at_the_revision(repo: GitRepo) -> None:
    repo.commit({"plans/2.yaml": theme("2", "2.1 purple")}, tag="bad")
    message = _one_line_error(["diff", "bad", "plans"])
    assert message.startswith("ragplan: error: bad: the plan set is invalid at this revision (")
    assert "bad:plans/2.yaml:5:10: action 2.1: status 'purple'" in message


def test_plans_outside_the_repository(
    repo: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = write_tree(tmp_path_factory.mktemp("elsewhere"), {"1.yaml": theme("1", "1.1 green")})
    assert "is not in a git repository" in _one_line_error(["diff", "v1", str(outside)])


def test_symlink_to_a_file_beside_it_is_followed(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    write_tree(in_tmp, {"shared/1.yaml": theme("1", "1.1 green")})
    (in_tmp / "plans").mkdir()
    (in_tmp / "plans" / "one.yaml").symlink_to("../shared/1.yaml")
    (in_tmp / "plans" / "2.yaml").write_text(theme("2", "2.1 amber"))
    (in_tmp / "plans" / "two.yaml").symlink_to("2.yaml")
    repo.commit({}, tag="v1")
    message = _one_line_error(["diff", "v1", "plans"])
    assert "v1:plans/one.yaml:1:1: is a symlink to a file outside the plan folder" in message


def test_on_a_terminal_text_is_a_table_with_the_same_words(repo: GitRepo) -> None:
    import re

    from ragplan.output.terminal import draw

    drawn = re.sub(r"\x1b\[[0-9;]*m", "", draw(plan_diff(Path("plans"), "v1", "v2")))
    assert "┃ Id  ┃ Change     ┃ Status" in drawn
    assert "│ 1.1 │ ↑ improved │ Amber → Green │" in drawn


@pytest.mark.parametrize("width", ["40", "120"])
def test_on_a_terminal_the_tables_keep_every_word(
    repo: GitRepo, width: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Titled tables (the diff's), drawn by rich for a narrow terminal: whole boxes, with
    every word a wide terminal shows, none cut short."""
    import drawn

    from ragplan.output import terminal

    diff = plan_diff(Path("plans"), "v1", "v2")
    monkeypatch.setenv("COLUMNS", "1000")
    wide = terminal.draw(diff)
    monkeypatch.setenv("COLUMNS", width)
    narrow = terminal.draw(diff)
    assert "Amber → Green" in drawn.plain(wide)
    drawn.assert_boxes_whole(narrow)
    drawn.assert_same_words(narrow, wide)


def test_unknown_format_is_a_usage_error(repo: GitRepo) -> None:
    run = run_cli("diff", "v1", "plans", "--format", "xlsx")
    assert run.code == 2
    assert "use one of text, md, html, json" in run.err


@pytest.mark.parametrize("where", ["plan folder", "--templates"])
def test_a_users_template_restyles_diff_and_history_as_it_does_summary(
    repo: GitRepo, where: str
) -> None:
    """diff and history come from the same templates as the other reports: a council's
    copy in the plan folder's templates/ (or --templates DIR) wins over the built-in one."""
    folder = Path("plans/templates") if where == "plan folder" else Path("ours")
    write_tree(
        folder,
        {
            "diff.md.j2": "# Board changes: {{ heading }}\n"
            "{% for c in changes %}* {{ c.id }}\n{% endfor %}",
            "history.md.j2": "# Trend\n"
            "{% for p in points %}{{ p.rev }}={{ p.total }}\n{% endfor %}",
            "summary.md.j2": "# Summary: {{ total }}\n",
        },
    )
    extra = ["--templates", str(folder)] if where == "--templates" else []
    diff = run_cli("diff", "v1", "plans", "--to", "v2", "-f", "md", *extra)
    assert diff.out.splitlines()[:2] == [
        "# Board changes: Action Plan: changes from v1 to v2",
        "* 1.1",
    ]
    history = run_cli("history", "plans", "-f", "md", *extra)
    assert history.out == "# Trend\nv1=7\nv2=7\n"
    summary = run_cli("summary", "plans", "-f", "md", *extra)
    assert summary.out == "# Summary: 7\n"


def test_on_a_colour_terminal_every_change_is_drawn_in_a_table(repo: GitRepo) -> None:
    import re

    drawn = run_cli("--color", "always", "diff", "v1", "plans", "--to", "v2").out
    assert "\x1b[" in drawn  # coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", drawn)
    assert "6 actions changed: 1 added, 1 removed, 1 improved, 1 worsened" in plain
    for change in ("added", "removed", "improved", "worsened", "re-dated", "changed"):
        assert re.search(rf"│ [\d.]+ +│ [↑↓ ]*{change} ", plain), change
