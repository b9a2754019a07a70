"""Parse YAML bytes into plain dicts, lists and strings that remember their positions.

One pass over libyaml's event stream: no node tree is built or kept, no value is
resolved to a Python type (the schema decides what each scalar means), anchors,
aliases and tags are refused, and duplicate keys are reported with both lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ragplan.problems import Problem
from ragplan.rules import reading as rules
from ragplan.textsafe import char_name

if TYPE_CHECKING:
    import yaml

# yaml is imported where a file is parsed: a run served from the cache parses none.

# A scalar's position and whether it was written plain (unquoted): (line, column, plain).
# Lines and columns are 1-based.
ValueMark = tuple[int, int, bool]


class YMap(dict[str, "YValue"]):
    """A YAML mapping; `marks[key]` = (key line, key column, value mark). `comments[key]`
    is a comment on the same line as an unquoted value (None when there is none), which
    YAML silently cuts from the value: `summary: Review case #123` reads as 'Review case'."""

    __slots__ = ("line", "column", "marks", "comments")

    def __init__(self, line: int, column: int) -> None:
        super().__init__()
        self.line = line
        self.column = column
        self.marks: dict[str, tuple[int, int, ValueMark]] = {}
        self.comments: dict[str, str] | None = None


class YList(list["YValue"]):
    """A YAML sequence; `marks[i]` is the mark of item i."""

    __slots__ = ("line", "column", "marks")

    def __init__(self, line: int, column: int) -> None:
        super().__init__()
        self.line = line
        self.column = column
        self.marks: list[ValueMark] = []


YValue = YMap | YList | str | None


@dataclass
class Parsed:
    """The document of one file (None when empty) and what went wrong reading it."""

    root: YValue
    root_mark: ValueMark
    problems: list[Problem] = field(default_factory=list)  # their file is named by the reader


BOM = b"\xef\xbb\xbf"

# Plan files nest five levels (theme, sections, section, actions, action); anything far
# deeper is not a plan, and stopping early keeps hostile input from costing memory.
MAX_DEPTH = 20


def decode(data: bytes) -> str | Problem:
    """The text, or where the first byte that is not UTF-8 is."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = exc.start
        line = data.count(b"\n", 0, pos) + 1
        line_start = data.rfind(b"\n", 0, pos) + 1
        column = len(data[line_start:pos].decode("utf-8", "replace")) + 1
        return rules.ENCODING.at(
            line,
            column,
            f"byte 0x{data[pos]:02x} is not valid UTF-8; save the file as UTF-8",
        )


# Characters YAML reads as syntax at the start of an unquoted value.
_SYNTAX_STARTS = {
    "[": "a list",
    "{": "a mapping",
    "*": "an alias",
    "&": "an anchor",
    "!": "a tag",
    "%": "a directive",
    "@": "a reserved character",
    "`": "a reserved character",
    "|": "the start of literal text",
    ">": "the start of folded text",
}
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#][^:#]*?):[ \t]+(.*?)\s*$")


def _line(text: str, number: int) -> str:
    lines = text.split("\n")
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plain_words(exc: yaml.MarkedYAMLError, text: str, line: int, column: int) -> str | None:
    """What usually causes this YAML error, and its fix, in words; None if unknown."""
    problem = exc.problem or ""
    here = _line(text, line)
    char = here[column - 1 : column]
    if "cannot start any token" in problem and char in ("%", "@", "`"):
        pair = _KEY_VALUE.match(here)
        fix = f": {pair.group(2)}: {_quoted(pair.group(3))}" if pair is not None else ""
        return (
            f"text starting with '{char}' cannot be written unquoted in YAML; quote the value{fix}"
        )
    if "mapping values are not allowed" in problem:
        before = _line(text, line - 1) if line > 1 else ""
        pair = _KEY_VALUE.match(here)
        if pair is not None and ": " in pair.group(3) + " ":
            key, value = pair.group(2), pair.group(3)
            return (
                f"the text of '{key}' holds ': ', which YAML reads as the start of another "
                f"key; quote the value: {key}: {_quoted(value)}"
            )
        if before.strip() and _indent(here) > _indent(before):
            return (
                f"line {line} is indented more than the line above it; keys of the same "
                f"item line up, at column {_indent(before) + 1}"
            )
    if "did not find expected key" in problem or "scanning an alias" in (exc.context or ""):
        for number in (line, line - 1, exc.context_mark.line + 1 if exc.context_mark else 0):
            pair = _KEY_VALUE.match(_line(text, number))
            if pair is not None and pair.group(3)[:1] in _SYNTAX_STARTS:
                key, value = pair.group(2), pair.group(3)
                what = _SYNTAX_STARTS[value[0]]
                return (
                    f"text starting with '{value[0]}' is read by YAML as {what}; quote "
                    f"the value: {key}: {_quoted(value)}"
                )
    if "scanning an anchor" in (exc.context or "") or "scanning an alias" in (exc.context or ""):
        mark = exc.context_mark
        if mark is not None:
            pair = _KEY_VALUE.match(_line(text, mark.line + 1))
            if pair is not None and pair.group(3)[:1] in "*&":
                key, value = pair.group(2), pair.group(3)
                what = _SYNTAX_STARTS[value[0]]
                return (
                    f"text starting with '{value[0]}' is read by YAML as {what}; quote "
                    f"the value: {key}: {_quoted(value)}"
                )
    if "scanning a quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        start = exc.context_mark
        quote = _line(text, start.line + 1)[start.column : start.column + 1] or '"'
        return (
            f"the quote ({quote}) opened at line {start.line + 1}, column {start.column + 1}, "
            "is never closed; close it at the end of the text"
        )
    if "expected '-' indicator" in problem and exc.context_mark is not None:
        first = exc.context_mark.column + 1
        return (
            f"this list item is not lined up with the items above it, whose '-' is at "
            f"column {first}; start every '- ' of a list at the same column"
        )
    if "did not find expected key" in problem and exc.context_mark is not None:
        return (
            f"line {line} does not line up with the keys above it (from line "
            f"{exc.context_mark.line + 1}); check its indentation"
        )
    return None


