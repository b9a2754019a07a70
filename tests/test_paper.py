"""`ragplan paper`: the seed's whole board paper from the example plan set, its figures
filled in from the plan; every misspelt name an error with file, line and the nearest
names; plan data printed as written, never run as a template."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, require, run_cli, write_tree

PAPER = EXAMPLE_PLANS / "papers" / "board-2010-09.md"
SEED = REPO / "tests" / "seed" / "board-report-2010-09-20.txt"


def paragraphs(text: str) -> list[str]:
    """Text as its paragraphs and list items, Markdown marks and spacing aside: a
    paragraph's lines are one, each '- ' item is its own."""
    found: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        items: list[str] = []
        for line in block.split("\n"):
            stripped = line.strip()
            if not stripped or stripped.startswith("|") or "\t" in line:
                continue  # tables are compared cell by cell
            if stripped.startswith("- ") or not items:
                items.append(stripped.removeprefix("- "))
            else:
                items[-1] += " " + stripped
        for item in items:
            item = re.sub(r"^#+ ", "", item).replace("**", "").replace("\\\n", " ")
            item = item.rstrip("\\").replace("\\ ", " ")
            found.append(" ".join(item.split()))
    return [p for p in found if p]


@pytest.fixture(scope="module")
def paper_md() -> str:
    run = run_cli("paper", PAPER, "-f", "md")
    assert run.code == 0, run.err
    return run.out


def _seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    # The seed's text lost a line break between the title and section 1.0's heading.
    text = text.replace("SUB-GROUP**1.0 PURPOSE OF REPORT**", "SUB-GROUP\n\n1.0 PURPOSE OF REPORT")
    return paragraphs(text)


# Where the paper lays out differently from the seed's text: an appendix's letter and
# title are one heading; the seed's text has no 'APPENDIX B' line at all.
LAYOUT = {
    "APPENDIX A": None,
    "POST-INSPECTION ACTION PLAN: HEADLINE IMPROVEMENTS": (
        "Appendix A – Post-Inspection Action Plan: Headline Improvements"
    ),
    "POST-INSPECTION ACTION PLAN: OUTSTANDING ACTIONS (SEPT 2010)": (
        "Appendix B – Post-Inspection Action Plan: Outstanding Actions (Sept 2010)"
    ),
    "Impact of Post-Inspection Action Plan": "Impact of Post-Inspection Action Plan",
}


def test_the_paper_is_the_seeds_text_paragraph_by_paragraph(paper_md: str) -> None:
    ours = paragraphs(paper_md)
    at = 0
    for seed in _seed_paragraphs():
        if seed in LAYOUT:
            if LAYOUT[seed] is None:
                continue
            seed = LAYOUT[seed]
        # Headings the seed writes in capitals, the paper as the plan and front matter do.
        same = [
            i
            for i in range(at, len(ours))
            if ours[i] == seed or (seed.isupper() and ours[i].casefold() == seed.casefold())
        ]
        assert same, f"not in the paper, after paragraph {at}: {seed!r}"
        at = same[0] + 1


def test_the_figures_in_its_text_come_from_the_plan() -> None:
    text = PAPER.read_text(encoding="utf-8")
    for figure in ("162", "150", "twelve outstanding", "one red", "Appendix B", "By September"):
        assert figure not in text
    assert "{{ counts.total }} individual actions" in text
    assert "{{ outstanding | count_words }} outstanding actions" in text


def test_appendix_a_holds_the_seeds_indicator_table(paper_md: str) -> None:
    appendix = paper_md.split("# Appendix A", 1)[1].split("# Appendix B", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in appendix.splitlines()
        if line.startswith("| ") and "---" not in line
    ]
    seed = [line.split("\t") for line in SEED.read_text().splitlines() if "Assessments (%)" in line]
    assert rows[1:] == seed
    assert rows[0] == ["Timeliness", "Q1", "Q2", "Nov 09", "Dec 09", "Jan 10", "Feb 10", "Mar 10",
                       "Nov to March"]  # fmt: skip


def test_appendix_b_holds_the_seeds_outstanding_actions(paper_md: str) -> None:
    appendix = paper_md.split("# Appendix B", 1)[1]
    ours = {
        cells[1]: cells
        for line in appendix.splitlines()
        if line.startswith("| ") and "---" not in line
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
        if cells[1] not in ("Ref", "")  # the header, a theme's or a section's row
    }
    seed_rows = [
        cells
        for line in SEED.read_text().splitlines()
        for cells in [[c.strip() for c in line.split("\t")]]
        if len(cells) > 5 and cells[4] in ("Green", "Amber", "Red")
    ]
    assert len(seed_rows) == 12
    assert sorted(ours) == sorted(row[1] for row in seed_rows)
    for lead_body, ref, summary, officer, rag, notes, *_ in seed_rows:
        assert ours[ref] == [lead_body, ref, summary, officer, rag, notes]


