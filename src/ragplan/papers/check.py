"""Finding a plan set's papers, making one, and checking them all (for `validate`)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ragplan.errors import InvalidPaperError, UnreadablePathError, UsageError
from ragplan.model import PlanSet
from ragplan.papers import PAPERS
from ragplan.papers.made import Paper
from ragplan.papers.names import nearest
from ragplan.paths import display_path
from ragplan.problems import Problem
from ragplan.reading.disk import find_plan_set, links_out
from ragplan.reading.loaded import Kept, Loaded
from ragplan.rules.reading import symlink_problem


def is_paper(path: Path) -> bool:
    """A Markdown file that starts with front matter ('---'); the other Markdown files of
    papers/ are the covers and appendix texts papers name."""
    if path.suffix.lower() != ".md" or not path.is_file() or path.name.startswith("."):
        return False
    try:
        with path.open("rb") as f:
            start = f.read(8)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").startswith(b"---")


def list_papers(plan_root: Path) -> list[Path]:
    """The papers of the plan set in `plan_root`, by name."""
    folder = plan_root / PAPERS
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if is_paper(p)), key=lambda p: p.name)


def find_paper(name: Path | None, plans: Path | None) -> tuple[Path, Path]:
    """The paper to make and the plan folder it reports on."""
    if plans is not None and not plans.is_dir():
        raise UnreadablePathError(f"{display_path(plans)}: no such folder", field="plans")
    if name is not None and name.is_file():
        if plans is not None:
            return name, plans
        here = name.absolute().parent
        if here.name == PAPERS:
            return name, here.parent
        return name, find_plan_set(here)
    root = plans or find_plan_set()
    papers = list_papers(root)
    where = display_path(root / PAPERS)
    names = [p.name for p in papers]
    if name is None:
        if len(papers) == 1:
            return papers[0], root
        if not papers:
            raise UnreadablePathError(
                f"{where} holds no paper: write one (docs/papers.md), or start from the "
                "one `ragplan init` makes"
            )
        raise UsageError(f"{where} holds {len(papers)} papers: name one of {', '.join(names)}")
    for candidate in (root / PAPERS / name.name, root / PAPERS / f"{name.name}.md"):
        if candidate in papers:
            return candidate, root
    hint = nearest(name.name, names).replace("the names there are", "the papers are")
    if not names:
        hint = f"; {where} holds no paper"
    raise UnreadablePathError(f"{display_path(name)}: no such paper{hint}")


def make_paper(path: Path, plan_set: PlanSet, as_of: date | None = None) -> Paper:
    """The paper at `path` with the plan's figures; InvalidPaperError with its problems."""
    from ragplan.papers.render import paper_problems
    from ragplan.papers.source import read_paper

    if _linked_out(path, plan_set.root):
        raise InvalidPaperError([symlink_problem(display_path(path))], display_path(path))
    source = read_paper(path, plan_set.config.max_file_size_mb)
    made, problems = paper_problems(source, plan_set, as_of)
    if made is None:
        raise InvalidPaperError(problems, source.file)
    return made


def papers_checked(loaded: Loaded) -> tuple[list[Problem], list[Path]]:
    """What `validate` adds for a valid plan folder: the problems of its papers, and the
    papers it checked."""
    return check_papers(loaded), list_papers(loaded.root)


def check_papers(loaded: Loaded) -> list[Problem]:
    """Every problem of every paper of the plan set `loaded`. The verdict of an earlier
    run on the same plan files (Loaded.computed), paper folder and day is reused, so a
    warm run neither parses nor renders, nor builds the plan set's model."""
    papers = list_papers(loaded.root)
    if not papers:  # the usual plan set: Jinja is not even imported
        return []

    key = _papers_key(loaded)
    return _checked(loaded) if key is None else loaded.computed(CHECKED_PAPERS, key)


def _checked(loaded: Loaded, key: str = "") -> list[Problem]:
    from ragplan.papers.render import paper_problems
    from ragplan.papers.source import read_paper

    found: list[Problem] = []
    for path in list_papers(loaded.root):
        if _linked_out(path, loaded.root):
            found.append(symlink_problem(display_path(path)))
            continue
        source = read_paper(path, loaded.config.max_file_size_mb)
        found += paper_problems(source, loaded.plan_set)[1]
    return found


# The papers' verdict: `key` (see _papers_key) names every file of the papers folder.
CHECKED_PAPERS = Kept("checked papers", _checked)


def _papers_key(loaded: Loaded) -> str | None:
    """What the papers' verdict depends on besides the plan files: today's date (a paper
    without a date is checked as of today) and every file in its papers folder (a paper
    names only files inside it), by name and bytes. None when a file there is unreadable
    or over the limit: checked afresh."""
    from hashlib import blake2b

    folder = loaded.root / PAPERS
    every = blake2b(date.today().isoformat().encode(), digest_size=32)
    limit = loaded.config.max_file_size_mb * 1024 * 1024
    try:  # os.walk: a link to a folder is not followed, so a loop of links is no trap
        for parent, folders, names in os.walk(folder):
            folders.sort()
            for name in sorted(names):
                path = Path(parent, name)
                if not path.is_file():
                    continue
                if path.stat().st_size > limit:
                    return None  # not read whole on every run
                every.update(b"\0" + str(path.relative_to(folder)).encode() + b"\0")
                every.update(blake2b(path.read_bytes(), digest_size=32).digest())
    except OSError:
        return None
    return every.hexdigest()


def _linked_out(paper: Path, plan_root: Path) -> bool:
    """A paper of the plan folder that a symlink takes out of it: never read, as no plan
    file is. A paper named from elsewhere on the command line is the user's own."""
    inside = paper.absolute().is_relative_to(plan_root.absolute())
    return inside and links_out(paper, plan_root)


def made_line(path: Path, paper: Paper) -> str:
    """What `paper --check` says of a paper that can be made."""
    from ragplan.output.wording import long_date, plural

    tables = sum(len(p.tables) for p in (paper.cover, paper.body) if p is not None)
    tables += sum(len(a.text.tables) for a in paper.appendices if a.text is not None)
    parts = [
        f"{len(paper.appendices)} {plural('appendix', len(paper.appendices), 'appendices')}",
        f"{tables} {plural('table', tables)} in its text",
    ]
    return (
        f"{display_path(path)}: the paper can be made ({', '.join(parts)}), with figures "
        f"as of {long_date(paper.as_of)}"
    )
