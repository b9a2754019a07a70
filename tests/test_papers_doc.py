"""docs/papers.md, the page for paper authors, lists exactly the names and filters a
paper has, and every example on it gives what it says."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli

from ragplan.papers.names import plan_names
from ragplan.papers.render import FILTERS, FUNCTIONS, JINJA_FILTERS, paper_problems
from ragplan.papers.source import Part, read_paper
from ragplan.plansets import load_valid
from ragplan.reading.schema import APPENDIX, PAPER

DOC = (REPO / "docs" / "papers.md").read_text(encoding="utf-8")
EXAMPLE = EXAMPLE_PLANS / "papers" / "board-2010-09.md"


def section(heading: str) -> str:
    """The text under a heading of the page, to the next (code blocks hold '## ' too)."""
    headings = re.findall(r"^## (.+)$", re.sub(r"```.*?```", "", DOC, flags=re.S), re.M)
    after = DOC.split(f"\n## {heading}\n", 1)[1]
    later = headings[headings.index(heading) + 1 :]
    return after.split(f"\n## {later[0]}\n", 1)[0] if later else after


def table(heading: str) -> list[list[str]]:
    """The rows of the first table under `heading`, cells unescaped, header left out."""
    rows = []
    for line in section(heading).splitlines():
        if not line.startswith("|") or set(line) <= set("|- "):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        rows.append(cells)
    return rows[1:]


def code(cell: str) -> str:
    found = re.fullmatch(r"`(.*)`", cell)
    assert found, cell
    return found.group(1)


def render(snippet: str) -> str:
    """`snippet` as the example paper's text, against the example plans."""
    source = read_paper(EXAMPLE)
    assert source.body is not None
    source = replace(source, body=Part(snippet, source.body.file, source.body.line))
    paper, problems = paper_problems(source, load_valid(EXAMPLE_PLANS))
    assert paper is not None, problems
    return paper.body.markdown


def test_the_front_matter_table_lists_every_key() -> None:
    keys = [code(row[0]) for row in table("The file")]
    assert keys == [f.name for f in PAPER.fields]
    for field in APPENDIX.fields:
        assert re.search(rf"`{field.name}[`:]", section("The file")), field.name


NAMES = table("Names")


@pytest.mark.parametrize("row", NAMES, ids=[row[0] for row in NAMES])
def test_each_name_gives_what_the_page_says(row: list[str]) -> None:
    written, _, gives = row
    if gives == "the table":
        assert "RAGPLAN-TABLE-" in render(code(written))
    else:
        assert render(code(written)) == code(gives)


def test_the_page_names_every_name_and_function() -> None:
    written = " ".join(code(row[0]) for row in NAMES)
    roots = set(re.findall(r"\{\{ (\w+)", written))
    names = set(plan_names(load_valid(EXAMPLE_PLANS), load_valid(EXAMPLE_PLANS).config.as_of))
    assert roots == names | {"paper"} | set(FUNCTIONS)


FILTER_ROWS = table("Filters")


@pytest.mark.parametrize("row", FILTER_ROWS, ids=[row[0] for row in FILTER_ROWS])
def test_each_filter_example_gives_what_the_page_says(row: list[str]) -> None:
    name, _, example, gives = row
    assert f"| {code(name)}" in code(example)
    assert render(code(example)) == code(gives)


def test_the_page_names_every_filter() -> None:
    documented = set(re.findall(r"`(\w+)`", section("Filters")))
    assert set(FILTERS) | set(JINJA_FILTERS) <= documented


def test_the_first_example_gives_what_the_page_says(in_tmp: Path) -> None:
    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    blocks = re.findall(r"```markdown\n(.*?)```", section("The file"), re.S)
    (in_tmp / "plans" / "papers" / "doc.md").write_text(blocks[0])
    run = run_cli("paper", "plans/papers/doc.md")
    assert run.code == 0, run.err
    assert blocks[1] in run.out
