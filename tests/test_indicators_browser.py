"""The indicators page in a real browser: hostile titles and periods stay text, the only
drawings are ragplan's own sparklines, and the page prints. Needs Chromium, as
test_browser.py does (skipped where it is missing, outside CI)."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE_PLANS, write_tree
from plansets import ATTACKS, q
from test_browser import chromium, parse_dom, render


def hostile_indicators(root: Path) -> Path:
    """One indicator per attack, in its title, its period, its summary label and the
    table's title; each has a target, so the rating columns and the why are drawn too."""
    indicators = "".join(
        f"""
  - id: i{i}
    title: {q(attack)}
    theme: "1"
    unit: percent
    polarity: higher
    target: 80
    tolerance: "10%"
    values:
      - {{period: {q(attack)}, value: 71.9}}
      - {{period: {q(attack + " 2")}, numerator: 3, denominator: 4}}
    summaries:
      - {{label: {q(attack)}, from: {q(attack)}, to: {q(attack + " 2")}}}
"""
        for i, attack in enumerate(ATTACKS, start=1)
    )
    return write_tree(
        root,
        {
            "ragplan.yaml": f"title: {q(ATTACKS[0])}\nas_of: 2024-01-31\n",
            "t.yaml": "id: '1'\nactions:\n  - {id: '1.1', summary: s, rag: green}\n",
            "indicators/i.yaml": f"title: {q(ATTACKS[3])}\nindicators:{indicators}",
        },
    )


def test_the_indicators_page_runs_nothing_injected(tmp_path: Path) -> None:
    plans = hostile_indicators(tmp_path / "plans")
    page = render("indicators", plans, tmp_path / "indicators.html")
    result = chromium("--dump-dom", page=page, profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    tags, attributes, title = parse_dom(result.stdout)
    assert not {"script", "iframe", "img", "style"} & set(tags[tags.index("body") :])
    # One drawing per indicator, each of ragplan's own three kinds of shape.
    assert tags.count("svg") == len(ATTACKS)
    drawn = set(tags[tags.index("svg") :]) - {"title", "td", "tr", "tbody", "table", "th"}
    assert drawn <= {"svg", "polyline", "circle", "line", "ul", "li", "strong", "h2"}, drawn
    assert not [name for name in attributes if name.startswith("on")]
    assert title.startswith(ATTACKS[0])
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in result.stdout
    # Every rating was drawn: 75.0% (3 of 4) is within 8 points of 80.
    assert result.stdout.count(">Amber</td>") == len(ATTACKS)


def test_the_example_indicators_page_prints_to_pdf(tmp_path: Path) -> None:
    page = render("indicators", EXAMPLE_PLANS, tmp_path / "indicators.html")
    pdf = tmp_path / "out.pdf"
    result = chromium(
        f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page=page, profile=tmp_path / "p"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF")
