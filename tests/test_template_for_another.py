"""A template made for another report, used with --template, says so in words: which
report it was made for (when its name says), else which name it uses that this report
does not have. Exit 4, never a traceback (issue 25, item 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli

BUILT_IN = REPO / "templates"


def _restyled(in_tmp: Path, name: str, as_name: str | None = None) -> Path:
    """A built-in template copied into the plan folder's templates/, as a council does."""
    plans = in_tmp / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    (plans / "templates").mkdir()
    return Path(shutil.copy(BUILT_IN / name, plans / "templates" / (as_name or name)))


def test_summary_with_the_outstanding_word_template_names_the_report_it_is_for(
    in_tmp: Path,
) -> None:
    template = _restyled(in_tmp, "outstanding.docx")
    run = run_cli("summary", "plans", "--template", template, "-o", "s.docx")
    assert run.code == 4
    assert run.err == (
        "ragplan: error: plans/templates/outstanding.docx is a template for the outstanding "
        "report, not for summary (its name says so, and summary cannot fill it): use it with "
        "'ragplan outstanding', or give summary a template made for it (docs/templates.md "
        "lists the names each report's templates receive)\n"
    )
    assert not (in_tmp / "s.docx").exists()


@pytest.mark.parametrize(
    ("command", "template", "made_for"),
    [
        ("summary", "outstanding.md.j2", "outstanding"),
        ("indicators", "summary.md.j2", "summary"),
        ("outstanding", "indicators.txt.j2", "indicators"),
        ("summary", "diff.html.j2", "diff"),
        ("outstanding", "summary.docx", "summary"),
    ],
)
def test_every_mismatch_names_the_report_the_template_was_made_for(
    command: str, template: str, made_for: str, in_tmp: Path
) -> None:
    path = _restyled(in_tmp, template)
    out = ["-o", "out.docx"] if template.endswith(".docx") else []
    run = run_cli(command, "plans", "--template", path, *out)
    assert run.code == 4
    assert f"is a template for the {made_for} report, not for {command}" in run.err
    assert "object" not in run.err and "Traceback" not in run.err


def test_a_renamed_template_says_which_name_this_report_lacks(in_tmp: Path) -> None:
    # The summary's Markdown template saved as board.md.j2, then given to indicators.
    path = _restyled(in_tmp, "summary.md.j2", "board.md.j2")
    run = run_cli("indicators", "plans", "--template", path)
    assert run.code == 4
    assert run.err.startswith("ragplan: error: plans/templates/board.md.j2")
    assert "uses 'status' (of a RatingCount), which the indicators report does not have" in (
        run.err
    )
    assert "ragplan.reports" not in run.err


def test_a_renamed_word_template_says_which_name_this_report_lacks(in_tmp: Path) -> None:
    path = _restyled(in_tmp, "outstanding.docx", "board-appendix.docx")
    run = run_cli("summary", "plans", "--template", path, "-o", "s.docx")
    assert run.code == 4
    assert run.err == (
        "ragplan: error: plans/templates/board-appendix.docx: uses 'filters' (of a Summary), "
        "which the summary report does not have: a misspelt name, or a template made for "
        "another report? docs/templates.md lists the names each report's templates receive\n"
    )


def test_a_template_that_fits_its_report_still_renders(in_tmp: Path) -> None:
    path = _restyled(in_tmp, "outstanding.md.j2", "outstanding-board.md.j2")
    run = run_cli("outstanding", "plans", "--template", path)
    assert run.code == 0, run.err
    assert "1.1.5.2" in run.out