def test_one_status_changed_changes_every_figure_that_depends_on_it(in_tmp: Path) -> None:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    before = run_cli("paper", "plans/papers/board-2010-09.md").out
    assert run_cli("set", "1.1.5.2", "plans", "--rag", "green").code == 0
    after = run_cli("paper", "plans/papers/board-2010-09.md").out
    gone = [p for p in paragraphs(before) if p not in paragraphs(after)]
    new = [p for p in paragraphs(after) if p not in paragraphs(before)]
    assert gone == [
        "150 actions are 'green': these actions have been completed",
        "11 actions are 'amber': progress has been made but further work is required. The "
        "further work will be included in the next phase improvement plan.",
        "3.5 Appendix B shows the twelve outstanding actions. The one red action concerns "
        "quarterly reporting by Independent Reviewing Officers on the quality of "
        "assessments. This action will be progressed in the next phase improvement plan as "
        "part of a wider review of quality assurance arrangements in children's social "
        "care. The remaining 'amber' actions will also be progressed in the next phase "
        "improvement plan.",
        "North Yorkshire Children's Trust. As of 20 September 2010: 12 outstanding of 162 actions.",
    ]
    assert new == [
        "151 actions are 'green': these actions have been completed",
        "10 actions are 'amber': progress has been made but further work is required. The "
        "further work will be included in the next phase improvement plan.",
        "3.5 Appendix B shows the eleven outstanding actions. The one red action concerns "
        "quarterly reporting by Independent Reviewing Officers on the quality of "
        "assessments. This action will be progressed in the next phase improvement plan as "
        "part of a wider review of quality assurance arrangements in children's social "
        "care. The remaining 'amber' actions will also be progressed in the next phase "
        "improvement plan.",
        "North Yorkshire Children's Trust. As of 20 September 2010: 11 outstanding of 162 actions.",
    ]
    assert "| 1.1.5.2 |" in before and "| 1.1.5.2 |" not in after
    # Its theme's and section's rows go with it: nothing else of theirs is outstanding.
    for row in ("| **1.1: ICT Infrastructure and Resilience** |", "| **1.1.5 Telephone"):
        assert row in before and row not in after


THEME = """\
id: "1"
title: Governance
actions:
  - {id: "1.1", summary: Report monthly, rag: green}
  - id: "1.2"
    summary: Audit case files
    rag: red
    notes: "NOTE"
"""


def plan_with_paper(root: Path, body: str, front: str = "", notes: str = "Audit booked") -> Path:
    """A one-theme plan set with one paper, papers/p.md, whose text is `body`."""
    write_tree(
        root / "plans",
        {
            "ragplan.yaml": "title: Test Plan\nas_of: 2010-09-20\n",
            "1.yaml": THEME.replace("NOTE", notes),
            "papers/p.md": f"---\ntitle: A Paper\n{front}---\n{body}",
        },
    )
    return root / "plans" / "papers" / "p.md"


