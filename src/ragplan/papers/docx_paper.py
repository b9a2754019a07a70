"""A board paper in Word: paper.docx rendered with docxtpl, its parts written as Word
(docx_text.py), each report made by its own Word template, all merged in with docxcompose,
each appendix on a new page turned as its report is.

Imported only when a paper is made in Word.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ragplan.output.docx_report import keep_braces
from ragplan.papers.docx_text import W, Writer
from ragplan.papers.made import Paper, PaperAppendix, Rendered

_BOOKMARK = "_ragplan_page_"  # marks where a new page, turned as its content needs, starts


# Pages: each section of the paper takes the page of its content.


@dataclass(frozen=True)
class Page:
    """A page's size and margins (<w:pgSz>, <w:pgMar>), and the width text has on it."""

    size: Any
    margins: Any

    @property
    def usable(self) -> int:
        """The text width in twentieths of a point."""
        width = int(self.size.get(f"{W}w"))
        return width - int(self.margins.get(f"{W}left")) - int(self.margins.get(f"{W}right"))


def page_of(doc: Any) -> Page:
    """The page of a document's last section."""
    sect = doc.element.body.find(f"{W}sectPr")
    return Page(copy.deepcopy(sect.find(f"{W}pgSz")), copy.deepcopy(sect.find(f"{W}pgMar")))


class Block:
    """Word XML that a `{{p name }}` tag puts in place of its paragraph; empty, it leaves
    nothing. Its text keeps '{_{' as written (see keep_braces)."""

    def __init__(self, xml: str = "") -> None:
        self.xml = keep_braces(xml)

    def __html__(self) -> str:
        return self.xml

    def __bool__(self) -> bool:
        return bool(self.xml)

    def __add__(self, other: Block) -> Block:
        joined = Block()
        joined.xml = self.xml + other.xml
        return joined


def _marker(index: int) -> Block:
    """A paragraph saying that page `index` of the paper's list starts here."""
    return Block(
        f'<w:p xmlns:w="{W[1:-1]}"><w:bookmarkStart w:id="0" w:name="{_BOOKMARK}{index}"/>'
        '<w:bookmarkEnd w:id="0"/></w:p>'
    )


def _section_end(base: Any, page: Page) -> Any:
    """The paper's own section properties (header, footer, columns) on `page`, starting
    on a new page."""
    sect = copy.deepcopy(base)
    for tag in ("type", "pgSz", "pgMar"):
        for old in sect.findall(f"{W}{tag}"):
            sect.remove(old)
    # pgSz and pgMar follow the header and footer references and the footnote properties.
    at = len([k for k in sect if k.tag.split("}")[1] in _BEFORE_PAGE])
    sect.insert(at, copy.deepcopy(page.margins))
    sect.insert(at, copy.deepcopy(page.size))
    return sect


_BEFORE_PAGE = {"headerReference", "footerReference", "footnotePr", "endnotePr"}


def _lay_out_pages(body: Any, pages: list[Page], first: Page) -> None:
    """Turn the markers into section breaks: the content before each marker keeps the page
    it had, the content after takes the marker's; the last section's page is the body's."""
    base = body.find(f"{W}sectPr")
    current = first
    for child in list(body):
        mark = child.find(f"{W}bookmarkStart")
        name = mark.get(f"{W}name", "") if mark is not None else ""
        if child.tag != f"{W}p" or not name.startswith(_BOOKMARK):
            continue
        page = pages[int(name.removeprefix(_BOOKMARK))]
        before = child.getprevious()
        ends = before is not None and before.tag == f"{W}p"
        ppr = before.find(f"{W}pPr") if ends else None
        if before is None or (ppr is not None and ppr.find(f"{W}sectPr") is not None):
            body.remove(child)  # nothing since the last break: no empty page between
        elif ends:
            if ppr is None:
                ppr = before.makeelement(f"{W}pPr", {})
                before.insert(0, ppr)
            change = ppr.find(f"{W}pPrChange")
            sect = _section_end(base, current)
            if change is not None:
                change.addprevious(sect)
            else:
                ppr.append(sect)
            body.remove(child)
        else:  # after a table: the marker's own paragraph ends the section, as small as can be
            for kid in list(child):
                child.remove(kid)
            ppr = child.makeelement(f"{W}pPr", {})
            spacing = ppr.makeelement(
                f"{W}spacing",
                {f"{W}before": "0", f"{W}after": "0", f"{W}line": "20", f"{W}lineRule": "exact"},
            )
            ppr.append(spacing)
            rpr = ppr.makeelement(f"{W}rPr", {})
            rpr.append(rpr.makeelement(f"{W}sz", {f"{W}val": "2"}))
            ppr.append(rpr)
            ppr.append(_section_end(base, current))
            child.append(ppr)
        current = page
    last = _section_end(base, current)
    body.replace(base, last)


@dataclass
class Embedded:
    """A report made by its own Word template, ready to merge: the document and its page."""

    doc: Any
    page: Page


# Merging: each piece's styles, numbering and links brought into the paper.


# What comes before <w:tabs> in a paragraph's properties, in Word's schema.
_BEFORE_TABS = set(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd".split()
)


