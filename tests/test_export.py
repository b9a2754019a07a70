"""`ragplan export`: the plan set as a workbook people can read in Excel."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
from conftest import EXAMPLE_PLANS, run_cli
from workbooks import libreoffice_resave

from ragplan.plansets import load_valid


def test_the_summary_sheet_holds_the_counts_summary_gives(in_tmp: Path) -> None:
    run = run_cli("export", EXAMPLE_PLANS, "-o", "plan.xlsx")
    assert (run.code, run.out) == (0, "wrote plan.xlsx\n")
    wb = openpyxl.load_workbook("plan.xlsx")
    summary = json.loads(run_cli("summary", EXAMPLE_PLANS, "--format", "json").out)
    ws = wb["Summary"]
    assert [c.value for c in ws[4]] == [
        "Theme",
        "Green",
        "Amber",
        "Red",
        "Total",
        "% done",
        "Overdue",
    ]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    expected = [
        [f"{t['id']} {t['title']}" if t["title"] else t["id"], *t["counts"].values(), t["total"]]
        for t in summary["themes"]
    ]
    expected.append(["All themes", *summary["counts"].values(), summary["total"]])
    assert [row[:5] for row in rows] == expected
    assert rows[-1][5] == 92  # % done, rounded down as summary rounds it


def test_a_sheet_per_theme_lists_its_actions_with_status_words_on_their_colours(
    in_tmp: Path,
) -> None:
    assert run_cli("export", EXAMPLE_PLANS, "-o", "plan.xlsx").code == 0
    wb = openpyxl.load_workbook("plan.xlsx")
    assert wb.sheetnames == [
        "Summary",
        "1.1 ICT Infrastructure and Resi",
        "1.2 ICS Programme and Functiona",
        "1.3 Improvements in Timeliness ",
        "1.4 Workforce Capacity Building",
        "6",
        "8",
    ]
    ws = wb["6"]
    row = next(r for r in ws.iter_rows(min_row=5) if r[1].value == "6.1")
    assert [c.value for c in row[:3]] == [
        "NYCC PCT",
        "6.1",
        "Establish working links between Elected Members of NYCC and members of PCT Board.",
    ]
    assert row[5].value == "Amber" and row[5].fill.fgColor.rgb == "00FFBF47"
    refs = [r[1].value for r in ws.iter_rows(min_row=5) if r[1].value]
    assert len(refs) == 19


def test_one_sheet_with_a_theme_column(in_tmp: Path) -> None:
    assert run_cli("export", EXAMPLE_PLANS, "-o", "plan.xlsx", "--layout", "single").code == 0
    ws = openpyxl.load_workbook("plan.xlsx")["Actions"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(load_valid(EXAMPLE_PLANS).actions()) == 162
    first = rows[0]
    assert first[:4] == (
        "1.1 ICT Infrastructure and Resilience",
        "1.1.1",
        None,
        "1.1.1.1",
    )


def test_text_that_could_run_as_a_formula_is_written_inert(in_tmp: Path) -> None:
    shutil.copytree(EXAMPLE_PLANS, "plans")
    path = Path("plans/8.yaml")
    path.write_text(path.read_text().replace("lead_body: NYCC / LSCB", "lead_body: '@SUM(A1:A9)'"))
    assert run_cli("export", "plans", "-o", "plan.xlsx").code == 0
    wb = openpyxl.load_workbook("plan.xlsx")
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    row = next(r for r in wb["8"].iter_rows(min_row=5) if r[1].value == "8.3")
    # Shown as written, with no ': a text cell, quote-prefixed as typing a leading ' makes it.
    assert (row[0].value, row[0].data_type, row[0].quotePrefix) == ("@SUM(A1:A9)", "s", True)
    saved = libreoffice_resave(Path("plan.xlsx"), in_tmp / "lo")
    row = next(
        r for r in openpyxl.load_workbook(saved)["8"].iter_rows(min_row=5) if r[1].value == "8.3"
    )
    assert (row[0].value, row[0].data_type) == ("@SUM(A1:A9)", "s")  # LibreOffice keeps it text


def test_the_workbook_must_be_named_xlsx(in_tmp: Path) -> None:
    run = run_cli("export", EXAMPLE_PLANS, "-o", "plan.csv")
    assert (run.code, run.err) == (
        2,
        "ragplan: error: --output 'plan.csv': name the workbook .xlsx\n",
    )
