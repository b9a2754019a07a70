"""Board papers: Markdown files in a plan set's papers/ folder whose figures come from the
plan.

`source` reads a paper (front matter, narrative, cover and appendix files), `names`
gives the data its text may name, `render` fills the names in, in Jinja's sandbox, and
`document` puts the paper together for a format. `ragplan paper` renders one;
`ragplan validate` checks every paper of a plan set.
"""

from __future__ import annotations

PAPERS = "papers"  # the sub-folder of a plan folder that holds its papers
