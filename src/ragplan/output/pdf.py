"""PDF: an HTML report printed by WeasyPrint with print.css, tagged for accessibility.

WeasyPrint is the optional extra `ragplan[pdf]` (with pikepdf): it is imported here, only
when a PDF is made (importing it takes about half a second). The PDF is tagged (PDF/UA-1:
its headings, lists and tables are structure a screen reader follows, every table header
cell scoped, the running header and page numbers artefacts; `accessible` mends what
WeasyPrint leaves short), takes its title from the page's <title> and its language from
<html lang>.

Nothing is fetched. Every URL WeasyPrint asks for goes to RefusingFetcher, which
refuses it, on the network or on disk, but for data: URIs, decoded here (a council's
logo in its own template). A refused URL is a template error naming it: a PDF silently
missing its logo is a wrong answer. Without this, a template's
<link rel="attachment" href="file:///etc/passwd"> would embed that file in the PDF.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import urllib.parse
from typing import Any

from ragplan.errors import MissingExtraError, TemplateError

INSTALL = "pip install 'ragplan[pdf]'"
DEBIAN_LIBRARIES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2"


def require_weasyprint() -> None:
    """MissingExtraError, saying how to add it, when WeasyPrint is not installed; cheap: it
    looks for the package without importing it."""
    for package, name in (("weasyprint", "WeasyPrint"), ("pikepdf", "pikepdf")):
        if importlib.util.find_spec(package) is None:
            raise MissingExtraError(
                f"a PDF needs {name}, which is not installed: {INSTALL} adds it"
            )


def _weasyprint() -> Any:
    require_weasyprint()
    try:
        import weasyprint
    except OSError as exc:  # the package is there, the system libraries it loads are not
        raise MissingExtraError(
            f"WeasyPrint cannot load its system libraries ({exc}); on Debian or Ubuntu: "
            f"apt-get install {DEBIAN_LIBRARIES}"
        ) from None
    return weasyprint


class RefusedURL(ValueError):
    """A URL a report asked WeasyPrint to fetch."""


def _data_uri(url: str) -> tuple[bytes, str]:
    """The bytes and MIME type of a data: URI (RFC 2397)."""
    header, comma, payload = url[len("data:") :].partition(",")
    if not comma:
        raise RefusedURL(url)
    params = header.split(";")
    mime = params[0].strip() or "text/plain"
    if params[-1].strip().lower() == "base64":
        return base64.b64decode(urllib.parse.unquote(payload)), mime
    return urllib.parse.unquote_to_bytes(payload), mime


def _fetcher() -> Any:
    """A URLFetcher (WeasyPrint 68 and later) that fetches nothing, recording what it
    refused; WeasyPrint 70 needs a subclass, a plain function fails there on a refusal."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class RefusingFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols=(), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url[:5].lower() == "data:":
                body, mime = _data_uri(url)
                return URLFetcherResponse(url, body, {"Content-Type": mime})
            self.refused.append(url)
            raise RefusedURL(url)

    return RefusingFetcher()


def html_to_pdf(html: str, print_css: str, css_name: str = "print.css") -> bytes:
    """Print one self-contained HTML page to PDF bytes, with `print_css` after the page's
    own styles (so its print rules win). TemplateError if the page or the style sheet
    asked for anything to be fetched."""
    weasyprint = _weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _fetcher()
    # Without a font configuration WeasyPrint skips @font-face rules without a word: with
    # one, a font from the network is asked of the fetcher (and refused), a data: one used.
    fonts = FontConfiguration()
    # The style sheet gets the fetcher too: a CSS() without one fetches its own @import.
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher, media_type="print")
    sheet = weasyprint.CSS(string=print_css, base_url=None, url_fetcher=fetcher, font_config=fonts)
    pdf = document.write_pdf(stylesheets=[sheet], pdf_variant="pdf/ua-1", font_config=fonts)
    if fetcher.refused:
        shown = ", ".join(sorted({url[:80] for url in fetcher.refused}))
        raise TemplateError(
            f"the PDF would lack what its template or {css_name} asks to fetch ({shown}): "
            "ragplan fetches nothing; put images and fonts in as data: URIs"
        )
    return accessible(bytes(pdf))


# What WeasyPrint's tagging leaves short of PDF/UA-1, mended with pikepdf (qpdf): it gives
# table header cells no /Scope, so a screen reader cannot tell a column's heading from a
# row's; and it marks the running header and "Page n of N" (the page's margin boxes) as
# tagged content that no element of the structure tree holds, where PDF/UA wants
# artefacts, so a screen reader would read them in the middle of the text.


def _structure(root: Any) -> tuple[set[tuple[int, int]], list[tuple[Any, bool]]]:
    """The objects of every element the tree holds, and each TH with whether it sits in a
    table's header rows (THead)."""
    import pikepdf

    held: set[tuple[int, int]] = set()
    headers: list[tuple[Any, bool]] = []
    todo: list[tuple[Any, bool]] = [(root, False)]
    while todo:
        element, in_head = todo.pop()
        if element.is_indirect:
            if element.objgen in held:
                continue
            held.add(element.objgen)
        kind = element.get("/S")
        in_head = in_head or kind == "/THead"
        if kind in ("/TBody", "/TFoot"):
            in_head = False
        if kind == "/TH":
            headers.append((element, in_head))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/MCID" not in kid:
                todo.append((kid, in_head))
    return held, headers


def accessible(data: bytes) -> bytes:
    """The PDF `data` with /Scope on every table header cell (Column in a header row, Row
    elsewhere, as ragplan's templates write `scope`), and the page furniture made
    artefacts: marked content no element of the structure tree holds becomes /Artifact
    (/Pagination), and leaves the parent tree."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            return data
        held, headers = _structure(tree)
        for cell, in_head in headers:
            if "/A" not in cell:
                cell.A = pikepdf.Dictionary(O=pikepdf.Name.Table)
            attributes = cell.A
            if isinstance(attributes, pikepdf.Array):  # several attribute objects
                attributes = next(a for a in attributes if a.get("/O") == "/Table")
            attributes.Scope = pikepdf.Name.Column if in_head else pikepdf.Name.Row
        parent_tree = tree.get("/ParentTree")
        if parent_tree is None or "/Nums" not in parent_tree:
            pdf.save(out := io.BytesIO())
            return out.getvalue()
        nums = parent_tree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for page in pdf.pages:
            owners = parents.get(int(page.obj.get("/StructParents", -1)))
            if not isinstance(owners, pikepdf.Array):
                continue
            furniture = {
                mcid
                for mcid, owner in enumerate(owners)
                if isinstance(owner, pikepdf.Dictionary) and owner.objgen not in held
            }
            if not furniture:
                continue
            stream: list[Any] = []
            for instruction in pikepdf.parse_content_stream(page):
                operands = instruction.operands
                if str(instruction.operator) == "BDC" and len(operands) == 2:
                    properties = operands[1]
                    if (
                        isinstance(properties, pikepdf.Dictionary)
                        and int(properties.get("/MCID", -1)) in furniture
                    ):
                        artefact = [
                            pikepdf.Name.Artifact,
                            pikepdf.Dictionary(Type=pikepdf.Name.Pagination),
                        ]
                        instruction = pikepdf.ContentStreamInstruction(
                            artefact, instruction.operator
                        )
                stream.append(instruction)
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(stream))
            for mcid in furniture:
                owners[mcid] = None
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
