"""`ragplan collect`: workbooks out to lead officers, edited as people edit them, and back in
with exactly the changes they made, every YAML comment kept, conflicts and bad cells
refused with nothing applied."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import EXAMPLE_PLANS, run_cli, snapshot
from workbooks import libreoffice_resave, rows_by_ref

from ragplan.plansets import load_valid

THEME_1_3 = "1.3-improvements-in-timeliness-of-assessments.yaml"
RAG, NOTES, DUE = 6, 7, 4  # columns of the Updates sheet


@pytest.fixture
def plans(in_tmp: Path) -> Path:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    return in_tmp / "plans"


@pytest.fixture
def sent(plans: Path) -> Path:
    """The example plans' outstanding actions, exported to returns/."""
    run = run_cli("collect", "export", "plans", "--out", "returns")
    assert run.code == 0, run.err
    return plans.parent / "returns"


def comments(folder: Path) -> list[str]:
    """Every comment line of every plan file, in order."""
    return [
        f"{p.name}: {line.strip()}"
        for p in sorted(folder.glob("*.yaml"))
        for line in p.read_text().splitlines()
        if line.strip().startswith("#")
    ]


def edit(path: Path, change: Any, saved_as: Path | None = None) -> Path:
    """Open the workbook as a person would, let `change` edit its Updates sheet, save."""
    wb = openpyxl.load_workbook(path)
    change(wb["Updates"])
    target = saved_as or path
    wb.save(target)
    return target


def actions(folder: Path) -> dict[str, tuple[str, str | None, str | None]]:
    return {
        a.id: (a.rag, a.notes, a.due.isoformat() if a.due else None)
        for a in load_valid(folder).actions()
    }


# Export


def test_one_workbook_per_lead_officer_joint_leads_in_each(sent: Path) -> None:
    manifest = json.loads((sent / "ragplan-collect.json").read_text())
    got = {w["for"]: w["actions"] for w in manifest["workbooks"]}
    assert got == {
        "AD CSC": ["1.2.2.4", "1.3.2.4", "1.3.3.5", "1.3.6.1", "1.3.6.3", "8.3"],
        "AD CSC (AD SS)": ["1.2.1.13"],
        "Alan Tucker": ["1.2.3.3", "1.2.5.1"],
        "Cynthia Welbourn": ["6.1"],
        "David Sadler": ["1.1.5.2"],
        "Gary Cochrane": ["1.2.3.3"],
        "General Managers (CSC)": ["1.4.1"],
        "LSCB Manager": ["1.3.6.3"],
        "Penny Yeadon": ["1.4.1"],
    }
    assert sorted(p.name for p in sent.glob("*.xlsx")) == sorted(
        w["file"] for w in manifest["workbooks"]
    )
    ws = openpyxl.load_workbook(sent / "alan-tucker.xlsx")["Updates"]
    assert [c.value for c in ws[4]] == [
        "Lead Body",
        "Ref",
        "Key Actions Summary (with end date)",
        "Due",
        "Lead Officer",
        "RAG Rating",
        "Notes",
    ]
    assert [ws.cell(row=r, column=2).value for r in (5, 6)] == ["1.2.3.3", "1.2.5.1"]
    assert ws.cell(row=5, column=RAG).value == "Amber"


def test_only_rag_rating_notes_and_due_are_unlocked_on_a_sheet_protected_without_password(
    sent: Path,
) -> None:
    ws = openpyxl.load_workbook(sent / "ad-csc.xlsx")["Updates"]
    assert ws.protection.sheet is True
    assert not ws.protection.password
    for row in range(5, 11):
        unlocked = [c.column for c in ws[row] if not c.protection.locked]
        assert unlocked == [DUE, RAG, NOTES]


def test_rag_rating_is_a_list_of_the_scales_labels_coloured_by_conditional_formatting(
    sent: Path,
) -> None:
    wb = openpyxl.load_workbook(sent / "ad-csc.xlsx")
    ws = wb["Updates"]
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1 and str(lists[0].sqref) == "F5:F10"
    sheet, cells = lists[0].formula1.lstrip("=").split("!")
    first, last = cells.replace("$", "").split(":")
    assert [c[0].value for c in wb[sheet][first:last]] == ["Green", "Amber", "Red"]
    rules = {
        rule.formula[0]: rule.dxf.fill.fgColor.rgb
        for cf in ws.conditional_formatting
        for rule in cf.rules
    }
    assert rules == {'"Green"': "0000703C", '"Amber"': "00FFBF47", '"Red"': "00D4351C"}


