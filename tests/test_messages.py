"""Messages a performance officer can act on: what is wrong, where, and how to fix it, in
plain words, with YAML's own words kept after them for experts (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree

# (file text, the one line validate prints for it, after "plans/t.yaml:")
CASES = {
    "colon in text": (
        'id: "1"\nactions:\n  - id: "1.1"\n    summary: Note: the DCS will review\n    rag: red\n',
        "4:18: [error] the text of 'summary' holds ': ', which YAML reads as the start of "
        'another key; quote the value: summary: "Note: the DCS will review" (YAML: mapping '
        "values are not allowed in this context) (syntax)",
    ),
    "text starting with [": (
        'id: "1"\nactions:\n  - id: "1.1"\n    summary: [DRAFT] Review the plan\n    rag: red\n',
        "4:22: [error] text starting with '[' is read by YAML as a list; quote the value: "
        'summary: "[DRAFT] Review the plan" (YAML: while parsing a block mapping: did not '
        "find expected key) (syntax)",
    ),
    "text starting with {": (
        'id: "1"\ntitle: {Draft} plan\n',
        "2:16: [error] text starting with '{' is read by YAML as a mapping; quote the value: "
        'title: "{Draft} plan" (YAML: while parsing a block mapping: did not find expected '
        "key) (syntax)",
    ),
    "text starting with *": (
        'id: "1"\ntitle: *important* plan\n',
        "2:18: [error] text starting with '*' is read by YAML as an alias; quote the value: "
        'title: "*important* plan" (YAML: while scanning an alias: did not find expected '
        "alphabetic or numeric character) (syntax)",
    ),
    "text starting with &": (
        'id: "1"\ntitle: & more\n',
        "2:9: [error] text starting with '&' is read by YAML as an anchor; quote the value: "
        'title: "& more" (YAML: while scanning an anchor: did not find expected alphabetic '
        "or numeric character) (syntax)",
    ),
    "text starting with @": (
        'id: "1"\ntitle: @team plan\n',
        "2:8: [error] text starting with '@' cannot be written unquoted in YAML; quote the "
        'value: title: "@team plan" (YAML: while scanning for the next token: found '
        "character that cannot start any token) (syntax)",
    ),
    "text starting with !": (
        'id: "1"\ntitle: !urgent plan\nactions:\n  - {id: "1.1", summary: s, rag: green}\n',
        '2:8: [error] YAML tags (!urgent) are not allowed; if this is text, quote it: "!urgent '
        'plan" (yaml-tag)',
    ),
    "a tab in the indentation": (
        'id: "1"\nactions:\n\t- id: "1.1"\n',
        "3:1: [error] a tab is used in indentation; YAML needs ordinary spaces here (tabs)",
    ),
    "a tab inside a line": (
        'id: "1"\nactions:\n  -\tid: "1.1"\n',
        "3:4: [error] a tab is used in this line; YAML needs ordinary spaces here (tabs)",
    ),
    "a tab indenting the second key of a list item": (
        'id: "1"\nactions:\n  - id: a1\n\tsummary: s\n',
        "4:1: [error] a tab is used in indentation; YAML needs ordinary spaces here (tabs)",
    ),
    "an unclosed quote": (
        'id: "1"\ntitle: "Plan\nactions: []\n',
        '4:1: [error] the quote (") opened at line 2, column 8, is never closed; close it at '
        "the end of the text (YAML: while scanning a quoted scalar: found unexpected end of "
        "stream) (syntax)",
    ),
    "a list item at the wrong indent": (
        'id: "1"\nactions:\n  - id: "1.1"\n    summary: a\n    rag: red\n'
        '   - id: "1.2"\n    summary: b\n',
        "6:4: [error] this list item is not lined up with the items above it, whose '-' is at "
        "column 3; start every '- ' of a list at the same column (YAML: while parsing a block "
        "collection: did not find expected '-' indicator) (syntax)",
    ),
    "a key at the wrong indent": (
        'id: "1"\nactions:\n  - id: "1.1"\n    summary: a\n     rag: red\n',
        "5:9: [error] line 5 is indented more than the line above it; keys of the same item "
        "line up, at column 5 (YAML: mapping values are not allowed in this context) (syntax)",
    ),
    "non-breaking spaces as indentation": (
        'id: "1"\nactions:\n\u00a0\u00a0- id: "1.1"\n',
        "3:1: [error] a U+00A0 NO-BREAK SPACE is used to indent, where YAML needs an ordinary "
        "space; retype it as a space (it is often pasted from Word or a web page) (tabs)",
    ),
    "a non-breaking space after a colon": (
        'id: "1"\ntitle:\u00a0Plan\n',
        "2:7: [error] a U+00A0 NO-BREAK SPACE is used after ':', where YAML needs an ordinary "
        "space; retype it as a space (it is often pasted from Word or a web page) (tabs)",
    ),
    "a zero-width space in a status": (
        'id: "1"\nactions:\n  - id: "1.1"\n    summary: s\n    rag: amber\u200b\n    notes: n\n',
        "5:10: [error] action 1.1: status 'amber<U+200B ZERO WIDTH SPACE>' is not in the "
        "scale; use one of: green, amber, red (unknown-status)",
    ),
    "an empty file": (
        "# to be written\n",
        "1:1: [error] the file holds no theme: it is empty or only comments; a theme file "
        'starts with its id, such as: id: "1" (empty-file)',
    ),
    "two documents": (
        'id: "1"\nactions: []\n---\nid: "2"\n',
        "3:1: [error] the file holds a second YAML document after '---'; a plan file is one "
        "document: remove the '---' or move what follows to a file of its own (syntax)",
    ),
    "a list, not a theme": (
        '- id: "1"\n',
        "1:1: [error] the file holds a list, but a theme file holds keys with values; it should "
        'start like these three lines: id: "1" | title: Leadership and Governance | actions: '
        "(type)",
    ),
}


@pytest.mark.parametrize(("text", "line"), CASES.values(), ids=CASES.keys())
def test_yaml_mistakes_get_plain_words_and_the_fix(text: str, line: str, in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": text})
    run = run_cli("validate", "-f", "parsable", "plans")
    assert run.out.splitlines() == [f"plans/t.yaml:{line}"]


def test_two_documents_give_one_message_and_no_phantom_theme(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": 'id: "1"\n---\nactions: []\n'})
    problems = run_cli("validate", "-f", "parsable", "plans").out.splitlines()
    assert len(problems) == 1 and "second YAML document" in problems[0]


# Option values: ragplan's words, never a library's.

BAD_OPTIONS = [
    (
        ["summary", "--as-of", "2024-02-30"],
        "--as-of '2024-02-30': that date does not exist (February 2024 has 29 days)",
    ),
    (
        ["summary", "--as-of", "30/02/2024"],
        "--as-of '30/02/2024' is not a date written YYYY-MM-DD, e.g. 2010-09-20",
    ),
    (
        ["outstanding", "--as-of", "2010-13-01"],
        "--as-of '2010-13-01': that date does not exist (there is no month 13)",
    ),
    (["history", "--last", "0"], "0 is too small: at least 1"),
    (["history", "--last", "x"], "'x' is not a whole number"),
    (["validate", "--max-file-size", "0"], "0 is too small: at least 1"),
    (["summary", "--by", "owner"], "--by 'owner': use one of theme, lead_officer, lead_body"),
    (["summary", "--format", "pdfx"], "--format 'pdfx': use one of"),
    (["validate", "--format", "xml"], "--format 'xml': use one of"),
    (["--color", "sometimes", "validate"], "use auto, always or never"),
    (
        ["set", "1.3.6.1", "--due", "2011-02-30"],
        "--due must be a real date as YYYY-MM-DD, not '2011-02-30'",
    ),
]


@pytest.mark.parametrize(("args", "words"), BAD_OPTIONS, ids=[" ".join(a) for a, _ in BAD_OPTIONS])
def test_option_values_are_refused_in_plain_words(
    args: list[str], words: str, in_tmp: Path
) -> None:
    import shutil

    shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans")
    run = run_cli(*args)
    assert run.code == 2, run.err
    assert words in run.err
    for jargon in ("pydantic", "Input should", "Value error", "Traceback", "validation error"):
        assert jargon not in run.err


def test_a_non_breaking_space_inside_text_over_several_lines_is_the_texts(in_tmp: Path) -> None:
    """A quoted or block text may start a line with a non-breaking space: it is part of the
    text, not indentation (found by tests/test_properties.py)."""
    theme = (
        'id: "1"\nactions:\n  - id: "1.1"\n    summary: "first\\\n      \u00a0second"\n'
        "    rag: red\n    notes: |\n      \u00a0kept\n"
    )
    write_tree(in_tmp / "plans", {"1.yaml": theme})
    run = run_cli("validate", "-f", "parsable", "plans")
    assert (run.code, run.out) == (0, "")
    found = json.loads(run_cli("outstanding", "plans", "-f", "json").out)["actions"][0]
    assert found["summary"] == "first\u00a0second"
    assert found["notes"].strip("\n") == "\u00a0kept"  # the block keeps its line end
