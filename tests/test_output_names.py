"""An output file named for a kind of file no report comes in is refused, exit 2, and
nothing is written: plain text under a name that promises a workbook or a slide deck
would not open, and would look like a broken export."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("out/y.xlsx", "an Excel workbook (.xlsx)"),
        ("out/y.pptx", "a PowerPoint presentation (.pptx)"),
        ("out/y.odt", "a LibreOffice document (.odt)"),
        ("out/Y.RTF", "a rich text document (.rtf)"),
    ],
)
def test_summary_into_a_file_type_it_never_makes_is_refused(
    name: str, what: str, in_tmp: Path
) -> None:
    (in_tmp / "out").mkdir()
    run = run_cli("summary", EXAMPLE_PLANS, "-o", name)
    assert run.code == 2
    assert run.err.startswith(f"ragplan: error: --output {name}: summary does not come as {what}")
    assert "it comes as text, md, html, json, csv, docx, pdf" in run.err
    assert list((in_tmp / "out").iterdir()) == []


def test_a_typed_format_does_not_make_a_workbook_name_acceptable(in_tmp: Path) -> None:
    run = run_cli("outstanding", EXAMPLE_PLANS, "-f", "csv", "-o", "actions.xlsx")
    assert run.code == 2
    assert "outstanding does not come as an Excel workbook" in run.err
    assert "ragplan export writes the plan as a workbook" in run.err
    assert not (in_tmp / "actions.xlsx").exists()


@pytest.mark.parametrize("command", ["indicators", "history", "paper"])
def test_every_report_refuses_a_slide_deck(command: str, in_tmp: Path) -> None:
    run = run_cli(command, EXAMPLE_PLANS, "-o", "board.pptx")
    assert run.code == 2, run.err
    assert f"{command} does not come as a PowerPoint presentation" in run.err
    assert not (in_tmp / "board.pptx").exists()


def test_a_name_with_no_known_extension_is_still_plain_text(in_tmp: Path) -> None:
    assert run_cli("summary", EXAMPLE_PLANS, "-o", "summary.log").code == 0
    assert (
        (in_tmp / "summary.log")
        .read_text(encoding="utf-8")
        .startswith("162 actions: 150 green / 11 amber / 1 red\n")
    )
