"""Tab completion offers option values, not only option names: formats, groupings, and the
statuses, ids and names of the plan set here, read from the cache when it holds them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS


def complete(words: str, cwd: Path, extra: dict[str, str] | None = None) -> list[str]:
    """What bash is offered for the last word of `words`, in a fresh ragplan process."""
    env = dict(os.environ, _RAGPLAN_COMPLETE="complete_bash", COMP_WORDS=words, **(extra or {}))
    env["COMP_CWORD"] = str(len(words.split(" ")) - 1)
    done = subprocess.run(
        [sys.executable, "-m", "ragplan"], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return [line for line in done.stdout.splitlines() if line]


@pytest.fixture
def here(in_tmp: Path) -> Path:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    return in_tmp


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("ragplan summary --format m", ["md"]),
        ("ragplan summary --by lead", ["lead_officer", "lead_body"]),
        ("ragplan outstanding --status ", ["amber", "red"]),
        ("ragplan outstanding --status amber,", ["amber,amber", "amber,red"]),
        ("ragplan outstanding --theme 1.", ["1.1", "1.2", "1.3", "1.4"]),
        ("ragplan outstanding --section 1.1.", ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5"]),
        ("ragplan outstanding --lead-body NYCC", ["NYCC", "NYCC / LSCB", "NYCC PCT"]),
        ("ragplan outstanding --lead Pen", ["Penny Yeadon"]),
        ("ragplan set 1.3.6.", ["1.3.6.1", "1.3.6.2", "1.3.6.3", "1.3.6.4"]),
        ("ragplan set 1.1.5.2 --rag ", ["green", "amber", "red", "Green", "Amber", "Red"]),
        ("ragplan validate --format j", ["json", "junit"]),
        ("ragplan --color a", ["auto", "always"]),
    ],
)
def test_values_are_offered(words: str, offered: list[str], here: Path) -> None:
    assert complete(words, here) == offered


def test_a_plan_set_that_cannot_be_read_offers_nothing_and_says_nothing(in_tmp: Path) -> None:
    assert complete("ragplan outstanding --theme ", in_tmp) == []


def test_completion_reads_the_plan_set_from_the_cache(here: Path, cache_home: Path) -> None:
    probe = (
        "import sys\n"
        "from ragplan.cli import run\n"
        "run([])\n"
        "read = 'yaml parsed' if 'yaml._yaml' in sys.modules else 'from the cache'\n"
        "print(read, file=sys.stderr)\n"
    )
    env = dict(
        os.environ,
        _RAGPLAN_COMPLETE="complete_bash",
        COMP_WORDS="ragplan outstanding --theme ",
        COMP_CWORD="3",
        XDG_CACHE_HOME=str(cache_home),
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], cwd=here, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [r.stderr.strip().splitlines()[-1] for r in runs] == ["yaml parsed", "from the cache"]
    assert runs[1].stdout.split() == ["1.1", "1.2", "1.3", "1.4", "6", "8"]
