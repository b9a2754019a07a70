"""Where the plan folder's lock is kept: never where `git status` shows it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import run_cli, write_tree
from gitrepo import GitRepo

from ragplan.files import lock_path

THEME = 'id: "1"\ntitle: Theme\nactions:\n  - id: "1.1"\n    summary: Do it\n    rag: amber\n'


def test_a_refused_set_in_a_git_repository_leaves_git_status_clean(in_tmp: Path) -> None:
    (in_tmp / "repo").mkdir()
    repo = GitRepo(in_tmp / "repo")
    repo.commit({"plans/1.yaml": THEME})  # a folder init did not make: no .gitignore
    run = run_cli("set", "1.1", in_tmp / "repo" / "plans", "--rag", "purple")
    assert run.code != 0 and "purple" in run.err  # refused, after taking the lock
    assert run_cli("set", "1.1", in_tmp / "repo" / "plans", "--rag", "red").code == 0
    status = repo.git("status", "--porcelain", "--untracked-files=all", "--ignored")
    assert status == " M plans/1.yaml\n"
    locks = list((in_tmp / "repo" / ".git" / "ragplan-locks").iterdir())
    assert len(locks) == 1 and locks[0].suffix == ".lock"


def test_a_worktree_keeps_its_lock_in_the_git_folder_its_dot_git_file_names(
    in_tmp: Path,
) -> None:
    (in_tmp / "repo").mkdir()
    repo = GitRepo(in_tmp / "repo")
    repo.commit({"plans/1.yaml": THEME})
    repo.git("worktree", "add", "-q", str(in_tmp / "other"), "-b", "other")
    assert (in_tmp / "other" / ".git").is_file()
    assert run_cli("set", "1.1", in_tmp / "other" / "plans", "--rag", "red").code == 0
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=in_tmp / "other",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status == " M plans/1.yaml\n"
    assert lock_path(in_tmp / "other" / "plans").is_relative_to(
        (in_tmp / "repo" / ".git" / "worktrees").resolve()
    )


def test_two_names_for_one_folder_share_one_lock(in_tmp: Path) -> None:
    (in_tmp / "repo").mkdir()
    GitRepo(in_tmp / "repo").commit({"plans/1.yaml": THEME})
    os.symlink(in_tmp / "repo", in_tmp / "link")
    assert lock_path(in_tmp / "link" / "plans") == lock_path(Path("repo/plans"))
    assert lock_path(in_tmp / "repo") != lock_path(in_tmp / "repo" / "plans")


def test_a_lock_in_the_git_folder_makes_a_second_writer_wait_then_give_up(in_tmp: Path) -> None:
    (in_tmp / "repo").mkdir()
    repo = GitRepo(in_tmp / "repo")
    repo.commit({"plans/1.yaml": THEME})
    plans = in_tmp / "repo" / "plans"
    path = lock_path(plans)
    path.parent.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, filelock\n"
            "with filelock.FileLock(sys.argv[1]):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(30)\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        done = subprocess.run(
            [sys.executable, "-m", "ragplan", "set", "1.1", "repo/plans", "--rag", "red"],
            capture_output=True,
            text=True,
            env=dict(os.environ, RAGPLAN_LOCK_TIMEOUT="0.3"),
            check=False,
        )
    finally:
        holder.kill()
        holder.communicate()
    assert done.returncode == 6
    assert "repo/plans is being changed by another ragplan command" in done.stderr
    assert "repo/.git/ragplan-locks/" in done.stderr
    assert (plans / "1.yaml").read_text() == THEME


def test_outside_git_the_lock_stays_in_the_plan_folder(in_tmp: Path) -> None:
    plans = write_tree(in_tmp / "plans", {"1.yaml": THEME})
    assert run_cli("set", "1.1", plans, "--rag", "red").code == 0
    assert lock_path(plans) == plans / ".ragplan.lock"
    assert (plans / ".ragplan.lock").exists()
