"""Rendering: Markdown tables keep their shape, HTML is escaped, terminals are not driven."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import drawn
import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli, write_tree
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ragplan.textsafe import csv_cell, md_cell, show_controls

CASES = REPO / "tests" / "cases"
BRAG = CASES / "brag" / "plans"


def md_tables(text: str) -> list[list[list[str]]]:
    """Each table of `text` as rows of cell texts, as a Markdown reader sees them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            tables[-1].append(row)
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            row.append(_plain(token.children or []))
    return tables


def _plain(children: list[Token]) -> str:
    """The text a reader sees in a cell: '<br>' is a line break, escapes are gone."""
    parts = []
    for child in children:
        if child.type == "html_inline" and child.content == "<br>":
            parts.append("\n")
        elif child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.children:
            parts.append(_plain(child.children))
    return "".join(parts)


@pytest.mark.parametrize("case", ["example", "brag"])
@pytest.mark.parametrize("report", ["summary", "outstanding"])
def test_every_markdown_table_row_keeps_its_columns(case: str, report: str) -> None:
    text = (CASES / case / "expected" / f"{report}.md").read_text(encoding="utf-8")
    tables = md_tables(text)
    assert tables
    for table in tables:
        assert {len(row) for row in table} == {len(table[0])}
        if report == "outstanding":
            assert table[0] == [
                "Lead Body",
                "Ref",
                "Key Actions Summary (with end date)",
                "Lead Officer",
                "RAG Rating",
                "Notes",
            ]


def test_hostile_notes_keep_every_word_in_their_cell() -> None:
    text = (CASES / "brag" / "expected" / "outstanding.md").read_text(encoding="utf-8")
    rows = {row[1]: row for table in md_tables(text) for row in table[1:]}
    assert rows["2.10.1"][0] == "Trust | Board"
    assert rows["2.10.1"][4] == "Red (overdue)"
    assert rows["2.10.1"][5].split("\n") == [
        "Line one",
        "Line two",
        "Line three",
        "Line four 😀 £5 “quoted” ‘single’",
    ]
    assert rows["2.2.10"][2] == (
        "<script>alert('x')</script> & &copy; \\ backslash [link](http://x) "
        "~~struck~~ _under_ (end date 30 June 2024)"
    )
    assert "- first | piped\n- second with `code`" in rows["2.2.10"][5]
    assert "[red]rich markup[/red]" in rows["2.2.10"][5]


cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(list("\r\n|\\`*_[]<>&#;~!()=-+@ \u2028")),
    max_size=40,
)


@given(st.lists(cell_text, min_size=6, max_size=6))
def test_any_text_stays_in_its_own_cell_with_every_word(cells: list[str]) -> None:
    header = "| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n"
    row = "| " + " | ".join(md_cell(c) for c in cells) + " |\n"
    [table] = md_tables(header + row)
    assert len(table[1]) == 6
    for original, seen in zip(cells, table[1], strict=True):
        assert seen.split() == original.split()


def test_md_cell_turns_every_line_break_into_br() -> None:
    assert md_cell("a\r\nb\rc\nd\u2028e") == "a<br>b<br>c<br>d<br>e"
    assert md_cell(None) == ""
    assert md_cell("&amp; A&S") == "\\&amp; A&S"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_could_be_formulas_are_neutralised(start: str) -> None:
    assert csv_cell(start + "1+1") == "'" + ("\n" if start == "\r" else start) + "1+1"
    assert csv_cell("1+1") == "1+1"
    assert csv_cell(5) == 5
    # A control character in front does not hide a formula start.
    assert csv_cell("\x10" + start + "1+1") == "'" + ("\n" if start == "\r" else start) + "1+1"


def test_show_controls_makes_escape_sequences_visible() -> None:
    assert show_controls("a\x1b[31mb\x07\x9bc\n") == "a\\x1b[31mb\\x07\\x9bc\n"


def test_html_is_escaped_and_self_contained() -> None:
    page = (CASES / "brag" / "expected" / "outstanding.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)=|@import|url\(""", page)
    assert "@media print" in page
    assert page.count('<span class="overdue">overdue</span>') == 2


