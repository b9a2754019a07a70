"""Every command's failure paths end with the exit code the README's table gives them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli, write_tree

README = (REPO / "README.md").read_text(encoding="utf-8")
TABLE = dict(re.findall(r"^\| (\d) \| (.+) \|$", README, flags=re.M))

BROKEN = 'id: "1"\nactions:\n  - id: "1.1"\n    summary: S\n    rag: purple\n'

# (what goes wrong, the command, the code, words of the README's row for that code)
WALK = [
    ("valid plans", ["validate", "plans"], 0, "success"),
    ("a plan with an error", ["validate", "broken"], 1, "problems found in the plans"),
    ("a warning under --strict", ["validate", "--strict", "warned"], 1, "warnings too"),
    ("a report of invalid plans", ["summary", "broken"], 1, "a report asked of an invalid"),
    ("an unknown status for set", ["set", "1.1", "warned", "--rag", "purple"], 2, "a bad value"),
    (
        "an edit making plans invalid",
        ["set", "1.1", "strict", "--rag", "red"],
        1,
        "an edit that would make the plans invalid",
    ),
    ("init over files", ["init", "plans"], 1, "`init` over files that exist"),
    (
        "carry-forward into plans",
        ["carry-forward", "plans", "--to", "warned"],
        1,
        "`carry-forward` into a plan set",
    ),
    ("an unknown option", ["summary", "--colour", "red"], 2, "an unknown option"),
    ("a bad value", ["summary", "plans", "--by", "owner"], 2, "a bad value"),
    (
        "a filter matching nothing",
        ["outstanding", "plans", "--lead", "Nobody"],
        2,
        "a filter value that matches nothing",
    ),
    ("a missing plan folder", ["summary", "nowhere"], 3, "missing"),
    ("a file, not a folder", ["summary", "plans/ragplan.yaml"], 3, "not a folder"),
    (
        "-o into a missing folder",
        ["summary", "plans", "-o", "no/such/dir/x.md"],
        3,
        "cannot be read or written",
    ),
    (
        "-o over a plan file",
        ["summary", "plans", "-o", "plans/6.yaml"],
        3,
        "would overwrite a plan file",
    ),
    ("--templates missing", ["summary", "plans", "--templates", "nowhere"], 3, "missing"),
    ("--template missing", ["summary", "plans", "--template", "nowhere.j2"], 3, "missing"),
    ("a broken template", ["summary", "plans", "--template", "bad.md.j2"], 4, "fails to render"),
    (
        "a template whose expression fails",
        ["summary", "plans", "--template", "crash.md.j2"],
        4,
        "fails to render",
    ),
    ("not a git repository", ["diff", "HEAD", "plans"], 5, "repository that cannot be read"),
    ("history outside git", ["history", "plans"], 5, "repository that cannot be read"),
    (
        "a paper naming data the plan lacks",
        ["paper", "papered/papers/stale.md"],
        1,
        "a board paper that names data the plan lacks",
    ),
    ("a paper that is not there", ["paper", "nothing-like-it"], 3, "missing"),
]


@pytest.mark.parametrize(("case", "args", "code", "words"), WALK, ids=[w[0] for w in WALK])
def test_failure_paths_end_with_the_documented_code(
    case: str, args: list[str], code: int, words: str, in_tmp: Path
) -> None:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    write_tree(
        in_tmp,
        {
            "broken/1.yaml": BROKEN,
            "warned/1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: S, rag: red}\n',
            "bad.md.j2": "{{ nothing_like_this }}\n",
            "crash.md.j2": "fine\n{{ counts | max(default=0) }}\n",
            "papered/1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: S, rag: green}\n',
            "papered/papers/stale.md": "---\ntitle: T\n---\n{{ counts.purple }}\n",
            # Notes are a must here: making 1.1 outstanding without notes is an error.
            "strict/ragplan.yaml": "rules:\n  missing-notes: error\n",
            "strict/1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: S, rag: green}\n',
        },
    )
    run = run_cli(*args)
    assert run.code == code, (case, run.out, run.err)
    assert str(code) in TABLE and words in TABLE[str(code)], (case, TABLE.get(str(code)))
    assert "Traceback" not in run.err
    if code:
        assert (run.err + run.out).strip(), "a failure always says why"


def test_the_table_lists_each_code_once_in_order() -> None:
    assert list(TABLE) == ["0", "1", "2", "3", "4", "5", "6", "7", "8"]
