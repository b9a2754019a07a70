"""Change one value in YAML text without touching any other byte.

Re-serialising a parsed document, even with a round-trip library, can
re-indent lists, re-wrap folded text or re-quote values nobody changed. Editing
the text itself cannot: the parser reports where each value starts and ends,
the new value is rendered in the style the old one had (plain, quoted, folded
or literal) and spliced into exactly that span. Every splice is checked by
parsing the result and reading the value back; a style that does not read back
exactly is passed over for the next plainest one.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from ragplan.reading.convert import yaml_type_of_plain

try:  # libyaml's parser through its public face, as ragplan.reading.yamlload reads it
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

# Folded text is wrapped so that lines, indentation included, stay within this width.
WIDTH = 88

PLAIN, SINGLE, DOUBLE, FOLDED, LITERAL = "", "'", '"', ">", "|"


@dataclass
class Scalar:
    """A scalar and its span: text[start:end] is exactly what the file says."""

    value: str
    style: str
    start: int
    end: int
    flow: bool


@dataclass
class Mapping:
    start: int
    flow: bool
    items: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> tuple[Scalar, Node] | None:
        for item in self.items:
            if item[0].value == key:
                return item
        return None


@dataclass
class Seq:
    start: int
    flow: bool
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Seq


class SpliceError(ValueError):
    """Text that is not the plain YAML plan files are made of (aliases, complex keys)."""


def parse_spans(text: str) -> Node | None:
    """Parse one YAML document, keeping the character span of every scalar.

    Raises yaml.YAMLError for text that is not YAML, SpliceError for YAML that
    plan files never contain.
    """
    parser: Any = _Parser(text.encode("utf-8"))
    stack: list[Mapping | Seq] = []
    pending_key: list[Scalar | None] = []
    root: Node | None = None
    while True:
        event: Any = parser.get_event()
        kind = type(event)
        node: Node
        if kind is ev.ScalarEvent:
            # libyaml marks count characters, not bytes: indexes into `text`.
            flow = bool(stack and stack[-1].flow)
            node = Scalar(
                event.value,
                event.style or PLAIN,
                event.start_mark.index,
                event.end_mark.index,
                flow,
            )
        elif kind is ev.MappingStartEvent:
            node = Mapping(event.start_mark.index, bool(event.flow_style))
        elif kind is ev.SequenceStartEvent:
            node = Seq(event.start_mark.index, bool(event.flow_style))
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            stack.pop()
            pending_key.pop()
            continue
        elif kind is ev.AliasEvent:
            raise SpliceError("YAML aliases are not supported")
        elif kind is ev.StreamEndEvent:
            return root
        else:
            continue
        if not stack:
            root = node
        else:
            parent = stack[-1]
            if isinstance(parent, Seq):
                parent.items.append(node)
            elif pending_key[-1] is None:
                if not isinstance(node, Scalar):
                    raise SpliceError("a mapping key must be plain text")
                pending_key[-1] = node
            else:
                key = pending_key[-1]
                assert key is not None
                parent.items.append((key, node))
                pending_key[-1] = None
        if isinstance(node, (Mapping, Seq)):
            stack.append(node)
            pending_key.append(None)


def column_of(text: str, index: int) -> int:
    """0-based column of a character index."""
    return index - (text.rfind("\n", 0, index) + 1)


def _content_end(text: str, node: Node, next_start: int | None = None) -> int:
    """Index just after the last character that belongs to `node`.

    A block scalar's span runs on over the blank lines after it; a
    collection's span is found from its last item.
    """
    if isinstance(node, Scalar):
        if node.style in (FOLDED, LITERAL):
            return len(text[: node.end].rstrip())
        return node.end
    last: Node | None
    if isinstance(node, Mapping):
        last = node.items[-1][1] if node.items else None
    else:
        last = node.items[-1] if node.items else None
    if last is None:
        return node.start + 2  # "{}" or "[]"
    end = _content_end(text, last)
    if node.flow:
        closing = text.find("}" if isinstance(node, Mapping) else "]", end)
        return closing + 1 if closing != -1 else end
    return end


# Rendering: each function returns the text of a value in one style, or None
# when that style cannot hold the value at all.


def _plain(value: str, *, allow_typed: bool) -> str | None:
    if not value or value != value.strip() or not value.isprintable():
        return None  # line breaks, tabs and control characters are clearer quoted
    if not allow_typed and yaml_type_of_plain(value) is not None:
        return None  # another YAML reader would not read it as text: quote it
    return value


def _single(value: str) -> str | None:
    if not value.isprintable():
        return None
    return "'" + value.replace("'", "''") + "'"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def _double(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ch in "\x7f\x85\u2028\u2029\ufeff":
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _folded(value: str, indent: int, width: int) -> str | None:
    paragraphs = value.split("\n")
    if any(not p or p != p.strip() or "  " in p or "\t" in p or "\r" in p for p in paragraphs):
        return None
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")  # in folded text, a blank line is a line break
        lines.extend(
            textwrap.wrap(
                paragraph,
                width=max(width - indent, 40),
                break_long_words=False,
                break_on_hyphens=False,  # "a-\nb" would fold to "a- b"
            )
        )
    return ">-\n" + "\n".join(" " * indent + line if line else "" for line in lines)


def _literal(value: str, indent: int) -> str | None:
    body = value[:-1] if value.endswith("\n") else value
    if not body or body.endswith("\n") or body[0] == " " or "\r" in body:
        return None
    chomp = "" if value.endswith("\n") else "-"
    lines = body.split("\n")
    return f"|{chomp}\n" + "\n".join(" " * indent + line if line else "" for line in lines)


def candidates(
    value: str,
    style: str | None,
    indent: int,
    *,
    flow: bool = False,
    width: int = WIDTH,
    first_line: int = 0,
    allow_typed: bool = False,
) -> list[str]:
    """The renderings of `value` to try, best first.

    `style` is the style the field has now (None for a new or empty field, which
    gets the plainest style that fits: plain or quoted when short, folded when
    long, literal when it has line breaks). `indent` is the indentation of block
    text; `first_line` is the width of what precedes the value on its line.
    """
    multiline = "\n" in value
    if flow:
        order = [PLAIN, SINGLE, DOUBLE]
    elif style in (SINGLE, PLAIN):
        order = [LITERAL, DOUBLE] if multiline else [style, SINGLE, DOUBLE]
    elif style == DOUBLE:
        order = [DOUBLE]
    elif style == FOLDED:
        order = [FOLDED, LITERAL, DOUBLE]
    elif style == LITERAL:
        order = [LITERAL, DOUBLE]
    elif multiline:
        order = [LITERAL, DOUBLE]
    elif first_line + len(value) > width:
        order = [FOLDED, PLAIN, SINGLE, DOUBLE]
    else:
        order = [PLAIN, SINGLE, DOUBLE]
    order = list(dict.fromkeys(order))
    if "'" in value and style != SINGLE and SINGLE in order and DOUBLE in order:
        # 'O''Hara' is valid YAML but "O'Hara" is what people read and write.
        order.remove(SINGLE)
    found: list[str] = []
    for each in order:
        rendered: str | None
        if each == PLAIN:
            rendered = _plain(value, allow_typed=allow_typed)
        elif each == SINGLE:
            rendered = _single(value)
        elif each == DOUBLE:
            rendered = _double(value)
        elif each == FOLDED:
            rendered = _folded(value, indent, width)
        else:
            rendered = _literal(value, indent)
        if rendered is not None and rendered not in found:
            found.append(rendered)
    return found


def _reads_back(
    text: str, locate: Callable[[Node | None], Mapping | None], keys: list[str], key: str
) -> str | None:
    """The value `key` reads back as, if the mapping's other keys are still `keys`."""
    try:
        mapping = locate(parse_spans(text))
    except (yaml.YAMLError, SpliceError):
        return None
    if mapping is None:
        return None
    found = [k.value for k, _ in mapping.items]
    if key not in keys and key in found:
        found.remove(key)  # the key being added
    if found != keys:
        return None
    item = mapping.get(key)
    if item is None or not isinstance(item[1], Scalar):
        return None
    return item[1].value


