"""A real git repository in a temporary folder, for the diff and history tests."""

from __future__ import annotations

import os
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

    def git(self, *args: str, day: int | None = None) -> str:
        env = dict(os.environ, **IDENTITY)
        if day is not None:
            stamp = f"2010-01-{day:02d}T12:00:00+0000"
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
    ) -> str:
        """Write (or, for None, delete) `files`, commit everything, and tag it if asked."""
        for name, content in files.items():
            if content is None:
                (self.root / name).unlink()
        write_tree(self.root, {n: c for n, c in files.items() if c is not None})
        self.days += 1
        self.git("add", "-A")
        # Read every file again: a file replaced by one of the same size and mtime (as
        # shutil.copytree's copy2 leaves them) on a reused inode looks unchanged to git's
        # stat cache, and the commit would silently keep the old content.
        self.git("add", "--renormalize", ".")
        self.git("commit", "-q", "--allow-empty", "-m", message, day=self.days)
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