def _keep_tabs(doc: Any) -> None:
    """A report's paragraphs keep the tab stops their styles give them (the lead officer
    at the right margin of a theme's heading), whatever the paper's styles of those names
    say: the report is laid out for its own page."""
    tabs_of = {}
    for style in doc.styles.element.findall(f"{W}style"):
        tabs = style.find(f"{W}pPr/{W}tabs")
        if tabs is not None:
            tabs_of[style.get(f"{W}styleId")] = tabs
    for ppr in doc.element.body.iter(f"{W}pPr"):
        style = ppr.find(f"{W}pStyle")
        tabs = tabs_of.get(style.get(f"{W}val")) if style is not None else None
        if tabs is not None and ppr.find(f"{W}tabs") is None:
            at = len([k for k in ppr if k.tag.split("}")[1] in _BEFORE_TABS])
            ppr.insert(at, copy.deepcopy(tabs))


def _merged(paper_doc: Any, piece: Any) -> Block:
    """`piece` (a document) merged into the paper: the styles the paper lacks copied, its
    own styles of the same names kept (a council restyles the whole paper in paper.docx),
    numbering and links carried over; its body as XML for a `{{p }}` tag."""
    from docxtpl.subdoc import SubdocComposer
    from lxml import etree

    composer = SubdocComposer(paper_doc)
    composer.restart_numbering = False  # each list already starts where the Markdown says
    composer.attach_parts(piece)
    return Block(
        "".join(
            etree.tostring(child, encoding="unicode")
            for child in piece.element.body
            if child.tag != f"{W}sectPr"
        )
    )


@dataclass
class WordAppendix:
    """An appendix as paper.docx receives it."""

    letter: str
    name: str
    title: str
    new_page: Block
    text: Block
    report: Block


def _fresh(builtin: bytes) -> Callable[[], Any]:
    """A new empty document with the built-in paper's styles, for a part's text: merged
    into the paper, the paper's styles of the same names win, and a style a council's
    paper.docx lacks comes from the built-in one."""
    from docx import Document

    def fresh() -> Any:
        doc = Document(io.BytesIO(builtin))
        body = doc.element.body
        for child in list(body):
            if child.tag != f"{W}sectPr":
                body.remove(child)
        return doc

    return fresh


class _Assembler:
    """The paper's parts made into blocks for paper.docx, and the pages its sections take."""

    def __init__(self, paper_doc: Any, embed: Callable[[Any], bytes], builtin: bytes) -> None:
        from ragplan.output.docx_report import table_font_pt

        self.paper_doc = paper_doc
        self.embed = embed
        self.fresh = _fresh(builtin)
        self.table_pt = table_font_pt(paper_doc)
        self.pages = [page_of(paper_doc)]  # page 0: the paper's own

    def report(self, report: Any) -> Embedded:
        from docx import Document

        doc = Document(io.BytesIO(self.embed(report)))
        _keep_tabs(doc)
        return Embedded(doc, page_of(doc))

    def marker(self, page: Page) -> Block:
        self.pages.append(page)
        return _marker(len(self.pages) - 1)

    def part(self, part: Rendered | None, page: Page, tables: dict[str, Embedded]) -> Block:
        """A part's text as Word; a report wider than `page` gets pages of its own."""
        if part is None:
            return Block()
        writer = Writer(self.fresh, page.usable, self.table_pt, tables)
        block = Block()
        for piece in writer.write(part.markdown):
            report = piece.report
            if report is not None and report.page.usable > page.usable:
                block += self.marker(report.page) + self._merge(piece.doc) + self.marker(page)
            else:
                block += self._merge(piece.doc)
        return block

    def _merge(self, doc: Any) -> Block:
        return _merged(self.paper_doc, doc)

    def tables(self, part: Rendered | None) -> dict[str, Embedded]:
        return {} if part is None else {t: self.report(r) for t, r in part.tables.items()}

    def appendix(self, found: PaperAppendix) -> WordAppendix:
        """An appendix on a page of its own: its report's page, else the widest its text's
        tables need, else the paper's."""
        tables = self.tables(found.text)
        report = self.report(found.report) if found.report is not None else None
        page = self.pages[0]
        if report is not None:
            page = report.page
        else:
            for table in tables.values():
                page = table.page if table.page.usable > page.usable else page
        new_page = self.marker(page)
        text = self.part(found.text, page, tables)
        merged = self._merge(report.doc) if report is not None else Block()
        return WordAppendix(found.letter, found.name, found.title, new_page, text, merged)


def paper_docx(template: Path, paper: Paper, embed: Callable[[Any], bytes], builtin: Path) -> bytes:
    """The whole paper as a Word document: `template` (paper.docx) rendered with the
    paper's parts; `embed` makes a report through its own Word template, embedded;
    `builtin` is the built-in paper.docx, whose styles the text is written in."""
    from ragplan.output.docx_report import fill_template, open_template, save_document

    document = open_template(template)
    assembler = _Assembler(document.get_docx(), embed, builtin.read_bytes())
    paper_page = assembler.pages[0]
    cover = assembler.part(paper.cover, paper_page, assembler.tables(paper.cover))
    body = assembler.part(paper.body, paper_page, assembler.tables(paper.body))
    context = {
        "paper": paper,
        "title": paper.title,
        "plan_title": paper.plan_title,
        "organisation": paper.organisation,
        "as_of": paper.as_of,
        "cover": cover,
        "new_page": assembler.marker(paper_page),
        "body": body,
        "appendices": [assembler.appendix(a) for a in paper.appendices],
        "embedded": False,
    }
    written = fill_template(document, template, context)
    _lay_out_pages(document.docx.element.body, assembler.pages, paper_page)
    if paper.cover is not None:
        # The cover sheet is the paper's first page: no running header or page number on
        # it (a first page of its own, left blank), as the PDF prints it.
        document.docx.sections[0].different_first_page_header_footer = True
    return save_document(document, written, context)