def _yaml_error(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem = exc.problem or "invalid YAML"
    if _line(text, line)[column - 1 : column] == "\t" and (
        "cannot start any token" in problem or "tab character" in problem
    ):
        where = "indentation" if not _line(text, line)[: column - 1].strip() else "this line"
        return rules.TABS.at(
            line, column, f"a tab is used in {where}; YAML needs ordinary spaces here"
        )
    yaml_words = problem
    if exc.context and exc.context_mark is not None and exc.problem_mark is not None:
        yaml_words = f"{exc.context}: {problem}"
    words = _plain_words(exc, text, line, column)
    if words is None:
        return rules.SYNTAX.at(line, column, f"this is not valid YAML (YAML: {yaml_words})")
    return rules.SYNTAX.at(line, column, f"{words} (YAML: {yaml_words})")


# Spaces that are not ordinary spaces, where YAML needs an ordinary one: in a line's
# indentation, or right after a key's ':' or a list's '-'.
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]")
_STRUCTURAL = re.compile(
    "^([ \u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*)"
    "(?:-([\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]))?"
    "(?:[^:#\n]*:([\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]))?",
    re.M,
)


def _inside_scalars(text: str) -> set[int]:
    """The lines that continue a quoted or block scalar begun on an earlier line: there a
    leading non-breaking space is the text's, not indentation."""
    import yaml

    inside: set[int] = set()
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.ScalarEvent) and event.start_mark and event.end_mark:
                end = event.end_mark  # a block scalar ends at the start of the next line
                last = end.line + 1 if end.column else end.line
                inside.update(range(event.start_mark.line + 2, last + 1))
    except yaml.YAMLError:
        pass  # what the file says is unclear: every odd space may be to blame
    return inside


def _odd_spaces(text: str) -> Problem | None:
    """Where a non-breaking or other unusual space stands for a space YAML needs: pasted
    from Word or a web page, it looks right and silently changes what the file says."""
    if _ODD_SPACE.search(text) is None:  # the usual file
        return None
    inside = _inside_scalars(text)
    for number, line in enumerate(text.split("\n"), start=1):
        if number in inside:
            continue
        found = _STRUCTURAL.match(line)
        if found is None:
            continue
        indent = _ODD_SPACE.search(found.group(1))
        if indent is not None:
            at = indent.start()
            where = "to indent"
        else:
            after = next((g for g in (2, 3) if found.group(g)), None)
            if after is None:
                continue
            at = found.start(after)
            where = "after ':'" if after == 3 else "after '-'"
        name = char_name(line[at])
        return rules.TABS.at(
            number,
            at + 1,
            f"a {name} is used {where}, where YAML needs an ordinary space; retype it as "
            "a space (it is often pasted from Word or a web page)",
        )
    return None


def parse(data: bytes) -> Parsed:
    """Parse one YAML document from UTF-8 bytes (a leading BOM is allowed)."""
    if data.startswith(BOM):
        data = data[3:]
    text = decode(data)
    if not isinstance(text, str):
        return Parsed(None, (1, 1, True), [text])
    odd = _odd_spaces(text)
    if odd is not None:
        return Parsed(None, (1, 1, True), [odd])
    import yaml

    problems: list[Problem] = []
    try:
        root, root_mark = _build(_parser(data), problems, text)
    except yaml.MarkedYAMLError as exc:
        problems.append(_yaml_error(exc, text))
        return Parsed(None, (1, 1, True), problems)
    except yaml.YAMLError as exc:  # errors without a position, e.g. a reader error
        problems.append(rules.SYNTAX.at(1, 1, str(exc).splitlines()[0]))
        return Parsed(None, (1, 1, True), problems)
    return Parsed(root, root_mark, problems)


def _parser(data: bytes) -> Any:
    """A parser whose events are read one by one (get_event), never constructed into
    Python objects by yaml: libyaml's through its public face, CSafeLoader; the
    pure-Python one is a slow but correct fallback."""
    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover - only without libyaml
        from yaml import SafeLoader as Loader  # type: ignore[assignment]
    return Loader(data)


