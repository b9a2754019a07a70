"""Find a plan set on disk and read it into the model, collecting every problem."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ragplan.checks.problems import Problem
from ragplan.errors import UnreadablePathError
from ragplan.model import (
    DEFAULT_MAX_FILE_SIZE_MB,
    Action,
    Config,
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

CONFIG_NAMES = ("ragplan.yaml", "ragplan.yml")
PLAN_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path) -> str:
    """The path as messages show it: relative to the current folder when inside it."""
    try:
        rel = path.absolute().relative_to(Path.cwd())
    except ValueError:
        return str(path)
    return rel.as_posix() or "."


def find_plan_set(start: Path | None = None) -> Path:
    """The plan set to use when none is named: ./ragplan.yaml's folder, ./plans, or a parent's."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if any((folder / name).is_file() for name in CONFIG_NAMES):
            return folder
        if (folder / "plans").is_dir():
            return folder / "plans"
    raise UnreadablePathError(
        "no plan set found: give a path, or run ragplan in a folder with plans/ or ragplan.yaml"
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading allocates many small objects and frees none: the cyclic GC only costs."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def is_plan_file(path: Path) -> bool:
    """A theme file: *.yaml or *.yml, not hidden, not the config."""
    name = path.name
    return name.endswith(PLAN_SUFFIXES) and not name.startswith(".") and name not in CONFIG_NAMES


@dataclass
class Loaded:
    plan_set: PlanSet
    problems: list[Problem]


def load_plan_set(
    root: Path,
    only: list[Path] | None = None,
    max_file_size_mb: int | None = None,
    use_cache: bool = True,
) -> Loaded:
    """Read the plan folder `root` (or only the theme files `only` in it).

    Files already read with the same bytes come from the cache (see
    ragplan.reading.cache) unless `use_cache` is False or RAGPLAN_NO_CACHE is set.
    """
    if not root.exists():
        raise UnreadablePathError(f"{display_path(root)}: no such file or folder")
    if not root.is_dir():
        raise UnreadablePathError(f"{display_path(root)}: not a folder")
    problems: list[Problem] = []
    with _collector_paused():
        caching = cache_enabled(use_cache)
        config = _load_config(
            root, problems, max_file_size_mb, FileCache("config") if caching else None
        )
        limit = max_file_size_mb or config.max_file_size_mb
        cache = FileCache(repr(config.scale)) if caching else None
        themes = []
        for path in only if only is not None else _theme_files(root, problems):
            theme = _load_theme(path, config.scale, limit, problems, cache)
            if theme is not None and _within_action_limit(theme, config, problems):
                themes.append(theme)
        # Each theme's sections and actions were sorted as it was built (and cached).
        themes.sort(key=lambda t: natural_key(t.id))
        plan_set = PlanSet(root, config, themes)
    return Loaded(plan_set, problems)


def load_plan_set_from_bytes(
    root: Path,
    config_file: tuple[str, bytes] | None,
    theme_files: list[tuple[str, bytes]],
    max_file_size_mb: int | None = None,
    parse_yaml: Callable[[bytes], Parsed] | None = None,
) -> Loaded:
    """Build a plan set from files already read, e.g. from a git revision.

    Each file is (the name messages show, its bytes); `root` is the plan folder
    the files belong to. Problems are those `load_plan_set` would report.
    `parse_yaml` may be a cached `yamlload.parse`, for files read many times.
    """
    problems: list[Problem] = []
    with _collector_paused():
        config = Config()
        if config_file is not None:
            shown, data = config_file
            limit = max_file_size_mb or DEFAULT_MAX_FILE_SIZE_MB
            too_big = _too_big(shown, len(data), limit, problems)
            config = (
                Config(file=shown) if too_big else _build_config(data, shown, problems, parse_yaml)
            )
        limit = max_file_size_mb or config.max_file_size_mb
        themes = []
        for shown, data in theme_files:
            if _too_big(shown, len(data), limit, problems):
                continue
            theme = _build_theme(data, shown, config.scale, problems, parse_yaml)
            if theme is not None and _within_action_limit(theme, config, problems):
                themes.append(theme)
        themes.sort(key=lambda t: natural_key(t.id))  # each theme was sorted as it was built
        plan_set = PlanSet(root, config, themes)
    return Loaded(plan_set, problems)


def _within_action_limit(theme: Theme, config: Config, problems: list[Problem]) -> bool:
    """Checked outside the cache, which does not know the limit a file was read under."""
    limit = config.max_actions_per_file
    count = sum(1 for _ in theme.all_actions())
    if count <= limit:
        return True
    problems.append(
        Problem(
            theme.file,
            theme.line,
            theme.column,
            "error",
            "too-many-actions",
            f"theme {theme.id} holds {count} actions, over the limit of {limit} per file; "
            "split the theme, or raise max_actions_per_file in ragplan.yaml",
        )
    )
    return False


def _theme_files(root: Path, problems: list[Problem]) -> list[Path]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        raise UnreadablePathError(f"{display_path(root)}: {exc.strerror}") from None
    files = []
    real_root = root.resolve()
    for entry in entries:
        path = Path(entry.path)
        if not is_plan_file(path) or not entry.is_file():
            continue
        if entry.is_symlink() and not path.resolve().is_relative_to(real_root):
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    "error",
                    "symlink",
                    "is a symlink to a file outside the plan folder; copy the file in instead",
                )
            )
            continue
        files.append(path)
    return files


