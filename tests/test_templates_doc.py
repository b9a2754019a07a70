"""docs/templates.md documents exactly the names templates receive, and its example works."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli

from ragplan.output import charts, views
from ragplan.output.sparkline import Sparkline
from ragplan.output.templates import get_env
from ragplan.reports import (
    common,
    diff,
    history,
    indicator_changes,
    indicators,
    outstanding,
    portfolio,
    since,
    summary,
)

DOC = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")

# Each documented table, by its heading, and the record it describes.
RECORDS = {
    "What every summary template receives": summary.Summary,
    "What every outstanding template receives": outstanding.Outstanding,
    "Status": common.ReportStatus,
    "Count": common.Count,
    "Group": summary.Group,
    "Previous": common.Previous,
    "Direction": since.Travel,
    "Moves": since.Moves,
    "Filter": common.Filter,
    "Action": outstanding.OutstandingAction,
    "Theme": outstanding.OutstandingTheme,
    "Section": outstanding.OutstandingSection,
    "Table": views.Table,
    "Change": diff.Change,
    "Tally": diff.Tally,
    "Point": history.Point,
    "Indicator": indicators.RatedIndicator,
    "Indicator value": indicators.RatedValue,
    "Indicator tally": indicators.IndicatorTally,
    "Indicator change": indicator_changes.IndicatorChange,
    "Latest": indicator_changes.Latest,
    "Indicator summary": indicators.RatedSummary,
    "Indicator table": indicators.IndicatorTable,
    "Row": indicators.Row,
    "Rating count": indicators.RatingCount,
    "Filters": indicators.Filters,
    "Sparkline": Sparkline,
    "Stacked": charts.Stacked,
    "Bar": charts.Bar,
    "What every portfolio template receives": portfolio.Portfolio,
    "Member row": portfolio.MemberRow,
    "Member source": portfolio.MemberSource,
    "Totals": portfolio.Totals,
    "Rolled-up status": portfolio.RolledUp,
    "Worst action": portfolio.WorstRow,
}


def test_portfolio_templates_receive_what_is_documented(tmp_path: Path) -> None:
    from test_portfolio import _partnership

    from ragplan.output.formats import kind_named
    from ragplan.portfolios import load_portfolio

    report = load_portfolio(_partnership(tmp_path))
    heading = "What every portfolio template receives"
    assert list(kind_named("portfolio").context(report)) == documented(heading)


def test_diff_and_history_templates_receive_what_is_documented() -> None:
    from datetime import datetime

    from ragplan.output.formats import kind_named
    from ragplan.plansets import load_valid

    plan_set = load_valid(EXAMPLE_PLANS)
    point = history.Point("v1", "0" * 40, datetime(2010, 9, 20), None, {"green": 1}, 1, 1)
    statuses = common.report_statuses(plan_set.config.scale)
    reports = {
        "diff": diff.compare(plan_set, plan_set, "v1"),
        "history": history.History("Plan", None, "tags", "plans", statuses, [point]),
    }
    shared = documented("What every diff and history template receives")
    for name, report in reports.items():
        besides = documented(f"What every {name} template receives besides")
        assert list(kind_named(name).context(report)) == shared + besides


def test_indicators_templates_receive_what_is_documented() -> None:
    from ragplan.output.formats import kind_named
    from ragplan.plansets import load_valid

    report = indicators.find_indicators(load_valid(EXAMPLE_PLANS))
    context = kind_named("indicators").context(report)
    assert list(context) == documented("What every indicators template receives")
    fields = [f.name for f in dataclasses.fields(indicators.Indicators)]
    # The report's own fields, between the heading and lead and the sparklines and the
    # SPC icons' words.
    assert list(context)[2:-5] == fields


def test_every_documented_indicator_name_renders_under_strict_undefined(tmp_path: Path) -> None:
    """A template touching every documented name of the indicators report renders."""
    lines = [
        f"{{{{ {n} is defined }}}}" for n in documented("What every indicators template receives")
    ]
    lines.append("{{ filters.themes }}{{ filters.ratings }}{{ filters.period }}")
    lines.append("{% for c in counts %}{{ c.rating.label }}{{ c.count }}{% endfor %}")
    lines.append(
        "{% for t in tables %}"
        + "".join(f"{{{{ t.{n} }}}}" for n in documented("Indicator table"))
        + "{% for r in t.rows %}{{ r.indicator.id }}{{ r.values | length }}{{ r.summaries }}"
        + "{% endfor %}{% endfor %}"
    )
    lines.append(
        "{% for i in indicators %}"
        + "".join(f"{{{{ i.{n} }}}}" for n in documented("Indicator"))
        + "{% for v in i.values %}"
        + "".join(f"{{{{ v.{n} }}}}" for n in documented("Indicator value"))
        + "{% endfor %}{% for s in i.summaries %}"
        + "".join(f"{{{{ s.{n} }}}}" for n in documented("Indicator summary"))
        + "{% endfor %}{{ i.direction.word }}{{ i.direction.arrow }}"
        + "".join(f"{{{{ sparklines[i.id].{n} }}}}" for n in documented("Sparkline"))
        + "{{ i.value | in_unit(i.unit) }}{{ rating_tally(counts, not_rated) }}{% endfor %}"
    )
    (tmp_path / "all.txt.j2").write_text("\n".join(lines), encoding="utf-8")
    run = run_cli("indicators", EXAMPLE_PLANS, "--template", tmp_path / "all.txt.j2")
    assert run.code == 0, run.err
    assert "Initial Assessments (%)" in run.out


def documented(heading: str) -> list[str]:
    """The backticked names in the first column of the table under `heading`."""
    section = re.split(r"^#+ " + re.escape(heading) + r"\n", DOC, flags=re.M)[1]
    section = re.split(r"^#", section, maxsplit=1, flags=re.M)[0]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.M)


@pytest.mark.parametrize(("heading", "record"), RECORDS.items())
def test_documented_names_are_the_fields(heading: str, record: type) -> None:
    named: tuple[str, ...] | None = getattr(record, "_fields", None)  # a NamedTuple's
    names = list(named) if named is not None else [f.name for f in dataclasses.fields(record)]
    if heading.startswith("What every"):
        names.append("report")  # a template also receives the report itself
        if record is summary.Summary:
            names += ["chart", "trend"]
        if record is portfolio.Portfolio:
            names += ["chart", "organisation"]
    assert documented(heading) == names


def test_summary_and_outstanding_templates_receive_what_is_documented() -> None:
    from ragplan.output.formats import kind_named
    from ragplan.plansets import load_valid

    plan_set = load_valid(EXAMPLE_PLANS)
    reports = {
        "summary": summary.summarise(plan_set),
        "outstanding": outstanding.find_outstanding(plan_set),
    }
    for name, report in reports.items():
        heading = f"What every {name} template receives"
        assert list(kind_named(name).context(report)) == documented(heading)


def test_paper_templates_receive_what_is_documented() -> None:
    from types import SimpleNamespace

    from ragplan.papers.kind import PAPER

    paper = SimpleNamespace(title="t", cover=None, body=None, appendices=[])
    assert list(PAPER.context(paper)) == documented("What a paper template receives")


OURS = (
    "ragplan.output.templates",
    "ragplan.output.templatefuncs",
    "ragplan.output.wording",
    "ragplan.output.spc_words",
    "ragplan.output.plaintext",
    "ragplan.textsafe",
    "ragplan.output.charts",
)


def test_documented_filters_and_functions_are_those_registered() -> None:
    env = get_env([])
    ours = {name for name, f in env.filters.items() if f.__module__ in OURS}
    ours |= {name for name, f in env.globals.items() if getattr(f, "__module__", "") in OURS}
    assert set(documented("Filters and functions")) == ours


def test_documented_word_filters_and_functions_are_those_word_templates_add() -> None:
    from ragplan.output.docx_report import word_env

    every = get_env([])
    word = word_env()
    added = (set(word.filters) - set(every.filters)) | (set(word.globals) - set(every.globals))
    assert set(documented("Filters and functions in Word templates")) == added


def test_the_documented_example_renders(tmp_path: Path) -> None:
    example = re.search(r"```jinja\n(.*?)```", DOC, flags=re.S)
    assert example is not None
    (tmp_path / "summary.md.j2").write_text(example.group(1), encoding="utf-8")
    run = run_cli("summary", EXAMPLE_PLANS, "-f", "md", "--templates", tmp_path)
    assert run.code == 0, run.err
    assert run.out.splitlines()[:2] == [
        "162 actions: 150 green / 11 amber / 1 red (as of 20 September 2010)",
        "- 1.1 ICT Infrastructure and Resilience: 95% done",
    ]


def test_every_documented_name_renders_under_strict_undefined(tmp_path: Path) -> None:
    """A template touching every documented name and field renders: the doc is not stale."""
    lines = [
        f"{{{{ {name} is defined }}}}"
        for name in documented("What every outstanding template receives")
    ]
    action_fields = documented("Action")
    lines.append("{% for a in actions %}" + "".join(f"{{{{ a.{n} }}}}" for n in action_fields))
    lines.append("".join(f"{{{{ a.status.{n} }}}}" for n in documented("Status")) + "{% endfor %}")
    lines.append(
        "{% for t in themes %}"
        + "".join(f"{{{{ t.{n} }}}}" for n in documented("Theme"))
        + "{% for s in t.sections %}"
        + "".join(f"{{{{ s.{n} }}}}" for n in documented("Section"))
        + "{% endfor %}{% endfor %}"
    )
    (tmp_path / "all.txt.j2").write_text("\n".join(lines), encoding="utf-8")
    run = run_cli("outstanding", EXAMPLE_PLANS, "--template", tmp_path / "all.txt.j2")
    assert run.code == 0, run.err