def _comment_after(text: str, end: int) -> str | None:
    """The comment that follows an unquoted value ending at character `end`, on its line."""
    if text[end : end + 1] not in (" ", "\t"):  # the usual value runs to its line's end
        return None
    stop = text.find("\n", end)
    rest = text[end : stop if stop >= 0 else len(text)].strip()
    return rest if rest.startswith("#") else None


def _build(parser: Any, problems: list[Problem], text: str) -> tuple[YValue, ValueMark]:
    """Turn the event stream into YMap/YList/str values in one loop.

    `container` is the mapping or sequence being filled; for a mapping, `key` is
    None while a key is awaited, else the key whose value comes next.
    """
    from yaml import events as ev

    get_event: Any = parser.get_event
    ScalarEvent, MappingStartEvent, SequenceStartEvent = (
        ev.ScalarEvent,
        ev.MappingStartEvent,
        ev.SequenceStartEvent,
    )
    stack: list[tuple[YMap | YList | None, str | None, tuple[int, int] | None]] = []
    container: YMap | YList | None = None
    key: str | None = None
    key_pos: tuple[int, int] | None = None
    root: YValue = None
    root_mark: ValueMark = (1, 1, True)
    documents = 0
    has_comments = "#" in text

    while True:
        event: Any = get_event()
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if event.anchor is not None:
                problems.append(
                    rules.ANCHORS.at(
                        line,
                        column,
                        f"YAML anchors (&{event.anchor}) are not allowed; write the value out",
                    )
                )
            if event.tag is not None and not (kind is ScalarEvent and event.tag == "!"):
                message = f"YAML tags ({event.tag}) are not allowed"
                if kind is ScalarEvent and event.style in ("", None):
                    # '!urgent plan' meant as text: show the fix.
                    start, end = event.start_mark.index, event.end_mark.index
                    message += f"; if this is text, quote it: {_quoted(text[start:end])}"
                problems.append(rules.YAML_TAG.at(line, column, message))
            value: Any
            if kind is ScalarEvent:
                value = event.value
                plain = event.style == "" or event.style is None
                if type(container) is YMap and key is None:
                    if value in container:
                        first = container.marks[value][0]
                        problems.append(
                            rules.DUPLICATE_KEY.at(
                                line,
                                column,
                                f"duplicate key '{value}' (first at line {first}); "
                                "YAML would silently keep only the last",
                            )
                        )
                        # Keep the first value and skip this one's.
                        key, key_pos = _DUPLICATE, (line, column)
                    else:
                        key, key_pos = value, (line, column)
                    continue
                vmark: ValueMark = (line, column, plain)
                if plain and has_comments and type(container) is YMap:
                    comment = _comment_after(text, event.end_mark.index)
                    if comment is not None and key is not None and key is not _DUPLICATE:
                        if container.comments is None:
                            container.comments = {}
                        container.comments[key] = comment
            else:
                value = YMap(line, column) if kind is MappingStartEvent else YList(line, column)
                vmark = (line, column, False)
            if container is None:
                root, root_mark = value, vmark
            elif type(container) is YMap:
                if key is None:  # a mapping or sequence used as a key
                    problems.append(rules.SYNTAX.at(line, column, "a key must be plain text"))
                    key, key_pos = _DUPLICATE, (line, column)
                elif key is not _DUPLICATE:
                    assert key_pos is not None
                    container[key] = value
                    container.marks[key] = (key_pos[0], key_pos[1], vmark)
                if type(value) is str:
                    key = None
            else:
                assert isinstance(container, YList)
                container.append(value)
                container.marks.append(vmark)
            if type(value) is not str:
                if len(stack) >= MAX_DEPTH:
                    problems.append(
                        rules.NESTING.at(
                            line,
                            column,
                            f"nested more than {MAX_DEPTH} levels deep, the limit (plan files "
                            "need 5); the rest of the file was not read",
                        )
                    )
                    return root, root_mark
                stack.append((container, key, key_pos))
                container, key, key_pos = value, None, None
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            container, key, key_pos = stack.pop()
            if type(container) is YMap:
                key = None
        elif kind is ev.AliasEvent:
            mark = event.start_mark
            problems.append(
                rules.ANCHORS.at(
                    mark.line + 1,
                    mark.column + 1,
                    f"YAML aliases (*{event.anchor}) are not allowed; write the value out",
                )
            )
            if type(container) is YMap:
                key = None if key is not None else _DUPLICATE
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents == 2:
                mark = event.start_mark
                problems.append(
                    rules.SYNTAX.at(
                        mark.line + 1,
                        mark.column + 1,
                        "the file holds a second YAML document after '---'; a plan file is "
                        "one document: remove the '---' or move what follows to a file of "
                        "its own",
                    )
                )
                return None, (1, 1, True)
        elif kind is ev.StreamEndEvent:
            return root, root_mark


# Marks a key whose value is skipped (a duplicate, or a key that was not text).
_DUPLICATE = "\x00duplicate"
