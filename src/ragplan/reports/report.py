"""The figures behind `ragplan summary` and `ragplan outstanding`, as data for any format.

Nothing here knows about Markdown, HTML or terminals: the functions return
dataclasses that templates, the JSON and CSV writers and the terminal tables
all read. Order is natural id order everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ragplan.errors import UsageError
from ragplan.model import Action, PlanSet, Scale, natural_key

if TYPE_CHECKING:
    from ragplan.reports.since import Travel

# What `--since REV` compares with: the revision as named, and the plan set read there.
Earlier = tuple[str, PlanSet]

GROUPINGS = ("theme", "lead_officer", "lead_body")

# Background for statuses whose scale entry gives no colour.
NEUTRAL_GREY = "#d9d9d9"


@dataclass(frozen=True)
class ReportStatus:
    """A status of the scale as reports show it, with colours resolved."""

    key: str
    label: str
    meaning: str | None
    done: bool
    colour: str
    text_colour: str


@dataclass(frozen=True)
class Count:
    """How many actions have one status."""

    status: ReportStatus
    count: int


@dataclass
class Previous:
    """The same figures at an earlier git revision (`--since REV`)."""

    rev: str
    as_of: date | None
    total: int
    done: int
    percent_done: int
    counts: list[Count]
    scale_counts: dict[str, int]


@dataclass
class Group:
    """One row of the summary table: a theme, a lead officer or a lead body."""

    id: str | None
    title: str | None
    lead_officer: str | None
    total: int
    done: int
    percent_done: int
    overdue: int
    counts: list[Count]
    previous: Previous | None = None
    direction: Travel | None = None


@dataclass
class Summary:
    """Counts per status for the plan set and per group."""

    title: str
    organisation: str | None
    as_of: date
    by: str
    statuses: list[ReportStatus]
    total: int
    done: int
    percent_done: int
    outstanding: int
    overdue: int
    counts: list[Count]
    groups: list[Group]
    themes: list[Group]
    previous: Previous | None = None
    direction: Travel | None = None


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


def report_date(plan_set: PlanSet, as_of: date | None) -> date:
    """The date the report describes: --as-of, else the config's as_of, else today."""
    return as_of or plan_set.config.as_of or date.today()


def _luminance(colour: str) -> float:
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two '#rrggbb' colours, from 1 to 21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    black, white = "#000000", "#ffffff"
    if contrast_ratio(background, black) >= contrast_ratio(background, white):
        return black
    return white


def report_statuses(scale: Scale) -> list[ReportStatus]:
    """The scale, best first, with every status given a background and a text colour."""
    found = []
    for s in scale.statuses:
        colour = (s.colour or NEUTRAL_GREY).lower()
        found.append(
            ReportStatus(s.key, s.label, s.meaning, s.done, colour, text_colour_on(colour))
        )
    return found


def percent(part: int, whole: int) -> int:
    """Whole percent, rounded down so that 100% means every action is done."""
    return part * 100 // whole if whole else 0


def _is_overdue(action: Action, done: frozenset[str], as_of: date) -> bool:
    return action.rag not in done and action.due is not None and action.due < as_of


def lead_officer_of(action: Action) -> str | None:
    """The action's lead officer, or its theme's when the action names none."""
    return action.lead_officer or action.theme.lead_officer


def _group(
    ident: str | None,
    title: str | None,
    lead: str | None,
    actions: Iterable[Action],
    statuses: list[ReportStatus],
    done: frozenset[str],
    as_of: date,
) -> Group:
    tally = dict.fromkeys((s.key for s in statuses), 0)
    overdue = 0
    for action in actions:
        tally[action.rag] += 1
        overdue += _is_overdue(action, done, as_of)
    total = sum(tally.values())
    done_count = sum(n for key, n in tally.items() if key in done)
    return Group(
        id=ident,
        title=title,
        lead_officer=lead,
        total=total,
        done=done_count,
        percent_done=percent(done_count, total),
        overdue=overdue,
        counts=[Count(s, tally[s.key]) for s in statuses],
    )


