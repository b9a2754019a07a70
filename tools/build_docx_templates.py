"""Build ragplan's default Word templates with python-docx.

    python tools/build_docx_templates.py [--out templates]

writes templates/outstanding.docx (Appendix B: A4 landscape), templates/summary.docx
(section 3.4: A4 portrait), templates/indicators.docx (Appendix A: A4 portrait, turned
landscape by ragplan when its tables need the width), templates/tables.docx (any report
made of a heading, a sentence and tables: diff and history; A4 portrait, turned
landscape by ragplan when its tables need the width) and
templates/paper.docx (a whole board paper: A4 portrait, its appendices turned as their
reports are). tests/test_word.py proves the committed files are what this script makes.

The templates are ordinary Word documents that ragplan renders with docxtpl (Jinja
inside the document). All the look is in them: the styles listed in STYLES, the page,
the header and footer. A council restyles them in Word; this script is only how the
defaults were made. Rules kept here so they stay renderable:

* every paragraph holding a Jinja tag is ONE run, so no tag is split across runs;
* docxtpl's tags `{%p %}`, `{%tr %}` and `{%tc %}` replace the whole paragraph, table row
  or cell they sit in; `{% cellbg x %}` shades its cell, `{% colspan n %}` spans grid
  columns; `{{r x }}` puts in a run coloured by the data (a status's black or white);
* paragraphs in the "Template Logic" style hold only such tags, and vanish on rendering.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

REPO = Path(__file__).resolve().parent.parent
FONT = "Arial"
INK = RGBColor(0x0B, 0x0C, 0x0C)
GREY = RGBColor(0x50, 0x5A, 0x5F)
HEADER_FILL = "F3F2F1"  # table header rows, as in the HTML reports
THEME_FILL = "DEE0E2"  # Appendix B's theme rows, as in the HTML reports
BORDER = "505A5F"
# The running header, as the PDF's: the organisation (where the plan names one), then the
# report's title.
ORG = "{{ organisation ~ ': ' if organisation else '' }}"
LANG = "en-GB"
A4 = (Cm(21.0), Cm(29.7))
# The templates' own dates: fixed, so that building them twice makes the same files.
BUILT = datetime(2024, 1, 1, tzinfo=UTC)

# The styles a council restyles (Word: Home > Styles), and what each is for.
STYLES = {
    "Heading 1": "the report's title",
    "Heading 2": "a theme (outstanding), a part of the report (summary), a table's title",
    "Heading 3": "a section (outstanding)",
    "Organisation": "the organisation's name, above the title",
    "Report Date": "the date the report describes, and what its list is out of",
    "Filter": "the filters a list was made with",
    "Lead Sentence": "the sentences of the report",
    "Status Bullet": "section 3.4's line per status",
    "Rating Reason": "why an indicator is rated as it is, one bullet each",
    "Table Text": "table cells",
    "Table Heading": "header rows",
    "Table Theme": "a theme's or a section's row in Appendix B (kept with the next row)",
    "Table Number": "counts, right-aligned",
    "Table Heading Number": "headers over counts",
    "Table Total": "total rows",
    "Table Total Number": "counts in total rows",
    "RAG Rating": "a status's label in its shaded cell",
    "Chart": "the paragraph holding a chart's picture",
    "Table Caption": "the sentence under a chart",
    "Template Logic": "paragraphs that hold only template tags (gone once rendered)",
}

# The styles a board paper (paper.docx) adds: what the officer's Markdown becomes.
PAPER_STYLES = {
    "Meeting": "the meeting the paper goes to, above its date and title",
    "Paper Date": "the meeting's date",
    "Body Text": "a paragraph of the paper's text",
    "Heading 4": "a #### heading (5 and 6 too)",
    "List Bullet": "a bullet (List Bullet 2 and 3: a bullet within a bullet)",
    "List Number": "a numbered item (List Number 2 and 3 within another)",
    "List Continue": "a list item's second paragraph (List Continue 2 and 3 nested)",
    "Quote": "a > quotation",
    "Plain Text": "a code block, as typed",
    "Thematic Break": "a *** or --- line between parts of the text",
    "Sign-off": "the author's name and role at the end of the text",
    "Hyperlink": "a link (a character style)",
    "Inline Code": "`code` in a sentence (a character style)",
}


# Low-level XML helpers.


def _set_fonts(rpr: Any, name: str = FONT) -> None:
    """Explicit fonts for every script, theme fonts removed (a theme font would win)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), name)


def _style_font(
    style: Any,
    size: float | None = None,
    bold: bool | None = None,
    colour: RGBColor | None = INK,
    italic: bool | None = False,
) -> None:
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr)
    if size is not None:
        style.font.size = Pt(size)
        szcs = rpr.find(qn("w:szCs"))
        if szcs is None:  # complex scripts (Arabic, Hebrew) at the same size
            szcs = OxmlElement("w:szCs")
            rpr.append(szcs)
        szcs.set(qn("w:val"), str(int(size * 2)))
    if bold is not None:
        style.font.bold = bold
        style.font.cs_bold = bold
    if italic is not None:
        style.font.italic = italic
    if colour is not None:
        style.font.color.rgb = colour
        color = rpr.find(qn("w:color"))
        for attr in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{attr}"), None)


def _para_style(
    doc: Any,
    name: str,
    base: str = "Normal",
    size: float | None = None,
    bold: bool | None = None,
    colour: RGBColor | None = INK,
    before: float = 0,
    after: float = 0,
    align: Any = None,
    keep_next: bool = False,
    italic: bool | None = False,
) -> Any:
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    _style_font(style, size, bold, colour, italic)
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = 1.0
    if align is not None:
        pf.alignment = align
    pf.keep_with_next = keep_next
    return style


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _row_flag(row: Any, tag: str, attrs: dict[str, str] | None = None) -> None:
    """w:cantSplit, w:trHeight or w:tblHeader on a row, in schema order."""
    trpr = row._tr.get_or_add_trPr()
    order = ["cantSplit", "trHeight", "tblHeader"]
    el = OxmlElement(f"w:{tag}")
    for name, value in (attrs or {}).items():
        el.set(qn(f"w:{name}"), value)
    trpr.append(el)
    for kid in sorted(trpr, key=lambda e: order.index(e.tag.split("}")[1])):
        trpr.append(kid)


