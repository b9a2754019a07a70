"""The actions behind `ragplan outstanding`: every action whose status is not done, by theme
and section, filtered; with `--since`, each one's status then and whether it is new."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ragplan.errors import UsageError
from ragplan.model import Action, PlanSet, natural_key
from ragplan.reports.common import (
    Earlier,
    Filter,
    Previous,
    ReportStatus,
    is_overdue,
    joint_names,
    lead_officer_of,
    leads_match,
    name_key,
    no_match,
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
    """A section with listed actions; `id` None for a run of actions that sit directly
    under the theme, so sections and such runs interleave in natural id order."""

    id: str | None
    title: str | None
    actions: list[OutstandingAction] = field(default_factory=list)


@dataclass
class OutstandingTheme:
    """A theme with listed actions: `sections` in natural id order (a run of actions
    directly under the theme is a section with no id); `actions` all of them, in order."""

    id: str
    title: str | None
    lead_officer: str | None
    actions: list[OutstandingAction] = field(default_factory=list)
    sections: list[OutstandingSection] = field(default_factory=list)


@dataclass
class Outstanding:
    """The outstanding actions that pass the filters, flat and grouped by theme.

    `total` is every action of the plan set, `outstanding` every one still to do
    (counted and not done), `actions` those listed (the ones the `filters` keep).
    """

    title: str
    organisation: str | None
    as_of: date
    statuses: list[ReportStatus]
    total: int
    outstanding: int
    overdue: int
    actions: list[OutstandingAction]
    themes: list[OutstandingTheme]
    filters: list[Filter] = field(default_factory=list)
    previous: Previous | None = None


@dataclass(frozen=True)
class Filters:
    """Which outstanding actions to list; empty tuples mean all. Names are matched as
    people type them (case, spaces, curly or straight quotes aside); statuses by key or
    label; lead officers whole or by one of their '/'-separated names."""

    statuses: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    lead_bodies: tuple[str, ...] = ()
    overdue_only: bool = False


@dataclass(frozen=True)
class _Wanted:
    """The filters, checked against the plan set: what each keeps, as the plan writes it."""

    statuses: frozenset[str]
    themes: frozenset[str]
    sections: frozenset[str]
    leads: tuple[str, ...]
    lead_bodies: frozenset[str]
    overdue_only: bool
    shown: list[Filter]

    def keep(self, action: Action, overdue: bool) -> bool:
        return (
            (not self.statuses or action.rag in self.statuses)
            and (not self.themes or action.theme.id in self.themes)
            and (
                not self.sections
                or (action.section is not None and action.section.id in self.sections)
            )
            and (not self.leads or leads_match(lead_officer_of(action), self.leads))
            and (not self.lead_bodies or name_key(action.lead_body or "") in self.lead_bodies)
            and (not self.overdue_only or overdue)
        )


def _ids(wanted: tuple[str, ...], known: list[str], field_name: str, what: str) -> list[str]:
    found = []
    for value in wanted:
        ident = value.strip()
        if ident not in known:
            raise no_match(field_name, value, known, what)
        found.append(ident)
    return found


def _check_filters(plan_set: PlanSet, filters: Filters) -> _Wanted:
    """The filters as the plan set writes their values; UsageError, naming the nearest
    values there are, for a value that matches nothing in the plan set."""
    scale = plan_set.config.scale
    shown: list[Filter] = []
    keys = []
    for written in filters.statuses:
        status = next(
            (
                s
                for s in scale.statuses
                if name_key(written) in (name_key(s.key), name_key(s.label))
            ),
            None,
        )
        if status is None:
            names = [s.label for s in scale.statuses]
            raise no_match("statuses", written, names, "status (by key or label)")
        if status.key not in scale.outstanding_keys:
            what = "a done status" if status.done else "a status not counted as outstanding"
            choices = ", ".join(s.label for s in scale.statuses if s.key in scale.outstanding_keys)
            raise UsageError(f"'{written}' is {what}; use {choices}", field="statuses")
        keys.append(status.key)
    if keys:
        labels = tuple(scale.status(k).label for k in keys)
        shown.append(Filter("status", "status", labels))
    theme_ids = _ids(filters.themes, [t.id for t in plan_set.themes], "themes", "theme id")
    if theme_ids:
        shown.append(Filter("theme", "theme", tuple(theme_ids)))
    section_ids = [s.id for t in plan_set.themes for s in t.sections]
    sections = _ids(filters.sections, section_ids, "sections", "section id")
    if sections:
        shown.append(Filter("section", "section", tuple(sections)))
    actions = plan_set.all_actions()
    leads = sorted({n for a in actions for n in joint_names(lead_officer_of(a))}, key=name_key)
    matched_leads = []
    for written in filters.leads:
        match = next((n for n in leads if name_key(n) == name_key(written)), None)
        whole = next(
            (lead_officer_of(a) for a in actions if leads_match(lead_officer_of(a), [written])),
            None,
        )
        if match is None and whole is None:
            raise no_match("leads", written, leads, "lead officer")
        matched_leads.append(match or whole or written)
    if matched_leads:
        shown.append(Filter("lead officer", "lead_officer", tuple(matched_leads)))
    bodies = sorted({a.lead_body for a in actions if a.lead_body}, key=name_key)
    matched_bodies = []
    for written in filters.lead_bodies:
        match = next((b for b in bodies if name_key(b) == name_key(written)), None)
        if match is None:
            raise no_match("lead_bodies", written, bodies, "lead body")
        matched_bodies.append(match)
    if matched_bodies:
        shown.append(Filter("lead body", "lead_body", tuple(matched_bodies)))
    if filters.overdue_only:
        shown.append(Filter("overdue", "overdue", ("only overdue actions",)))
    return _Wanted(
        frozenset(keys),
        frozenset(theme_ids),
        frozenset(sections),
        filters.leads,
        frozenset(name_key(b) for b in matched_bodies),
        filters.overdue_only,
        shown,
    )


def find_outstanding(
    plan_set: PlanSet,
    as_of: date | None = None,
    filters: Filters | None = None,
    since: Earlier | None = None,
) -> Outstanding:
    """Every action still to do (counted and not done) that passes `filters`, grouped by
    theme and section in natural id order; with `since`, each one's status then and
    whether it is new to the list."""
    wanted = _check_filters(plan_set, filters or Filters())
    when = report_date(plan_set, as_of)
    scale = plan_set.config.scale
    statuses = report_statuses(scale)
    by_key = {s.key: s for s in statuses}
    outstanding_keys = scale.outstanding_keys
    listed: list[OutstandingAction] = []
    themes: list[OutstandingTheme] = []
    total = outstanding = 0
    for theme in plan_set.themes:
        total += sum(1 for _ in theme.all_actions())
        # Filter first: only the outstanding few need sorting.
        remaining = [a for a in theme.all_actions() if a.rag in outstanding_keys]
        outstanding += len(remaining)
        group = OutstandingTheme(theme.id, theme.title, theme.lead_officer)
        for action in sorted(remaining, key=lambda a: natural_key(a.id)):
            overdue = is_overdue(action, outstanding_keys, when)
            if not wanted.keep(action, overdue):
                continue
            item = _outstanding_action(action, by_key, overdue)
            listed.append(item)
            group.actions.append(item)
            section_id = action.section.id if action.section else None
            last = group.sections[-1] if group.sections else None
            if last is None or last.id != section_id:
                title = action.section.title if action.section else None
                last = OutstandingSection(section_id, title)
                group.sections.append(last)
            last.actions.append(item)
        if group.actions:
            themes.append(group)
    found = Outstanding(
        title=plan_set.config.title,
        organisation=plan_set.config.organisation,
        as_of=when,
        statuses=statuses,
        total=total,
        outstanding=outstanding,
        overdue=sum(a.overdue for a in listed),
        actions=listed,
        themes=themes,
        filters=wanted.shown,
    )
    if since is not None:
        _add_previous_status(found, plan_set, *since)
    return found


def _add_previous_status(
    outstanding: Outstanding, plan_set: PlanSet, rev: str, before: PlanSet
) -> None:
    from ragplan.reports.since import figures, outstanding_since

    then = figures(before.all_actions(), before.config.scale)
    columns = report_statuses(plan_set.config.scale, before.config.scale)
    outstanding.previous = previous_figures(
        rev, before.config.as_of, then.counts, then.done, then.counted, columns
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
