"""`ragplan carry-forward`: start the next phase plan from the actions still outstanding.

The new plan set keeps each outstanding action as it was (id, lead body,
summary, due date, lead officer, status, notes) in its theme and section, and
records in `carried_from` which plan it came from. Its ragplan.yaml is the old
one with a new title, edited as text so its comments and scale stay as written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ragplan.editing.set_action import check_texts, plan_file_names
from ragplan.editing.writer import FileEdit
from ragplan.editing.yamlsplice import Mapping, Node, SpliceError
from ragplan.editing.yamlsplice import set_value as splice_value
from ragplan.editing.yamlwrite import entry, id_entry
from ragplan.errors import InvalidEditError, UsageError, WriteError
from ragplan.model import Action, Config, PlanSet, Section, Theme, natural_key
from ragplan.paths import display_path
from ragplan.plansets import load_valid
from ragplan.problems import Problem, has_errors
from ragplan.reading import schema
from ragplan.reading.disk import DiskSource
from ragplan.reading.sources import CONFIG_NAMES, EmptySource

CONFIG_ORDER = [f.name for f in schema.CONFIG.fields]
# What an action keeps when carried forward: every field but its id, written first, and
# where it came from, which is written anew.
ACTION_TEXT_FIELDS = tuple(
    n for n in schema.fields_of(schema.ACTION) if n not in ("id", "carried_from")
)


@dataclass
class Carried:
    """The new plan set's files, not yet written, and the actions they hold."""

    source: Path
    target: Path
    files: list[FileEdit]
    actions: list[Action]
    left_behind: int
    warnings: list[Problem] = field(default_factory=list)

    def messages(self) -> list[str]:
        lines = [f"{a.id}: carried forward ({a.rag})" for a in self.actions]
        count = len(self.actions)
        lines.append(
            f"{count} outstanding action{'' if count == 1 else 's'} carried forward from "
            f"{display_path(self.source)} to {display_path(self.target)}; "
            f"{self.left_behind} done action{'' if self.left_behind == 1 else 's'} left behind"
        )
        return lines


def carry_forward(
    source: Path, target: Path, *, title: str | None = None, force: bool = False
) -> Carried:
    """Build the next phase plan set from `source`'s outstanding actions, for `target`."""
    plan_set = load_valid(source)
    _check_target(plan_set.root, target, force)
    config = plan_set.config
    new_title = (title if title is not None else f"{config.title} (next phase)").strip()
    if not new_title:
        raise UsageError("needs some text", field="title")
    origin = f"{config.title}, {config.as_of.isoformat()}" if config.as_of else config.title
    done = config.scale.done_keys
    texts: dict[str, bytes] = {}
    carried: list[Action] = []
    for theme in plan_set.themes:
        outstanding = [a for a in theme.all_actions() if a.rag not in done]
        if not outstanding:
            continue
        carried.extend(outstanding)
        source_file = Path(theme.file)
        comments = (_rebased(line, source, target) for line in _leading_comments(source_file))
        lines = [*comments, *_theme_lines(theme, done, origin)]
        texts[source_file.name] = ("\n".join(lines) + "\n").encode("utf-8")
    config_name = Path(config.file).name if config.file else CONFIG_NAMES[0]
    texts[config_name] = _config_text(plan_set, new_title, target)
    base = DiskSource(target) if target.is_dir() else EmptySource(target, display_path(target))
    problems = check_texts(base, texts)
    if has_errors(problems):
        raise InvalidEditError([p for p in problems if p.level == "error"])
    stale = plan_file_names(target) - set(texts)
    warnings = problems + [
        Problem(
            display_path(target / name),
            1,
            1,
            "warning",
            "carry-forward",
            f"was already in {display_path(target)} and is not part of the carried-forward "
            "plan; remove it if it is stale",
        )
        for name in sorted(stale)
    ]
    files = []
    for name, data in texts.items():
        path = target / name
        before = path.read_bytes() if path.is_file() else None
        files.append(FileEdit(path, before, data))
    carried.sort(key=lambda a: natural_key(a.id))
    left = sum(1 for a in plan_set.all_actions() if a.rag in done)
    return Carried(plan_set.root, target, files, carried, left, warnings)