def header_row(row: Any) -> None:
    """A header row: repeated at the top of every page, and read as headers."""
    _row_flag(row, "tblHeader")


def whole_row(row: Any) -> None:
    """A row that never splits across pages."""
    _row_flag(row, "cantSplit")


def kept_together(row: Any) -> None:
    """Each paragraph of the row kept with the next: a key's rows stay on one page."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _table(
    container: Any,
    rows: int,
    widths: list[float],
    caption: str,
    description: str,
    style: str = "RAG Report Table",
    full_width: bool = True,
    autofit: bool = False,
) -> Any:
    """A table with its alternative text (title and description, Word's Alt Text); its
    preferred width 100% when `full_width` (ragplan fits it to the page when rendering);
    `autofit`: ragplan sizes its columns from the rendered text."""
    table = container.add_table(rows=rows, cols=len(widths))
    table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    tblpr = table._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    tblw.set(qn("w:type"), "pct" if full_width else "dxa")
    tblw.set(qn("w:w"), "5000" if full_width else str(int(sum(widths) * 567)))
    table.autofit = autofit
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        tblpr.append(el)
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)
    return table


def put(container: Any, text: str, style: str, first: bool = True) -> Any:
    """One paragraph holding `text` as ONE run. In a cell, the first call fills the cell's
    empty paragraph."""
    in_cell = hasattr(container, "_tc")
    if first and in_cell and container.paragraphs and not container.paragraphs[0].runs:
        paragraph = container.paragraphs[0]
        paragraph.style = style
    else:
        paragraph = container.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    return paragraph


def logic(container: Any, tag: str) -> Any:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}), gone once rendered."""
    return put(container, tag, "Template Logic")


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field (PAGE, NUMPAGES) with a result shown until Word or LibreOffice updates it."""

    def run_with(element: Any) -> None:
        paragraph.add_run()._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} \\* MERGEFORMAT "
    run_with(text)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _merge_row(table: Any, index: int) -> Any:
    """A row holding one tag, shown across the whole row in the template."""
    row = table.rows[index]
    cell = row.cells[0].merge(row.cells[-1])
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    return cell


# The document: page, language, styles, header and footer.


def _table_style(style_id: str, name: str, borders: bool, margin: int) -> str:
    """A table style: grey rules round every cell, or (a chart) a white rule between
    rows, so that bars never touch."""
    if borders:
        lines = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
    else:
        lines = '<w:insideH w:val="single" w:sz="24" w:space="0" w:color="FFFFFF"/>'
    return (
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders>{lines}</w:tblBorders>"
        f'<w:tblCellMar><w:top w:w="{margin}" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        f'<w:bottom w:w="{margin}" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )


def new_document(landscape: bool, header: str, title: str, subject: str) -> Any:
    doc = Document()
    section = doc.sections[0]
    width, height = A4
    # python-docx swaps nothing: both sizes are set for the orientation.
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    margin = Cm(1.5 if landscape else 2.0)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    section.header_distance = section.footer_distance = Cm(0.8)

    # Language: en-GB wherever Word looks (defaults, theme fonts, properties).
    styles_el = doc.styles.element
    defaults = qn("w:docDefaults")
    rpr = styles_el.find(f"{defaults}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")
    _set_fonts(rpr)
    ppr = styles_el.find(f"{defaults}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "259")
    settings = doc.settings.element
    font_lang = settings.find(qn("w:themeFontLang"))
    if font_lang is not None:
        font_lang.set(qn("w:val"), LANG)
        font_lang.attrib.pop(qn("w:eastAsia"), None)
    proof = settings.find(qn("w:proofState"))
    if proof is not None:  # the template holds tags: let Word check the rendered text
        settings.remove(proof)

    body, table = 11, 10  # as print.css prints the PDF: text at 11 pt, tables at 10
    styles = doc.styles
    _style_font(styles["Normal"], body)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    # Real heading styles (outline levels 1 to 3), in the body font, black.
    for level, size, before, after in ((1, 16, 0, 6), (2, 13, 14, 4), (3, 11, 10, 4)):
        style = styles[f"Heading {level}"]
        _style_font(style, size, bold=True, colour=INK, italic=False)
        pf = style.paragraph_format
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        pf.keep_with_next = True
        pf.line_spacing = 1.0
    if landscape:  # a theme's lead officer at the right margin of its heading
        text_width = section.page_width - section.left_margin - section.right_margin
        tabs = styles["Heading 2"].paragraph_format.tab_stops
        tabs.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _para_style(doc, "Organisation", size=body + 1, bold=True, after=2)
    _para_style(doc, "Report Date", size=body, after=2)
    _para_style(doc, "Filter", size=body, after=2)
    _para_style(doc, "Lead Sentence", size=body, before=6, after=6)
    _para_style(doc, "Table Text", size=table)
    _para_style(doc, "Table Heading", size=table, bold=True, keep_next=True)
    _para_style(doc, "Table Theme", size=table, bold=True, keep_next=True)
    _para_style(doc, "Table Number", size=table, align=right)
    _para_style(doc, "Table Heading Number", size=table, bold=True, align=right)
    _para_style(doc, "Table Total", size=table, bold=True)
    _para_style(doc, "Table Total Number", size=table, bold=True, align=right)
    _para_style(doc, "RAG Rating", size=table, bold=True)
    _para_style(doc, "Chart", size=body, keep_next=True, before=6, after=2)
    _para_style(doc, "Status Bullet", base="List Bullet", size=body, after=3)
    _para_style(doc, "Rating Reason", base="List Bullet", size=body, after=3)
    _para_style(doc, "Table Caption", size=table, colour=GREY, before=3, after=8)
    grey = RGBColor(0x8A, 0x8A, 0x8A)
    template_logic = _para_style(doc, "Template Logic", size=7, colour=grey)
    _set_fonts(template_logic.element.get_or_add_rPr(), "Courier New")
    for name in ("Header", "Footer"):
        _style_font(styles[name], 8, colour=GREY)
    styles["List Bullet"].font.size = Pt(body)
    styles_el.append(parse_xml(_table_style("RAGReportTable", "RAG Report Table", True, 57)))

    # Header: the report; footer: Page X of Y, as fields Word and LibreOffice update.
    section.header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.style = styles["Header"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(header)
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.style = styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")

    # Core properties: ragplan renders their tags as plain text, after the document.
    properties = doc.core_properties
    properties.author = "{{ organisation or '' }}"
    properties.title = title
    properties.subject = subject
    properties.keywords = "RAG; action plan; status report"
    properties.comments = ""  # a board document says what it reports, not how it was made
    properties.language = LANG
    properties.last_modified_by = ""
    properties.revision = 1
    properties.created = properties.modified = BUILT
    return doc


# Blocks every report shares.


def title_block(doc: Any, heading: str, dated: bool = True) -> None:
    """The organisation, the report's title (Heading 1), the date it describes. In a
    board paper (`embedded`) the appendix's heading and the paper's date stand for them."""
    logic(doc, "{%p if organisation and not embedded %}")
    put(doc, "{{ organisation }}", "Organisation")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if not embedded %}")
    put(doc, heading, "Heading 1")
    if dated:
        put(doc, "As of {{ as_of|long_date }}", "Report Date")
    logic(doc, "{%p endif %}")


def status_key(doc: Any, widths: list[float]) -> None:
    """The key to the statuses: each label on its colour, what it means, whether done."""
    put(doc, "Key to the ratings", "Heading 2")
    table = _table(
        doc,
        4,
        widths,
        "Key to the ratings",
        "Each rating's label on its colour, its meaning, and whether it counts as done",
    )
    head = table.rows[0]
    for cell, text in zip(head.cells, ("Rating", "Meaning", "Done"), strict=True):
        put(cell, text, "Table Heading")
        _shade(cell, HEADER_FILL)
    header_row(head)
    put(_merge_row(table, 1), "{%tr for s in statuses %}", "Template Logic")
    cells = table.rows[2].cells
    put(cells[0], "{% cellbg s|fill %}{{r s|rag }}", "RAG Rating")
    put(cells[1], "{{ s.meaning or '' }}", "Table Text")
    put(
        cells[2],
        "{{ 'yes' if s.done else ('not counted' if not s.counts else 'no') }}",
        "Table Text",
    )
    whole_row(table.rows[2])
    kept_together(table.rows[2])
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")


def rating_key(doc: Any, widths: list[float], heading: str, ratings: str, not_rated: str) -> None:
    """The key to indicators' ratings: each rating's word on its colour and what it means,
    then what "not rated" means when any is. `ratings` and `not_rated` name them in the
    context."""
    put(doc, heading, "Heading 2")
    table = _table(
        doc,
        7,
        widths,
        heading,
        "Each rating of an indicator: its word on its colour, and what it means",
    )
    head = table.rows[0]
    for cell, text in zip(head.cells, ("Rating", "Meaning"), strict=True):
        put(cell, text, "Table Heading")
        _shade(cell, HEADER_FILL)
    header_row(head)
    put(_merge_row(table, 1), "{%tr for s in " + ratings + " %}", "Template Logic")
    cells = table.rows[2].cells
    put(cells[0], "{% cellbg s|fill %}{{r s|rag }}", "RAG Rating")
    put(cells[1], "{{ s.meaning }}", "Table Text")
    whole_row(table.rows[2])
    kept_together(table.rows[2])
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")
    put(_merge_row(table, 4), "{%tr if " + not_rated + " %}", "Template Logic")
    cells = table.rows[5].cells
    put(cells[0], "Not rated", "Table Text")
    put(cells[1], "no target, or no value in the period rated", "Table Text")
    whole_row(table.rows[5])
    put(_merge_row(table, 6), "{%tr endif %}", "Template Logic")


def chart(doc: Any, source: str, layout: str) -> None:
    """The chart the HTML and PDF reports draw, as a picture ragplan paints (its title at
    its top, its Alt Text stating every count), then the sentence under it. `source` is
    the chart's name in the context, `layout` 'bars' or 'columns' (or an expression)."""
    put(doc, "{{ chart_picture(" + source + ", " + layout + ") }}", "Chart")
    put(doc, f"{{{{ ({source}).caption }}}}", "Table Caption")


def _counts_table(
    doc: Any, first: list[tuple[str, str, str, float]], caption: str, groups: str
) -> None:
    """A table of counts: `first` columns (header, row cell, total-row cell, width), then
    a column per status shaded in its colour, Total, % done, and Overdue when any is."""
    number = 1.4
    cols = [(h, r, t, w, "text") for h, r, t, w in first]
    cols += [
        (
            "{%tc for s in statuses %}",
            "{%tc for c in g.counts %}",
            "{%tc for c in counts %}",
            1.2,
            "tag",
        ),
        ("{% cellbg s|fill %}{{r s|rag }}", "{{ c.count }}", "{{ c.count }}", number, "status"),
        ("{%tc endfor %}", "{%tc endfor %}", "{%tc endfor %}", 1.2, "tag"),
        ("Total", "{{ g.total }}", "{{ total }}", number, "number"),
        ("% done", "{{ g.percent_done }}%", "{{ percent_done }}%", number, "number"),
        ("{%tc if overdue %}", "{%tc if overdue %}", "{%tc if overdue %}", 1.2, "tag"),
        ("Overdue", "{{ g.overdue }}", "{{ overdue }}", number, "number"),
        ("{%tc endif %}", "{%tc endif %}", "{%tc endif %}", 1.2, "tag"),
    ]
    description = "The number of actions with each rating, the total and the share done"
    table = _table(doc, 5, [c[3] for c in cols], caption, description, autofit=True)
    head, body, total = table.rows[0], table.rows[2], table.rows[4]
    for i, (h, r, t, _, kind) in enumerate(cols):
        if kind == "tag":
            for row, text in ((head, h), (body, r), (total, t)):
                put(row.cells[i], text, "Template Logic")
            continue
        numeric = kind in ("number", "status")
        put(head.cells[i], h, "Table Heading Number" if numeric else "Table Heading")
        if kind != "status":
            _shade(head.cells[i], HEADER_FILL)
        put(body.cells[i], r, "Table Number" if numeric else "Table Text")
        put(total.cells[i], t, "Table Total Number" if numeric else "Table Total")
        _shade(total.cells[i], HEADER_FILL)
    header_row(head)
    whole_row(body)
    whole_row(total)
    put(_merge_row(table, 1), "{%tr for g in " + groups + " %}", "Template Logic")
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")


# outstanding.docx: Appendix B.


def build_outstanding(path: Path) -> None:
    doc = new_document(
        landscape=True,
        header=ORG + "{{ title }}: Outstanding Actions ({{ as_of|month }})",
        title="{{ title }}: Outstanding Actions ({{ as_of|month }})",
        subject="{{ listed_line(report) }}, as of {{ as_of|long_date }}",
    )
    # The title block; in a board paper the appendix's heading stands for its title, and
    # what the list is out of stays.
    logic(doc, "{%p if organisation and not embedded %}")
    put(doc, "{{ organisation }}", "Organisation")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if not embedded %}")
    put(doc, "{{ title }}: Outstanding Actions ({{ as_of|month }})", "Heading 1")
    logic(doc, "{%p endif %}")
    put(doc, "As of {{ as_of|long_date }}: {{ listed_line(report) }}.", "Report Date")
    logic(doc, "{%p if filters %}")
    put(doc, "{{ filters_line(filters) }}.", "Filter")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if not actions %}")
    put(doc, "{{ none_listed(report) }}", "Lead Sentence")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if previous and actions %}")
    put(doc, "{{ new_sentence(previous, actions) }}", "Lead Sentence")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if actions %}")
    status_key(doc, [4.0, 18.7, 4.0])
    put(doc, "", "Normal")  # the key and the table would otherwise run together as one
    # The seed's six columns, in one table: a row per theme (its lead officer in the Lead
    # Officer column) and per section, then its actions. The two columns between the tc
    # tags only with --since. The header repeats on every page; an action's row may run
    # on to the next page (a long note is never cut); a theme or section row is kept with
    # the row after it.
    cols = [
        ("Lead Body", 2.0),
        ("Ref", 1.7),
        ("Key Actions Summary (with end date)", 8.0),
        ("Lead Officer", 3.0),
        ("RAG Rating", 2.3),
        ("{%tc if previous %}", 1.2),
        ("Previous RAG Rating", 2.3),
        ("New", 1.1),
        ("{%tc endif %}", 1.2),
        ("Notes", 9.7),
    ]
    description = (
        "The outstanding actions, by theme and section: lead body, reference, summary with "
        "end date, lead officer, RAG rating (its word on its colour) and notes"
    )
    caption = "Outstanding actions as of {{ as_of|long_date }}"
    table = _table(doc, 12, [w for _, w in cols], caption, description)
    head = table.rows[0]
    for cell, (text, _) in zip(head.cells, cols, strict=True):
        if text.startswith("{%tc"):
            put(cell, text, "Template Logic")
        else:
            put(cell, text, "Table Heading")
            _shade(cell, HEADER_FILL)
    header_row(head)
    put(_merge_row(table, 1), "{%tr for theme in themes %}", "Template Logic")
    # A theme: its id and title over the first three columns, its lead officer, the rest.
    row = table.rows[2]
    title, rest = row.cells[0].merge(row.cells[2]), row.cells[4].merge(row.cells[9])
    for cell in (title, rest):
        for paragraph in cell.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
    put(
        title,
        "{% colspan 3 %}{{ theme.id }}{% if theme.title %}: {{ theme.title }}{% endif %}",
        "Table Theme",
    )
    put(row.cells[3], "{{ theme.lead_officer or '' }}", "Table Theme")
    put(rest, "{% colspan 4 if previous else 2 %}", "Table Theme")
    for cell in (title, row.cells[3], rest):
        _shade(cell, THEME_FILL)
    whole_row(row)
    put(_merge_row(table, 3), "{%tr for section in theme.sections %}", "Template Logic")
    put(_merge_row(table, 4), "{%tr if section.id %}", "Template Logic")
    section = _merge_row(table, 5)
    put(
        section,
        "{% colspan 8 if previous else 6 %}"
        "{{ section.id }}{% if section.title %} {{ section.title }}{% endif %}",
        "Table Theme",
    )
    _shade(section, HEADER_FILL)
    whole_row(table.rows[5])
    put(_merge_row(table, 6), "{%tr endif %}", "Template Logic")
    put(_merge_row(table, 7), "{%tr for a in section.actions %}", "Template Logic")
    cells = table.rows[8].cells
    put(cells[0], "{{ a.lead_body or '' }}", "Table Text")
    put(cells[1], "{{ a.id }}", "Table Text")
    put(
        cells[2],
        "{{ a.summary }}{% if a.due %} (end date {{ a.due|long_date }}){% endif %}",
        "Table Text",
    )
    put(cells[3], "{{ a.lead_officer or '' }}", "Table Text")
    # The status's word on its colour; "overdue" in words under it.
    put(cells[4], "{% cellbg a.status|fill %}{{r a.status|rag }}", "RAG Rating")
    put(cells[4], "{%p if a.overdue %}", "Template Logic", first=False)
    put(cells[4], "{{r a.status|rag('overdue') }}", "RAG Rating", first=False)
    put(cells[4], "{%p endif %}", "Template Logic", first=False)
    put(cells[5], "{%tc if previous %}", "Template Logic")
    put(
        cells[6],
        "{% cellbg a.previous_status|fill %}{{r a.previous_status|rag(missing='not in plan') }}",
        "RAG Rating",
    )
    put(cells[7], "{{ 'new' if a.new else '' }}", "Table Text")
    put(cells[8], "{%tc endif %}", "Template Logic")
    put(cells[9], "{{ a.notes or '' }}", "Table Text")
    put(_merge_row(table, 9), "{%tr endfor %}", "Template Logic")
    put(_merge_row(table, 10), "{%tr endfor %}", "Template Logic")
    put(_merge_row(table, 11), "{%tr endfor %}", "Template Logic")
    logic(doc, "{%p endif %}")
    doc.save(str(path))


