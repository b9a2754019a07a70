"""SPC pictures for Word: an indicator's XmR chart and the MDC icons as PNG pictures that a
Word template places with docxtpl, each with its alternative text. Drawn only when a
template asks for one (spc_chart.py draws them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ragplan.output.spc_words import ICONS

if TYPE_CHECKING:
    from ragplan.reports.indicators import RatedIndicator


class WordPictures:
    """The pictures a Word template places: `{{ spc_pictures[i.id] }}` is an indicator's
    XmR chart, `{{ spc_pictures["icon:pass"] }}` an MDC icon, `{{ spc_pictures["spark:" ~
    i.id] }}` its sparkline (the Trend column the HTML and PDF draw). Each is drawn only when a
    template asks for it; `bind` gives them the document they go into (the word renderer
    calls it before rendering) and `describe` writes each one's alternative text into the
    document once rendered, so a screen reader says what the picture shows."""

    def __init__(self, indicators: list[RatedIndicator]) -> None:
        self.indicators = {i.id: i for i in indicators}
        self.document: object = None
        self.alt: dict[str, str] = {}  # by the picture's SHA-256

    def bind(self, document: object) -> None:
        self.document = document

    def __getitem__(self, key: str) -> object:
        import hashlib
        import io

        from docx.shared import Mm
        from docxtpl import InlineImage

        from ragplan.output.spc_chart import chart_png, icon_png, xmr_drawing

        if key.startswith("spark:"):
            from ragplan.output.sparkline import sparkline, sparkline_png

            spark = sparkline(self.indicators[key.removeprefix("spark:")])
            png = sparkline_png(spark)
            alt, width = spark.text, Mm(18)
        elif key.startswith("icon:"):
            name = key.removeprefix("icon:")
            png = icon_png(name)
            icon = ICONS[name]
            alt, width = f"{icon.label}: {icon.meaning}", Mm(6)
        else:
            drawing = xmr_drawing(self.indicators[key], "word")
            png = chart_png(drawing)
            alt, width = drawing.alt, Mm(165)
        self.alt[hashlib.sha256(png).hexdigest()] = alt
        return InlineImage(self.document, io.BytesIO(png), width=width)

    def describe(self, document: object) -> None:
        """Set the alternative text (descr) of each picture placed, found by its bytes."""
        import hashlib

        from docx.oxml.ns import qn

        part = getattr(document, "part")  # noqa: B009 - a python-docx Document
        body = getattr(document, "element").body  # noqa: B009
        for inline in body.iter(qn("wp:inline")):
            blips = inline.findall(".//" + qn("a:blip"))
            if not blips:
                continue
            image = part.related_parts.get(blips[0].get(qn("r:embed")))
            alt = self.alt.get(hashlib.sha256(image.blob).hexdigest()) if image else None
            properties = inline.find(qn("wp:docPr"))
            if alt is not None and properties is not None:
                properties.set("descr", alt)
