"""Golden cases: each folder in tests/cases/ holds a plan set and its expected reports.

tests/cases/<name>/plans/ is the plan set; tests/cases/<name>/expected/<report>.<ext>
is what `ragplan <report> plans --format <format>` prints, run from the case
folder (`indicators` too, when the plans have an indicators/ folder). A case
with a then/ folder also checks `--since`: the test commits then/ as plans/ in a
new git repository, tags it board-2010-07, puts plans/ in its place, and
compares `ragplan <report> plans --since board-2010-07 --format <format>` with
expected/<report>-since.<ext>; then it commits plans/ too, tagged board-2010-09,
and compares `ragplan diff board-2010-07 plans` and `ragplan history plans` in
every format with expected/diff.<ext> and expected/history.<ext>. A Word
document's bytes change with every save, so its expected file, <report>.docx.txt, is
the document read back as text (tests/docxdump.py: each paragraph with its style, each
table with its cells' text and shading). The expected files were produced
by ragplan and checked by eye; after an intended change to the output,
regenerate them on purpose with

    RAGPLAN_REGENERATE=1 python -m pytest tests/test_golden.py

and review the diff before committing it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from conftest import run_cli
from docxdump import dump
from gitrepo import SINCE_TAG, since_repo

from ragplan.output.formats import kind_named

CASES = Path(__file__).parent / "cases"
FORMATS = {
    "md": "md",
    "json": "json",
    "csv": "csv",
    "html": "html",
    "text": "txt",
    "docx": "docx.txt",
}
REPORTS = ("summary", "outstanding")

PARAMS = [
    pytest.param(case, report, fmt, id=f"{case.name}-{report}-{fmt}")
    for case in sorted(p for p in CASES.iterdir() if (p / "plans").is_dir())
    for report in REPORTS
    for fmt in FORMATS
]
# `ragplan indicators` in every format, for the cases whose plans have indicators.
PARAMS += [
    pytest.param(case, "indicators", fmt, id=f"{case.name}-indicators-{fmt}")
    for case in sorted(p for p in CASES.iterdir() if (p / "plans" / "indicators").is_dir())
    for fmt in FORMATS
    if fmt in kind_named("indicators").formats
]

SINCE_PARAMS = [
    pytest.param(case, report, fmt, id=f"{case.name}-{report}-since-{fmt}")
    for case in sorted(p for p in CASES.iterdir() if (p / "then").is_dir())
    for report in REPORTS
    for fmt in FORMATS
]


@pytest.mark.parametrize(("case", "report", "fmt"), PARAMS)
def test_report_matches_expected(
    case: Path, report: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case)
    out = rendered(report, "plans", fmt=fmt)
    expected = case / "expected" / f"{report}.{FORMATS[fmt]}"
    if os.environ.get("RAGPLAN_REGENERATE"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_bytes(out.encode("utf-8"))
    assert out == expected.read_bytes().decode("utf-8")


HISTORY_FORMATS = {"md": "md", "json": "json", "html": "html", "text": "txt", "docx": "docx.txt"}


def rendered(*args: str, fmt: str) -> str:
    """What `ragplan ARGS --format FMT` prints; for a Word document, written to a file
    and read back as text."""
    if fmt != "docx":
        run = run_cli(*args, "--format", fmt)
        assert run.code == 0, run.err
        return run.out
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.docx"
        run = run_cli(*args, "--format", fmt, "-o", out)
        assert run.code == 0, run.err
        return dump(out)


HISTORY_PARAMS = [
    pytest.param(case, args, fmt, id=f"{case.name}-{args[0]}-{fmt}")
    for case in sorted(p for p in CASES.iterdir() if (p / "then").is_dir())
    for args in (("diff", SINCE_TAG), ("history",))
    for fmt in HISTORY_FORMATS
]


def _compare(out: str, expected: Path) -> None:
    if os.environ.get("RAGPLAN_REGENERATE"):
        expected.write_bytes(out.encode("utf-8"))
    assert out == expected.read_bytes().decode("utf-8")


@pytest.mark.parametrize(("case", "report", "fmt"), SINCE_PARAMS)
def test_report_since_matches_expected(case: Path, report: str, fmt: str, in_tmp: Path) -> None:
    since_repo(case, in_tmp)
    out = rendered(report, "plans", "--since", SINCE_TAG, fmt=fmt)
    _compare(out, case / "expected" / f"{report}-since.{FORMATS[fmt]}")


@pytest.mark.parametrize(("case", "args", "fmt"), HISTORY_PARAMS)
def test_diff_and_history_match_expected(
    case: Path, args: tuple[str, ...], fmt: str, in_tmp: Path
) -> None:
    since_repo(case, in_tmp, commit_now=True)
    out = rendered(args[0], *args[1:], "plans", fmt=fmt)
    _compare(out, case / "expected" / f"{args[0]}.{HISTORY_FORMATS[fmt]}")