# summary.docx: section 3.4, a chart, the table.


def build_summary(path: Path) -> None:
    doc = new_document(
        landscape=False,
        header=ORG + "{{ title }}: Implementation Status ({{ as_of|month }})",
        title="{{ title }}: Implementation Status ({{ as_of|month }})",
        subject="{{ headline(total, counts, overdue) }}, as of {{ as_of|long_date }}",
    )
    title_block(doc, "{{ title }}: Implementation Status ({{ as_of|month }})")
    # Section 3.4, in the words the Markdown gives.
    put(
        doc,
        "By {{ as_of|month }} the status of the {{ total }} {{ 'action'|plural(total) }} "
        "is as follows:",
        "Lead Sentence",
    )
    logic(doc, "{%p for c in counts %}")
    put(
        doc,
        "{{ c.count }} {{ 'action'|plural(c.count) }} {{ 'is'|plural(c.count, 'are') }} "
        "'{{ c.status.in_text }}'{% if c.status.meaning %}: {{ c.status.meaning }}{% endif %}"
        "{% if not c.status.counts %} (not counted as done or outstanding){% endif %}",
        "Status Bullet",
    )
    logic(doc, "{%p endfor %}")
    logic(doc, "{%p if overdue %}")
    put(
        doc,
        "{{ overdue }} outstanding {{ 'action'|plural(overdue) }} "
        "{{ 'is'|plural(overdue, 'are') }} overdue: due before {{ as_of|long_date }}.",
        "Lead Sentence",
    )
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if previous %}")
    put(doc, "{{ travel_sentence(previous, done, counted, direction, moves) }}", "Lead Sentence")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if counted != total %}")
    put(doc, "{{ done_share(percent_done, counted, total)|capitalize }}.", "Lead Sentence")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if joint %}")
    put(
        doc,
        "An action with joint lead officers counts under each of them: {{ joint }} "
        "{{ 'action'|plural(joint) }} {{ 'has'|plural(joint, 'have') }} joint leads.",
        "Lead Sentence",
    )
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if indicators %}")
    put(
        doc,
        "{% if indicators.not_rated == indicators.total %}{{ indicators.total }} "
        "{{ 'indicator'|plural(indicators.total) }}, shown as measured: the plan sets "
        "{{ 'it no target' if indicators.total == 1 else 'them no targets' }}.{% else %}"
        "Indicators against their targets: "
        "{{ rating_tally(indicators.counts, indicators.not_rated) }}.{% endif %}",
        "Lead Sentence",
    )
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if trend or chart.bars %}")
    chart(doc, source="trend or chart", layout="'columns' if trend else 'bars'")
    logic(doc, "{%p endif %}")

    put(
        doc,
        "Actions per status, by {{ 'theme' if by == 'theme' else ('lead officer' if "
        "by == 'lead_officer' else 'lead body') }}",
        "Heading 2",
    )
    logic(doc, "{%p if by == 'theme' %}")
    _counts_table(
        doc,
        [
            ("Theme", "{{ g.id }}", "Total", 1.3),
            ("Title", "{{ g.title or '' }}", "", 5.0),
            ("Lead officer", "{{ g.lead_officer or '' }}", "", 3.4),
        ],
        "Actions per status, by theme",
        "groups",
    )
    logic(doc, "{%p else %}")
    _counts_table(
        doc,
        [
            (
                "{{ 'Lead officer' if by == 'lead_officer' else 'Lead body' }}",
                "{{ g.id or '(not given)' }}",
                "Total",
                7.0,
            )
        ],
        "Actions per status, by {{ by|replace('_', ' ') }}",
        "groups",
    )
    logic(doc, "{%p endif %}")

    # With --since: the figures then and the direction of travel, in a table of their own.
    logic(doc, "{%p if previous %}")
    put(
        doc, "Actions per status in {{ previous|since_name }}, and the direction since", "Heading 2"
    )
    cols = [
        ("Theme", "{{ g.id }}", "Total", 1.3, "text"),
        ("Title", "{{ g.title or '' }}", "", 4.5, "text"),
        (
            "{%tc for c in previous.counts %}",
            "{%tc for c in g.previous.counts %}",
            "{%tc for c in previous.counts %}",
            1.2,
            "tag",
        ),
        ("{{ c.status.label }} then", "{{ c.count }}", "{{ c.count }}", 1.5, "number"),
        ("{%tc endfor %}", "{%tc endfor %}", "{%tc endfor %}", 1.2, "tag"),
        ("Total then", "{{ g.previous.total }}", "{{ previous.total }}", 1.4, "number"),
        (
            "% done then",
            "{{ g.previous.percent_done ~ '%' if g.previous.counted else '-' }}",
            "{{ previous.percent_done }}%",
            1.4,
            "number",
        ),
        ("% done now", "{{ g.percent_done }}%", "{{ percent_done }}%", 1.4, "number"),
        ("Direction", "{{ g.direction }}", "{{ direction }}", 2.4, "text"),
    ]
    table = _table(
        doc,
        5,
        [c[3] for c in cols],
        "Actions per status then, and the direction of travel",
        "Per theme: the actions with each rating at the earlier revision, the share done "
        "then and now, and the direction of travel",
        autofit=True,
    )
    head, body, total = table.rows[0], table.rows[2], table.rows[4]
    for i, (h, r, t, _, kind) in enumerate(cols):
        if kind == "tag":
            for row, text in ((head, h), (body, r), (total, t)):
                put(row.cells[i], text, "Template Logic")
            continue
        numeric = kind == "number"
        put(head.cells[i], h, "Table Heading Number" if numeric else "Table Heading")
        _shade(head.cells[i], HEADER_FILL)
        put(body.cells[i], r, "Table Number" if numeric else "Table Text")
        put(total.cells[i], t, "Table Total Number" if numeric else "Table Total")
        _shade(total.cells[i], HEADER_FILL)
    header_row(head)
    whole_row(body)
    whole_row(total)
    put(_merge_row(table, 1), "{%tr for g in groups %}", "Template Logic")
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")
    logic(doc, "{%p endif %}")

    # The plan's indicators, each theme's together, as the Markdown gives them.
    logic(doc, "{%p if indicators and by == 'theme' %}")
    put(doc, "Indicators, by theme", "Heading 2")
    cols = [
        ("Theme", "{{ i.theme or '(none)' }}", 1.3, "Table Text"),
        ("Indicator", "{{ i.title }}", 7.0, "Table Text"),
        (
            "Latest",
            "{% if i.value is not none %}{{ i.value|in_unit(i.unit) }} in {{ i.period }}"
            "{% endif %}",
            3.2,
            "Table Text",
        ),
        (
            "Rating",
            "{% cellbg i.rating|fill %}{{r i.rating|rag(missing='not rated') }}",
            2.2,
            "RAG Rating",
        ),
        ("Direction", "{{ i.direction or '' }}", 2.5, "Table Text"),
    ]
    table = _table(
        doc,
        4,
        [c[2] for c in cols],
        "Indicators, by theme",
        "Each indicator: its theme, its latest value and period, its rating (its word on "
        "its colour) and its direction of travel",
        autofit=True,
    )
    for cell, (text, _, _, _) in zip(table.rows[0].cells, cols, strict=True):
        put(cell, text, "Table Heading")
        _shade(cell, HEADER_FILL)
    header_row(table.rows[0])
    put(_merge_row(table, 1), "{%tr for i in indicators.indicators %}", "Template Logic")
    for cell, (_, text, _, style) in zip(table.rows[2].cells, cols, strict=True):
        put(cell, text, style)
    whole_row(table.rows[2])
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")
    logic(doc, "{%p endif %}")
    status_key(doc, [3.0, 11.0, 3.0])
    # A key to the indicators' ratings where the table shows one.
    logic(doc, "{%p if indicators and by == 'theme' and indicators.not_rated < indicators.total %}")
    rating_key(
        doc,
        [3.0, 14.0],
        "Key to the indicators' ratings",
        "indicators.counts|map(attribute='rating')",
        "indicators.not_rated",
    )
    logic(doc, "{%p endif %}")
    doc.save(str(path))