def _block_indent(text: str, scalar: Scalar, fallback: int) -> int:
    """The indentation of a block scalar's first content line."""
    for line in text[scalar.start : scalar.end].split("\n")[1:]:
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return fallback


def _block_width(text: str, scalar: Scalar) -> int:
    """The width folded text was wrapped at: its longest line, when it has several."""
    lines = [line.rstrip("\r") for line in text[scalar.start : scalar.end].split("\n")[1:]]
    lines = [line for line in lines if line.strip()]
    return max(len(line) for line in lines) if len(lines) > 1 else WIDTH


def set_value(
    text: str,
    locate: Callable[[Node | None], Mapping | None],
    key: str,
    value: str,
    order: Sequence[str],
    *,
    allow_typed: bool = False,
) -> str:
    """`text` with `key` of the mapping `locate` finds set to `value`.

    An existing value is replaced in its span; a missing key is added after the
    keys that come before it in `order` (the schema's order), at the mapping's
    indentation. Raises SpliceError if no rendering reads back as `value`.
    """
    mapping = locate(parse_spans(text))
    if mapping is None:
        raise SpliceError("the mapping to change was not found")
    key_col = column_of(text, mapping.items[0][0].start) if mapping.items else 0
    existing = mapping.get(key)
    tries: list[tuple[int, int, str]] = []  # (start, end, replacement)
    if (
        existing is not None
        and isinstance(existing[1], Scalar)
        and existing[1].end > existing[1].start
    ):
        old = existing[1]
        style: str | None = old.style
        if old.style == PLAIN and yaml_type_of_plain(old.value) == "null":
            style = None
        indent = key_col + 2
        width = WIDTH
        if old.style in (FOLDED, LITERAL):
            indent = _block_indent(text, old, indent)
            width = _block_width(text, old)
        first = column_of(text, old.start)
        end = _content_end(text, old)
        for rendered in candidates(
            value,
            style,
            indent,
            flow=old.flow,
            width=width,
            first_line=first,
            allow_typed=allow_typed,
        ):
            tries.append((old.start, end, rendered))
    elif existing is not None and isinstance(existing[1], Scalar):
        # `key:` with nothing after it: write the value after the colon.
        colon = text.index(":", existing[0].end) + 1
        first = column_of(text, colon) + 1
        for rendered in candidates(
            value,
            None,
            key_col + 2,
            flow=existing[1].flow,
            first_line=first,
            allow_typed=allow_typed,
        ):
            tries.append((colon, colon, " " + rendered))
    elif existing is not None:
        raise SpliceError(f"'{key}' holds a list or mapping, not a single value")
    else:
        tries = _insertions(text, mapping, key, value, order, key_col, allow_typed)
    keys = [k.value for k, _ in mapping.items]
    eol = "\r\n" if "\r\n" in text else "\n"  # new lines end as the file's lines do
    for start, end, replacement in tries:
        changed = text[:start] + replacement.replace("\n", eol) + text[end:]
        if _reads_back(changed, locate, keys, key) == value:
            return changed
    raise SpliceError(f"cannot write {value!r} as '{key}' in YAML that reads back the same")


