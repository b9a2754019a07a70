"""Workbooks made the way people make them, for the spreadsheet tests: a tracker nobody
here wrote, a returned workbook edited by hand, and a file saved by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from conftest import require
from openpyxl.styles import Alignment, Font, PatternFill

# Every action row of the fire service tracker below: ref, action, owner, deadline,
# status, update. Refs are text, as a careful officer formats the column.
FIRE_PRIORITIES: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "Priority 1 \u2013 Understanding the risk of fire",
        [
            ("1.1", "Refresh the community risk management plan", "Head of Prevention",
             datetime(2024, 3, 31), "Complete", "Approved by the Fire Authority in March."),
            ("1.2", "Map high-rise premises with external wall systems", "Area Manager Protection",
             datetime(2024, 6, 30), "On track", "62 of 80 premises mapped."),
            ("1.3", "Share risk data with the ambulance trust", "Head of ICT",
             "30/09/2024", "Off track",
             "Data sharing agreement not yet signed.\nLegal review booked for May."),
            ("1.10", "Publish the risk methodology", "Head of Prevention",
             datetime(2024, 12, 31), "Not started", "Waiting for 1.3."),
        ],
    ),
    (
        "Priority 2 \u2013 People",
        [
            ("2.1", "Introduce a leadership programme for supervisory managers",
             "Area Manager / Station Manager", datetime(2024, 9, 1), "On track",
             "- cohort 1 started in April\n- cohort 2 in September"),
            ("2.2", "Complete the equality impact assessments", "HR Business Partner",
             "Dec 2024", "Off track", "Two of six directorates done."),
            ("2.3", "Launch the wellbeing strategy", "Head of HR",
             datetime(2023, 11, 30), "Complete", None),
        ],
    ),
    (
        "Priority 3 \u2013 Efficiency",
        [
            ("3.1", "Review the on-call duty system", "Area Manager Response",
             "TBC", "Not started", "Scoping in quarter 2."),
            ("3.2", "Move fleet maintenance to the shared workshop", "Head of Fleet",
             datetime(2024, 4, 30), "Complete", "Moved in April."),
        ],
    ),
]  # fmt: skip
FIRE_COUNTS = {"complete": 3, "on-track": 2, "off-track": 2, "not-started": 2}


def fire_tracker(path: Path) -> Path:
    """A fire and rescue service's improvement tracker, laid out unlike the seed: a title
    row, an 'as at' line, merged priority headings, Owner/Status/Update columns, Excel
    dates, an extra Budget column, and a hidden sheet of lookup lists."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2024-25 Plan"
    ws["A1"] = "Borsetshire Fire and Rescue Service \u2013 HMICFRS Improvement Plan"
    ws["A1"].font = Font(size=16, bold=True)
    ws.merge_cells("A1:G1")
    ws["A2"] = "Position as at 30/04/2024"
    headings = ["Ref No.", "Action", "Owner", "Deadline", "Status", "Update", "Budget (\u00a3k)"]
    for col, heading in enumerate(headings, 1):
        cell = ws.cell(row=4, column=col, value=heading)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", start_color="C00000")
    row = 5
    for heading, actions in FIRE_PRIORITIES:
        ws.cell(row=row, column=1, value=heading).font = Font(bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        row += 1
        for number, action in enumerate(actions):
            for col, value in enumerate(action, 1):
                cell = ws.cell(row=row, column=col, value=value)
                cell.alignment = Alignment(wrap_text=True)
                if isinstance(value, datetime):
                    cell.number_format = "dd/mm/yyyy"
            ws.cell(row=row, column=7, value=[12, 0, 5.5, None][number % 4])
            row += 1
    lookups = wb.create_sheet("Lookups")
    for r, value in enumerate(["Status", "Complete", "On track", "Off track", "Not started"], 1):
        lookups.cell(row=r, column=1, value=value)
    lookups.sheet_state = "hidden"
    wb.save(path)
    return path


def soffice() -> str:
    """The LibreOffice program, or skip the test that needs it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        require("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
    assert found is not None
    return found


def libreoffice_resave(path: Path, out: Path, to: str = "xlsx:Calc MS Excel 2007 XML") -> Path:
    """`path` opened and saved again by LibreOffice headless, into folder `out`: as .xlsx,
    or in the format `to` names (`ods`, `xls:MS Excel 97`), as an officer's Save As does."""
    program = soffice()
    out.mkdir(parents=True, exist_ok=True)
    profile = out.parent / f".lo-profile-{out.name}"
    done = subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    saved = out / (path.stem + "." + to.split(":")[0])
    if done.returncode != 0 or not saved.exists():
        if "calc" in (done.stderr + done.stdout).lower() or not saved.exists():
            require(f"LibreOffice could not save as {to} (is Calc installed?): {done.stderr}")
    return saved


def rows_by_ref(ws: Any, ref_col: int = 2, first: int = 5) -> dict[str, int]:
    """The row of each ref in an Updates sheet."""
    return {
        str(ws.cell(row=r, column=ref_col).value): r
        for r in range(first, ws.max_row + 1)
        if ws.cell(row=r, column=ref_col).value is not None
    }
