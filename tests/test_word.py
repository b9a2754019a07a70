"""--format docx, read back with python-docx: Appendix B as the seed lays it out, section
3.4 in the Markdown's words, the title block, the key, the chart and its alternative
text, heading styles, repeated header rows, A4 pages, the document's properties and
language; hostile text intact and escaped; a council's own template restyles the report
with no code change; every document opens in LibreOffice; the shipped templates are what
tools/build_docx_templates.py makes, with no tag split across Word's runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    EXAMPLE_PLANS,
    REPO,
    on_a_terminal,
    require,
    require_libreoffice,
    run_cli,
    write_tree,
)
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docxdump import alt_text, cells, fill, is_header, run_colours
from gitrepo import SINCE_TAG, since_repo
from lxml import etree
from plansets import ATTACKS, WILD, hostile_plans, wide_plans

from ragplan.output.docx_xml import tag_problems
from ragplan.output.wording import long_date

TEMPLATES = REPO / "templates"
SHIPPED = ("outstanding", "summary", "indicators", "tables", "paper")
RATED = REPO / "tests" / "cases" / "indicators" / "plans"
SEED_COLUMNS = [
    "Lead Body",
    "Ref",
    "Key Actions Summary (with end date)",
    "Lead Officer",
    "RAG Rating",
    "Notes",
]


def docx_of(tmp: Path, *args: str | Path, name: str = "report.docx") -> Path:
    out = tmp / name
    run = run_cli(*args, "--format", "docx", "-o", out)
    assert run.code == 0, run.err
    return out


def styled(doc: Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def action_rows(doc: Document) -> dict[str, list[object]]:
    """Each action's row of the outstanding-actions table, by its Ref (theme and section
    rows, one or three cells across, left out)."""
    found: dict[str, list[object]] = {}
    for table in doc.tables:
        if [c.text for c in cells(table.rows[0])][:2] != ["Lead Body", "Ref"]:
            continue
        assert is_header(table.rows[0]) and not any(is_header(r) for r in table.rows[1:])
        for row in table.rows[1:]:
            if len(cells(row)) > 3:
                found[row.cells[1].text] = cells(row)
    return found


def seed_appendix_b() -> list[list[str]]:
    """The rows of the seed paper's Appendix B, as tab-separated in the text, cells
    stripped and the empty ones at the end dropped."""
    text = (REPO / "tests" / "seed" / "board-report-2010-09-20.txt").read_text(encoding="utf-8")
    table = text.split("OUTSTANDING ACTIONS (SEPT 2010)", 1)[1].strip().splitlines()
    rows = [[c.strip() for c in line.split("\t")] for line in table if line.strip()]
    for row in rows:
        while row and not row[-1]:
            row.pop()
    return rows


def test_the_appendix_is_appendix_b_as_the_seed_lays_it_out(tmp_path: Path) -> None:
    path = docx_of(tmp_path, "outstanding", EXAMPLE_PLANS)
    doc = Document(str(path))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    # The title block: organisation, title, date and what the list is out of.
    assert styled(doc, "Organisation") == ["North Yorkshire Children's Trust"]
    assert styled(doc, "Heading 1") == [
        "Post-Inspection Action Plan: Outstanding Actions (September 2010)"
    ]
    assert styled(doc, "Report Date") == ["As of 20 September 2010: 12 outstanding of 162 actions."]
    assert styled(doc, "Heading 2") == ["Key to the ratings"]
    # One continuous table, as the seed's: its theme and section rows where the seed has
    # them, each theme's lead officer in the Lead Officer column.
    (table,) = [t for t in doc.tables if cells(t.rows[0])[0].text == "Lead Body"]
    assert [c.text for c in cells(table.rows[0])] == SEED_COLUMNS
    seed = seed_appendix_b()
    assert seed[0][0] == "Lead Body"  # the seed's header, its Ref column unnamed
    made = []
    for row in table.rows[1:]:
        shown = [c.text for c in cells(row)]
        if len(shown) == 1:  # a section
            made.append(shown)
        elif len(shown) == 3:  # a theme: its title over three columns, its lead officer
            made.append([shown[0], "", "", shown[1]])
        else:
            made.append(shown[:2])
    expected = [r if len(r) <= 4 else r[:2] for r in seed[1:]]  # an action: body and Ref
    # The seed writes "1.1: ICT ..." for one theme and "1.2 ICS ..." for the others.
    assert [[c.replace(":", "") for c in r] for r in made] == [
        [c.replace(":", "") for c in r] for r in expected
    ]
    for row in table.rows[1:]:
        # No row is held whole: a long note runs on to the next page rather than being cut.
        assert (
            row._tr.trPr is None
            or row._tr.trPr.find(qn("w:cantSplit")) is None
            or (
                len(cells(row)) <= 3  # a theme or section row: a line, kept with the next
            )
        )
    # Each action's row as the JSON has the action.
    actions = json.loads(run_cli("outstanding", EXAMPLE_PLANS, "-f", "json").out)["actions"]
    rows = action_rows(doc)
    assert list(rows) == [a["id"] for a in actions]
    for action in actions:
        row = [c.text for c in rows[action["id"]]]
        due = action["due"] and long_date(date.fromisoformat(action["due"]))
        assert row[0] == (action["lead_body"] or "")
        assert row[2] == action["summary"] + (f" (end date {due})" if due else "")
        assert row[3] == (action["lead_officer"] or "")
        assert row[4] == action["rag"].capitalize()
        assert row[5] == (action["notes"] or "")
    # The RAG cell: the word, on its colour, in the black or white that reads on it.
    red = rows["1.3.6.1"]
    assert (red[4].text, fill(red[4]), run_colours(red[4])) == ("Red", "D4351C", ["FFFFFF"])
    amber = rows["1.1.5.2"]
    assert (amber[4].text, fill(amber[4]), run_colours(amber[4])) == ("Amber", "FFBF47", ["000000"])


def test_every_document_has_its_key_page_numbers_title_and_language(tmp_path: Path) -> None:
    for report in ("outstanding", "summary"):
        doc = Document(str(docx_of(tmp_path, report, EXAMPLE_PLANS)))
        key = next(t for t in doc.tables if alt_text(t)[0] == "Key to the ratings")
        assert [[c.text for c in cells(r)] for r in key.rows] == [
            ["Rating", "Meaning", "Done"],
            ["Green", "these actions have been completed", "yes"],
            ["Amber", "progress has been made but further work is required", "no"],
            ["Red", "little or no progress has been made", "no"],
        ]
        assert [fill(r.cells[0]) for r in key.rows[1:]] == ["00703C", "FFBF47", "D4351C"]
        footer = doc.sections[0].footer._element.xml
        assert "PAGE" in footer and "NUMPAGES" in footer and "Page " in footer
        props = doc.core_properties
        assert props.title == styled(doc, "Heading 1")[0]
        assert props.language == "en-GB" and props.author == "North Yorkshire Children's Trust"
        assert props.subject
        lang = doc.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
        assert lang.get(qn("w:val")) == "en-GB"
        for level in (1, 2, 3):  # real headings: a reader's navigation pane lists them
            outline = doc.styles[f"Heading {level}"].element.pPr.find(qn("w:outlineLvl"))
            assert outline.get(qn("w:val")) == str(level - 1)


def pictures(doc: Any) -> list[Any]:
    """The description (docPr) of every picture in the document's body."""
    return list(doc.element.body.iter(qn("wp:docPr")))


