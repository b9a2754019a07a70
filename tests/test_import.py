"""`ragplan import`: trackers nobody here wrote become valid plan sets, and every cell that
could not be used as it was is said, with where it is."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import EXAMPLE_PLANS, run_cli, snapshot, write_tree
from workbooks import FIRE_COUNTS, fire_tracker, libreoffice_resave

from ragplan.plansets import load_valid, validate


def imported(folder: Path) -> dict[str, object]:
    """The imported plan set's actions by id: (rag, due, lead officer, notes, theme)."""
    plan_set = load_valid(folder)
    return {
        a.id: (a.rag, a.due, a.lead_officer, a.notes, a.theme.id, a.section and a.section.id)
        for a in plan_set.actions()
    }


def test_a_fire_service_tracker_imports_into_a_valid_plan_set(in_tmp: Path) -> None:
    fire_tracker(in_tmp / "tracker.xlsx")
    run = run_cli("import", "tracker.xlsx", "--to", "plans")
    assert run.code == 0, run.err
    assert validate([in_tmp / "plans"]).problems == []  # as --strict wants: not even warnings
    plan_set = load_valid(in_tmp / "plans")
    assert (
        plan_set.config.title
        == "Borsetshire Fire and Rescue Service \u2013 HMICFRS Improvement Plan"
    )
    assert [(t.id, t.title) for t in plan_set.themes] == [
        ("1", "Understanding the risk of fire"),
        ("2", "People"),
        ("3", "Efficiency"),
    ]
    assert Counter(a.rag for a in plan_set.actions()) == FIRE_COUNTS
    scale = plan_set.config.scale
    assert [(s.key, s.label, s.done) for s in scale.statuses] == [
        ("complete", "Complete", True),
        ("on-track", "On track", False),
        ("off-track", "Off track", False),
        ("not-started", "Not started", False),
    ]
    actions = {a.id: a for a in plan_set.actions()}
    assert list(actions) == ["1.1", "1.2", "1.3", "1.10", "2.1", "2.2", "2.3", "3.1", "3.2"]
    assert actions["1.1"].due == date(2024, 3, 31)  # an Excel date
    assert actions["1.3"].due == date(2024, 9, 30)  # 30/09/2024, day first
    assert actions["2.2"].due == date(2024, 12, 31)  # Dec 2024: the month's last day
    assert actions["3.1"].due is None
    assert actions["3.1"].notes == "Scoping in quarter 2.\nDue: TBC"  # kept, never dropped
    assert actions["1.3"].notes == (
        "Data sharing agreement not yet signed.\nLegal review booked for May."
    )
    assert actions["2.1"].notes == "- cohort 1 started in April\n- cohort 2 in September"
    assert actions["2.1"].lead_officer == "Area Manager / Station Manager"


def test_the_import_says_what_it_did_and_every_cell_it_did_not_use(in_tmp: Path) -> None:
    fire_tracker(in_tmp / "tracker.xlsx")
    run = run_cli("import", "tracker.xlsx", "--to", "plans")
    lines = run.out.splitlines()
    assert lines[1] == "sheet Lookups is hidden; not read (read it with --sheet)"
    assert lines[0] == (
        "sheet 2024-25 Plan: header in row 4; columns Ref No. → id, Action → summary, "
        "Owner → lead_officer, Deadline → due, Status → rag, Update → notes"
    )
    assert "  Complete → complete (done): 3 actions" in lines
    assert "  Not started → not-started: 2 actions" in lines
    assert "  1 Understanding the risk of fire: 4 actions" in lines
    assert "  3 Efficiency: 2 actions" in lines
    unused = lines[lines.index("cells not used as they are (4):") + 1 :][:4]
    assert unused == [
        "  '2024-25 Plan'!A2: 'Position as at 30/04/2024' is above the header row; not read",
        "  '2024-25 Plan'!G4: column 'Budget (£k)' is not read (8 cells with values); "
        "read it with --map FIELD='Budget (£k)'",
        "  '2024-25 Plan'!D12: 'Dec 2024' names a month; read as 2024-12-31, its last day",
        "  '2024-25 Plan'!D15: 'TBC' is not a date (31/12/2010, 2010-12-31 or Dec 2010); "
        "kept in the notes as 'Due: TBC'",
    ]
    assert "9 actions in 3 themes imported from tracker.xlsx into plans" in lines
    assert run.out.endswith("wrote plans/3-efficiency.yaml\n")


