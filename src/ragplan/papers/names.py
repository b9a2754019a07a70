"""The data a paper's text may name: `counts.total`, `actions.red`, `outstanding`,
`indicator("initial-assessments").value`, `appendix("outstanding")`... (docs/papers.md
lists them all).

Every group of names is a `Names`: read-only, and a name it does not have is an error
naming the ones it does, never a blank in the paper.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from ragplan.model import Action, PlanSet, with_unit
from ragplan.output import wording
from ragplan.reports.common import (
    Count,
    ReportStatus,
    is_overdue,
    lead_officer_of,
    percent,
    report_statuses,
)


class PaperNameError(Exception):
    """A name, function or filter used wrongly in a paper; the message says how to fix it."""


def nearest(word: str, choices: Sequence[str]) -> str:
    """'; did you mean 'green'?' or the names there are, for a message."""
    choices = list(dict.fromkeys(choices))
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    if close:
        return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    if not choices:
        return ""
    shown = list(choices)[:12]
    more = ", ..." if len(choices) > 12 else ""
    return f"; the names there are {', '.join(shown)}{more}"


def written(name: str) -> str:
    """A name as a paper writes it after a dot: a hyphen (on-track, at-risk, as import
    writes status keys) is an underscore, since `counts.at-risk` reads as a subtraction."""
    return name.replace("-", "_")


class Names:
    """A read-only group of names, used as `group.name` and in `{% for x in group %}` (its
    values, in order). A name with a hyphen is written with an underscore
    (`counts.at_risk` for the status at-risk), or as `group["at-risk"]`."""

    __slots__ = ("_what", "_items", "_unset")

    def __init__(
        self, what: str, items: dict[str, Any], unset: dict[str, str] | None = None
    ) -> None:
        self._what = what
        self._items = items
        self._unset = unset or {}  # names it may have but does not: what to do about each

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        if name in self._items or "_" not in name:
            return self._items[name]
        return self._items[name.replace("_", "-")]  # at_risk: the status at-risk

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str) and name not in self._items and "_" in name:
            return name.replace("_", "-") in self._items
        return name in self._items

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __str__(self) -> str:
        raise PaperNameError(self.not_a_value())

    def not_a_value(self) -> str:
        """The message for a group printed as if it were one value."""
        some = ", ".join(f"{self._what}.{k}" for k in list(self._items)[:3])
        return f"{self._what} is a group of names, not a value: use one of them, e.g. {some}"

    def missing(self, name: str) -> str:
        """The message for a name this group does not have."""
        if name in self._unset:
            return f"{self._what}.{name} is not set: {self._unset[name]}"
        known = [written(k) for k in [*self._items, *self._unset]]
        return f"{self._what} has no '{name}'{nearest(written(name), known)}"


def keys_of(value: Any) -> list[str]:
    return list(value._items) if isinstance(value, Names) else []


def _action(
    action: Action, statuses: dict[str, ReportStatus], outstanding: frozenset[str], as_of: date
) -> Names:
    status = statuses[action.rag]
    section = action.section
    return Names(
        f"action {action.id}",
        {
            "id": action.id,
            "summary": action.summary,
            "status": status.in_text,
            "lead_officer": lead_officer_of(action),
            "lead_body": action.lead_body,
            "due": action.due,
            "notes": action.notes,
            "theme": action.theme.id,
            "theme_title": action.theme.title,
            "section": section.id if section else None,
            "section_title": section.title if section else None,
            "overdue": is_overdue(action, outstanding, as_of),
        },
    )


def _indicator(rated: Any) -> Names:
    value = with_unit(str(rated.value), rated.unit) if rated.value is not None else None
    target = with_unit(str(rated.target), rated.unit) if rated.target is not None else None
    return Names(
        f'indicator("{rated.id}")',
        {
            "id": rated.id,
            "title": rated.title,
            "theme": rated.theme,
            "value": value,
            "period": rated.period,
            "target": target,
            "rating": rated.rating.in_text if rated.rating else "not rated",
            "direction": str(rated.direction) if rated.direction else None,
        },
    )


def plan_names(plan_set: PlanSet, as_of: date) -> dict[str, Any]:
    """The names of the plan's data, as of `as_of`."""
    scale = plan_set.config.scale
    statuses = report_statuses(scale)
    by_key = {s.key: s for s in statuses}
    outstanding_keys = scale.outstanding_keys
    actions = [_action(a, by_key, outstanding_keys, as_of) for a in plan_set.actions()]
    raw = plan_set.actions()
    grouped: dict[str, list[Names]] = {s.key: [] for s in statuses}
    for model, view in zip(raw, actions, strict=True):
        grouped[model.rag].append(view)
    tally = {key: len(found) for key, found in grouped.items()}
    done = sum(tally[k] for k in scale.done_keys)
    counted = len(actions) - sum(tally[k] for k in scale.uncounted_keys)
    outstanding = [v for m, v in zip(raw, actions, strict=True) if m.rag in outstanding_keys]
    overdue = [v for v in outstanding if v.overdue]
    figures = {
        "total": len(actions),
        "counted": counted,
        "done": done,
        "outstanding": len(outstanding),
        "overdue": len(overdue),
        "percent_done": percent(done, counted),
    }
    counts = {**{k: n for k, n in tally.items() if k not in figures}, **figures}
    status_names = {
        s.key: Names(
            f"statuses.{s.key}",
            {
                "key": s.key,
                "label": s.label,
                "in_text": s.in_text,
                "meaning": s.meaning,
                "done": s.done,
                "count": tally[s.key],
            },
        )
        for s in statuses
    }
    indicators: dict[str, Names] = {}
    if plan_set.indicators:
        from ragplan.reports.indicators import rate_all

        for _, rated in rate_all(plan_set):
            for found in rated:
                indicators[found.id] = _indicator(found)
    return {
        "plan": Names(
            "plan",
            {
                "title": plan_set.config.title,
                "organisation": plan_set.config.organisation,
                "as_of": as_of,
            },
        ),
        "as_of": as_of,
        "counts": Names("counts", counts),
        "statuses": Names("statuses", status_names),
        "actions": Names("actions", {k: v for k, v in grouped.items()}),
        "outstanding": outstanding,
        "overdue": overdue,
        "indicators": Names("indicators", indicators),
        "headline": wording.headline(len(actions), [Count(by_key[k], n) for k, n in tally.items()]),
    }