def test_the_summary_gives_section_3_4_a_chart_and_the_table(tmp_path: Path) -> None:
    doc = Document(str(docx_of(tmp_path, "summary", EXAMPLE_PLANS)))
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT
    markdown = run_cli("summary", EXAMPLE_PLANS, "-f", "md").out.splitlines()
    # The same title block as the Markdown's: organisation, plan, board date.
    assert "# " + styled(doc, "Heading 1")[0] == markdown[0]
    assert styled(doc, "Lead Sentence")[0] == markdown[4]
    assert ["- " + line for line in styled(doc, "Status Bullet")] == [
        "- 150 actions are 'green': these actions have been completed",
        "- 11 actions are 'amber': progress has been made but further work is required",
        "- 1 action is 'red': little or no progress has been made",
    ]
    assert [line for line in markdown if line.startswith("- ")] == [
        "- " + line for line in styled(doc, "Status Bullet")
    ]
    # The chart is the picture the HTML and PDF draw, never a table of shaded cells.
    assert all(len(t.columns) < 12 for t in doc.tables)
    (picture,) = pictures(doc)
    assert picture.get("title") == "Actions per status in each theme"
    assert picture.get("descr", "").startswith(
        "Actions per status in each theme: 1.1 ICT Infrastructure and Resilience: 22 green, "
        "1 amber; 1.2 ICS Programme and Functionality: 34 green, 4 amber;"
    )
    (image,) = [p for p in doc.part.package.parts if p.partname.endswith(".png")]
    assert image.blob.startswith(b"\x89PNG")
    assert "have the most still to do: 4 each." in " ".join(styled(doc, "Table Caption"))
    counts = next(t for t in doc.tables if alt_text(t)[0] == "Actions per status, by theme")
    rows = [[c.text for c in cells(r)] for r in counts.rows]
    assert rows[0] == ["Theme", "Title", "Lead officer", "Green", "Amber", "Red", "Total", "% done"]
    assert rows[1] == [
        "1.1",
        "ICT Infrastructure and Resilience",
        "David Sadler",
        "22",
        "1",
        "0",
        "23",
        "95%",
    ]
    assert rows[-1] == ["Total", "", "", "150", "11", "1", "162", "92%"]
    assert [fill(c) for c in cells(counts.rows[0])[3:6]] == ["00703C", "FFBF47", "D4351C"]