def test_ids_yaml_would_misread_are_quoted_and_each_file_says_where_it_came_from(
    in_tmp: Path,
) -> None:
    fire_tracker(in_tmp / "tracker.xlsx")
    run_cli("import", "tracker.xlsx", "--to", "plans", "--title", "2024: yes")
    theme = (in_tmp / "plans" / "1-understanding-the-risk-of-fire.yaml").read_text()
    assert theme.startswith(
        "# Imported by ragplan from tracker.xlsx (sheet 2024-25 Plan, rows 6-9)"
    )
    assert '  - id: "1.10"\n' in theme
    assert yaml.safe_load(theme)["actions"][3]["id"] == "1.10"
    config = yaml.safe_load((in_tmp / "plans" / "ragplan.yaml").read_text())
    assert config["title"] == "2024: yes"  # quoted, so YAML reads the text


def test_dry_run_prints_the_files_and_writes_nothing(in_tmp: Path) -> None:
    fire_tracker(in_tmp / "tracker.xlsx")
    run = run_cli("import", "tracker.xlsx", "--to", "plans", "--dry-run")
    assert run.code == 0
    assert not (in_tmp / "plans").exists()
    assert "+++ plans/2-people.yaml\n" in run.out
    assert '+  - id: "2.3"\n' in run.out
    assert run.err.endswith("(dry run: nothing was written)\n")


def test_a_folder_holding_a_plan_set_is_refused_unless_forced(in_tmp: Path) -> None:
    fire_tracker(in_tmp / "tracker.xlsx")
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    before = snapshot(in_tmp / "plans")
    run = run_cli("import", "tracker.xlsx", "--to", "plans")
    assert run.code == 1
    assert (
        run.err == "ragplan: error: plans already holds a plan set; use --force to write into it\n"
    )
    assert snapshot(in_tmp / "plans") == before  # the lock aside, nothing written
    for path in (in_tmp / "plans").glob("*.yaml"):
        path.unlink()
    shutil.rmtree(in_tmp / "plans" / "indicators")
    (in_tmp / "plans" / "notes.txt").write_text("kept")
    assert run_cli("import", "tracker.xlsx", "--to", "plans").code == 0  # no plan set there now
    assert run_cli("import", "tracker.xlsx", "--to", "plans", "--force").code == 0
    assert (in_tmp / "plans" / "notes.txt").read_text() == "kept"


SEED_APPENDIX_B = """\
POST-INSPECTION ACTION PLAN: OUTSTANDING ACTIONS (SEPT 2010)
Lead Body,,Key Actions Summary (with end date),Lead Officer,RAG Rating,Notes
1.1: ICT Infrastructure and Resilience,,,David Sadler,,
1.1.5 Telephone Resilience,,,,,
NYCC,1.1.5.2,A total review of the telephone set up,David Sadler,Amber,Corporate ICT to update.
1.3 Improvements in Timeliness of Assessments,,,AD CSC,,
1.3.6 Quality Assurance,,,,,
NYCC,1.3.6.1,IRO Managers to report quarterly,AD CSC,Red,This will be progressed.
NYCC,1.3.6.3,Multi-agency evaluation,AD CSC / LSCB Manager,Amber,To be carried forward.
1.4 Workforce Capacity Building,,,AD CSC / Penny Yeadon,,
NYCC,1.4.1,Reconfigure the teams,General Managers (CSC)/ Penny Yeadon,Amber,Teams switched.
6,,,AD CSC,,
NYCC PCT,6.1,Establish working links,Cynthia Welbourn,Green,Done in 2010.
"""


