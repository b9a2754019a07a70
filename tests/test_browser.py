"""The HTML reports in a real browser: tables render, nothing injected runs, the page prints.

Needs Chromium (Debian package `chromium`; `.ci/run` installs it). Skipped where it
is missing, except under RAGPLAN_REQUIRE_TOOLS=1 (CI), where a missing browser fails.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, require, run_cli
from plansets import ATTACKS, hostile_plans

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)


@pytest.fixture(autouse=True)
def _needs_chromium() -> None:
    require(None if CHROMIUM else "Chromium is not installed (apt-get install chromium)")


def chromium(*args: str, page: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def parse_dom(dom: str) -> tuple[list[str], list[str], str]:
    """The element names, attribute names and title of a dumped DOM."""
    tags: list[str] = []
    attributes: list[str] = []
    title: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append(tag)
            attributes.extend(name for name, _ in attrs)

        def handle_data(self, data: str) -> None:
            if tags and tags[-1] == "title":
                title.append(data)

    Collect().feed(dom)
    return tags, attributes, "".join(title)


def render(report: str, plans: Path, out: Path) -> Path:
    run = run_cli(report, plans, "--format", "html", "-o", out)
    assert run.code == 0, run.err
    return out


CASES = [
    ("example", "summary"),
    ("example", "outstanding"),
    ("hostile", "summary"),
    ("hostile", "outstanding"),
]


@pytest.mark.parametrize(("case", "report"), CASES)
def test_the_page_renders_its_tables_and_runs_nothing_injected(
    tmp_path: Path, case: str, report: str
) -> None:
    plans = EXAMPLE_PLANS if case == "example" else hostile_plans(tmp_path / "plans")
    page = render(report, plans, tmp_path / f"{report}.html")
    result = chromium("--dump-dom", page=page, profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert dom.count("<table") >= 1
    # The DOM after the page ran: no element or handler the notes brought, title untouched.
    tags, attributes, title = parse_dom(dom)
    assert not {"script", "iframe", "img"} & set(tags)
    assert tags.count("svg") == (1 if report == "summary" else 0)  # the chart, none injected
    assert tags.count("style") == 1  # the page's own stylesheet, and no other
    assert not [name for name in attributes if name.startswith("on")]
    assert title.strip() != "PWNED"  # what any injected script would have set
    if case == "hostile":
        assert title.startswith(ATTACKS[0])  # the plan's title, shown as text
        assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    else:
        assert "1.1.5.2" in dom if report == "outstanding" else "162" in dom


@pytest.mark.parametrize(("case", "report"), CASES)
def test_the_page_prints_to_pdf(tmp_path: Path, case: str, report: str) -> None:
    plans = EXAMPLE_PLANS if case == "example" else hostile_plans(tmp_path / "plans")
    page = render(report, plans, tmp_path / f"{report}.html")
    pdf = tmp_path / "out.pdf"
    result = chromium(
        f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page=page, profile=tmp_path / "profile"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000


def test_the_hostile_plan_set_is_valid_so_the_reports_really_render_it(tmp_path: Path) -> None:
    plans = hostile_plans(tmp_path / "plans")
    run = run_cli("validate", "-f", "parsable", plans)
    assert run.code == 0, run.out