def test_since_diff_and_history(tmp_path: Path) -> None:
    since_repo(REPO / "tests" / "cases" / "since", tmp_path, commit_now=True)
    plans = tmp_path / "plans"
    summary = Document(str(docx_of(tmp_path, "summary", plans, "--since", SINCE_TAG)))
    (chart,) = pictures(summary)
    assert chart.get("descr", "").startswith("Actions per status then and now: July 2010: ")
    assert "; September 2010 (now): " in chart.get("descr", "")
    caption = "Actions per status then, and the direction of travel"
    then = next(t for t in summary.tables if alt_text(t)[0] == caption)
    directions = [cells(r)[-1].text for r in then.rows[1:]]
    assert directions == ["↑ improved", "→ no change", "↓ worsened", "+ new", "→ no change"]
    outstanding = Document(str(docx_of(tmp_path, "outstanding", plans, "--since", SINCE_TAG)))
    heads = [c.text for c in cells(outstanding.tables[1].rows[0])]
    assert heads == [*SEED_COLUMNS[:5], "Previous RAG Rating", "New", "Notes"]
    history = Document(str(docx_of(tmp_path, "history", plans)))
    assert styled(history, "Heading 1") == [
        "Post-Inspection Action Plan: progress at each board report"
    ]
    table = next(t for t in history.tables if alt_text(t)[0] == "Actions per status")
    assert [[c.text for c in cells(r)] for r in table.rows][1][0] == "19 July 2010"
    # The history chart is columns, as in HTML and PDF (the picture's own drawing).
    assert [p.get("title") for p in pictures(history)] == [
        "Actions per status at each board report"
    ]
    diff = Document(str(docx_of(tmp_path, "diff", SINCE_TAG, plans)))
    assert styled(diff, "Heading 1") == [
        "Post-Inspection Action Plan: changes from 19 July 2010 to 20 September 2010"
    ]
    assert [c.text for c in cells(diff.tables[0].rows[0])][:3] == ["Ref", "Change", "From → to"]


