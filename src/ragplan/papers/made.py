"""A paper with its names filled in, ready to put together in any format (no Jinja here:
its types are imported wherever a paper is handled)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Rendered:
    """A part with its names filled in: Markdown, and the reports its `table(...)` calls
    place, each at a line holding only its token."""

    markdown: str
    tables: dict[str, Any] = field(default_factory=dict)


@dataclass
class PaperAppendix:
    letter: str
    name: str
    title: str
    text: Rendered | None
    report: Any


@dataclass
class Paper:
    """A paper ready to put together in any format."""

    title: str
    meeting: str | None
    date: datetime.date | None
    author: str | None
    role: str | None
    contact: str | None
    plan_title: str
    organisation: str | None
    as_of: datetime.date
    cover: Rendered | None
    body: Rendered
    appendices: list[PaperAppendix]