def test_a_hidden_sheet_records_the_values_sent_and_the_plans_revision(
    sent: Path, plans: Path
) -> None:
    wb = openpyxl.load_workbook(sent / "david-sadler.xlsx")
    hidden = wb["ragplan"]
    assert hidden.sheet_state == "hidden"
    settings = {r[0].value: r[1].value for r in hidden.iter_rows(max_row=10)}
    manifest = json.loads((sent / "ragplan-collect.json").read_text())
    assert settings["revision"] == manifest["revision"] and len(settings["revision"]) == 16
    assert settings["for"] == "David Sadler" and settings["plan"] == "Post-Inspection Action Plan"
    table = [[c.value for c in row] for row in hidden.iter_rows(min_row=12, max_col=4)]
    action = next(a for a in load_valid(plans).actions() if a.id == "1.1.5.2")
    assert table == [["Ref", "rag", "notes", "due"], ["1.1.5.2", "amber", action.notes, None]]


def test_text_that_could_run_as_a_formula_is_written_inert(plans: Path) -> None:
    path = plans / "6.yaml"
    path.write_text(
        path.read_text().replace(
            "Members have adopted", '=HYPERLINK("http://evil.example","Members") have adopted'
        )
    )
    assert run_cli("collect", "export", "plans", "--out", "returns").code == 0
    wb = openpyxl.load_workbook(Path("returns/cynthia-welbourn.xlsx"))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    notes = wb["Updates"].cell(row=5, column=NOTES)
    assert notes.value.startswith("=HYPERLINK(")  # shown as written, with no '
    assert (notes.data_type, notes.quotePrefix) == ("s", True)  # text, and kept text when edited


def test_notes_starting_with_a_dash_show_as_written_and_come_back_unchanged(
    plans: Path, in_tmp: Path
) -> None:
    path = plans / "6.yaml"
    text = path.read_text()
    assert "Members have adopted" in text
    path.write_text(text.replace("Members have adopted", "- Members have adopted", 1))
    assert run_cli("collect", "export", "plans", "--out", "returns").code == 0
    notes = openpyxl.load_workbook("returns/cynthia-welbourn.xlsx")["Updates"].cell(5, NOTES)
    assert notes.value.startswith("- Members have adopted")
    shutil.move("returns/cynthia-welbourn.xlsx", in_tmp / "cynthia-welbourn.xlsx")
    saved = libreoffice_resave(in_tmp / "cynthia-welbourn.xlsx", in_tmp / "returns")
    after = openpyxl.load_workbook(saved)["Updates"].cell(5, NOTES)
    assert after.value.startswith("- Members have adopted") and after.data_type == "s"
    run = run_cli("collect", "apply", saved, "plans")
    assert (run.code, run.out) == (
        0,
        "returns/cynthia-welbourn.xlsx (Cynthia Welbourn): no changes\n",
    )


def test_a_folder_holding_workbooks_is_refused_unless_forced(sent: Path) -> None:
    run = run_cli("collect", "export", "plans", "--out", "returns")
    assert run.code == 1
    assert run.err.startswith("ragplan: error: returns already holds workbooks (ad-csc")
    assert run.err.endswith("use --force to write over them, or choose another folder\n")
    assert run_cli("collect", "export", "plans", "--out", "returns", "--force").code == 0


def test_export_by_theme_and_all(plans: Path) -> None:
    run = run_cli("collect", "export", "plans", "--out", "t", "--by", "theme", "--all")
    assert run.code == 0, run.err
    manifest = json.loads(Path("t/ragplan-collect.json").read_text())
    assert [(w["for"], len(w["actions"])) for w in manifest["workbooks"]] == [
        ("1.1 ICT Infrastructure and Resilience", 23),
        ("1.2 ICS Programme and Functionality", 38),
        ("1.3 Improvements in Timeliness of Assessments", 40),
        ("1.4 Workforce Capacity Building", 21),
        ("Theme 6", 19),
        ("Theme 8", 21),
    ]


# Apply: a person's edits


def person_edits(ws: Any) -> None:
    """What a lead officer does: types a status, adds to a note, types a new date, sorts
    the rows by Ref (newest first), and adds a column of their own."""
    rows = rows_by_ref(ws)
    ws.cell(row=rows["1.3.6.1"], column=RAG).value = "Amber"
    notes = ws.cell(row=rows["1.3.2.4"], column=NOTES)
    notes.value = notes.value + "\nOctober 2010: supervision audit done in two teams."
    ws.cell(row=rows["1.3.3.5"], column=DUE).value = datetime(2011, 3, 31)
    ws.cell(row=rows["8.3"], column=RAG).value = "green"  # typed in lower case
    values = [[c.value for c in ws[r]] for r in sorted(rows.values())]
    values.sort(key=lambda row: row[1], reverse=True)
    for r, row in enumerate(values, 5):
        for col, value in enumerate(row, 1):
            ws.cell(row=r, column=col).value = value
    ws.insert_cols(8)
    ws.cell(row=4, column=8).value = "My comments"
    ws.cell(row=5, column=8).value = "Ask Penny about 8.3"


