"""The record an export keeps beside its workbooks (`ragplan-collect.json`): what was sent to
whom, and which returns have been applied.

A returned workbook comes from outside the team, so what it says it was sent with (its
hidden sheet) is only a claim: the record decides which actions a return may change and
what each value was when sent. Each applied return is added to it, so a later return
from the same officer is merged against their last applied one, and `collect status`
can say a return was applied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ragplan.errors import SpreadsheetError
from ragplan.paths import display_path

MANIFEST = "ragplan-collect.json"
FORMAT = 2  # 2 records the values sent; 1 (ragplan 0.3) only the actions


@dataclass
class SentWorkbook:
    """One workbook of the export: its file, whom for, its actions and, from format 2 on,
    each action's values as sent."""

    file: str
    name: str
    actions: list[str]
    sha256: str
    values: dict[str, dict[str, str]] | None


@dataclass
class AppliedReturn:
    """A return that was applied: its file, whose it is, its bytes' digest, when, and the
    values of each action it held (its officer's merge base from then on)."""

    file: str
    name: str
    sha256: str
    at: str
    values: dict[str, dict[str, str]]

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "for": self.name,
            "sha256": self.sha256,
            "at": self.at,
            "values": self.values,
        }


@dataclass
class Manifest:
    """A folder's export record, as read."""

    path: Path
    record: dict[str, Any]
    export_id: str
    exported: str
    plan_folder: str
    workbooks: list[SentWorkbook]
    applied: list[AppliedReturn] = field(default_factory=list)
    before: bytes = b""

    @property
    def shown(self) -> str:
        return display_path(self.path)

    def sent_to(self, name: str) -> SentWorkbook | None:
        return next((w for w in self.workbooks if w.name == name), None)

    def applied_as(self, digest: str) -> AppliedReturn | None:
        return next((a for a in self.applied if a.sha256 == digest), None)

    def last_applied(self, name: str) -> AppliedReturn | None:
        """The officer's last applied return, if any."""
        mine = [a for a in self.applied if a.name == name]
        return mine[-1] if mine else None

    def text(self) -> bytes:
        """The record with its applied returns, as the file holds it."""
        record = dict(self.record)
        record["applied"] = [a.as_json() for a in self.applied]
        return (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _malformed(path: Path, why: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"{display_path(path)} is not the record `ragplan collect export` writes ({why}); "
        "export again into an empty folder"
    )


def _values(raw: Any, path: Path) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict) or not all(
        isinstance(v, dict) and all(isinstance(x, str) for x in v.values()) for v in raw.values()
    ):
        raise _malformed(path, "its values are not a table of texts")
    return {str(ref): {str(k): v for k, v in fields.items()} for ref, fields in raw.items()}


def read_manifest(folder: Path) -> Manifest | None:
    """The export record in `folder`, or None when it has none.

    Raises SpreadsheetError for one that cannot be read or was not written by export.
    """
    path = folder / MANIFEST
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SpreadsheetError(f"{display_path(path)} cannot be read: {exc.strerror}") from None
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _malformed(path, "it is not JSON") from None
    if not isinstance(record, dict) or not isinstance(record.get("workbooks"), list):
        raise _malformed(path, "it lists no workbooks")
    workbooks = []
    for entry in record["workbooks"]:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("file", "for", "sha256")
        ):
            raise _malformed(path, "a workbook without its file, officer or digest")
        actions = entry.get("actions")
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise _malformed(path, f"no list of actions for {entry['file']}")
        values = entry.get("values")
        workbooks.append(
            SentWorkbook(
                entry["file"],
                entry["for"],
                actions,
                entry["sha256"],
                None if values is None else _values(values, path),
            )
        )
    applied = []
    for entry in record.get("applied") or []:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("file", "for", "sha256", "at")
        ):
            raise _malformed(path, "an applied return without its file, officer or digest")
        applied.append(
            AppliedReturn(
                entry["file"],
                entry["for"],
                entry["sha256"],
                entry["at"],
                _values(entry.get("values") or {}, path),
            )
        )
    return Manifest(
        path,
        record,
        str(record.get("export", "")),
        str(record.get("exported", "?")),
        str(record.get("folder", "?")),
        workbooks,
        applied,
        data,
    )