def test_the_seeds_appendix_b_layout_imports_onto_the_seeds_scale(in_tmp: Path) -> None:
    """Heading rows that hold only a title (and the theme's lead officer), a Ref column
    with no heading, and the scale of an existing ragplan.yaml."""
    write_tree(in_tmp, {"appendix-b.csv": SEED_APPENDIX_B})
    run = run_cli(
        "import", "appendix-b.csv", "--to", "plans", "--scale", EXAMPLE_PLANS / "ragplan.yaml"
    )
    assert run.code == 0, run.err
    assert (
        "sheet appendix-b.csv: column B has no heading, but its values are refs such as "
        "1.1.5.2: read as the ref" in run.out
    )
    plan_set = load_valid(in_tmp / "plans")
    assert [(t.id, t.title, t.lead_officer) for t in plan_set.themes] == [
        ("1.1", "ICT Infrastructure and Resilience", "David Sadler"),
        ("1.3", "Improvements in Timeliness of Assessments", "AD CSC"),
        ("1.4", "Workforce Capacity Building", "AD CSC / Penny Yeadon"),
        ("6", None, "AD CSC"),
    ]
    assert imported(in_tmp / "plans")["1.3.6.1"] == (
        "red",
        None,
        "AD CSC",
        "This will be progressed.",
        "1.3",
        "1.3.6",
    )
    sections = [(s.id, s.title) for t in plan_set.themes for s in t.sections]
    assert sections == [("1.1.5", "Telephone Resilience"), ("1.3.6", "Quality Assurance")]
    assert plan_set.config.scale == load_valid(EXAMPLE_PLANS).config.scale


def test_a_status_that_matches_no_status_of_the_given_scale_is_an_error_naming_its_cell(
    in_tmp: Path,
) -> None:
    write_tree(in_tmp, {"b.csv": SEED_APPENDIX_B.replace("Red,This", "Purple,This")})
    run = run_cli("import", "b.csv", "--to", "plans", "--scale", EXAMPLE_PLANS / "ragplan.yaml")
    assert run.code == 1
    assert run.err.splitlines() == [
        "b.csv!E8: 'Purple' is not a status of the scale in "
        f"{EXAMPLE_PLANS / 'ragplan.yaml'}; use one of: Green, Amber, Red",
        "ragplan: error: 1 status match nothing in the scale; nothing was written",
    ]
    assert not (in_tmp / "plans").exists()


@pytest.mark.parametrize(
    ("encoding", "bom", "said"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", b"\xef\xbb\xbf", "UTF-8 with a byte-order mark"),
        ("cp1252", b"", "Windows-1252 (not UTF-8)"),
    ],
)
def test_csv_encodings_are_detected_and_said(
    in_tmp: Path, encoding: str, bom: bytes, said: str
) -> None:
    text = (
        "Ref,Action,Owner,Target date,RAG,Comments\r\n"
        "1.1,Agree the \u00a32m budget,Ms O\u2019Hara,31/03/2011,Green,\u201cSigned off\u201d\r\n"
        "1.2,Caf\u00e9 staff trained,Team lead,2011-06-30,Amber,Half done\r\n"
    )
    (in_tmp / "t.csv").write_bytes(bom + text.encode(encoding))
    run = run_cli("import", "t.csv", "--to", "plans", "--done", "Green")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == f"read t.csv as {said}"
    got = imported(in_tmp / "plans")
    assert got["1.1"] == (
        "green",
        date(2011, 3, 31),
        "Ms O\u2019Hara",
        "\u201cSigned off\u201d",
        "1",
        None,
    )
    assert load_valid(in_tmp / "plans").actions()[0].summary == "Agree the \u00a32m budget"