# indicators.docx: Appendix A, the indicators.


def build_indicators(path: Path) -> None:
    doc = new_document(
        landscape=False,
        header=ORG + "{{ heading }}",
        title="{{ heading }}",
        subject="{{ lead }}",
    )
    title_block(doc, "{{ heading }}")
    put(doc, "{{ lead }}", "Lead Sentence")
    # A board paper's table("spc"): the SPC icons alone.
    logic(doc, "{%p if part == 'spc' %}")
    spc_part(doc, "True", charts=False)
    logic(doc, "{%p else %}")
    spc_part(doc, "show == 'spc'")
    logic(doc, "{%p if total and not indicators %}")
    put(doc, "No indicator matches.", "Lead Sentence")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p for table in tables %}")
    # A column per period and per summary (tc loops), then the rating's three when any
    # listed indicator has a target. Values as written; a summary carries its unit.
    cols = [
        ("{{ table.title }}", "{{ row.indicator.title }}", 5.0, "text"),
        ("Trend", "{{ spc_pictures['spark:' ~ row.indicator.id] }}", 2.0, "text"),
        ("{%tc for p in table.periods %}", "{%tc for v in row.values %}", 1.2, "tag"),
        ("{{ p }}", "{{ v.value if v and v.value is not none else '' }}", 1.5, "number"),
        ("{%tc endfor %}", "{%tc endfor %}", 1.2, "tag"),
        ("{%tc for label in table.labels %}", "{%tc for s in row.summaries %}", 1.2, "tag"),
        ("{{ label }}", "{{ s.value|in_unit(row.indicator.unit) if s else '' }}", 1.8, "number"),
        ("{%tc endfor %}", "{%tc endfor %}", 1.2, "tag"),
        ("{%tc if rated %}", "{%tc if rated %}", 1.2, "tag"),
        ("Target", "{{ row.indicator.target|in_unit(row.indicator.unit) }}", 1.8, "number"),
        (
            "Rating",
            "{% cellbg row.indicator.rating|fill %}"
            "{{r row.indicator.rating|rag(missing='not rated') }}",
            2.0,
            "rating",
        ),
        ("Direction", "{{ row.indicator.direction or '' }}", 2.4, "text"),
        ("{%tc endif %}", "{%tc endif %}", 1.2, "tag"),
    ]
    table = _table(
        doc,
        4,
        [c[2] for c in cols],
        "{{ table.title }}",
        "{{ table.title }}: a row per indicator, its value in each period as written"
        "{% if table.labels %}, then its summaries{% endif %}"
        "{% if rated %}, its target, its rating (its word on its colour) and its "
        "direction of travel{% endif %}",
        autofit=True,
    )
    head, body = table.rows[0], table.rows[2]
    for i, (h, r, _, kind) in enumerate(cols):
        if kind == "tag":
            put(head.cells[i], h, "Template Logic")
            put(body.cells[i], r, "Template Logic")
            continue
        numeric = kind == "number"
        put(head.cells[i], h, "Table Heading Number" if numeric else "Table Heading")
        _shade(head.cells[i], HEADER_FILL)
        style = {"number": "Table Number", "rating": "RAG Rating"}.get(kind, "Table Text")
        put(body.cells[i], r, style)
    header_row(head)
    whole_row(body)
    put(_merge_row(table, 1), "{%tr for row in table.rows %}", "Template Logic")
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")
    # Two tables one after the other would run together as one: a paragraph parts them.
    logic(doc, "{%p if not loop.last %}")
    put(doc, "", "Normal")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p endfor %}")
    logic(doc, "{%p if rated %}")
    put(doc, "Why each indicator is rated as it is", "Heading 2")
    logic(doc, "{%p for i in indicators %}")
    put(doc, "{{ i.title }}: {{ i.why }}", "Rating Reason")
    logic(doc, "{%p endfor %}")
    rating_key(doc, [3.0, 14.0], "Key to the ratings", "ratings", "not_rated")
    logic(doc, "{%p endif %}")
    spc_part(doc, "show != 'spc'")
    logic(doc, "{%p endif %}")
    doc.save(str(path))


