"""Never mislead a board: each way 0.1.0 gave a silently wrong or misleading answer, and the
answer now (issue 11). Every test here failed on 0.1.0."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree
from gitrepo import GitRepo

FORMATS = ("text", "md", "html", "json")

BRAG = """\
title: CQC Action Plan
organisation: Example NHS Trust
as_of: 2024-03-31
scale:
  - key: blue
    label: Blue
    meaning: complete and checked
    done: true
  - key: green
    label: Green
    meaning: on track
  - key: amber
    label: Amber
  - key: red
    label: Red – DCS escalation
  - key: withdrawn
    label: Withdrawn
    meaning: superseded or merged
    counts: false
"""


def _theme(*actions: tuple[str, str, str]) -> str:
    lines = ['id: "1"', "title: Safe care", "lead_officer: Head of Children’s Services", "actions:"]
    for ident, rag, lead in actions:
        lines += [
            f'  - id: "{ident}"',
            f"    summary: Action {ident}.",
            f"    rag: {rag}",
            f"    lead_officer: {lead}",
            "    notes: Noted.",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def brag(in_tmp: Path) -> Path:
    return write_tree(
        in_tmp / "plans",
        {
            "ragplan.yaml": BRAG,
            "1.yaml": _theme(
                ("1.1", "blue", "Head of Safeguarding / Principal Social Worker"),
                ("1.2", "amber", "Head of Safeguarding"),
                ("1.3", "red", "Principal Social Worker"),
                ("1.4", "withdrawn", "Head of Safeguarding"),
                ("1.5", "green", "Head of Children’s Services"),
            ),
        },
    )


# 5. Filters are stated, counts say what they are out of, and a value that matches
# nothing is an error with the nearest values.


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_states_its_filters_and_what_the_list_is_out_of(brag: Path, fmt: str) -> None:
    run = run_cli(
        "outstanding", brag, "-f", fmt, "--status", "red", "--lead", "principal social worker"
    )
    assert run.code == 0, run.err
    if fmt == "json":
        data = json.loads(run.out)
        assert data["filters"] == {
            "status": ["Red – DCS escalation"],
            "lead_officer": ["Principal Social Worker"],
        }
        assert (data["total"], data["outstanding"], data["listed"]) == (5, 3, 1)
    else:
        assert (
            "Filters: status: Red – DCS escalation; lead officer: Principal Social Worker"
            in run.out
        )
        assert "1 listed of 3 outstanding, 5 actions" in run.out


def test_a_filter_that_keeps_everything_out_says_so(brag: Path) -> None:
    run = run_cli("outstanding", brag, "--lead", "head of children's services", "--status", "red")
    assert run.code == 0
    assert (
        "No outstanding action matches these filters; 3 actions are outstanding in all." in run.out
    )
    assert "No outstanding actions." not in run.out


def test_curly_and_straight_apostrophes_match_the_same_lead(brag: Path) -> None:
    straight = run_cli("outstanding", brag, "-f", "json", "--lead", "Head of Children's Services")
    assert straight.code == 0, straight.err
    assert json.loads(straight.out)["filters"] == {"lead_officer": ["Head of Children’s Services"]}


def test_a_misspelt_lead_is_an_error_naming_the_nearest(brag: Path) -> None:
    run = run_cli("outstanding", brag, "--lead", "Head of Safegaurding")
    assert run.code == 2
    assert run.err == (
        "ragplan: error: --lead 'Head of Safegaurding' matches no lead officer in the plan set; "
        "nearest: 'Head of Safeguarding'\n"
    )


# 6. Closing an action is never "worsened"; the scale's order is checked.


def test_a_done_status_listed_last_still_ranks_first(in_tmp: Path) -> None:
    scale = (
        "scale:\n  - {key: blue, done: true}\n  - {key: green}\n  - {key: red}\n"
        "  - {key: closed, label: Closed – superseded, done: true}\n"
    )
    repo = GitRepo(in_tmp)
    theme = 'id: "1"\nactions:\n  - id: "1.1"\n    summary: S\n    rag: {rag}\n    notes: n\n'
    repo.commit(
        {"plans/ragplan.yaml": scale, "plans/1.yaml": theme.replace("{rag}", "red")}, tag="jan"
    )
    write_tree(in_tmp, {"plans/1.yaml": theme.replace("{rag}", "closed")})
    data = json.loads(run_cli("diff", "jan", "plans", "-f", "json").out)
    assert [(c["id"], c["kind"]) for c in data["changes"]] == [("1.1", "improved")]
    assert (
        json.loads(run_cli("summary", "plans", "--since", "jan", "-f", "json").out)["direction"]
        == "improved"
    )
    warned = run_cli("validate", "plans")
    assert "done status 'Closed – superseded' is listed after 'Green'" in warned.out


# 7. A withdrawn action is neither done nor outstanding, and no percentage counts it.


def test_withdrawn_actions_have_a_line_of_their_own_and_count_in_no_percentage(brag: Path) -> None:
    data = json.loads(run_cli("summary", brag, "-f", "json").out)
    # 5 actions, 1 withdrawn: 1 done of the 4 counted (25%), never 1 of 5 (20%) or 2 of 5.
    assert (data["total"], data["counted"], data["done"], data["percent_done"]) == (5, 4, 1, 25)
    md = run_cli("summary", brag, "-f", "md").out
    assert (
        "- 1 action is 'withdrawn': superseded or merged (not counted as done or outstanding)" in md
    )
    assert "25% done of the 4 actions counted." in md
    text = run_cli("summary", brag).out
    assert text.splitlines()[0].endswith("/ 1 withdrawn (not counted)")
    listed = json.loads(run_cli("outstanding", brag, "-f", "json").out)
    assert [a["id"] for a in listed["actions"]] == ["1.2", "1.3", "1.5"]


# 8. A renamed status key keeps its own column, and every row adds up.


def test_a_renamed_status_key_keeps_its_own_column(in_tmp: Path) -> None:
    repo = GitRepo(in_tmp)
    old = "scale:\n  - {key: complete, label: Green, done: true}\n  - {key: amber}\n"
    new = "scale:\n  - {key: green, label: Green, done: true}\n  - {key: amber}\n"
    theme = 'id: "1"\nactions:\n  - id: "1.1"\n    summary: S\n    rag: {rag}\n    notes: n\n'
    repo.commit(
        {"plans/ragplan.yaml": old, "plans/1.yaml": theme.replace("{rag}", "complete")}, tag="jan"
    )
    write_tree(in_tmp, {"plans/ragplan.yaml": new, "plans/1.yaml": theme.replace("{rag}", "green")})
    rows = list(
        csv.reader(io.StringIO(run_cli("summary", "plans", "--since", "jan", "-f", "csv").out))
    )
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    then = [
        h for h in header if h.startswith("previous_") and h[9:] in ("green", "amber", "complete")
    ]
    assert then == ["previous_green", "previous_amber", "previous_complete"]
    assert sum(int(row[h]) for h in then) == int(row["previous_total"]) == 1
    md = run_cli("diff", "jan", "plans", "-f", "md").out
    counts_header = next(line for line in md.splitlines() if line.startswith("| Theme"))
    assert counts_header == "| Theme | Green | Amber | Green (earlier scale) | Total |"


# 9. One order, natural id order, in every format.


def test_actions_under_a_theme_and_its_sections_come_in_one_order_everywhere(in_tmp: Path) -> None:
    plans = write_tree(
        in_tmp / "plans",
        {
            "1.yaml": 'id: "1"\nsections:\n  - id: "1.1"\n    actions:\n'
            '      - {id: "1.1.1", summary: S, rag: red, notes: n}\n'
            "actions:\n"
            '  - {id: "1.4", summary: S, rag: red, notes: n}\n'
            '  - {id: "1.5", summary: S, rag: red, notes: n}\n'
        },
    )
    order = ["1.1.1", "1.4", "1.5"]
    shapes = {
        "text": "  {}  ",
        "md": "| {} |",
        "html": '<th scope="row">{}</th>',
        "json": '"id": "{}"',
    }
    for fmt in ("text", "md", "html", "json", "csv"):
        out = run_cli("outstanding", plans, "-f", fmt).out
        shape = shapes.get(fmt, "\n{},")
        found = sorted(order, key=lambda ident: out.index(shape.format(ident)))
        assert found == order, fmt


# 10. Labels are shown as written; the seed's wording still comes from its scale.


def test_labels_are_shown_as_written(brag: Path) -> None:
    md = run_cli("summary", brag, "-f", "md").out
    assert "- 1 action is 'Red – DCS escalation'" in md
    assert "red – dcs escalation" not in md
    seed = run_cli("summary", EXAMPLE_PLANS, "-f", "md").out
    assert "- 150 actions are 'green': these actions have been completed" in seed


# 11. organisation is where a board paper puts it.


@pytest.mark.parametrize("report", ["summary", "outstanding"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_organisation_is_in_every_report_with_a_heading(
    brag: Path, report: str, fmt: str
) -> None:
    out = run_cli(report, brag, "-f", fmt).out
    if report == "summary" and fmt == "md":
        return  # section 3.4's text, pasted under the paper's own heading
    assert "Example NHS Trust" in out
    if fmt == "html":
        assert "<title>Example NHS Trust: CQC Action Plan" in out


# 3. -o never overwrites plan files.


@pytest.mark.parametrize("target", ["1.yaml", "ragplan.yaml", "../elsewhere.yml"])
def test_a_report_is_never_written_over_a_plan_file(brag: Path, target: str) -> None:
    path = brag / target
    before = path.read_bytes() if path.exists() else None
    run = run_cli("summary", brag, "-f", "md", "-o", path)
    assert run.code == 3
    assert "a report is never written over a .yaml or .yml file" in run.err
    assert (path.read_bytes() if path.exists() else None) == before


def test_a_report_is_never_written_over_another_file_in_the_plan_folder(brag: Path) -> None:
    (brag / "notes.txt").write_text("mine")
    run = run_cli("outstanding", brag, "-f", "md", "-o", brag / "notes.txt")
    assert run.code == 3 and "is a file in the plan folder" in run.err
    assert (brag / "notes.txt").read_text() == "mine"


# 4. init never breaks a folder that already has themes.


def test_init_refuses_a_folder_that_holds_a_plan_set(brag: Path) -> None:
    before = {p.name: p.read_bytes() for p in brag.iterdir() if p.is_file()}
    for args in ([], ["--force"]):
        run = run_cli("init", brag, *args)
        assert run.code == 1
        assert "already holds a plan set (1 theme file, such as 1.yaml)" in run.err
    after = {
        p.name: p.read_bytes() for p in brag.iterdir() if p.is_file() and p.name != ".ragplan.lock"
    }
    assert after == before
    assert run_cli("validate", brag).code == 0