EXPECTED_CHANGES = [
    "returns/ad-csc.xlsx (AD CSC): 4 changes",
    "  1.3.2.4: notes replaced",
    "  1.3.3.5: due none → 2011-03-31",
    "  1.3.6.1: red → amber",
    "  8.3: amber → green",
    "  note: Updates!H4: column 'My comments' is not read back",
]


def test_a_workbook_edited_as_a_person_would_applies_exactly_the_changes_made(
    sent: Path, plans: Path
) -> None:
    before = actions(plans)
    notes_before = comments(plans)
    edit(sent / "ad-csc.xlsx", person_edits)
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "plans")
    assert run.code == 0, run.err
    assert run.out.splitlines() == EXPECTED_CHANGES
    after = actions(plans)
    changed = {ident for ident in before if before[ident] != after[ident]}
    assert changed == {"1.3.2.4", "1.3.3.5", "1.3.6.1", "8.3"}
    assert after["1.3.6.1"][0] == "amber" and after["8.3"][0] == "green"
    assert after["1.3.3.5"][2] == "2011-03-31"
    assert after["1.3.2.4"][1] == (
        f"{before['1.3.2.4'][1]}\nOctober 2010: supervision audit done in two teams."
    )
    assert comments(plans) == notes_before


def test_the_yaml_changes_only_in_the_lines_of_the_changed_values(sent: Path, plans: Path) -> None:
    edit(sent / "ad-csc.xlsx", person_edits)
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "plans", "--dry-run")
    assert run.code == 0
    removed = [line for line in run.out.splitlines() if line.startswith("-") and line[1:2] != "-"]
    added = [line for line in run.out.splitlines() if line.startswith("+") and line[1:2] != "+"]
    assert removed == ["-        rag: red", "-    rag: amber"]
    assert added == [
        "+",
        "+          October 2010: supervision audit done in two teams.",
        "+        due: 2011-03-31",
        "+        rag: amber",
        "+    rag: green",
    ]
    assert (
        run.err.splitlines()[0] == "returns/ad-csc.xlsx (AD CSC): 4 changes (dry run: not written)"
    )


def test_a_workbook_saved_by_libreoffice_applies_the_same_changes(
    sent: Path, plans: Path, in_tmp: Path
) -> None:
    edited = edit(sent / "ad-csc.xlsx", person_edits, in_tmp / "edited.xlsx")
    saved = libreoffice_resave(edited, sent)  # saved into the export folder, beside its record
    notes_before = comments(plans)
    run = run_cli("collect", "apply", saved, "plans")
    assert run.code == 0, run.err
    assert run.out.splitlines()[1:] == EXPECTED_CHANGES[1:]
    assert comments(plans) == notes_before


def test_an_untouched_workbook_saved_by_libreoffice_changes_nothing(
    sent: Path, plans: Path, in_tmp: Path
) -> None:
    before = snapshot(plans)
    shutil.move(sent / "ad-csc.xlsx", in_tmp / "ad-csc.xlsx")
    saved = libreoffice_resave(in_tmp / "ad-csc.xlsx", sent)
    run = run_cli("collect", "apply", saved, "plans")
    assert (run.code, run.out) == (0, "returns/ad-csc.xlsx (AD CSC): no changes\n")
    assert snapshot(plans) == before


# Apply: refusals, with nothing applied


def refused(sent: Path, plans: Path, change: Any, name: str = "ad-csc.xlsx") -> list[str]:
    """Apply a workbook edited by `change`; it must be refused with nothing written."""
    before = snapshot(plans)
    edit(sent / name, change)
    run = run_cli("collect", "apply", sent / name, "plans")
    assert run.code == 1
    assert run.out == ""
    assert snapshot(plans) == before
    return run.err.splitlines()