def test_html_rag_cells_carry_the_word_and_a_contrasting_colour() -> None:
    page = (CASES / "example" / "expected" / "outstanding.html").read_text(encoding="utf-8")
    assert page.count('style="background: #ffbf47; color: #000000">Amber</td>') == 11
    assert page.count('style="background: #d4351c; color: #ffffff">Red</td>') == 1


def test_the_terminal_table_shows_control_characters_and_markup_as_text() -> None:
    run = run_cli("--color", "always", "outstanding", BRAG)
    assert run.code == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", run.out)  # the table's own styling
    assert "\x1b" not in plain and "\x07" not in plain
    assert "\\x1b[31mred\\x1b[0m" in plain
    assert "[red]rich" in plain
    assert "overdue" in plain
    assert "\x1b[" in run.out  # it is the coloured table


def test_piped_or_no_color_text_is_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    piped = run_cli("summary", EXAMPLE_PLANS)
    assert piped.out.splitlines()[0] == "162 actions: 150 green / 11 amber / 1 red"
    assert "\x1b" not in piped.out
    monkeypatch.setenv("NO_COLOR", "1")
    assert run_cli("--color", "auto", "summary", EXAMPLE_PLANS).out == piped.out
    assert "\x1b" in run_cli("--color", "always", "summary", EXAMPLE_PLANS).out


