"""Hostile files in a plan repository (issue 26): links committed to git that lead to
a victim's file, special files named with -o, a disk that fills mid-write. Each attack
is built as an attacker builds it (a link `git add`ed and pushed, a clone made by the
victim) and must end in one line and a documented exit code, the victim's file intact."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, snapshot, write_tree
from gitrepo import IDENTITY

from ragplan import files

SECRET = "https://victim:ghp_s3cr3tT0ken@github.com\n"


def cloned_with_links(tmp: Path, plans: Path | None, links: dict[str, str]) -> Path:
    """The attacker's repository, holding `plans` (copied to plans/) and the symlinks
    `links` (path in the repository -> link text), committed and cloned as the victim
    clones it: git makes each link again on checkout."""
    env = dict(os.environ, **IDENTITY)
    origin = tmp / "attacker"
    origin.mkdir()
    if plans is not None:
        shutil.copytree(plans, origin / "plans")
    for name, target in links.items():
        (origin / name).parent.mkdir(parents=True, exist_ok=True)
        (origin / name).unlink(missing_ok=True)
        (origin / name).symlink_to(target)

    def git(*args: str, cwd: Path = origin) -> None:
        subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Plans")
    clone = tmp / "victim"
    git("clone", "-q", str(origin), str(clone), cwd=tmp)
    for name in links:
        assert (clone / name).is_symlink(), name  # as the victim's checkout has it
    return clone


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A private file of the victim's, such as ~/.ssh/authorized_keys."""
    path = tmp_path / "home" / "private"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("ragplan: error: "), err
    return err


# Item 1: never write through a link.


def test_init_schemas_only_refuses_a_committed_schema_link_to_a_private_file(
    tmp_path: Path, victim: Path
) -> None:
    run_cli("init", tmp_path / "pi")
    clone = cloned_with_links(
        tmp_path, tmp_path / "pi", {"plans/.schema/ragplan-theme.schema.json": str(victim)}
    )
    run = run_cli("init", "--schemas-only", clone / "plans")
    assert run.code == 1
    assert "ragplan-theme.schema.json: is a symlink out of the plan folder" in one_line(run.err)
    assert victim.read_text(encoding="utf-8") == SECRET
    assert (clone / "plans" / ".schema" / "ragplan-theme.schema.json").is_symlink()


def test_carry_forward_force_refuses_a_linked_config_in_the_target(
    tmp_path: Path, victim: Path
) -> None:
    clone = cloned_with_links(tmp_path, EXAMPLE_PLANS, {"next/ragplan.yaml": str(victim)})
    write_tree(clone, {"next/1.yaml": 'id: "1"\nactions: []\n'})
    before = snapshot(clone / "next")
    for dry_run in ([], ["--dry-run"]):
        run = run_cli("carry-forward", clone / "plans", "--to", clone / "next", "--force", *dry_run)
        assert run.code == 1, run.err
        # The new set is checked as it would be read: the link is refused there first.
        assert run.err.splitlines() == [
            f"{clone}/next/ragplan.yaml:1:1: [error] is a symlink to a file outside the plan "
            "folder; copy the file in instead (symlink)",
            "ragplan: error: the change would give the plan set 1 error; nothing was written",
        ]
        assert "ghp_" not in run.out + run.err  # the dry run's diff never shows the target
    assert victim.read_text(encoding="utf-8") == SECRET
    assert snapshot(clone / "next") == before


