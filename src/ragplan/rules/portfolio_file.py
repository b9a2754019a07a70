"""A portfolio file names each member once, each by a plan folder (path) or a git repository
(git, with rev and plans only beside it), and lists at least one member."""

from __future__ import annotations

from ragplan.problems import Rule

RULE = Rule("portfolio", "error", " ".join(__doc__.split()))
