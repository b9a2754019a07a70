"""`ragplan carry-forward`: the next phase plan holds exactly the outstanding actions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree

from ragplan.plansets import load_valid, validate

OUTSTANDING = [
    "1.1.5.2",
    "1.2.1.13",
    "1.2.2.4",
    "1.2.3.3",
    "1.2.5.1",
    "1.3.2.4",
    "1.3.3.5",
    "1.3.6.1",
    "1.3.6.3",
    "1.4.1",
    "6.1",
    "8.3",
]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    # The lock file a writer leaves is no plan file and holds nothing.
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != ".ragplan.lock")
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


def test_the_example_plan_carries_forward_its_twelve_outstanding_actions(tmp_path: Path) -> None:
    target = tmp_path / "next"
    run = run_cli("carry-forward", EXAMPLE_PLANS, "--to", target)
    assert run.code == 0, run.err
    assert run.err == ""
    lines = run.out.splitlines()
    assert lines[:3] == [
        "1.1.5.2: carried forward (amber)",
        "1.2.1.13: carried forward (amber)",
        "1.2.2.4: carried forward (amber)",
    ]
    assert "1.3.6.1: carried forward (red)" in lines
    assert lines[-1].startswith("12 outstanding actions carried forward from ")
    assert lines[-1].endswith("; 150 done actions left behind")

    result = validate([target])
    assert result.problems == []
    assert result.actions == 12
    old = {a.id: a for a in load_valid(EXAMPLE_PLANS).actions()}
    new = load_valid(target)
    assert [a.id for a in new.actions()] == OUTSTANDING
    for action in new.actions():
        was = old[action.id]
        fields = ("summary", "lead_body", "lead_officer", "rag", "notes", "due")
        assert [getattr(action, f) for f in fields] == [getattr(was, f) for f in fields]
        assert (action.theme.id, action.theme.title, action.theme.lead_officer) == (
            was.theme.id,
            was.theme.title,
            was.theme.lead_officer,
        )
        assert (action.section and (action.section.id, action.section.title)) == (
            was.section and (was.section.id, was.section.title)
        )
        assert Path(action.file).name == Path(was.file).name
        assert action.carried_from == "Post-Inspection Action Plan, 2010-09-20"


def test_ragplan_yaml_is_copied_with_only_the_title_changed(tmp_path: Path) -> None:
    # A sibling of the plan folder, so the editor's relative schema line reads the same.
    plans = shutil.copytree(EXAMPLE_PLANS, tmp_path / "plans")
    target = tmp_path / "next"
    run = run_cli("carry-forward", plans, "--to", target, "--title", "Improvement Plan 2011")
    assert run.code == 0
    old = (EXAMPLE_PLANS / "ragplan.yaml").read_text().splitlines()
    new = (target / "ragplan.yaml").read_text().splitlines()
    assert [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [1]
    assert new[1] == "title: Improvement Plan 2011"
    assert load_valid(target).config.title == "Improvement Plan 2011"


def test_the_default_title_names_the_next_phase(tmp_path: Path) -> None:
    assert run_cli("carry-forward", EXAMPLE_PLANS, "--to", tmp_path / "next").code == 0
    title = load_valid(tmp_path / "next").config.title
    assert title == "Post-Inspection Action Plan (next phase)"


def test_a_theme_file_is_written_in_the_plans_own_layout(tmp_path: Path) -> None:
    plans = shutil.copytree(EXAMPLE_PLANS, tmp_path / "plans")
    assert run_cli("carry-forward", plans, "--to", tmp_path / "next").code == 0
    assert (tmp_path / "next" / "6.yaml").read_text() == (
        "# yaml-language-server: $schema=../schema/ragplan-theme.schema.json\n"
        'id: "6"\n'
        "lead_officer: AD CSC\n"
        "actions:\n"
        '  - id: "6.1"\n'
        "    lead_body: NYCC PCT\n"
        "    summary: >-\n"
        "      Establish working links between Elected Members of NYCC and members of PCT Board.\n"
        "    lead_officer: Cynthia Welbourn\n"
        "    rag: amber\n"
        "    notes: >-\n"
        "      Members have adopted a 'wait and see' approach in respect of the future of health\n"
        "      structures. Members will await the formalising of the new Health Watch Board and\n"
        "      clarification of what their role will be in regard to health issues\n"
        "    carried_from: Post-Inspection Action Plan, 2010-09-20\n"
    )


def test_awkward_text_is_carried_forward_exactly(tmp_path: Path) -> None:
    source = write_tree(
        tmp_path / "old",
        {
            "1.yaml": """\
                id: "1"
                title: "yes"
                actions:
                  - id: "1.1"
                    summary: 'no'
                    due: 2011-01-31
                    lead_officer: "O'Hara: AD"
                    rag: Amber
                    notes: |
                      Bullets:
                      - first, with "quotes"
                      - second # not a comment

                      After a blank line.
                  - id: "1.2"
                    summary: Done.
                    rag: green
                  - id: "1.10"
                    summary: "  padded  "
                    rag: red
                    notes: "tab\\there"
            """,
        },
    )
    target = tmp_path / "new"
    assert run_cli("carry-forward", source, "--to", target).code == 0
    assert validate([target]).problems == []
    old = {a.id: a for a in load_valid(source).actions()}
    new = load_valid(target)
    assert [a.id for a in new.actions()] == ["1.1", "1.10"]
    for action in new.actions():
        was = old[action.id]
        fields = ("summary", "due", "lead_officer", "rag", "notes")
        assert [getattr(action, f) for f in fields] == [getattr(was, f) for f in fields]
        assert action.carried_from == "Action Plan"  # no title or date in the old plan
    assert new.themes[0].title == "yes"
    assert (target / "ragplan.yaml").read_text() == "title: Action Plan (next phase)\n"


def test_a_folder_holding_a_plan_set_is_refused_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "next"
    write_tree(target, {"ragplan.yaml": "title: Something else\n", "9.yaml": 'id: "9"\n'})
    before = snapshot(target)
    run = run_cli("carry-forward", EXAMPLE_PLANS, "--to", target)
    assert run.code == 1
    assert run.err.endswith("already holds a plan set; use --force to write into it\n")
    assert snapshot(target) == before

    run = run_cli("carry-forward", EXAMPLE_PLANS, "--to", target, "--force")
    assert run.code == 0
    assert "9.yaml:1:1: [warning] was already in " in run.err
    assert "remove it if it is stale (carry-forward)" in run.err
    assert load_valid(target).config.title == "Post-Inspection Action Plan (next phase)"


def test_the_plan_set_itself_is_never_a_target(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    before = snapshot(plans)
    run = run_cli("carry-forward", plans, "--to", plans, "--force")
    assert run.code == 1
    assert "is the plan set being carried forward" in run.err
    assert snapshot(plans) == before


def test_an_empty_folder_is_fine_and_dry_run_writes_nothing(tmp_path: Path, in_tmp: Path) -> None:
    target = tmp_path / "next"
    target.mkdir()
    run = run_cli("carry-forward", EXAMPLE_PLANS, "--to", "next", "--dry-run")
    assert run.code == 0
    assert run.out.startswith(
        "--- /dev/null\n+++ next/1.1-ict-infrastructure-and-resilience.yaml\n"
    )
    assert "+++ next/ragplan.yaml\n" in run.out
    assert '+  - id: "1.1.5"\n' in run.out
    assert run.err.splitlines()[0] == "1.1.5.2: carried forward (amber) (dry run: not written)"
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("flag", ["--quiet", "-q"])
def test_quiet_prints_nothing_on_success(tmp_path: Path, flag: str) -> None:
    run = run_cli(flag, "carry-forward", EXAMPLE_PLANS, "--to", tmp_path / "next")
    assert (run.code, run.out, run.err) == (0, "", "")
    assert len(load_valid(tmp_path / "next").actions()) == 12


def test_editor_schema_lines_still_point_at_the_schemas(in_tmp: Path) -> None:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    shutil.copytree(EXAMPLE_PLANS.parent / "schema", in_tmp / "schema")
    assert run_cli("carry-forward", "--to", "phases/next", "plans").code == 0
    for name in ("ragplan.yaml", "6.yaml"):
        first = (in_tmp / "phases" / "next" / name).read_text(encoding="utf-8").split("\n")[0]
        schema = first.split("$schema=")[1]
        assert schema.startswith("../../schema/ragplan-")
        assert (in_tmp / "phases" / "next" / schema).is_file()
