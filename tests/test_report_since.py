"""`summary --since REV` and `outstanding --since REV`: the reports against an earlier git revision.

Every format is also checked word for word by the golden case tests/cases/since/.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from gitrepo import GitRepo, theme

from ragplan.output.wording import new_sentence, travel_sentence
from ragplan.reports.common import Count, Previous, ReportStatus
from ragplan.reports.outstanding import OutstandingAction
from ragplan.reports.since import Moves

JULY = "title: Plan\nas_of: 2010-07-19\n"
SEPTEMBER = "title: Plan\nas_of: 2010-09-20\n"
SENTENCE = (
    "In July 2010, 2 of 5 actions were done (40%); now 3 of 7 are done (42%). "
    "Of the 5 actions in both, 1 improved and 1 worsened: → no change; 2 are new."
)


@pytest.fixture
def repo(in_tmp: Path) -> GitRepo:
    """July: 2 of 5 done. Now 3 of 7: 1.1 done (improved), 2.1 back on the list (worsened),
    1.4 and theme 3 added (new)."""
    repo = GitRepo(in_tmp)
    repo.commit(
        {
            "plans/ragplan.yaml": JULY,
            "plans/1.yaml": theme("1", "1.1 amber", "1.2 green", "1.3 red", title="One"),
            "plans/2.yaml": theme("2", "2.1 green", "2.2 amber"),
        },
        tag="july",
    )
    write_tree(
        in_tmp,
        {
            "plans/ragplan.yaml": SEPTEMBER,
            "plans/1.yaml": theme(
                "1", "1.1 green", "1.2 green", "1.3 red", "1.4 amber", title="One"
            ),
            "plans/2.yaml": theme("2", "2.1 amber", "2.2 amber"),
            "plans/3.yaml": theme("3", "3.1 green"),
        },
    )
    return repo


def _json(*args: str) -> dict[str, object]:
    run = run_cli(*args)
    assert run.code == 0, run.err
    data: dict[str, object] = json.loads(run.out)
    return data


def test_summary_json_adds_previous_and_directions_and_keeps_every_key(repo: GitRepo) -> None:
    plain = _json("summary", "plans", "-f", "json")
    data = _json("summary", "plans", "-f", "json", "--since", "july")
    assert data["previous"] == {
        "rev": "july",
        "as_of": "2010-07-19",
        "total": 5,
        "counted": 5,
        "done": 2,
        "counts": {"green": 2, "amber": 2, "red": 1},
    }
    # One action improved and one worsened; the two new ones do not move the direction.
    assert data["direction"] == "no change"
    assert data["moves"] == {"improved": 1, "worsened": 1, "unmoved": 3, "new": 2, "removed": 0}
    since_keys = ("previous", "direction", "moves", "themes")
    assert {k: v for k, v in data.items() if k not in since_keys} == {
        k: v for k, v in plain.items() if k != "themes"
    }
    assert isinstance(data["themes"], list) and isinstance(plain["themes"], list)
    for now, before in zip(data["themes"], plain["themes"], strict=True):
        assert {k: v for k, v in now.items() if k not in ("previous_counts", "direction")} == before
    assert [(t["id"], t["previous_counts"], t["direction"]) for t in data["themes"]] == [
        ("1", {"green": 1, "amber": 1, "red": 1}, "improved"),  # 1.1 done; 1.4 new
        ("2", {"green": 1, "amber": 1, "red": 0}, "worsened"),  # 2.1 back on the list
        ("3", {"green": 0, "amber": 0, "red": 0}, "new"),  # added since July
    ]


def test_summary_markdown_says_what_changed_with_arrow_and_word(repo: GitRepo) -> None:
    run = run_cli("summary", "plans", "-f", "md", "--since", "july")
    assert run.code == 0, run.err
    assert SENTENCE + "\n" in run.out
    rows = [line for line in run.out.splitlines() if line.startswith("|")]
    assert rows[0] == (
        "| Theme | Title | Lead officer | Green | Amber | Red | Total | % done "
        "| Green then | Amber then | Red then | Total then | % done then | Direction |"
    )
    assert rows[2] == "| 1 | One |  | 2 | 1 | 1 | 4 | 50% | 1 | 1 | 1 | 3 | 33% | ↑ improved |"
    assert rows[3] == "| 2 |  |  | 0 | 2 | 0 | 2 | 0% | 1 | 1 | 0 | 2 | 50% | ↓ worsened |"
    assert rows[4] == "| 3 |  |  | 1 | 0 | 0 | 1 | 100% | 0 | 0 | 0 | 0 | - | + new |"
    assert rows[5].endswith("| **2** | **2** | **1** | **5** | **40%** | **→ no change** |")


def test_summary_csv_adds_previous_columns_and_the_direction(repo: GitRepo) -> None:
    run = run_cli("summary", "plans", "-f", "csv", "--since", "july")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert list(rows[0])[-7:] == [
        "previous_green",
        "previous_amber",
        "previous_red",
        "previous_total",
        "previous_done",
        "previous_percent_done",
        "direction",
    ]
    assert [(r["id"], r["previous_total"], r["previous_done"], r["direction"]) for r in rows] == [
        ("1", "3", "1", "improved"),
        ("2", "2", "1", "worsened"),
        ("3", "0", "0", "new"),
    ]


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_readable_format_gives_the_arrow_with_its_word(repo: GitRepo, fmt: str) -> None:
    run = run_cli("summary", "plans", "-f", fmt, "--since", "july")
    assert run.code == 0, run.err
    assert run.out.count("↑ improved") == 1  # theme 1
    assert run.out.count("↓ worsened") == 1  # theme 2
    assert run.out.count("+ new") == 1  # theme 3
    assert run.out.count("→ no change") == 2  # the sentence and the total
    assert SENTENCE in run.out


def test_summary_on_a_terminal_draws_the_same_figures(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ragplan.output import terminal
    from ragplan.plansets import load_at as load_previous
    from ragplan.plansets import load_valid
    from ragplan.reports.summary import summarise

    monkeypatch.setenv("COLUMNS", "250")
    now = load_valid(Path("plans"))
    drawn = terminal.draw(summarise(now, since=("july", load_previous(Path("plans"), "july"))))
    assert "In July 2010, 2 of 5 actions were done (40%)" in drawn
    assert "Total then" in drawn and "% done then" in drawn
    assert drawn.count("↑ improved") == 1 and drawn.count("↓ worsened") == 1
    assert drawn.count("+ new") == 1 and drawn.count("→ no change") == 2


def test_outstanding_json_gives_previous_status_and_what_is_new(repo: GitRepo) -> None:
    data = _json("outstanding", "plans", "-f", "json", "--since", "july")
    assert isinstance(data["actions"], list)
    assert [(a["id"], a["rag"], a["previous_rag"], a["new"]) for a in data["actions"]] == [
        ("1.3", "red", "red", False),
        ("1.4", "amber", None, True),  # did not exist in July
        ("2.1", "amber", "green", True),  # was done in July
        ("2.2", "amber", "amber", False),
    ]
    plain = _json("outstanding", "plans", "-f", "json")
    assert isinstance(plain["actions"], list)
    for now, before in zip(data["actions"], plain["actions"], strict=True):
        assert {k: v for k, v in now.items() if k not in ("previous_rag", "new")} == before


def test_outstanding_csv_and_text(repo: GitRepo) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run_cli("outstanding", "plans", "-f", "csv", "--since", "july").out)
        )
    )
    assert [(r["id"], r["previous_rag"], r["new"]) for r in rows] == [
        ("1.3", "red", ""),
        ("1.4", "", "new"),
        ("2.1", "green", "new"),
        ("2.2", "amber", ""),
    ]
    text = run_cli("outstanding", "plans", "--since", "july").out
    assert (
        "Compared with July 2010, 2 of the 4 actions listed are new to the list "
        "(not in the plan then, or done then).\n"
    ) in text
    assert "  1.3  Red; was Red\n" in text
    assert "  1.4  Amber; was not in plan, new to the list\n" in text
    assert "  2.1  Amber; was Green, new to the list\n" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_outstanding_tables_add_previous_status_and_new(repo: GitRepo, fmt: str) -> None:
    run = run_cli("outstanding", "plans", "-f", fmt, "--since", "july")
    assert run.code == 0, run.err
    assert "Previous RAG Rating" in run.out
    assert run.out.count("not in plan") == 1  # 1.4's cell
    assert run.out.count("new to the list") == 1  # the sentence
    cell = "| new |" if fmt == "md" else "<td>new</td>"
    assert run.out.count(cell) == 2


def test_outstanding_filters_still_apply(repo: GitRepo) -> None:
    data = _json("outstanding", "plans", "-f", "json", "--since", "july", "--status", "red")
    assert isinstance(data["actions"], list)
    assert [(a["id"], a["previous_rag"], a["new"]) for a in data["actions"]] == [
        ("1.3", "red", False)
    ]


def test_outstanding_on_a_terminal_shows_the_status_then(repo: GitRepo) -> None:
    from ragplan.output import terminal
    from ragplan.plansets import load_at as load_previous
    from ragplan.plansets import load_valid
    from ragplan.reports.outstanding import find_outstanding

    now = load_valid(Path("plans"))
    earlier = ("july", load_previous(Path("plans"), "july"))
    drawn = terminal.draw(find_outstanding(now, since=earlier))
    assert "RAG then" in drawn
    assert "not in plan" in drawn and "new" in drawn
    assert "2 of the 4 actions listed are new to the list" in drawn


def test_a_status_then_is_named_by_the_scale_of_then(in_tmp: Path) -> None:
    brag = (
        "title: Plan\nscale:\n"
        "  - {key: blue, label: Complete, done: true}\n"
        "  - {key: green, label: On track}\n"
        "  - {key: red, label: Off track}\n"
    )
    repo = GitRepo(in_tmp)
    repo.commit({"plans/ragplan.yaml": brag, "plans/1.yaml": theme("1", "1.1 blue", "1.2 green")})
    write_tree(
        in_tmp, {"plans/ragplan.yaml": JULY, "plans/1.yaml": theme("1", "1.1 red", "1.2 amber")}
    )
    data = _json("summary", "plans", "-f", "json", "--since", "HEAD")
    assert data["previous"] == {
        "rev": "HEAD",
        "as_of": None,
        "total": 2,
        "counted": 2,
        "done": 1,
        "counts": {"blue": 1, "green": 1, "red": 0},  # that revision's own keys
    }
    assert data["direction"] == "worsened"
    md = run_cli("summary", "plans", "-f", "md", "--since", "HEAD").out
    assert (
        "At HEAD, 1 of the 2 actions was done (50%); now 0 are done (0%). "
        "Of the 2 actions in both, 0 improved and 2 worsened: ↓ worsened." in md
    )
    # Then-columns for the keys only that revision had, so each row adds up.
    assert "| Green | Amber | Red | Total | % done | Green then | Amber then | Red then" in md
    assert "Complete (earlier scale) then |" in md
    text = run_cli("outstanding", "plans", "--since", "HEAD").out
    assert "  1.1  Red; was Complete, new to the list\n" in text
    assert "  1.2  Amber; was On track\n" in text


def test_since_needs_the_grouping_by_theme(repo: GitRepo) -> None:
    run = run_cli("summary", "plans", "--since", "july", "--by", "lead_officer")
    assert run.code == 2
    assert run.err == "ragplan: error: --since compares themes: use it without --by\n"


def _one_line_error(*args: str) -> str:
    run = run_cli(*args)
    assert run.code == 5, run.out + run.err
    assert run.out == ""
    assert run.err.count("\n") == 1 and run.err.startswith("ragplan: error: ")
    return run.err.strip()


@pytest.mark.parametrize("report", ["summary", "outstanding"])
def test_unknown_revision(repo: GitRepo, report: str) -> None:
    assert _one_line_error(report, "plans", "--since", "june") == (
        "ragplan: error: june: unknown revision (not a tag, branch or commit here)"
    )


@pytest.mark.parametrize("report", ["summary", "outstanding"])
def test_not_a_repository(in_tmp: Path, report: str) -> None:
    write_tree(in_tmp, {"plans/1.yaml": theme("1", "1.1 green")})
    assert _one_line_error(report, "plans", "--since", "july") == (
        "ragplan: error: plans is not in a git repository"
    )


def test_plans_invalid_at_the_revision(repo: GitRepo) -> None:
    valid = (repo.root / "plans" / "2.yaml").read_text()
    repo.commit({"plans/2.yaml": theme("2", "2.1 purple")}, tag="bad")
    write_tree(repo.root, {"plans/2.yaml": valid})
    message = _one_line_error("summary", "plans", "--since", "bad")
    assert message.startswith("ragplan: error: bad: the plan set is invalid at this revision (")


def test_plans_missing_at_the_revision(repo: GitRepo) -> None:
    repo.git("tag", "empty", repo.git("commit-tree", "-m", "x", repo.git("mktree").strip()).strip())
    assert _one_line_error("outstanding", "plans", "--since", "empty") == (
        "ragplan: error: empty: no plan folder 'plans' at this revision"
    )


def test_every_documented_since_name_renders_under_strict_undefined(
    repo: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The --since fields of docs/templates.md exist on every record that has them."""
    folder = tmp_path_factory.mktemp("templates")
    (folder / "summary.txt.j2").write_text(
        "{{ previous.rev }} {{ previous.as_of }} {{ previous.total }} {{ previous.done }}"
        " {{ previous.percent_done }} {{ previous.scale_counts }} {{ previous | since_name }}"
        "{% for c in previous.counts %}{{ c.status.key }}={{ c.count }}{% endfor %}"
        " {{ direction.word }} {{ direction.arrow }} {{ direction }}\n"
        "{% for g in themes %}{{ g.previous.total }} {{ g.direction }};{% endfor %}\n"
        "{{ travel_sentence(previous, done, counted, direction, moves) }}\n"
    )
    (folder / "outstanding.txt.j2").write_text(
        "{% for a in actions %}{{ a.id }}:"
        "{{ a.previous_status.label if a.previous_status else '' }}:{{ a.new }};{% endfor %}\n"
        "{{ new_sentence(previous, actions) }}\n"
    )
    run = run_cli("summary", "plans", "--since", "july", "--templates", folder)
    assert run.code == 0, run.err
    assert run.out.splitlines()[:2] == [
        "july 2010-07-19 5 2 40 {'green': 2, 'amber': 2, 'red': 1} July 2010"
        "green=2amber=2red=1 no change → → no change",
        "3 ↑ improved;2 ↓ worsened;0 + new;" + SENTENCE,
    ]
    run = run_cli("outstanding", "plans", "--since", "july", "--templates", folder)
    assert run.code == 0, run.err
    assert run.out == (
        "1.3:Red:False;1.4::True;2.1:Green:True;2.2:Amber:False;Compared with July 2010, "
        "2 of the 4 actions listed are new to the list (not in the plan then, or done then).\n"
    )


