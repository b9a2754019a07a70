"""A part of a board paper (its text, cover sheet or an appendix's text) written as Word:
the officer's Markdown, parsed by markdown-it-py as the HTML paper parses it, made into
paragraphs, lists and tables in the paper's styles, with the reports its `table(...)`
calls place kept apart, in order, for merging.

Imported only when a paper is made in Word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ragplan.output.docx_report import xml_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER_FILL = "F3F2F1"  # a table's header row, as in the reports


@dataclass
class Piece:
    """A stretch of a part: Markdown made into a document, or a report placed in it (the
    object its token stood for, whose document is `doc`)."""

    doc: Any
    report: Any = None


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
class Writer:
    """Writes one part's Markdown tokens as Word, into documents made by `fresh` (the
    paper's styles): a new one after each report the part places, so the pieces keep
    their order."""

    fresh: Callable[[], Any]
    usable: int  # the width of text where the part lands, for its tables
    table_pt: float
    reports: dict[str, Any]  # a report, with its document as `doc`, by its token
    pieces: list[Piece] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    quote: int = 0
    after_report: bool = False  # a report's last table needs room below it

    def __post_init__(self) -> None:
        self.pieces.append(Piece(self.fresh()))

    @property
    def doc(self) -> Any:
        return self.pieces[-1].doc

    def write(self, markdown: str) -> list[Piece]:
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

    def _place(self, found: Any) -> None:
        """A report where its token stands, alone on its line: the text after it goes on
        in a new document, where a list carries on with its numbers."""
        self.pieces.append(Piece(found.doc, found))
        self.pieces.append(Piece(self.fresh()))
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
        from ragplan.output.docx_xml import fit_tables

        table._tbl.tblPr.find(f"{W}tblW").attrib.update({f"{W}type": "pct", f"{W}w": "5000"})
        fit_tables(table._tbl, self.usable, self.table_pt)
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