def status_sentence(statuses: Names, key: str) -> str:
    """ "150 actions are 'green': these actions have been completed", as section 3.4 of a
    board paper lists them."""
    if key not in statuses:
        raise PaperNameError(
            f"status_sentence: there is no status '{key}'{nearest(key, keys_of(statuses))}"
        )
    status = statuses[key]
    n = status.count
    line = f"{n} {wording.plural('action', n)} {wording.plural('is', n, 'are')} '{status.in_text}'"
    return f"{line}: {status.meaning}" if status.meaning else line


def how_many(value: Any, what: str) -> int:
    """A count from a number or a list of actions, for count and count_words."""
    if isinstance(value, bool) or not isinstance(value, int | list | tuple):
        raise PaperNameError(
            f"{what} counts a number or a list of actions, not {type(value).__name__}: "
            "e.g. counts.red | " + what + " or outstanding | " + what
        )
    return value if isinstance(value, int) else len(value)


def count_words(value: Any, one: str | None = None, many: str | None = None) -> str:
    """`outstanding | count_words` 'twelve'; `actions.red | count_words("red action is",
    "red actions are")` 'one red action is'; no actions with a noun: 'no red actions are'."""
    n = how_many(value, "count_words")
    if one is None:
        return wording.number_words(n)
    noun = one if n == 1 else (many if many is not None else one + "s")
    return f"{'no' if n == 0 else wording.number_words(n)} {noun}"


def count(value: Any, one: str, many: str | None = None) -> str:
    """`counts.red | count("action is", "actions are")` '1 action is'; `many` defaults to
    `one` + 's'."""
    n = how_many(value, "count")
    return f"{n} {one if n == 1 else (many if many is not None else one + 's')}"


def summaries(value: Any) -> str:
    """The summaries of a list of actions, as written, joined by '; '."""
    if not isinstance(value, list | tuple):
        raise PaperNameError("summaries lists a list of actions: e.g. actions.red | summaries")
    return "; ".join(str(a.summary) for a in value)