def test_map_names_columns_the_usual_names_miss_and_sheet_picks_one(in_tmp: Path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "Read me"
    notes["A1"] = "Instructions: update column E monthly"
    plan = wb.create_sheet("Tracker")
    plan.append(["Item", "What we will do", "Who", "When", "Position", "Narrative"])
    plan.append(["A1", "Recruit two analysts", "Head of BI", "31/12/2024", "Done", "Both started."])
    wb.save(in_tmp / "t.xlsx")
    run = run_cli("import", "t.xlsx", "--to", "plans", "--sheet", "Tracker",
                  "--map", "summary=What we will do", "--map", "rag=Position", "--map", "id=A",
                  "--map", "lead_officer=Who", "--map", "due=When")  # fmt: skip
    assert run.code == 0, run.err
    assert (
        "columns Item → id, What we will do → summary, Who → lead_officer, When → due, "
        "Position → rag, Narrative → notes" in run.out
    )
    # "A1" is not numbered under a theme: it is written under theme 1, and said.
    assert "'Tracker'!A2: ref A1 is not numbered under theme 1; written as 1.A1" not in run.out
    assert "Tracker!A2: ref A1 is not numbered under theme 1; written as 1.A1" in run.out
    assert imported(in_tmp / "plans")["1.A1"][0] == "done"


def test_a_column_named_by_map_that_is_not_there_is_a_usage_error(in_tmp: Path) -> None:
    fire_tracker(in_tmp / "tracker.xlsx")
    run = run_cli("import", "tracker.xlsx", "--to", "plans", "--map", "rag=Progres")
    assert run.code == 2
    assert run.err == (
        "ragplan: error: --map 'Progres' (for rag) is no column heading of sheet 2024-25 Plan\n"
    )


def test_outstanding_actions_without_notes_are_refused_with_their_cells_unless_allowed(
    in_tmp: Path,
) -> None:
    write_tree(
        in_tmp,
        {
            "t.csv": "Ref,Action,Status,Notes\n1.1,Write the plan,In progress,\n"
            "1.2,Agree it,Complete,\n"
        },
    )
    run = run_cli("import", "t.csv", "--to", "plans")
    assert run.code == 1
    assert run.err.splitlines() == [
        "t.csv!D2: [warning] action 1.1 is in-progress but has no notes; an exception report "
        "needs them (missing-notes)",
        "ragplan: error: the imported plan set would have 1 warning under `ragplan validate "
        "--strict`; nothing was written; fill in those cells, or give --allow-warnings to "
        "import anyway",
    ]
    assert not (in_tmp / "plans").exists()
    run = run_cli("import", "t.csv", "--to", "plans", "--allow-warnings")
    assert run.code == 0
    assert (
        "  t.csv!D2: [warning] action 1.1 is in-progress but has no notes; an exception "
        "report needs them (missing-notes)" in run.out.splitlines()
    )


def test_a_row_with_no_status_or_no_action_stops_the_import_naming_its_cell(in_tmp: Path) -> None:
    write_tree(
        in_tmp,
        {"t.csv": "Ref,Action,Status,Notes\n1.1,Write the plan,,Started\n1.2,,Red,Why\n"},
    )
    run = run_cli("import", "t.csv", "--to", "plans")
    assert run.code == 1
    assert run.err.splitlines()[:2] == [
        "t.csv!C2: action 'Write the plan' has no status",
        "t.csv!B3: this row has a status or notes but no action text; fill it in, or delete "
        "the row",
    ]


def test_refs_excel_turned_into_numbers_are_caught_as_duplicates(in_tmp: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ref", "Action", "Status", "Notes"])
    ws.append([1.1, "First", "Done", "x"])
    ws.append([1.10, "Tenth: typed 1.10, stored as the number 1.1", "Done", "y"])
    wb.save(in_tmp / "t.xlsx")
    run = run_cli("import", "t.xlsx", "--to", "plans")
    assert run.code == 1
    assert run.err.splitlines()[0] == (
        "Sheet!A3: ref 1.1 is also the ref of Sheet!A2; the column holds numbers, so 1.10 "
        "reads as 1.1: format it as text"
    )


def test_formulas_are_never_calculated_their_stored_values_are_used_and_said(
    in_tmp: Path,
) -> None:
    """A tracker whose status is worked out by a formula, saved by LibreOffice, which stores
    each formula's value as Excel does."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ref", "Action", "Due", "Status", "Notes"])
    ws.append(["1.1", "Done thing", "2010-01-31", '=IF(C2<"2011-01-01","Complete","Open")', "ok"])
    ws.append(["1.2", '="Joined "&"text"', "2012-01-31", "Open", "later"])
    wb.save(in_tmp / "formulas.xlsx")
    saved = libreoffice_resave(in_tmp / "formulas.xlsx", in_tmp / "saved")
    run = run_cli("import", saved, "--to", "plans")
    assert run.code == 0, run.err
    assert (
        'Sheet!D2: holds a formula (=IF(C2<"2011-01-01","Complete","Open")); its '
        "stored value 'Complete' was used (ragplan never calculates formulas)" in run.out
    )
    assert imported(in_tmp / "plans")["1.1"][0] == "complete"
    assert load_valid(in_tmp / "plans").actions()[1].summary == "Joined text"


@pytest.mark.parametrize("layout", ["sheets", "single"])
def test_an_exported_plan_imports_back_as_it_was(in_tmp: Path, layout: str) -> None:
    """`export` then `import`: the same themes, sections and actions, field for field."""
    assert run_cli("export", EXAMPLE_PLANS, "-o", "plan.xlsx", "--layout", layout).code == 0
    run = run_cli("import", "plan.xlsx", "--to", "again", "--scale", EXAMPLE_PLANS / "ragplan.yaml")
    assert run.code == 0, run.err
    assert "sheet Summary: no header row of an action plan; not read" in run.out

    def shape(folder: Path) -> tuple[object, ...]:
        plan_set = load_valid(folder)
        themes = [(t.id, t.title, [(s.id, s.title) for s in t.sections]) for t in plan_set.themes]
        fields = [
            (
                a.id,
                a.rag,
                a.summary,
                a.notes,
                a.due,
                a.lead_body,
                a.lead_officer or a.theme.lead_officer,
            )
            for a in plan_set.actions()
        ]
        return themes, fields

    assert shape(in_tmp / "again") == shape(EXAMPLE_PLANS)


def test_the_board_papers_appendix_b_pasted_as_text_imports_as_the_paper_counts(
    in_tmp: Path,
) -> None:
    """Appendix B of the seed's board paper, as its text came (tab-separated, with blank
    lines, a title line, a Ref column with no heading): the 12 outstanding actions."""
    source = Path(__file__).parent / "sheets" / "appendix-b.txt"
    run = run_cli("import", source, "--to", "plans", "--scale", EXAMPLE_PLANS / "ragplan.yaml")
    assert run.code == 0, run.err
    plan_set = load_valid(in_tmp / "plans")
    assert plan_set.config.title == "POST-INSPECTION ACTION PLAN: OUTSTANDING ACTIONS (SEPT 2010)"
    assert Counter(a.rag for a in plan_set.actions()) == {"amber": 11, "red": 1}
    seed = {a.id: a for a in load_valid(EXAMPLE_PLANS).actions()}
    for action in plan_set.actions():
        was = seed[action.id]
        assert (action.rag, action.summary, action.notes, action.lead_body) == (
            was.rag,
            was.summary,
            was.notes,
            was.lead_body,
        )
        assert action.theme.id == was.theme.id


def test_lead_officers_merged_down_their_rows_belong_to_every_row_and_are_said(
    in_tmp: Path,
) -> None:
    """An officer merges Owner down the actions one person leads, and saves in LibreOffice:
    every action of the block gets the lead officer, and the import says it spread them."""
    fire_tracker(in_tmp / "tracker.xlsx")
    wb = openpyxl.load_workbook(in_tmp / "tracker.xlsx")
    ws = wb["2024-25 Plan"]
    assert [ws.cell(row=r, column=1).value for r in (6, 7, 12, 13)] == ["1.1", "1.2", "2.2", "2.3"]
    ws.merge_cells("C6:C7")  # Head of Prevention over 1.1 and 1.2
    ws.merge_cells("C12:C13")  # HR Business Partner over 2.2 and 2.3
    wb.save(in_tmp / "merged.xlsx")
    saved = libreoffice_resave(in_tmp / "merged.xlsx", in_tmp / "lo")
    assert openpyxl.load_workbook(saved)["2024-25 Plan"]["C7"].value is None  # as LO keeps it
    run = run_cli("import", saved, "--to", "plans")
    assert run.code == 0, run.err
    leads = {ident: lead for ident, (_, _, lead, *_) in imported(in_tmp / "plans").items()}
    assert leads["1.1"] == leads["1.2"] == "Head of Prevention"
    assert leads["2.2"] == leads["2.3"] == "HR Business Partner"
    assert "  '2024-25 Plan'!C6:C7: merged cell 'Head of Prevention' read for each of rows 6-7" in (
        run.out.splitlines()
    )
    assert (
        "  '2024-25 Plan'!C12:C13: merged cell 'HR Business Partner' read for each of rows 12-13"
        in run.out.splitlines()
    )
    export = run_cli("collect", "export", "plans", "--out", "returns", "--all")
    assert export.code == 0, export.err
    assert not Path("returns/no-lead-officer.xlsx").exists()


def test_dates_as_uk_trackers_write_them_and_as_libreoffices_csv_saves_them(in_tmp: Path) -> None:
    """Deadlines typed as Mar-24, Sep-24, 31/03/2024, and a date cell, saved by LibreOffice
    as CSV (which writes the date cell as 2024-06-30 0:00:00): all read as dates, a month
    as its last day, said in the report; none pushed into the notes."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ref", "Action", "Owner", "Deadline", "Status", "Update"])
    rows = [
        ("1.1", "Agree the dashboard", "Head of Performance", "Mar-24", "Complete", "Done."),
        ("1.2", "Publish the annual report", "Head of Performance", "Sep-24", "On track", "Draft."),
        ("1.3", "Train the team leaders", "Head of HR", "31/03/2024", "On track", "Booked."),
        (
            "1.4",
            "Move to the new tracker",
            "Head of HR",
            datetime(2024, 6, 30),
            "On track",
            "Soon.",
        ),
    ]
    for row in rows:
        ws.append(list(row))
    wb.save(in_tmp / "tracker.xlsx")
    csv = libreoffice_resave(
        in_tmp / "tracker.xlsx", in_tmp / "lo", "csv:Text - txt - csv (StarCalc):44,34,76"
    )
    assert "2024-06-30 0:00:00" in csv.read_text()  # how LibreOffice writes the date cell
    run = run_cli("import", csv, "--to", "plans")
    assert run.code == 0, run.err
    got = {
        ident: (due, notes) for ident, (_, due, _, notes, *_) in imported(in_tmp / "plans").items()
    }
    assert got == {
        "1.1": (date(2024, 3, 31), "Done."),
        "1.2": (date(2024, 9, 30), "Draft."),
        "1.3": (date(2024, 3, 31), "Booked."),
        "1.4": (date(2024, 6, 30), "Soon."),
    }
    lines = run.out.splitlines()
    assert "  tracker.csv!D2: 'Mar-24' names a month; read as 2024-03-31, its last day" in lines
    assert "  tracker.csv!D3: 'Sep-24' names a month; read as 2024-09-30, its last day" in lines


