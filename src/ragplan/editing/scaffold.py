"""`ragplan init`: a new plan set with a commented ragplan.yaml, a theme file, an indicator
file and the schemas.

The JSON Schemas go into the plan folder itself (`.schema/`), so editors check
the files offline, against the version of ragplan that wrote them, and nothing
is written outside the folder the user named.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ragplan.editing.schemas import SCHEMA_FOLDER, scale_of
from ragplan.editing.set_action import check_texts, plan_file_names
from ragplan.editing.writer import FileEdit, Written
from ragplan.errors import InvalidEditError, WriteError
from ragplan.files import LOCK_NAME
from ragplan.model import DEFAULT_SCALE
from ragplan.paths import display_path
from ragplan.reading.disk import DiskSource
from ragplan.reading.schema_json import PLAN_SET_SCHEMAS, SCHEMA_FILES, json_schema_text
from ragplan.reading.sources import CONFIG_NAMES, EmptySource

THEME_FILE = "1-leadership-and-governance.yaml"
INDICATOR_FILE = "indicators/board-reporting.yaml"

_CONFIG = """\
# yaml-language-server: $schema={schema}/ragplan-config.schema.json
# ragplan.yaml: settings for the whole plan set. Every key is optional.
# Each other *.yaml file in this folder is one theme of the plan.

# The plan's title and who owns it, as reports name them.
title: Improvement Plan
organisation: Example Council

# The date the statuses describe: reports say "By {month}".
as_of: {as_of}

# The status scale, best first. Actions give one of the keys in `rag`.
# A status marked `done: true` counts as complete (never outstanding).
# `meaning` is the sentence reports use; `colour` is "#rrggbb", quoted.
{scale}
# Plan files larger than this many megabytes are refused (default 10).
max_file_size_mb: 10

# A theme file with more actions than this is refused: split the theme (default 10000).
max_actions_per_file: 10000

# The level of some rules may be set: error, warning or disable. For example, make
# notes on outstanding actions a must, and allow themes that have no actions yet:
rules:
  missing-notes: warning
  empty-theme: warning

# Which reading of the indicators the board sees first: rag (rated against the target)
# or spc (Making Data Count's XmR charts and icons); the other stays beside it.
indicators:
  show: rag
"""

_THEME = """\
# yaml-language-server: $schema={schema}/ragplan-theme.schema.json
# One theme of the plan. Copy this file for each theme (2-....yaml, 3-....yaml).
# Quote every id: unquoted, YAML reads 1.10 as the number 1.1.
id: "1"
title: Leadership and Governance
lead_officer: Director of Children's Services

# Sections group actions; a section id starts with the theme's id.
sections:
  - id: "1.1"
    title: Board Reporting
    actions:
      # An action id starts with its section's id.
      - id: "1.1.1"
        lead_body: Example Council
        summary: Report progress on the plan to the board every month.
        due: {done_due}
        lead_officer: Head of Performance
        rag: green
        notes: Monthly reports started in {month}.
      - id: "1.1.2"
        lead_body: Example Council / Partners
        summary: Agree a shared performance framework with partners.
        due: {later_due}
        lead_officer: AD Performance
        rag: amber
        # Outstanding actions (not done) need notes: boards ask why.
        notes: >-
          A draft framework has been shared with partners; their comments
          are due before the next board.

# Actions directly under the theme, with no section.
actions:
  - id: "1.2"
    summary: Train every team manager in the new case recording standards.
    due: {overdue}
    lead_officer: Workforce Development Manager
    rag: red
    notes: Training dates are not yet set; the trainer post is vacant.
    # Where an action carried over from an earlier plan came from.
    carried_from: Previous Improvement Plan ({previous})
"""


_INDICATORS = """\
# yaml-language-server: $schema=../{schema}/ragplan-indicators.schema.json
# Indicators: measures reported beside the actions. Each file in this indicators/
# folder is one table; `ragplan indicators` shows them, and rates each one that has
# a target green, amber or red, saying why.
title: Board Reporting
indicators:
  - id: reports-on-time
    title: Board reports published on time (%)
    theme: "1"                 # optional: the theme it evidences
    unit: percent              # percent, number, days or currency
    polarity: higher           # higher or lower is better; needed with a target
    target: 90                 # optional; without a target it is shown, not rated
    tolerance: "10%"           # optional amber band: "10%" of the target, or 5 (points)
    values:                    # one per period, in time order, as you write them
      - {{period: Q1, value: 75.0, numerator: 9, denominator: 12}}
      # Counts alone give the value: 11 / 12 = 91.7%.
      - {{period: Q2, numerator: 11, denominator: 12}}
    summaries:                 # optional columns over several periods; from counts
      - {{label: Year to date, from: Q1, to: Q2}}
  - id: days-to-minutes
    title: Days from a board meeting to its published minutes
    theme: "1"
    unit: days
    polarity: lower
    target: 10
    tolerance: 2
    spc:                       # optional: how its XmR chart is read, from 13 values on
      runs: 6                  # points in a row making a shift or a trend: 6 or 7
    values:
      - {{period: Q1, value: 14}}
      - {{period: Q2, value: 11}}