def summarise(
    plan_set: PlanSet,
    as_of: date | None = None,
    by: str = "theme",
    since: Earlier | None = None,
) -> Summary:
    """Counts per status, in scale order with zeros, for the plan set and per group;
    with `since`, the counts then and the direction of travel, overall and per theme."""
    if by not in GROUPINGS:
        raise UsageError(f"--by '{by}': use one of {', '.join(GROUPINGS)}")
    if since is not None and by != "theme":
        raise UsageError("--since compares themes: use it without --by")
    when = report_date(plan_set, as_of)
    statuses = report_statuses(plan_set.config.scale)
    done = plan_set.config.scale.done_keys
    actions = plan_set.all_actions()  # counted, and grouped below: no order needed
    overall = _group(None, None, None, actions, statuses, done, when)
    themes = [
        _group(t.id, t.title, t.lead_officer, t.all_actions(), statuses, done, when)
        for t in plan_set.themes
    ]
    if by == "theme":
        groups = themes
    else:
        name_of = lead_officer_of if by == "lead_officer" else (lambda a: a.lead_body)
        grouped: dict[str | None, list[Action]] = {}
        for action in actions:
            grouped.setdefault(name_of(action), []).append(action)
        # Named groups alphabetically, the actions that name none last.
        order = sorted(grouped, key=lambda n: (n is None, (n or "").casefold(), n or ""))
        groups = [
            _group(n, None, n if by == "lead_officer" else None, grouped[n], statuses, done, when)
            for n in order
        ]
    found = Summary(
        title=plan_set.config.title,
        organisation=plan_set.config.organisation,
        as_of=when,
        by=by,
        statuses=statuses,
        total=overall.total,
        done=overall.done,
        percent_done=overall.percent_done,
        outstanding=overall.total - overall.done,
        overdue=overall.overdue,
        counts=overall.counts,
        groups=groups,
        themes=themes,
    )
    if since is not None:
        _add_travel(found, plan_set, *since)
    return found


def _previous(
    rev: str, as_of: date | None, counts: dict[str, int], done: int, statuses: list[ReportStatus]
) -> Previous:
    """Figures then; `counts` are by that revision's status keys, shown in today's columns."""
    total = sum(counts.values())
    shown = [Count(s, counts.get(s.key, 0)) for s in statuses]
    return Previous(rev, as_of, total, done, percent(done, total), shown, counts)


def _add_travel(summary: Summary, plan_set: PlanSet, rev: str, before: PlanSet) -> None:
    from ragplan.reports.since import since

    found = since(plan_set, before, rev)
    then = found.previous
    summary.previous = _previous(rev, then.as_of, then.counts, then.done, summary.statuses)
    summary.direction = found.direction
    for theme, group in zip(plan_set.themes, summary.themes, strict=True):
        travel = found.themes[theme.id]
        done = then.themes_done.get(theme.id, 0)
        group.previous = _previous(rev, then.as_of, travel.previous_counts, done, summary.statuses)
        group.direction = travel.direction


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def leads_match(lead: str | None, wanted: tuple[str, ...]) -> bool:
    """True when `lead`, or one of its '/'-separated names, is one of `wanted`.

    'AD CSC / LSCB Manager' matches 'AD CSC' and 'lscb manager', not 'AD'.
    """
    if lead is None:
        return False
    names = [lead, *lead.split("/")]
    return any(_same_name(name, w) for name in names for w in wanted)


def _check_filters(plan_set: PlanSet, filters: Filters) -> tuple[str, ...]:
    """The --status values as scale keys; UsageError for a status or theme not in the plan."""
    scale = plan_set.config.scale
    keys = []
    for written in filters.statuses:
        key = scale.lookup(written)
        if key is None or key in scale.done_keys:
            choices = ", ".join(k for k in scale.keys if k not in scale.done_keys)
            what = "not a status of the scale" if key is None else "a done status"
            raise UsageError(f"--status '{written}' is {what}; use {choices}")
        keys.append(key)
    theme_ids = {t.id for t in plan_set.themes}
    for theme in filters.themes:
        if theme not in theme_ids:
            raise UsageError(f"--theme '{theme}': no theme has this id")
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
            overdue = _is_overdue(action, done, when)
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
    outstanding.previous = _previous(rev, then.as_of, then.counts, then.done, outstanding.statuses)
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
        file=action.file,
        line=action.line,
        overdue=overdue,
    )
