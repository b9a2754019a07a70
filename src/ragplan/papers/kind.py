"""The board paper as a kind of report: its formats, what its templates receive, and how
its Word document is put together; registered with the output's registry of kinds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ragplan.output.formats import RenderOptions, ReportKind, embedded_word, register_kind
from ragplan.papers import document


def _context(paper: Any) -> dict[str, Any]:
    """The paper's parts, and the functions its templates put them together with."""
    return {
        "paper": paper,
        "title": paper.title,
        "cover": paper.cover,
        "body": paper.body,
        "appendices": paper.appendices,
        "as_md": document.as_md,
        "as_html": document.as_html,
        "embed": document.embed,
        "kind_name": document.kind_name,
    }


def _docx(template: Path, paper: Any, options: RenderOptions) -> bytes:
    """The paper through paper.docx, each of its reports through its own Word template,
    found where the paper's is, without its title block (the appendix heading stands
    for it)."""
    from ragplan.output.templates import builtin_templates
    from ragplan.papers.docx_paper import paper_docx

    return paper_docx(template, paper, embedded_word(options), builtin_templates() / "paper.docx")


PAPER = ReportKind(
    "paper",
    ("md", "html", "docx", "pdf"),
    _context,
    None,
    word=("paper.docx",),
    word_document=_docx,
)

register_kind("Paper", PAPER)
