"""Editing YAML as text: only the value's own characters change, in the field's style."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS

from ragplan.editing.set_action import ACTION_ORDER, find_action
from ragplan.editing.yamlsplice import Mapping, Node, Scalar, SpliceError, parse_spans, set_value
from ragplan.reading.sources import is_plan_file

THEME_FILES = sorted(p for p in EXAMPLE_PLANS.iterdir() if is_plan_file(p))
ORDER = ["id", "lead_body", "summary", "due", "lead_officer", "rag", "notes", "carried_from"]


def action_ids(text: str) -> list[str]:
    root = parse_spans(text)
    assert isinstance(root, Mapping)
    found = []
    lists = [root.get("actions")]
    sections = root.get("sections")
    if sections is not None:
        lists.extend(s.get("actions") for s in sections[1].items)  # type: ignore[union-attr]
    for item in lists:
        if item is not None:
            for node in item[1].items:  # type: ignore[union-attr]
                found.append(node.get("id")[1].value)
    return found


def locator(action_id: str):  # type: ignore[no-untyped-def]
    return lambda node: find_action(node, action_id)


def root_map(node: Node | None) -> Mapping | None:
    return node if isinstance(node, Mapping) else None


def changed_region(before: str, after: str) -> tuple[int, int, int]:
    """(start, end in before, end in after) of the one region that differs."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    tail = 0
    while (
        tail < min(len(before), len(after)) - start
        and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
    ):
        tail += 1
    return start, len(before) - tail, len(after) - tail


def value_of(text: str, action_id: str, key: str) -> Scalar:
    action = find_action(parse_spans(text), action_id)
    assert action is not None
    item = action.get(key)
    assert item is not None and isinstance(item[1], Scalar)
    return item[1]


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.name)
def test_writing_every_value_back_unchanged_gives_identical_bytes(path: Path) -> None:
    """Re-rendering each field's own value reproduces the file: quoting, wrapping, all."""
    text = path.read_text(encoding="utf-8")
    for action_id in action_ids(text):
        action = find_action(parse_spans(text), action_id)
        assert action is not None
        for key, value in action.items:
            assert isinstance(value, Scalar)
            again = set_value(text, locator(action_id), key.value, value.value, ORDER)
            assert again == text, f"{path.name} {action_id} {key.value}"


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.name)
def test_changing_each_status_changes_only_that_value(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for action_id in action_ids(text):
        old = value_of(text, action_id, "rag")
        new_status = "amber" if old.value != "amber" else "red"
        after = set_value(text, locator(action_id), "rag", new_status, ORDER)
        start, end, new_end = changed_region(text, after)
        # The differing characters lie inside the old value's span, nowhere else.
        assert old.start <= start and end <= old.end
        assert text[: old.start] + new_status + text[old.end :] == after


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.name)
def test_changing_folded_notes_keeps_everything_around_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    new_notes = "Audit of supervisions booked for November 2010; " * 4
    new_notes = new_notes.strip()
    for action_id in action_ids(text):
        action = find_action(parse_spans(text), action_id)
        assert action is not None
        if action.get("notes") is None:
            continue
        old = value_of(text, action_id, "notes")
        after = set_value(text, locator(action_id), "notes", new_notes, ORDER)
        start, end, _ = changed_region(text, after)
        assert old.start <= start and end <= old.end
        changed = value_of(after, action_id, "notes")
        assert changed.value == new_notes and changed.style == ">"
        assert max(len(line) for line in after.splitlines()) <= 88


def test_a_new_field_goes_in_schema_order_at_the_actions_indentation() -> None:
    text = (EXAMPLE_PLANS / "6.yaml").read_text(encoding="utf-8")
    after = set_value(text, locator("6.2"), "notes", "Signed off in June.", ORDER)
    after = set_value(after, locator("6.2"), "due", "2010-06-30", ORDER, allow_typed=True)
    old_lines, new_lines = text.splitlines(), after.splitlines()
    at = old_lines.index('  - id: "6.2"')
    assert new_lines[at : at + 5] == [
        '  - id: "6.2"',
        "    summary: Completed action, not itemised in the September 2010 report.",
        "    due: 2010-06-30",
        "    rag: green",
        "    notes: Signed off in June.",
    ]
    assert new_lines[:at] + new_lines[at + 5 :] == old_lines[:at] + old_lines[at + 3 :]


