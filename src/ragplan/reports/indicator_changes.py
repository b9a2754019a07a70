"""Indicator ratings over revisions: what `diff` and `history` add when plans have indicators.

Indicators are matched by id, as actions are, and rated at their latest value at each
revision by that revision's own target and tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass

from ragplan.model import Indicator, Number, PlanSet, natural_key

# Best first: a rating that moves towards the start has improved.
_RANKS = {"green": 0, "amber": 1, "red": 2}

# The fields compared, in the order they are listed. The SPC settings (runs, baseline,
# recalculations) are compared one by one too, and said in words (`spc_changes`).
FIELDS = (
    "title",
    "theme",
    "unit",
    "polarity",
    "target",
    "tolerance",
    "values",
    "summaries",
    "runs",
    "baseline",
    "recalculations",
)
SPC_FIELDS = ("runs", "baseline", "recalculations")

# Most significant first, as diff lists actions. `recalculated`: only its SPC settings
# changed (a new, moved or removed recalculation, baseline or run length), which boards
# review as a change of its own.
KINDS = ("added", "removed", "improved", "worsened", "recalculated", "changed")


@dataclass(frozen=True)
class Latest:
    """An indicator's rating at one revision: its latest period and value, and the rating
    (None: not rated)."""

    period: str | None
    value: Number | None
    rating: str | None


@dataclass(frozen=True)
class IndicatorChange:
    """An indicator that differs between two revisions; `before` or `after` is None when it
    was added or removed. `title` and `unit` are the newer ones."""

    id: str
    title: str
    unit: str
    kind: str
    fields: tuple[str, ...]
    before: Latest | None
    after: Latest | None
    spc_changes: tuple[str, ...] = ()


def latest(indicator: Indicator) -> Latest:
    from ragplan.rating import assess

    found = assess(indicator)
    return Latest(found.period, found.value, found.rating)


def _value(indicator: Indicator, name: str) -> object:
    spc = indicator.spc
    if name == "runs":
        return spc.runs if spc is not None and spc.runs != 6 else None
    if name == "baseline":
        return spc.baseline if spc is not None else None
    if name == "recalculations":
        return [(r.period, r.reason) for r in spc.recalculate] if spc is not None else []
    if name == "target" and indicator.trajectory:
        return [(s.period, s.value.text) for s in indicator.trajectory]
    if name == "values":
        return [
            (v.period, *(str(n) if n else None for n in (v.value, v.numerator, v.denominator)))
            for v in indicator.values
        ]
    if name == "summaries":
        return [
            (s.label, s.start, s.end, str(s.value) if s.value else None)
            for s in indicator.summaries
        ]
    found = getattr(indicator, name)
    return found.text if found is not None and name in ("target", "tolerance") else found


def spc_changes(was: Indicator | None, now: Indicator | None) -> tuple[str, ...]:
    """The SPC settings that changed, in words: 'recalculation from Apr 24 added (New triage
    model)', 'recalculation moved from Apr 24 to May 24', 'baseline Mar 23 → Jun 23'."""
    said: list[str] = []
    old = _value(was, "recalculations") if was is not None else []
    new = _value(now, "recalculations") if now is not None else []
    assert isinstance(old, list) and isinstance(new, list)
    gone = [r for r in old if r not in new]
    came = [r for r in new if r not in old]
    for (period, _), (new_period, new_reason) in zip(gone, came, strict=False):
        if period != new_period:
            said.append(f"recalculation moved from {period} to {new_period} ({new_reason})")
        else:
            said.append(f"recalculation from {period}: reason now {new_reason}")
    said += [f"recalculation from {p} removed ({r})" for p, r in gone[len(came) :]]
    said += [f"recalculation from {p} added ({r})" for p, r in came[len(gone) :]]
    for name, default in (("baseline", "none"), ("runs", "6")):
        then = _value(was, name) if was is not None else None
        later = _value(now, name) if now is not None else None
        if then != later:
            said.append(f"{name} {then or default} → {later or default}")
    return tuple(said)


def _kind(was: Latest, now: Latest) -> str:
    if was.rating is None or now.rating is None or was.rating == now.rating:
        return "changed"
    return "improved" if _RANKS[now.rating] < _RANKS[was.rating] else "worsened"


def compare_indicators(before: PlanSet, after: PlanSet) -> list[IndicatorChange] | None:
    """Every indicator that differs, most significant change first, then by id; None when
    neither plan set has indicators (so a report without them is as it was)."""
    old = {i.id: i for i in before.indicators}
    new = {i.id: i for i in after.indicators}
    if not old and not new:
        return None
    changes = []
    for ident in old.keys() | new.keys():
        was, now = old.get(ident), new.get(ident)
        if was is None or now is None:
            present = now if now is not None else was
            assert present is not None
            kind = "added" if was is None else "removed"
            fields = tuple(n for n in FIELDS if _value(present, n) not in (None, "", []))
        else:
            fields = tuple(n for n in FIELDS if _value(was, n) != _value(now, n))
            if not fields:
                continue
            kind = _kind(latest(was), latest(now))
            if kind == "changed" and all(n in SPC_FIELDS for n in fields):
                kind = "recalculated"
        shown = now if now is not None else was
        assert shown is not None
        changes.append(
            IndicatorChange(
                ident,
                shown.title,
                shown.unit,
                kind,
                fields,
                latest(was) if was is not None else None,
                latest(now) if now is not None else None,
                spc_changes(was, now),
            )
        )
    changes.sort(key=lambda c: (KINDS.index(c.kind), natural_key(c.id)))
    return changes


def ratings(plan_set: PlanSet) -> dict[str, str | None]:
    """{indicator id: its rating at its latest value (None: not rated)}."""
    return {i.id: latest(i).rating for i in plan_set.indicators}
