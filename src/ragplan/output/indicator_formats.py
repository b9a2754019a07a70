"""Indicators in every format: their JSON and CSV contracts, what their templates receive,
and the sparkline each indicator's row draws (sparkline.py)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ragplan.model import Number
from ragplan.output.sparkline import sparkline
from ragplan.output.spc_words import icon_text, number, spc_why
from ragplan.output.wording import indicators_heading, indicators_lead
from ragplan.reports.indicators import Indicators, RatedIndicator, merged_order

Rows = tuple[list[str], list[list[object]]]


def json_number(number: Number | None) -> int | float | None:
    """A number for json, as written: 80 stays an integer, 72.0 a number with a point
    (which json keeps: 72.0). Written numbers have at most 15 digits, which a float
    holds exactly."""
    if number is None:
        return None
    return float(number.text) if "." in number.text else int(number.text)


def _tolerance(indicator: RatedIndicator) -> int | float | str | None:
    """An absolute tolerance as a number, a relative one as written ('10%')."""
    text = indicator.tolerance
    if text is None or text.endswith("%"):
        return text
    return float(text) if "." in text else int(text)


# The keys of an indicator's "spc" in json and of each of its points: issue 27's contract.
SPC_KEYS = ("runs", "mean", "upper", "lower", "points", "variation_icon", "assurance_icon")
SPC_POINT_KEYS = ("period", "value", "mean", "upper", "lower", "variation")


def spc_json(indicator: RatedIndicator) -> dict[str, Any] | None:
    """The indicator's XmR chart as the stable contract states it (numbers to 4 decimals);
    None below 2 values."""
    if indicator.spc is None:
        return None
    whole = indicator.spc.as_json()
    found = {key: whole[key] for key in SPC_KEYS}
    found["points"] = [{key: p[key] for key in SPC_POINT_KEYS} for p in whole["points"]]
    return found


def indicator_json(indicator: RatedIndicator) -> dict[str, Any]:
    return {
        "id": indicator.id,
        "title": indicator.title,
        "unit": indicator.unit,
        "polarity": indicator.polarity,
        "target": json_number(indicator.target),
        "tolerance": _tolerance(indicator),
        "theme": indicator.theme,
        "latest": {"period": indicator.period, "value": json_number(indicator.value)},
        "rating": indicator.rating.key if indicator.rating else None,
        "why": indicator.why,
        "direction": indicator.direction.word if indicator.direction else None,
        "values": [
            {
                "period": v.period,
                "value": json_number(v.value),
                "numerator": json_number(v.numerator),
                "denominator": json_number(v.denominator),
            }
            for v in indicator.values
        ],
        "summaries": [
            {"label": s.label, "value": json_number(s.value), "computed": s.computed}
            for s in indicator.summaries
        ],
        "trajectory": [
            {"period": period, "value": json_number(value)}
            for period, value in indicator.trajectory
        ],
        "spc": spc_json(indicator),
    }


def indicators_json(report: Indicators) -> dict[str, Any]:
    """{"as_of", "indicators": [...]}, the indicators in the order of their tables."""
    return {
        "as_of": report.as_of.isoformat(),
        "indicators": [indicator_json(i) for i in report.indicators],
    }


CSV_FIELDS = ("id", "title", "theme", "unit", "polarity", "target", "tolerance")
CSV_RATING = ("rated_period", "rated_value", "rating", "direction", "why")
CSV_SPC = ("variation_icon", "assurance_icon", "spc_mean", "spc_upper", "spc_lower", "spc_why")


def indicators_csv(report: Indicators) -> Rows:
    """A row per indicator: its fields, a column per period and per summary (as the
    tables order them), then its rating. Numbers are written as in the plan."""
    periods = merged_order([[p for p in t.periods] for t in report.tables])
    labels = merged_order([[label for label in t.labels] for t in report.tables])
    rows: list[list[object]] = []
    for indicator in report.indicators:
        by_period = {v.period: v.value for v in indicator.values}
        by_label = {s.label: s.value for s in indicator.summaries}
        row: list[object] = [
            indicator.id,
            indicator.title,
            indicator.theme,
            indicator.unit,
            indicator.polarity,
            indicator.target,
            indicator.tolerance,
        ]
        row += [by_period.get(p) for p in periods]
        row += [by_label.get(label) for label in labels]
        row += [
            indicator.period,
            indicator.value,
            indicator.rating.key if indicator.rating else None,
            indicator.direction.word if indicator.direction else None,
            indicator.why,
        ]
        spc = indicator.spc
        row += [
            icon_text(spc.variation_icon) if spc else None,
            icon_text(spc.assurance_icon) if spc else None,
            number(spc.mean, "number", 4) if spc else None,
            number(spc.upper, "number", 4) if spc else None,
            number(spc.lower, "number", 4) if spc else None,
            spc_why(indicator),
        ]
        rows.append(row)
    return [*CSV_FIELDS, *periods, *labels, *CSV_RATING, *CSV_SPC], rows


def indicators_context(report: Indicators) -> dict[str, Any]:
    """What the indicators templates receive: a heading, a lead sentence, the report's
    fields, and a sparkline per indicator id."""
    own = {f.name: getattr(report, f.name) for f in fields(report)}
    return {
        "heading": indicators_heading(report),
        "lead": indicators_lead(report),
        **own,
        "sparklines": {i.id: sparkline(i) for i in report.indicators},
        **spc_context(report),
    }


def spc_context(report: Indicators) -> dict[str, Any]:
    """What the SPC part of a template receives: each indicator's icons and why, the
    icons' words, and each chart (for html, pdf and docx)."""
    from ragplan.output.docx_spc import WordPictures
    from ragplan.output.spc_words import ICONS, VARIATION_WORDS

    return {
        "icons": ICONS,
        "variation_words": VARIATION_WORDS,
        "spc_why": {i.id: spc_why(i) for i in report.indicators},
        "spc_pictures": WordPictures(report.indicators),
    }