@pytest.mark.parametrize("width", ["40", "70", "200"])
def test_the_coloured_summary_never_cuts_a_title_short(
    width: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At any terminal width every title is drawn whole, no word split or replaced by an
    ellipsis, every figure on one line, and no line wider than the terminal: a table too
    wide even with its cells wrapped is turned on its side (a row a column)."""

    monkeypatch.setenv("COLUMNS", width)
    drawn = re.sub(
        r"\x1b\[[0-9;]*m", "", run_cli("--color", "always", "summary", EXAMPLE_PLANS).out
    )
    assert "…" not in drawn
    assert max(len(line) for line in drawn.splitlines()) <= int(width)
    # The second cell of a line is the Title column, or, turned, the first theme's values.
    titles = "".join(line.split("│")[2] for line in drawn.splitlines() if line.count("│") >= 3)
    assert "ICTInfrastructureandResilience" in titles.replace(" ", "")  # read down its column
    if "┃ Title" not in drawn:  # turned: the totals are a column headed Total
        heads = next(line for line in drawn.splitlines() if "┃ Total" in line)
        at = [cell.strip() for cell in heads.split("┃")].index("Total")
        block = drawn[drawn.index(heads) :].split("└")[0]
        figures = [line.split("│")[at].strip() for line in block.splitlines() if "│" in line]
        assert [f for f in figures if f] == ["150", "11", "1", "162", "92%"]
        return
    totals = [line for line in drawn.splitlines() if line.startswith("│ Total")]
    assert re.findall(r"\d+%?", totals[0]) == ["150", "11", "1", "162", "92%"]


@pytest.mark.parametrize("width", ["50", "100"])
def test_the_coloured_outstanding_table_never_cuts_a_word_short(
    width: str, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rich narrowed the widest columns alike and cut what did not fit: at 100 columns,
    'Principal Performance Manager' was drawn 'Princip…'. Every word is now whole, a
    column no narrower than its longest word, and a table too wide for the terminal even
    so is turned on its side: no line is wider than the terminal."""

    plans = in_tmp / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    theme = plans / "1.1-ict-infrastructure-and-resilience.yaml"
    officer = "Principal Performance and Improvement Manager (Safeguarding)"
    address = "https://www.northyorks.gov.uk/children-and-families/safeguarding-board"
    text = theme.read_text().replace("David Sadler", officer)
    theme.write_text(
        text.replace("Corporate ICT to update", f"Corporate ICT (see {address}) to update")
    )
    monkeypatch.setenv("COLUMNS", width)
    drawn = re.sub(r"\x1b\[[0-9;]*m", "", run_cli("--color", "always", "outstanding").out)
    assert "…" not in drawn
    words = set(re.findall(r"[^\s│┃]+", drawn))
    assert set(officer.split()) <= words
    assert {"1.1.5.2", "Amber", "Corporate", "underway"} <= words
    # A word longer than a column should be (a web address) is folded, whole, onto the
    # next lines of its cell, not cut, nor left to widen the table past the terminal.
    # Read down the last column: the notes, or, turned, the action's values.
    notes = "".join(
        line.split("│")[-2].strip() for line in drawn.splitlines() if line.count("│") >= 3
    )
    assert address in notes
    assert max(len(line) for line in drawn.splitlines()) <= int(width)
    if width == "50":  # the officer's long title does not fit beside the others: turned
        assert "┃ Ref" in drawn and "│ Notes" in drawn


@pytest.mark.parametrize("width", ["40", "80", "200"])
@pytest.mark.parametrize(
    "args",
    [
        ["summary"],
        ["summary", "--by", "lead_officer"],
        ["outstanding"],
        ["outstanding", "--status", "red"],
        ["indicators"],
    ],
    ids=" ".join,
)
def test_coloured_tables_keep_every_word_at_every_width(
    args: list[str], width: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drawn by rich for a narrow terminal, every table is one whole box and shows every
    word it shows on a wide one, none cut short or dropped; where the widest line fits the
    terminal, the tables keep to its width."""
    command = ["--color", "always", *args, str(EXAMPLE_PLANS), "--as-of", "2010-09-20"]
    if args[0] == "indicators":
        command.remove("--as-of")
        command.remove("2010-09-20")
    monkeypatch.setenv("COLUMNS", "1000")
    wide = run_cli(*command)
    monkeypatch.setenv("COLUMNS", width)
    narrow = run_cli(*command)
    assert narrow.code == wide.code == 0
    assert "\x1b[" in narrow.out
    drawn.assert_boxes_whole(narrow.out)
    drawn.assert_same_words(narrow.out, wide.out)
    assert max(len(line) for line in drawn.plain(narrow.out).splitlines()) <= int(width)


def test_summary_md_is_the_seed_section_3_4_word_for_word() -> None:
    out = run_cli("summary", EXAMPLE_PLANS, "--format", "md").out
    lines = out.splitlines()
    # The title block every report has, naming the organisation and the plan; then 3.4.
    assert lines[:4] == [
        "# Post-Inspection Action Plan: Implementation Status (September 2010)",
        "",
        "North Yorkshire Children's Trust. As of 20 September 2010.",
        "",
    ]
    lines = lines[4:]
    assert lines[:5] == [
        "By September 2010 the status of the 162 actions is as follows:",
        "",
        "- 150 actions are 'green': these actions have been completed",
        "- 11 actions are 'amber': progress has been made but further work is required",
        "- 1 action is 'red': little or no progress has been made",
    ]


def test_outstanding_md_is_appendix_b_as_one_table() -> None:
    out = run_cli("outstanding", EXAMPLE_PLANS, "--format", "md").out
    assert out.startswith("# Post-Inspection Action Plan: Outstanding Actions (September 2010)\n")
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert out.count("| Lead Body | Ref |") == 1  # one table, the seed's six columns
    assert table[2:5] == [
        "| **1.1: ICT Infrastructure and Resilience** | | | **David Sadler** | | |",
        "| **1.1.5 Telephone Resilience** | | | | | |",
        table[4],
    ]
    assert table[4].startswith("| NYCC | 1.1.5.2 |") and "| David Sadler | Amber |" in table[4]
    assert "| **6** | | | **AD CSC** | | |" in table
    assert "\n## " not in out  # no heading per theme: the rows say it


def test_summary_by_lead_body_groups_the_table() -> None:
    out = run_cli("summary", EXAMPLE_PLANS, "-f", "md", "--by", "lead_body").out
    [table] = md_tables(out)
    assert [row[0] for row in table] == [
        "Lead body",
        "NYCC",
        "NYCC / LSCB",
        "NYCC PCT",
        "(not given)",
        "Total",
    ]


def test_a_plan_folder_template_overrides_the_built_in(tmp_path: Path) -> None:
    plans = write_tree(
        tmp_path / "plans",
        {
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: green}\n',
            "templates/summary.md.j2": (
                "{{ total }} {{ 'action' | plural(total) }} by {{ as_of | month }}\n"
            ),
        },
    )
    assert run_cli("summary", plans, "-f", "md", "--as-of", "2024-02-29").out == (
        "1 action by February 2024\n"
    )
    other = write_tree(tmp_path / "mine", {"summary.md.j2": "mine: {{ title }}\n"})
    run = run_cli("summary", plans, "-f", "md", "--templates", other)
    assert run.out == "mine: Action Plan\n"
    # The built-in HTML template is still used.
    assert "<!DOCTYPE html>" in run_cli("summary", plans, "-f", "html").out


def test_template_file_renders_one_file_with_the_context(tmp_path: Path) -> None:
    template = (
        write_tree(
            tmp_path,
            {"t.html.j2": "{% for a in actions %}{{ a.id }}:{{ a.summary }};{% endfor %}\n"},
        )
        / "t.html.j2"
    )
    run = run_cli("outstanding", BRAG, "--template", template)
    assert run.code == 0
    assert "2.2.10:&lt;script&gt;" in run.out  # .html templates autoescape


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ totl }}", "t.md.j2:1: uses 'totl', which the summary report does not have"),
        ("{% for %}", "t.md.j2:1:"),
        ("{% include 'nowhere.j2' %}", "template not found: nowhere.j2"),
    ],
)
def test_broken_templates_fail_with_exit_4(tmp_path: Path, text: str, message: str) -> None:
    template = write_tree(tmp_path, {"t.md.j2": text}) / "t.md.j2"
    run = run_cli("summary", EXAMPLE_PLANS, "--template", template)
    assert run.code == 4
    assert message in run.err and "Traceback" not in run.err


def test_a_template_file_or_folder_that_is_not_there_is_a_path_problem(tmp_path: Path) -> None:
    run = run_cli("summary", EXAMPLE_PLANS, "--template", tmp_path / "none.j2")
    message = f"ragplan: error: --template {tmp_path}/none.j2: no such file\n"
    assert (run.code, run.err) == (3, message)
    run = run_cli("summary", EXAMPLE_PLANS, "--templates", tmp_path / "none")
    message = f"ragplan: error: --templates {tmp_path}/none: no such folder\n"
    assert (run.code, run.err) == (3, message)


def test_output_file_is_written_whole(in_tmp: Path) -> None:
    run = run_cli("outstanding", EXAMPLE_PLANS, "-f", "md", "-o", "appendix-b.md")
    assert run.code == 0 and run.out == ""
    assert "wrote appendix-b.md" in run.err
    expected = (CASES / "example" / "expected" / "outstanding.md").read_text(encoding="utf-8")
    assert (in_tmp / "appendix-b.md").read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in in_tmp.iterdir()) == ["appendix-b.md"]


def test_unknown_format_is_a_usage_error() -> None:
    run = run_cli("summary", EXAMPLE_PLANS, "--format", "xlsx")
    assert run.code == 2 and "--format" in run.err
    assert "use one of text, md, html, json, csv, docx, pdf" in run.err


def test_an_invalid_plan_set_is_refused(tmp_path: Path) -> None:
    plans = write_tree(tmp_path, {"1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", rag: mauve}\n'})
    run = run_cli("outstanding", plans)
    assert run.code == 1 and "ragplan validate" in run.err


def test_summary_without_arguments_finds_the_plans_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    out = run_cli("summary").out
    assert out.splitlines()[0] == "162 actions: 150 green / 11 amber / 1 red"


def test_reports_import_neither_rich_nor_jinja_until_needed() -> None:
    code = "import sys, ragplan.cli; print(sorted({'rich', 'jinja2'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