def test_filters_are_stated_and_an_empty_list_says_why(tmp_path: Path) -> None:
    args = ("outstanding", EXAMPLE_PLANS, "--status", "red", "--theme", "1.3")
    doc = Document(str(docx_of(tmp_path, *args)))
    assert styled(doc, "Filter") == ["Filters: status: Red; theme: 1.3."]
    assert styled(doc, "Report Date") == [
        "As of 20 September 2010: 1 listed of 12 outstanding, 162 actions."
    ]
    assert list(action_rows(doc)) == ["1.3.6.1"]
    empty = Document(
        str(
            docx_of(
                tmp_path,
                "outstanding",
                EXAMPLE_PLANS,
                "--status",
                "red",
                "--theme",
                "1.1",
                name="e.docx",
            )
        )
    )
    assert styled(empty, "Lead Sentence") == [
        "No outstanding action matches these filters; 12 actions are outstanding in all."
    ]


def test_hostile_text_is_kept_whole_and_escaped(tmp_path: Path) -> None:
    wide = wide_plans(tmp_path / "wide")
    path = docx_of(tmp_path, "outstanding", wide)
    doc = Document(str(path))
    # The bell and the escape go (XML cannot hold them), the form feed is a line break;
    # every other character is as the plan wrote it.
    kept = WILD.replace("\x07", "").replace("\x1b", "").replace("\x0c", "\n")
    rows = action_rows(doc)
    assert rows["1.2"][2].text.startswith(kept)
    assert rows["1.3"][5].text == kept
    (table,) = [t for t in doc.tables if cells(t.rows[0])[0].text == "Lead Body"]
    themes = [cells(r)[0].text for r in table.rows[1:] if len(cells(r)) == 3]
    assert themes[1].startswith("2: " + kept.split("\n")[0])  # a theme's row, its title whole
    assert doc.core_properties.title.startswith(
        'Improvement Plan & <Review> review & improve <front door> "quoted"'
    )
    # Well-formed XML in every part, with the markup characters escaped in it.
    with zipfile.ZipFile(path) as docx:
        for name in docx.namelist():
            if name.endswith(".xml"):
                etree.fromstring(docx.read(name))
        body = docx.read("word/document.xml").decode()
    assert "review &amp; improve &lt;front door&gt;" in body
    assert "{{ not_a_tag }}" in body  # plan text that looks like a tag stays text
    hostile = Document(
        str(docx_of(tmp_path, "outstanding", hostile_plans(tmp_path / "h"), name="h.docx"))
    )
    assert [r[5].text for r in action_rows(hostile).values()] == ATTACKS


def restyled(template: Path, folder: Path) -> Path:
    """`template` as a council restyles it: Georgia headings in its own blue, a logo in
    the header with its alternative text, then saved by another word processor
    (LibreOffice), as a file that passed through other hands would be."""
    doc = Document(str(template))
    for name in ("Heading 1", "Heading 2", "Organisation"):
        style = doc.styles[name]
        style.font.name = "Georgia"
        style.font.color.rgb = RGBColor(0x1D, 0x3A, 0x6E)
        style.font.size = Pt(18 if name == "Heading 1" else 13)
    logo = REPO / "tests" / "fixtures" / "logo.png"
    header = doc.sections[0].header.paragraphs[0]
    header.insert_paragraph_before().add_run().add_picture(str(logo))
    doc.sections[0].header._element.xpath(".//wp:docPr")[0].set("descr", "Council logo")
    edited = folder / "edited.docx"
    doc.save(str(edited))
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",  # its own: none running
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "lo"),
            str(edited),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder / "lo" / "edited.docx"