"""


# Written as is but for its date: a paper is Jinja, full of braces str.format would eat.
_PAPER = """\
---
# A board paper. Its figures come from the plan each time it is made, so they are
# never retyped:  ragplan paper board-report -o board.md
# docs/papers.md lists the names it may use; `ragplan validate` checks each one.
title: Improvement Plan Progress Report
meeting: Improvement Board
date: BOARD_DATE
author: Head of Performance
role: Performance and Improvement Team
appendices:
  - name: outstanding
    title: Outstanding Actions
    report: outstanding
  - name: indicators
    title: Indicators
    report: indicators
---
## 1. Purpose

1.1 To update the Board on progress with the {{ plan.title }}.

## 2. Recommendation

2.1 The Board notes the progress made and the actions still outstanding.

## 3. Progress

3.1 By {{ as_of | month }} the status of the {{ counts.total }} actions is as follows:

{% for status in statuses %}
- {{ status_sentence(status.key) }}
{% endfor %}

3.2 {{ appendix("outstanding") }} lists the {{ outstanding | count_words }} outstanding
actions.
{% if counts.overdue %}
{{ counts.overdue | count("action is", "actions are") }} overdue: due before {{ as_of }}.
{% endif %}
{% if actions.red %}

3.3 The red {{ "action" | plural(counts.red) }}:

{% for a in actions.red %}
- {{ a.id }} {{ a.summary }} ({{ a.lead_officer }})
  {%- if a.notes %}: {{ a.notes }}{% endif %}
{% endfor %}
{% endif %}


## 4. Indicators

4.1 {{ appendix("indicators") }} gives the indicators beside the plan.
"""

PAPER_FILE = "papers/board-report.md"


_GITIGNORE = f"""\
# The lock ragplan holds while a command changes these plans; it is not a plan file.
{LOCK_NAME}
"""


def _scale_lines() -> str:
    """The default scale as ragplan.yaml writes it."""
    lines = ["scale:"]
    for status in DEFAULT_SCALE.statuses:
        lines += [f"  - key: {status.key}", f"    label: {status.label}"]
        if status.meaning:
            lines.append(f"    meaning: {status.meaning}")
        if status.done:
            lines.append("    done: true")
        if status.colour:
            lines.append(f'    colour: "{status.colour}"')
    lines += [
        "  # A status that no percentage counts: withdrawn, superseded or merged actions.",
        "  - key: withdrawn",
        "    label: Withdrawn",
        "    meaning: these actions have been withdrawn or superseded",
        "    counts: false",
        '    colour: "#b1b4b6"',
        "    # In a portfolio of plan sets: the status of other scales this one is added to.",
        "    rollup: withdrawn",
    ]
    return "\n".join(lines) + "\n"


def starter_files(as_of: date, scale: tuple[str, ...] | None = None) -> dict[str, str]:
    """The files `ragplan init` writes, by path inside the plan folder; the theme schema
    knows `scale` (the keys of the plan set's scale, else of the one init writes)."""
    values = {
        "schema": SCHEMA_FOLDER,
        "scale": _scale_lines(),
        "as_of": as_of.isoformat(),
        "month": f"{as_of:%B %Y}",
        "done_due": as_of.isoformat(),
        "later_due": (as_of + timedelta(days=91)).isoformat(),
        "overdue": (as_of - timedelta(days=30)).isoformat(),
        "previous": (as_of - timedelta(days=365)).isoformat(),
        "board": (as_of + timedelta(days=14)).isoformat(),
    }
    files = {
        "ragplan.yaml": _CONFIG.format(**values),
        THEME_FILE: _THEME.format(**values),
        INDICATOR_FILE: _INDICATORS.format(**values),
        PAPER_FILE: _PAPER.replace("BOARD_DATE", values["board"]),
        ".gitignore": _GITIGNORE,
    }
    keys = scale or tuple(re.findall(r"^  - key: (\S+)$", values["scale"], re.MULTILINE))
    for record in PLAN_SET_SCHEMAS:
        files[f"{SCHEMA_FOLDER}/{SCHEMA_FILES[record]}"] = json_schema_text(record, keys)
    return files


def init_plan_set(
    folder: Path, as_of: date, force: bool = False, schemas_only: bool = False
) -> Written:
    """The files of a new plan set in `folder`, as they are and would be; nothing is
    written (see writer.commit).

    Refuses when a file it would write exists and `force` is not given, and, even
    with `force`, in a folder that holds theme files of its own: the starter theme
    would sit among them and could take an id they use. What it would leave is
    checked first: nothing is written that would not validate. Nothing is outside
    `folder`. With `schemas_only`, only the generated schemas, which are always safe
    to replace.
    """
    files = starter_files(as_of, scale_of(folder) if schemas_only else None)
    if schemas_only:
        files = {k: v for k, v in files.items() if k.startswith(f"{SCHEMA_FOLDER}/")}
        force = True
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"{display_path(folder)}: not a folder")
    for name in sorted({n.rpartition("/")[0] for n in files if "/" in n}):
        inner = folder / name
        if inner.is_symlink() or (inner.exists() and not inner.is_dir()):
            raise WriteError(f"{display_path(inner)}: not a folder inside the plan folder")
    theirs = sorted(n for n in plan_file_names(folder) - set(files) if n not in CONFIG_NAMES)
    if theirs and not schemas_only:
        shown = display_path(folder)
        raise WriteError(
            f"{shown} already holds a plan set ({len(theirs)} theme "
            f"{'file' if len(theirs) == 1 else 'files'}, such as {theirs[0]}); init starts a "
            f"new one: name an empty folder, or refresh the schemas with "
            f"'ragplan init --schemas-only {shown}'"
        )
    paths = [folder / name for name in files]
    existing = [display_path(p) for p in paths if p.exists() or p.is_symlink()]
    if existing and not force:
        raise WriteError(
            f"{', '.join(existing)} already {'exists' if len(existing) == 1 else 'exist'}; "
            "use {force} to overwrite",
            mentions=("force",),
        )
    texts = {name: text.encode("utf-8") for name, text in files.items()}
    if not schemas_only:
        base = DiskSource(folder) if folder.is_dir() else EmptySource(folder, display_path(folder))
        errors = [p for p in check_texts(base, texts) if p.level == "error"]
        if errors:
            raise InvalidEditError(errors)
    return Written(
        [
            FileEdit(path, path.read_bytes() if path.is_file() else None, texts[name])
            for name, path in zip(files, paths, strict=True)
        ]
    )


