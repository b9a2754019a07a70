"""Board-ready documents: what a clerk would send as it is, read back from the pages a
board member gets (PDF as WeasyPrint prints it; Word as LibreOffice lays it out and
prints it), for a 40-action plan whose longest note runs to 12 paragraphs."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, require_libreoffice, run_cli
from gitrepo import SINCE_TAG, since_repo
from plansets import long_plans

REPORTS = ("summary", "outstanding", "indicators", "diff", "history", "paper")
BOARD_FORMATS = ("md", "html", "docx", "pdf")


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return long_plans(tmp_path_factory.mktemp("board") / "plans")


def made(tmp: Path, plans: Path, report: str, fmt: str) -> Path:
    """The report (or the paper) in `fmt`, as a PDF a board member would get: a Word
    document is laid out and printed by LibreOffice, as it would be opened."""
    out = tmp / f"{report}.{fmt}"
    args = ["paper", plans / "papers" / "board.md"] if report == "paper" else [report, plans]
    run = run_cli(*args, "-f", fmt, "-o", out)
    assert run.code == 0, run.err
    return out if fmt == "pdf" else word_as_pdf(out)


def word_as_pdf(docx: Path) -> Path:
    require_libreoffice()
    folder = docx.parent / "lo"
    profile = (docx.parent / ".lo-profile").resolve().as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "HOME": str(docx.parent)},
    )
    pdf = folder / f"{docx.stem}.pdf"
    assert pdf.is_file(), f"LibreOffice could not print {docx.name}: {done.stdout} {done.stderr}"
    return pdf


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("report", ["outstanding", "paper"])
def test_every_note_is_printed_whole(tmp_path: Path, plans: Path, report: str, fmt: str) -> None:
    """Appendix B's rows may run on to the next page; none is cut. Every word of every
    note is on the pages, and the 12-paragraph note's 12 endings each once, in order."""
    text = pdf_text(made(tmp_path, plans, report, fmt))
    listed = json.loads(run_cli("outstanding", plans, "-f", "json").out)["actions"]
    notes = [a["notes"] for a in listed]
    printed = Counter(text.split())
    wanted = Counter(word for note in notes for word in note.split())
    missing = wanted - printed
    assert not missing, f"words of the notes missing from the {fmt}: {dict(missing)}"
    endings = [f"endmark{n:02d}" for n in range(1, 13)]
    assert [w for w in text.split() if w.startswith("endmark")] == endings


# Every report in every board format, made once for the tests below: the example plans
# (summary, outstanding, indicators and the September paper), a git copy with two board
# tags of the indicators case (rated indicators; diff, and history with a column per
# indicator), and the 40-action plan (outstanding and its paper).


class Built:
    """The documents made, by (plan set, report, format); Word files also as the PDF
    LibreOffice prints of them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[tuple[str, str, str], Path] = {}

    def printed(self, key: tuple[str, str, str]) -> Path:
        """The pages of a pdf or docx document, as a PDF."""
        path = self.files[key]
        return path if path.suffix == ".pdf" else path.parent / "lo" / f"{path.stem}.pdf"


def _make(out: Path, plans: Path, report: str, fmt: str) -> Path:
    args: list[str | Path]
    if report == "paper":
        paper = (
            "board-2010-09.md" if (plans / "papers" / "board-2010-09.md").is_file() else "board.md"
        )
        args = ["paper", plans / "papers" / paper]
    elif report == "diff":
        args = ["diff", SINCE_TAG, plans]
    else:
        args = [report, plans]
    run = run_cli(*args, "-f", fmt, "-o", out)
    assert run.code == 0, (report, fmt, run.err)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("built")
    found = Built(root)
    repo = root / "repo"
    repo.mkdir()
    since_repo(REPO / "tests" / "cases" / "indicators", repo, commit_now=True)
    sets = {
        "example": (EXAMPLE_PLANS, ("summary", "outstanding", "indicators", "paper")),
        "tagged": (repo / "plans", ("diff", "history", "indicators", "summary")),
        "long": (long_plans(root / "long"), ("outstanding", "paper")),
    }
    for name, (plans, reports) in sets.items():
        for report in reports:
            for fmt in BOARD_FORMATS:
                out = root / "out" / f"{name}-{report}.{fmt}"
                out.parent.mkdir(exist_ok=True)
                found.files[(name, report, fmt)] = _make(out, plans, report, fmt)
    require_libreoffice()
    words = sorted(p for p in (root / "out").glob("*.docx"))
    profile = (root / ".lo-profile").resolve().as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(root / "out" / "lo"),
            *map(str, words),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "HOME": str(root)},
    )
    for docx in words:
        pdf = root / "out" / "lo" / f"{docx.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice could not print {docx.name}: {done.stderr}"
    return found


def pages_of(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Each page's width and height, and its words with their boxes (pdftotext -bbox)."""
    done = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True
    )
    found = []
    for page in done.stdout.split("<page ")[1:]:
        size = re.match(r'width="([\d.]+)" height="([\d.]+)"', page)
        assert size is not None
        boxes = [
            (float(x1), float(y1), float(x2), float(y2), html.unescape(word))
            for x1, y1, x2, y2, word in re.findall(
                r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<',
                page,
            )
        ]
        found.append((float(size.group(1)), float(size.group(2)), boxes))
    return found


