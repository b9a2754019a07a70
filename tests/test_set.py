"""`ragplan set`: one action changed in place, everything else byte for byte the same."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree

from ragplan import files
from ragplan.editing import set_action as edit
from ragplan.editing.set_action import set_action
from ragplan.editing.writer import write
from ragplan.plansets import load_valid

THEME_1_3 = "1.3-improvements-in-timeliness-of-assessments.yaml"


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A copy of the example plan set to change."""
    copy = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, copy)
    return copy


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, to prove nothing was touched."""
    # The lock file a writer leaves is no plan file and holds nothing.
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != ".ragplan.lock")
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


def line_diff(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """The lines only in `before` and the lines only in `after`, in order."""
    old, new = before.decode().splitlines(), after.decode().splitlines()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return old[start : len(old) - end], new[start : len(new) - end]


def test_set_rag_says_what_changed_and_changes_only_that_line(plans: Path) -> None:
    before = snapshot(plans)
    run = run_cli("set", "1.3.6.1", plans, "--rag", "amber")
    assert (run.code, run.out, run.err) == (0, "1.3.6.1: red → amber\n", "")
    after = snapshot(plans)
    for name, (data, _) in before.items():
        if name != THEME_1_3:
            assert after[name][0] == data
    assert line_diff(before[THEME_1_3][0], after[THEME_1_3][0]) == (
        ["        rag: red"],
        ["        rag: amber"],
    )
    action = next(a for a in load_valid(plans).actions() if a.id == "1.3.6.1")
    assert action.rag == "amber"


def test_status_is_matched_without_regard_to_case(plans: Path) -> None:
    run = run_cli("set", "8.3", plans, "--rag", "GREEN")
    assert (run.code, run.out) == (0, "8.3: amber → green\n")


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EXAMPLE_PLANS.glob("*.yaml") if p.name != "ragplan.yaml")
)
def test_every_example_file_keeps_every_other_byte(plans: Path, name: str) -> None:
    """The first action of each file gets every field changed; the rest stays exact."""
    path = plans / name
    before = path.read_bytes()
    first = next(a for a in load_valid(plans).actions() if Path(a.file).name == name)
    run = run_cli(
        "set",
        first.id,
        plans,
        "--rag",
        "red",
        "--due",
        "2011-03-31",
        "--lead-officer",
        "Jane O'Hara",
        "--note",
        "Reviewed at the October 2010 board.",
    )
    assert run.code == 0, run.err
    old_lines, new_lines = before.decode().splitlines(), path.read_bytes().decode().splitlines()
    # Only lines of the action's own block differ: from its id line to the next item.
    start = first.line - 1
    end = next(
        (i for i in range(start + 1, len(old_lines)) if old_lines[i].lstrip().startswith("- ")),
        len(old_lines),
    )
    tail = len(old_lines) - end
    assert new_lines[:start] == old_lines[:start]
    assert new_lines[len(new_lines) - tail :] == old_lines[end:]
    removed, added = line_diff(before, path.read_bytes())
    assert removed and added
    changed = next(a for a in load_valid(plans).actions() if a.id == first.id)
    assert (changed.rag, str(changed.due), changed.lead_officer, changed.notes) == (
        "red",
        "2011-03-31",
        "Jane O'Hara",
        "Reviewed at the October 2010 board.",
    )
    others = {a.id: a for a in load_valid(EXAMPLE_PLANS).actions() if a.id != first.id}
    for action in load_valid(plans).actions():
        if action.id != first.id:
            old = others[action.id]
            assert (action.summary, action.rag, action.notes) == (old.summary, old.rag, old.notes)


def test_setting_the_same_value_leaves_the_file_untouched(plans: Path) -> None:
    before = snapshot(plans)
    run = run_cli("set", "1.3.6.1", plans, "--rag", "red", "--lead-officer", "AD CSC")
    assert run.code == 0
    assert run.out == (
        "1.3.6.1: rag is already red; nothing to change\n"
        "1.3.6.1: lead officer is already AD CSC; nothing to change\n"
    )
    assert snapshot(plans) == before


def test_append_note_adds_a_paragraph_to_the_folded_notes(plans: Path) -> None:
    path = plans / THEME_1_3
    before = path.read_bytes()
    run = run_cli("set", "1.3.6.1", plans, "--append-note", "October 2010: audit booked.")
    assert (run.code, run.out) == (0, "1.3.6.1: note appended\n")
    assert line_diff(before, path.read_bytes()) == (
        [],
        ["", "          October 2010: audit booked."],
    )
    action = next(a for a in load_valid(plans).actions() if a.id == "1.3.6.1")
    assert action.notes == (
        "This will be progressed in the new improvement plan as part of a review of "
        "quality assurance arrangements\nOctober 2010: audit booked."
    )


def test_dry_run_prints_the_diff_and_writes_nothing(plans: Path, in_tmp: Path) -> None:
    before = snapshot(plans)
    run = run_cli("set", "1.3.6.1", "plans", "--rag", "amber", "--dry-run")
    assert run.code == 0
    assert run.out == (
        f"--- plans/{THEME_1_3}\n"
        f"+++ plans/{THEME_1_3}\n"
        "@@ -155,7 +155,7 @@\n"
        "           IRO Managers to report quarterly to Assistant Director (CSC) with report to\n"
        "           quality of assessments checked.\n"
        "         lead_officer: AD CSC\n"
        "-        rag: red\n"
        "+        rag: amber\n"
        "         notes: >-\n"
        "           This will be progressed in the new improvement plan as part of a review of\n"
        "           quality assurance arrangements\n"
    )
    assert run.err == "1.3.6.1: red → amber (dry run: not written)\n"
    assert snapshot(plans) == before


def test_a_new_status_that_needs_notes_warns_but_is_written(plans: Path) -> None:
    run = run_cli("set", "6.2", plans, "--rag", "amber")
    assert (run.code, run.out) == (0, "6.2: green → amber\n")
    assert "[warning] action 6.2 is amber but has no notes" in run.err
    assert "(missing-notes)" in run.err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["1.3.6.1", "--rag", "purple"],
            2,
            "--rag 'purple' is not a status of the scale; use one of: green, amber, red",
        ),
        (["1.3.6.1", "--due", "2011-02-30"], 2, "--due must be a real date as YYYY-MM-DD"),
        (["1.3.6.1", "--due", "31/03/2011"], 2, "--due must be a real date as YYYY-MM-DD"),
        (["1.3.6.9", "--rag", "red"], 2, "no action '1.3.6.9' in plans; nearest: 1.3.6."),
        (["1.3.6.1"], 2, "nothing to change: give --rag"),
        (
            ["1.3.6.1", "--note", "a", "--append-note", "b"],
            2,
            "give --note (replace the notes) or --append-note (add to them), not both",
        ),
        (["1.3.6.1", "--note", "  "], 2, "--note needs some text"),
    ],
)
def test_refusals_say_why_and_leave_every_file_untouched(
    plans: Path, in_tmp: Path, args: list[str], code: int, message: str
) -> None:
    before = snapshot(plans)
    run = run_cli("set", args[0], "plans", *args[1:])
    assert run.code == code
    assert run.out == ""
    assert run.err.startswith(f"ragplan: error: {message}")
    assert snapshot(plans) == before


def test_unknown_id_suggests_the_nearest_ids(plans: Path, in_tmp: Path) -> None:
    run = run_cli("set", "1.4.l", "plans", "--rag", "red")
    assert run.err == "ragplan: error: no action '1.4.l' in plans; nearest: 1.4.1, 1.4.2, 1.4.3\n"


def test_a_change_that_would_make_the_plan_invalid_is_refused(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last safeguard: the whole changed plan set is validated before writing."""

    def broken_splice(text: str, *args: object, **kwargs: object) -> str:
        return text.replace("        rag: red\n", "        rag: amber\n        priority: high\n")

    monkeypatch.setattr(edit, "set_value", broken_splice)
    before = snapshot(plans)
    run = run_cli("set", "1.3.6.1", plans, "--rag", "amber")
    assert run.code == 1
    assert "[error] unknown key 'priority' in action 1.3.6.1 (unknown-key)" in run.err
    assert run.err.endswith(
        "ragplan: error: the change would give the plan set 1 error; nothing was written\n"
    )
    assert snapshot(plans) == before