@dataclass(frozen=True)
class PreCommitHook:
    """What `.pre-commit-config.yaml` needs to validate the plan set at `folder`."""

    folder: str  # the plan folder, relative to the repository root

    @property
    def files_pattern(self) -> str:
        if self.folder == ".":
            return r"^((indicators/)?[^/]+\.ya?ml|papers/[^/]+\.md)$"
        return rf"^{re.escape(self.folder)}/(.*\.ya?ml|papers/[^/]+\.md)$"

    @property
    def snippet(self) -> str:
        pattern = self.files_pattern.replace("'", "''")
        return (
            "repos:\n"
            "  - repo: local\n"
            "    hooks:\n"
            "      - id: ragplan-validate\n"
            "        name: ragplan validate\n"
            f"        entry: ragplan validate {shlex.quote(self.folder)}\n"
            "        language: system\n"
            f"        files: '{pattern}'\n"
            "        pass_filenames: false\n"
        )


def pre_commit_hook(folder: Path) -> PreCommitHook:
    """The hook for `folder`, with paths relative to the git repository holding it."""
    absolute = Path(os.path.abspath(folder))
    root = next((p for p in (absolute, *absolute.parents) if (p / ".git").exists()), Path.cwd())
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        relative = display_path(folder)
    return PreCommitHook(relative)


def next_steps(folder: Path) -> str:
    """What to do after `ragplan init`, with the pre-commit snippet for this plan folder."""
    shown = display_path(folder)
    arg = shlex.quote(shown)
    hook = pre_commit_hook(folder)
    snippet = "".join(f"    {line}\n" for line in hook.snippet.splitlines())
    return (
        "Next steps:\n"
        f"  1. Edit {shown}/ragplan.yaml and {shown}/{THEME_FILE};\n"
        "     copy the theme file for each theme of your plan. Measures with\n"
        f"     targets go in {shown}/{INDICATOR_FILE} (or delete it).\n"
        f"     The board paper {shown}/{PAPER_FILE} takes its figures from the plan:\n"
        f"     ragplan paper {shlex.quote(shown + '/' + PAPER_FILE)} -o board.md\n"
        f"  2. Check the plan set:  ragplan validate {arg}\n"
        f"  3. Report on it:        ragplan summary {arg}\n"
        "  4. Check every commit: add this to .pre-commit-config.yaml at the root\n"
        "     of your repository, then run `pre-commit install`:\n\n"
        f"{snippet}\n"
        "  5. Check every pull request: run `ragplan validate` in CI; under GitHub\n"
        "     Actions problems show as annotations on the pull request.\n"
        f"Editors with the YAML language server check the files as you type, against\n"
        f"the schemas in {shown}/{SCHEMA_FOLDER}/ (refresh them after upgrading ragplan\n"
        "with `ragplan init --schemas-only`)."
    )