PRINTED = [
    (plans, report, fmt)
    for plans, reports in (
        ("example", ("summary", "outstanding", "indicators", "paper")),
        ("tagged", ("diff", "history", "indicators", "summary")),
        ("long", ("outstanding", "paper")),
    )
    for report in reports
    for fmt in ("pdf", "docx")
]


@pytest.mark.parametrize("key", PRINTED, ids=["-".join(k) for k in PRINTED])
def test_every_word_is_on_its_page_and_no_page_holds_only_headings(
    built: Built, key: tuple[str, str, str]
) -> None:
    """Fit the page: no word beyond a page's edge (a table too wide would put its last
    column there), and every page holds more than a heading: at least a dozen words
    between the running header and the footer."""
    for number, (width, height, boxes) in enumerate(pages_of(built.printed(key)), start=1):
        beyond = [w for x1, y1, x2, y2, w in boxes if x1 < 0 or y1 < 0 or x2 > width or y2 > height]
        assert not beyond, f"page {number}: beyond the edge of {width} x {height}: {beyond[:5]}"
        body = [w for x1, y1, x2, y2, w in boxes if y1 > 40 and y2 < height - 40]
        assert len(body) >= 12, f"page {number} holds only: {' '.join(body)}"


def structure(pdf_path: Path) -> tuple[list[object], dict[int, list[str]], set[int]]:
    """Read back with pikepdf: every TH element of the structure tree; per page, the kind
    of each piece of marked content ('Artifact', or the MCID's tag); and the MCIDs the
    tree holds (by page index)."""
    import pikepdf

    with pikepdf.open(pdf_path) as pdf:
        root = pdf.Root.StructTreeRoot
        cells, held, todo, seen = [], set(), [root], set()
        while todo:
            element = todo.pop()
            if element.is_indirect:
                if element.objgen in seen:
                    continue
                seen.add(element.objgen)
            if element.get("/S") == "/TH":
                attributes = element.get("/A")
                cells.append(dict(attributes) if attributes is not None else {})
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int):
                    held.add((int(element.Pg.objgen[0]), int(kid)))
                elif isinstance(kid, pikepdf.Dictionary):
                    if "/MCID" in kid:
                        page = kid.get("/Pg", element.get("/Pg"))
                        held.add((int(page.objgen[0]), int(kid.MCID)))
                    else:
                        todo.append(kid)
        marked: dict[int, list[str]] = {}
        orphans = set()
        for number, page in enumerate(pdf.pages):
            kinds = marked.setdefault(number, [])
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) in ("BDC", "BMC"):
                    kinds.append(str(operands[0]))
                    if str(operator) == "BDC" and "/MCID" in operands[1]:
                        if (page.obj.objgen[0], int(operands[1].MCID)) not in held:
                            orphans.add(number)
        return cells, marked, orphans


@pytest.mark.parametrize("report", REPORTS)
def test_pdf_ua_header_cells_are_scoped_and_page_furniture_is_artefact(
    built: Built, report: str
) -> None:
    """PDF/UA-1 as a screen reader meets it: every table header cell says whether it heads
    a column or a row (/Scope), and the running header and "Page n of N" are artefacts,
    not text read in the middle of a table. Read from the structure tree with pikepdf."""
    plans = "tagged" if report in ("diff", "history") else "example"
    pdf = built.files[(plans, report, "pdf")]
    cells, marked, orphans = structure(pdf)
    assert cells, "no table header cell in the structure tree"
    assert all(c.get("/Scope") in ("/Column", "/Row") for c in cells), cells
    assert {c.get("/Scope") for c in cells} >= {"/Column"}
    assert not orphans, f"pages with marked content no element holds: {sorted(orphans)}"
    for number, kinds in marked.items():
        assert "/Artifact" in kinds, number  # the page number at least
    assert "Page 1 of" in pdf_text(pdf)  # still printed: an artefact, not gone


# What only the tool would say: its own name, git's words, ISO dates, ids and field keys,
# and sentences about how it works. A board document says none of them.
TOOL_WORDS = [
    re.compile(pattern)
    for pattern in (
        r"\bragplan\b",
        r"\b[Rr]evisions?\b",
        r"\b[Cc]ommits?\b",
        r"\btags?\b",
        r"working tree",
        r"\bboard-\d{4}-\d{2}\b",  # a git tag's name, where the plan gives a date
        r"\b\d{4}-\d{2}-\d{2}\b",  # an ISO date, where a board writes 20 September 2010
        r"\bas written\b",
        r"\boldest first\b",
        r"\bFields\b",
        r"\bIndicators: ",
        r"\bIds?\b",
        r"\b(?:initial|core)-assessments\b",  # an indicator's id, where it has a title
        r"\blead_officer|lead_body|carried_from\b",
        r"\btemplate\b",
    )
]


