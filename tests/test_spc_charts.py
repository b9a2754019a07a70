"""SPC charts and icons in html, pdf and docx: an XmR chart per indicator with 13 values or
more, drawn true to scale, each point's variation a shape and a colour, the MDC icons with
their words, and Word's picture of the same chart with its alternative text."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli
from docx import Document
from docx.oxml.ns import qn

SPC = REPO / "examples" / "spc"


def _html(tmp_path: Path, plans: Path = SPC) -> str:
    out = tmp_path / "i.html"
    run = run_cli("indicators", plans, "-f", "html", "-o", out)
    assert run.code == 0, run.err
    return out.read_text(encoding="utf-8")


def _chart(html: str, ident: str) -> str:
    found = re.search(rf'<svg[^>]*aria-labelledby="spc-{ident}-title.*?</svg>', html, re.S)
    assert found, ident
    return found.group(0)


def test_each_indicator_with_13_values_gets_a_chart_and_the_table_its_icons(
    tmp_path: Path,
) -> None:
    html = _html(tmp_path)
    charts = re.findall(r'aria-labelledby="spc-([a-z0-9-]+)-title', html)
    assert charts == [
        "ed-four-hours",
        "inpatient-falls",
        "elective-18-weeks",
        "emergency-admissions",
        "staff-sickness",
    ]
    # Each icon says itself in words, never colour alone: the letter and the label.
    assert 'aria-label="Improvement (low): special cause of an improving nature' in html
    assert ">L</text>" in html and ">F</text>" in html and ">?</text>" in html
    # The seed's 7 values per indicator draw no chart, as the board paper has none.
    assert "spc-chart" not in _html(tmp_path, EXAMPLE_PLANS)


def test_points_are_drawn_true_to_scale_with_their_variation(tmp_path: Path) -> None:
    chart = _chart(_html(tmp_path), "inpatient-falls")
    ticks = {
        float(m.group(2)): float(m.group(1))
        for m in re.finditer(
            r'<text x="[\d.]+" y="([\d.]+)" text-anchor="end">([\d.]+)</text>', chart
        )
    }
    assert len(ticks) >= 3
    (v1, y1), (v2, y2) = sorted(ticks.items())[:2]
    per_unit = (y1 - y2) / (v2 - v1)  # pixels per unit, from the axis' own labels

    def y_of(value: float) -> float:
        return y1 - 4 - (value - v1) * per_unit  # a tick's text sits 4px below its line

    points = re.findall(
        r'<path d="M([\d.]+) ([\d.]+)[^"]*" fill="(#[0-9a-f]{6})"[^>]*><title>([^<]+)</title>',
        chart,
    )
    assert len(points) == 36
    last = points[-1]
    # Mar 25: 5.83, an improvement (lower is better, 8 points falling), a blue diamond
    # whose top vertex is 4.6 pixels above its centre.
    assert last[3].startswith("Mar 25: 5.83, improvement (8 points in a row falling")
    assert last[2] == "#41b6e6"
    assert float(last[1]) + 4.6 == pytest.approx(y_of(5.83), abs=0.3)
    first = points[0]
    assert first[3] == "Apr 22: 6.50, common cause" and first[2] == "#a6a6a6"


def test_a_recalculation_is_marked_with_its_reason_and_a_trajectory_drawn(
    tmp_path: Path,
) -> None:
    html = _html(tmp_path)
    ed = _chart(html, "ed-four-hours")
    assert "Recalculated from Apr 24: New triage model" in ed
    assert "from April 2024" in ed
    waits = _chart(html, "elective-18-weeks")
    target = re.search(r'<polyline points="([^"]+)" fill="none" stroke="#d5281b"', waits)
    assert target
    levels = sorted({float(p.split(",")[1]) for p in target.group(1).split()})
    assert len(levels) == 3  # 60, then 65 from Oct 23, then 70 from Apr 24
    assert "Target 70.00%" in waits


def test_the_pdf_prints_the_charts_and_icons(tmp_path: Path) -> None:
    out = tmp_path / "i.pdf"
    assert run_cli("indicators", SPC, "-f", "pdf", "-o", out).code == 0
    text = subprocess.run(
        ["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "SPC icons (Making Data Count)" in text
    assert "Recalculated from Apr 24: New triage model" in text
    assert "Improvement (low)" in text and "Hit or miss" in text


def test_word_places_each_chart_and_icon_as_a_picture_with_its_alternative_text(
    tmp_path: Path,
) -> None:
    out = tmp_path / "i.docx"
    assert run_cli("indicators", SPC, "-f", "docx", "-o", out).code == 0
    document = Document(str(out))
    described = [e.get("descr", "") for e in document.element.body.iter(qn("wp:docPr"))]
    charts = [d for d in described if d.startswith("XmR chart of")]
    assert len(charts) == 5
    assert any(
        d.startswith("XmR chart of Inpatient falls per 1,000 bed days, 36 values from Apr 22 "
                     "to Mar 25; latest 5.83.") and "8 points in a row falling" in d
        for d in charts
    )  # fmt: skip
    assert "Pass: the process will consistently meet the target" in described
    with zipfile.ZipFile(out) as package:
        pictures = [n for n in package.namelist() if n.startswith("word/media/")]
        assert pictures and all(package.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in pictures)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Inpatient falls per 1,000 bed days:" in text and "Improvement (low)" in text


PAPER = """\
---
title: Integrated Performance Report
date: 2025-04-15
---
The board's measures, as Making Data Count reads them:

{{ table("spc") }}
"""


def test_a_paper_places_the_spc_icon_table_alone(tmp_path: Path) -> None:
    import shutil

    plans = tmp_path / "spc"
    shutil.copytree(SPC, plans)
    (plans / "papers").mkdir()
    paper = plans / "papers" / "board.md"
    paper.write_text(PAPER, encoding="utf-8")
    assert run_cli("validate", plans).code == 0
    md = run_cli("paper", paper, "-f", "md").out
    assert (
        "| Elective patients waiting under 18 weeks (%) | Common cause | Fail | 62.40% | 63.26% "
        "| 58.72% to 67.81% |" in md
    )
    # The icon table alone: no rating table, no charts, no why.
    assert "| Integrated performance" not in md and "Why each" not in md
    out = tmp_path / "board.docx"
    assert run_cli("paper", paper, "-f", "docx", "-o", out).code == 0
    document = Document(str(out))
    text = [p.text for p in document.paragraphs]
    assert "Elective patients waiting under 18 weeks (%):  Common cause;  Fail" in text
    described = [e.get("descr", "") for e in document.element.body.iter(qn("wp:docPr"))]
    assert "Fail: the process will consistently miss the target unless something changes" in (
        described
    )
