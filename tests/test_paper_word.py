"""`ragplan paper -f docx`, read back with python-docx: the seed's whole board paper as one
Word document (cover sheet, a new page, the paper, each appendix on a new page, Appendix
B landscape), its text the Markdown's paragraph by paragraph, the officer's Markdown in
Word's own styles, each report through its own Word template without its title block;
a council's paper.docx restyles all of it; plan text comes out as written; LibreOffice
opens it and prints the figures."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
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
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docxdump import alt_text, cells, fill, is_header, run_colours
from lxml import etree
from test_paper import SEED, paragraphs, plan_with_paper
from test_word import restyled

PAPER = EXAMPLE_PLANS / "papers" / "board-2010-09.md"
TEMPLATES = REPO / "templates"
SEED_IDS = [
    "1.1.5.2", "1.2.1.13", "1.2.2.4", "1.2.3.3", "1.2.5.1", "1.3.2.4", "1.3.3.5", "1.3.6.1",
    "1.3.6.3", "1.4.1", "6.1", "8.3",
]  # fmt: skip


def paper_docx(tmp: Path, *args: str | Path, name: str = "paper.docx") -> Any:
    out = tmp / name
    run = run_cli("paper", *args, "-f", "docx", "-o", out)
    assert run.code == 0, run.err
    return Document(str(out))


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return paper_docx(tmp_path_factory.mktemp("paper"), PAPER)


def texts(doc: Any) -> list[str]:
    """Every paragraph outside tables, its line breaks as spaces, empty ones left out."""
    return [" ".join(p.text.split()) for p in doc.paragraphs if p.text.strip()]


def styled(doc: Any, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def sections(doc: Any) -> list[tuple[str, list[str]]]:
    """The document's sections in order: each one's orientation and its paragraphs' text
    (a section ends at a paragraph holding its properties, the last at the body's)."""
    found: list[tuple[str, list[str]]] = []
    current: list[str] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text.strip():
                current.append(" ".join(text.split()))
            sect = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        elif child.tag == qn("w:sectPr"):
            sect = child
        else:
            continue
        if sect is not None:
            orient = sect.find(qn("w:pgSz")).get(qn("w:orient")) or "portrait"
            found.append((orient, current))
            current = []
    return found


def action_rows(doc: Any) -> dict[str, list[Any]]:
    """Each action's row of Appendix B by its Ref; a theme's row (three cells across) and
    a section's (one) left out."""
    found: dict[str, list[Any]] = {}
    for table in doc.tables:
        if [c.text for c in cells(table.rows[0])][:2] == ["Lead Body", "Ref"]:
            for row in table.rows[1:]:
                if len(cells(row)) > 3:
                    found[row.cells[1].text] = cells(row)
    return found


def test_the_paper_is_the_markdowns_text_paragraph_by_paragraph(paper: Any) -> None:
    md = paragraphs(run_cli("paper", PAPER).out)
    ours = texts(paper)
    appendix_b = "Appendix B – Post-Inspection Action Plan: Outstanding Actions (Sept 2010)"
    # Up to Appendix B every paragraph is the Markdown's, in its order; in Markdown a
    # thematic break stands where Word starts a new page after the cover sheet.
    assert ours[: ours.index(appendix_b)] == [p for p in md[: md.index(appendix_b)] if p != "* * *"]
    # The cover sheet's hard line break is a line break in Word.
    author = next(p for p in paper.paragraphs if p.text.startswith("AUTHOR:"))
    assert author.text == "AUTHOR: David O'Brien\nCYPS Performance and Outcomes Manager"
    # The cover sheet's title lines are headings (a screen reader's way round the page).
    assert styled(paper, "Heading 1") == [
        "NORTH YORKSHIRE CHILDREN'S TRUST",
        "Report of the Performance and Commissioning Sub-Group",
        "Appendix A – Post-Inspection Action Plan: Headline Improvements",
        appendix_b,
    ]
    assert styled(paper, "Heading 2")[:5] == [
        "Agenda Item Cover Sheet",
        "1.0 PURPOSE OF REPORT",
        "2.0 RECOMMENDATIONS",
        "3.0 POST INSPECTION ACTION PLAN: IMPLEMENTATION STATUS AND NEXT STEPS",
        "4.0 REVIEW OF PARTNERSHIP ARRANGEMENTS",
    ]
    assert styled(paper, "Meeting") == ["North Yorkshire Children's Trust Board"]
    assert styled(paper, "Paper Date") == ["20 September 2010"]
    assert styled(paper, "Sign-off") == ["David O'Brien, CYPS Performance and Outcomes Manager."]
    bullets = styled(paper, "List Bullet")
    assert bullets[4:7] == [
        "2.1 (i) The Board notes the implementation status of the Post-Inspection Action Plan",
        "(ii) The Board approves the development of the next phase improvement plan",
        "(iii) The Board approves the proposed review of partnership arrangements",
    ]
    assert "150 actions are 'green': these actions have been completed" in bullets
    props = paper.core_properties
    assert (props.title, props.author, props.language) == (
        "Report of the Performance and Commissioning Sub-Group",
        "David O'Brien",
        "en-GB",
    )


def test_cover_paper_and_each_appendix_start_pages_of_their_own(paper: Any) -> None:
    found = sections(paper)
    assert [orient for orient, _ in found] == ["portrait", "portrait", "portrait", "landscape"]
    cover, body, appendix_a, appendix_b = (texts for _, texts in found)
    assert cover[0] == "NORTH YORKSHIRE CHILDREN'S TRUST" and cover[-1].startswith("AUTHOR:")
    assert body[:3] == [
        "North Yorkshire Children's Trust Board",
        "20 September 2010",
        "Report of the Performance and Commissioning Sub-Group",
    ]
    assert body[-1] == "David O'Brien, CYPS Performance and Outcomes Manager."
    assert appendix_a[0].startswith("Appendix A – ")
    assert appendix_b[0].startswith("Appendix B – ")
    # Every section keeps the paper's header and footer: Page X of Y runs on.
    for section in paper.sections:
        assert "NUMPAGES" in section.footer._element.xml
        assert "Report of the Performance" in section.header._element.xml
    last = paper.sections[-1]
    assert (round(last.page_width.cm, 1), round(last.page_height.cm, 1)) == (29.7, 21.0)


def test_appendix_a_holds_the_seeds_indicator_table_value_for_value(paper: Any) -> None:
    [table] = [t for t in paper.tables if alt_text(t)[0] == "Timeliness"]
    rows = [[c.text for c in cells(r)] for r in table.rows]
    assert rows[0][1] == "Trend"  # a sparkline per indicator, as the PDF draws
    seed = [line.split("\t") for line in SEED.read_text().splitlines() if "Assessments (%)" in line]
    assert [[row[0], *row[2:]] for row in rows[1:]] == seed
    assert is_header(table.rows[0])
    # Embedded: the appendix heading stands for the report's title; its sentence stays.
    assert "Post-Inspection Action Plan: Indicators (September 2010)" not in texts(paper)
    assert "2 indicators, shown as measured: the plan sets them no targets." in texts(paper)


def test_appendix_b_is_the_outstanding_report_as_its_word_template_lays_it_out(
    paper: Any,
) -> None:
    rows = action_rows(paper)
    assert list(rows) == SEED_IDS
    seed = {
        cells_[1]: cells_
        for line in SEED.read_text().splitlines()
        for cells_ in [[c.strip() for c in line.split("\t")]]
        if len(cells_) > 5 and cells_[4] in ("Green", "Amber", "Red")
    }
    for ident, row in rows.items():
        assert [c.text for c in row] == seed[ident][:6]
    red = rows["1.3.6.1"][4]
    assert (fill(red), run_colours(red)) == ("D4351C", ["FFFFFF"])
    assert fill(rows["8.3"][4]) == "FFBF47"
    # No title block of its own, but what its list is out of; its key to the ratings.
    assert styled(paper, "Organisation") == []
    assert styled(paper, "Report Date") == [
        "As of 20 September 2010: 12 outstanding of 162 actions."
    ]
    assert any(alt_text(t)[0] == "Key to the ratings" for t in paper.tables)
    # One table, as the seed's: a theme's row has its lead officer in the Lead Officer
    # column, and is kept with the row after it.
    (table,) = [t for t in paper.tables if cells(t.rows[0])[0].text == "Lead Body"]
    theme = next(r for r in table.rows if cells(r)[0].text.startswith("1.1: ICT"))
    assert [c.text for c in cells(theme)] == ["1.1: ICT Infrastructure and Resilience",
                                              "David Sadler", ""]  # fmt: skip
    assert all(p.style.name == "Table Theme" for c in cells(theme) for p in c.paragraphs)
    assert all(p.style.paragraph_format.keep_with_next for c in cells(theme) for p in c.paragraphs)


MARKDOWN = """\
## Part one

Some **bold**, *italic* and `code`, a [link](https://example.org/x), \\*not italic\\*,
one line\\
and the next.

1. First
2. Second
   - inside
     - deeper
3. Third

   More of the third.

- a
- b

4. Four
5. Five

> Quoted words.

---

| Name | Count |
|:-----|------:|
| Alpha | 1 |
| Beta | 22 |

### Part two

    kept as typed
"""


def test_the_officers_markdown_becomes_word_in_the_templates_styles(in_tmp: Path) -> None:
    plan_with_paper(in_tmp, MARKDOWN)
    doc = paper_docx(in_tmp, "plans/papers/p.md")
    shown = [(p.style.name, p.text) for p in doc.paragraphs if p.text.strip()]
    assert shown == [
        ("Heading 1", "A Paper"),
        ("Heading 2", "Part one"),
        ("Body Text", "Some bold, italic and code, a link, *not italic*, one line\nand the next."),
        ("List Number", "First"),
        ("List Number", "Second"),
        ("List Bullet 2", "inside"),
        ("List Bullet 3", "deeper"),
        ("List Number", "Third"),
        ("List Continue", "More of the third."),
        ("List Bullet", "a"),
        ("List Bullet", "b"),
        ("List Number", "Four"),
        ("List Number", "Five"),
        ("Quote", "Quoted words."),
        ("Heading 3", "Part two"),
        ("Plain Text", "kept as typed"),
    ]
    body = next(p for p in doc.paragraphs if p.text.startswith("Some bold"))
    runs = {r.text: r for r in body.runs}
    assert runs["bold"].bold and runs["italic"].italic and not runs["Some "].bold
    assert runs["code"].style.name == "Inline Code"
    assert body._p.find(f".//{qn('w:br')}") is not None  # the hard line break
    link = body._p.find(qn("w:hyperlink"))
    assert "".join(t.text for t in link.iter(qn("w:t"))) == "link"
    assert doc.part.rels[link.get(qn("r:id"))].target_ref == "https://example.org/x"
    # Each numbered list starts at its own first number: 1, then 4.
    starts = {}
    numbering = doc.part.numbering_part.element
    for p in doc.paragraphs:
        num = p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if p.style.name == "List Number" and num is not None:
            found = numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{num.get(qn('w:val'))}']")
            start = found.find(f".//{qn('w:startOverride')}").get(qn("w:val"))
            starts.setdefault(num.get(qn("w:val")), start)
    assert sorted(starts.values()) == ["1", "4"]
    assert any(p.style.name == "Thematic Break" for p in doc.paragraphs)
    [table] = doc.tables
    assert [[c.text for c in cells(r)] for r in table.rows] == [
        ["Name", "Count"],
        ["Alpha", "1"],
        ["Beta", "22"],
    ]
    assert is_header(table.rows[0]) and fill(table.rows[0].cells[0]) == "F3F2F1"
    assert [c.paragraphs[0].style.name for c in table.rows[1].cells] == [
        "Table Text",
        "Table Number",
    ]


NOTE = (
    '{{ 7 * 7 }} <w:p>x</w:p> & "q" review {_{ it }_} مراجعة الخطة שלום 😀 '
    "bell\x07 esc\x1b[31m nul\x00 end"
)


def test_plan_text_comes_out_as_written_and_xml_safe(in_tmp: Path) -> None:
    body = (
        "Red: {% for a in actions.red %}{{ a.notes }}{% endfor %}.\n\n"
        '{{ table("outstanding") }}\n\n'
        "| Ref | Note |\n|---|---|\n"
        "{% for a in actions.red %}| {{ a.id }} | {{ a.notes }} |\n{% endfor %}"
    )
    plan_with_paper(
        in_tmp,
        body,
        'appendices:\n  - {report: outstanding, title: "Outstanding"}\n',
        notes=json.dumps(NOTE, ensure_ascii=False)[1:-1],
    )
    out = in_tmp / "p.docx"
    run = run_cli("paper", "plans/papers/p.md", "-f", "docx", "-o", out)
    assert run.code == 0, run.err
    # The controls XML cannot hold go; every other character is as the plan wrote it.
    kept = NOTE.replace("\x07", "").replace("\x1b", "").replace("\x00", "")
    doc = Document(str(out))
    assert f"Red: {kept}." in [p.text for p in doc.paragraphs]
    notes = [
        cells(row)[-1].text
        for table in doc.tables
        if cells(table.rows[0])[1].text == "Ref" and len(table.columns) == 6
        for row in table.rows[1:]
        if len(cells(row)) == 6  # an action's row, not its theme's or section's
    ]
    assert notes == [kept, kept]  # the table in the text, and Appendix A
    typed = next(t for t in doc.tables if alt_text(t)[0] == "Ref")
    assert typed.rows[1].cells[1].text == kept
    with zipfile.ZipFile(out) as docx:
        for part in docx.namelist():
            if part.endswith(".xml"):
                etree.fromstring(docx.read(part))
        xml = docx.read("word/document.xml").decode()
    assert "49" not in "".join(t for t in re.findall(r"<w:t[^>]*>([^<]*)", xml))
    assert "&lt;w:p&gt;x&lt;/w:p&gt;" in xml


def test_a_councils_paper_docx_restyles_the_whole_paper(tmp_path: Path) -> None:
    require(
        None
        if shutil.which("soffice")
        else "LibreOffice is missing (apt-get install libreoffice-writer-nogui)"
    )
    plans = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    (plans / "templates").mkdir()
    shutil.copy(restyled(TEMPLATES / "paper.docx", tmp_path), plans / "templates" / "paper.docx")
    # The council's own Appendix B layout too: a column named its way.
    own = Document(str(TEMPLATES / "outstanding.docx"))
    for table in own.tables:
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.text = run.text.replace("Lead Body", "Lead Organisation")
    own.save(str(plans / "templates" / "outstanding.docx"))
    doc = paper_docx(tmp_path, plans / "papers" / "board-2010-09.md")
    heading = next(s for s in doc.styles if s.name == "Heading 1")
    assert (heading.font.name, heading.font.color.rgb) == ("Georgia", RGBColor(0x1D, 0x3A, 0x6E))
    # The paper's styles win over the reports' own of the same name: the key's heading
    # in Appendix B is in the council's Heading 2 too.
    key = next(p for p in doc.paragraphs if p.text == "Key to the ratings")
    assert key.style.name == "Heading 2" and key.style.font.name == "Georgia"
    header = doc.sections[0].header._element
    assert [d.get("descr") for d in header.xpath(".//wp:docPr")] == ["Council logo"]
    assert styled(doc, "Heading 1")[1] == "Report of the Performance and Commissioning Sub-Group"
    heads = {cells(t.rows[0])[0].text for t in doc.tables if len(t.columns) == 6}
    assert heads == {"Lead Organisation"}
    rows = {}
    for table in doc.tables:
        if cells(table.rows[0])[0].text == "Lead Organisation":
            rows.update({r.cells[1].text: r for r in table.rows[1:] if len(cells(r)) > 3})
    assert list(rows) == SEED_IDS
    assert [o for o, _ in sections(doc)][-1] == "landscape"
    # The built-in template, for the same plans elsewhere, is untouched.
    plain = paper_docx(tmp_path, PAPER, name="plain.docx")
    assert plain.styles["Heading 1"].font.name == "Arial"


def test_a_paper_in_word_opens_in_libreoffice_with_its_figures(tmp_path: Path) -> None:
    require_libreoffice()
    paper_docx(tmp_path, PAPER)
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
         str(tmp_path / "paper.docx")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    pdf = tmp_path / "pdf" / "paper.pdf"
    assert pdf.is_file(), f"LibreOffice could not open the paper: {done.stdout} {done.stderr}"
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True)
    words = text.stdout.split()
    # The cover sheet carries no page furniture; the pages after it are numbered.
    assert "Page 1 of" not in text.stdout.split("\f")[0] and "Page 2 of" in text.stdout
    assert "162" in words and "twelve" in words
    for ident in SEED_IDS:
        assert ident in words
    seed = [
        line.split("\t")[1:] for line in SEED.read_text().splitlines() if "Assessments (%)" in line
    ]
    for values in seed:
        at = words.index(values[0])
        assert words[at : at + len(values)] == values
    # The cover sheet alone on page 1; each appendix starts a page, Appendix B's landscape.
    # Every page but the cover starts with the running header's line (and a blank one).
    printed = text.stdout.split("\f")[:-1]
    pages = [printed[0].lstrip()] + [page.split("\n", 2)[2].lstrip() for page in printed[1:]]
    assert pages[0].startswith("NORTH YORKSHIRE CHILDREN'S TRUST")
    assert pages[1].startswith("North Yorkshire Children's Trust Board\n20 September 2010")
    first = [n for n, page in enumerate(pages) if page.startswith("Appendix ")]
    assert [pages[n][:10] for n in first] == ["Appendix A", "Appendix B"]
    for n, wide in ((first[0], False), (first[1], True)):
        size = subprocess.run(
            ["pdfinfo", "-f", str(n + 1), "-l", str(n + 1), pdf],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        width, height = map(float, re.search(r"size:\s+([\d.]+) x ([\d.]+)", size).groups())
        assert (width > height) == wide


def test_a_paper_in_word_is_refused_on_a_terminal_and_its_template_checked(in_tmp: Path) -> None:
    plan_with_paper(in_tmp, "Text.\n")
    code, said = on_a_terminal("paper", "plans/papers/p.md", "-f", "docx")
    assert code == 2 and b"-o FILE, e.g. -o paper.docx" in said
    assert on_a_terminal("paper", "plans/papers/p.md", "-f", "docx", "-o", "t.docx")[0] == 0
    assert Document("t.docx").paragraphs
    broken = write_tree(in_tmp / "t", {"paper.docx": "not a zip"})
    run = run_cli("paper", "plans/papers/p.md", "-f", "docx", "-o", "p.docx", "--templates", broken)
    assert run.code == 4 and "not a Word document" in run.err
    shutil.copy(TEMPLATES / "paper.docx", in_tmp / "board.docx")
    run = run_cli(
        "paper", "plans/papers/p.md", "-f", "docx", "-o", "p.docx", "--template", "board.docx"
    )
    assert run.code == 0, run.err
    assert [p.text for p in Document("p.docx").paragraphs if p.text] == ["A Paper", "Text."]
