"""Plan files parsed into the model: ragplan.yaml, theme files and indicator files, each
checked against the format's declarations (schema.py) as it is built, with every
problem found kept. Imported only when a file is not in the cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ragplan.model import (
    Action,
    Aggregate,
    Config,
    Indicator,
    IndicatorFile,
    Marks,
    PeriodValue,
    Recalculation,
    Scale,
    Section,
    SpcSettings,
    Status,
    Step,
    Theme,
)
from ragplan.problems import Problem
from ragplan.reading import schema
from ragplan.reading.convert import check_record
from ragplan.reading.sources import SourceFile
from ragplan.reading.yamlload import Parsed, ValueMark, YMap, YValue, parse
from ragplan.rules import reading as rules

# The config fields that are single values, set on Config as read.
_CONFIG_VALUES = tuple(
    f for f in schema.fields_of(schema.CONFIG) if f not in ("scale", "indicators")
)


class Builder:
    """Parses files and builds them into the model, adding what is wrong to `problems`."""

    def __init__(
        self, problems: list[Problem], parse_yaml: Callable[[bytes], Parsed] | None = None
    ) -> None:
        self.problems = problems
        self.parse_yaml = parse_yaml or parse

    def _parse(self, file: SourceFile, data: bytes) -> tuple[YValue, ValueMark] | None:
        parsed = self.parse_yaml(data)
        self.problems.extend(p.in_file(file.shown) for p in parsed.problems)
        if parsed.root is None and parsed.problems:
            return None
        return parsed.root, parsed.root_mark

    def _emit(self, file: SourceFile, found: list[Problem]) -> None:
        self.problems.extend(p.in_file(file.shown) for p in found)

    def config(self, file: SourceFile, data: bytes) -> Config:
        config = Config(file=file.shown)
        read = self._parse(file, data)
        if read is None or read[0] is None:
            return config
        node, mark = read
        found: list[Problem] = []
        values = check_record(schema.CONFIG, node, mark, "ragplan.yaml", found)
        if values is not None:
            for name in _CONFIG_VALUES:
                if values.get(name) is not None:
                    setattr(config, name, values[name])
            if "scale" in values:
                scale = _scale(values["scale"], mark, found)
                if scale is not None:
                    config.scale = scale
            if values.get("indicators") is not None:
                settings, settings_mark = values["indicators"]
                where = "the indicators settings of ragplan.yaml"
                got = check_record(schema.INDICATOR_SETTINGS, settings, settings_mark, where, found)
                if got is not None and got.get("show"):
                    config.indicators_show = got["show"]
        self._emit(file, found)
        return config

    def theme(self, file: SourceFile, data: bytes, scale: Scale) -> Theme | None:
        read = self._parse(file, data)
        if read is None:
            return None
        node, mark = read
        if node is None:
            message = (
                "the file holds no theme: it is empty or only comments; a theme file starts "
                'with its id, such as: id: "1"'
            )
            self.problems.append(rules.EMPTY_FILE.problem(file.shown, 1, 1, message))
            return None
        if isinstance(node, YMap) and "indicators" in node and "id" not in node:
            line, column, _ = node.marks["indicators"]
            message = (
                "this is an indicator file, read here as a theme; move it into the plan "
                "folder's indicators/ folder"
            )
            self.problems.append(rules.UNKNOWN_KEY.problem(file.shown, line, column, message))
            return None
        found: list[Problem] = []
        shared: dict[Any, Any] = {}  # one per file: the cache keeps a file's sharing
        values = check_record(schema.THEME, node, mark, "the theme", found)
        theme = None
        if values is not None:
            id_line, id_col = _value_pos(node, "id", mark)
            theme = Theme(
                id=values.get("id") or "",
                title=values.get("title"),
                lead_officer=values.get("lead_officer"),
                file=file.shown,
                line=id_line,
                column=id_col,
            )
            for sec_node, sec_mark in values.get("sections", ()):
                where = _where("section", sec_node)
                sec = check_record(schema.SECTION, sec_node, sec_mark, where, found)
                if sec is None:
                    theme.unread += 1
                    continue
                id_line, id_col = _value_pos(sec_node, "id", sec_mark)
                section = Section(
                    sec.get("id") or "", sec.get("title"), file.shown, id_line, id_col, theme
                )
                section.actions = _actions(
                    sec.get("actions", ()), scale, file.shown, theme, section, found, shared
                )
                if section.id:  # one without is reported (missing-field) and not counted
                    theme.sections.append(section)
                else:
                    theme.unread += 1
            theme.actions = _actions(
                values.get("actions", ()), scale, file.shown, theme, None, found, shared
            )
            theme.sort()
            if not theme.id:
                theme = None
        self._emit(file, found)
        return theme

    def indicators(self, file: SourceFile, data: bytes) -> IndicatorFile | None:
        read = self._parse(file, data)
        if read is None:
            return None
        node, mark = read
        if node is None:
            message = (
                "the file is empty; an indicator file lists its indicators under 'indicators:'"
            )
            self.problems.append(rules.TYPE.problem(file.shown, 1, 1, message))
            return None
        found: list[Problem] = []
        values = check_record(schema.INDICATOR_FILE, node, mark, "the indicator file", found)
        read_file = None
        if values is not None:
            indicators = [
                indicator
                for item, item_mark in values.get("indicators", ())
                if (indicator := _indicator(item, item_mark, file.shown, found)) is not None
            ]
            read_file = IndicatorFile(values.get("title"), file.shown, indicators)
        self._emit(file, found)
        return read_file


def _marks(node: YMap) -> Marks:
    """Where each key's value is: {key: (line, column)}."""
    return {key: (mark[2][0], mark[2][1]) for key, mark in node.marks.items()}


