"""The actions behind `ragplan outstanding`: every action whose status is not done, by theme
and section, filtered; with `--since`, each one's status then and whether it is new."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ragplan.errors import UsageError
from ragplan.model import Action, PlanSet, natural_key
from ragplan.reports.common import (
    Earlier,
    Previous,
    ReportStatus,
    is_overdue,
    lead_officer_of,
    leads_match,
    previous_figures,
    report_date,
    report_statuses,
)


@dataclass
class OutstandingAction:
    """An action whose status is not done; `overdue` when due before `as_of`."""

    id: str
    theme_id: str
    theme_title: str | None
    section_id: str | None
    section_title: str | None
    lead_body: str | None
    summary: str
    due: date | None
    lead_officer: str | None
    rag: str
    status: ReportStatus
    notes: str | None
    carried_from: str | None
    file: str
    line: int
    overdue: bool
    previous_status: ReportStatus | None = None
    new: bool | None = None


@dataclass
class OutstandingSection:
    id: str
    title: str | None
    actions: list[OutstandingAction] = field(default_factory=list)


@dataclass
class OutstandingTheme:
    """A theme with outstanding actions: those directly under it, then by section."""

    id: str
    title: str | None
    lead_officer: str | None
    actions: list[OutstandingAction] = field(default_factory=list)
    sections: list[OutstandingSection] = field(default_factory=list)


@dataclass
class Outstanding:
    """The outstanding actions that pass the filters, flat and grouped by theme."""

    title: str
    organisation: str | None
    as_of: date
    statuses: list[ReportStatus]
    total: int
    overdue: int
    actions: list[OutstandingAction]
    themes: list[OutstandingTheme]
    previous: Previous | None = None


@dataclass(frozen=True)
class Filters:
    """Which outstanding actions to list; empty tuples mean all."""

    statuses: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    overdue_only: bool = False


def _check_filters(plan_set: PlanSet, filters: Filters) -> tuple[str, ...]:
    """The wanted statuses as scale keys; UsageError for a status or theme not in the plan."""
    scale = plan_set.config.scale
    keys = []
    for written in filters.statuses:
        key = scale.lookup(written)
        if key is None or key in scale.done_keys:
            choices = ", ".join(k for k in scale.keys if k not in scale.done_keys)
            what = "not a status of the scale" if key is None else "a done status"
            raise UsageError(f"'{written}' is {what}; use {choices}", field="statuses")
        keys.append(key)
    theme_ids = {t.id for t in plan_set.themes}
    for theme in filters.themes:
        if theme not in theme_ids:
            raise UsageError(f"'{theme}': no theme has this id", field="themes")
    return tuple(keys)


def find_outstanding(
    plan_set: PlanSet,
    as_of: date | None = None,
    filters: Filters | None = None,
    since: Earlier | None = None,
) -> Outstanding:
    """Every action whose status is not done, that passes `filters`, grouped by theme;
    with `since`, each one's status then and whether it is new to the list."""
    filters = filters or Filters()
    wanted_statuses = _check_filters(plan_set, filters)
    when = report_date(plan_set, as_of)
    statuses = report_statuses(plan_set.config.scale)
    by_key = {s.key: s for s in statuses}
    done = plan_set.config.scale.done_keys
    listed: list[OutstandingAction] = []
    themes: list[OutstandingTheme] = []
    total = 0
    for theme in plan_set.themes:
        total += sum(1 for _ in theme.all_actions())
        if filters.themes and theme.id not in filters.themes:
            continue
        group = OutstandingTheme(theme.id, theme.title, theme.lead_officer)
        sections: dict[str, OutstandingSection] = {}
        # Filter first: only the outstanding few need sorting.
        remaining = [a for a in theme.all_actions() if a.rag not in done]
        for action in sorted(remaining, key=lambda a: natural_key(a.id)):
            if wanted_statuses and action.rag not in wanted_statuses:
                continue
            if filters.leads and not leads_match(lead_officer_of(action), filters.leads):
                continue
            overdue = is_overdue(action, done, when)
            if filters.overdue_only and not overdue:
                continue
            item = _outstanding_action(action, by_key, overdue)
            listed.append(item)
            if action.section is None:
                group.actions.append(item)
            else:
                section = sections.get(action.section.id)
                if section is None:
                    section = OutstandingSection(action.section.id, action.section.title)
                    sections[action.section.id] = section
                section.actions.append(item)
        if group.actions or sections:
            group.sections = sorted(sections.values(), key=lambda s: natural_key(s.id))
            themes.append(group)
    found = Outstanding(
        title=plan_set.config.title,
        organisation=plan_set.config.organisation,
        as_of=when,
        statuses=statuses,
        total=total,
        overdue=sum(a.overdue for a in listed),
        actions=listed,
        themes=themes,
    )
    if since is not None:
        _add_previous_status(found, plan_set, *since)
    return found


def _add_previous_status(
    outstanding: Outstanding, plan_set: PlanSet, rev: str, before: PlanSet
) -> None:
    from ragplan.reports.since import outstanding_since, previous

    then = previous(before, rev)
    outstanding.previous = previous_figures(
        rev, then.as_of, then.counts, then.done, outstanding.statuses
    )
    # A status then is shown as that revision's scale named it.
    statuses_then = {s.key: s for s in report_statuses(before.config.scale)}
    found = outstanding_since(plan_set, before)
    for action in outstanding.actions:
        was = found[action.id]
        if was.previous_rag is not None:
            action.previous_status = statuses_then[was.previous_rag]
        action.new = was.new


def _outstanding_action(
    action: Action, by_key: dict[str, ReportStatus], overdue: bool
) -> OutstandingAction:
    section = action.section
    return OutstandingAction(
        id=action.id,
        theme_id=action.theme.id,
        theme_title=action.theme.title,
        section_id=section.id if section else None,
        section_title=section.title if section else None,
        lead_body=action.lead_body,
        summary=action.summary,
        due=action.due,
        lead_officer=action.lead_officer,
        rag=action.rag,
        status=by_key[action.rag],
        notes=action.notes,
        carried_from=action.carried_from,
        file=action.file,
        line=action.line,
        overdue=overdue,
    )
