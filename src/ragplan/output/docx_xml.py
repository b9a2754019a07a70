"""The Word XML ragplan reads and mends: where a template's tags lie in Word's runs, and
table widths after docxtpl has added or removed columns.

Word keeps a paragraph as runs of text and starts a new run whenever formatting, spelling
state or revision marks change, so typing `{{ a.notes }}` in Word may save it as
`{{ a.` + `notes }}`. docxtpl joins such pieces (keeping the first run's formatting), but
a tag whose end is in another paragraph, or a stray `}}`, cannot be rendered:
`tag_problems` finds those before rendering, and names the paragraph.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPEN = re.compile(r"\{[{%#]")
_CLOSE = re.compile(r"[}%#]\}")


@dataclass(frozen=True)
class TagProblem:
    """A tag in a Word template that is split across runs, never closed, or never opened."""

    part: str  # 'word/document.xml'
    paragraph: int  # counted from 1 in its part
    kind: str  # 'split', 'unclosed' or 'unopened'
    text: str  # the tag, or the paragraph's text from where it goes wrong

    def __str__(self) -> str:
        return f"{self.part}, paragraph {self.paragraph}: {self.kind} tag {self.text!r}"


def _runs(paragraph: Any) -> list[str]:
    """The text of each run whose nearest paragraph is `paragraph` (a text box's runs
    belong to its own paragraphs)."""
    found = []
    for run in paragraph.iter(f"{W}r"):
        owner = run.getparent()
        while owner is not None and owner.tag != f"{W}p":
            owner = owner.getparent()
        if owner is paragraph:
            found.append(
                "".join(
                    (el.text or "") if el.tag == f"{W}t" else "\t"
                    for el in run
                    if el.tag in (f"{W}t", f"{W}tab")
                )
            )
    return found


def _paragraph_problems(texts: list[str], part: str, index: int) -> list[TagProblem]:
    text = "".join(texts)
    if "{" not in text and "}" not in text:
        return []
    owner = [i for i, t in enumerate(texts) for _ in t]
    problems = [
        TagProblem(part, index, "split", m.group())
        for m in _TAG.finditer(text)
        if owner[m.start()] != owner[m.end() - 1]
    ]
    rest = _TAG.sub(lambda m: " " * len(m.group()), text)
    problems += [
        TagProblem(part, index, "unclosed", text[m.start() : m.start() + 60])
        for m in _OPEN.finditer(rest)
    ]
    problems += [
        TagProblem(part, index, "unopened", text[max(0, m.start() - 58) : m.end()])
        for m in _CLOSE.finditer(rest)
    ]
    return problems


def tag_problems(path: Path) -> list[TagProblem]:
    """Every tag of a .docx (body, headers, footers, notes) that is split across runs,
    not closed in its paragraph, or closed without being opened."""
    from lxml import etree

    problems: list[TagProblem] = []
    with zipfile.ZipFile(path) as docx:
        for name in sorted(n for n in docx.namelist() if _PARTS.fullmatch(n)):
            root = etree.fromstring(docx.read(name))
            for index, paragraph in enumerate(root.iter(f"{W}p"), start=1):
                problems += _paragraph_problems(_runs(paragraph), name, index)
    return problems


# Table widths after rendering. `{%tc %}` loops and conditions change how many cells a row
# has, and docxtpl only rescales the template's grid; Word and LibreOffice then disagree
# on the widths. The grid is rebuilt from the rendered cells.

_TCPR_ORDER = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
).split()


def _in_schema_order(tcpr: Any) -> None:
    """docxtpl's cellbg and colspan put <w:shd> and <w:gridSpan> first in <w:tcPr>, where
    Word's schema wants <w:tcW> first."""
    rank = {f"{W}{tag}": i for i, tag in enumerate(_TCPR_ORDER)}
    for kid in sorted(tcpr, key=lambda e: rank.get(e.tag, len(rank))):
        tcpr.append(kid)


def _text_lines(cell: Any) -> list[str]:
    lines = []
    for paragraph in cell.iter(f"{W}p"):
        parts = []
        for el in paragraph.iter(f"{W}t", f"{W}br", f"{W}tab"):
            parts.append(
                (el.text or "") if el.tag == f"{W}t" else "\n" if el.tag == f"{W}br" else " "
            )
        lines.extend("".join(parts).split("\n"))
    return lines


_WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_EMU_PER_DXA = 635  # a twentieth of a point is 635 English Metric Units


