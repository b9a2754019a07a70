"""Parse YAML bytes into plain dicts, lists and strings that remember their positions.

One pass over libyaml's event stream: no node tree is built or kept, no value is
resolved to a Python type (the schema decides what each scalar means), anchors,
aliases and tags are refused, and duplicate keys are reported with both lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ragplan.checks.problems import Problem
from ragplan.checks.rules import reading as rules

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


def _yaml_error(exc: yaml.MarkedYAMLError, data: bytes) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem = exc.problem or "invalid YAML"
    if "cannot start any token" in problem and b"\t" in data:
        text = data.split(b"\n", line)[line - 1].decode("utf-8")
        if text[column - 1 : column] == "\t":
            return rules.TABS.at(line, column, "a tab is used for indentation; YAML needs spaces")
    if exc.context and exc.context_mark is not None and exc.problem_mark is not None:
        context_line = exc.context_mark.line + 1
        problem = f"{problem} ({exc.context} at line {context_line})"
    return rules.SYNTAX.at(line, column, problem)


def parse(data: bytes) -> Parsed:
    """Parse one YAML document from UTF-8 bytes (a leading BOM is allowed)."""
    if data.startswith(BOM):
        data = data[3:]
    text = decode(data)
    if not isinstance(text, str):
        return Parsed(None, (1, 1, True), [text])
    import yaml

    problems: list[Problem] = []
    try:
        root, root_mark = _build(_parser(data), problems, text if "#" in text else None)
    except yaml.MarkedYAMLError as exc:
        problems.append(_yaml_error(exc, data))
        return Parsed(None, (1, 1, True), problems)
    except yaml.YAMLError as exc:  # errors without a position, e.g. a reader error
        problems.append(rules.SYNTAX.at(1, 1, str(exc).splitlines()[0]))
        return Parsed(None, (1, 1, True), problems)
    return Parsed(root, root_mark, problems)


def _parser(data: bytes) -> Any:
    try:  # the libyaml C parser; the pure-Python one is a slow but correct fallback
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - only without libyaml
        from yaml import SafeLoader as CParser  # type: ignore[assignment]
    return CParser(data)


def _comment_after(text: str, end: int) -> str | None:
    """The comment that follows an unquoted value ending at character `end`, on its line."""
    if text[end : end + 1] not in (" ", "\t"):  # the usual value runs to its line's end
        return None
    stop = text.find("\n", end)
    rest = text[end : stop if stop >= 0 else len(text)].strip()
    return rest if rest.startswith("#") else None


def _build(parser: Any, problems: list[Problem], text: str | None) -> tuple[YValue, ValueMark]:
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
                problems.append(
                    rules.YAML_TAG.at(line, column, f"YAML tags ({event.tag}) are not allowed")
                )
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
                if plain and text is not None and type(container) is YMap:
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
                        "only one YAML document is allowed per file; remove the '---'",
                    )
                )
        elif kind is ev.StreamEndEvent:
            return root, root_mark


# Marks a key whose value is skipped (a duplicate, or a key that was not text).
_DUPLICATE = "\x00duplicate"
