"""Property tests: generated plan sets, valid and broken, never break ragplan."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from conftest import run_cli
from hypothesis import HealthCheck, Phase, example, given, settings
from strategies import PlanSpec, broken_plan_sets, plan_sets

from ragplan.plansets import load_valid, validate

PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def write_spec(spec: PlanSpec) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ragplan-prop-")) / "plans"
    folder.mkdir()
    for name, text in spec.files.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    return folder


@PROPERTY_SETTINGS
@given(plan_sets())
def test_generated_plan_sets_are_valid_and_counted_exactly(spec: PlanSpec) -> None:
    folder = write_spec(spec)
    result = validate([folder])
    assert [p for p in result.problems if p.level == "error"] == []
    plan_set = load_valid(folder)
    assert Counter(a.rag for a in plan_set.actions()) == Counter(spec.actions.values())
    assert result.actions == len(spec.actions)


@PROPERTY_SETTINGS
@given(broken_plan_sets())
def test_a_broken_file_is_named_with_a_line(case: tuple[PlanSpec, str, str]) -> None:
    spec, name, rule = case
    folder = write_spec(spec)
    run = run_cli("validate", "--format", "json", folder)
    assert run.code == 1, run.out
    problems = json.loads(run.out)["problems"]
    in_file = [p for p in problems if p["file"].endswith(name) and p["level"] == "error"]
    assert in_file and all(p["line"] >= 1 and p["column"] >= 1 for p in in_file)
    assert rule in {p["rule"] for p in in_file}


# --- reports of generated plan sets, in every format ---------------------------------

FORMATS = ("text", "md", "html", "json", "csv")


def _parse_html(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Every tag and every attribute (name, value) in an HTML page."""
    from html.parser import HTMLParser

    tags: list[str] = []
    attrs: list[tuple[str, str]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, found: list[tuple[str, str | None]]) -> None:
            tags.append(tag)
            attrs.extend((name, value or "") for name, value in found)

    Collect().feed(text)
    return tags, attrs


def _check_markdown_tables(text: str) -> None:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    header = cells = 0
    for token in tokens:
        if token.type == "thead_open":
            header = 0
        elif token.type == "th_open":
            header += 1
        elif token.type == "tr_open":
            cells = 0
        elif token.type == "td_open":
            cells += 1
        elif token.type == "tr_close" and cells:
            assert cells == header, text


def _check_format(report: str, fmt: str, out: str, spec: PlanSpec) -> None:
    import csv
    import io

    if fmt == "json":
        data = json.loads(out)
        if report == "summary":
            assert list(data["counts"]) == spec.keys
            assert data["total"] == sum(data["counts"].values()) == len(spec.actions)
            assert sum(t["total"] for t in data["themes"]) == data["total"]
            for key in spec.keys:
                expected = sum(1 for rag in spec.actions.values() if rag == key)
                assert data["counts"][key] == expected
        else:
            ids = [a["id"] for a in data["actions"]]
            assert sorted(ids) == sorted(spec.outstanding) and len(set(ids)) == len(ids)
            for action in data["actions"]:
                assert set(action) >= {
                    "id",
                    "theme_id",
                    "theme_title",
                    "section_id",
                    "section_title",
                    "lead_body",
                    "summary",
                    "due",
                    "lead_officer",
                    "rag",
                    "notes",
                    "file",
                    "line",
                }
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), cell
        if report == "outstanding":
            assert len(rows) - 1 == len(spec.outstanding)
    elif fmt == "md":
        _check_markdown_tables(out)
    elif fmt == "html":
        tags, attrs = _parse_html(out)
        assert "script" not in tags
        assert not [a for a in attrs if a[0].startswith("on")]
        assert "table" in tags or not spec.outstanding
    else:
        assert "\x1b" not in out and "\x07" not in out and "\x00" not in out


# Inputs that once broke a report, kept as regression cases.
FAILED_BEFORE = [
    # A control character in a scale label reached the plain-text table header.
    PlanSpec(
        {
            "ragplan.yaml": 'scale:\n- key: complete\n  label: "\\a"\n',
            "theme-1.yaml": "id: '1'\nactions: []\n",
        },
        ["complete"],
        set(),
        {},
    ),
    # "\x10\t..." lost its control character and became a CSV cell starting with a tab.
    PlanSpec(
        {
            "ragplan.yaml": "scale:\n- key: complete\n",
            "theme-1.yaml": "id: '1'\nactions:\n- id: '1.1'\n  summary: x\n  rag: complete\n"
            '  notes: "\\x10\\tn"\n',
        },
        ["complete"],
        set(),
        {"1.1": "complete"},
    ),
]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target],
)
@given(plan_sets())
@example(FAILED_BEFORE[0])
@example(FAILED_BEFORE[1])
def test_reports_of_any_plan_set_in_every_format(spec: PlanSpec) -> None:
    folder = write_spec(spec)
    for report in ("summary", "outstanding"):
        for fmt in FORMATS:
            run = run_cli(report, folder, "--format", fmt)
            assert run.code == 0, (report, fmt, run.err)
            _check_format(report, fmt, run.out, spec)
