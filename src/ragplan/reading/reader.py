"""One reader for plan sets: files come from a source (a folder on disk, a git revision,
an edit held in memory); limits, parsing, the model and its order are applied here once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from hashlib import blake2b
from typing import TYPE_CHECKING, Any, TypeVar

from ragplan.errors import UnreadablePathError
from ragplan.model import (
    DEFAULT_MAX_FILE_SIZE_MB,
    Config,
    IndicatorFile,
    PlanSet,
    Scale,
    Theme,
    natural_key,
)
from ragplan.problems import Problem
from ragplan.reading.cache import FileCache
from ragplan.reading.cache import enabled as cache_enabled
from ragplan.reading.loaded import Loaded
from ragplan.reading.sources import Source, SourceFile
from ragplan.rules import reading as rules

T = TypeVar("T")

if TYPE_CHECKING:
    from ragplan.reading.yamlload import Parsed


def read_plan_set(
    source: Source,
    *,
    max_file_size_mb: int | None = None,
    use_cache: bool = True,
    parse_yaml: Callable[[bytes], Parsed] | None = None,
) -> Loaded:
    """Read the plan set `source` offers, collecting every problem found reading it.

    Files on disk already read with the same bytes come from the cache (see
    ragplan.reading.cache) unless `use_cache` is False or RAGPLAN_NO_CACHE is set.
    `parse_yaml` may be a memoised `yamlload.parse`, for files read many times. Every
    file is read, hashed and (when the cache does not hold it) parsed here; what the
    cache holds is unpickled when the model is first asked for (see Loaded).
    """
    files = source.files()
    problems = list(files.problems)
    reader = _Reader(problems, parse_yaml, cache_enabled(use_cache))
    config = Config()
    if files.config is not None:
        limit = max_file_size_mb or DEFAULT_MAX_FILE_SIZE_MB
        data = reader.bytes_of(files.config, limit)
        config = Config(file=files.config.shown)
        if data is not None:
            config = reader.cached(files.config, data, "config", reader.config)
    limit = max_file_size_mb or config.max_file_size_mb
    scale = config.scale
    theme_reads = reader.cached_all(
        files.themes, limit, repr(scale), lambda f, d: reader.theme(f, d, scale)
    )
    indicator_reads = reader.cached_all(files.indicators, limit, "indicators", reader.indicators)
    listed = len(files.themes) + len(files.problems)
    only = getattr(source, "only", None) is not None
    shown = [f.shown for f in ([files.config] if files.config else []) + files.themes]
    digest = None
    if reader.caching and reader.whole and not files.problems:
        every = b"\0".join([*reader.digests, f"{listed}\0{only}\0{limit}".encode()])
        digest = blake2b(every, digest_size=32).digest()

    def build() -> tuple[PlanSet, list[Problem]]:
        themes = []
        for theme in reader.values(theme_reads):
            if theme is not None and _within_action_limit(theme, config, problems):
                themes.append(theme)
        # Each theme's sections and actions were sorted as it was built (and cached).
        themes.sort(key=lambda t: natural_key(t.id))
        indicator_files = [f for f in reader.values(indicator_reads) if f is not None]
        plan_set = PlanSet(
            source.root, config, themes, source.shown, None if only else listed, indicator_files
        )
        return plan_set, problems

    return Loaded(source, config, shown + [f.shown for f in files.indicators], digest, build)


# Plan files larger than this in all (bytes still to parse) are parsed on two cores:
# below it, starting a second process costs about what it saves (benchmarks/README.md).
PARALLEL_BYTES = 1_000_000


def _worth_a_second_core(size: int) -> bool:
    """Whether parsing `size` bytes of YAML gains from a second process: there is a
    second core, the platform forks, the work is large, and RAGPLAN_PROCESSES is not 1."""
    if size < PARALLEL_BYTES or not hasattr(os, "fork"):
        return False
    if os.environ.get("RAGPLAN_PROCESSES", "") == "1":
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except AttributeError:  # no affinity on this platform
        return (os.cpu_count() or 1) >= 2


def _within_action_limit(theme: Theme, config: Config, problems: list[Problem]) -> bool:
    """Checked outside the cache, which does not know the limit a file was read under."""
    limit = config.max_actions_per_file
    count = sum(1 for _ in theme.all_actions())
    if count <= limit:
        return True
    message = (
        f"theme {theme.id} holds {count} actions, over the limit of {limit} per file; "
        "split the theme, or raise max_actions_per_file in ragplan.yaml"
    )
    problems.append(rules.TOO_MANY_ACTIONS.problem(theme.file, theme.line, theme.column, message))
    return False


class _Stored:
    """A file the cache holds an entry for (not yet read), and what is needed to build the
    file again if the entry turns out corrupt or gone."""

    __slots__ = ("build", "context", "digest", "file", "limit_mb")

    def __init__(
        self,
        file: SourceFile,
        digest: bytes,
        limit_mb: int,
        context: str,
        build: Callable[[SourceFile, bytes], Any],
    ) -> None:
        self.file = file
        self.digest = digest
        self.limit_mb = limit_mb
        self.context = context
        self.build = build


class _Reader:
    """Reads files into the model, adding what is wrong to `problems`."""

    def __init__(
        self,
        problems: list[Problem],
        parse_yaml: Callable[[bytes], Parsed] | None,
        caching: bool,
    ) -> None:
        self.problems = problems
        self.parse_yaml = parse_yaml
        self.caching = caching
        self.caches: dict[str, FileCache] = {}
        self.build: Any = None
        self.digests: list[bytes] = []
        self.whole = True  # every file read went through the cache

    def bytes_of(self, file: SourceFile, limit_mb: int) -> bytes | None:
        """The file's bytes, or None when it is over the size limit (a problem)."""
        if file.size > limit_mb * 1_000_000:
            message = (
                f"file is {file.size / 1_000_000:.1f} MB, over the {limit_mb} MB limit; "
                "raise it with max_file_size_mb in ragplan.yaml or --max-file-size"
            )
            self.problems.append(rules.FILE_SIZE.problem(file.shown, 1, 1, message))
            return None
        return file.read()

    def cached(
        self,
        file: SourceFile,
        data: bytes,
        context: str,
        build: Callable[[SourceFile, bytes], T],
    ) -> T:
        """What `build` makes of `data` (and the problems it adds), from the cache if there."""
        made, digest = self._lookup(file, data, context)
        if made is None:
            made = self._built(file, data, context, build, digest)
        value, found = made
        self.problems.extend(found)
        return value  # type: ignore[no-any-return]

    def cached_all(
        self,
        files: list[SourceFile],
        limit_mb: int,
        context: str,
        build: Callable[[SourceFile, bytes], T],
    ) -> list[Any]:
        """Each file read: what `build` makes of it and the problems it adds, or, where the
        cache holds that, where to find it (`values` gives them all, in file order, taking
        the cache's from it only then); (None, []) for a file over the size limit. The
        files the cache does not hold are parsed on two cores when there are enough of
        them to gain (a second process parses half and hands its results back). No
        file's bytes are held longer than it takes to hash or parse them: a file the
        cache does not hold is read again to be parsed, and if it changed in between,
        the plan set is not `whole`."""
        results: list[Any] = []
        hashed: dict[int, bytes | None] = {}  # each file's digest when it was looked up
        missing: list[int] = []
        size = 0
        for at, file in enumerate(files):
            digest = None
            if self.caching and file.path is not None:
                data = self.bytes_of(file, limit_mb)
                if data is None:  # over the limit: said, and not read
                    results.append((None, []))
                    continue
                digest = hashed[at] = self._digest(file, data, context)
            else:
                self.whole = False
            if digest is not None and file.path is not None:
                if self._cache(context).holds(file.path, file.shown, digest):
                    results.append(_Stored(file, digest, limit_mb, context, build))
                    continue
            results.append(None)
            missing.append(at)
            size += file.size
        child = None
        if _worth_a_second_core(size):
            half = len(missing) // 2
            child = self._fork_build(files, missing[half:], limit_mb, context, build)
            if child is not None:
                missing = missing[:half]
        built = {at: self._build_one(files[at], limit_mb, context, build) for at in missing}
        if child is not None:
            built.update(self._collect(child, files, limit_mb, context, build))
        for at, (value, found, digest) in built.items():
            results[at] = value, found
            if digest != hashed.get(at):  # changed since it was looked up
                self.whole = False
        return results

    def values(self, reads: list[Any]) -> list[Any]:
        """The values of `reads` (as cached_all gave them), the cache's from the cache, each
        let go once given; the problems found reading them are added in file order."""
        values = []
        for at, read in enumerate(reads):
            reads[at] = None
            value, found = self._unpickled(read) if isinstance(read, _Stored) else read
            self.problems.extend(found)
            values.append(value)
        return values

    def _unpickled(self, entry: _Stored) -> tuple[Any, list[Problem]]:
        """The cache's entry for a file. One gone or found corrupt since it was looked up
        (a write torn by a crash, another run's) is built again from the file, which must
        still be what was hashed: the digest of the plan set, and what was looked up
        under it, were of those bytes."""
        file = entry.file
        assert file.path is not None and entry.digest is not None
        made: tuple[Any, list[Problem]] | None = self._cache(entry.context).get(
            file.path, file.shown, entry.digest
        )
        if made is not None:
            return made
        value, found, digest = self._build_one(file, entry.limit_mb, entry.context, entry.build)
        if digest != entry.digest:
            raise UnreadablePathError(
                f"{file.shown}: changed while ragplan was reading it; run the command again"
            )
        return value, found

    def _digest(self, file: SourceFile, data: bytes, context: str) -> bytes:
        """The digest the cache keeps `file` under, these being its bytes; noted for the
        digest of the whole plan set."""
        digest = self._cache(context).digest(data)
        self.digests.append(f"{context}\0{file.shown}\0".encode() + digest)
        return digest

    def _lookup(
        self, file: SourceFile, data: bytes, context: str
    ) -> tuple[tuple[Any, list[Problem]] | None, bytes | None]:
        """(value, problems) the cache holds for these bytes of `file`, or None; and the
        bytes' digest (None when the cache is not used)."""
        if not self.caching or file.path is None:
            self.whole = False
            return None, None
        digest = self._digest(file, data, context)
        hit: tuple[Any, list[Problem]] | None = self._cache(context).get(
            file.path, file.shown, digest
        )
        return hit, digest

    def _cache(self, context: str) -> FileCache:
        cache = self.caches.get(context)
        if cache is None:
            cache = self.caches[context] = FileCache(context)
        return cache

    def _built(
        self,
        file: SourceFile,
        data: bytes,
        context: str,
        build: Callable[[SourceFile, bytes], T],
        digest: bytes | None,
    ) -> tuple[T, list[Problem]]:
        """What `build` makes of `data` and the problems it finds, stored in the cache
        under `digest`, the digest of `data` (None: the cache is not used)."""
        start = len(self.problems)
        value = build(file, data)
        found = self.problems[start:]
        del self.problems[start:]
        if digest is not None and file.path is not None:
            self._cache(context).put(file.path, file.shown, digest, (value, found))
        return value, found

    def _build_one(
        self, file: SourceFile, limit_mb: int, context: str, build: Callable[[SourceFile, bytes], T]
    ) -> tuple[T | None, list[Problem], bytes | None]:
        """The file read and built (None when it is over the size limit), the problems
        found, and the digest of the bytes built (None when the cache is not used)."""
        start = len(self.problems)
        data = self.bytes_of(file, limit_mb)
        if data is None:
            found = self.problems[start:]
            del self.problems[start:]
            return None, found, None
        digest = None
        if self.caching and file.path is not None:
            digest = self._cache(context).digest(data)
        value, found = self._built(file, data, context, build, digest)
        return value, found, digest

    def _fork_build(
        self,
        files: list[SourceFile],
        chosen: list[int],
        limit_mb: int,
        context: str,
        build: Callable[[SourceFile, bytes], T],
    ) -> tuple[int, Any, list[int]] | None:
        """A child process building the files `chosen`, each written as it is made to a
        temporary file (so the child holds one file's objects at a time); None if no
        child could be started."""
        import tempfile

        try:
            out = tempfile.TemporaryFile()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:  # no more processes here: this one reads everything
            out.close()
            return None
        if pid:
            return pid, out, chosen
        code = 1
        try:  # the child: build, hand over, and leave without running the parent's exit
            import pickle

            from ragplan.reading.cache import DISPATCH

            with open(out.fileno(), "wb", closefd=False) as handle:
                for at in chosen:  # a pickle per file: the parent reads one at a time
                    pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
                    pickler.dispatch_table = DISPATCH
                    pickler.dump((at, self._build_one(files[at], limit_mb, context, build)))
            code = 0
        finally:
            os._exit(code)

    def _collect(
        self,
        child: tuple[int, Any, list[int]],
        files: list[SourceFile],
        limit_mb: int,
        context: str,
        build: Callable[[SourceFile, bytes], T],
    ) -> dict[int, tuple[T | None, list[Problem], bytes | None]]:
        """The child's results; any it did not hand over are built here."""
        import pickle

        pid, out, chosen = child
        _, status = os.waitpid(pid, 0)
        made: dict[int, tuple[T | None, list[Problem], bytes | None]] = {}
        if status == 0:
            out.seek(0)
            try:
                while True:
                    at, result = pickle.load(out)
                    made[at] = result
            except EOFError:
                pass
        out.close()
        for at in chosen:
            if at not in made:  # the child failed: no answer is lost, only time
                made[at] = self._build_one(files[at], limit_mb, context, build)
        return made

    def _builder(self) -> Any:
        """What turns parsed files into the model, made when a file is not in the cache:
        a run served from the cache imports neither YAML nor the format's declarations."""
        if self.build is None:
            from ragplan.reading.build import Builder

            self.build = Builder(self.problems, self.parse_yaml)
        return self.build

    def config(self, file: SourceFile, data: bytes) -> Config:
        return self._builder().config(file, data)  # type: ignore[no-any-return]

    def theme(self, file: SourceFile, data: bytes, scale: Scale) -> Theme | None:
        return self._builder().theme(file, data, scale)  # type: ignore[no-any-return]

    def indicators(self, file: SourceFile, data: bytes) -> IndicatorFile | None:
        return self._builder().indicators(file, data)  # type: ignore[no-any-return]
