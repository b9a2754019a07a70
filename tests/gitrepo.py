"""A real git repository in a temporary folder, for the diff and history tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import write_tree

IDENTITY = {
    "GIT_AUTHOR_NAME": "Plan Owner",
    "GIT_AUTHOR_EMAIL": "owner@example.org",
    "GIT_COMMITTER_NAME": "Plan Owner",
    "GIT_COMMITTER_EMAIL": "owner@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


class GitRepo:
    """Commits plan files one snapshot at a time, a day apart, optionally tagged."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.days = 0
        self.git("init", "-q")

    def git(self, *args: str, day: int | None = None, when: str | None = None) -> str:
        env = dict(os.environ, **IDENTITY)
        if day is not None or when is not None:
            stamp = when or f"2010-01-{day:02d}T12:00:00+0000"
            env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def commit(
        self,
        files: dict[str, str | None],
        message: str = "Update the plans",
        tag: str | None = None,
        when: str | None = None,
    ) -> str:
        """Write (or, for None, delete) `files`, commit everything (dated `when`, else a day
        after the last commit, from 2 January 2010), and tag it if asked."""
        for name, content in files.items():
            if content is None:
                (self.root / name).unlink()
        write_tree(self.root, {n: c for n, c in files.items() if c is not None})
        self.days += 1
        # Stage every file by its content: a file copied with its modification time
        # and size unchanged would otherwise look untouched to git's index.
        self.git("rm", "-r", "-q", "--cached", "--ignore-unmatch", ".")
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, day=self.days, when=when)
        if tag is not None:
            self.git("tag", tag)
        return self.git("rev-parse", "HEAD").strip()


def theme(ident: str, *actions: str, title: str | None = None) -> str:
    """A theme file; each action is 'id rag [due]' or a full YAML mapping block."""
    lines = [f'id: "{ident}"']
    if title:
        lines.append(f"title: {title}")
    lines.append("actions:")
    for action in actions:
        if "\n" in action:
            lines.append(action.strip("\n"))
            continue
        ident_, rag, *due = action.split()
        lines += [f'  - id: "{ident_}"', f"    summary: Action {ident_}.", f"    rag: {rag}"]
        if due:
            lines.append(f"    due: {due[0]}")
        if rag != "green":
            lines.append("    notes: Work continues.")
    return "\n".join(lines) + "\n"


SINCE_TAG = "board-2010-07"


def since_repo(case: Path, root: Path, commit_now: bool = False) -> GitRepo:
    """A golden case's then/ committed as plans/ and tagged board-2010-07, its plans/ in the
    working tree (also committed and tagged board-2010-09, with `commit_now`)."""
    repo = GitRepo(root)
    shutil.copytree(case / "then", root / "plans")
    repo.commit({}, "The plans as reported in July", tag=SINCE_TAG)
    # Out of the index too: copytree keeps the files' times, so a changed file of the same
    # size (ragplan.yaml, with a new as_of) could look unchanged to git and not be committed.
    repo.git("rm", "-r", "-q", "--cached", "plans")
    shutil.rmtree(root / "plans")
    shutil.copytree(case / "plans", root / "plans")
    if commit_now:
        repo.commit({}, "The plans as reported in September", tag="board-2010-09")
    return repo
