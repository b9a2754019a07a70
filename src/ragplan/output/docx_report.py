"""Word: a report rendered into a .docx template with docxtpl (Jinja inside the document).

The template holds the whole look (styles, page, header, footer, logo), so a council
restyles its Word reports in Word. This module gives docxtpl the one Jinja environment
(escaping on: without it `review & improve <front door>` silently loses text), makes
every value safe for XML, and mends what docxtpl leaves: the document's properties
(rendered here as plain text; docxtpl would escape them twice) and the table grids. It
is imported only when a Word document is made.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ragplan.errors import TemplateError
from ragplan.paths import display_path
from ragplan.textsafe import unify_line_breaks

# XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF; DEL and C1 are
# allowed but never wanted. Tab and newline stay: docxtpl writes them as <w:tab/> and
# <w:br/>. A bell must go: docxtpl would make it a paragraph break.
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """`value` with its line breaks as '\\n' and every character XML cannot hold dropped."""
    return _NOT_XML.sub("", unify_line_breaks(value))


def _finalize(value: Any) -> Any:
    """Every `{{ }}` value of a property: plain text made safe for XML."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return xml_text(value)
    return value


def keep_braces(xml: str) -> str:
    """`xml` with an underscore beside a brace written as a character reference: docxtpl
    turns '{_{' into '{{' (and '}_}', '{_%', '%_}' likewise) once a document is rendered,
    which would change text holding them."""
    return xml.replace("{_", "{&#95;").replace("_}", "&#95;}")


def _finalize_xml(value: Any) -> Any:
    """Every `{{ }}` value of the document: plain text made safe for XML, and escaped."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(keep_braces(str(escape(xml_text(value)))))
    return value


def fill(status: Any) -> str:
    """A status's colour as a cell shading ('FFBF47'); 'auto' (none) for no status."""
    return str(status.colour).lstrip("#").upper() if status is not None else "auto"


def rag(status: Any, text: str | None = None, missing: str = "") -> Any:
    """For `{{r status|rag }}`: the status's label (or `text`) as a run in its black or
    white, whichever reads on its colour; `missing`, plain, when there is no status. A
    `{{r }}` tag takes only such a run: plain text would fall outside any run."""
    from docxtpl import RichText

    if status is None:
        return RichText(xml_text(missing))
    shown = status.label if text is None else text
    return RichText(xml_text(str(shown)), color=str(status.text_colour).lstrip("#").upper())


def word_env() -> Any:
    """The one template environment, escaping everything for XML, with the Word filters."""
    from ragplan.output.templates import get_env

    env = get_env([], use_cache=False, autoescape=True, finalize=_finalize_xml)
    env.filters.update(fill=fill, rag=rag)
    return env


EMU_PER_PIXEL = 9525  # a CSS pixel (1/96 inch) in English Metric Units


class ChartPicture:
    """`{{ chart_picture(chart, 'bars') }}` in a Word template: the chart the HTML and PDF
    reports draw ('bars' across, 'columns' up), as a PNG in its own run, as wide as the
    page allows, its Alt Text stating every count."""

    def __init__(self, document: Any, chart: Any, layout: str, usable_emu: int) -> None:
        self.document, self.chart, self.layout, self.usable = document, chart, layout, usable_emu

    def __html__(self) -> str:
        from ragplan.output import chartimage, charts

        draw = charts.column_drawing if self.layout == "columns" else charts.bar_drawing
        drawing = draw(self.chart, "chart")
        width = min(self.usable, round(drawing.width * EMU_PER_PIXEL))
        part = self.document.current_rendering_part  # the part docxtpl is rendering
        inline = part.new_pic_inline(io.BytesIO(chartimage.png(drawing)), width, None)
        for described in inline.iter("{*}docPr", "{*}cNvPr"):
            described.set("title", xml_text(self.chart.title))
            described.set("descr", xml_text(self.chart.alt))
        # The run the tag sits in is closed, the picture is a run of its own, and a run
        # is opened again for what follows the tag (as docxtpl's InlineImage does).
        return (
            f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r>"
            '<w:r><w:t xml:space="preserve">'
        )


# Core properties: docxtpl would render them with the body's escaping (so "Children's"
# became "Children&#39;s" in File > Properties), and python-docx refuses a value over
# 255 characters or holding a control character.
_PROPERTIES = ("title", "subject", "author", "keywords", "comments", "category")


def _properties(doc: Any, written: dict[str, str], context: dict[str, Any]) -> None:
    from ragplan.output.templates import get_env

    env = get_env([], use_cache=False, autoescape=False, finalize=_finalize)
    found = doc.core_properties
    for name, source in written.items():
        if source:
            text = xml_text(env.from_string(source).render(context))
            setattr(found, name, " ".join(text.split())[:255])
    if not found.title:  # a document always has a title: its first heading
        headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
        found.title = " ".join((headings or [""])[0].split())[:255]
    found.language = found.language or "en-GB"
    found.created = found.modified = datetime.now(UTC).replace(microsecond=0)
    found.last_modified_by = found.author  # the organisation: a board reads who, not how
    found.revision = 1


