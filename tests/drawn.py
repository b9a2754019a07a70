"""What a coloured terminal table looks like to a reader: its lines and words, colour
codes and box characters taken away."""

from __future__ import annotations

import re
from collections import Counter

from ragplan.output.tablelayout import LONG_WORD

BOX = "┏┳┓┃┡╇┩│├┼┤└┴┘━─"


def plain(drawn: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", drawn)


def tables(drawn: str) -> list[list[str]]:
    """The lines of each boxed table, from its top line (┏) to its bottom line (└)."""
    found: list[list[str]] = []
    inside = False
    for line in plain(drawn).splitlines():
        if line.startswith("┏"):
            found.append([])
            inside = True
        if inside:
            found[-1].append(line)
        if line.startswith("└"):
            inside = False
    return found


def words(drawn: str) -> Counter[str]:
    """Every word of the tables and text, as many times as it is shown."""
    return Counter(re.findall(rf"[^\s{BOX}]+", plain(drawn)))


def assert_same_words(narrow: str, wide: str) -> None:
    """`narrow` shows every word `wide` shows, whole and at least as often, and no other:
    no word cut short ('Princip…'), none dropped. A table turned on its side to fit
    (tablelayout.turned) repeats its headings, so a word may be shown more often. A word
    longer than LONG_WORD may be folded onto the next lines of its cell: its pieces are
    parts of it."""
    assert "…" not in plain(narrow)
    whole = words(wide)
    long_words = [w for w in whole if len(w) > LONG_WORD]
    pieces = [w for w in words(narrow) if w not in whole and any(w in x for x in long_words)]
    shown = words(narrow) - Counter({w: words(narrow)[w] for w in pieces + long_words})
    expected = whole - Counter({w: whole[w] for w in long_words})
    assert not expected - shown, "dropped or cut"
    assert set(shown) == set(expected), "words the wide table does not show"


def assert_boxes_whole(drawn: str) -> None:
    """Each table is one box: closed, every line as long as its top line."""
    found = tables(drawn)
    assert found
    for table in found:
        assert table[-1].startswith("└"), table
        assert {len(line) for line in table} == {len(table[0])}, table
