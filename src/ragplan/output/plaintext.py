"""Plain text tables and lines, laid out for a terminal's width when there is one.

Without a width (output piped to a program) a table is one line per row, as scripts
read it. With one (a terminal), a table wider than the terminal wraps its cells within
their columns, the widest columns giving way first and none narrower than its longest
word; when even that is too wide, it turns on its side: the headings down the left and
as many rows side by side as fit. Lines of prose wrap at words. No word is cut short
and no text dropped: only a word longer than LONG_WORD (a web address) is folded.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from ragplan.textsafe import show_controls

# The longest word a column is widened for; a longer one (a web address, a file path)
# is folded onto the next line, whole, rather than widen the table past the terminal.
LONG_WORD = 30
GAP = 2  # spaces between columns


def text_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    align: str = "",
    rule: bool = True,
    width: int | None = None,
) -> str:
    """A plain-text table with aligned columns; `align` has 'l' or 'r' per column, and
    `rule` draws a line of dashes under the headers. With `width` (a terminal's), no
    line is wider than it (see the module's docstring)."""
    cells = [[show_controls(str(c)).replace("\n", " ") for c in row] for row in rows]
    heads = [str(h) for h in headers]
    aligns = [i < len(align) and align[i] == "r" for i in range(len(heads))]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(heads)]
    if width is None or sum(widths) + GAP * (len(widths) - 1) <= width:
        return _drawn(heads, cells, aligns, rule, widths)
    fitted = _fit(heads, cells, aligns, width)
    if fitted is not None:
        return _drawn(heads, cells, aligns, rule, fitted)
    return _on_its_side(heads, cells, rule, width)


def _fit(
    heads: list[str], cells: list[list[str]], aligns: list[bool], width: int
) -> list[int] | None:
    """Column widths that fit `width`, or None when the columns' longest words (and
    right-aligned figures, never split) do not fit side by side. The widest columns give
    way first, as the terminal's coloured tables do (tablelayout.py)."""
    least: list[int] = []
    most: list[int] = []
    for i, head in enumerate(heads):
        body = [r[i] for r in cells]
        words = [len(w) for text in (head, *body) for w in text.split()] or [0]
        if aligns[i]:  # a figure is never split; its heading may wrap
            least.append(max([len(b) for b in body] + [min(max(words), LONG_WORD)]))
        else:
            least.append(min(max(words), LONG_WORD))
        most.append(max(len(t) for t in (head, *body)))
    room = width - GAP * (len(heads) - 1)
    if sum(least) > room:
        return None
    return capped_widths(least, most, room)


def capped_widths(least: list[int], most: list[int], room: int) -> list[int]:
    """Column widths within `room` when the widest (`most`) do not fit and the least do:
    the widest columns give way first, down to a common width, never below their least;
    what is left goes to the columns still short of their widest, one at a time. The
    plain and the coloured tables are laid out by this one rule."""
    low, high = 0, max(most)
    while low < high:  # the widest cap at which the table fits
        cap = (low + high + 1) // 2
        if sum(max(n, min(m, cap)) for n, m in zip(least, most, strict=True)) <= room:
            low = cap
        else:
            high = cap - 1
    widths = [max(n, min(m, low)) for n, m in zip(least, most, strict=True)]
    for at, wanted in enumerate(most):  # what is left, a column at a time
        if sum(widths) < room and widths[at] < wanted:
            widths[at] += 1
    return widths


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(width, 1), break_on_hyphens=False) or [""]


def _drawn(
    heads: list[str], cells: list[list[str]], aligns: list[bool], rule: bool, widths: list[int]
) -> str:
    def lines(row: Sequence[str]) -> list[str]:
        if all(len(c) <= w for c, w in zip(row, widths, strict=True)):
            wrapped = [[c] for c in row]
        else:
            wrapped = [_wrap(c, w) for c, w in zip(row, widths, strict=True)]
        out = []
        for n in range(max(len(w) for w in wrapped)):
            parts = []
            for i, found in enumerate(wrapped):
                cell = found[n] if n < len(found) else ""
                parts.append(cell.rjust(widths[i]) if aligns[i] else cell.ljust(widths[i]))
            out.append((" " * GAP).join(parts).rstrip())
        return out

    dashes = [(" " * GAP).join("-" * w for w in widths)] if rule else []
    return "\n".join([*lines(heads), *dashes, *(line for r in cells for line in lines(r))])


def _on_its_side(heads: list[str], cells: list[list[str]], rule: bool, width: int) -> str:
    """The table turned: its headings down the left, each row a column, as many rows side
    by side as fit `width` (at least one, its long words folded where even that is too
    wide), one block after another."""
    count = max(len(cells), 1)  # a table with no rows turns into a column of headings

    def laid(many: int) -> list[tuple[tuple[list[str], list[list[str]]], list[int] | None]]:
        blocks = [_turned(heads, cells[at : at + many]) for at in range(0, count, many)]
        return [(b, _fit(b[0], b[1], [False] * len(b[0]), width)) for b in blocks]

    low, high = 1, count  # the most rows side by side that fit: fewer fit if more do
    while low < high:
        many = (low + high + 1) // 2
        if all(w is not None for _, w in laid(many)):
            low = many
        else:
            high = many - 1
    drawn = []
    for (h, c), fitted in laid(low):
        if fitted is None:  # one row whose longest words are wider than the terminal
            label = min(max(len(x) for x in h[:1] + [r[0] for r in c]), width // 3)
            fitted = [label, max(1, width - label - GAP)]
        drawn.append(_drawn(h, c, [False] * len(h), rule, fitted))
    return "\n\n".join(drawn)


def _turned(heads: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """`rows` as columns: the first heading over the first cells, then a row per heading."""
    turned_heads = [heads[0], *(r[0] for r in rows)]
    turned = [[head, *(r[i] for r in rows)] for i, head in enumerate(heads) if i]
    return turned_heads, turned


def fit_lines(text: str, width: int) -> str:
    """Each line of `text` no wider than `width`: a longer one wrapped at words, its
    continuation indented as it is (and past a leading '- '), never cut short."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = " " * min(len(line) - len(body), width // 2)
        hang = indent + ("  " if body.startswith("- ") else "")
        out += textwrap.wrap(
            body,
            width,
            initial_indent=indent,
            subsequent_indent=hang,
            break_on_hyphens=False,
        )
    return "\n".join(out)
