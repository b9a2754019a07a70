"""Putting a paper together: its parts in Markdown or HTML, with the reports its tables and
appendices place rendered by the same templates as `ragplan summary`, `outstanding` and
`indicators`, without their own title (the appendix heading stands for it).

The paper templates (paper.md.j2, paper.html.j2) receive these with the paper (see
papers/kind.py): `{{ as_md(body) }}`, `{{ as_html(body) }}`, `{{ embed(appendix.report, "md") }}`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jinja2.utils import pass_environment
from markupsafe import Markup

if TYPE_CHECKING:  # a report that is not a paper never imports the paper's classes
    from ragplan.papers.made import Rendered

_TOKEN = re.compile(r"RAGPLAN-TABLE-[0-9a-f]{16}")
_BLANK_RUNS = re.compile(r"\n{3,}")


@pass_environment
def embed(env: Any, report: Any, extension: str) -> Markup:
    """`report` as its kind's template in `extension` (md, html) makes it, embedded."""
    from ragplan.output.formats import kind_of

    kind = kind_of(report)
    template = env.get_template(f"{kind.name}.{extension}.j2")
    text = template.render({**kind.context(report), "embedded": True}).strip()
    if extension == "html":
        # Each report names its captions and drawings with the same ids wherever it
        # is: in one page, each embedding gets its own prefix, or labels would point
        # at another report's caption.
        counter: list[int] = env.globals.setdefault("embedded_count", [0])
        counter[0] += 1
        text = _own_ids(text, f"{kind.name}{counter[0]}-")
    return Markup(text)


_ID_USES = re.compile(r'\b(id|for|aria-labelledby|aria-describedby)="([^"]*)"|(href="#|url\(#)')


def _own_ids(html: str, prefix: str) -> str:
    """`html` with every id, and every reference to one, given `prefix`."""

    def one(match: re.Match[str]) -> str:
        if match.group(3):  # href="#x" or url(#x)
            return match.group(3) + prefix
        names = " ".join(prefix + name for name in match.group(2).split())
        return f'{match.group(1)}="{names}"'

    return _ID_USES.sub(one, html)


def kind_name(report: Any) -> str:
    """'outstanding': the kind of a report, for a page to lay it out by."""
    from ragplan.output.formats import kind_of

    return kind_of(report).name


def tidy(markdown: str) -> str:
    """Blank lines run together, ends trimmed: parts end and start as they please."""
    return _BLANK_RUNS.sub("\n\n", markdown).strip()


@pass_environment
def as_md(env: Any, part: Rendered | None) -> Markup:
    """A part in Markdown, each table placed where its token stands."""
    if part is None:
        return Markup("")
    return Markup(tidy(_place(part, part.markdown, lambda r: embed(env, r, "md"))))


def markdown_to_html(markdown: str) -> str:
    """CommonMark with tables; raw HTML in the text is shown, never run; an image that is
    not a data: URI is refused (TemplateError), as the PDF refuses it: the page would
    fetch it from wherever it points when opened."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    for token in md.parse(markdown):
        for child in token.children or ():
            source = str(child.attrGet("src") or "")
            if child.type == "image" and not source[:5].lower() == "data:":
                from ragplan.errors import TemplateError

                raise TemplateError(
                    f"the paper would show an image fetched from {source[:80]}: ragplan "
                    "fetches nothing; put the image in as a data: URI"
                )
    return str(md.render(markdown))


@pass_environment
def as_html(env: Any, part: Rendered | None) -> Markup:
    """A part as HTML, each table placed where its token stands (a table alone on its
    line becomes a paragraph holding only the token, replaced whole)."""
    if part is None:
        return Markup("")
    html = markdown_to_html(tidy(part.markdown))

    html = re.sub(r"<p>(RAGPLAN-TABLE-[0-9a-f]{16})</p>", r"\1", html)
    return Markup(_place(part, html, lambda r: embed(env, r, "html")))


def _place(part: Rendered, text: str, render: Any) -> str:
    """`text` with each of the part's tokens replaced by its report as `render` makes it
    (a token-like string that is not one of them, typed in a note, stays as written)."""

    def one(match: re.Match[str]) -> str:
        report = part.tables.get(match.group())
        return match.group() if report is None else str(render(report))

    return _TOKEN.sub(one, text)
