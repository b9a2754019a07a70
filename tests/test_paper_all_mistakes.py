"""A paper's every mistake in one run, however the mistakes mix (issue 25, item 7), and
status keys with a hyphen named the way the hint shows (issue 25, item 8)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_tree

THEME = """\
id: "1"
title: Governance
actions:
  - {id: "1.1", summary: Report monthly, rag: green, notes: Done}
  - {id: "1.2", summary: Audit case files, rag: red, notes: Audit booked}
"""

# Seven names misspelt as people misspell them: a group, a part of a name, a filter, a
# status, an appendix, an indicator, and one inside arithmetic.
SEVEN = """\
The plan has {{ countz.total }} actions.
{{ counts.gren }} are green, by {{ as_of | mnth }}.
- {{ status_sentence("rd") }}
See {{ appendix("outstandng") }} and {{ indicator("timelines").value }}.
That is {{ counts.totl - counts.red }} without the red one, of {{ plan.titel }}.
"""


def _paper(root: Path, body: str, scale: str = "") -> Path:
    write_tree(
        root / "plans",
        {
            "ragplan.yaml": f"title: Test Plan\nas_of: 2010-09-20\n{scale}",
            "1.yaml": THEME,
            "papers/p.md": "---\ntitle: A Paper\nappendices:\n"
            '  - {name: outstanding, report: outstanding, title: "B"}\n---\n' + body,
        },
    )
    return root / "plans" / "papers" / "p.md"


def test_seven_misspelt_names_of_every_kind_are_reported_in_one_check(in_tmp: Path) -> None:
    _paper(in_tmp, SEVEN)
    run = run_cli("paper", "--check", "plans/papers/p.md")
    assert run.code == 1
    assert run.err.splitlines() == [
        "plans/papers/p.md:6:17: [error] 'countz' is not a name a paper has; did you mean "
        "'counts'? (paper)",
        "plans/papers/p.md:7:11: [error] counts has no 'gren'; did you mean 'green'? (paper)",
        "plans/papers/p.md:7:44: [error] there is no filter 'mnth'; did you mean 'month' or "
        "'length'? (paper)",
        "plans/papers/p.md:8:23: [error] status_sentence: there is no status 'rd'; did you "
        "mean 'red'? (paper)",
        'plans/papers/p.md:9:18: [error] appendix("outstandng"): no appendix is named '
        "'outstandng'; did you mean 'outstanding'? (paper)",
        'plans/papers/p.md:9:52: [error] indicator("timelines"): the plan set has no '
        "indicators (they are the files of its indicators/ folder) (paper)",
        "plans/papers/p.md:10:19: [error] counts has no 'totl'; did you mean 'total'? (paper)",
        "plans/papers/p.md:10:72: [error] plan has no 'titel'; did you mean 'title'? (paper)",
        "ragplan: error: plans/papers/p.md has 8 problems; no paper was made",
    ]
    validated = run_cli("validate", "-f", "parsable", "plans")
    assert validated.code == 1 and len(validated.out.splitlines()) == 8


HYPHENS = """\
scale:
  - {key: complete, label: Complete, done: true}
  - {key: on-track, label: On track}
  - {key: at-risk, label: At risk}
"""


def test_a_hyphenated_status_is_named_with_an_underscore_or_in_brackets(in_tmp: Path) -> None:
    theme = THEME.replace("rag: green", "rag: on-track").replace("rag: red", "rag: at-risk")
    body = (
        "{{ counts.at_risk }} at risk ({{ statuses.at_risk.label }}), "
        '{{ counts["on-track"] }} {{ statuses.on_track.in_text }}: '
        '{{ actions.at_risk | summaries }}. {{ status_sentence("at_risk") }}.\n'
    )
    _paper(in_tmp, body, HYPHENS)
    (in_tmp / "plans" / "1.yaml").write_text(theme, encoding="utf-8")
    run = run_cli("paper", "plans/papers/p.md", "-f", "md")
    assert run.code == 0, run.err
    assert "1 at risk (At risk), 1 On track: Audit case files. 1 action is 'At risk'." in run.out


def test_the_hint_for_a_hyphenated_status_shows_a_spelling_that_works(in_tmp: Path) -> None:
    _paper(in_tmp, "{{ counts.at_rsk }}\n", HYPHENS)
    (in_tmp / "plans" / "1.yaml").write_text(
        THEME.replace("rag: green", "rag: complete").replace("rag: red", "rag: at-risk"),
        encoding="utf-8",
    )
    run = run_cli("paper", "--check", "plans/papers/p.md")
    assert run.code == 1
    assert "counts has no 'at_rsk'; did you mean 'at_risk'?" in run.err
    # The spelling the hint gives is one a paper can use.
    (in_tmp / "plans" / "papers" / "p.md").write_text(
        (in_tmp / "plans" / "papers" / "p.md").read_text().replace("at_rsk", "at_risk")
    )
    fixed = run_cli("paper", "plans/papers/p.md", "-f", "md")
    assert fixed.code == 0, fixed.err
    assert fixed.out.startswith("# A Paper\n\n1\n\n# Appendix A")


def test_a_hyphen_written_after_a_dot_says_how_to_write_it(in_tmp: Path) -> None:
    _paper(in_tmp, "{{ counts.at-risk }} and {{ statuses.at-risk.label }}\n", HYPHENS)
    (in_tmp / "plans" / "1.yaml").write_text(
        THEME.replace("rag: green", "rag: complete").replace("rag: red", "rag: at-risk"),
        encoding="utf-8",
    )
    run = run_cli("paper", "--check", "plans/papers/p.md")
    assert run.code == 1
    assert run.err.splitlines() == [
        "plans/papers/p.md:6:4: [error] 'counts.at-risk' reads as counts.at minus risk: a "
        'name with a hyphen is written with an underscore, counts.at_risk (or counts["at-risk"]) '
        "(paper)",
        "plans/papers/p.md:6:29: [error] 'statuses.at-risk.label' reads as statuses.at minus "
        "risk.label: a name with a hyphen is written with an underscore, "
        "statuses.at_risk.label (paper)",
        "ragplan: error: plans/papers/p.md has 2 problems; no paper was made",
    ]
