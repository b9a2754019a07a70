"""`ragplan set`: change one action in place, checked before it is written; and
`PlanEdit`, which makes any number of such changes to any number of actions at once.

Files are edited as text (see ragplan.editing.yamlsplice), so comments, key order,
quoting, folded text and blank lines stay as they were. The changed plan set is
validated in memory before anything is written.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ragplan.editing.writer import FileEdit
from ragplan.editing.yamlsplice import Mapping, Node, Scalar, Seq, SpliceError, set_value
from ragplan.errors import InvalidEditError, UsageError, WriteError
from ragplan.model import Action, PlanSet, natural_key
from ragplan.paths import display_path
from ragplan.plansets import check, require_valid
from ragplan.problems import Problem, has_errors
from ragplan.reading import schema
from ragplan.reading.disk import DiskSource
from ragplan.reading.reader import read_plan_set
from ragplan.reading.sources import CONFIG_NAMES, EditedSource, Source, is_plan_file
from ragplan.reading.yamlload import BOM

ACTION_ORDER = [f.name for f in schema.ACTION.fields]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Change:
    """One field of one action, before and after."""

    action_id: str
    field: str
    old: str | None
    new: str
    appended: bool = False

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def describe(self) -> str:
        """What changed, in one line: `1.3.6.1: red → amber`."""
        name = self.field.replace("_", " ")
        if not self.changed:
            return f"{self.action_id}: {name} is already {_short(self.new)}; nothing to change"
        if self.field == "rag":
            return f"{self.action_id}: {self.old} → {self.new}"
        if self.field == "notes":
            if self.appended:
                return f"{self.action_id}: note appended"
            return f"{self.action_id}: notes {'replaced' if self.old else 'added'}"
        return f"{self.action_id}: {name} {_short(self.old or 'none')} → {_short(self.new)}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


@dataclass
class ActionEdit:
    """The edit of one action's file: what it changes, and warnings it would add."""

    files: list[FileEdit]
    changes: list[Change]
    warnings: list[Problem] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [change.describe() for change in self.changes]


def find_action(root: Node | None, action_id: str) -> Mapping | None:
    """The mapping of the action with this id in a theme file's spans."""
    if not isinstance(root, Mapping):
        return None
    lists = [root.get("actions")]
    sections = root.get("sections")
    if sections is not None and isinstance(sections[1], Seq):
        lists.extend(s.get("actions") for s in sections[1].items if isinstance(s, Mapping))
    for item in lists:
        if item is None or not isinstance(item[1], Seq):
            continue
        for node in item[1].items:
            if isinstance(node, Mapping):
                ident = node.get("id")
                if ident is not None and isinstance(ident[1], Scalar):
                    if ident[1].value == action_id:
                        return node
    return None


def plan_file_names(folder: Path) -> set[str]:
    """The names of the config and theme files in `folder` (none if it does not exist)."""
    if not folder.is_dir():
        return set()
    return {
        entry.name
        for entry in os.scandir(folder)
        if entry.is_file() and (entry.name in CONFIG_NAMES or is_plan_file(Path(entry.path)))
    }


def check_texts(base: Source, texts: dict[str, bytes]) -> list[Problem]:
    """Every problem the plan set `base` would have with these files' texts, read in memory.

    `texts` maps file names in the plan folder to new contents; problems name the
    files as they would be named on disk.
    """
    root = base.root
    edited = EditedSource(base, texts, lambda name: display_path(root / name))
    return check(read_plan_set(edited))


def unknown_id_message(action_id: str, plan_set: PlanSet) -> str:
    matcher = difflib.SequenceMatcher(b=action_id)
    scored = []
    for action in plan_set.all_actions():
        matcher.set_seq1(action.id)
        if matcher.ratio() >= 0.6:
            scored.append((-matcher.ratio(), natural_key(action.id), action.id))
    near = [ident for _, _, ident in sorted(scored)[:3]]
    where = display_path(plan_set.root)
    hint = f"; nearest: {', '.join(near)}" if near else ""
    return f"no action '{action_id}' in {where}{hint}"


