"""Column widths for a rich Table, set so that no word or figure is cut short.

rich's own layout narrows the widest columns alike and cuts what no longer fits
('Principal Performance Manager' drawn 'Princip…'); this one never narrows a column below
its longest word, and lets the table be wider than the terminal when it must be (the
terminal then wraps its lines, and nothing is lost).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table

# The longest word a column is widened for; a longer one (a web address, a file path)
# is folded onto the next line, whole, rather than widen the table past the terminal.
LONG_WORD = 30


def lay_out(table: Table, width: int) -> int:
    """Set every column's width so that `table` fits `width` with no word cut or split,
    and return the table's width (more than `width` when its longest words need more).

    A column is as wide as its longest line where that fits; where it does not, the
    widest columns give way first, as rich's own layout does, but none below its longest
    word (up to LONG_WORD; its longest line where it does not wrap), which rich does not
    promise: it cuts words short. A table that expands to the terminal shares spare
    width by its columns' ratios. Each cell is measured once, as plain strings."""
    from rich.padding import Padding

    _, right, _, left = Padding.unpack(table.padding)  # pad_edge on, padding not collapsed
    columns = table.columns
    least: list[int] = []
    most: list[int] = []
    for column in columns:
        lines = [line for c in (column.header, *column.cells) for line in str(c).split("\n")]
        longest = max(cell_len(line) for line in lines)
        if column.width is not None:
            longest = column.width
        if column.no_wrap or column.width is not None:
            least.append(longest)
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
        low, high = 0, max(most)
        while low < high:  # the widest cap at which the table fits
            cap = (low + high + 1) // 2
            if sum(max(n, min(m, cap)) for n, m in zip(least, most, strict=True)) <= room:
                low = cap
            else:
                high = cap - 1
        widths = [max(n, min(m, low)) for n, m in zip(least, most, strict=True)]
        for at, (drawn, wanted) in enumerate(zip(widths, most, strict=True)):
            if sum(widths) < room and drawn < wanted:  # what is left, a column at a time
                widths[at] += 1
    for column, drawn in zip(columns, widths, strict=True):
        column.width, column.ratio = drawn, None
    table.expand = False
    return sum(widths) + frame
