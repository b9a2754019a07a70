"""Where a plan set's files come from, and what they are called: a source (a folder on
disk, a git revision, an edit held in memory) offers a plan folder's config, theme and
indicator files as bytes; the reader reads them all the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ragplan.problems import Problem

CONFIG_NAMES = ("ragplan.yaml", "ragplan.yml")
# A portfolio of plan sets (reading/portfolio.py), never a theme file of the folder it is in.
PORTFOLIO_NAMES = ("portfolio.yaml", "portfolio.yml")
PLAN_SUFFIXES = (".yaml", ".yml")
# The sub-folder of a plan folder that holds its indicator files.
INDICATORS = "indicators"


def is_plan_file(path: Path) -> bool:
    """A theme file: *.yaml or *.yml, not hidden, not the config, not a portfolio."""
    name = path.name
    return (
        name.endswith(PLAN_SUFFIXES)
        and not name.startswith(".")
        and name not in CONFIG_NAMES
        and name not in PORTFOLIO_NAMES
    )


def is_indicator_name(name: str) -> bool:
    """`indicators/<file>`: an indicator file as a source names it inside the plan folder."""
    folder, _, file = name.partition("/")
    return folder == INDICATORS and "/" not in file and is_plan_file(Path(file))


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
