"""One reader for plan sets: files come from a source (a folder on disk, a git revision,
an edit held in memory); limits, parsing, the model and its order are applied here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ragplan.checks.problems import Problem
from ragplan.checks.rules import reading as rules
from ragplan.model import (
    DEFAULT_MAX_FILE_SIZE_MB,
    Action,
    Aggregate,
    Config,
    Indicator,
    IndicatorFile,
    Marks,
    PeriodValue,
    PlanSet,
    Scale,
    Section,
    Status,
    Theme,
    natural_key,
)
from ragplan.reading import schema
from ragplan.reading.cache import FileCache
from ragplan.reading.cache import enabled as cache_enabled
from ragplan.reading.yamlload import Parsed, ValueMark, YMap, YValue, parse

# The config fields that are single values, set on Config as read.
_CONFIG_VALUES = tuple(f for f in schema.fields_of(schema.CONFIG) if f != "scale")


@dataclass
class SourceFile:
    """One file a source offers: its name in the plan folder, how messages show it, its
    size (checked against the limit before it is read) and how to read it. `path` is set
    for files on disk, which the parse cache keys on."""

    name: str
    shown: str
    size: int
    read: Callable[[], bytes]
    path: Path | None = None


@dataclass
class Files:
    """A plan folder's config file, theme files and indicator files (each in name order), and
    problems found listing them. Indicator files are named `indicators/<file>`."""

    config: SourceFile | None
    themes: list[SourceFile]
    problems: list[Problem] = field(default_factory=list)
    indicators: list[SourceFile] = field(default_factory=list)


class Source(Protocol):
    """Where a plan set's files come from."""

    root: Path

    @property
    def shown(self) -> str: ...

    def files(self) -> Files: ...


def _memory_file(name: str, shown: str, data: bytes) -> SourceFile:
    return SourceFile(name, shown, len(data), lambda: data)


class EditedSource:
    """Another source's files with some replaced or added, as an edit would leave them;
    nothing is written, so an edit is checked before it reaches the disk."""

    def __init__(self, base: Source, texts: dict[str, bytes], shown_of: Callable[[str], str]):
        self.base = base
        self.root = base.root
        self.texts = texts
        self.shown_of = shown_of

    @property
    def shown(self) -> str:
        return self.base.shown

    def files(self) -> Files:
        from ragplan.reading.disk import CONFIG_NAMES, is_indicator_name, is_plan_file

        found = self.base.files()
        config, themes = found.config, {f.name: f for f in found.themes}
        indicators = {f.name: f for f in found.indicators}
        for name, data in self.texts.items():
            known = themes.get(name) or indicators.get(name)
            shown = known.shown if known is not None else self.shown_of(name)
            if name in CONFIG_NAMES:
                config = _memory_file(name, shown, data)
            elif is_indicator_name(name):
                indicators[name] = _memory_file(name, shown, data)
            elif is_plan_file(Path(name)):
                themes[name] = _memory_file(name, shown, data)
        return Files(
            config,
            [themes[n] for n in sorted(themes)],
            found.problems,
            [indicators[n] for n in sorted(indicators)],
        )


class EmptySource:
    """A folder that holds no plan files yet (or does not exist yet)."""

    def __init__(self, root: Path, shown: str) -> None:
        self.root = root
        self._shown = shown

    @property
    def shown(self) -> str:
        return self._shown

    def files(self) -> Files:
        return Files(None, [])


@dataclass
class Loaded:
    """A plan set as read, the problems found reading it, and the files read (as shown)."""

    plan_set: PlanSet
    problems: list[Problem]
    files: list[str] = field(default_factory=list)


def read_plan_set(
    source: Source,
    *,
    max_file_size_mb: int | None = None,
    use_cache: bool = True,
    parse_yaml: Callable[[bytes], Parsed] | None = None,
) -> Loaded:
    """Read the plan set `source` offers, collecting every problem found reading it.

    Files on disk already read with the same bytes come from the cache (see
    ragplan.reading.cache) unless `use_cache` is False or RAGPLAN_NO_CACHE is set.
    `parse_yaml` may be a memoised `yamlload.parse`, for files read many times.
    """
    files = source.files()
    problems = list(files.problems)
    reader = _Reader(problems, parse_yaml or parse, cache_enabled(use_cache))
    config = Config()
    if files.config is not None:
        limit = max_file_size_mb or DEFAULT_MAX_FILE_SIZE_MB
        data = reader.bytes_of(files.config, limit)
        config = Config(file=files.config.shown)
        if data is not None:
            config = reader.cached(files.config, data, "config", reader.config)
    limit = max_file_size_mb or config.max_file_size_mb
    themes = []
    for file in files.themes:
        data = reader.bytes_of(file, limit)
        if data is None:
            continue
        theme = reader.cached(
            file, data, repr(config.scale), lambda f, d: reader.theme(f, d, config.scale)
        )
        if theme is not None and _within_action_limit(theme, config, problems):
            themes.append(theme)
    # Each theme's sections and actions were sorted as it was built (and cached).
    themes.sort(key=lambda t: natural_key(t.id))
    indicator_files = []
    for file in files.indicators:
        data = reader.bytes_of(file, limit)
        if data is not None:
            read = reader.cached(file, data, "indicators", reader.indicators)
            if read is not None:
                indicator_files.append(read)
    listed = len(files.themes) + len(files.problems)
    only = getattr(source, "only", None) is not None
    plan_set = PlanSet(
        source.root, config, themes, source.shown, None if only else listed, indicator_files
    )
    shown = [f.shown for f in ([files.config] if files.config else []) + files.themes]
    return Loaded(plan_set, problems, shown + [f.shown for f in files.indicators])


def _within_action_limit(theme: Theme, config: Config, problems: list[Problem]) -> bool:
    """Checked outside the cache, which does not know the limit a file was read under."""
    limit = config.max_actions_per_file
    count = sum(1 for _ in theme.all_actions())
    if count <= limit:
        return True
    message = (
        f"theme {theme.id} holds {count} actions, over the limit of {limit} per file; "
        "split the theme, or raise max_actions_per_file in ragplan.yaml"
    )
    problems.append(rules.TOO_MANY_ACTIONS.problem(theme.file, theme.line, theme.column, message))
    return False


T = TypeVar("T")


class _Reader:
    """Reads files into the model, adding what is wrong to `problems`."""

    def __init__(
        self, problems: list[Problem], parse_yaml: Callable[[bytes], Parsed], caching: bool
    ) -> None:
        self.problems = problems
        self.parse_yaml = parse_yaml
        self.caching = caching
        self.caches: dict[str, FileCache] = {}

    def bytes_of(self, file: SourceFile, limit_mb: int) -> bytes | None:
        """The file's bytes, or None when it is over the size limit (a problem)."""
        if file.size > limit_mb * 1_000_000:
            message = (
                f"file is {file.size / 1_000_000:.1f} MB, over the {limit_mb} MB limit; "
                "raise it with max_file_size_mb in ragplan.yaml or --max-file-size"
            )
            self.problems.append(rules.FILE_SIZE.problem(file.shown, 1, 1, message))
            return None
        return file.read()

    def cached(
        self,
        file: SourceFile,
        data: bytes,
        context: str,
        build: Callable[[SourceFile, bytes], T],
    ) -> T:
        """What `build` makes of `data` (and the problems it adds), from the cache if there."""
        if not self.caching or file.path is None:
            return build(file, data)
        cache = self.caches.get(context)
        if cache is None:
            cache = self.caches[context] = FileCache(context)
        digest = cache.digest(data)
        hit = cache.get(file.path, file.shown, digest)
        if hit is not None:
            value, found = hit
            self.problems.extend(found)
            return value  # type: ignore[no-any-return]
        start = len(self.problems)
        value = build(file, data)
        cache.put(file.path, file.shown, digest, (value, self.problems[start:]))
        return value

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
        values = schema.check_record(schema.CONFIG, node, mark, "ragplan.yaml", found)
        if values is not None:
            for name in _CONFIG_VALUES:
                if values.get(name) is not None:
                    setattr(config, name, values[name])
            if "scale" in values:
                scale = _scale(values["scale"], mark, found)
                if scale is not None:
                    config.scale = scale
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
        values = schema.check_record(schema.THEME, node, mark, "the theme", found)
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
                sec = schema.check_record(schema.SECTION, sec_node, sec_mark, where, found)
                if sec is None:
                    theme.unread += 1
                    continue
                id_line, id_col = _value_pos(sec_node, "id", sec_mark)
                section = Section(
                    sec.get("id") or "", sec.get("title"), file.shown, id_line, id_col, theme
                )
                section.actions = _actions(
                    sec.get("actions", ()), scale, file.shown, theme, section, found
                )
                if section.id:  # one without is reported (missing-field) and not counted
                    theme.sections.append(section)
                else:
                    theme.unread += 1
            theme.actions = _actions(
                values.get("actions", ()), scale, file.shown, theme, None, found
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
        values = schema.check_record(schema.INDICATOR_FILE, node, mark, "the indicator file", found)
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
    values = schema.check_record(schema.INDICATOR, node, mark, where, found)
    if values is None or not values.get("id"):  # no id: reported, and not read
        return None
    assert isinstance(node, YMap)
    periods = []
    for item, item_mark in values.get("values", ()):
        period = _period_value(item, item_mark, where, found)
        if period is not None:
            periods.append(period)
    summaries = []
    for item, item_mark in values.get("summaries", ()):
        label = item.get("label") if isinstance(item, YMap) else None
        what = (
            f"summary '{label}' of {where}" if isinstance(label, str) else f"a summary of {where}"
        )
        read = schema.check_record(schema.AGGREGATE, item, item_mark, what, found)
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
    line, column = _value_pos(node, "id", mark)
    return Indicator(
        id=values["id"],
        title=values.get("title") or "",
        theme=values.get("theme"),
        # Absent: a number; written but not a unit (reported): '', so no rule guesses one.
        unit=values.get("unit") or ("" if "unit" in node and "unit" not in values else "number"),
        polarity=values.get("polarity"),
        target=values.get("target"),
        tolerance=values.get("tolerance"),
        values=periods,
        summaries=summaries,
        file=shown,
        line=line,
        column=column,
        marks=_marks(node),
    )


def _period_value(
    node: YValue, mark: ValueMark, indicator: str, found: list[Problem]
) -> PeriodValue | None:
    period = node.get("period") if isinstance(node, YMap) else None
    where = (
        f"period {period} of {indicator}" if isinstance(period, str) else f"a value of {indicator}"
    )
    read = schema.check_record(schema.PERIOD_VALUE, node, mark, where, found)
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


def _scale(
    items: list[tuple[YValue, ValueMark]], mark: ValueMark, found: list[Problem]
) -> Scale | None:
    statuses: list[Status] = []
    seen: dict[str, int] = {}
    for node, item_mark in items:
        values = schema.check_record(schema.STATUS, node, item_mark, "a scale status", found)
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
) -> list[Action]:
    actions = []
    lookup = scale.lookup
    for node, item_mark in items:
        values = schema.check_record(schema.ACTION, node, item_mark, _where("action", node), found)
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
                lead_body=values.get("lead_body"),
                due=values.get("due"),
                lead_officer=values.get("lead_officer"),
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