# The sentences, from the figures alone.

GREEN = ReportStatus("green", "Green", None, True, "#00703c", "#ffffff")


def _previous(total: int, done: int, as_of: date | None = date(2010, 7, 19)) -> Previous:
    counts = {"green": done, "red": total - done}
    percent = done * 100 // total if total else 0
    return Previous(
        "board-2010-07", as_of, total, total, done, percent, [Count(GREEN, done)], counts
    )


@pytest.mark.parametrize(
    ("then", "now", "moves", "expected"),
    [
        (
            (162, 141),
            (162, 150),
            Moves(improved=9, unmoved=153),
            "In July 2010, 141 of the 162 actions were done (87%); "
            "now 150 are done (92%). Of the 162 actions in both, 9 improved and 0 worsened: "
            "↑ improved.",
        ),
        (
            (155, 140),
            (162, 150),
            Moves(improved=10, unmoved=145, new=7),
            "In July 2010, 140 of 155 actions were done (90%); "
            "now 150 of 162 are done (92%). Of the 155 actions in both, 10 improved and "
            "0 worsened: ↑ improved; 7 are new.",
        ),
        (
            (2, 1),
            (3, 1),
            Moves(unmoved=2, new=1),
            # A new action lowers the share done, but nothing worsened.
            "In July 2010, 1 of 2 actions was done (50%); "
            "now 1 of 3 is done (33%). Of the 2 actions in both, 0 improved and 0 worsened: "
            "→ no change; 1 is new.",
        ),
        (
            (3, 2),
            (2, 1),
            Moves(unmoved=2, removed=1),
            # A done action removed lowers the share, but nothing worsened.
            "In July 2010, 2 of 3 actions were done (66%); "
            "now 1 of 2 is done (50%). Of the 2 actions in both, 0 improved and 0 worsened: "
            "→ no change; 1 was removed.",
        ),
    ],
)
def test_travel_sentence(
    then: tuple[int, int], now: tuple[int, int], moves: Moves, expected: str
) -> None:
    counted, done = now
    sentence = travel_sentence(_previous(*then), done, counted, moves.direction, moves)
    assert sentence == expected


def test_new_sentence_counts_the_actions_new_to_the_list() -> None:
    def action(new: bool) -> OutstandingAction:
        return OutstandingAction(
            "1.1",
            "1",
            None,
            None,
            None,
            None,
            "S",
            None,
            None,
            "red",
            GREEN,
            None,
            None,
            "f",
            1,
            False,
            None,
            new,
        )

    previous = _previous(2, 1, as_of=None)
    assert new_sentence(previous, [action(True)]) == (
        "Compared with board-2010-07, 1 of the 1 action listed is new to the list "
        "(not in the plan then, or done then)."
    )
    assert new_sentence(previous, [action(False), action(False)]).startswith(
        "Compared with board-2010-07, 0 of the 2 actions listed are new"
    )
