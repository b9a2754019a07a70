"""A board paper has front matter with a title, its cover and appendix files exist next to
it, and every name its text uses is data the plan set has (a misspelt or stale name fails
here, in CI, rather than leaving a blank in the paper)."""

from __future__ import annotations

from ragplan.problems import Rule

RULE = Rule("paper", "error", " ".join(__doc__.split()))