class PlanEdit:
    """Field changes to any number of actions, made to their files' text in memory.

    Each file is read once, when its first change is made; every change is spliced
    into its text (see ragplan.editing.yamlsplice), so comments and layout stay. The
    whole result is checked once, in memory (`problems`), before anything is written.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        self.before: dict[Path, bytes] = {}
        self.texts: dict[Path, str] = {}

    def change(self, action: Action, change: Change, written: str) -> None:
        """Set `change.field` of `action` to the text `written` (a no-op if unchanged)."""
        if not change.changed:
            return
        path = Path(action.file)
        if path not in self.texts:
            data = path.read_bytes()
            self.before[path] = data
            self.texts[path] = data[len(BOM) if data.startswith(BOM) else 0 :].decode("utf-8")
        text = self.texts[path]
        try:
            self.texts[path] = set_value(
                text,
                lambda node: find_action(node, action.id),
                change.field,
                written,
                ACTION_ORDER,
                allow_typed=change.field == "due",
            )
        except SpliceError:
            how = (
                "its lines end in CR alone (an old Mac format)"
                if "\r" in text and "\n" not in text
                else "it uses YAML that ragplan does not edit in place (a '? key', an alias)"
            )
            raise WriteError(
                f"{action.file}: cannot change {change.field} of {action.id} there: {how}; "
                "save the file with ordinary line ends and 'key: value' lines, or edit it by "
                "hand; nothing was written"
            ) from None

    def copy(self) -> PlanEdit:
        """The same edit, to change further without touching this one."""
        other = PlanEdit(self.source)
        other.before = dict(self.before)
        other.texts = dict(self.texts)
        return other

    def files(self) -> list[FileEdit]:
        found = []
        for path, text in self.texts.items():
            before = self.before[path]
            bom = BOM if before.startswith(BOM) else b""
            found.append(FileEdit(path, before, bom + text.encode("utf-8")))
        return found

    def problems(self) -> list[Problem]:
        """Every problem the plan set would have with these changes (none read from disk
        if nothing changed)."""
        texts = {f.path.name: f.after for f in self.files() if f.changed}
        return check_texts(self.source, texts) if texts else []


def new_warnings(problems: list[Problem], already: list[Problem]) -> list[Problem]:
    """The problems an edit adds to those the plan set had before it."""
    known = {(p.file, p.rule, p.message) for p in already}
    return [p for p in problems if (p.file, p.rule, p.message) not in known]


def set_action(
    root: Path,
    action_id: str,
    *,
    rag: str | None = None,
    note: str | None = None,
    append_note: str | None = None,
    due: str | None = None,
    lead_officer: str | None = None,
) -> ActionEdit:
    """The edit that sets these fields of one action, read from the files as they are now;
    nothing is written (see writer.commit).

    Raises UsageError for a value that is not allowed, an unknown id, or no
    change asked for; InvalidEditError if the result would not be valid.
    """
    if note is not None and append_note is not None:
        raise UsageError("replaces the notes: it cannot be given with append_note", field="note")
    source = DiskSource(root)
    loaded = read_plan_set(source)
    already = check(loaded)
    plan_set = require_valid(loaded)
    action = next((a for a in plan_set.all_actions() if a.id == action_id), None)
    if action is None:
        raise UsageError(unknown_id_message(action_id, plan_set))
    wanted = _wanted(plan_set, action, rag, note, append_note, due, lead_officer)
    if not wanted:
        raise UsageError("nothing to change: give a status, notes, a due date or a lead officer")
    plan_edit = PlanEdit(source)
    for change, written in wanted:
        plan_edit.change(action, change, written)
    edit = ActionEdit(plan_edit.files(), [change for change, _ in wanted])
    problems = plan_edit.problems()
    if has_errors(problems):
        raise InvalidEditError([p for p in problems if p.level == "error"])
    edit.warnings = new_warnings(problems, already)
    return edit


def _wanted(
    plan_set: PlanSet,
    action: Action,
    rag: str | None,
    note: str | None,
    append_note: str | None,
    due: str | None,
    lead_officer: str | None,
) -> list[tuple[Change, str]]:
    """Each change asked for, with the text to write for it."""
    wanted = []
    ident = action.id
    if rag is not None:
        scale = plan_set.config.scale
        key = scale.lookup(rag)
        if key is None:
            raise UsageError(
                f"'{rag}' is not a status of the scale; use one of: {', '.join(scale.keys)}",
                field="rag",
            )
        wanted.append((Change(ident, "rag", action.rag, key), key))
    if due is not None:
        day = due.strip()
        if not _DATE.match(day) or not _is_date(day):
            raise UsageError(f"must be a real date as YYYY-MM-DD, not '{due}'", field="due")
        old = action.due.isoformat() if action.due else None
        wanted.append((Change(ident, "due", old, day), day))
    if lead_officer is not None:
        name = _text("lead_officer", lead_officer)
        wanted.append((Change(ident, "lead_officer", action.lead_officer, name), name))
    if note is not None:
        text = _text("note", note)
        wanted.append((Change(ident, "notes", action.notes, text), text))
    if append_note is not None:
        added = _text("append_note", append_note)
        # An update is a new entry: a line of its own (a paragraph, in folded text).
        text = f"{action.notes.rstrip()}\n{added}" if action.notes else added
        wanted.append((Change(ident, "notes", action.notes, text, appended=True), text))
    return wanted


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _text(name: str, value: str) -> str:
    text = value.strip()
    if not text:
        raise UsageError("needs some text", field=name)
    return text
