"""--format pdf: read back with poppler (pdftotext, pdfinfo): every id and status word is
there, pages are A4 (landscape for the appendix), header rows repeat, rows are not split,
every table of the appendix has the same columns, the PDF is tagged with its title and
language, nothing is fetched, and a user without WeasyPrint is told how to add it.

Needs WeasyPrint (the `pdf` extra, in the `test` extra) and poppler-utils; skipped with
the reason where they are missing, failed under RAGPLAN_REQUIRE_TOOLS=1.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, on_a_terminal, require, run_cli, write_tree
from gitrepo import SINCE_TAG, since_repo
from plansets import SIX, hostile_plans, wide_plans

OUTSTANDING_IDS = (
    "1.1.5.2 1.2.1.13 1.2.2.4 1.2.3.3 1.2.5.1 1.3.2.4 1.3.3.5 1.3.6.1 1.3.6.3 1.4.1 6.1 8.3"
).split()
A4_LANDSCAPE = "841.89 x 595.276 pts (A4)"
A4_PORTRAIT = "595.276 x 841.89 pts (A4)"


@pytest.fixture(autouse=True)
def _needs_weasyprint_and_poppler() -> None:
    if importlib.util.find_spec("weasyprint") is None:
        require("WeasyPrint is not installed (pip install -e '.[test]' brings it)")
    require(
        None
        if shutil.which("pdftotext")
        else "pdftotext is missing (apt-get install poppler-utils)"
    )


def pdf_of(tmp: Path, *args: str | Path) -> Path:
    out = tmp / "report.pdf"
    run = run_cli(*args, "--format", "pdf", "-o", out)
    assert run.code == 0, run.err
    assert out.read_bytes().startswith(b"%PDF-")
    return out


def info(pdf: Path) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True)
    return dict(re.findall(r"^([^:]+):\s+(.*)$", done.stdout, flags=re.M))


def text(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    command = ["pdftotext", *pages, *(["-layout"] if layout else []), pdf, "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """Every word: its page, its left and right x, its text."""
    done = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True
    )
    found = []
    for number, page in enumerate(done.stdout.split("<page ")[1:], start=1):
        for x1, x2, word in re.findall(
            r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', page
        ):
            found.append((number, float(x1), float(x2), word))
    return found


def placed(pdf: Path) -> list[tuple[int, float, float, str]]:
    """Every word: its page, its left x, its top y, its text."""
    done = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True
    )
    found = []
    for number, page in enumerate(done.stdout.split("<page ")[1:], start=1):
        for x1, y1, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', page
        ):
            found.append((number, float(x1), float(y1), word))
    return found


def inflated(pdf: Path) -> bytes:
    """The PDF's bytes with every compressed stream inflated, to find catalog entries."""
    data = pdf.read_bytes()
    parts = [data]
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, flags=re.S):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            pass
    return b"".join(parts)


def test_the_appendix_is_a_tagged_landscape_pdf_with_every_action(tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, "outstanding", EXAMPLE_PLANS)
    found = info(pdf)
    assert found["Tagged"] == "yes"
    assert found["Page size"] == A4_LANDSCAPE
    assert 2 <= int(found["Pages"]) <= 6  # twelve actions, a few to a page
    assert found["Title"] == (
        "North Yorkshire Children's Trust: Post-Inspection Action Plan: Outstanding Actions "
        "(September 2010)"
    )
    assert b"/Lang (en-GB)" in inflated(pdf) and b"pdfuaid:part" in inflated(pdf)
    all_text = text(pdf)
    table_words = [w for _, _, _, w in words(pdf)]
    for ident in OUTSTANDING_IDS:
        assert table_words.count(ident) == 1, ident
    # The key names each status once; then the rows: 11 amber, 1 red.
    assert table_words.count("Amber") == 1 + 11 and table_words.count("Red") == 1 + 1
    pages = int(found["Pages"])
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text(pdf, page)
    # The seed's six columns, in its order, in every table.
    assert "Lead Body Ref Key Actions Summary (with end date) Lead Officer RAG Rating Notes" in (
        " ".join(all_text.split())
    )