def spc_part(doc: Any, when: str, charts: bool = True) -> None:
    """SPC (Making Data Count), where `when` holds: each indicator's icons, as pictures
    with their words, then its XmR chart as a picture (with its alternative text) and why."""
    logic(doc, f"{{%p if charted and {when} %}}")
    put(doc, "SPC icons (Making Data Count)", "Heading 2")
    logic(doc, "{%p for i in indicators if i.spc and i.spc.variation_icon %}")
    put(
        doc,
        "{{ i.title }}: {{ spc_pictures['icon:' ~ i.spc.variation_icon] }} "
        "{{ i.spc.variation_icon|icon_label }}"
        "{% if i.spc.assurance_icon %}; {{ spc_pictures['icon:' ~ i.spc.assurance_icon] }} "
        "{{ i.spc.assurance_icon|icon_label }}{% endif %}",
        "Rating Reason",
    )
    logic(doc, "{%p endfor %}")
    if charts:
        logic(doc, "{%p for i in indicators if spc_charted(i) %}")
        put(doc, "{{ i.title }}", "Heading 3")
        put(doc, "{{ spc_pictures[i.id] }}", "Normal")
        put(doc, "{{ spc_why[i.id] }}", "Lead Sentence")
        logic(doc, "{%p endfor %}")
    logic(doc, "{%p endif %}")