def test_a_councils_template_in_the_plan_folder_restyles_the_report(tmp_path: Path) -> None:
    require(
        None
        if shutil.which("soffice")
        else "LibreOffice is missing (apt-get install libreoffice-writer-nogui)"
    )
    plans = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    (plans / "templates").mkdir()
    shutil.copy(
        restyled(TEMPLATES / "outstanding.docx", tmp_path), plans / "templates" / "outstanding.docx"
    )
    doc = Document(str(docx_of(tmp_path, "outstanding", plans)))
    heading = next(s for s in doc.styles if s.name == "Heading 1")
    assert (heading.font.name, heading.font.color.rgb) == ("Georgia", RGBColor(0x1D, 0x3A, 0x6E))
    assert styled(doc, "Heading 1") == [
        "Post-Inspection Action Plan: Outstanding Actions (September 2010)"
    ]
    header = doc.sections[0].header._element
    assert [d.get("descr") for d in header.xpath(".//wp:docPr")] == ["Council logo"]
    assert len(action_rows(doc)) == 12  # the content is all there
    # The built-in template, for the same plans elsewhere, is untouched.
    plain = Document(str(docx_of(tmp_path, "outstanding", EXAMPLE_PLANS, name="plain.docx")))
    assert plain.styles["Heading 1"].font.name == "Arial"


def test_template_options_and_template_problems(tmp_path: Path) -> None:
    shutil.copy(TEMPLATES / "summary.docx", tmp_path / "board.docx")
    run = run_cli(
        "summary",
        EXAMPLE_PLANS,
        "-f",
        "docx",
        "-o",
        tmp_path / "a.docx",
        "--template",
        tmp_path / "board.docx",
    )
    assert run.code == 0, run.err
    md = write_tree(tmp_path, {"board.md.j2": "{{ total }}"}) / "board.md.j2"
    run = run_cli(
        "summary", EXAMPLE_PLANS, "-f", "docx", "-o", tmp_path / "b.docx", "--template", md
    )
    assert (run.code, run.err) == (
        2,
        "ragplan: error: --template 'board.md.j2' is not a Word template (.docx), which --format "
        "docx needs\n",
    )
    run = run_cli("summary", EXAMPLE_PLANS, "-f", "md", "--template", tmp_path / "board.docx")
    assert (run.code, run.err) == (
        2,
        "ragplan: error: --template 'board.docx' is a Word template: use it with --format docx, "
        "not md\n",
    )
    # A name the report does not have, a tag Word split across paragraphs, not a .docx.
    for text, says in [
        (["{{ totl }}"], "templates/summary.docx: 'totl' is undefined"),
        (
            ["{{ title", "}}"],
            "templates/summary.docx: word/document.xml, paragraph 1: unclosed tag '{{ title'",
        ),
    ]:
        doc = Document()
        for line in text:
            doc.add_paragraph(line)
        folder = tmp_path / f"t{len(text)}" / "templates"
        folder.mkdir(parents=True)
        doc.save(str(folder / "summary.docx"))
        run = run_cli(
            "summary", EXAMPLE_PLANS, "-f", "docx", "-o", tmp_path / "c.docx", "--templates", folder
        )
        assert run.code == 4 and says.split(": ", 1)[1] in run.err, run.err
    bad = write_tree(tmp_path / "bad", {"summary.docx": "not a zip"})
    run = run_cli(
        "summary", EXAMPLE_PLANS, "-f", "docx", "-o", tmp_path / "d.docx", "--templates", bad
    )
    assert run.code == 4 and "not a Word document" in run.err


def test_a_word_document_goes_to_a_pipe_but_never_to_a_terminal(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "ragplan", "outstanding", str(EXAMPLE_PLANS), "-f", "docx"]
    piped = subprocess.run(command, capture_output=True, check=False)
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK")
    code, said = on_a_terminal(*command[3:])
    assert code == 2
    assert b"-o FILE, e.g. -o outstanding.docx" in said