def _insertions(
    text: str,
    mapping: Mapping,
    key: str,
    value: str,
    order: Sequence[str],
    key_col: int,
    allow_typed: bool,
) -> list[tuple[int, int, str]]:
    """Where and how a new key could be written into `mapping`."""
    rank = {name: i for i, name in enumerate(order)}
    mine = rank.get(key, len(order))
    before = [item for item in mapping.items if rank.get(item[0].value, len(order)) <= mine]
    after_key = before[-1] if before else (mapping.items[-1] if mapping.items else None)
    following = [item for item in mapping.items if rank.get(item[0].value, len(order)) > mine]
    tries = []
    if mapping.flow:
        if after_key is None:
            raise SpliceError("cannot add a key to an empty flow mapping")
        at = _content_end(text, after_key[1])
        for rendered in candidates(value, None, 0, flow=True, allow_typed=allow_typed):
            tries.append((at, at, f", {key}: {rendered}"))
        return tries
    renderings = candidates(
        value, None, key_col + 2, first_line=key_col + len(key) + 2, allow_typed=allow_typed
    )
    entry = [" " * key_col + f"{key}: {rendered}" for rendered in renderings]
    head = following[0][0] if following and not before else None
    if head is not None:
        line_start = text.rfind("\n", 0, head.start) + 1
        if not text[line_start : head.start].strip():
            return [(line_start, line_start, line + "\n") for line in entry]
    if after_key is None:
        raise SpliceError("cannot add a key to an empty mapping")
    last = _content_end(text, after_key[1])
    newline = text.find("\n", last)
    if newline > 0 and text[newline - 1] == "\r":
        newline -= 1
    if newline == -1:
        return [(len(text), len(text), "\n" + line) for line in entry]
    return [(newline, newline, "\n" + line) for line in entry]