# tables.docx: any report made of a heading, a sentence and tables (diff, history).


def build_tables(path: Path) -> None:
    doc = new_document(
        landscape=False,  # as the PDF: turned by ragplan only when its tables need it
        header=ORG + "{{ heading }}",
        title="{{ heading }}",
        subject="{{ lead }}",
    )
    title_block(doc, "{{ heading }}", dated=False)
    put(doc, "{{ lead }}", "Lead Sentence")
    logic(doc, "{%p if chart is defined and chart %}")
    chart(doc, source="chart", layout="'columns'")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p for t in tables %}")
    put(doc, "{{ t.title }}", "Heading 2")
    table = _table(
        doc,
        4,
        [1.2, 6.0, 1.2],
        "{{ t.title }}",
        "{{ t.title }}: {{ t.rows|length }} rows",
        autofit=True,
    )
    head = table.rows[0].cells
    put(head[0], "{%tc for h in t.headers %}", "Template Logic")
    put(head[1], "{%p if loop.index0 in t.numeric %}", "Template Logic")
    put(head[1], "{{ h }}", "Table Heading Number", first=False)
    put(head[1], "{%p else %}", "Template Logic", first=False)
    put(head[1], "{{ h }}", "Table Heading", first=False)
    put(head[1], "{%p endif %}", "Template Logic", first=False)
    _shade(head[1], HEADER_FILL)
    put(head[2], "{%tc endfor %}", "Template Logic")
    header_row(table.rows[0])
    put(_merge_row(table, 1), "{%tr for row in t.rows %}", "Template Logic")
    cells = table.rows[2].cells
    put(cells[0], "{%tc for cell in row %}", "Template Logic")
    put(cells[1], "{%p if loop.index0 in t.numeric %}", "Template Logic")
    put(cells[1], "{{ cell }}", "Table Number", first=False)
    put(cells[1], "{%p else %}", "Template Logic", first=False)
    put(cells[1], "{{ cell }}", "Table Text", first=False)
    put(cells[1], "{%p endif %}", "Template Logic", first=False)
    put(cells[2], "{%tc endfor %}", "Template Logic")
    whole_row(table.rows[2])
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")
    logic(doc, "{%p endfor %}")
    status_key(doc, [4.0, 18.7, 4.0])
    doc.save(str(path))