def test_the_appendix_is_one_table_with_a_row_per_theme_and_section(tmp_path: Path) -> None:
    """As the board paper lays it out: one table (its header once per page, never once
    per section), a theme's row and a section's row where the seed has them, and no
    page the table leaves part-empty to keep a theme whole: 12 actions, 3 pages."""
    pdf = pdf_of(tmp_path, "outstanding", EXAMPLE_PLANS)
    found = words(pdf)
    pages = int(info(pdf)["Pages"])
    assert pages <= 3
    assert sum(1 for *_, w in found if w == "Notes") == pages  # the header, once a page
    for heading in ("Ref", "Summary", "Officer", "Notes"):
        lefts = {round(x1, 1) for _, x1, _, w in found if w == heading}
        assert len(lefts) == 1, (heading, lefts)
    at: dict[str, tuple[int, float, float]] = {}
    for page, x1, y, w in placed(pdf):
        at.setdefault(w, (page, x1, y))  # each word where it is first
    # The theme's row, its lead officer in the Lead Officer column; the section's row
    # under it, then the action; each a row of its own.
    theme, officer, section, action = at["ICT"], at["David"], at["Telephone"], at["1.1.5.2"]
    assert theme[2] == pytest.approx(officer[2], abs=1)
    head = at["Officer"]  # the "Lead Officer" heading: its "Lead" starts the column
    column = max(x for page, x, y, w in placed(pdf) if w == "Lead" and y == head[2] and x < head[1])
    assert officer[1] == pytest.approx(column, abs=1)
    assert theme[2] < section[2] < action[2]
    assert at["Assurance"][2] < at["1.3.6.1"][2]


def test_long_tables_repeat_their_header_and_keep_a_row_that_fits_whole(tmp_path: Path) -> None:
    notes = " ".join(["The work continues and the board will hear of it next month."] * 4)
    actions = "".join(
        f'  - id: "1.{n}"\n    summary: Action {n} of a long theme.\n    rag: amber\n'
        f"    notes: {notes} End{n}.\n"
        for n in range(1, 41)
    )
    plans = write_tree(tmp_path / "plans", {"1.yaml": f'id: "1"\nactions:\n{actions}'})
    pdf = pdf_of(tmp_path, "outstanding", plans)
    pages = int(info(pdf)["Pages"])
    assert pages >= 3
    for page in range(1, pages + 1):
        assert "Key Actions Summary" in text(pdf, page), page  # the header row, on every page
    where = {w: page for page, _, _, w in words(pdf)}
    for n in range(1, 41):
        assert where[f"1.{n}"] == where[f"End{n}."], n  # a row's first and last words together


def test_the_summary_is_portrait_with_its_chart_and_the_since_comparison_fits_landscape(
    tmp_path: Path,
) -> None:
    pdf = pdf_of(tmp_path, "summary", EXAMPLE_PLANS)
    assert info(pdf)["Page size"] == A4_PORTRAIT and info(pdf)["Tagged"] == "yes"
    assert "1.2 ICS Programme and" in text(pdf)  # the chart's labels are text, not pixels
    # Six statuses with long labels, and --since: every word within the landscape page.
    repo = tmp_path / "repo"
    plans = wide_plans(repo / "plans")
    from gitrepo import GitRepo

    git = GitRepo(repo)
    git.commit({}, "July", tag=SINCE_TAG)
    (plans / "4.yaml").write_text((plans / "4.yaml").read_text().replace("rag: red", "rag: amber"))
    wide = pdf_of(tmp_path, "summary", plans, "--since", SINCE_TAG)
    assert info(wide)["Page size"] == A4_LANDSCAPE
    found = words(wide)
    assert max(x2 for _, _, x2, _ in found) <= 841.89 - 14 * 72 / 25.4 + 0.5  # the right margin
    assert "Direction" in {w for *_, w in found}
    for _, label, _, _ in SIX:
        assert label.split()[0] in {w for *_, w in found}


