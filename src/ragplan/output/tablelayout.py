"""Column widths for a rich Table, set so that no word or figure is cut short, and the
table turned on its side where it cannot fit the terminal even so.

rich's own layout narrows the widest columns alike and cuts what no longer fits
('Principal Performance Manager' drawn 'Princip…'); this one never narrows a column below
its longest word. A table whose longest words do not fit side by side is turned: its
headings down the left and as many of its rows side by side as fit (`turned`), so that
no line is wider than the terminal and nothing is lost.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table

from ragplan.output.plaintext import LONG_WORD, capped_widths


def lay_out(table: Table, width: int) -> int:
    """Set every column's width so that `table` fits `width` with no word cut or split,
    and return the table's width (more than `width` when its longest words need more).

    A column is as wide as its longest line where that fits; where it does not, the
    widest columns give way first, as rich's own layout does, but none below its longest
    word (up to LONG_WORD; in a column of figures, never split, its longest figure, its
    heading wrapping at words), which rich does not promise: it cuts words short. A
    table that expands to the terminal shares spare width by its columns' ratios. Cells
    are measured as plain strings."""
    from rich.padding import Padding

    _, right, _, left = Padding.unpack(table.padding)  # pad_edge on, padding not collapsed
    columns = table.columns
    least: list[int] = []
    most: list[int] = []
    heads_wrap: list[bool] = []
    for column in columns:
        lines = [line for c in (column.header, *column.cells) for line in str(c).split("\n")]
        longest = max(cell_len(line) for line in lines)
        head_words = [cell_len(w) for w in str(column.header).split()] or [0]
        body = [cell_len(line) for c in column.cells for line in str(c).split("\n")] or [0]
        if column.width is not None:
            longest = column.width
        heads_wrap.append(column.no_wrap and column.width is None)
        if column.width is not None:
            least.append(longest)
        elif column.no_wrap:  # its figures are never split; its heading may wrap at words
            least.append(max([*body, min(max(head_words), LONG_WORD)]))
        else:  # a word longer than LONG_WORD (a web address) is folded onto the next line
            column.overflow = "fold"
            words = (cell_len(w) for line in lines for w in (line.split() or [""]))
            least.append(min(max(words), LONG_WORD))
        most.append(longest)
    frame = (len(columns) + 1 if table.box else 0) + (left + right) * len(columns)
    room = width - frame
    if sum(most) <= room:
        widths = most
        spare = room - sum(most)
        ratios = [c.ratio or 0 for c in columns]
        if table.expand and spare and any(ratios):
            widths = [w + spare * r // sum(ratios) for w, r in zip(widths, ratios, strict=True)]
    elif sum(least) >= room:
        widths = least
    else:  # the widest columns give way first, down to a common width, never below least
        widths = capped_widths(least, most, room)
    for column, drawn, wanted, wraps in zip(columns, widths, most, heads_wrap, strict=True):
        column.width, column.ratio = drawn, None
        if wraps and drawn < wanted:
            column.no_wrap = False  # as wide as its longest figure: only the heading wraps
    table.expand = False
    return sum(widths) + frame


def turned(table: Table, width: int) -> list[Table]:
    """`table` turned on its side to fit `width`: its first heading over a column of its
    other headings, each row a column (headed by its first cell), as many rows side by
    side as fit, in tables one after another, each laid out by lay_out. The headings'
    column is kept to a third of the width where their words allow, leaving the rest to
    the rows' values, and narrowed to its longest word where that lets more fit. Where
    even one row does not fit (a terminal narrower than a heading and a word), one row
    a table, as narrow as lay_out can make it."""
    heads = [line for c in table.columns for line in str(c.header).split("\n")]
    longest_word = min(max([cell_len(w) for line in heads for w in line.split()] or [0]), LONG_WORD)
    longest = max(cell_len(line) for line in heads)
    rooms = sorted({min(longest, max(longest_word, width // 3)), longest_word}, reverse=True)
    rows = list(zip(*(list(c.cells) for c in table.columns), strict=True))
    if not rows:  # headings alone: drawn as they are
        return [table]

    def laid(many: int, room: int) -> list[Table] | None:
        at_a_time = range(0, len(rows), many)
        blocks = [_turned(table, rows[at : at + many], at == 0, room) for at in at_a_time]
        return blocks if all(lay_out(block, width) <= width for block in blocks) else None

    best: list[Table] | None = None
    low, high = 1, len(rows)  # the most rows side by side that fit: fewer fit if more do
    while low <= high:
        many = (low + high) // 2
        found = next((b for b in (laid(many, room) for room in rooms) if b is not None), None)
        if found is not None:
            best, low = found, many + 1
        else:
            high = many - 1
    return best if best is not None else _laid_anyway(table, rows, rooms[-1], width)


def _laid_anyway(
    table: Table, rows: list[tuple[RenderableType, ...]], room: int, width: int
) -> list[Table]:
    """One row a table, each as narrow as lay_out makes it, for a terminal narrower than a
    heading and a word beside it: wider than the terminal, but nothing cut."""
    blocks = [_turned(table, [row], at == 0, room) for at, row in enumerate(rows)]
    for block in blocks:
        lay_out(block, width)
    return blocks


def _turned(table: Table, rows: list[tuple[RenderableType, ...]], titled: bool, room: int) -> Table:
    """Rows as columns beside a column, `room` wide, of the table's headings."""
    drawn = Table(
        title=table.title if titled else None,
        title_justify=table.title_justify,
        show_lines=table.show_lines,
    )
    columns = table.columns
    drawn.add_column(columns[0].header, width=room)
    for row in rows:
        drawn.add_column(row[0])
    for at, column in enumerate(columns[1:], start=1):
        drawn.add_row(column.header, *(row[at] for row in rows))
    return drawn
