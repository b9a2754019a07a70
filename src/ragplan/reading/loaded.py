"""A plan set as read: its config and files at once, its model built only when first asked
for, and what is computed from its files alone kept under their digest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

from ragplan.model import Config, PlanSet
from ragplan.problems import Problem
from ragplan.reading.cache import FileCache, cache_dir
from ragplan.reading.sources import Source

T = TypeVar("T")


class Kept(NamedTuple, Generic[T]):
    """A result computed from a plan set's files alone, kept in the cache under their digest:
    `name` (its folder in the cache) and `make(loaded, *args)`, a function declared once at
    module level that reads nothing but the plan set it is given and its text arguments.
    The key of a kept result is therefore the files' digest, the name and the arguments,
    and nothing a caller holds can slip into the answer without being in the key."""

    name: str
    make: Callable[..., T]


class Loaded:
    """A plan set as read, the problems found reading it, and the files read (as shown).

    `digest` is the bytes of every file read, as one digest (None when some file was not
    read through the cache): what the checks of the whole plan set, and what is computed
    from them alone, may be cached under. The model is built from the cache's entries
    when `plan_set` or `problems` is first asked for: a run whose answer is cached under
    the digest (the checks, a summary) never unpickles actions it does not look at.
    """

    def __init__(
        self,
        source: Source,
        config: Config,
        files: list[str],
        digest: bytes | None,
        build: Callable[[], tuple[PlanSet, list[Problem]]],
    ) -> None:
        self.root = source.root
        self.shown = source.shown
        self.config = config
        self.files = files
        self.digest = digest
        self._build: Callable[[], tuple[PlanSet, list[Problem]]] | None = build
        self._made: tuple[PlanSet, list[Problem]] | None = None

    def _model(self) -> tuple[PlanSet, list[Problem]]:
        if self._made is None:
            assert self._build is not None
            self._made = self._build()
            self._build = None  # and with it the reads it kept
        return self._made

    @property
    def plan_set(self) -> PlanSet:
        return self._model()[0]

    @property
    def problems(self) -> list[Problem]:
        return self._model()[1]

    def computed(self, kept: Kept[T], *args: str) -> T:
        """`kept.make(self, *args)`, from the cache when an earlier run made it from the same
        files (`digest`) and `args` with the same ragplan; else made now and stored. Each
        kind of result keeps one entry per plan folder, in its own folder of the cache."""
        if self.digest is None:
            return kept.make(self, *args)
        try:
            cache = FileCache(kept.name, cache_dir() / kept.name)
        except RuntimeError:  # no home folder for the cache: compute afresh
            return kept.make(self, *args)
        key = b"\0".join([self.digest, *(a.encode() for a in args)])
        digest = cache.digest(key)
        found: T | None = cache.get(self.root, self.shown, digest)
        if found is not None:
            return found
        made = kept.make(self, *args)
        cache.put(self.root, self.shown, digest, made)
        return made