def test_the_shipped_templates_are_what_the_build_script_makes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, REPO / "tools" / "build_docx_templates.py", "--out", tmp_path],
        check=True,
        capture_output=True,
    )
    for name in SHIPPED:
        with (
            zipfile.ZipFile(TEMPLATES / f"{name}.docx") as shipped,
            zipfile.ZipFile(tmp_path / f"{name}.docx") as built,
        ):
            assert shipped.namelist() == built.namelist()
            for part in shipped.namelist():
                assert shipped.read(part) == built.read(part), (name, part)


@pytest.mark.parametrize("name", SHIPPED)
def test_no_tag_in_a_shipped_template_is_split_across_runs(name: str) -> None:
    assert tag_problems(TEMPLATES / f"{name}.docx") == []
    doc = Document(str(TEMPLATES / f"{name}.docx"))
    tagged = [p for p in doc.paragraphs if "{" in p.text]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                tagged += [p for p in cell.paragraphs if "{" in p.text]
    assert tagged and all(len([r for r in p.runs if r.text]) == 1 for p in tagged)


def test_the_split_tag_check_finds_what_word_does_to_tags(tmp_path: Path) -> None:
    doc = Document()
    split = doc.add_paragraph()
    split.add_run("Due {{ a.")
    split.add_run("due }} now")
    doc.add_paragraph("{{ never closed")
    doc.add_paragraph("closed }} never opened")
    doc.save(str(tmp_path / "t.docx"))
    assert [(p.kind, p.text) for p in tag_problems(tmp_path / "t.docx")] == [
        ("split", "{{ a.due }}"),
        ("unclosed", "{{ never closed"),
        ("unopened", "closed }}"),
    ]


def test_every_document_opens_in_libreoffice(tmp_path: Path) -> None:
    require_libreoffice()
    (tmp_path / "repo").mkdir()
    since_repo(REPO / "tests" / "cases" / "since", tmp_path / "repo", commit_now=True)
    plans = tmp_path / "repo" / "plans"
    made = [
        docx_of(tmp_path, "outstanding", EXAMPLE_PLANS, name="outstanding.docx"),
        docx_of(tmp_path, "summary", EXAMPLE_PLANS, name="summary.docx"),
        docx_of(tmp_path, "summary", plans, "--since", SINCE_TAG, name="summary-since.docx"),
        docx_of(tmp_path, "history", plans, name="history.docx"),
        docx_of(tmp_path, "diff", SINCE_TAG, plans, name="diff.docx"),
        docx_of(tmp_path, "outstanding", wide_plans(tmp_path / "wide"), name="wide.docx"),
        docx_of(tmp_path, "indicators", EXAMPLE_PLANS, name="indicators.docx"),
        docx_of(tmp_path, "indicators", RATED, name="indicators-rated.docx"),
        docx_of(tmp_path, "summary", RATED, name="summary-rated.docx"),
    ]
    out = tmp_path / "pdf"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",  # its own: none running
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, made),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for docx in made:
        pdf = out / f"{docx.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice could not open {docx.name}: {done.stdout} {done.stderr}"
        text = subprocess.run(
            ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Page 1 of" in text
    appendix = subprocess.run(
        ["pdftotext", out / "outstanding.pdf", "-"], capture_output=True, text=True, check=True
    ).stdout
    for ident in ("1.1.5.2", "1.2.1.13", "1.3.6.1", "1.4.1", "8.3"):
        assert ident in appendix

    def words(name: str) -> list[str]:
        pdf = out / f"{name}.pdf"
        return subprocess.run(
            ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
        ).stdout.split()

    # The seed's Appendix A, every value as written, in the order the table gives them.
    seed = [
        line.split("\t")[1:]
        for line in (REPO / "tests" / "seed" / "board-report-2010-09-20.txt")
        .read_text()
        .splitlines()
        if "Assessments (%)" in line
    ]
    shown = words("indicators")
    for values in seed:
        at = shown.index(values[0])
        assert shown[at : at + len(values)] == values
    rated = words("indicators-rated")
    assert "44999.99" in rated and "£50000" in rated and "Amber" in rated
    assert "22.1%" in words("summary-rated")
