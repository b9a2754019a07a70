"""Tab completion of option values: formats, groupings, and the statuses, ids and names of
the plan set in the current folder (read through the cache, so nothing is parsed twice).

A completion never fails loudly: whatever goes wrong, the shell is offered nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer

Items = list[tuple[str, str]]


def _plan_set(ctx: typer.Context) -> Any:
    from ragplan.reading.disk import DiskSource, find_plan_set
    from ragplan.reading.reader import read_plan_set

    given = ctx.params.get("plans")
    folder = Path(given) if given else find_plan_set()
    return read_plan_set(DiskSource(folder)).plan_set


def _offer(items: Iterable[tuple[str, str]], incomplete: str, listed: bool = False) -> Items:
    """The items that start with what is typed; for a comma-separated option, after the
    last comma, keeping what comes before it."""
    head, _, tail = incomplete.rpartition(",") if listed else ("", "", incomplete)
    prefix = f"{head}," if head else ""
    wanted = tail.casefold()
    seen = set()
    found = []
    for value, help_text in items:
        if value.casefold().startswith(wanted) and value not in seen:
            seen.add(value)
            found.append((prefix + value, help_text))
    return found


def _safely(make: Callable[[typer.Context, str], Items]) -> Callable[[typer.Context, str], Items]:
    def complete(ctx: typer.Context, incomplete: str) -> Items:
        try:
            return make(ctx, incomplete)
        except Exception:  # a broken or missing plan set: offer nothing, say nothing
            return []

    complete.__name__ = make.__name__
    return complete


def formats_of(kind: str) -> Callable[[typer.Context, str], Items]:
    def formats(ctx: typer.Context, incomplete: str) -> Items:
        from ragplan.output.formats import FORMATS, kind_named

        return _offer(((f, FORMATS[f].help) for f in kind_named(kind).formats), incomplete)

    return _safely(formats)


@_safely
def validate_formats(ctx: typer.Context, incomplete: str) -> Items:
    from ragplan.output.problem_formats import FORMATS

    return _offer(
        (("auto", "chosen for where the output goes"),) + tuple((f, "") for f in FORMATS),
        incomplete,
    )


@_safely
def groupings(ctx: typer.Context, incomplete: str) -> Items:
    from ragplan.reports.summary import GROUPINGS

    return _offer(((g, "") for g in GROUPINGS), incomplete)


@_safely
def colours(ctx: typer.Context, incomplete: str) -> Items:
    return _offer(((c, "") for c in ("auto", "always", "never")), incomplete)


@_safely
def statuses(ctx: typer.Context, incomplete: str) -> Items:
    scale = _plan_set(ctx).config.scale
    items = [(s.key, s.label) for s in scale.statuses]
    items += [(s.label, s.meaning or "") for s in scale.statuses if s.label != s.key]
    return _offer(items, incomplete, listed=True)


@_safely
def outstanding_statuses(ctx: typer.Context, incomplete: str) -> Items:
    scale = _plan_set(ctx).config.scale
    items = [(s.key, s.label) for s in scale.statuses if s.key in scale.outstanding_keys]
    return _offer(items, incomplete, listed=True)


@_safely
def theme_ids(ctx: typer.Context, incomplete: str) -> Items:
    themes = _plan_set(ctx).themes
    return _offer(((t.id, t.title or "") for t in themes), incomplete, listed=True)


@_safely
def section_ids(ctx: typer.Context, incomplete: str) -> Items:
    themes = _plan_set(ctx).themes
    items = ((s.id, s.title or "") for t in themes for s in t.sections)
    return _offer(items, incomplete, listed=True)


@_safely
def action_ids(ctx: typer.Context, incomplete: str) -> Items:
    actions = _plan_set(ctx).actions()
    return _offer(((a.id, a.summary[:60]) for a in actions), incomplete)


@_safely
def lead_officers(ctx: typer.Context, incomplete: str) -> Items:
    from ragplan.reports.common import joint_names, lead_officer_of

    actions = _plan_set(ctx).all_actions()
    names = sorted({n for a in actions for n in joint_names(lead_officer_of(a))})
    return _offer(((n, "") for n in names), incomplete)


@_safely
def lead_bodies(ctx: typer.Context, incomplete: str) -> Items:
    actions = _plan_set(ctx).all_actions()
    return _offer(
        ((b, "") for b in sorted({a.lead_body for a in actions if a.lead_body})), incomplete
    )