MISTAKES = {
    "a misspelt name": (
        "Line one.\n{{ countz.total }} actions.\n",
        "plans/papers/p.md:7:4: [error] 'countz' is not a name a paper has; did you mean "
        "'counts'? (paper)",
    ),
    "a misspelt part of a name": (
        "{{ counts.gren }}\n",
        "plans/papers/p.md:6:11: [error] counts has no 'gren'; did you mean 'green'? (paper)",
    ),
    "a misspelt filter": (
        "{{ outstanding | count_word }}\n",
        "plans/papers/p.md:6:18: [error] there is no filter 'count_word'; did you mean "
        "'count_words' or 'count'? (paper)",
    ),
    "an appendix that does not exist": (
        'See {{ appendix("outstandng") }}.\n',
        'plans/papers/p.md:6:18: [error] appendix("outstandng"): no appendix is named '
        "'outstandng'; did you mean 'outstanding'? (paper)",
    ),
    "a status that does not exist": (
        '{{ status_sentence("ambr") }}\n',
        "plans/papers/p.md:6:21: [error] status_sentence: there is no status 'ambr'; did you "
        "mean 'amber'? (paper)",
    ),
    "a front matter key not given": (
        "By {{ paper.author }}.\n",
        "plans/papers/p.md:6:7: [error] paper.author is not set: add 'author: ...' to the "
        "front matter (paper)",
    ),
    "a group printed whole": (
        "{{ counts }}\n",
        "plans/papers/p.md:6:4: [error] counts is a group of names, not a value: use one of "
        "them, e.g. counts.green, counts.amber, counts.red (paper)",
    ),
    "a list printed whole": (
        "{{ actions.red }}\n",
        "plans/papers/p.md:6:1: [error] a list of actions does not print: count it "
        "(| count_words, | length), join its summaries (| summaries), or go through it with "
        "{% for %} (paper)",
    ),
    "an unclosed tag": (
        "Fine.\n{{ counts.total \n",
        "plans/papers/p.md:7:1: [error] the {{ ... }} or {% ... %} here cannot be read: "
        "unexpected end of template, expected 'end of print statement'.; check that each "
        "one is closed and its quotes match (paper)",
    ),
    "an attribute Python keeps private": (
        "{{ counts.total.__class__ }}\n",
        "plans/papers/p.md:6:17: [error] '__class__': names that start with '_' are not "
        "allowed in a paper (paper)",
    ),
    "a huge power": (
        "{{ counts.total ** 100000 }}\n",
        "plans/papers/p.md:6:1: [error] not allowed in a paper: this would make a number of "
        "about 100,001 bits, past the limit of 100,000 (paper)",
    ),
}


