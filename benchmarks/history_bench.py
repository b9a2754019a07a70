"""Time `ragplan history --tags` over a repository with 50 tags, and count its git processes.

Run by hand: python benchmarks/history_bench.py [TAGS]

Builds a throw-away repository holding the example plan set (162 actions in six
theme files), commits it 50 times with one action's status changed each time, tags
every commit, then runs the history in-process with subprocess.Popen wrapped to
count the git processes started.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from ragplan.cli import app

EXAMPLE_PLANS = Path(__file__).resolve().parent.parent / "plans"
ENV = dict(
    os.environ,
    GIT_AUTHOR_NAME="Bench",
    GIT_AUTHOR_EMAIL="bench@example.org",
    GIT_COMMITTER_NAME="Bench",
    GIT_COMMITTER_EMAIL="bench@example.org",
    GIT_CONFIG_NOSYSTEM="1",
    GIT_CONFIG_GLOBAL=os.devnull,
)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)


def build(root: Path, tags: int) -> None:
    git(root, "init", "-q")
    shutil.copytree(EXAMPLE_PLANS, root / "plans")
    theme = root / "plans" / "6.yaml"
    text = theme.read_text(encoding="utf-8")
    for n in range(1, tags + 1):
        # Alternate one action between green and amber, so every tag differs.
        rag = "amber" if n % 2 else "green"
        theme.write_text(text.replace("rag: amber", f"rag: {rag}", 1), encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "--allow-empty", "-m", f"Board report {n}")
        git(root, "tag", f"board-{n:02d}")


def main() -> None:
    tags = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    started: list[list[str]] = []
    real = subprocess.Popen

    class Counting(real):  # type: ignore[misc,valid-type]
        def __init__(self, args: list[str], *rest: object, **kw: object) -> None:
            started.append(list(args))
            super().__init__(args, *rest, **kw)

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build(root, tags)
        os.chdir(root)
        subprocess.Popen = Counting  # type: ignore[misc]
        try:
            timings = []
            for _ in range(5):
                started.clear()
                begin = time.perf_counter()
                result = CliRunner().invoke(app, ["history", "plans", "--tags", "-f", "json"])
                timings.append(time.perf_counter() - begin)
                assert result.exit_code == 0, result.output
        finally:
            subprocess.Popen = real  # type: ignore[misc]
        begin = time.perf_counter()
        subprocess.run(["ragplan", "history", "plans", "--tags"], check=True, capture_output=True)
        whole = time.perf_counter() - begin
    best = min(timings)
    print(f"ragplan history --tags over {tags} tags, example plan set (162 actions, 7 files):")
    print(f"  in-process, best of 5:  {best * 1000:.0f} ms ({best / tags * 1000:.1f} ms a tag)")
    print(f"  as a command, once:     {whole * 1000:.0f} ms (start-up included)")
    print(f"  git processes started:  {len(started)}")
    for args in started:
        print(f"    {' '.join(args[:3])}")


if __name__ == "__main__":
    main()
