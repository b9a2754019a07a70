"""A board paper in Word: paper.docx rendered with docxtpl, the officer's Markdown turned
into Word paragraphs in the template's styles, each report made by its own Word template
and merged in with docxcompose, each appendix on a new page turned as its report is.

Imported only when a paper is made in Word.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ragplan.output.word import keep_braces, xml_text
from ragplan.papers.paper import Paper, PaperAppendix, Rendered

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BOOKMARK = "_ragplan_page_"  # marks where a new page, turned as its content needs, starts
HEADER_FILL = "F3F2F1"  # a table's header row, as in the reports


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


# The officer's Markdown as Word paragraphs.


@dataclass
class Embedded:
    """A report made by its own Word template, ready to merge: the document and its page."""

    doc: Any
    page: Page


@dataclass
class _Piece:
    """A stretch of a part: Markdown made into a document, or a report placed in it."""

    doc: Any
    report: Embedded | None = None


def _markdown() -> Any:
    """CommonMark with tables, raw HTML shown as text: as papers.document parses it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


@dataclass
class _List:
    ordered: bool
    start: int
    level: int  # 1 for the outermost
    num_id: str | None = None  # the numbering of this list, in the document being written
    items: int = 0  # items so far
    fresh_item: bool = False  # the next paragraph is an item's first


@dataclass
class _Inline:
    bold: int = 0
    italic: int = 0
    link: str | None = None