def test_a_value_pasted_over_the_list_is_refused_naming_its_cell(sent: Path, plans: Path) -> None:
    def paste(ws: Any) -> None:
        rows = rows_by_ref(ws)
        ws.cell(row=rows["1.3.2.4"], column=NOTES).value = "Fine now."
        ws.cell(row=rows["1.3.6.1"], column=RAG).value = "Purple"

    assert refused(sent, plans, paste) == [
        "returns/ad-csc.xlsx (AD CSC): refused (1 problem); nothing from it was applied",
        "  Updates!F8: 'Purple' is not a RAG Rating (typed or pasted over the list?); use one "
        "of: Green, Amber, Red",
        "ragplan: error: 1 of 1 workbook refused; nothing from it was applied",
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("31/13/2010", "Updates!D8: '31/13/2010' is not a date; type a day, such as 31/03/2011"),
        ("next spring", "Updates!D8: 'next spring' is not a date; type a day, such as 31/03/2011"),
        ("Dec 2010", "Updates!D8: 'Dec 2010' is not a date; type a day, such as 31/03/2011"),
        (40543, "Updates!D8: '40543' is not a date; type a day, such as 31/03/2011"),
    ],
)
def test_a_bad_date_is_refused_naming_its_cell(
    sent: Path, plans: Path, value: object, problem: str
) -> None:
    def type_date(ws: Any) -> None:
        ws.cell(row=rows_by_ref(ws)["1.3.6.1"], column=DUE).value = value

    assert refused(sent, plans, type_date)[1].startswith("  " + problem)


def test_an_edited_ref_an_added_row_and_a_row_with_no_ref_are_refused(
    sent: Path, plans: Path
) -> None:
    def rows_changed(ws: Any) -> None:
        rows = rows_by_ref(ws)
        ws.cell(row=rows["1.3.6.1"], column=2).value = "1.3.6.9"
        ws.cell(row=11, column=2).value = "1.3.6.2"
        ws.cell(row=11, column=RAG).value = "Green"
        ws.cell(row=12, column=NOTES).value = "A new action we agreed"

    assert refused(sent, plans, rows_changed)[1:4] == [
        "  Updates!B8: Ref '1.3.6.9' was not sent in this workbook (was it edited, or the row "
        "added?)",
        "  Updates!B11: Ref '1.3.6.2' was not sent in this workbook (was it edited, or the row "
        "added?)",
        "  Updates!B12: a row with no Ref; rows cannot be added to a return (the plan is "
        "changed with ragplan, not by adding rows here)",
    ]


def test_a_conflict_names_the_action_the_field_both_values_and_the_cell(
    sent: Path, plans: Path
) -> None:
    assert run_cli("set", "1.3.6.1", "plans", "--rag", "green").code == 0
    assert run_cli("set", "1.3.3.5", "plans", "--note", "Changed by the team").code == 0

    def both(ws: Any) -> None:
        rows = rows_by_ref(ws)
        ws.cell(row=rows["1.3.6.1"], column=RAG).value = "Amber"
        ws.cell(row=rows["1.3.2.4"], column=RAG).value = "Green"

    assert refused(sent, plans, both)[:2] == [
        "returns/ad-csc.xlsx (AD CSC): refused (1 problem); nothing from it was applied",
        "  Updates!F8: conflict on 1.3.6.1 RAG Rating: the workbook says amber, but the plan "
        "now says green (it was red when sent). Next: if the workbook is right, run "
        "`ragplan set 1.3.6.1 --rag amber` and apply this file again; if the plan is right, "
        "type green in Updates!F8 and apply it again",
    ]


def test_a_change_made_only_in_the_plan_since_export_is_kept(sent: Path, plans: Path) -> None:
    assert run_cli("set", "1.3.6.1", "plans", "--rag", "green").code == 0

    def other(ws: Any) -> None:
        ws.cell(row=rows_by_ref(ws)["1.3.2.4"], column=RAG).value = "Green"

    edit(sent / "ad-csc.xlsx", other)
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "plans")
    assert run.code == 0, run.err
    assert actions(plans)["1.3.6.1"][0] == "green"
    assert actions(plans)["1.3.2.4"][0] == "green"


def test_joint_leads_agreeing_is_no_conflict(sent: Path, plans: Path) -> None:
    def amber_to_green(ws: Any) -> None:
        ws.cell(row=rows_by_ref(ws)["1.3.6.3"], column=RAG).value = "Green"

    edit(sent / "ad-csc.xlsx", amber_to_green)
    edit(sent / "lscb-manager.xlsx", amber_to_green)
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", sent / "lscb-manager.xlsx", "plans")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "returns/ad-csc.xlsx (AD CSC): 1 change",
        "  1.3.6.3: amber → green",
        "returns/lscb-manager.xlsx (LSCB Manager): no changes",
    ]


JOINT_CONFLICT = (
    "conflict on 1.3.6.3 RAG Rating with {other} ({who}, {there}): this return says {mine}, "
    "that one says {theirs} (it was amber when sent). Neither is applied. Next: agree the RAG "
    "Rating with {who}, make both returns say it, and apply them again"
)