@pytest.mark.parametrize("body, message", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_mistake_is_an_error_with_its_line_and_nearest_names(
    in_tmp: Path, body: str, message: str
) -> None:
    plan_with_paper(in_tmp, body, 'appendices:\n  - {report: outstanding, title: "B"}\n')
    run = run_cli("paper", "plans/papers/p.md")
    assert run.code == 1
    assert run.out == ""
    assert run.err == (
        f"{message}\nragplan: error: plans/papers/p.md has 1 problem; no paper was made\n"
    )
    checked = run_cli("paper", "--check", "plans/papers/p.md")
    assert (checked.code, checked.err) == (run.code, run.err)
    validated = run_cli("validate", "-f", "parsable", "plans")
    assert validated.code == 1 and validated.out == message + "\n"


def test_every_mistake_of_a_paper_is_reported_in_one_run(in_tmp: Path) -> None:
    plan_with_paper(
        in_tmp,
        "{{ counts.gren }} and {{ counts.total }}\n"
        '{{ appendix("x") }}\n'
        "{% for a in actions.red %}{{ a.sumary }}{% endfor %}\n"
        "{{ paper.role }}\n",
    )
    run = run_cli("paper", "plans/papers/p.md")
    assert run.code == 1
    assert [line.split(": [error] ")[0] for line in run.err.splitlines()[:-1]] == [
        "plans/papers/p.md:4:11",
        "plans/papers/p.md:5:14",
        "plans/papers/p.md:6:32",
        "plans/papers/p.md:7:4",
    ]
    assert "action 1.2 has no 'sumary'; did you mean 'summary'?" in run.err


NASTY = [
    "{{ 7 * 7 }}",
    "{% if true %}RUN{% endif %} {# gone #}",
    "<script>alert(1)</script> &amp; <b>x</b>",
    "**bold** | pipe # hash [link](http://x) RAGPLAN-TABLE-0123456789abcdef",
]


def _nasty_paper(root: Path, note: str) -> None:
    """A paper that prints `note` (action 1.2's notes) in its text, in a table placed in
    its text, and in its appendix."""
    plan_with_paper(
        root,
        'Red: {% for a in actions.red %}{{ a.notes }}{% endfor %}.\n\n{{ table("outstanding") }}\n',
        'appendices:\n  - {report: outstanding, title: "Outstanding"}\n',
        notes=note.replace('"', '\\"'),
    )


@pytest.mark.parametrize("note", NASTY)
def test_plan_data_prints_as_written_never_as_a_template_md(in_tmp: Path, note: str) -> None:
    _nasty_paper(in_tmp, note)
    md = run_cli("paper", "plans/papers/p.md", "-f", "md")
    assert md.code == 0, md.err
    assert "49" not in md.out  # {{ 7 * 7 }} was not run
    # In running text and in tables alike, escaped so Markdown shows it as written.
    escaped = re.sub(r"([\\`*_\[\]<>|~#])", r"\\\1", note).replace("&amp;", "\\&amp;")
    assert f"Red: {escaped}." in md.out
    assert md.out.count(escaped) == 3  # the text, the table in it, Appendix A
    assert md.out.count("| Lead Body |") == 2  # a note like a table's token places none


def _html_text(html: str) -> str:
    """The text a browser shows of `html`, tags gone and entities decoded."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    Text(convert_charrefs=True).feed(html)
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("note", NASTY)
def test_plan_data_prints_as_written_in_html(in_tmp: Path, note: str) -> None:
    _nasty_paper(in_tmp, note)
    run = run_cli("paper", "plans/papers/p.md", "-f", "html")
    assert run.code == 0, run.err
    assert "<script>" not in run.out and "<b>" not in run.out
    text = _html_text(run.out)
    assert "49" not in text
    assert f"Red: {note}." in text
    assert text.count(note) == 3


@pytest.mark.parametrize("note", NASTY)
def test_plan_data_prints_as_written_in_pdf(in_tmp: Path, note: str) -> None:
    if importlib.util.find_spec("weasyprint") is None or shutil.which("pdftotext") is None:
        require("WeasyPrint or pdftotext is missing (pip install -e '.[test]'; poppler-utils)")
    _nasty_paper(in_tmp, note)
    run = run_cli("paper", "plans/papers/p.md", "-f", "pdf", "-o", "p.pdf")
    assert run.code == 0, run.err
    done = subprocess.run(
        ["pdftotext", "-raw", "p.pdf", "-"], capture_output=True, text=True, check=True
    )
    text = " ".join(done.stdout.split())
    assert "49" not in text
    assert f"Red: {note}." in text
    assert text.count("Lead Body") == 2  # the table in the text and the appendix's: no more


FRONT_MATTER_MISTAKES = {
    "no front matter": (
        "Just text.\n",
        "plans/papers/p.md:1:1: [error] a paper starts with its front matter: a line '---', "
        "then at least 'title: ...', then a line '---' (paper)",
    ),
    "front matter never closed": (
        "---\ntitle: T\nText.\n",
        "plans/papers/p.md:1:1: [error] the front matter opened by '---' on line 1 is never "
        "closed: end it with a line '---' before the paper's text (paper)",
    ),
    "no title": (
        "---\nmeeting: Board\n---\nText.\n",
        "plans/papers/p.md:2:1: [error] the front matter has no 'title'; it is required "
        "(missing-field)",
    ),
    "a misspelt key": (
        "---\ntitle: T\nauthr: Me\n---\nText.\n",
        "plans/papers/p.md:3:1: [error] unknown key 'authr' in the front matter; did you mean "
        "'author'? (unknown-key)",
    ),
    "a date that is not one": (
        "---\ntitle: T\ndate: 20/09/2010\n---\nText.\n",
        "plans/papers/p.md:3:7: [error] 'date' in the front matter must be a real date as "
        "YYYY-MM-DD, not '20/09/2010' (date)",
    ),
    "a missing appendix file": (
        "---\ntitle: T\nappendices:\n  - {name: a, title: A, file: hedlines.md}\n---\nText.\n",
        "plans/papers/p.md:4:31: [error] the appendix A file 'hedlines.md' is not in "
        "plans/papers; did you mean 'headlines.md'? (paper)",
    ),
    "an appendix file outside the papers folder": (
        "---\ntitle: T\ncover: ../1.yaml\n---\nText.\n",
        "plans/papers/p.md:3:8: [error] the cover file '../1.yaml' must be in the paper's "
        "folder (plans/papers); give its name there (paper)",
    ),
    "an appendix with neither file nor report": (
        "---\ntitle: T\nappendices:\n  - {name: a, title: A}\n---\nText.\n",
        "plans/papers/p.md:4:5: [error] appendix A has neither 'file' nor 'report': give its "
        "text (file: ...), a report (report: outstanding), or both (paper)",
    ),
    "a filter the report does not take": (
        "---\ntitle: T\nappendices:\n  - {title: A, report: summary, status: red}\n---\nText.\n",
        "plans/papers/p.md:4:41: [error] 'status' in appendix A applies only to report: "
        "outstanding; remove it or change the report (paper)",
    ),
    "a filter that matches nothing": (
        "---\ntitle: T\nappendices:\n  - {title: A, report: outstanding, status: amberr}\n"
        "---\nText.\n",
        "plans/papers/p.md:4:45: [error] appendix A: status 'amberr' matches no status (by "
        "key or label) in the plan set; nearest: 'Amber' (paper)",
    ),
    "two appendices of one name": (
        "---\ntitle: T\nappendices:\n  - {title: A, report: outstanding}\n"
        "  - {title: B, report: outstanding}\n---\nText.\n",
        "plans/papers/p.md:5:5: [error] appendix B: another appendix is already named "
        "'outstanding'; give each its own name (paper)",
    ),
    "a YAML mistake": (
        "---\ntitle: T\nmeeting: [Board\n---\nText.\n",
        "plans/papers/p.md:",
    ),
}


@pytest.mark.parametrize(
    "text, message", FRONT_MATTER_MISTAKES.values(), ids=FRONT_MATTER_MISTAKES.keys()
)
def test_a_front_matter_mistake_is_an_error_with_its_line(
    in_tmp: Path, text: str, message: str
) -> None:
    plan_with_paper(in_tmp, "")
    write_tree(in_tmp / "plans" / "papers", {"p.md": text, "headlines.md": "Text.\n"})
    run = run_cli("paper", "plans/papers/p.md")
    assert run.code == 1
    assert run.err.startswith(message)
    assert run.err.endswith("ragplan: error: plans/papers/p.md has 1 problem; no paper was made\n")
    assert "Traceback" not in run.err


def test_a_paper_is_found_by_name_or_alone(in_tmp: Path) -> None:
    plan_with_paper(in_tmp, "{{ counts.total }} actions.\n")
    alone = run_cli("paper")
    assert alone.code == 0 and "2 actions." in alone.out
    assert run_cli("paper", "p").out == alone.out == run_cli("paper", "p.md").out
    write_tree(in_tmp / "plans" / "papers", {"q.md": "---\ntitle: Q\n---\nQ.\n", "part.md": "x"})
    several = run_cli("paper")
    assert several.code == 2
    assert several.err == "ragplan: error: plans/papers holds 2 papers: name one of p.md, q.md\n"
    wrong = run_cli("paper", "pp")
    assert wrong.code == 3
    assert wrong.err == "ragplan: error: pp: no such paper; the papers are p.md, q.md\n"
    near = run_cli("paper", "q.mdd")
    assert near.err == "ragplan: error: q.mdd: no such paper; did you mean 'q.md' or 'p.md'?\n"


def test_a_plan_set_without_papers_says_where_they_go(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"1.yaml": THEME.replace("NOTE", "n")})
    run = run_cli("paper")
    assert run.code == 3
    assert run.err.startswith("ragplan: error: plans/papers holds no paper: write one")


def test_check_says_what_the_paper_holds_and_writes_nothing(in_tmp: Path) -> None:
    plan_with_paper(
        in_tmp,
        '{{ table("summary") }}\n',
        "appendices:\n  - {report: outstanding, title: B}\n",
    )
    run = run_cli("paper", "--check", "-o", "out.md")
    assert run.code == 0, run.err
    assert run.out == (
        "plans/papers/p.md: the paper can be made (1 appendix, 1 table in its text), with "
        "figures as of 20 September 2010\n"
    )
    assert not (in_tmp / "out.md").exists()


def test_validate_checks_papers_with_the_plan_set_only(in_tmp: Path) -> None:
    plan_with_paper(in_tmp, "{{ counts.gren }}\n")
    whole = run_cli("validate", "-f", "parsable", "plans")
    assert whole.code == 1
    assert whole.out.startswith("plans/papers/p.md:4:11: [error] counts has no 'gren'")
    one_file = run_cli("validate", "-f", "parsable", "plans/1.yaml")
    assert one_file.code == 0 and one_file.out == ""


def test_a_papers_check_is_reused_only_while_its_files_are_unchanged(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validate keeps each paper check's verdict (a warm run renders nothing), keyed on
    the plan files, every file in the papers folder and the day: a change to any of them
    is checked afresh, never answered from the cache."""
    paper = plan_with_paper(in_tmp, "{{ counts.green }}\n", front="cover: cover.md\n")
    cover = paper.parent / "cover.md"
    cover.write_text("Cover.\n")
    for _ in range(2):  # the second run is answered from the cache
        assert run_cli("validate", "-f", "parsable", "plans").code == 0
    cover.write_text("{{ counts.gren }}\n")  # a file the paper names
    broken = run_cli("validate", "-f", "parsable", "plans")
    assert broken.code == 1 and "plans/papers/cover.md:1:11: [error] counts has no" in broken.out
    cover.write_text("Cover.\n")
    assert run_cli("validate", "-f", "parsable", "plans").code == 0
    theme = in_tmp / "plans" / "1.yaml"
    theme.write_text(theme.read_text().replace("Audit booked", "Audit booked again"))
    paper.write_text(paper.read_text().replace("counts.green", "counts.gren"))
    assert run_cli("validate", "-f", "parsable", "plans").code == 1
    paper.write_text(paper.read_text().replace("counts.gren", "counts.green"))
    assert run_cli("validate", "-f", "parsable", "plans").code == 0
    import ragplan.papers.check as check

    class Tomorrow(check.date):
        @classmethod
        def today(cls) -> check.date:
            return check.date(2030, 1, 1)

    monkeypatch.setattr(check, "date", Tomorrow)
    import ragplan.papers.render as render

    rendered = []
    real_problems = render.paper_problems
    monkeypatch.setattr(
        render, "paper_problems", lambda *a, **k: rendered.append(1) or real_problems(*a, **k)
    )
    assert run_cli("validate", "-f", "parsable", "plans").code == 0
    assert rendered, "a new day is checked afresh (a paper without a date is as of today)"
    rendered.clear()
    assert run_cli("validate", "-f", "parsable", "plans").code == 0
    assert not rendered, "the same day and files: the verdict comes from the cache"


def test_the_figures_are_as_of_the_date_asked(in_tmp: Path) -> None:
    plan_with_paper(
        in_tmp,
        "By {{ as_of | month }}: {{ counts.overdue }} overdue.\n",
        "as_of: 2010-12-01\n",
    )
    theme = (
        (in_tmp / "plans" / "1.yaml")
        .read_text()
        .replace("rag: red", "rag: red\n    due: 2010-10-31")
    )
    (in_tmp / "plans" / "1.yaml").write_text(theme)
    assert "By December 2010: 1 overdue." in run_cli("paper").out
    assert "By September 2010: 0 overdue." in run_cli("paper", "--as-of", "2010-09-30").out


def test_the_html_paper_is_one_page_with_each_appendix_and_its_report(in_tmp: Path) -> None:
    run = run_cli("paper", PAPER, "-f", "html")
    assert run.code == 0, run.err
    page = run.out
    # The cover sheet's heading, the title, Appendix A, Appendix B.
    assert page.count("<h1") == 4
    assert '<section class="appendix" aria-labelledby="appendix-a">' in page
    assert '<section class="appendix appendix-outstanding" aria-labelledby="appendix-b">' in page
    # Each report inside is only its body (the appendix heading is its title), and keeps
    # the sentence saying what its counts are out of.
    assert '<section class="embedded ragplan-outstanding">' in page
    assert "Outstanding Actions (September 2010)</h1>" not in page
    assert "As of 20 September 2010: 12 outstanding of 162 actions." in page
    # Ids stay unique when reports share a page, and every reference finds its id.
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for label in re.findall(r'aria-labelledby="([^"]+)"', page):
        assert all(part in ids for part in label.split()), label


def test_the_pdf_paper_reads_as_the_paper_with_its_appendix_landscape(in_tmp: Path) -> None:
    if importlib.util.find_spec("weasyprint") is None or shutil.which("pdftotext") is None:
        require("WeasyPrint or pdftotext is missing (pip install -e '.[test]'; poppler-utils)")
    run = run_cli("paper", PAPER, "-f", "pdf", "-o", "paper.pdf")
    assert run.code == 0, run.err
    text = subprocess.run(
        ["pdftotext", "-layout", "paper.pdf", "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "contains 162 individual actions" in flat
    assert "Appendix B shows the twelve outstanding actions" in flat
    for ident in ("1.1.5.2", "1.2.1.13", "1.3.6.1", "1.3.6.3", "6.1", "8.3"):
        assert f" {ident} " in flat
    pages = text.split("\f")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(len(pages)), "paper.pdf"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    sizes = {line.split(":")[0]: line for line in info.splitlines() if "size:" in line}
    first = next(i for i, page in enumerate(pages, 1) if "Appendix B –" in page)
    assert "595.276 x 841.89" in sizes["Page    1 size"]  # the paper itself: portrait
    assert "841.89 x 595.276" in sizes[f"Page {first:>4} size"]  # landscape
    assert pages[0].lstrip().startswith("NORTH YORKSHIRE CHILDREN'S TRUST")  # the cover