def _content_widths(
    rows: list[Any], columns: int, char: int, pad: int
) -> tuple[list[int], list[int]]:
    """Per column: the width of its longest word or picture (the least it can take) and of
    its longest line up to 60 characters (what it would like), in twentieths of a point."""
    least, most = [0.0] * columns, [0.0] * columns
    pictures = [0] * columns
    for i, row in enumerate(rows):
        bold = 1.1 if i == 0 else 1.0  # the header row is bold, and bold is wider
        for j, cell in enumerate(row.findall(f"{W}tc")[:columns]):
            for line in _text_lines(cell):
                longest = max((len(word) for word in line.split()), default=0)
                if i == 0 and len(line) <= 8:
                    longest = len(line)  # a short heading ('% done') stays on one line
                least[j] = max(least[j], bold * longest)
                most[j] = max(most[j], bold * min(len(line), 60))
            for extent in cell.iter(_WP_EXTENT):  # a picture (a sparkline): its own width
                pictures[j] = max(pictures[j], int(extent.get("cx", "0")) // _EMU_PER_DXA)
    return (
        [max(round(n * char), p) + pad for n, p in zip(least, pictures, strict=True)],
        [max(round(max(n, 1) * char), p) + pad for n, p in zip(most, pictures, strict=True)],
    )


def _auto_layout(least: list[int], most: list[int], target: int) -> list[int]:
    """Browsers' table layout: the widths wanted if they fit (widened to fill `target`),
    else the least widths and a share of what is left."""
    if sum(most) <= target:
        return [w * target // sum(most) for w in most]
    if sum(least) >= target:
        return [w * target // sum(least) for w in least]
    spare = target - sum(least)
    give = [m - n for n, m in zip(least, most, strict=True)]
    return [n + g * spare // sum(give) for n, g in zip(least, give, strict=True)]


def _set_grid(table: Any, widths: list[int]) -> None:
    """The table's columns, and its width where the template gave one in twentieths."""
    tblw = table.find(f"{W}tblPr/{W}tblW")
    if tblw is not None and tblw.get(f"{W}type") == "dxa":
        tblw.set(f"{W}w", str(sum(widths)))
    grid = table.find(f"{W}tblGrid")
    for col in list(grid):
        grid.remove(col)
    for width in widths:
        grid.append(grid.makeelement(f"{W}gridCol", {f"{W}w": str(width)}))


def _cell_widths(table: Any, widths: list[int]) -> None:
    """Each cell's preferred width: the grid columns it spans (Word sizes a fixed table's
    cells by these, LibreOffice by the grid)."""
    for row in table.findall(f"{W}tr"):
        at = 0
        for cell in row.findall(f"{W}tc"):
            span_el = cell.find(f"{W}tcPr/{W}gridSpan")
            span = int(span_el.get(f"{W}val")) if span_el is not None else 1
            tcw = cell.find(f"{W}tcPr/{W}tcW")
            if tcw is not None:
                tcw.set(f"{W}w", str(sum(widths[at : at + span])))
                tcw.set(f"{W}type", "dxa")
            at += span


def _measure(font_pt: float) -> tuple[int, int]:
    """An average Arial character at `font_pt`, and a cell's margins with some air, in
    twentieths of a point."""
    return round(font_pt * 20 * 0.56), 2 * 85 + 40


def narrowest(body: Any, font_pt: float) -> int:
    """The width (dxa) the widest "autofit" table needs at the least: its longest words.
    A portrait page narrower than this needs turning."""
    char, pad = _measure(font_pt)
    found = 0
    for table in body.iter(f"{W}tbl"):
        layout = table.find(f"{W}tblPr/{W}tblLayout")
        rows = table.findall(f"{W}tr")
        if rows and layout is not None and layout.get(f"{W}type") == "autofit":
            least, _ = _content_widths(rows, len(rows[0].findall(f"{W}tc")), char, pad)
            found = max(found, sum(least))
    return found


def fit_tables(body: Any, usable: int, font_pt: float) -> None:
    """Rebuild each table's grid from its rendered cells, within `usable` width (dxa):

    * a table laid out "autofit" in the template gets widths from its text, as a browser
      would, then a fixed layout so Word and LibreOffice agree;
    * any other keeps the proportions of its first row, filling the page when its
      preferred width is 100%.
    """
    char, pad = _measure(font_pt)
    for table in body.iter(f"{W}tbl"):
        for tcpr in table.iter(f"{W}tcPr"):
            _in_schema_order(tcpr)
        rows = table.findall(f"{W}tr")
        if not rows:
            continue
        tblpr = table.find(f"{W}tblPr")
        tblw = tblpr.find(f"{W}tblW") if tblpr is not None else None
        layout = tblpr.find(f"{W}tblLayout") if tblpr is not None else None
        percent = tblw is not None and tblw.get(f"{W}type") == "pct"
        share = int(tblw.get(f"{W}w", "5000")) if tblw is not None and percent else 5000
        target = min(usable, usable * share // 5000)
        if layout is not None and layout.get(f"{W}type") == "autofit":
            least, most = _content_widths(rows, len(rows[0].findall(f"{W}tc")), char, pad)
            widths = _auto_layout(least, most, target)
            layout.set(f"{W}type", "fixed")
        else:
            first = [cell.find(f"{W}tcPr/{W}tcW") for cell in rows[0].findall(f"{W}tc")]
            if any(w is None or not w.get(f"{W}w", "").isdigit() for w in first):
                continue
            wanted = [int(w.get(f"{W}w")) for w in first]
            total = target if percent else min(sum(wanted), usable)
            widths = [w * total // sum(wanted) for w in wanted]
        _set_grid(table, widths)
        _cell_widths(table, widths)