def test_diff_and_history_print_too(tmp_path: Path) -> None:
    since_repo(REPO / "tests" / "cases" / "since", tmp_path, commit_now=True)
    plans = tmp_path / "plans"
    history = pdf_of(tmp_path, "history", plans)
    # Each report named by its board date, as a board would (not by its tag).
    assert "19 July 2010" in text(history) and info(history)["Tagged"] == "yes"
    diff = pdf_of(tmp_path, "diff", SINCE_TAG, plans)
    assert "improved" in text(diff)


def test_hostile_text_is_printed_as_written(tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, "outstanding", hostile_plans(tmp_path / "plans"))
    flat = " ".join(text(pdf).split())
    assert "<script>document.title='PWNED'</script>" in flat
    assert "<style>body{display:none}</style>" in flat


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("print.css", '@import url("file:///etc/hostname");\nbody { color: black; }\n'),
        (
            "outstanding.html.j2",
            '{% extends "base.html.j2" %}{% block body %}<img src="file:///etc/hostname" '
            'alt="x"><link rel="attachment" href="file:///etc/hostname">{% endblock %}',
        ),
    ],
)
def test_nothing_is_fetched_and_a_template_that_asks_is_named(
    tmp_path: Path, name: str, content: str
) -> None:
    templates = write_tree(tmp_path / "templates", {name: content})
    out = tmp_path / "b.pdf"
    run = run_cli("outstanding", EXAMPLE_PLANS, "-f", "pdf", "-o", out, "--templates", templates)
    assert run.code == 4
    assert "file:///etc/hostname" in run.err and "ragplan fetches nothing" in run.err
    assert not out.exists()


def test_a_logo_as_a_data_uri_is_drawn(tmp_path: Path) -> None:
    pixel = (
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJ"
        "RU5ErkJggg=="
    )
    page = (
        '{% extends "base.html.j2" %}{% block body %}<h1>Board</h1>'
        f'<img src="data:image/png;base64,{pixel}" alt="Council logo">{{% endblock %}}'
    )
    templates = write_tree(tmp_path / "templates", {"summary.html.j2": page})
    pdf = pdf_of(tmp_path, "summary", EXAMPLE_PLANS, "--templates", templates)
    listed = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True)
    images = [row.split()[2] for row in listed.stdout.splitlines()[2:]]
    assert images.count("image") == 1  # the logo (and its transparency mask)


@pytest.mark.parametrize(
    ("package", "name"), [("weasyprint", "WeasyPrint"), ("pikepdf", "pikepdf")]
)
def test_without_weasyprint_the_user_is_told_how_to_add_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, package: str, name: str
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda wanted, *a: None if wanted == package else real(wanted, *a),
    )
    out = tmp_path / "b.pdf"
    run = run_cli("outstanding", EXAMPLE_PLANS, "-f", "pdf", "-o", out)
    assert (run.code, run.err) == (
        7,
        f"ragplan: error: a PDF needs {name}, which is not installed: "
        "pip install 'ragplan[pdf]' adds it\n",
    )
    assert not out.exists()


def test_a_pdf_goes_to_a_pipe_but_never_to_a_terminal(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "ragplan", "summary", str(EXAMPLE_PLANS), "-f", "pdf"]
    piped = subprocess.run(command, capture_output=True, check=False)
    assert piped.returncode == 0 and piped.stdout.startswith(b"%PDF-")
    code, said = on_a_terminal(*command[3:])
    assert code == 2
    assert said.decode() == (
        "ragplan: error: a PDF is not shown on a terminal: write it to a file with -o FILE, "
        "e.g. -o summary.pdf (or pipe it to a program)\n"
    )
