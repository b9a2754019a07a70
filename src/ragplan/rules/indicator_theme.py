"""An indicator's theme is the id of a theme of the plan set."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ragplan.model import PlanSet, natural_key
from ragplan.problems import Problem, Rule

RULE = Rule("indicator-theme", "error", __doc__)


def check(plan_set: PlanSet) -> Iterator[Problem]:
    if plan_set.theme_files is None:  # only some files were read: other themes may exist
        return
    themes = sorted({t.id for t in plan_set.themes}, key=natural_key)
    for indicator in plan_set.indicators:
        if indicator.theme is None or indicator.theme in themes:
            continue
        close = difflib.get_close_matches(indicator.theme, themes, n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        if not hint:
            hint = f"the themes are {', '.join(themes)}" if themes else "there are no themes"
        line, column = indicator.marks["theme"]
        yield RULE.problem(
            indicator.file,
            line,
            column,
            f"indicator {indicator.id}: no theme has the id '{indicator.theme}'; {hint}",
        )