def _indicator(node: YValue, mark: ValueMark, shown: str, found: list[Problem]) -> Indicator | None:
    where = _where("indicator", node)
    values = check_record(schema.INDICATOR, node, mark, where, found)
    if values is None or not values.get("id"):  # no id: reported, and not read
        return None
    assert isinstance(node, YMap)
    periods = []
    listed = values.get("values", ())
    if len(listed) > rules.MAX_PERIODS_PER_INDICATOR:
        line, column = _value_pos(node, "values", mark)
        message = (
            f"{where} lists {len(listed)} values, over the limit of "
            f"{rules.MAX_PERIODS_PER_INDICATOR} periods per indicator; split it into "
            "indicators by year, or keep the older periods as summaries"
        )
        found.append(rules.TOO_MANY_PERIODS.at(line, column, message))
        listed = ()
    for item, item_mark in listed:
        period = _period_value(item, item_mark, where, found)
        if period is not None:
            periods.append(period)
    summaries = []
    for item, item_mark in values.get("summaries", ()):
        label = item.get("label") if isinstance(item, YMap) else None
        what = (
            f"summary '{label}' of {where}" if isinstance(label, str) else f"a summary of {where}"
        )
        read = check_record(schema.AGGREGATE, item, item_mark, what, found)
        if read is not None and read.get("label"):
            assert isinstance(item, YMap)
            line, column = _value_pos(item, "label", item_mark)
            summaries.append(
                Aggregate(
                    read["label"],
                    read.get("from") or "",
                    read.get("to") or "",
                    read.get("value"),
                    line,
                    column,
                    _marks(item),
                )
            )
    target = values.get("target")
    trajectory = []
    if isinstance(target, list):
        trajectory = _trajectory(target, where, found)
        target = None
    spc = None
    if values.get("spc") is not None:
        spc_node, spc_mark = values["spc"]
        spc = _spc_settings(spc_node, spc_mark, where, found)
    line, column = _value_pos(node, "id", mark)
    return Indicator(
        id=values["id"],
        title=values.get("title") or "",
        theme=values.get("theme"),
        # Absent: a number; written but not a unit (reported): '', so no rule guesses one.
        unit=values.get("unit") or ("" if "unit" in node and "unit" not in values else "number"),
        polarity=values.get("polarity"),
        target=target,
        tolerance=values.get("tolerance"),
        values=periods,
        summaries=summaries,
        file=shown,
        line=line,
        column=column,
        marks=_marks(node),
        trajectory=trajectory,
        spc=spc,
    )


def _trajectory(
    items: list[tuple[YValue, ValueMark]], where: str, found: list[Problem]
) -> list[Step]:
    steps = []
    for item, item_mark in items:
        period = item.get("period") if isinstance(item, YMap) else None
        what = (
            f"the trajectory's step at {period} of {where}"
            if isinstance(period, str)
            else f"a trajectory step of {where}"
        )
        read = check_record(schema.STEP, item, item_mark, what, found)
        if read is not None and read.get("period") and read.get("value") is not None:
            line, column = _value_pos(item, "period", item_mark)
            steps.append(Step(read["period"], read["value"], line, column))
    return steps


def _spc_settings(node: YMap, mark: ValueMark, where: str, found: list[Problem]) -> SpcSettings:
    read = check_record(schema.SPC, node, mark, f"the spc settings of {where}", found) or {}
    recalculations = []
    for item, item_mark in read.get("recalculate", ()):
        start = item.get("from") if isinstance(item, YMap) else None
        what = (
            f"the recalculation from {start} of {where}"
            if isinstance(start, str)
            else f"a recalculation of {where}"
        )
        got = check_record(schema.RECALCULATION, item, item_mark, what, found)
        if got is not None and got.get("from"):
            assert isinstance(item, YMap)
            line, column = _value_pos(item, "from", item_mark)
            recalculations.append(
                Recalculation(got["from"], got.get("reason") or "", line, column, _marks(item))
            )
    return SpcSettings(
        runs=read.get("runs") or 6,
        baseline=read.get("baseline"),
        recalculate=recalculations,
        marks=_marks(node),
    )