def test_spellings_of_one_status_word_become_one_status_and_the_import_says_so(
    in_tmp: Path,
) -> None:
    fire_tracker(in_tmp / "tracker.xlsx")
    wb = openpyxl.load_workbook(in_tmp / "tracker.xlsx")
    ws = wb["2024-25 Plan"]
    assert (ws["A13"].value, ws["E13"].value) == ("2.3", "Complete")
    ws["E13"] = "Completed"
    wb.save(in_tmp / "spelt.xlsx")
    saved = libreoffice_resave(in_tmp / "spelt.xlsx", in_tmp / "lo")
    run = run_cli("import", saved, "--to", "plans")
    assert run.code == 0, run.err
    scale = load_valid(in_tmp / "plans").config.scale
    assert [(s.key, s.label, s.done) for s in scale.statuses if s.done] == [
        ("complete", "Complete", True)
    ]
    assert imported(in_tmp / "plans")["2.3"][0] == "complete"
    assert (
        "  Complete (also written Completed; one status for them all) → complete (done): "
        "3 actions" in run.out.splitlines()
    )


def test_a_workbook_of_two_plan_sheets_takes_its_title_from_a1(in_tmp: Path) -> None:
    """Two sheets, one per theme, each with the council's title in A1 above its header, saved
    by LibreOffice: the title is A1's, said in the report, not the file name."""
    title = "Wessex Council \u2013 Children's Services Improvement Plan 2024/25"
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "1 Leadership"
    second = wb.create_sheet("2 Practice")
    for ws, prefix in ((first, "1"), (second, "2")):
        ws["A1"] = title
        ws.append([])
        ws.append(["Ref", "Action", "Lead Officer", "Status", "Notes"])
        ws.append(
            [f"{prefix}.1", "Agree the practice standards", "Head of Service", "Complete", "Done."]
        )
        ws.append([f"{prefix}.2", "Audit the case files", "Head of Service", "On track", "Half."])
    wb.save(in_tmp / "wessex.xlsx")
    saved = libreoffice_resave(in_tmp / "wessex.xlsx", in_tmp / "lo")
    run = run_cli("import", saved, "--to", "plans")
    assert run.code == 0, run.err
    assert load_valid(in_tmp / "plans").config.title == title
    assert (
        f"plan title: '{title}' (from '1 Leadership'!A1; set another with --title)"
        in run.out.splitlines()
    )
    assert "is above the header row" not in run.out  # the second sheet's copy is the same title