@pytest.mark.parametrize("order", ["ad-csc first", "lscb-manager first"])
def test_joint_leads_disagreeing_is_a_conflict_between_the_two_returns_in_either_order(
    sent: Path, plans: Path, in_tmp: Path, order: str
) -> None:
    """Two officers sharing 1.3.6.3 change it differently from the same export, each in
    LibreOffice: whatever order the files are named in, neither is applied, each names the
    other, and a dry run never says the plan holds what only the other return says."""

    def status(value: str) -> Any:
        def change(ws: Any) -> None:
            ws.cell(row=rows_by_ref(ws)["1.3.6.3"], column=RAG).value = value

        return change

    for name, value in (("ad-csc", "Green"), ("lscb-manager", "Red")):
        edit(sent / f"{name}.xlsx", status(value), in_tmp / f"{name}.xlsx")
        (sent / f"{name}.xlsx").unlink()
        libreoffice_resave(in_tmp / f"{name}.xlsx", sent)
    files = [sent / "ad-csc.xlsx", sent / "lscb-manager.xlsx"]
    if order == "lscb-manager first":
        files.reverse()
    before = snapshot(plans)
    for dry in ([], ["--dry-run"]):
        run = run_cli("collect", "apply", *files, "plans", *dry)
        assert run.code == 1
        assert snapshot(plans) == before
        lines = run.err.splitlines()
        assert (
            "  Updates!F9: "
            + JOINT_CONFLICT.format(
                other="returns/lscb-manager.xlsx",
                who="LSCB Manager",
                there="Updates!F5",
                mine="green",
                theirs="red",
            )
            in lines
        )
        assert (
            "  Updates!F5: "
            + JOINT_CONFLICT.format(
                other="returns/ad-csc.xlsx",
                who="AD CSC",
                there="Updates!F9",
                mine="red",
                theirs="green",
            )
            in lines
        )
        assert "plan now says" not in run.err
        assert (
            lines[-1] == "ragplan: error: 2 of 2 workbooks refused; nothing from them was applied"
        )
    status_run = run_cli("collect", "status", "returns", "plans")
    assert status_run.code == 0, status_run.err
    assert (
        "AD CSC: returned returns/ad-csc.xlsx: refused (1 problem); nothing from it was "
        "applied" in status_run.out.splitlines()
    )
    assert (
        "  Updates!F5: "
        + JOINT_CONFLICT.format(
            other="returns/ad-csc.xlsx",
            who="AD CSC",
            there="Updates!F9",
            mine="red",
            theirs="green",
        )
        in status_run.out.splitlines()
    )


def test_a_return_conflicting_with_an_applied_one_names_it_and_says_what_to_do(
    sent: Path, plans: Path
) -> None:
    def status(value: str) -> Any:
        def change(ws: Any) -> None:
            ws.cell(row=rows_by_ref(ws)["1.3.6.3"], column=RAG).value = value

        return change

    edit(sent / "ad-csc.xlsx", status("Green"))
    assert run_cli("collect", "apply", sent / "ad-csc.xlsx", "plans").code == 0
    edit(sent / "lscb-manager.xlsx", status("Red"))
    run = run_cli("collect", "apply", sent / "lscb-manager.xlsx", "plans")
    assert run.code == 1
    problem = run.err.splitlines()[1]
    assert problem.startswith(
        "  Updates!F5: conflict on 1.3.6.3 RAG Rating: the workbook says red, but the plan now "
        "says green, from returns/ad-csc.xlsx (AD CSC) applied "
    )
    assert problem.endswith(
        "(it was amber when sent). Next: if the workbook is right, run `ragplan set 1.3.6.3 "
        "--rag red` and apply this file again; if the plan is right, type green in "
        "Updates!F5 and apply it again"
    )
    assert actions(plans)["1.3.6.3"][0] == "green"


def test_a_file_that_cannot_be_read_stops_everything_with_exit_3(sent: Path, plans: Path) -> None:
    before = snapshot(plans)
    edit(sent / "ad-csc.xlsx", lambda ws: setattr(ws.cell(row=5, column=RAG), "value", "Green"))
    Path("notes.xlsx").write_text("not a workbook")
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "notes.xlsx", "plans")
    assert run.code == 3
    assert run.err == (
        "ragplan: error: notes.xlsx is not an .xlsx workbook (an .xlsx file is a zip archive); "
        "for a CSV file, name it .csv\n"
    )
    assert snapshot(plans) == before
    assert run_cli("collect", "apply", "missing.xlsx", "plans").code == 3
    Path("returns/~$ad-csc.xlsx").write_bytes(b"\x0bOwner")
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "returns/~$ad-csc.xlsx", "plans")
    assert run.code == 0
    assert run.err == "skipped returns/~$ad-csc.xlsx: Excel's lock file of an open workbook\n"


