"""Every HTML report meets WCAG 2.2 A and AA as far as axe-core can tell, reflows on a
320-pixel screen (wide tables scroll inside their own region, the page does not), and
keeps its chart text inside its chart.

axe-core and puppeteer-core come from tests/a11y/package-lock.json (`npm ci` in
tests/a11y, which .ci/run does); the browser is Debian's Chromium. Skipped with the
reason where they are missing, failed under RAGPLAN_REQUIRE_TOOLS=1.
"""

from __future__ import annotations

from pathlib import Path

import axe
import pytest
from conftest import EXAMPLE_PLANS, REPO, require, run_cli
from gitrepo import SINCE_TAG, since_repo
from plansets import hostile_plans, wide_plans

BRAG = REPO / "tests" / "cases" / "brag" / "plans"
SINCE_CASE = REPO / "tests" / "cases" / "since"
RATED = REPO / "tests" / "cases" / "indicators" / "plans"  # indicators with targets
SPC = REPO / "examples" / "spc"  # XmR charts and MDC icons


@pytest.fixture(autouse=True)
def _needs_axe() -> None:
    require(axe.missing())


def _write(out: Path, name: str, *args: str | Path) -> Path:
    path = out / f"{name}.html"
    run = run_cli(*args, "--format", "html", "-o", path)
    assert run.code == 0, run.err
    return path


def every_report(tmp: Path) -> list[Path]:
    """Each HTML report, in each shape it takes: filtered and not, with and without
    --since, grouped every way, for the example plans, a scale of four and one of six
    statuses with long labels, and a plan set whose every field is an attack; indicators
    rated and not, the SPC example's XmR charts, and the example's whole board paper."""
    out = tmp / "reports"
    out.mkdir()
    pages = [
        _write(out, "summary", "summary", EXAMPLE_PLANS),
        _write(out, "summary-by-lead", "summary", EXAMPLE_PLANS, "--by", "lead_officer"),
        _write(out, "summary-by-body", "summary", EXAMPLE_PLANS, "--by", "lead_body"),
        _write(out, "outstanding", "outstanding", EXAMPLE_PLANS),
        _write(out, "filtered", "outstanding", EXAMPLE_PLANS, "--status", "red", "--theme", "1.3"),
        _write(out, "none", "outstanding", EXAMPLE_PLANS, "--theme", "1.1", "--status", "red"),
        _write(out, "brag-summary", "summary", BRAG),
        _write(out, "brag-outstanding", "outstanding", BRAG, "--overdue"),
    ]
    pages += [
        _write(out, "indicators", "indicators", EXAMPLE_PLANS),
        _write(out, "indicators-rated", "indicators", RATED),
        _write(out, "summary-indicators", "summary", RATED),
        _write(out, "paper", "paper", EXAMPLE_PLANS / "papers" / "board-2010-09.md"),
        _write(out, "indicators-spc", "indicators", SPC),
        _write(out, "summary-spc", "summary", SPC),
    ]
    hostile = hostile_plans(tmp / "hostile")
    pages += [_write(out, f"hostile-{r}", r, hostile) for r in ("summary", "outstanding")]
    wide = wide_plans(tmp / "wide")
    pages += [_write(out, f"wide-{r}", r, wide) for r in ("summary", "outstanding")]
    since = tmp / "repo"
    since.mkdir()
    since_repo(SINCE_CASE, since, commit_now=True)
    plans = since / "plans"
    pages += [
        _write(out, "summary-since", "summary", plans, "--since", SINCE_TAG),
        _write(out, "outstanding-since", "outstanding", plans, "--since", SINCE_TAG),
        _write(out, "diff", "diff", SINCE_TAG, plans),
        _write(out, "history", "history", plans),
    ]
    from test_portfolio import _partnership

    partnership = tmp / "partnership"
    partnership.mkdir()
    pages.append(_write(out, "portfolio", "portfolio", _partnership(partnership)))
    return pages


def test_every_html_report_passes_axe_and_reflows(tmp_path: Path) -> None:
    results = axe.run_axe(every_report(tmp_path))
    problems = [f"{Path(f).name}: {p}" for f, r in results.items() for p in r.problems]
    assert problems == []


def test_the_check_finds_what_it_is_for() -> None:
    """A page with known faults: the check is not passing everything it is shown."""
    bad = REPO / "tests" / "fixtures" / "axe-bad.html"
    result = axe.run_axe([bad])[str(bad)]
    assert {"image-alt", "html-has-lang", "label", "color-contrast"} <= {
        v["id"] for v in result.violations
    }
