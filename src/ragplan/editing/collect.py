"""`ragplan collect`: send each lead officer a workbook of their actions, and apply what
comes back.

Export writes one workbook per lead officer (or per theme) and a manifest of what
was sent. Apply merges each returned workbook three ways, field by field: what the
workbook changed since it was sent is applied, what only the plan changed since is
kept, and a field both changed differently is a conflict. A workbook with any
conflict or any cell that cannot be used is refused whole; the others are applied
together with `set`'s byte-preserving edit (PlanEdit), checked once, and written
under the plan folder's lock by writer.commit.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ragplan.editing.collectrecord import FORMAT as RECORD_FORMAT
from ragplan.editing.collectrecord import MANIFEST, AppliedReturn, Manifest, read_manifest
from ragplan.editing.set_action import Change, PlanEdit, new_warnings
from ragplan.editing.writer import FileEdit
from ragplan.errors import SpreadsheetError, UnreadablePathError, UsageError, WriteError
from ragplan.model import Action, PlanSet, natural_key
from ragplan.paths import display_path
from ragplan.plansets import check, load_valid, require_valid
from ragplan.problems import Problem, has_errors
from ragplan.reading.disk import DiskSource
from ragplan.reading.reader import read_plan_set
from ragplan.reports.common import lead_officer_of, leads_match
from ragplan.sheets.collectbook import (
    EDITABLE,
    FIELD_WORDS,
    HIDDEN,
    SHOWN,
    Export,
    Returned,
    build,
    plan_values,
    read_return,
)
from ragplan.sheets.statuses import slug
from ragplan.sheets.workbook import OTHER_FORMATS

NO_LEAD = "No lead officer"


@dataclass(frozen=True)
class Selection:
    """Which actions to send: outstanding ones (or all), filtered like `outstanding`."""

    all: bool = False
    statuses: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()


@dataclass
class Exported:
    """The workbooks of one export and its manifest, not yet written."""

    folder: Path
    files: list[FileEdit]
    workbooks: list[tuple[str, str, int]]  # file name, whom for, how many actions

    def messages(self) -> list[str]:
        lines = [
            f"{display_path(self.folder / name)}: {count} action{'' if count == 1 else 's'} "
            f"for {who}"
            for name, who, count in self.workbooks
        ]
        total = len(self.workbooks)
        lines.append(
            f"{total} workbook{'' if total == 1 else 's'} in {display_path(self.folder)}: send "
            "each to its lead officer; put the returns in the same folder, then run "
            f"`ragplan collect status {display_path(self.folder)}` and "
            "`ragplan collect apply FILES...`"
        )
        return lines


def _selected(plan_set: PlanSet, selection: Selection) -> list[Action]:
    scale = plan_set.config.scale
    keys = []
    for written in selection.statuses:
        key = scale.lookup(written)
        if key is None or (key in scale.done_keys and not selection.all):
            allowed = [k for k in scale.keys if selection.all or k not in scale.done_keys]
            what = "not a status of the scale" if key is None else "a done status (add --all)"
            raise UsageError(f"'{written}' is {what}; use {', '.join(allowed)}", field="statuses")
        keys.append(key)
    theme_ids = {t.id for t in plan_set.themes}
    for theme in selection.themes:
        if theme not in theme_ids:
            raise UsageError(f"'{theme}': no theme has this id", field="themes")
    chosen = []
    for action in plan_set.actions():
        if not selection.all and action.rag in scale.done_keys:
            continue
        if keys and action.rag not in keys:
            continue
        if selection.themes and action.theme.id not in selection.themes:
            continue
        if selection.leads and not leads_match(lead_officer_of(action), selection.leads):
            continue
        chosen.append(action)
    return chosen


def officers(action: Action) -> list[str]:
    """The lead officers an action is sent to: each name of a joint lead ('A / B')."""
    lead = lead_officer_of(action)
    if not lead:
        return [NO_LEAD]
    names: dict[str, str] = {}
    for name in lead.split("/"):
        shown = " ".join(name.split())
        if shown:
            names.setdefault(shown.casefold(), shown)
    return list(names.values()) or [NO_LEAD]


def revision(plan_set: PlanSet) -> str:
    """A digest of the plan files' bytes: the revision the workbooks were made from."""
    digest = hashlib.sha256()
    files = [t.file for t in plan_set.themes] + [plan_set.config.file or ""]
    for name in sorted(f for f in files if f):
        digest.update(name.encode("utf-8") + b"\0" + Path(name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _git_commit(folder: Path) -> str:
    """The commit checked out where the plans are, if they are in git (else '')."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def export_workbooks(
    plans: Path, out: Path, *, by: str, selection: Selection, force: bool
) -> Exported:
    """One workbook per lead officer (or theme) holding their selected actions, and the
    manifest `collect status` reads; nothing is written."""
    if by not in ("lead_officer", "theme"):
        raise UsageError(f"'{by}': use lead_officer or theme", field="by")
    plan_set = load_valid(plans)
    if out.exists() and not out.is_dir():
        raise WriteError(f"{display_path(out)} is not a folder")
    existing = sorted(p.name for p in out.glob("*.xlsx")) if out.is_dir() else []
    if (existing or (out / MANIFEST).exists()) and not force:
        raise WriteError(
            f"{display_path(out)} already holds workbooks ({', '.join(existing) or MANIFEST}); "
            "use {force} to write over them, or choose another folder",
            mentions=("force",),
        )
    actions = _selected(plan_set, selection)
    if not actions:
        raise UsageError("no action matches: nothing to send")
    groups: dict[str, tuple[str, list[Action]]] = {}
    for action in actions:
        if by == "theme":
            theme = action.theme
            names = [f"{theme.id} {theme.title}" if theme.title else f"Theme {theme.id}"]
        else:
            names = officers(action)
        for name in names:
            groups.setdefault(name.casefold(), (name, []))[1].append(action)
    export = Export(
        export_id=secrets.token_hex(8),
        exported=datetime.now().astimezone().isoformat(timespec="seconds"),
        plan_title=plan_set.config.title,
        folder=display_path(plan_set.root),
        revision=revision(plan_set),
        commit=_git_commit(plan_set.root),
        by=by,
    )
    files: list[FileEdit] = []
    listed = []
    taken: set[str] = set()
    manifest = []
    for name, group in sorted(groups.values(), key=lambda g: g[0].casefold()):
        stem = slug(name)[:60] or "workbook"
        file_name, number = f"{stem}.xlsx", 2
        while file_name in taken:
            file_name, number = f"{stem}-{number}.xlsx", number + 1
        taken.add(file_name)
        data = build(plan_set.config.scale, export, name, group)
        path = out / file_name
        files.append(FileEdit(path, path.read_bytes() if path.is_file() else None, data))
        listed.append((file_name, name, len(group)))
        manifest.append(
            {
                "file": file_name,
                "for": name,
                "actions": [a.id for a in group],
                "sha256": hashlib.sha256(data).hexdigest(),
                # What was sent decides what a return may change and its merge base: the
                # workbook's hidden sheet is only checked against this.
                "values": {a.id: plan_values(a) for a in group},
            }
        )
    record = {
        "format": RECORD_FORMAT,
        "export": export.export_id,
        "exported": export.exported,
        "plan": export.plan_title,
        "folder": export.folder,
        "revision": export.revision,
        "commit": export.commit,
        "by": by,
        "workbooks": manifest,
    }
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    path = out / MANIFEST
    files.append(FileEdit(path, path.read_bytes() if path.is_file() else None, text.encode()))
    return Exported(out, files, listed)


# Applying returns


@dataclass
class WorkbookResult:
    """What one returned workbook does: its changes, or why it is refused, or that it was
    applied before or is superseded by a later return from the same officer."""

    path: Path
    name: str = ""
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    applied_at: str = ""
    superseded_by: Path | None = None
    unreadable: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.errors)

    def lines(self, named: bool = True) -> list[str]:
        """What the workbook did, for people: a heading (naming whom it is from, if
        `named`), then one line per change."""
        who = f" ({self.name})" if self.name and named else ""
        shown = display_path(self.path)
        if self.unreadable:
            return [f"{shown}{who}: received, but ragplan cannot read it", f"  {self.errors[0]}"]
        if self.errors:
            count = len(self.errors)
            head = f"{shown}{who}: refused ({count} problem{'' if count == 1 else 's'}); "
            return [
                head + "nothing from it was applied",
                *(f"  {e}" for e in self.errors),
                *(f"  note: {n}" for n in self.notes),
            ]
        if self.applied_at:
            when = self.applied_at.replace("T", " ")[:16]
            return [f"{shown}{who}: applied {when}; nothing more to do"]
        if self.superseded_by is not None:
            return [
                f"{shown}{who}: superseded by {display_path(self.superseded_by)}, a later "
                "return from the same officer; not applied"
            ]
        changed = [c for c in self.changes if c.changed]
        if not changed:
            head = f"{shown}{who}: no changes"
        else:
            head = f"{shown}{who}: {len(changed)} change{'' if len(changed) == 1 else 's'}"
        return [
            head,
            *(f"  {c.describe()}" for c in changed),
            *(f"  note: {n}" for n in self.notes),
        ]


@dataclass
class Applied:
    """Every workbook's result and the plan files as they would be after them, with the
    export records that say which returns were applied (written after the plan files,
    beside the returns: not plan files)."""

    files: list[FileEdit]
    results: list[WorkbookResult]
    warnings: list[Problem] = field(default_factory=list)
    records: list[FileEdit] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [line for result in self.results for line in result.lines()]

    @property
    def refused(self) -> list[WorkbookResult]:
        return [r for r in self.results if r.refused]


def read_returns(
    paths: list[Path], plan_set: PlanSet, *, keep_going: bool = False
) -> list[tuple[Path, Returned | str | UnreadablePathError]]:
    """Each workbook read, or why it is refused whole. A file that cannot be read at all
    raises UnreadablePathError, so nothing is applied (with `keep_going`, it is refused
    like the others, for `collect status`)."""
    found: list[tuple[Path, Returned | str | UnreadablePathError]] = []
    for path in paths:
        try:
            found.append((path, read_return(path, plan_set.config.scale)))
        except SpreadsheetError as exc:
            found.append((path, exc.message))
        except UnreadablePathError as exc:
            if not keep_going:
                raise
            found.append((path, exc))
    return found


@dataclass
class _Candidate:
    """A return that may be applied: what it says, the record of its export, and the values
    its changes are measured from (what was sent, or its officer's last applied return)."""

    result: WorkbookResult
    returned: Returned
    manifest: Manifest
    base: dict[str, dict[str, str]]
    digest: str
    wanted: list[tuple[Action, Change, str]] = field(default_factory=list)


def apply_returns(plans: Path, paths: list[Path], *, keep_going: bool = False) -> Applied:
    """The changes the returned workbooks at `paths` make to the plan set at `plans`, read
    from the files as they are now; nothing is written (see writer.commit).

    The result does not depend on the order of `paths`: two returns from different
    officers that change a field differently are a conflict between them, and of two
    returns from the same officer for the same export, the later supersedes the earlier.
    """
    source = DiskSource(plans)
    loaded = read_plan_set(source)
    already = check(loaded)
    plan_set = require_valid(loaded)
    actions = {a.id: a for a in plan_set.all_actions()}
    now = {ident: plan_values(a) for ident, a in actions.items()}
    manifests: dict[Path, Manifest | None] = {}
    results = []
    candidates = []
    for path, returned in read_returns(paths, plan_set, keep_going=keep_going):
        result = WorkbookResult(path)
        results.append(result)
        if isinstance(returned, UnreadablePathError):
            result.unreadable = True
            result.errors.append(returned.message)
            continue
        if isinstance(returned, str):
            result.errors.append(returned)
            continue
        found = _candidate(path, returned, plan_set, manifests, result)
        if found is not None:
            candidates.append(found)
    live = _latest_per_officer(candidates)
    for candidate in live:
        candidate.wanted = _merge(candidate, now, actions)
    _conflicts_between(live)
    edit = PlanEdit(source)
    applied: list[_Candidate] = []
    for candidate in live:
        result = candidate.result
        if result.errors:
            continue
        trial = edit.copy()
        changes = []
        for action, change, _ in candidate.wanted:
            if now[action.id][change.field] == change.new:
                continue  # another return (agreeing with this one) already made it
            trial.change(action, change, change.new)
            changes.append((action, change))
        problems = trial.problems()
        if has_errors(problems):
            result.errors += [
                f"the changes would make the plan invalid: {p.file}:{p.line}: {p.message} "
                f"({p.rule})"
                for p in problems
                if p.level == "error"
            ]
            continue
        edit = trial
        result.changes = [change for _, change in changes]
        for action, change in changes:
            now[action.id][change.field] = change.new
        applied.append(candidate)
    done = Applied(edit.files(), results, records=_records(applied))
    done.warnings = new_warnings(edit.problems(), already)
    return done


def _candidate(
    path: Path,
    returned: Returned,
    plan_set: PlanSet,
    manifests: dict[Path, Manifest | None],
    result: WorkbookResult,
) -> _Candidate | None:
    """The return checked against its export's record, or None (with errors, or marked
    as applied before)."""
    result.name = returned.sent.name
    result.notes += returned.notes
    if returned.sent.export.plan_title != plan_set.config.title:
        result.errors.append(
            f"it was sent from the plan '{returned.sent.export.plan_title}', not "
            f"'{plan_set.config.title}' in {display_path(plan_set.root)}"
        )
        return None
    # Cells that cannot be read do not stop the rest being checked and merged: every
    # problem of a return (and every note on it) is said in one run, so one email to its
    # officer.
    result.errors += returned.errors
    folder = path.parent
    if folder not in manifests:
        try:
            manifests[folder] = read_manifest(folder)
        except SpreadsheetError as exc:
            result.errors.append(exc.message)
            return None
    manifest = manifests[folder]
    if manifest is None:
        result.errors.append(
            f"no {MANIFEST} beside it, so what was sent cannot be checked: put it in the "
            "folder `ragplan collect export` wrote (beside that file) and apply it from there"
        )
        return None
    if returned.sent.export.export_id != manifest.export_id:
        result.errors.append(
            f"it was sent by another export ({returned.sent.export.exported or 'unknown'}) "
            f"than the one {manifest.shown} records ({manifest.exported}): put it in the "
            "folder of its own export and apply it from there"
        )
        return None
    sent = manifest.sent_to(returned.sent.name)
    if sent is None:
        result.errors.append(
            f"{manifest.shown} records no workbook sent to '{returned.sent.name}' (was the "
            "hidden sheet edited?)"
        )
        return None
    before_check = len(result.errors)
    _check_hidden_sheet(returned, sent.actions, sent.values, manifest.shown, result)
    if len(result.errors) > before_check:
        return None
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    before = manifest.applied_as(digest)
    if before is not None and not result.errors:
        result.applied_at = before.at
        result.notes.clear()
        return None
    base = {ref: dict(values) for ref, values in returned.sent.base.items()}
    last = manifest.last_applied(returned.sent.name)
    if last is not None:  # their fields are measured from their last applied return
        for ref, values in last.values.items():
            base.setdefault(ref, {}).update(values)
    return _Candidate(result, returned, manifest, base, digest)


def _check_hidden_sheet(
    returned: Returned,
    actions: list[str],
    values: dict[str, dict[str, str]] | None,
    shown: str,
    result: WorkbookResult,
) -> None:
    """Refuse a return whose hidden sheet disagrees with the export's record, naming the
    cell; then take the record's values as what was sent."""
    sent = returned.sent
    hidden = f"the hidden '{HIDDEN}' sheet"
    already = len(result.errors)
    for ref, cells in sent.cells.items():
        if ref not in actions:
            result.errors.append(
                f"{cells['id']}: action {ref} was not sent to {sent.name} ({shown} lists "
                f"{', '.join(actions)}); {hidden} was edited, so nothing from it is applied"
            )
            continue
        if values is None:
            continue
        for name, value in sent.base[ref].items():
            recorded = values.get(ref, {}).get(name, "")
            if value != recorded:
                result.errors.append(
                    f"{cells[name]}: {hidden} says the {FIELD_WORDS[name]} of {ref} was sent "
                    f"as {_shown(name, value)}, but {shown} records {_shown(name, recorded)}; "
                    "it was edited, so nothing from this return is applied"
                )
    for ref in actions:
        if ref not in sent.base:
            result.errors.append(
                f"{hidden} does not list {ref}, which {shown} records as sent to {sent.name}; "
                "it was edited, so nothing from this return is applied"
            )
    if values is not None and len(result.errors) == already:
        sent.base = {ref: dict(values.get(ref, {})) for ref in actions}
    elif values is None:
        result.notes.append(
            f"{shown} was written by an earlier ragplan that did not record the values "
            f"sent: those in {hidden} were used"
        )


def _latest_per_officer(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates left when, of one officer's returns to one export, only the latest
    saved counts; the others are marked superseded."""
    latest: dict[tuple[str, str], _Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: (_saved(c.result.path), str(c.result.path))):
        if candidate.result.errors:
            continue
        key = (candidate.manifest.export_id, candidate.returned.sent.name)
        earlier = latest.get(key)
        if earlier is not None:
            earlier.result.superseded_by = candidate.result.path
            earlier.result.notes.clear()
        latest[key] = candidate
    chosen = {id(c) for c in latest.values()}
    return [c for c in candidates if id(c) in chosen or c.result.errors]


def _saved(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _merge(
    candidate: _Candidate, now: dict[str, dict[str, str]], actions: dict[str, Action]
) -> list[tuple[Action, Change, str]]:
    """The changes a workbook makes, merged three ways against the plan now (from the
    files, never from another return of the same run); each with the cell it comes from.
    Conflicts and changes that cannot be made go to the result's errors."""
    returned, result = candidate.returned, candidate.result
    wanted = []
    for ref, row in sorted(returned.rows.items(), key=lambda item: natural_key(item[0])):
        sent = candidate.base.get(ref, {})
        changed = [
            name
            for name in (*EDITABLE, *SHOWN)
            if name in row.values and row.values[name] != sent.get(name, "")
        ]
        if not changed:
            continue
        action = actions.get(ref)
        if action is None:
            result.errors.append(
                f"{row.cells[changed[0]]}: action {ref} is no longer in the plan, so its "
                "change cannot be applied"
            )
            continue
        for name in changed:
            mine, base, theirs = row.values[name], sent.get(name, ""), now[ref][name]
            where = row.cells[name]
            if name in SHOWN:
                result.notes.append(
                    f"{where}: the {FIELD_WORDS[name]} of {ref} was changed in the workbook; "
                    "only RAG Rating, Notes and Due are read back, so it was not applied"
                )
                continue
            if theirs == mine:
                continue  # the plan already says so
            if theirs != base:
                by = _applied_from(candidate.manifest, ref, name, theirs, returned.sent.name)
                result.errors.append(
                    f"{where}: conflict on {ref} {FIELD_WORDS[name]}: the workbook says "
                    f"{_shown(name, mine)}, but the plan now says {_shown(name, theirs)}{by} "
                    f"(it was {_shown(name, base)} when sent). Next: if the workbook is right, "
                    f"{_set_command(ref, name, mine)} and apply this file again; if the plan "
                    f"is right, type {_shown(name, theirs)} in {where} and apply it again"
                )
                continue
            if not mine:
                result.errors.append(
                    f"{where}: the {FIELD_WORDS[name]} of {ref} was emptied; ragplan does not "
                    "remove a value from a return: put it back, or write what replaces it"
                )
                continue
            old = action.due.isoformat() if name == "due" and action.due else None
            if name == "rag":
                old = action.rag
            elif name == "notes":
                old = action.notes
            wanted.append((action, Change(ref, name, old, mine), where))
    return wanted


def _set_command(ref: str, name: str, value: str) -> str:
    """How the plan is changed to the workbook's value, for a conflict's next step."""
    if name == "notes":
        return f"write the workbook's notes into {ref} in the plan"
    return f"run `ragplan set {ref} --{name} {value}`"


def _applied_from(manifest: Manifest, ref: str, name: str, value: str, officer: str) -> str:
    """`, from returns/x.xlsx (AD CSC)`: the applied return of another officer that set the
    plan's value, when the record knows it."""
    for applied in reversed(manifest.applied):
        if applied.name != officer and applied.values.get(ref, {}).get(name) == value:
            shown = display_path(manifest.path.parent / applied.file)
            return f", from {shown} ({applied.name}) applied {applied.at.replace('T', ' ')[:16]}"
    return ""


def _conflicts_between(candidates: list[_Candidate]) -> None:
    """Two returns that change the same field to different values: a conflict between
    them, said on both, whatever the order they were given in."""
    by_field: dict[tuple[str, str], list[tuple[_Candidate, Change, str]]] = {}
    for candidate in candidates:
        for _, change, where in candidate.wanted:
            by_field.setdefault((change.action_id, change.field), []).append(
                (candidate, change, where)
            )
    for (ref, name), changes in by_field.items():
        for candidate, change, where in changes:
            for other, theirs, there in changes:
                if other is candidate or theirs.new == change.new:
                    continue
                base = candidate.base.get(ref, {}).get(name, "")
                who = other.returned.sent.name
                candidate.result.errors.append(
                    f"{where}: conflict on {ref} {FIELD_WORDS[name]} with "
                    f"{display_path(other.result.path)} ({who}, {there}): this return says "
                    f"{_shown(name, change.new)}, that one says {_shown(name, theirs.new)} "
                    f"(it was {_shown(name, base)} when sent). Neither is applied. Next: "
                    f"agree the {FIELD_WORDS[name]} with {who}, make both returns say it, "
                    "and apply them again"
                )


def _records(applied: list[_Candidate]) -> list[FileEdit]:
    """Each export record with the returns applied now added to it."""
    at = datetime.now().astimezone().isoformat(timespec="seconds")
    touched: dict[Path, Manifest] = {}
    for candidate in applied:
        manifest = candidate.manifest
        rows = candidate.returned.rows
        manifest.applied.append(
            AppliedReturn(
                candidate.result.path.name,
                candidate.returned.sent.name,
                candidate.digest,
                at,
                {
                    ref: {k: v for k, v in row.values.items() if k in EDITABLE}
                    for ref, row in rows.items()
                },
            )
        )
        touched[manifest.path] = manifest
    return [FileEdit(m.path, m.before, m.text()) for m in touched.values()]


def _shown(name: str, value: str) -> str:
    if not value:
        return "nothing"
    if name == "rag":
        return value
    text = " ".join(value.split())
    return repr(text if len(text) <= 60 else text[:59] + "…")


# Status of returns


@dataclass
class OfficerStatus:
    name: str
    sent: str
    returns: list[WorkbookResult]


@dataclass
class CollectStatus:
    folder: Path
    exported: str
    plan: str
    officers: list[OfficerStatus]
    others: list[str]

    def lines(self) -> list[str]:
        back = [o for o in self.officers if o.returns]
        sent = self.exported.replace("T", " ")[:16]  # 2010-10-01 09:30
        lines = [
            f"Returns in {display_path(self.folder)} (sent {sent} from {self.plan}): "
            f"{len(back)} of {len(self.officers)} back"
        ]
        for officer in self.officers:
            if not officer.returns:
                lines.append(f"{officer.name}: missing ({officer.sent} not returned)")
                continue
            for result in officer.returns:
                said = result.lines(named=False)
                lines += [f"{officer.name}: returned {said[0]}", *said[1:]]
        lines += self.others
        missing = [o.name for o in self.officers if not o.returns]
        if missing:
            lines.append(f"missing: {', '.join(missing)}")
        return lines


def returned_files(folder: Path, manifest: Manifest) -> list[Path]:
    """The workbooks in an export folder that are returns: not the export's own record,
    not a program's lock file, not a copy that was sent and is untouched. A spreadsheet
    in a format ragplan does not read (.ods, .xls) is one, unless an .xlsx of the same
    name beside it was made from it."""
    sent = {w.file: w.sha256 for w in manifest.workbooks}

    def untouched(path: Path) -> bool:
        digest = sent.get(path.name)
        return digest is not None and hashlib.sha256(path.read_bytes()).hexdigest() == digest

    paths: list[Path] = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name == MANIFEST or name.startswith(("~$", ".~lock.", ".")) or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".xlsm", *OTHER_FORMATS) or untouched(path):
            continue
        converted = path.with_suffix(".xlsx")
        if suffix in OTHER_FORMATS and converted.is_file() and not untouched(converted):
            continue  # the .xlsx made from it beside it is the return
        paths.append(path)
    return paths


def collect_status(folder: Path, plans: Path) -> CollectStatus:
    """Which workbooks of the export in `folder` came back, and what each would change,
    read together as `collect apply` would apply them."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise SpreadsheetError(
            f"{display_path(folder)} holds no export ({MANIFEST} is missing): run "
            "`ragplan collect export --out FOLDER` first"
        )
    load_valid(plans)  # a plan set with errors is said before any workbook is read
    by_name: dict[str, OfficerStatus] = {
        w.name: OfficerStatus(w.name, w.file, []) for w in manifest.workbooks
    }
    others: list[str] = []
    returns = returned_files(folder, manifest)
    results = {r.path: r for r in apply_returns(plans, returns, keep_going=True).results}
    for path in returns:
        result = results[path]
        officer = by_name.get(result.name) or next(
            (by_name[w.name] for w in manifest.workbooks if Path(w.file).stem == path.stem),
            None,
        )
        if officer is None:
            others.append(f"{display_path(path)}: not a workbook of this export")
            others += result.lines()[1:] if result.refused else []
            continue
        officer.returns.append(result)
    return CollectStatus(
        folder, manifest.exported, manifest.plan_folder, list(by_name.values()), others
    )