# paper.docx: a whole board paper.


def _paper_styles(doc: Any) -> None:
    """The paper's own styles (PAPER_STYLES), in the same body font as the reports'."""
    styles = doc.styles
    body = 11
    _para_style(doc, "Meeting", size=body + 1, bold=True, after=2)
    _para_style(doc, "Paper Date", size=body, after=8)
    _para_style(doc, "Body Text", size=body, after=6)
    _para_style(doc, "Sign-off", size=body, before=12, after=6)
    for level in (4, 5, 6):
        style = styles[f"Heading {level}"]
        _style_font(style, body, bold=True, colour=INK, italic=level == 6)
        pf = style.paragraph_format
        pf.space_before, pf.space_after = Pt(8), Pt(3)
        pf.keep_with_next = True
    for kind in ("List Bullet", "List Number", "List Continue"):
        for level in ("", " 2", " 3"):
            style = styles[kind + level]
            _style_font(style, body)
            style.paragraph_format.space_after = Pt(3)
    quote = _para_style(doc, "Quote", size=body, colour=GREY, before=3, after=6, italic=True)
    quote.paragraph_format.left_indent = Cm(1.0)
    plain = _para_style(doc, "Plain Text", size=body - 1, after=6)
    _set_fonts(plain.element.get_or_add_rPr(), "Courier New")
    rule = _para_style(doc, "Thematic Break", size=4, before=6, after=12)
    rule.element.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
            f'w:color="{BORDER}"/></w:pBdr>'
        )
    )
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x1D, 0x70, 0xB8)
    link.font.underline = True
    code = styles.add_style("Inline Code", WD_STYLE_TYPE.CHARACTER)
    _set_fonts(code.element.get_or_add_rPr(), "Courier New")


