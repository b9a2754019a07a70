"""Nothing is fetched for a report or a paper, in any format: a remote or file image in a
paper is refused with its line (the HTML kept it while the PDF refused it), and a remote
@font-face in print.css is refused, exit 4, as docs/templates.md says (it was skipped
without a word). Issue 26, item 12 (part)."""

from __future__ import annotations

import base64
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, require, run_cli

from ragplan.errors import TemplateError
from ragplan.papers.document import markdown_to_html

PAPER = "papers/board-2010-09.md"


def _plans_with(in_tmp: Path, paper_text: str = "", print_css: str = "") -> Path:
    plans = Path(shutil.copytree(EXAMPLE_PLANS, in_tmp / "plans"))
    if paper_text:
        with (plans / PAPER).open("a", encoding="utf-8") as paper:
            paper.write(paper_text)
    if print_css:
        (plans / "templates").mkdir()
        css = (REPO / "templates" / "print.css").read_text(encoding="utf-8")
        (plans / "templates" / "print.css").write_text(css + print_css, encoding="utf-8")
    return plans


def _needs_pdf() -> None:
    if importlib.util.find_spec("weasyprint") is None:
        require("WeasyPrint is not installed (pip install -e '.[test]' brings it)")


@pytest.mark.parametrize("fmt", ["html", "pdf", "md", "docx"])
def test_a_paper_naming_a_remote_image_is_refused_in_every_format(in_tmp: Path, fmt: str) -> None:
    if fmt == "pdf":
        _needs_pdf()
    plans = _plans_with(in_tmp, "\n![Council logo](http://tracker.example/logo.png)\n")
    lines = (plans / PAPER).read_text(encoding="utf-8").splitlines()
    line = lines.index("![Council logo](http://tracker.example/logo.png)") + 1
    run = run_cli("paper", plans / PAPER, "-f", fmt, "-o", f"paper.{fmt}")
    assert run.code == 1
    assert run.err.splitlines()[0] == (
        f"plans/{PAPER}:{line}:17: [error] the image 'http://tracker.example/logo.png' would "
        "be fetched from the network: a paper fetches nothing (its PDF cannot); put the "
        "image in as a data: URI (paper)"
    )
    assert not (in_tmp / f"paper.{fmt}").exists()


def test_validate_finds_an_image_from_a_file_too(in_tmp: Path) -> None:
    plans = _plans_with(in_tmp, "\nOur logo: ![logo](../logo.png)\n")
    run = run_cli("validate", "-f", "parsable", plans)
    assert run.code == 1
    assert "the image '../logo.png' would be fetched from a file" in run.out


def test_an_image_in_a_data_uri_is_kept_in_the_html(in_tmp: Path) -> None:
    pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
    plans = _plans_with(in_tmp, f"\n![Council logo]({pixel})\n")
    run = run_cli("paper", plans / PAPER, "-f", "html")
    assert run.code == 0, run.err
    assert f'<img src="{pixel}" alt="Council logo"' in run.out


def test_html_made_from_markdown_never_keeps_a_remote_image() -> None:
    # The last guard, whatever text reaches it (an address a template put together).
    with pytest.raises(TemplateError, match="fetched from https://x.example/a.png"):
        markdown_to_html("Logo: ![a](https://x.example/a.png)")


def test_a_remote_font_in_print_css_is_refused_with_exit_4(in_tmp: Path) -> None:
    _needs_pdf()
    css = (
        '\n@font-face { font-family: "Council Sans"; '
        'src: url("https://fonts.example/council-sans.woff2"); }\n'
        'body { font-family: "Council Sans", sans-serif; }\n'
    )
    plans = _plans_with(in_tmp, print_css=css)
    run = run_cli("summary", plans, "-f", "pdf", "-o", "summary.pdf")
    assert run.code == 4
    assert run.err == (
        "ragplan: error: the PDF would lack what its template or print.css asks to fetch "
        "(https://fonts.example/council-sans.woff2): ragplan fetches nothing; put images "
        "and fonts in as data: URIs\n"
    )
    assert not (in_tmp / "summary.pdf").exists()


def test_a_font_given_as_a_data_uri_is_used_in_the_pdf(in_tmp: Path) -> None:
    _needs_pdf()
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
    if not font.exists() or shutil.which("pdffonts") is None:
        require("the DejaVu fonts and pdffonts (poppler-utils) are needed")
    data = base64.b64encode(font.read_bytes()).decode("ascii")
    css = (
        '\n@font-face { font-family: "Council Serif"; '
        f'src: url("data:font/ttf;base64,{data}"); }}\n'
        'body, h1, h2, td, th, p { font-family: "Council Serif"; }\n'
    )
    plans = _plans_with(in_tmp, print_css=css)
    run = run_cli("summary", plans, "-f", "pdf", "-o", "summary.pdf")
    assert run.code == 0, run.err
    fonts = subprocess.run(
        ["pdffonts", str(in_tmp / "summary.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "Council-Serif" in fonts  # the family the data: font was given