def _usable_width(doc: Any) -> int:
    """The text width of the document's last section, in twentieths of a point."""
    section = doc.sections[-1]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def _turn_landscape(doc: Any) -> None:
    """Every portrait section of the document turned on its side, margins kept."""
    from docx.enum.section import WD_ORIENT

    for section in doc.sections:
        if section.page_width < section.page_height:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width


def open_template(template: Path) -> Any:
    """docxtpl's template of the Word file `template`, its tags checked first.
    TemplateError (naming the template) for a file that is not a .docx, or a tag Word
    split so that it cannot be rendered."""
    from docxtpl import DocxTemplate

    from ragplan.output.docx_xml import tag_problems

    shown = display_path(template)
    try:
        broken = [p for p in tag_problems(template) if p.kind != "split"]
    except Exception as exc:  # not a zip, or not XML inside: not a .docx
        raise TemplateError(
            f"{shown}: not a Word document (.docx) ragplan can read: {exc}"
        ) from None
    if broken:
        raise TemplateError(f"{shown}: {broken[0]}: retype the tag in one go, in one paragraph")

    class StrictTemplate(DocxTemplate):  # type: ignore[misc]
        """docxtpl reads the rendered XML leniently (lxml's recover), dropping what it
        cannot parse without a word: here a document that is not well-formed is an error."""

        def fix_tables(self, xml: str) -> Any:
            from lxml import etree

            try:
                etree.fromstring(xml.encode("utf-8"))
            except etree.XMLSyntaxError as exc:
                message = f"{shown}: it makes a document Word cannot read: {exc}"
                raise TemplateError(message) from None
            return super().fix_tables(xml)

    try:
        document = StrictTemplate(str(template))
        document.get_docx()  # the Document that render() fills
    except Exception as exc:  # a file that is not a .docx: zip, XML or package errors
        raise TemplateError(
            f"{shown}: not a Word document (.docx) ragplan can read: {exc}"
        ) from None
    return document


def fill_template(document: Any, template: Path, context: dict[str, Any]) -> dict[str, str]:
    """`document` (from open_template) rendered with `context`; returns the properties it
    had, to be rendered once the body is (by save_document)."""
    import jinja2

    doc = document.get_docx()
    written = {name: getattr(doc.core_properties, name) or "" for name in _PROPERTIES}
    for name in written:
        setattr(doc.core_properties, name, "")
    shown = display_path(template)
    # Pictures the context places (SPC charts and icons) go into this document.
    pictures = [v for v in context.values() if hasattr(v, "bind") and hasattr(v, "describe")]
    for found in pictures:
        found.bind(document)
    usable = _usable_width(doc) * 635

    def chart_picture(chart: Any, layout: str = "bars") -> ChartPicture:
        return ChartPicture(document, chart, layout, usable)

    try:
        document.render({**context, "chart_picture": chart_picture}, word_env(), autoescape=True)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{shown}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{shown}: {exc.message or exc}") from None
    except TemplateError:
        raise
    except Exception as exc:  # a tag's expression that fails: an attribute the data lacks
        raise TemplateError(f"{shown}: {type(exc).__name__}: {exc}") from None
    for found in pictures:
        found.describe(document.docx)
    return written


def table_font_pt(doc: Any) -> float:
    """The size of the Table Text style, by which table widths are worked out."""
    style_names = {style.name for style in doc.styles}
    size = doc.styles["Table Text"].font.size if "Table Text" in style_names else None
    return float(size.pt) if size else 9.0


def save_document(document: Any, written: dict[str, str], context: dict[str, Any]) -> bytes:
    """The rendered document's properties filled in, and the document as .docx bytes
    (`document.docx` is the rendered one: get_docx() would read the template again)."""
    _properties(document.docx, written, context)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def wants_landscape(name: str, context: dict[str, Any]) -> bool:
    """Whether report `name` ('summary', 'indicators') is printed on its side, by the
    rule its HTML template gives print.css (the body's "landscape" class), so that its
    PDF and its Word document have the same page: a summary with --since or more than
    four statuses; indicators with a table of more than eight columns of figures
    (periods, summaries, and a rated table's target, rating and direction); diff and
    history with a table of more than eight columns."""
    if name == "summary":
        return bool(context.get("previous")) or len(context.get("statuses", [])) > 4
    if name in ("tables", "diff", "history"):
        return any(len(t.headers) > 8 for t in context.get("tables", []))
    if name == "indicators":
        extra = 3 if context.get("rated") else 0
        return any(len(t.periods) + len(t.labels) + extra > 8 for t in context.get("tables", []))
    return False


def render_docx(template: Path, context: dict[str, Any]) -> bytes:
    """The report `context` rendered into the Word template `template`, as .docx bytes.
    TemplateError (naming the template) for a tag that cannot be rendered."""
    from ragplan.output.docx_xml import fit_tables, narrowest

    document = open_template(template)
    written = fill_template(document, template, context)
    doc = document.docx  # get_docx() would read the template again, once rendered
    font_pt = table_font_pt(doc)
    wide = wants_landscape(template.name.removesuffix(".docx"), context)
    if wide or narrowest(doc.element.body, font_pt) > _usable_width(doc):
        _turn_landscape(doc)  # as the PDF is, or the tables need the width
    fit_tables(doc.element.body, _usable_width(doc), font_pt)
    return save_document(document, written, context)
