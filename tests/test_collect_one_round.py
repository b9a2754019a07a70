"""A returned workbook's every problem is said in one run: each round trip is another
email to an officer (issue 25, item 7). The returns are edited, then saved by LibreOffice,
as officers send them back."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import EXAMPLE_PLANS, run_cli, snapshot
from workbooks import libreoffice_resave


@pytest.fixture
def sent(in_tmp: Path) -> Path:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    run = run_cli("collect", "export", "plans", "--out", "returns")
    assert run.code == 0, run.err
    return in_tmp / "returns"


def _returned(sent: Path, change: Any) -> Path:
    """AD CSC's workbook edited by `change`, then opened and saved by LibreOffice."""
    wb = openpyxl.load_workbook(sent / "ad-csc.xlsx")
    change(wb["Updates"])
    edited = sent.parent / "edited" / "ad-csc.xlsx"
    edited.parent.mkdir()
    wb.save(edited)
    saved = libreoffice_resave(edited, sent.parent / "saved")
    return Path(shutil.copy(saved, sent / "ad-csc.xlsx"))


def test_two_bad_statuses_and_an_emptied_note_are_all_reported_at_once(sent: Path) -> None:
    def officer(ws: Any) -> None:
        ws["F5"] = "Nearly done"  # 1.2.2.4, typed over the list
        ws["F6"] = "Purple"  # 1.3.2.4
        ws["G7"] = None  # 1.3.3.5's notes, cleared

    path = _returned(sent, officer)
    before = snapshot(sent.parent / "plans")
    run = run_cli("collect", "apply", path, "plans")
    assert run.code == 1
    assert run.err.splitlines() == [
        "returns/ad-csc.xlsx (AD CSC): refused (3 problems); nothing from it was applied",
        "  Updates!F5: 'Nearly done' is not a RAG Rating (typed or pasted over the list?); "
        "use one of: Green, Amber, Red",
        "  Updates!F6: 'Purple' is not a RAG Rating (typed or pasted over the list?); use one "
        "of: Green, Amber, Red",
        "  Updates!G7: the Notes of 1.3.3.5 was emptied; ragplan does not remove a value from "
        "a return: put it back, or write what replaces it",
        "ragplan: error: 1 of 1 workbook refused; nothing from it was applied",
    ]
    assert snapshot(sent.parent / "plans") == before
    status = run_cli("collect", "status", sent, "plans")
    assert "refused (3 problems)" in status.out
    assert "Updates!G7: the Notes of 1.3.3.5 was emptied" in status.out


def test_an_invalid_date_does_not_hide_a_change_to_a_locked_column(sent: Path) -> None:
    def officer(ws: Any) -> None:
        ws["D8"] = "next spring"  # 1.3.6.1's due date
        ws["C9"] = "Multi-agency audit, rewritten by the officer"  # a locked column

    path = _returned(sent, officer)
    run = run_cli("collect", "apply", path, "plans")
    assert run.code == 1
    lines = run.err.splitlines()
    assert lines[0] == (
        "returns/ad-csc.xlsx (AD CSC): refused (1 problem); nothing from it was applied"
    )
    assert lines[1].startswith("  Updates!D8: 'next spring' is not a date")
    assert lines[2] == (
        "  note: Updates!C9: the summary of 1.3.6.3 was changed in the workbook; "
        "only RAG Rating, Notes and Due are read back, so it was not applied"
    )