@dataclass
class _Writer:
    """Writes one part's Markdown tokens as Word, into documents made by `fresh` (the
    paper's styles): a new one after each report the part places, so the pieces keep
    their order."""

    fresh: Callable[[], Any]
    usable: int  # the width of text where the part lands, for its tables
    table_pt: float
    reports: dict[str, Embedded]
    pieces: list[_Piece] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    quote: int = 0
    after_report: bool = False  # a report's last table needs room below it

    def __post_init__(self) -> None:
        self.pieces.append(_Piece(self.fresh()))

    @property
    def doc(self) -> Any:
        return self.pieces[-1].doc

    def write(self, markdown: str) -> list[_Piece]:
        tokens = _markdown().parse(markdown)
        at = 0
        while at < len(tokens):
            at = self._block(tokens, at)
        return [p for p in self.pieces if p.report is not None or len(p.doc.element.body) > 1]

    def _block(self, tokens: list[Any], at: int) -> int:
        """Writes the block at `tokens[at]`; the index after it."""
        token = tokens[at]
        kind = token.type
        if kind == "heading_open":
            level = min(int(token.tag[1:]), 6)
            self._paragraph(f"Heading {level}", tokens[at + 1])
            return at + 3
        if kind == "paragraph_open":
            inline = tokens[at + 1]
            found = self.reports.get(inline.content.strip())
            if found is not None:
                self._place(found)
                return at + 3
            style = self._paragraph_style()
            paragraph = self._paragraph(style, inline)
            if self.lists and self.lists[-1].fresh_item:
                self.lists[-1].fresh_item = False
                if self.lists[-1].ordered:
                    self._number(paragraph, self.lists[-1], style)
            return at + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(token.attrs.get("start", 1)) if ordered else 1
            self.lists.append(_List(ordered, start, len(self.lists) + 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.lists[-1].fresh_item = True
            self.lists[-1].items += 1
        elif kind == "blockquote_open":
            self.quote += 1
        elif kind == "blockquote_close":
            self.quote -= 1
        elif kind == "hr":
            self._new_paragraph("Thematic Break")
        elif kind in ("fence", "code_block"):
            paragraph = self._new_paragraph("Plain Text")
            paragraph.add_run(xml_text(token.content.rstrip("\n")))
        elif kind == "table_open":
            return self._table(tokens, at)
        elif kind == "inline":  # not expected outside a block: kept, never dropped
            self._paragraph("Body Text", token)
        return at + 1

    def _paragraph_style(self) -> str:
        if self.lists:
            found = self.lists[-1]
            level = "" if found.level == 1 else f" {min(found.level, 3)}"
            if found.fresh_item:
                return ("List Number" if found.ordered else "List Bullet") + level
            return "List Continue" + level
        return "Quote" if self.quote else "Body Text"

    def _new_paragraph(self, style: str) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        if self.after_report:
            from docx.shared import Pt

            self.after_report = False
            paragraph.paragraph_format.space_before = Pt(9)
        return paragraph

    def _paragraph(self, style: str, inline: Any) -> Any:
        paragraph = self._new_paragraph(style)
        self._inline(paragraph, inline.children or [])
        return paragraph

    def _place(self, found: Embedded) -> None:
        """A report where its token stands, alone on its line: the text after it goes on
        in a new document, where a list carries on with its numbers."""
        self.pieces.append(_Piece(found.doc, found))
        self.pieces.append(_Piece(self.fresh()))
        self.after_report = True
        for open_list in self.lists:
            open_list.num_id = None

    def _number(self, paragraph: Any, found: _List, style: str) -> None:
        """A numbered list starts at its own start (1, or as the Markdown says): a
        numbering of the style's restarted there, which every item of the list uses (one
        carried on after a report starts at its next item's number)."""
        if found.num_id is None:
            numbering = self.doc.part.numbering_part.element
            style_num = self.doc.styles[style].element.find(f"{W}pPr/{W}numPr/{W}numId")
            base = numbering.find(f"{W}num[@{W}numId='{style_num.get(f'{W}val')}']")
            abstract = base.find(f"{W}abstractNumId").get(f"{W}val")
            ids = [int(n.get(f"{W}numId")) for n in numbering.findall(f"{W}num")]
            found.num_id = str(max(ids) + 1)
            num = numbering.makeelement(f"{W}num", {f"{W}numId": found.num_id})
            ref = num.makeelement(f"{W}abstractNumId", {f"{W}val": abstract})
            override = num.makeelement(f"{W}lvlOverride", {f"{W}ilvl": "0"})
            first = str(found.start + found.items - 1)
            override.append(override.makeelement(f"{W}startOverride", {f"{W}val": first}))
            num.extend([ref, override])
            numbering.append(num)
        ppr = paragraph._p.get_or_add_pPr()
        numpr = ppr.makeelement(f"{W}numPr", {})
        numpr.append(numpr.makeelement(f"{W}ilvl", {f"{W}val": "0"}))
        numpr.append(numpr.makeelement(f"{W}numId", {f"{W}val": found.num_id}))
        ppr.insert(1 if ppr.find(f"{W}pStyle") is not None else 0, numpr)

    def _inline(self, paragraph: Any, children: list[Any]) -> None:
        state = _Inline()
        target = paragraph._p
        for child in children:
            kind = child.type
            if kind == "strong_open":
                state.bold += 1
            elif kind == "strong_close":
                state.bold -= 1
            elif kind == "em_open":
                state.italic += 1
            elif kind == "em_close":
                state.italic -= 1
            elif kind == "link_open":
                target = self._hyperlink(paragraph, str(child.attrs.get("href", "")))
                state.link = "Hyperlink"
            elif kind == "link_close":
                target, state.link = paragraph._p, None
            elif kind == "softbreak":
                self._run(paragraph, target, " ", state)
            elif kind == "hardbreak":
                self._run(paragraph, target, "\n", state)
            elif kind == "code_inline":
                self._run(paragraph, target, child.content, state, "Inline Code")
            elif kind == "image":  # a picture is not fetched: its words stand for it
                self._run(paragraph, target, child.content, state)
            else:  # text, and raw HTML shown as text
                self._run(paragraph, target, child.content, state)

    def _run(
        self, paragraph: Any, target: Any, text: str, state: _Inline, style: str | None = None
    ) -> None:
        text = xml_text(text)
        if not text:
            return
        run = paragraph.add_run(text, style=style or state.link)
        run.bold = bool(state.bold) or None
        run.italic = bool(state.italic) or None
        if target is not paragraph._p:
            target.append(run._r)

    def _hyperlink(self, paragraph: Any, href: str) -> Any:
        from docx.opc.constants import RELATIONSHIP_TYPE

        rel = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = paragraph._p.makeelement(
            f"{W}hyperlink",
            {"{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id": rel},
        )
        paragraph._p.append(link)
        return link

    def _table(self, tokens: list[Any], at: int) -> int:
        """A Markdown table as a Word table: its header row repeated on every page and
        shaded, right-aligned columns as numbers, widths from its text."""
        rows: list[list[tuple[Any, bool]]] = []
        head = 0
        while tokens[at].type != "table_close":
            token = tokens[at]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                right = "text-align:right" in str(token.attrs.get("style", ""))
                rows[-1].append((tokens[at + 1], right))
                if token.type == "th_open":
                    head = 1
            at += 1
        width = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=width)
        table.style = "RAG Report Table"
        table.autofit = True  # widths from its text (fit_tables), filling the page
        heads = [_plain(inline) for inline, _ in rows[0]] if head else []
        _alt_text(table, heads[0] if heads else "Table", "Columns: " + ", ".join(heads))
        for r, row in enumerate(rows):
            for c, (inline, right) in enumerate(row):
                cell = table.rows[r].cells[c]
                paragraph = cell.paragraphs[0]
                if r < head:
                    paragraph.style = "Table Heading Number" if right else "Table Heading"
                    _shade(cell, HEADER_FILL)
                else:
                    paragraph.style = "Table Number" if right else "Table Text"
                self._inline(paragraph, inline.children or [])
            _row_flag(table.rows[r], "tblHeader" if r < head else "cantSplit")
        from ragplan.output.word import CHART_COLUMNS
        from ragplan.output.wordxml import fit_tables

        table._tbl.tblPr.find(f"{W}tblW").attrib.update({f"{W}type": "pct", f"{W}w": "5000"})
        fit_tables(table._tbl, self.usable, self.table_pt, CHART_COLUMNS)
        # Two tables in a row would run together as one: a paragraph parts them.
        self.doc.add_paragraph(style="Body Text")
        return at + 1


def _plain(inline: Any) -> str:
    """An inline token's words, without their Markdown."""
    words = (c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
    return xml_text("".join(words))


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.makeelement(f"{W}shd", {f"{W}val": "clear", f"{W}color": "auto", f"{W}fill": fill})
    tcpr.append(shd)


def _row_flag(row: Any, tag: str) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(f"{W}{tag}", {}))


def _alt_text(table: Any, caption: str, description: str) -> None:
    tblpr = table._tbl.tblPr
    for tag, value in (("tblCaption", caption), ("tblDescription", description)):
        tblpr.append(tblpr.makeelement(f"{W}{tag}", {f"{W}val": value[:255]}))


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
        from ragplan.output.word import table_font_pt

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
        writer = _Writer(self.fresh, page.usable, self.table_pt, tables)
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
    from ragplan.output.word import fill_template, open_template, save_document

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
    return save_document(document, written, context)
