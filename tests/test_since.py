"""The core of `summary --since` and `outstanding --since`: previous counts, direction of travel."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_tree
from gitrepo import GitRepo, theme

from ragplan.checks.validate import load_valid
from ragplan.errors import GitError
from ragplan.reports.since import (
    IMPROVED,
    NO_CHANGE,
    WORSENED,
    ActionSince,
    direction,
    load_previous,
    outstanding_since,
    since,
)


@pytest.mark.parametrize(
    ("then", "now", "expected"),
    [
        ((1, 2), (2, 2), IMPROVED),
        ((2, 2), (2, 3), WORSENED),  # a new action lowers the share done
        ((1, 2), (2, 4), NO_CHANGE),  # the same share
        ((0, 0), (0, 0), NO_CHANGE),
        ((0, 0), (1, 1), IMPROVED),  # a theme that did not exist then
        ((1, 1), (0, 0), WORSENED),
        ((1, 3), (1, 3), NO_CHANGE),
    ],
)
def test_direction_compares_the_share_done(
    then: tuple[int, int], now: tuple[int, int], expected: object
) -> None:
    assert direction(*then, *now) == expected


def test_every_direction_carries_its_word() -> None:
    assert [str(t) for t in (IMPROVED, WORSENED, NO_CHANGE)] == [
        "↑ improved",
        "↓ worsened",
        "→ no change",
    ]


@pytest.fixture
def repo(in_tmp: Path) -> GitRepo:
    repo = GitRepo(in_tmp)
    config = "title: Plan\nas_of: 2010-07-19\n"
    repo.commit(
        {
            "plans/ragplan.yaml": config,
            "plans/1.yaml": theme("1", "1.1 amber", "1.2 green", "1.3 red"),
            "plans/2.yaml": theme("2", "2.1 green", "2.2 amber"),
        },
        tag="july",
    )
    write_tree(
        in_tmp,
        {
            "plans/ragplan.yaml": "title: Plan\nas_of: 2010-09-20\n",
            "plans/1.yaml": theme("1", "1.1 green", "1.2 amber", "1.3 red", "1.4 amber"),
            "plans/2.yaml": theme("2", "2.1 green", "2.2 amber"),
            "plans/3.yaml": theme("3", "3.1 green"),
        },
    )
    return repo


def test_since_gives_previous_counts_and_directions(repo: GitRepo) -> None:
    found = since(load_valid(Path("plans")), load_previous(Path("plans"), "july"), "july")
    assert found.previous.as_json() == {
        "rev": "july",
        "as_of": "2010-07-19",
        "total": 5,
        "counts": {"green": 2, "amber": 2, "red": 1},
    }
    assert found.direction == IMPROVED  # 2 of 5 done then, 3 of 7 now
    assert {
        t.id: (t.previous_counts, t.previous_total, t.direction) for t in found.themes.values()
    } == {
        "1": ({"green": 1, "amber": 1, "red": 1}, 3, WORSENED),  # 1 of 3, now 1 of 4
        "2": ({"green": 1, "amber": 1, "red": 0}, 2, NO_CHANGE),
        "3": ({"green": 0, "amber": 0, "red": 0}, 0, IMPROVED),  # new since July
    }


def test_outstanding_since_says_previous_status_and_what_is_new(repo: GitRepo) -> None:
    found = outstanding_since(load_valid(Path("plans")), load_previous(Path("plans"), "july"))
    assert found == {
        "1.2": ActionSince("green", True),  # was done, back on the list
        "1.3": ActionSince("red", False),
        "1.4": ActionSince(None, True),  # did not exist
        "2.2": ActionSince("amber", False),
    }


def test_load_previous_reports_git_errors(repo: GitRepo) -> None:
    with pytest.raises(GitError, match="^june: unknown revision"):
        load_previous(Path("plans"), "june")
