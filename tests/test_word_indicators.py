"""Indicators in Word, read back with python-docx: `ragplan indicators -f docx` gives the
seed's Appendix A table value for value, a rated plan's ratings on their colours with
targets, directions, why each is rated and a key; the summary's indicators line and
table; hostile indicator titles kept whole and escaped."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from conftest import EXAMPLE_PLANS, REPO, on_a_terminal, run_cli, write_tree
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docxdump import alt_text, cells, fill, is_header, run_colours
from lxml import etree
from plansets import ATTACKS, WILD, q

SEED = REPO / "tests" / "seed" / "board-report-2010-09-20.txt"
RATED = REPO / "tests" / "cases" / "indicators" / "plans"
COLOURS = {"green": "00703C", "amber": "FFBF47", "red": "D4351C"}


def docx_of(tmp: Path, *args: str | Path, name: str = "report.docx") -> Document:
    out = tmp / name
    run = run_cli(*args, "--format", "docx", "-o", out)
    assert run.code == 0, run.err
    return Document(str(out))


def styled(doc: Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def texts(table: object) -> list[list[str]]:
    return [[c.text for c in cells(row)] for row in table.rows]  # type: ignore[attr-defined]


def without_trend(rows: list[list[str]]) -> list[list[str]]:
    """The rows less the Trend column (the second), which holds pictures, not text: the
    Markdown and the seed have no such column."""
    assert rows[0][1] == "Trend" and all(row[1] == "" for row in rows[1:])
    return [[row[0], *row[2:]] for row in rows]


def md_table(markdown: str, first: str) -> list[list[str]]:
    """The Markdown table whose first header is `first`, as rows of cells (no rule)."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first} |"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        if not line.startswith("|---"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def test_the_example_gives_the_seeds_appendix_a_value_for_value(tmp_path: Path) -> None:
    doc = docx_of(tmp_path, "indicators", EXAMPLE_PLANS)
    md = run_cli("indicators", EXAMPLE_PLANS, "-f", "md").out.splitlines()
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT  # nine columns fit
    assert styled(doc, "Organisation") == ["North Yorkshire Children's Trust"]
    assert ["# " + h for h in styled(doc, "Heading 1")] == [md[0]]
    assert styled(doc, "Lead Sentence") == [md[2]]  # what is listed, of how many, how rated
    [table] = doc.tables  # not rated: no key to ratings
    rows = without_trend(texts(table))
    seed = [line.split("\t") for line in SEED.read_text().splitlines() if "Assessments (%)" in line]
    assert rows[1:] == seed  # 72.0 stays 72.0; the summary carries its unit, 69.8%
    assert rows[0] == ["Timeliness", "Q1", "Q2", "Nov 09", "Dec 09", "Jan 10", "Feb 10", "Mar 10",
                       "Nov to March"]  # fmt: skip
    assert is_header(table.rows[0]) and alt_text(table)[0] == "Timeliness"
    assert "Why each indicator is rated as it is" not in styled(doc, "Heading 2")


def test_a_rated_plan_shows_each_rating_on_its_colour_with_why_and_a_key(tmp_path: Path) -> None:
    doc = docx_of(tmp_path, "indicators", RATED)
    md = run_cli("indicators", RATED, "-f", "md").out
    report = json.loads(run_cli("indicators", RATED, "-f", "json").out)["indicators"]
    # Fifteen columns: ragplan turns the page to give them room.
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    tables = [t for t in doc.tables if alt_text(t)[0] != "Key to the ratings"]
    assert [without_trend(texts(t)) for t in tables] == [
        md_table(md, "Referral and assessment"),
        md_table(md, "Workforce"),
    ]
    rated = [row for t in tables for row in t.rows[1:]]
    assert len(rated) == len(report)
    for row, indicator in zip(rated, report, strict=True):
        cell = cells(row)[-2]  # Rating, then Direction
        if indicator["rating"] is None:
            assert (cell.text, fill(cell)) == ("not rated", "auto")
        else:
            colour = "FFFFFF" if indicator["rating"] != "amber" else "000000"
            shown = (cell.text, fill(cell), run_colours(cell))
            assert shown == (indicator["rating"].capitalize(), COLOURS[indicator["rating"]],
                             [colour])  # fmt: skip
    # Why each is rated as it is: the Markdown's bullets, word for word.
    assert "Why each indicator is rated as it is" in styled(doc, "Heading 2")
    bullets = [line[2:] for line in md.splitlines() if line.startswith("- ")]
    assert styled(doc, "Rating Reason") == bullets
    key = next(t for t in doc.tables if alt_text(t)[0] == "Key to the ratings")
    assert texts(key) == [
        ["Rating", "Meaning"],
        ["Green", "on or better than its target"],
        ["Amber", "worse than its target, within its amber band"],
        ["Red", "worse than its target, beyond its amber band (or with no band)"],
        ["Not rated", "no target, or no value in the period rated"],
    ]
    assert [fill(r.cells[0]) for r in key.rows[1:4]] == list(COLOURS.values())


def test_filters_are_said_and_an_empty_list_says_so(tmp_path: Path) -> None:
    args = ("indicators", RATED, "--rating", "green", "--theme", "2")
    doc = docx_of(tmp_path, *args)
    md = run_cli(*args, "-f", "md").out.splitlines()
    lead = styled(doc, "Lead Sentence")
    assert lead == [md[2], "No indicator matches."]
    assert lead[0].startswith("0 of the 8 indicators (theme 2; rated green)")
    assert doc.tables == []


def test_the_summary_gives_the_indicators_line_and_table(tmp_path: Path) -> None:
    doc = docx_of(tmp_path, "summary", RATED)
    md = run_cli("summary", RATED, "-f", "md").out
    line = next(p for p in md.splitlines() if p.startswith("Indicators against their targets: "))
    assert line in styled(doc, "Lead Sentence")
    table = next(t for t in doc.tables if alt_text(t)[0] == "Indicators, by theme")
    assert texts(table) == md_table(md, "Theme | Indicator")
    assert is_header(table.rows[0])
    ratings = [(c.text, fill(c)) for c in (cells(r)[3] for r in table.rows[1:])]
    assert ratings[:4] == [("Red", "D4351C"), ("Red", "D4351C"), ("Green", "00703C"),
                           ("Amber", "FFBF47")]  # fmt: skip
    assert ("not rated", "auto") in ratings
    assert any(alt_text(t)[0] == "Key to the indicators' ratings" for t in doc.tables)
    # Grouped otherwise, the summary says the tally and leaves the per-theme table out.
    other = docx_of(tmp_path, "summary", RATED, "--by", "lead_officer", name="b.docx")
    assert line in styled(other, "Lead Sentence")
    assert not any((alt_text(t)[0] or "").startswith("Indicators") for t in other.tables)


def test_a_summary_of_unrated_indicators_has_no_key_to_ratings(tmp_path: Path) -> None:
    doc = docx_of(tmp_path, "summary", EXAMPLE_PLANS)
    assert "2 indicators, shown as measured: the plan sets them no targets." in styled(
        doc, "Lead Sentence"
    )
    table = next(t for t in doc.tables if alt_text(t)[0] == "Indicators, by theme")
    assert texts(table)[1] == ["1.3", "Initial Assessments (%)", "72.0% in Mar 10", "not rated",
                               "↓ worsened"]  # fmt: skip
    assert not any(alt_text(t)[0] == "Key to the indicators' ratings" for t in doc.tables)


def test_a_summary_without_indicators_says_nothing_of_them(tmp_path: Path) -> None:
    plans = write_tree(
        tmp_path / "plans",
        {"1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: Do it., rag: green}\n'},
    )
    doc = docx_of(tmp_path, "summary", plans)
    assert not [p for p in styled(doc, "Lead Sentence") if p.startswith("Indicators")]
    assert "Indicators, by theme" not in styled(doc, "Heading 2")


def test_hostile_indicator_titles_are_kept_whole_and_escaped(tmp_path: Path) -> None:
    indicators = "".join(
        f"""
  - id: i{n}
    title: {q(text)}
    theme: "1"
    unit: percent
    polarity: higher
    target: 50
    values:
      - {{period: {q(text[:12])}, value: 40.0}}
"""
        for n, text in enumerate([WILD, *ATTACKS])
    )
    plans = write_tree(
        tmp_path / "plans",
        {
            "ragplan.yaml": f"title: {q(ATTACKS[0])}\nas_of: 2024-01-31\n",
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: Do it., rag: green}\n',
            "indicators/i.yaml": f"title: {q(WILD)}\nindicators:{indicators}",
        },
    )
    out = tmp_path / "h.docx"
    run = run_cli("indicators", plans, "-f", "docx", "-o", out)
    assert run.code == 0, run.err
    doc = Document(str(out))
    # The bell and the escape go (XML cannot hold them), the form feed is a line break;
    # every other character is as the plan wrote it.
    kept = WILD.replace("\x07", "").replace("\x1b", "").replace("\x0c", "\n")
    [table, _key] = doc.tables
    rows = texts(table)
    assert rows[0][0] == kept
    assert [r[0] for r in rows[1:]] == [kept, *ATTACKS]
    reasons = styled(doc, "Rating Reason")
    assert reasons[1].startswith(ATTACKS[0] + ": 40.0% in ")
    assert styled(doc, "Heading 1")[0].startswith(ATTACKS[0])
    with zipfile.ZipFile(out) as docx:
        for part in docx.namelist():
            if part.endswith(".xml"):
                etree.fromstring(docx.read(part))
        body = docx.read("word/document.xml").decode()
    assert "{{ not_a_tag }}" in body and "review &amp; improve &lt;front door&gt;" in body
    assert not re.search(r"<script", body)


def test_indicators_in_word_go_to_a_file_from_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "i.docx"
    assert on_a_terminal("indicators", EXAMPLE_PLANS, "-f", "docx", "-o", out)[0] == 0
    code, said = on_a_terminal("indicators", EXAMPLE_PLANS, "-f", "docx")
    assert code == 2 and b"-o FILE, e.g. -o indicators.docx" in said
    assert Document(str(out)).tables


def test_each_indicator_row_draws_its_trend_as_the_pdf_does(tmp_path: Path) -> None:
    """Word's Trend column holds the sparkline the HTML and PDF draw, as a picture whose
    alternative text says what the HTML's says; the seed's table still fits a portrait
    page, as its PDF does."""
    doc = docx_of(tmp_path, "indicators", EXAMPLE_PLANS)
    html = run_cli("indicators", EXAMPLE_PLANS, "-f", "html").out
    said = re.findall(r'<svg[^>]*role="img" aria-label="([^"]*)"', html)
    [table] = doc.tables
    shown = []
    for row in table.rows[1:]:
        [picture] = list(cells(row)[1]._tc.iter(qn("wp:docPr")))
        shown.append(picture.get("descr"))
    assert shown == [s.replace("&amp;", "&") for s in said] and len(shown) == 2
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT
