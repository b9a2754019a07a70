"""One reader for plan sets: files come from a source (a folder on disk, a git revision,
an edit held in memory); limits, parsing, the model and its order are applied here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ragplan.checks.problems import Problem
from ragplan.checks.rules import reading as rules
from ragplan.model import (
    DEFAULT_MAX_FILE_SIZE_MB,
    Config,
    IndicatorFile,
    PlanSet,
    Scale,
    Theme,
    natural_key,
)
from ragplan.reading.cache import FileCache
from ragplan.reading.cache import enabled as cache_enabled

if TYPE_CHECKING:
    from ragplan.reading.yamlload import Parsed


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
    reader = _Reader(problems, parse_yaml, cache_enabled(use_cache))
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
        self,
        problems: list[Problem],
        parse_yaml: Callable[[bytes], Parsed] | None,
        caching: bool,
    ) -> None:
        self.problems = problems
        self.parse_yaml = parse_yaml
        self.caching = caching
        self.caches: dict[str, FileCache] = {}
        self.build: Any = None

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

    def _builder(self) -> Any:
        """What turns parsed files into the model, made when a file is not in the cache:
        a run served from the cache imports neither YAML nor the format's declarations."""
        if self.build is None:
            from ragplan.reading.build import Builder

            self.build = Builder(self.problems, self.parse_yaml)
        return self.build

    def config(self, file: SourceFile, data: bytes) -> Config:
        return self._builder().config(file, data)  # type: ignore[no-any-return]

    def theme(self, file: SourceFile, data: bytes, scale: Scale) -> Theme | None:
        return self._builder().theme(file, data, scale)  # type: ignore[no-any-return]

    def indicators(self, file: SourceFile, data: bytes) -> IndicatorFile | None:
        return self._builder().indicators(file, data)  # type: ignore[no-any-return]