def test_status_lists_who_returned_what_it_changes_and_who_is_missing(
    sent: Path, plans: Path
) -> None:
    edit(sent / "ad-csc.xlsx", person_edits)
    edit(
        sent / "david-sadler.xlsx",
        lambda ws: setattr(ws.cell(row=5, column=RAG), "value", "Purple"),
        sent / "david-sadler (returned).xlsx",
    )
    run = run_cli("collect", "status", "returns", "plans")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].startswith("Returns in returns (sent ")
    assert lines[0].endswith("from plans): 2 of 9 back")
    assert lines[1:7] == [
        "AD CSC: returned returns/ad-csc.xlsx: 4 changes",
        *(EXPECTED_CHANGES[1:]),
    ]
    assert (
        "David Sadler: returned returns/david-sadler (returned).xlsx: refused (1 problem); "
        "nothing from it was applied" in lines
    )
    assert "Penny Yeadon: missing (penny-yeadon.xlsx not returned)" in lines
    assert lines[-1] == (
        "missing: AD CSC (AD SS), Alan Tucker, Cynthia Welbourn, Gary Cochrane, "
        "General Managers (CSC), LSCB Manager, Penny Yeadon"
    )


def test_a_workbook_sent_from_another_plan_is_refused(sent: Path, plans: Path) -> None:
    config = plans / "ragplan.yaml"
    config.write_text(
        config.read_text().replace("title: Post-Inspection Action Plan", "title: Other")
    )
    assert refused(sent, plans, lambda ws: None, "david-sadler.xlsx")[1] == (
        "  it was sent from the plan 'Post-Inspection Action Plan', not 'Other' in plans"
    )


# The export's record decides; an officer's later return supersedes their earlier one


def set_status(ref: str, value: str) -> Any:
    def change(ws: Any) -> None:
        ws.cell(row=rows_by_ref(ws)[ref], column=RAG).value = value

    return change


def test_a_corrected_return_from_the_same_officer_supersedes_the_applied_one(
    sent: Path, plans: Path, in_tmp: Path
) -> None:
    """AD CSC returns v1 (1.3.6.1 amber), it is applied; then sends v2, corrected (green),
    saved by LibreOffice: v2 is merged against v1, not refused as a conflict with itself."""
    edit(sent / "ad-csc.xlsx", set_status("1.3.6.1", "Amber"), sent / "ad-csc v1.xlsx")
    run = run_cli("collect", "apply", sent / "ad-csc v1.xlsx", "plans")
    assert run.code == 0, run.err
    edit(sent / "ad-csc.xlsx", set_status("1.3.6.1", "Green"), in_tmp / "ad-csc v2.xlsx")
    libreoffice_resave(in_tmp / "ad-csc v2.xlsx", sent)
    run = run_cli("collect", "apply", sent / "ad-csc v2.xlsx", "plans")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "returns/ad-csc v2.xlsx (AD CSC): 1 change",
        "  1.3.6.1: amber → green",
    ]
    assert actions(plans)["1.3.6.1"][0] == "green"
    again = run_cli("collect", "apply", sent / "ad-csc v1.xlsx", "plans")
    assert again.code == 0
    assert again.out.startswith("returns/ad-csc v1.xlsx (AD CSC): applied ")
    assert again.out.endswith("; nothing more to do\n")


def test_of_two_returns_from_one_officer_given_together_the_later_saved_counts(
    sent: Path, plans: Path
) -> None:
    import os

    edit(sent / "ad-csc.xlsx", set_status("1.3.6.1", "Amber"), sent / "ad-csc v1.xlsx")
    edit(sent / "ad-csc.xlsx", set_status("1.3.6.1", "Green"), sent / "ad-csc v2.xlsx")
    os.utime(sent / "ad-csc v1.xlsx", (1_700_000_000, 1_700_000_000))
    os.utime(sent / "ad-csc v2.xlsx", (1_700_000_100, 1_700_000_100))
    v1, v2 = sent / "ad-csc v1.xlsx", sent / "ad-csc v2.xlsx"
    for order in ([v2, v1], [v1, v2]):
        run = run_cli("collect", "apply", *order, "plans", "--dry-run")
        assert run.code == 0, run.err
        said = {
            v2: [
                "returns/ad-csc v2.xlsx (AD CSC): 1 change (dry run: not written)",
                "  1.3.6.1: red → green",
            ],
            v1: [
                "returns/ad-csc v1.xlsx (AD CSC): superseded by returns/ad-csc v2.xlsx, a later "
                "return from the same officer; not applied (dry run: not written)"
            ],
        }
        assert run.err.splitlines()[:3] == said[order[0]] + said[order[1]]


