"""The core of `summary --since` and `outstanding --since`: previous counts, direction of travel."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_tree
from gitrepo import GitRepo, theme

from ragplan.errors import GitError
from ragplan.plansets import load_at as load_previous
from ragplan.plansets import load_valid
from ragplan.reports.since import (
    IMPROVED,
    NEW,
    NO_CHANGE,
    WORSENED,
    ActionSince,
    Moves,
    outstanding_since,
    since,
)


@pytest.mark.parametrize(
    ("moves", "expected"),
    [
        (Moves(improved=2, worsened=1), IMPROVED),
        (Moves(improved=1, worsened=2), WORSENED),
        (Moves(improved=1, worsened=1, unmoved=3), NO_CHANGE),
        (Moves(unmoved=3, new=4), NO_CHANGE),  # new actions never move the direction
        (Moves(unmoved=3, removed=2), NO_CHANGE),  # nor do removed ones
        (Moves(new=2), NEW),  # nothing in both: all of it is new
        (Moves(), NO_CHANGE),
    ],
)
def test_direction_weighs_actions_that_improved_against_those_that_worsened(
    moves: Moves, expected: object
) -> None:
    assert moves.direction == expected


def test_every_direction_carries_its_word() -> None:
    assert [str(t) for t in (IMPROVED, WORSENED, NO_CHANGE, NEW)] == [
        "↑ improved",
        "↓ worsened",
        "→ no change",
        "+ new",
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


def test_since_gives_previous_figures_moves_and_directions(repo: GitRepo) -> None:
    found = since(load_valid(Path("plans")), load_previous(Path("plans"), "july"), "july")
    assert (found.rev, str(found.as_of)) == ("july", "2010-07-19")
    assert found.then.counts == {"green": 2, "amber": 2, "red": 1}
    assert (found.then.done, found.then.counted) == (2, 5)
    # 1.1 amber -> green, 1.2 green -> amber, 1.3 and 2.x unmoved; 1.4 and 3.1 are new.
    assert found.moves == Moves(improved=1, worsened=1, unmoved=3, new=2, removed=0)
    assert found.direction == NO_CHANGE  # new actions do not move it
    assert found.directions == {"1": NO_CHANGE, "2": NO_CHANGE, "3": NEW}
    assert found.themes_then["1"].counts == {"green": 1, "amber": 1, "red": 1}
    assert "3" not in found.themes_then


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