def _period_value(
    node: YValue, mark: ValueMark, indicator: str, found: list[Problem]
) -> PeriodValue | None:
    period = node.get("period") if isinstance(node, YMap) else None
    where = (
        f"period {period} of {indicator}" if isinstance(period, str) else f"a value of {indicator}"
    )
    read = check_record(schema.PERIOD_VALUE, node, mark, where, found)
    if read is None or not read.get("period"):  # no period: reported, and not read
        return None
    assert isinstance(node, YMap)
    counted = read.get("numerator") is not None and read.get("denominator") is not None
    # Absent or null, and not made up for by counts; an invalid value is reported already.
    if ("value" not in node or read.get("value", "") is None) and not counted:
        message = f"{where} has no 'value'; give its value, or its numerator and denominator"
        found.append(rules.MISSING_FIELD.at(node.line, node.column, message))
    line, column = _value_pos(node, "period", mark)
    return PeriodValue(
        read["period"],
        read.get("value"),
        read.get("numerator"),
        read.get("denominator"),
        line,
        column,
        _marks(node),
    )


# Statuses a scale may list: real scales have three to six; each status is a column of
# every report and a bar of every chart, so 20,000 of them ran a PDF for minutes.
MAX_STATUSES = 50


def _scale(
    items: list[tuple[YValue, ValueMark]], mark: ValueMark, found: list[Problem]
) -> Scale | None:
    if len(items) > MAX_STATUSES:
        message = (
            f"the scale lists {len(items)} statuses; at most {MAX_STATUSES} are allowed "
            "(a report has a column for each)"
        )
        first_over = items[MAX_STATUSES][1]
        found.append(rules.SCALE.at(first_over[0], first_over[1], message))
        return None
    statuses: list[Status] = []
    seen: dict[str, int] = {}
    for node, item_mark in items:
        values = check_record(schema.STATUS, node, item_mark, "a scale status", found)
        if values is None or values.get("key") is None:
            continue
        key = values["key"].strip()
        folded = key.casefold()
        if folded in seen:
            message = f"status '{key}' is listed twice in the scale (first at line {seen[folded]})"
            found.append(rules.SCALE.at(item_mark[0], item_mark[1], message))
            continue
        seen[folded] = item_mark[0]
        statuses.append(
            Status(
                key=folded,
                label=values.get("label") or key.capitalize(),
                meaning=values.get("meaning"),
                done=bool(values.get("done", False)),
                colour=values.get("colour"),
                counts=values.get("counts") is not False,
                rollup=(values.get("rollup") or "").strip().casefold() or None,
                line=item_mark[0],
                column=item_mark[1],
            )
        )
    if not statuses:
        found.append(
            rules.SCALE.at(mark[0], mark[1], "the scale lists no statuses; list at least one")
        )
        return None
    return Scale(tuple(statuses))


def _where(kind: str, node: YValue) -> str:
    ident = node.get("id") if isinstance(node, YMap) else None
    return f"{kind} {ident}" if isinstance(ident, str) and ident else kind


def _value_pos(node: YValue, key: str, fallback: ValueMark) -> tuple[int, int]:
    if isinstance(node, YMap) and key in node.marks:
        line, column, _ = node.marks[key][2]
        return line, column
    return fallback[0], fallback[1]


def _actions(
    items: Any,
    scale: Scale,
    shown: str,
    theme: Theme,
    section: Section | None,
    found: list[Problem],
    shared: dict[Any, Any],
) -> list[Action]:
    """The actions `items` lists. Lead bodies, officers and dates repeat across actions:
    each value is one object in `shared`, not one per action."""
    actions = []
    lookup = scale.lookup
    same = shared.setdefault
    for node, item_mark in items:
        values = check_record(schema.ACTION, node, item_mark, _where("action", node), found)
        if values is None or not values.get("id"):  # no id: reported, and not counted
            theme.unread += 1
            continue
        rag = values.get("rag") or ""
        id_line, id_col = _value_pos(node, "id", item_mark)
        rag_line, rag_col = _value_pos(node, "rag", item_mark)
        actions.append(
            Action(
                id=values["id"],
                summary=values.get("summary") or "",
                rag=lookup(rag) or rag,
                lead_body=same(values.get("lead_body"), values.get("lead_body")),
                due=same(values.get("due"), values.get("due")),
                lead_officer=same(values.get("lead_officer"), values.get("lead_officer")),
                notes=values.get("notes"),
                carried_from=values.get("carried_from"),
                file=shown,
                line=id_line,
                column=id_col,
                rag_line=rag_line,
                rag_column=rag_col,
                theme=theme,
                section=section,
            )
        )
    return actions
