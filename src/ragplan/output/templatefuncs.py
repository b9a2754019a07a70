"""Every filter and function a report template may use, in one place: the Jinja
environment (templates.py) registers these. Nothing here imports Jinja."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from ragplan.output import plaintext, spc_words, wording
from ragplan.textsafe import drop_controls, md_cell, md_text, show_controls


def html_lines(value: object) -> Markup:
    """`value` escaped for HTML, with its line breaks kept as <br>."""
    if value is None:
        return Markup("")
    lines = drop_controls(str(value)).strip().split("\n")
    return Markup("<br>\n").join(escape(line) for line in lines)


def _bar_drawing(*args: Any) -> Any:
    from ragplan.output import charts  # only for a report with a chart

    return charts.bar_drawing(*args)


def _column_drawing(*args: Any) -> Any:
    from ragplan.output import charts

    return charts.column_drawing(*args)


def _spc_drawing(*args: Any) -> Any:
    from ragplan.output.spc_chart import xmr_drawing

    return xmr_drawing(*args)


def _spc_shape(*args: Any) -> Any:
    from ragplan.output.spc_chart import shape_path

    return shape_path(*args)


def _spc_charted(*args: Any) -> Any:
    from ragplan.output.spc_chart import charted

    return charted(*args)


def _portfolio(name: str) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        from ragplan.output import portfolio_formats  # only for a portfolio

        return getattr(portfolio_formats, name)(*args)

    return call


def functions() -> tuple[dict[str, Callable[..., Any]], dict[str, Any]]:
    """The filters and the global functions templates receive, by name."""
    filters: dict[str, Callable[..., Any]] = {
        "md_cell": md_cell,
        "md_text": md_text,
        "html_lines": html_lines,
        "terminal": show_controls,
        "month": wording.month,
        "long_date": wording.long_date,
        "plural": wording.plural,
        "since_name": wording.since_name,
        "in_unit": wording.in_unit,
        "spc_number": spc_words.number,
        "icon_label": spc_words.icon_text,
        "member_source": _portfolio("source_text"),
        "member_counts": _portfolio("counts_text"),
        "member_indicators": _portfolio("indicators_text"),
    }
    names: dict[str, Any] = {
        "text_table": plaintext.text_table,
        "headline": wording.headline,
        "done_share": wording.done_share,
        "title_line": wording.title_line,
        "filters_line": wording.filters_line,
        "listed_line": wording.listed_line,
        "none_listed": wording.none_listed,
        "travel_sentence": wording.travel_sentence,
        "new_sentence": wording.new_sentence,
        "rating_tally": wording.rating_tally,
        "indicator_line": spc_words.indicator_line,
        "indicator_sentence": spc_words.indicator_sentence,
        "bar_drawing": _bar_drawing,
        "column_drawing": _column_drawing,
        "spc_drawing": _spc_drawing,
        "spc_shape": _spc_shape,
        "spc_charted": _spc_charted,
    }
    return filters, names
