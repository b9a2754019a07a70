"""The statuses a tracker uses, made into a scale (best first, done words marked), or
matched to the scale of an existing ragplan.yaml."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ragplan.errors import SpreadsheetError, UsageError
from ragplan.model import Scale, Status
from ragplan.paths import display_path
from ragplan.reading.reader import read_plan_set
from ragplan.reading.sources import CONFIG_NAMES, EditedSource, EmptySource
from ragplan.sheets.columns import normal
from ragplan.sheets.layout import Row

# The words that mean an action is complete, in any case.
DONE_WORDS = frozenset(
    normal(w) for w in ("Complete", "Completed", "Done", "Closed", "Blue", "Finished", "Achieved")
)
# Where well-known statuses go in a scale that lists the best first, and their colours.
_KNOWN_STATUSES: dict[str, tuple[int, str | None]] = {
    **{w: (0, "#005ea5") for w in DONE_WORDS},
    **{normal(w): (10, "#00703c") for w in ("Green", "On track", "On target", "Good")},
    **{normal(w): (20, "#85994b") for w in ("Green/Amber", "Amber/Green")},
    normal("Yellow"): (30, "#ffdd00"),
    **{normal(w): (40, "#ffbf47") for w in ("Amber", "In progress", "Ongoing", "Started")},
    **{normal(w): (45, "#ffbf47") for w in ("At risk", "Some concerns")},
    **{normal(w): (50, "#f47738") for w in ("Amber/Red", "Red/Amber")},
    **{normal(w): (60, "#d4351c") for w in ("Red", "Off track", "Behind", "Delayed", "Overdue")},
    **{normal(w): (70, None) for w in ("Not started", "Not yet started")},
}
_GREEN = "#00703c"


def slug(text: str) -> str:
    """Text as a key or file name: Siân Ll. Jones → sian-ll-jones, Marc-André → marc-andre
    (letters transliterated, not dropped; anyascii knows every script's)."""
    from anyascii import anyascii

    return re.sub(r"[^0-9a-z]+", "-", anyascii(text).casefold()).strip("-")


def _same_word(key: str) -> str:
    """A status key with each word's ending dropped, so that the spellings of one word
    (Complete and Completed, Close and Closed) are one status."""
    words = []
    for word in key.split("-"):
        if len(word) > 4 and word.endswith("ed"):
            word = word[:-1]
        if len(word) > 4 and word.endswith("e"):
            word = word[:-1]
        words.append(word)
    return "-".join(words)


def _found(rows: list[Row]) -> dict[str, list[Row]]:
    """The rows of each status, as written."""
    found: dict[str, list[Row]] = {}
    for row in rows:
        found.setdefault(row.status, []).append(row)
    return found


def make_scale(
    rows: list[Row], done: tuple[str, ...], column: str | None
) -> tuple[Scale, dict[str, str], list[str]]:
    """The statuses found as a scale, best first, with each status as written mapped to
    its key, and the mapping in words. `done` names the done statuses (default: the
    well-known done words); `column` is the heading they were found under."""
    found = _found(rows)
    words: dict[str, list[str]] = {}  # one word's spellings, first seen first
    for written in found:
        words.setdefault(_same_word(slug(written)) or written, []).append(written)
    groups: dict[str, list[str]] = {}  # key -> spellings, the most used first
    for spellings in words.values():
        spellings.sort(key=lambda w: -len(found[w]))  # stable: ties keep the first seen
        key = slug(spellings[0]) or f"status-{len(groups) + 1}"
        groups[key] = spellings
    done_words = {normal(w) for w in done} if done else DONE_WORDS
    if done:
        labels = {normal(w) for ws in groups.values() for w in ws}
        for word in done:
            if normal(word) not in labels:
                shown = ", ".join(ws[0] for ws in groups.values())
                raise UsageError(f"'{word}' is not a status found; they are: {shown}", field="done")
    order = list(groups)
    greens = any(_KNOWN_STATUSES.get(normal(k), (99, None))[0] == 10 for k in order)

    def rank(key: str) -> tuple[int, int, int]:
        label = groups[key][0]
        known = _KNOWN_STATUSES.get(normal(label))
        return (
            0 if normal(label) in done_words else 1,
            known[0] if known else 100,
            order.index(key),
        )

    statuses = []
    mapping: dict[str, str] = {}
    described = []
    for key in sorted(order, key=rank):
        spellings = groups[key]
        label = spellings[0]
        is_done = normal(label) in done_words
        known = _KNOWN_STATUSES.get(normal(label))
        colour = known[1] if known else None
        if is_done and not greens:
            colour = _GREEN
        statuses.append(Status(key, label, None, is_done, colour))
        count = sum(len(found[s]) for s in spellings)
        for spelling in spellings:
            mapping[spelling] = key
        also = ""
        if len(spellings) > 1:
            also = f" (also written {', '.join(spellings[1:])}; one status for them all)"
        guess = "" if known or is_done else "; not a well-known status: its place is a guess"
        described.append(
            f"{label}{also} → {key}{' (done)' if is_done else ''}: {count} action"
            f"{'' if count == 1 else 's'}{guess}"
        )
    if not any(s.done for s in statuses):
        described.append(
            "no status means done (Complete, Done, Closed, Blue...): if one does, "
            "say which with --done, e.g. --done Green"
        )
    where = f" in column '{column}'" if column else ""
    described.insert(0, f"(the values found{where}; check them in ragplan.yaml)")
    return Scale(tuple(statuses)), mapping, described


def onto_scale(rows: list[Row], scale_file: Path) -> tuple[Scale, dict[str, str], list[str]]:
    """Each status found matched to the scale in `scale_file`, by key or label ignoring
    case and spaces; SpreadsheetError naming every cell that matches nothing."""
    found = _found(rows)
    scale = read_scale(scale_file)
    by_name: dict[str, str] = {}
    for status in scale.statuses:
        by_name.setdefault(normal(status.key), status.key)
        by_name.setdefault(normal(status.label), status.key)
    errors = []
    mapping: dict[str, str] = {}
    for written, rows in found.items():
        key = by_name.get(normal(written))
        if key is None:
            names = [s.label for s in scale.statuses]
            near = difflib.get_close_matches(written, names, n=1, cutoff=0.5)
            hint = f" (nearest: {near[0]})" if near else ""
            errors += [
                f"{row.where('rag')}: '{written}' is not a status of the scale in "
                f"{display_path(scale_file)}{hint}; use one of: {', '.join(names)}"
                for row in rows
            ]
            continue
        mapping[written] = key
    if errors:
        raise SpreadsheetError(
            f"{len(errors)} status{'' if len(errors) == 1 else 'es'} match nothing in the scale; "
            "nothing was written",
            errors,
        )
    described = [f"(matched to the scale in {display_path(scale_file)})"]
    for status in scale.statuses:
        spellings = [w for w, k in mapping.items() if k == status.key]
        count = sum(len(found[w]) for w in spellings)
        shown = ", ".join(spellings) if spellings else "(none found)"
        described.append(
            f"{shown} → {status.key}{' (done)' if status.done else ''}: {count} action"
            f"{'' if count == 1 else 's'}"
        )
    return scale, mapping, described


def read_scale(path: Path) -> Scale:
    """The scale a ragplan.yaml holds, read and checked as ragplan reads every config."""
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{shown}: {exc.strerror or exc}", field="scale") from None
    base = EmptySource(path.parent, display_path(path.parent))
    loaded = read_plan_set(EditedSource(base, {CONFIG_NAMES[0]: data}, lambda _: shown))
    errors = [p for p in loaded.problems if p.level == "error"]
    if errors:
        first = errors[0]
        raise UsageError(f"{shown}:{first.line}: {first.message}", field="scale")
    if loaded.plan_set.config.file is None or not data.strip():
        raise UsageError(f"{shown} holds no scale", field="scale")
    return loaded.plan_set.config.scale