SMALL = """\
# A comment that must survive.
actions:
  - id: "1"   # trailing comment
    summary: plain text
    lead_body: 'single'
    lead_officer: "double"
    notes: |-
      line one
      line two

    rag: amber
"""


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("summary", "other text", "summary: other text"),
        ("summary", "no", "summary: 'no'"),  # YAML 1.1 reads a plain no as false
        ("summary", "1.10", "summary: '1.10'"),
        ("summary", "a: b", "summary: 'a: b'"),
        ("summary", "#hash", "summary: '#hash'"),
        ("summary", "O'Hara", "summary: O'Hara"),
        ("summary", "O'Hara: AD", 'summary: "O\'Hara: AD"'),
        ("lead_body", "it's", "lead_body: 'it''s'"),
        ("lead_officer", 'say "hi"', 'lead_officer: "say \\"hi\\""'),
        ("lead_officer", "tab\there", 'lead_officer: "tab\\there"'),
        ("summary", "two\nlines", "summary: |-\n      two\n      lines"),
        ("notes", "- one\n- two", "notes: |-\n      - one\n      - two"),
        ("notes", "ends with newline\n", "notes: |\n      ends with newline"),
        ("notes", " leading space", 'notes: " leading space"'),
    ],
)
def test_each_style_is_kept_or_the_plainest_that_reads_back_is_used(
    key: str, value: str, expected: str
) -> None:
    after = set_value(SMALL, locator("1"), key, value, ORDER)
    assert value_of(after, "1", key).value == value
    assert expected in after
    old = value_of(SMALL, "1", key)
    start, end, _ = changed_region(SMALL, after)
    assert old.start <= start and end <= old.end


def test_folded_text_keeps_paragraphs_and_its_wrapping_width() -> None:
    text = (
        "actions:\n  - id: x\n    notes: >-\n"
        "      These notes were wrapped by hand at sixty characters,\n"
        "      narrower than ragplan would wrap them.\n"
        "    rag: red\n"
    )
    value = "word " * 30 + "end\nnext paragraph"
    after = set_value(text, locator("x"), "notes", value, ORDER)
    assert value_of(after, "x", "notes").value == value
    assert after.endswith("    rag: red\n")
    body = after.split(">-\n")[1].split("    rag")[0].splitlines()
    assert body[-2:] == ["", "      next paragraph"]
    assert max(len(line) for line in body) == 59  # "word word ... word" within 60


def test_empty_and_null_values_are_filled_in_place() -> None:
    text = "actions:\n  - id: x\n    notes:   # to do\n    lead_officer: ~\n    rag: red\n"
    after = set_value(text, locator("x"), "notes", "Done soon", ORDER)
    after = set_value(after, locator("x"), "lead_officer", "AD CSC", ORDER)
    assert after == (
        "actions:\n  - id: x\n    notes: Done soon   # to do\n    lead_officer: AD CSC\n"
        "    rag: red\n"
    )


def test_flow_mappings_are_edited_in_flow_style() -> None:
    text = "actions:\n  - {id: x, summary: s, rag: red}  # compact\n"
    after = set_value(text, locator("x"), "rag", "amber", ORDER)
    after = set_value(after, locator("x"), "notes", "a, b", ORDER)
    assert after == "actions:\n  - {id: x, summary: s, rag: amber, notes: 'a, b'}  # compact\n"


def test_crlf_files_keep_their_line_endings_and_unicode_is_counted_in_characters() -> None:
    text = "id: é€😀\r\nactions:\r\n  - id: x\r\n    rag: red\r\n"
    after = set_value(text, locator("x"), "notes", "line\nbreak", ORDER)
    after = set_value(after, locator("x"), "rag", "amber", ORDER)
    assert after == (
        "id: é€😀\r\nactions:\r\n  - id: x\r\n    rag: amber\r\n    notes: |-\r\n"
        "      line\r\n      break\r\n"
    )


def test_a_key_first_in_order_goes_before_the_first_key_after_leading_comments() -> None:
    text = "# schema line\norganisation: NYCC\nscale: []\n"
    after = set_value(text, root_map, "title", "New", ["title", "organisation", "scale"])
    assert after == "# schema line\ntitle: New\norganisation: NYCC\nscale: []\n"


def test_a_list_cannot_be_set_as_text() -> None:
    with pytest.raises(SpliceError):
        set_value("scale: []\n", root_map, "scale", "x", ["scale"])


def test_action_order_is_the_schema_order() -> None:
    assert ACTION_ORDER == ORDER
