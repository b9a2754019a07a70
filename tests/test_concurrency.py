"""Two people changing the same plan set at once lose nothing: every writing command holds
the plan folder's lock, reads the files under it, and changes what is there now."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import yaml
from conftest import run_cli, write_tree

THEME = """\
id: "1"
title: Theme
actions:
  - id: "1.1"
    summary: Do the thing.
    rag: amber
    notes: Started.
"""

WRITERS = 3
EDITS = 6


def _writer(plans: Path, name: str) -> subprocess.Popen[bytes]:
    """A process that appends EDITS notes, one `ragplan set` after another."""
    code = (
        "import subprocess, sys\n"
        f"for i in range({EDITS}):\n"
        "    subprocess.run([sys.executable, '-m', 'ragplan', 'set', '1.1', sys.argv[1],\n"
        f"                    '--append-note', f'{name} edit {{i}}'], check=True,\n"
        "                   stdout=subprocess.DEVNULL)\n"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(plans)], stderr=subprocess.PIPE)


def test_concurrent_edits_all_survive_and_the_file_stays_valid(in_tmp: Path) -> None:
    plans = write_tree(in_tmp / "plans", {"1.yaml": THEME})
    writers = [_writer(plans, f"writer {w}") for w in range(WRITERS)]
    seen = 0
    # Read the file while they write: every version is whole, valid YAML, and no note
    # once there ever goes away.
    while any(w.poll() is None for w in writers):
        notes = yaml.safe_load((plans / "1.yaml").read_text())["actions"][0]["notes"]
        count = notes.count(" edit ")
        assert count >= seen, "a note that was written was lost"
        seen = count
        time.sleep(0.02)
    for w in writers:
        _, err = w.communicate()
        assert w.returncode == 0, err
    notes = yaml.safe_load((plans / "1.yaml").read_text())["actions"][0]["notes"]
    for w in range(WRITERS):
        for i in range(EDITS):
            assert f"writer {w} edit {i}" in notes
    assert notes.count(" edit ") == WRITERS * EDITS
    assert run_cli("validate", "--strict", plans).code == 0


def test_a_lock_not_had_in_time_changes_nothing_and_says_so(in_tmp: Path) -> None:
    plans = write_tree(in_tmp / "plans", {"1.yaml": THEME})
    before = (plans / "1.yaml").read_bytes()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, filelock\n"
            "with filelock.FileLock(sys.argv[1]):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(30)\n",
            str(plans / ".ragplan.lock"),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        env = dict(os.environ, RAGPLAN_LOCK_TIMEOUT="0.3")
        done = subprocess.run(
            [sys.executable, "-m", "ragplan", "set", "1.1", str(plans), "--rag", "red"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    finally:
        holder.kill()
        holder.communicate()
    assert done.returncode == 6
    assert done.stderr == (
        "ragplan: error: plans is being changed by another ragplan command (it holds "
        "plans/.ragplan.lock); nothing was changed: try again in a moment\n"
    )
    assert (plans / "1.yaml").read_bytes() == before


def test_carry_forward_and_init_hold_the_lock_of_the_folder_they_write(in_tmp: Path) -> None:
    plans = write_tree(in_tmp / "plans", {"1.yaml": THEME})
    assert run_cli("carry-forward", plans, "--to", in_tmp / "next").code == 0
    assert (in_tmp / "next" / ".ragplan.lock").exists()
    assert run_cli("init", in_tmp / "fresh").code == 0
    assert (in_tmp / "fresh" / ".ragplan.lock").exists()
    assert ".ragplan.lock" in (in_tmp / "fresh" / ".gitignore").read_text()