def _read_bytes(path: Path, shown: str, limit_mb: int, problems: list[Problem]) -> bytes | None:
    try:
        if _too_big(shown, path.stat().st_size, limit_mb, problems):
            return None
        return path.read_bytes()
    except OSError as exc:
        raise UnreadablePathError(f"{shown}: {exc.strerror or exc}") from None


def _too_big(shown: str, size: int, limit_mb: int, problems: list[Problem]) -> bool:
    if size <= limit_mb * 1_000_000:
        return False
    problems.append(
        Problem(
            shown,
            1,
            1,
            "error",
            "file-size",
            f"file is {size / 1_000_000:.1f} MB, over the {limit_mb} MB limit; "
            "raise it with max_file_size_mb in ragplan.yaml or --max-file-size",
        )
    )
    return True


def _parse(
    data: bytes,
    shown: str,
    problems: list[Problem],
    parse_yaml: Callable[[bytes], Parsed] | None = None,
) -> tuple[YValue, ValueMark] | None:
    parsed = (parse_yaml or parse)(data)
    for raw in parsed.problems:
        problems.append(Problem(shown, raw.line, raw.column, "error", raw.rule, raw.message))
    if parsed.root is None and parsed.problems:
        return None
    return parsed.root, parsed.root_mark


def _emit(shown: str, found: list[schema.FieldProblem], problems: list[Problem]) -> None:
    for f in found:
        problems.append(Problem(shown, f.line, f.column, "error", f.rule, f.message))


def _load_config(
    root: Path, problems: list[Problem], max_file_size_mb: int | None, cache: FileCache | None
) -> Config:
    path = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if path is None:
        return Config()
    shown = display_path(path)
    data = _read_bytes(path, shown, max_file_size_mb or DEFAULT_MAX_FILE_SIZE_MB, problems)
    if data is None:
        return Config(file=shown)
    return _cached(cache, path, shown, data, problems, lambda: _build_config(data, shown, problems))


def _build_config(
    data: bytes,
    shown: str,
    problems: list[Problem],
    parse_yaml: Callable[[bytes], Parsed] | None = None,
) -> Config:
    config = Config(file=shown)
    read = _parse(data, shown, problems, parse_yaml)
    if read is None:
        return config
    node, mark = read
    if node is None:
        return config
    found: list[schema.FieldProblem] = []
    values = schema.check_record(schema.CONFIG, node, mark, "ragplan.yaml", found)
    if values is not None:
        for name in ("title", "organisation", "as_of", "max_file_size_mb", "max_actions_per_file"):
            if values.get(name) is not None:
                setattr(config, name, values[name])
        if "scale" in values:
            scale = _build_scale(values["scale"], mark, found)
            if scale is not None:
                config.scale = scale
    _emit(shown, found, problems)
    return config