def build_paper(path: Path) -> None:
    """The paper as the Markdown gives it: the cover sheet and a new page, the meeting,
    date and title, the officer's text, the sign-off, then each appendix on a new page.
    `{{p ... }}` paragraphs are replaced whole by what ragplan makes: the text in the
    styles above, each report through its own Word template."""
    doc = new_document(
        landscape=False,
        header=ORG + "{{ paper.title }}",
        title="{{ paper.title }}",
        subject="{{ paper.meeting or plan_title }}{{ ', ' ~ paper.date|long_date "
        "if paper.date else '' }}",
    )
    doc.core_properties.author = "{{ paper.author or organisation or '' }}"
    _paper_styles(doc)
    logic(doc, "{%p if cover %}")
    put(doc, "{{p cover }}", "Template Logic")
    put(doc, "{{p new_page }}", "Template Logic")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if paper.meeting %}")
    put(doc, "{{ paper.meeting }}", "Meeting")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if paper.date %}")
    put(doc, "{{ paper.date|long_date }}", "Paper Date")
    logic(doc, "{%p endif %}")
    put(doc, "{{ paper.title }}", "Heading 1")
    put(doc, "{{p body }}", "Template Logic")
    logic(doc, "{%p if paper.author %}")
    put(doc, "{{ paper.author }}{% if paper.role %}, {{ paper.role }}{% endif %}.", "Sign-off")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p for a in appendices %}")
    put(doc, "{{p a.new_page }}", "Template Logic")
    put(doc, "Appendix {{ a.letter }} \u2013 {{ a.title }}", "Heading 1")
    put(doc, "{{p a.text }}", "Template Logic")
    put(doc, "{{p a.report }}", "Template Logic")
    logic(doc, "{%p endfor %}")
    doc.save(str(path))


# portfolio.docx: a partnership's members, each in its own scale.


def _loop_table(
    doc: Any, heads: list[str], cells: list[str], widths: list[float], loop: str, alt: str
) -> None:
    """A table of a header row and one row per item of `loop` ('m in members')."""
    table = _table(doc, 4, widths, alt, alt, autofit=True)
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        put(cell, text, "Table Heading")
        _shade(cell, HEADER_FILL)
    header_row(table.rows[0])
    put(_merge_row(table, 1), "{%tr for " + loop + " %}", "Template Logic")
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        put(cell, text, "Table Text")
    whole_row(table.rows[2])
    put(_merge_row(table, 3), "{%tr endfor %}", "Template Logic")


def build_portfolio(path: Path) -> None:
    doc = new_document(
        landscape=True, header="{{ title }}", title="{{ title }}", subject="{{ title }}"
    )
    logic(doc, "{%p if not embedded %}")
    put(doc, "{{ title }}", "Heading 1")
    logic(doc, "{%p if as_of %}")
    put(doc, "As of {{ as_of|long_date }}", "Report Date")
    logic(doc, "{%p endif %}")
    logic(doc, "{%p endif %}")
    put(
        doc,
        "{{ totals.done }} of the {{ totals.counted }} {{ 'action'|plural(totals.counted) }} "
        "across {{ members|selectattr('read')|list|length }} members "
        "{{ 'is'|plural(totals.done, 'are') }} done ({{ totals.percent_done }}%); "
        "{{ totals.outstanding }} outstanding, {{ totals.overdue }} overdue.",
        "Lead Sentence",
    )
    logic(doc, "{%p if unread %}")
    put(
        doc,
        "{{ unread }} {{ 'member'|plural(unread) }} could not be read: see the rows.",
        "Lead Sentence",
    )
    logic(doc, "{%p endif %}")
    logic(doc, "{%p if chart.bars %}")
    chart(doc, source="chart", layout="'bars'")
    logic(doc, "{%p endif %}")
    put(doc, "Each member's actions, in its own scale", "Heading 2")
    number = "{{ m.%s if m.read else '' }}"
    _loop_table(
        doc,
        [
            "Member",
            "Plan",
            "Board date",
            "Statuses",
            "Total",
            "Done",
            "Outstanding",
            "Overdue",
            "% done",
            "Indicators",
        ],
        [
            "{{ m.name }}",
            "{{ m.plan if m.read else 'Not read: ' ~ m.problem }}",
            "{{ m.as_of|long_date if m.read else '' }}",
            "{{ m|member_counts }}",
            number % "total",
            number % "done",
            number % "outstanding",
            number % "overdue",
            "{{ (m.percent_done ~ '%') if m.read else '' }}",
            "{{ m|member_indicators }}",
        ],
        [4.0, 4.0, 2.6, 4.0, 1.3, 1.3, 1.8, 1.5, 1.5, 3.5],
        "m in members",
        "Each member's actions, in its own scale",
    )
    put(
        doc,
        "Partnership: {{ totals.total }} actions, {{ totals.done }} done, "
        "{{ totals.outstanding }} outstanding, {{ totals.overdue }} overdue "
        "({{ totals.percent_done }}% done).",
        "Lead Sentence",
    )
    logic(doc, "{%p if statuses %}")
    put(
        doc,
        "Added up (every member's scale has these): {% for s in statuses %}{{ s.label }} "
        "{{ s.count }}{{ ', ' if not loop.last }}{% endfor %}.",
        "Lead Sentence",
    )
    logic(doc, "{%p endif %}")
    logic(doc, "{%p for line in not_added %}")
    put(doc, "Not added: {{ line }}.", "Lead Sentence")
    logic(doc, "{%p endfor %}")
    put(doc, "Where each member was read", "Heading 2")
    logic(doc, "{%p for m in members %}")
    put(doc, "{{ m.name }}: {{ m.source|member_source }}", "Lead Sentence")
    logic(doc, "{%p endfor %}")
    logic(doc, "{%p if worst %}")
    put(doc, "Actions at each member's worst status", "Heading 2")
    _loop_table(
        doc,
        ["Member", "Action", "Status", "Summary", "Lead officer", "Due"],
        [
            "{{ w.member }}",
            "{{ w.action.id }}",
            "{{ w.action.status.label }}",
            "{{ w.action.summary }}",
            "{{ w.action.lead_officer or '' }}",
            "{{ w.action.due|long_date if w.action.due else '' }}",
        ],
        [4.0, 1.6, 2.0, 10.0, 3.0, 2.6],
        "w in worst",
        "Actions at each member's worst status",
    )
    logic(doc, "{%p endif %}")
    doc.save(str(path))


BUILDERS = {
    "outstanding": build_outstanding,
    "summary": build_summary,
    "indicators": build_indicators,
    "tables": build_tables,
    "paper": build_paper,
    "portfolio": build_portfolio,
}


def build(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name, builder in BUILDERS.items():
        path = folder / f"{name}.docx"
        builder(path)
        made.append(path)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "templates")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