def board_text(path: Path) -> str:
    """What a reader of the document sees (and a screen reader hears): Markdown as it is;
    HTML without its markup and style sheet, with its alternative texts; Word's body,
    tables, pictures' descriptions and properties; a PDF's text."""
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        page = path.read_text(encoding="utf-8")
        page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
        return html.unescape(re.sub(r"<[^>]+>", " ", page))
    if path.suffix == ".docx":
        import zipfile

        with zipfile.ZipFile(path) as docx:
            parts = [
                docx.read(name).decode("utf-8")
                for name in docx.namelist()
                if name.endswith(".xml")
                and name.startswith(("word/document", "word/header", "word/footer", "docProps/"))
            ]
        xml = " ".join(parts)
        described = " ".join(re.findall(r'(?:descr|title)="([^"]*)"', xml))
        return html.unescape(re.sub(r"<[^>]+>", " ", xml) + " " + described)
    return pdf_text(path)


BOARD_DOCUMENTS = [
    (plans, report, fmt)
    for plans, reports in (
        ("example", ("summary", "outstanding", "indicators", "paper")),
        ("tagged", ("diff", "history", "indicators", "summary")),
        ("long", ("outstanding", "paper")),
    )
    for report in reports
    for fmt in BOARD_FORMATS
]


@pytest.mark.parametrize("key", BOARD_DOCUMENTS, ids=["-".join(k) for k in BOARD_DOCUMENTS])
def test_board_documents_speak_board_words(built: Built, key: tuple[str, str, str]) -> None:
    text = board_text(built.files[key])
    found = sorted({m.group(0) for pattern in TOOL_WORDS for m in pattern.finditer(text)})
    assert not found, f"tool words in {'-'.join(key)}: {found}"


# Look at it: every report in every printable format rendered to page images, kept under
# test-output/pages/ (ignored by git) for a person to read as a clerk would. HTML as
# headless Chromium shows it (a 1280-pixel window, the page's whole height), PDF by
# pdftoppm, Word by LibreOffice then pdftoppm.
PAGES = REPO / "test-output" / "pages"
RENDERED = [
    (plans, report, fmt)
    for plans, reports in (
        ("example", ("summary", "outstanding", "indicators", "paper")),
        ("tagged", ("diff", "history", "indicators", "summary")),
        ("long", ("outstanding", "paper")),
    )
    for report in reports
    for fmt in ("html", "pdf", "docx")
]


def _chromium() -> str:
    from shutil import which

    from conftest import require

    found = next((p for n in ("chromium", "chromium-browser") if (p := which(n))), None)
    require(None if found else "Chromium is not installed (apt-get install chromium)")
    assert found is not None
    return found


def _ink(png: Path) -> float:
    """The share of a page image's pixels that are not white: a blank page is 0."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L").resize((200, 280))
        return sum(1 for value in grey.tobytes() if value < 250) / (200 * 280)


@pytest.mark.parametrize("key", RENDERED, ids=["-".join(k) for k in RENDERED])
def test_every_page_is_rendered_to_an_image_to_look_at(
    built: Built, key: tuple[str, str, str], tmp_path: Path
) -> None:
    name = "-".join(key)
    for old in PAGES.glob(f"{name}*.png"):
        old.unlink()
    PAGES.mkdir(parents=True, exist_ok=True)
    if key[2] == "html":
        shot = PAGES / f"{name}.png"
        done = subprocess.run(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--hide-scrollbars",
                "--window-size=1280,3000",
                f"--screenshot={shot}",
                built.files[key].as_uri(),
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert shot.is_file(), done.stderr[-2000:]
        shots = [shot]
    else:
        pdf = built.printed(key)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", pdf, PAGES / name], check=True, capture_output=True
        )
        shots = sorted(PAGES.glob(f"{name}-*.png"))
        assert len(shots) == len(pages_of(pdf))  # one image per page
    for shot in shots:
        assert _ink(shot) > 0.005, f"{shot.name} is blank"


@pytest.mark.parametrize("key", [("example", "paper"), ("example", "summary")])
def test_the_running_header_names_the_organisation_and_the_title_after_the_first_page(
    built: Built, key: tuple[str, str]
) -> None:
    """From page 2 on, the PDF's running header (its first line of text) names the
    organisation and the document, a board paper's body pages included; the first page
    (a paper's cover, a report's own title block) carries none."""
    pdf = built.files[(*key, "pdf")]
    pages = pdf_text(pdf).split("\f")
    assert len(pages) > 1
    header = "North Yorkshire Children's Trust: "
    for page in pages[1:]:
        if page.strip():
            assert page.lstrip().startswith(header), page[:120]
    assert not pages[0].lstrip().startswith(header)
