"""A Word document as text, read back with python-docx: what the golden files keep of a
.docx (its bytes change with every save) and what the Word tests compare.

Each paragraph is `[Style] text`; each table is its alternative text, then one line per
row: `|` between cells, a shaded cell's fill and text colour in braces, `(header)` on a
row that repeats on every page, and `spans` where a cell covers several grid columns.
A picture (a chart) is `picture:` with its title and its description (Alt Text).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn


def fill(cell: Any) -> str | None:
    """A cell's shading ('FFBF47'), or None."""
    shd = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    return shd.get(qn("w:fill")) if shd is not None else None


def run_colours(cell: Any) -> list[str]:
    return [c.get(qn("w:val")) for c in cell._tc.iter(qn("w:color"))]


def is_header(row: Any) -> bool:
    props = row._tr.trPr
    return props is not None and props.find(qn("w:tblHeader")) is not None


def alt_text(table: Any) -> tuple[str | None, str | None]:
    """A table's title and description: Word's Alt Text."""
    props = table._tbl.tblPr
    found = []
    for tag in ("w:tblCaption", "w:tblDescription"):
        el = props.find(qn(tag))
        found.append(el.get(qn("w:val")) if el is not None else None)
    return found[0], found[1]


def cells(row: Any) -> list[Any]:
    """The row's cells, each once (python-docx repeats a cell that spans columns)."""
    seen: set[int] = set()
    found = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            found.append(cell)
    return found


def _span(cell: Any) -> int:
    span = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def dump(path: Path) -> str:
    doc = Document(str(path))
    section = doc.sections[0]
    props = doc.core_properties
    width, height = round(section.page_width.cm, 1), round(section.page_height.cm, 1)
    lines = [
        f"page: {width} x {height} cm, {'landscape' if width > height else 'portrait'}",
        f"title: {props.title}",
        f"subject: {props.subject}",
        f"language: {props.language}",
        "",
    ]
    body = doc.element.body
    tables = iter(doc.tables)
    paragraphs = iter(doc.paragraphs)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = next(paragraphs)
            lines.append(f"[{paragraph.style.name}] {paragraph.text}")
            for picture in child.iter(qn("wp:docPr")):
                lines.append(f"picture: {picture.get('title')} / {picture.get('descr')}")
        elif child.tag == qn("w:tbl"):
            table = next(tables)
            caption, description = alt_text(table)
            lines.append(f"table: {caption} / {description}")
            for row in table.rows:
                shown = []
                for cell in cells(row):
                    text = cell.text.replace("\n", " / ")
                    shade = fill(cell)
                    if shade:
                        colours = "/".join(run_colours(cell)[:1])
                        text += f" {{{shade}{'/' + colours if colours else ''}}}"
                    if _span(cell) > 1:
                        text += f" (spans {_span(cell)})"
                    shown.append(text)
                lines.append(("(header) " if is_header(row) else "  ") + " | ".join(shown))
    return "\n".join(lines) + "\n"