def _build_scale(
    items: list[tuple[YValue, ValueMark]], mark: ValueMark, found: list[schema.FieldProblem]
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
            found.append(
                schema.FieldProblem(
                    item_mark[0],
                    item_mark[1],
                    "scale",
                    f"status '{key}' is listed twice in the scale (first at line {seen[folded]})",
                )
            )
            continue
        seen[folded] = item_mark[0]
        statuses.append(
            Status(
                key=folded,
                label=values.get("label") or key.capitalize(),
                meaning=values.get("meaning"),
                done=bool(values.get("done", False)),
                colour=values.get("colour"),
            )
        )
    if not statuses:
        found.append(
            schema.FieldProblem(
                mark[0], mark[1], "scale", "the scale lists no statuses; list at least one"
            )
        )
        return None
    return Scale(tuple(statuses))


def _where(kind: str, node: YValue) -> str:
    ident = node.get("id") if isinstance(node, YMap) else None
    return f"{kind} {ident}" if isinstance(ident, str) and ident else kind


def _load_theme(
    path: Path, scale: Scale, limit_mb: int, problems: list[Problem], cache: FileCache | None
) -> Theme | None:
    """The theme in `path`, from the cache when its bytes were read before."""
    shown = display_path(path)
    data = _read_bytes(path, shown, limit_mb, problems)
    if data is None:
        return None
    return _cached(
        cache, path, shown, data, problems, lambda: _build_theme(data, shown, scale, problems)
    )


T = TypeVar("T")


def _cached(
    cache: FileCache | None,
    path: Path,
    shown: str,
    data: bytes,
    problems: list[Problem],
    build: Callable[[], T],
) -> T:
    """What `build` makes of `data` (and the problems it adds), from the cache if there."""
    if cache is None:
        return build()
    digest = cache.digest(data)
    hit = cache.get(path, shown, digest)
    if hit is not None:
        value, found = hit
        problems.extend(found)
        return value  # type: ignore[no-any-return]
    start = len(problems)
    value = build()
    cache.put(path, shown, digest, (value, problems[start:]))
    return value


def _build_theme(
    data: bytes,
    shown: str,
    scale: Scale,
    problems: list[Problem],
    parse_yaml: Callable[[bytes], Parsed] | None = None,
) -> Theme | None:
    read = _parse(data, shown, problems, parse_yaml)
    if read is None:
        return None
    node, mark = read
    if node is None:
        problems.append(
            Problem(
                shown, 1, 1, "error", "type", "the file is empty; a theme file needs at least an id"
            )
        )
        return None
    found: list[schema.FieldProblem] = []
    values = schema.check_record(schema.THEME, node, mark, "the theme", found)
    theme = None
    if values is not None:
        id_line, id_col = _value_pos(node, "id", mark)
        theme = Theme(
            id=values.get("id") or "?",
            title=values.get("title"),
            lead_officer=values.get("lead_officer"),
            file=shown,
            line=id_line,
            column=id_col,
        )
        for sec_node, sec_mark in values.get("sections", ()):
            sec = schema.check_record(
                schema.SECTION, sec_node, sec_mark, _where("section", sec_node), found
            )
            if sec is None:
                continue
            id_line, id_col = _value_pos(sec_node, "id", sec_mark)
            section = Section(sec.get("id") or "?", sec.get("title"), shown, id_line, id_col, theme)
            section.actions = _actions(sec.get("actions", ()), scale, shown, theme, section, found)
            theme.sections.append(section)
        theme.actions = _actions(values.get("actions", ()), scale, shown, theme, None, found)
        theme.sort()
    _emit(shown, found, problems)
    return theme


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
    found: list[schema.FieldProblem],
) -> list[Action]:
    actions = []
    lookup = scale.lookup
    for node, item_mark in items:
        values = schema.check_record(schema.ACTION, node, item_mark, _where("action", node), found)
        if values is None:
            continue
        rag = values.get("rag") or ""
        id_line, id_col = _value_pos(node, "id", item_mark)
        rag_line, rag_col = _value_pos(node, "rag", item_mark)
        actions.append(
            Action(
                id=values.get("id") or "?",
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
