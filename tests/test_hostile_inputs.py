"""Hostile plan files and git histories (issue 26, items 9, 10 and 12): each ended in a
traceback, read a huge file whole, or printed a name that turns text round. The files
are kept in tests/hostile/plan-files/; forged git objects are made here as an attacker
makes them, with `git hash-object --literally`."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli, snapshot, write_tree
from gitrepo import GitRepo, theme
from workbooks import rows_by_ref

from ragplan.reading import git

CORPUS = REPO / "tests" / "hostile" / "plan-files"
CONFIG = "title: Plan\norganisation: Council\nas_of: 2010-09-20\n"


def plan_with(folder: Path, name: str, corpus_file: str) -> Path:
    """A plan folder holding a config and the corpus file as `name`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ragplan.yaml").write_text(CONFIG, encoding="utf-8")
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CORPUS / corpus_file, folder / name)
    return folder


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("ragplan: error: "), err
    return err.removeprefix("ragplan: error: ").rstrip("\n")


# Item 9: tracebacks that are now messages.


def test_an_indicator_summary_without_from_is_a_missing_field_not_a_traceback(
    tmp_path: Path,
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    shutil.copyfile(
        CORPUS / "indicator-summary-without-from.yaml", plans / "indicators" / "timeliness.yaml"
    )
    run = run_cli("validate", plans)
    assert run.code == 1
    assert run.out.splitlines()[0] == (
        f"{plans}/indicators/timeliness.yaml:12:9: [error] summary 'Nov to Dec' of "
        "indicator initial-assessments has no 'from'; it is required (missing-field)"
    )
    for command in ("summary", "indicators"):
        run = run_cli(command, plans)
        assert run.code == 1
        assert one_line(run.err.splitlines(keepends=True)[-1]).startswith("the plan set has")


@pytest.mark.parametrize(
    ("corpus_file", "why"),
    [
        ("theme-cr-only-line-ends.yaml", "its lines end in CR alone (an old Mac format)"),
        ("theme-complex-keys.yaml", "it uses YAML that ragplan does not edit in place"),
    ],
)
def test_set_in_a_file_it_cannot_splice_is_refused_and_the_file_untouched(
    in_tmp: Path, corpus_file: str, why: str
) -> None:
    plans = plan_with(in_tmp / "plans", "1.yaml", corpus_file)
    assert run_cli("validate", plans).code == 0  # valid YAML, only not editable in place
    before = snapshot(plans)
    run = run_cli("set", "1.1", "--due", "2011-01-31", "plans")
    assert run.code == 1
    assert one_line(run.err).startswith(f"plans/1.yaml: cannot change due of 1.1 there: {why}")
    assert snapshot(plans) == before


@pytest.fixture
def repo(in_tmp: Path) -> GitRepo:
    repo = GitRepo(in_tmp)
    repo.commit({"plans/1.yaml": theme("1", "1.1 green", "1.2 red")}, tag="board-1")
    return repo


def forged_commit(repo: GitRepo, tree: str, committer: str) -> str:
    """A commit object written byte by byte, as git itself would never write it."""
    parent = repo.git("rev-parse", "HEAD").strip()
    text = (
        f"tree {tree}\nparent {parent}\nauthor Attacker <a@example.org> 1262433600 +0000\n"
        f"committer Attacker <a@example.org> {committer}\n\nForged\n"
    )
    return hash_object(repo, "commit", text.encode())


def hash_object(repo: GitRepo, kind: str, data: bytes) -> str:
    path = repo.root / ".forged"
    path.write_bytes(data)
    oid = repo.git("hash-object", "-t", kind, "-w", "--literally", str(path)).strip()
    path.unlink()
    return oid


def test_a_revision_name_with_a_space_is_an_unknown_revision(repo: GitRepo) -> None:
    run = run_cli("diff", "board-1 ", "plans")
    assert run.code == 5
    assert one_line(run.err) == ("'board-1 ': unknown revision (not a tag, branch or commit here)")


def test_a_tag_on_a_commit_of_year_10000_with_a_zone_of_99_hours_keeps_history(
    repo: GitRepo,
) -> None:
    tree = repo.git("rev-parse", "HEAD^{tree}").strip()
    repo.git("tag", "far", forged_commit(repo, tree, "253402300800 +9999"))
    run = run_cli("history", "plans", "--format", "json")
    assert run.code == 0, run.err
    assert [(p["rev"], p["date"][:10]) for p in json.loads(run.out)["points"]] == [
        ("board-1", "2010-01-01"),
        ("far", "9999-12-31"),  # the last date there is: it sorts last, as year 10000 would
    ]


def test_a_malformed_tree_is_a_message_naming_it(repo: GitRepo) -> None:
    garbage = hash_object(repo, "tree", b"not a tree at all")
    top = subprocess.run(
        ["git", "mktree", "--missing"],
        cwd=repo.root,
        input=f"040000 tree {garbage}\tplans\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    repo.git("tag", "broken", forged_commit(repo, top, "1262433600 +0000"))
    run = run_cli("diff", "broken", "plans")
    assert run.code == 5
    assert one_line(run.err) == (
        f"broken: the repository's tree {garbage[:12]} is malformed; run 'git fsck' to find "
        "what is damaged"
    )


# Item 10: a huge plan file at a revision is refused by its size, never read.


def test_a_plan_file_over_the_limit_at_a_revision_is_never_read(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = theme("2", "2.1 green") + "# " + "x" * 2_100_000 + "\n"
    repo.commit(
        {"plans/ragplan.yaml": CONFIG + "max_file_size_mb: 1\n", "plans/2.yaml": huge},
        tag="board-2",
    )
    read: list[int] = []
    original = git.Repository._object

    def recording(self: git.Repository, spec: str) -> tuple[str, str, bytes] | str:
        found = original(self, spec)
        if not isinstance(found, str):
            read.append(len(found[2]))
        return found

    monkeypatch.setattr(git.Repository, "_object", recording)
    run = run_cli("diff", "board-2", "plans")
    assert run.code == 5
    assert "board-2:plans/2.yaml:1:1: file is 2.1 MB, over the 1 MB limit" in one_line(run.err)
    assert max(read) < 100_000  # commits, trees and the small files: never the big one


# Item 12: a scale's size is bounded; names that turn text round are shown escaped.


def test_a_scale_of_20001_statuses_is_refused_with_a_message(in_tmp: Path) -> None:
    statuses = "".join(f"  - key: s{n}\n" for n in range(20_001))
    write_tree(
        in_tmp,
        {
            "plans/ragplan.yaml": CONFIG + "scale:\n" + statuses,
            "plans/1.yaml": theme("1", "1.1 s0"),
        },
    )
    run = run_cli("validate", "plans")
    assert run.code == 1
    assert (
        "plans/ragplan.yaml:55:5: [error] the scale lists 20001 statuses; at most 50 are "
        "allowed (a report has a column for each) (scale)"
    ) in run.out.splitlines()  # at the 51st status
    assert run_cli("summary", "plans", "-f", "md").code == 1


def test_a_right_to_left_override_in_an_officer_name_is_named_in_messages(
    in_tmp: Path,
) -> None:
    plan_with(in_tmp / "plans", "1.yaml", "theme-bidi-officer.yaml")
    run = run_cli("collect", "export", "plans", "--out", "returns")
    assert run.code == 0, run.err
    assert "\u202e" not in run.out + run.err
    assert "AD <U+202E RIGHT-TO-LEFT OVERRIDE>CSC" in run.out


def test_a_workbook_with_corrupt_deflate_data_is_damaged_not_a_traceback(in_tmp: Path) -> None:
    assert run_cli("export", EXAMPLE_PLANS, "-o", "plan.xlsx").code == 0
    data = bytearray((in_tmp / "plan.xlsx").read_bytes())
    with zipfile.ZipFile(in_tmp / "plan.xlsx") as archive:
        sheet = next(i for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
    # The sheet's compressed bytes, after its local header, overwritten: the zip's
    # directory is intact, the deflate stream is not.
    start = sheet.header_offset + 30 + len(sheet.filename.encode()) + len(sheet.extra)
    data[start : start + 40] = b"\xff" * 40
    (in_tmp / "bad.xlsx").write_bytes(bytes(data))
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    for args in (["import", "bad.xlsx", "--to", "out"], ["collect", "apply", "bad.xlsx", "plans"]):
        run = run_cli(*args)
        assert run.code == 3, run.err
        assert one_line(run.err).startswith(f"bad.xlsx is damaged ({sheet.filename}: Error -3")


def test_collect_apply_into_a_file_it_cannot_splice_is_refused_and_the_file_untouched(
    in_tmp: Path,
) -> None:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    assert run_cli("collect", "export", "plans", "--out", "returns").code == 0
    workbook = openpyxl.load_workbook(in_tmp / "returns" / "ad-csc.xlsx")
    sheet = workbook["Updates"]
    row = rows_by_ref(sheet)["1.3.3.5"]
    sheet.cell(row=row, column=4).value = datetime(2011, 3, 31)  # Due, as the officer types it
    workbook.save(in_tmp / "returns" / "ad-csc.xlsx")
    # The theme file saved meanwhile by an editor that ends lines in CR alone.
    theme_file = in_tmp / "plans" / "1.3-improvements-in-timeliness-of-assessments.yaml"
    theme_file.write_bytes(theme_file.read_bytes().replace(b"\n", b"\r"))
    before = snapshot(in_tmp / "plans")
    run = run_cli("collect", "apply", "returns/ad-csc.xlsx", "plans")
    assert run.code == 1
    assert run.err.splitlines()[-1] == (
        "ragplan: error: plans/1.3-improvements-in-timeliness-of-assessments.yaml: cannot "
        "change due of 1.3.3.5 there: its lines end in CR alone (an old Mac format); save "
        "the file with ordinary line ends and 'key: value' lines, or edit it by hand; "
        "nothing was written"
    )
    assert snapshot(in_tmp / "plans") == before