def _check_target(source: Path, target: Path, force: bool) -> None:
    shown = display_path(target)
    if target.exists() and not target.is_dir():
        raise WriteError(f"{shown} is not a folder")
    if target.exists() and target.resolve() == source.resolve():
        raise WriteError(f"{shown} is the plan set being carried forward; give another folder")
    if plan_file_names(target) and not force:
        raise WriteError(
            f"{shown} already holds a plan set; use {{force}} to write into it",
            mentions=("force",),
        )


_SCHEMA_LINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)(.*)$")


def _rebased(line: str, source: Path, target: Path) -> str:
    """An editor's schema line pointing, from `target`, where it pointed from `source`."""
    found = _SCHEMA_LINE.match(line)
    if found is None or "://" in found[2] or os.path.isabs(found[2]):
        return line
    schema_file = os.path.normpath(os.path.join(source.absolute(), found[2]))
    moved = os.path.relpath(schema_file, target.absolute()).replace(os.sep, "/")
    return f"{found[1]}{moved}{found[3]}"


def _leading_comments(path: Path) -> Iterator[str]:
    """The comment lines a theme file starts with, such as an editor's schema line."""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.startswith("#"):
            return
        yield line


def _theme_lines(theme: Theme, done: frozenset[str], origin: str) -> Iterator[str]:
    yield id_entry(theme.id)
    if theme.title is not None:
        yield entry(0, "title", theme.title)
    if theme.lead_officer is not None:
        yield entry(0, "lead_officer", theme.lead_officer)
    sections = [s for s in theme.sections if any(a.rag not in done for a in s.actions)]
    if sections:
        yield "sections:"
        for section in sections:
            yield from _section_lines(section, done, origin)
    actions = [a for a in theme.actions if a.rag not in done]
    if actions:
        yield "actions:"
        for action in actions:
            yield from _action_lines(action, 2, origin)


def _section_lines(section: Section, done: frozenset[str], origin: str) -> Iterator[str]:
    yield "  - " + id_entry(section.id)
    if section.title is not None:
        yield "    " + entry(4, "title", section.title)
    yield "    actions:"
    for action in section.actions:
        if action.rag not in done:
            yield from _action_lines(action, 6, origin)


def _action_lines(action: Action, dash: int, origin: str) -> Iterator[str]:
    col = dash + 2
    yield " " * dash + "- " + id_entry(action.id)
    for name in ACTION_TEXT_FIELDS:
        value = getattr(action, name)
        if value is None:
            continue
        text = value.isoformat() if name == "due" else value
        yield " " * col + entry(col, name, text, typed=name == "due")
    yield " " * col + entry(col, "carried_from", origin)


def _config_text(plan_set: PlanSet, title: str, target: Path) -> bytes:
    """The old ragplan.yaml with the new title, or a new one holding just the title."""
    config: Config = plan_set.config
    if config.file is None:
        return (entry(0, "title", title) + "\n").encode("utf-8")
    data = Path(config.file).read_bytes()
    text = data.decode("utf-8-sig")
    bom = data[: len(data) - len(text.encode("utf-8"))]
    if text.startswith("#"):
        first, newline, rest = text.partition("\n")
        text = _rebased(first, plan_set.root, target) + newline + rest

    def root_mapping(node: Node | None) -> Mapping | None:
        return node if isinstance(node, Mapping) else None

    try:
        text = splice_value(text, root_mapping, "title", title, CONFIG_ORDER)
    except SpliceError:  # a ragplan.yaml with no keys at all
        text = text + ("" if text.endswith("\n") or not text else "\n") + entry(0, "title", title)
        text += "\n"
    return bom + text.encode("utf-8")