def forge(path: Path, change: Any) -> None:
    """Edit the hidden sheet and the Updates sheet, as someone forging a return would."""
    wb = openpyxl.load_workbook(path)
    change(wb["ragplan"], wb["Updates"])
    wb.save(path)


def test_a_return_claiming_another_officers_action_in_its_hidden_sheet_is_refused(
    sent: Path, plans: Path
) -> None:
    def add_other(hidden: Any, updates: Any) -> None:
        assert hidden.cell(row=19, column=1).value is None  # the hidden table ends at 18
        for col, value in enumerate(["1.1.5.2", "amber"], 1):
            hidden.cell(row=19, column=col).value = value
        updates.cell(row=11, column=2).value = "1.1.5.2"
        updates.cell(row=11, column=RAG).value = "Green"

    before = snapshot(plans)
    forge(sent / "ad-csc.xlsx", add_other)
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "plans")
    assert run.code == 1
    assert snapshot(plans) == before
    assert run.err.splitlines()[1] == (
        "  ragplan!A19: action 1.1.5.2 was not sent to AD CSC (returns/ragplan-collect.json "
        "lists 1.2.2.4, 1.3.2.4, 1.3.3.5, 1.3.6.1, 1.3.6.3, 8.3); the hidden 'ragplan' sheet "
        "was edited, so nothing from it is applied"
    )


def test_a_hidden_base_forged_to_the_plans_current_value_is_refused_naming_the_cell(
    sent: Path, plans: Path
) -> None:
    """The team set 1.3.6.1 green after the export; a return that rewrites its hidden base
    to green, to pass its amber over the team's change, is refused."""
    assert run_cli("set", "1.3.6.1", "plans", "--rag", "green").code == 0

    def rebase(hidden: Any, updates: Any) -> None:
        assert hidden.cell(row=16, column=1).value == "1.3.6.1"
        hidden.cell(row=16, column=2).value = "green"
        updates.cell(row=rows_by_ref(updates)["1.3.6.1"], column=RAG).value = "Amber"

    before = snapshot(plans)
    forge(sent / "ad-csc.xlsx", rebase)
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "plans")
    assert run.code == 1
    assert snapshot(plans) == before
    assert run.err.splitlines()[1] == (
        "  ragplan!B16: the hidden 'ragplan' sheet says the RAG Rating of 1.3.6.1 was sent as "
        "green, but returns/ragplan-collect.json records red; it was edited, so nothing from "
        "this return is applied"
    )


def test_the_export_folder_is_applied_whole_its_record_skipped_and_status_says_applied(
    sent: Path, plans: Path
) -> None:
    edit(sent / "ad-csc.xlsx", set_status("1.3.6.1", "Amber"))
    edit(sent / "alan-tucker.xlsx", set_status("1.2.5.1", "Green"))
    files = sorted(f"returns/{p.name}" for p in sent.iterdir())  # what the shell makes of returns/*
    assert "returns/ragplan-collect.json" in files
    run = run_cli("collect", "apply", *files, "plans")
    assert run.code == 0, run.err
    assert "returns/ad-csc.xlsx (AD CSC): 1 change" in run.out.splitlines()
    assert "returns/alan-tucker.xlsx (Alan Tucker): 1 change" in run.out.splitlines()
    again = run_cli("collect", "apply", "returns", "plans")  # the folder itself
    assert again.code == 0, again.err
    assert [line.split(": applied ")[0] for line in again.out.splitlines()] == [
        "returns/ad-csc.xlsx (AD CSC)",
        "returns/alan-tucker.xlsx (Alan Tucker)",
    ]
    status = run_cli("collect", "status", "returns", "plans")
    assert status.code == 0, status.err
    lines = status.out.splitlines()
    assert lines[0].endswith("2 of 9 back")
    assert [line.split(" applied ")[0] for line in lines if " applied " in line] == [
        "AD CSC: returned returns/ad-csc.xlsx:",
        "Alan Tucker: returned returns/alan-tucker.xlsx:",
    ]


# Returns saved in another format