def test_import_force_refuses_a_linked_config(
    tmp_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = cloned_with_links(tmp_path, None, {"plans/ragplan.yaml": str(victim)})
    monkeypatch.chdir(clone)
    write_tree(clone, {"t.csv": "Ref,Action,Status,Notes\n1.1,Write the plan,Green,\n"})
    run = run_cli("import", "t.csv", "--to", "plans", "--force", "--done", "Green")
    assert run.code == 1, run.err
    assert run.err.startswith(
        "plans/ragplan.yaml: [error] is a symlink to a file outside the plan folder"
    )
    assert "ghp_" not in run.out + run.err
    assert victim.read_text(encoding="utf-8") == SECRET


def test_collect_export_force_refuses_a_workbook_linked_to_a_private_file(
    tmp_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = cloned_with_links(tmp_path, EXAMPLE_PLANS, {"returns/ad-csc.xlsx": str(victim)})
    monkeypatch.chdir(clone)
    run = run_cli("collect", "export", "plans", "--out", "returns", "--force")
    assert run.code == 1, run.err
    assert "returns/ad-csc.xlsx: is a symlink to another file" in one_line(run.err)
    assert victim.read_text(encoding="utf-8") == SECRET
    assert sorted(p.name for p in (clone / "returns").iterdir()) == ["ad-csc.xlsx"]


def test_a_report_written_over_a_link_replaces_the_link_not_its_target(
    tmp_path: Path, victim: Path
) -> None:
    clone = cloned_with_links(tmp_path, EXAMPLE_PLANS, {"board.md": str(victim)})
    run = run_cli("summary", clone / "plans", "-o", clone / "board.md")
    assert run.code == 0, run.err
    assert victim.read_text(encoding="utf-8") == SECRET
    board = clone / "board.md"
    assert not board.is_symlink()
    assert board.read_text(encoding="utf-8").startswith(
        "# Post-Inspection Action Plan: Implementation Status"
    )


def test_set_still_writes_through_a_link_to_a_file_inside_the_plan_folder(
    tmp_path: Path,
) -> None:
    theme = "1.1-ict-infrastructure-and-resilience.yaml"
    kept = tmp_path / "kept"
    shutil.copytree(EXAMPLE_PLANS, kept)
    (kept / "kept").mkdir()
    (kept / theme).rename(kept / "kept" / theme)
    clone = cloned_with_links(tmp_path, kept, {f"plans/{theme}": f"kept/{theme}"})
    run = run_cli("set", "1.1.5.2", "--rag", "green", clone / "plans")
    assert run.code == 0, run.err
    assert (clone / "plans" / theme).is_symlink()
    text = (clone / "plans" / "kept" / theme).read_text(encoding="utf-8")
    assert text.count("rag: green") == 1 + (kept / "kept" / theme).read_text().count("rag: green")


# Item 4: never read a link out of the plan folder.


@pytest.mark.parametrize("fmt", ["standard", "github", "json", "sarif"])
def test_a_config_linked_to_credentials_is_refused_and_never_quoted(
    tmp_path: Path, victim: Path, fmt: str
) -> None:
    clone = cloned_with_links(tmp_path, EXAMPLE_PLANS, {"plans/ragplan.yaml": str(victim)})
    run = run_cli("validate", "-f", fmt, clone / "plans")
    assert run.code == 1
    assert "ghp_" not in run.out + run.err
    assert "symlink" in run.out
    for command in ("summary", "outstanding", "indicators", "export"):
        run = run_cli(command, clone / "plans")
        assert run.code == 1 and "ghp_" not in run.out + run.err


def test_a_paper_or_template_linked_out_of_the_plan_folder_is_refused(
    tmp_path: Path, victim: Path
) -> None:
    victim.write_text("---\ntitle: Board\n---\n" + SECRET, encoding="utf-8")
    clone = cloned_with_links(
        tmp_path,
        EXAMPLE_PLANS,
        {"plans/papers/leak.md": str(victim), "plans/templates/summary.md.j2": str(victim)},
    )
    run = run_cli("validate", clone / "plans")
    assert run.code == 1
    assert "papers/leak.md:1:1: [error] is a symlink to a file outside the plan folder" in run.out
    assert "ghp_" not in run.out + run.err
    run = run_cli("paper", clone / "plans" / "papers" / "leak.md", "--plans", clone / "plans")
    assert run.code == 1 and "ghp_" not in run.out + run.err
    run = run_cli("summary", clone / "plans", "-f", "md")
    assert run.code == 4
    assert "templates/summary.md.j2: is a symlink to a file outside" in one_line(run.err)
    assert "ghp_" not in run.out


# Item 5: -o and special files.


def test_dash_o_dash_is_standard_output(in_tmp: Path) -> None:
    run = run_cli("summary", EXAMPLE_PLANS, "-f", "md", "-o", "-")
    assert run.code == 0, run.err
    assert run.out.startswith("# Post-Inspection Action Plan: Implementation Status")
    assert not (in_tmp / "-").exists()


def test_dash_o_a_link_to_standard_output_writes_into_the_pipe(tmp_path: Path) -> None:
    # /dev/stdout is such a link; one of the test's own, so a broken build run as root
    # replaces nothing of the system's.
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = subprocess.run(
        [sys.executable, "-m", "ragplan", "summary", str(EXAMPLE_PLANS), "-f", "md"]
        + ["-o", str(stdout), "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Post-Inspection Action Plan: Implementation Status")
    assert stdout.is_symlink()


def test_dash_o_a_character_device_is_written_into_never_replaced(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root could replace the system's /dev/null: make one to spare
        null = tmp_path / "null"
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        null = Path(os.devnull)
    run = run_cli("summary", EXAMPLE_PLANS, "-f", "md", "-o", null)
    assert run.code == 0, run.err
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_dash_o_fifo_is_written_into_never_replaced(in_tmp: Path) -> None:
    fifo = in_tmp / "board.md"
    os.mkfifo(fifo)
    # The reader end is open first, so the writer never waits; the report fits the pipe.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        run = run_cli("summary", EXAMPLE_PLANS, "-o", fifo)
        read = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert run.code == 0, run.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert read.startswith(b"# Post-Inspection Action Plan: Implementation Status")


# Item 11: a full disk leaves no partial plan set.


def test_carry_forward_on_a_full_disk_writes_nothing_and_can_be_run_again(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced = 0
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        nonlocal synced
        synced += 1
        if synced == 4:  # three files staged, the fourth meets a full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", full_disk)
    run = run_cli("carry-forward", EXAMPLE_PLANS, "--to", "next")
    assert run.code == 1
    assert "No space left on device" in one_line(run.err)
    assert not (in_tmp / "next").exists()  # no theme files, no temporary files, no folder
    monkeypatch.setattr(files.os, "fsync", real_fsync)
    run = run_cli("carry-forward", EXAMPLE_PLANS, "--to", "next")
    assert run.code == 0, run.err