def test_an_invalid_plan_set_is_not_edited(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"1.yaml": 'id: "1"\nactions:\n  - id: "1.1"\n    summary: s\n    rag: purple\n'},
    )
    before = snapshot(tmp_path)
    run = run_cli("set", "1.1", tmp_path, "--rag", "red")
    assert run.code == 1
    assert "unknown-status" in run.err
    assert snapshot(tmp_path) == before


def test_a_crash_mid_write_leaves_the_original_and_no_temporary_file(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = set_action(plans, "1.3.6.1", rag="amber")
    written: list[bytes] = []

    def crash(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        written.append(Path(source).read_bytes())  # the temporary file is complete
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(files.os, "replace", crash)
    before = snapshot(plans)
    with pytest.raises(RuntimeError, match="simulated crash"):
        write(change.files)
    assert written == [change.files[0].after]
    assert snapshot(plans) == before  # same names: no stray temporary file either


def test_a_failed_write_is_an_error_message_not_a_traceback(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    before = snapshot(plans)
    run = run_cli("set", "1.3.6.1", plans, "--rag", "amber")
    assert run.code == 1
    assert run.err.startswith("ragplan: error: cannot write ")
    assert run.err.endswith(": Permission denied\n")
    assert snapshot(plans) == before


def test_the_files_permissions_are_kept(plans: Path) -> None:
    path = plans / THEME_1_3
    path.chmod(0o640)
    assert run_cli("set", "1.3.6.1", plans, "--rag", "amber").code == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert b"rag: amber" in path.read_bytes()


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"1.yaml": b'\xef\xbb\xbfid: "1"\nactions:\n  - id: "1.1"\n    summary: s\n    rag: red\n'},
    )
    run = run_cli("set", "1.1", tmp_path, "--rag", "green")
    assert run.code == 0
    assert (tmp_path / "1.yaml").read_bytes() == (
        b'\xef\xbb\xbfid: "1"\nactions:\n  - id: "1.1"\n    summary: s\n    rag: green\n'
    )


def test_a_plan_file_that_is_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"kept/1.yaml": 'id: "1"\nactions:\n  - id: "1.1"\n    summary: s\n    rag: red\n'},
    )
    (tmp_path / "1.yaml").symlink_to(tmp_path / "kept" / "1.yaml")
    run = run_cli("set", "1.1", tmp_path, "--rag", "amber", "--note", "Started.")
    assert run.code == 0, run.err
    assert (tmp_path / "1.yaml").is_symlink()
    assert (tmp_path / "kept" / "1.yaml").read_text().endswith("rag: amber\n    notes: Started.\n")