def test_an_ods_return_is_received_but_unreadable_with_the_exact_step_that_fixes_it(
    sent: Path, plans: Path, in_tmp: Path
) -> None:
    """Penny Yeadon edits her workbook and saves it in LibreOffice's own format (.ods)."""
    import subprocess

    edit(sent / "penny-yeadon.xlsx", set_status("1.4.1", "Green"), in_tmp / "penny-yeadon.xlsx")
    ods = libreoffice_resave(in_tmp / "penny-yeadon.xlsx", sent, "ods")
    step = (
        "open it in LibreOffice Calc or Excel and save it as Excel 2007-365 (.xlsx) in the same "
        "folder, or run `soffice --headless --convert-to xlsx --outdir returns "
        "returns/penny-yeadon.ods`, then use the .xlsx"
    )
    status = run_cli("collect", "status", "returns", "plans")
    assert status.code == 0, status.err
    lines = status.out.splitlines()
    assert lines[0].endswith("1 of 9 back")
    assert lines[1:] == [
        "AD CSC: missing (ad-csc.xlsx not returned)",
        *lines[2:9],
        "Penny Yeadon: returned returns/penny-yeadon.ods: received, but ragplan cannot read it",
        "  returns/penny-yeadon.ods is an OpenDocument spreadsheet (.ods), which ragplan does "
        f"not read: {step}",
        lines[-1],
    ]
    run = run_cli("collect", "apply", ods, "plans")
    assert run.code == 3
    assert run.err == (
        "ragplan: error: returns/penny-yeadon.ods is an OpenDocument spreadsheet (.ods), which "
        f"ragplan does not read: {step}\n"
    )
    (sent / "penny-yeadon.xlsx").unlink()  # the sent copy, as a conversion would replace it
    program = step.split("`")[1].split()
    profile = f"-env:UserInstallation=file://{in_tmp}/.lo-profile-step"
    subprocess.run([program[0], profile, *program[1:]], capture_output=True, check=True)
    run = run_cli("collect", "apply", "returns", "plans")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "returns/penny-yeadon.xlsx (Penny Yeadon): 1 change",
        "  1.4.1: amber → green",
    ]


def test_an_xls_return_says_the_step_that_fixes_it(sent: Path, plans: Path, in_tmp: Path) -> None:
    edit(sent / "penny-yeadon.xlsx", set_status("1.4.1", "Green"), in_tmp / "penny-yeadon.xlsx")
    xls = libreoffice_resave(in_tmp / "penny-yeadon.xlsx", sent, "xls:MS Excel 97")
    run = run_cli("collect", "apply", xls, "plans")
    assert run.code == 3
    assert run.err == (
        "ragplan: error: returns/penny-yeadon.xls is an Excel 97-2003 (.xls) or password-"
        "protected workbook; save it as an Excel Workbook (.xlsx) without a password (open it "
        "in LibreOffice Calc or Excel and save it as Excel 2007-365 (.xlsx) in the same folder, "
        "or run `soffice --headless --convert-to xlsx --outdir returns returns/penny-yeadon.xls`"
        ", then use the .xlsx)\n"
    )


def test_workbook_names_transliterate_officers_names(plans: Path) -> None:
    for path in plans.glob("*.yaml"):
        text = path.read_text()
        text = text.replace("David Sadler", "Siân Ll. Jones").replace(
            "Alan Tucker", "Marc-André Dubois"
        )
        path.write_text(text)
    run = run_cli("collect", "export", "plans", "--out", "returns")
    assert run.code == 0, run.err
    manifest = json.loads(Path("returns/ragplan-collect.json").read_text())
    files = {w["for"]: w["file"] for w in manifest["workbooks"]}
    assert files["Siân Ll. Jones"] == "sian-ll-jones.xlsx"
    assert files["Marc-André Dubois"] == "marc-andre-dubois.xlsx"


def test_a_return_of_an_export_by_an_earlier_ragplan_applies_from_its_hidden_sheet(
    sent: Path, plans: Path
) -> None:
    """A round started before the record held the values sent (format 1) still applies,
    limited to the actions the record lists, and says where its base came from."""
    manifest = json.loads((sent / "ragplan-collect.json").read_text())
    manifest["format"] = 1
    for workbook in manifest["workbooks"]:
        del workbook["values"]
    (sent / "ragplan-collect.json").write_text(json.dumps(manifest))
    edit(sent / "ad-csc.xlsx", set_status("1.3.6.1", "Amber"))
    run = run_cli("collect", "apply", sent / "ad-csc.xlsx", "plans")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "returns/ad-csc.xlsx (AD CSC): 1 change",
        "  1.3.6.1: red → amber",
        "  note: returns/ragplan-collect.json was written by an earlier ragplan that did not "
        "record the values sent: those in the hidden 'ragplan' sheet were used",
    ]
