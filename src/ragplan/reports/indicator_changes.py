"""Indicator ratings over revisions: what `diff` and `history` add when plans have indicators.

Indicators are matched by id, as actions are, and rated at their latest value at each
revision by that revision's own target and tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass

from ragplan.model import Indicator, Number, PlanSet, natural_key

# Best first: a rating that moves towards the start has improved.
_RANKS = {"green": 0, "amber": 1, "red": 2}

# The fields compared, in the order they are listed.
FIELDS = ("title", "theme", "unit", "polarity", "target", "tolerance", "values", "summaries")

# Most significant first, as diff lists actions.
KINDS = ("added", "removed", "improved", "worsened", "changed")


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


def latest(indicator: Indicator) -> Latest:
    from ragplan.rating import assess

    found = assess(indicator)
    return Latest(found.period, found.value, found.rating)


def _value(indicator: Indicator, name: str) -> object:
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
            )
        )
    changes.sort(key=lambda c: (KINDS.index(c.kind), natural_key(c.id)))
    return changes


def ratings(plan_set: PlanSet) -> dict[str, str | None]:
    """{indicator id: its rating at its latest value (None: not rated)}."""
    return {i.id: latest(i).rating for i in plan_set.indicators}
