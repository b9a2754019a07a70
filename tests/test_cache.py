"""The cache of read theme files: never stale, safe when shared, and never in the way."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree

import ragplan.reading.build
import ragplan.reading.reader
from ragplan.plansets import load_valid, validate
from ragplan.reading import cache
from ragplan.reading.disk import DiskSource
from ragplan.reading.reader import read_plan_set
from ragplan.reading.yamlload import Parsed

THEME = """
    id: "1"
    title: Safeguarding
    actions:
      - id: "1.1"
        summary: Audit case files.
        rag: green
      - id: "1.2"
        summary: Train staff.
        rag: red
        notes: Trainer not yet found.
"""


@pytest.fixture
def plans(in_tmp: Path) -> Path:
    return write_tree(in_tmp / "plans", {"1.yaml": THEME})


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every YAML text the loader parses, in order."""
    seen: list[bytes] = []
    real = ragplan.reading.build.parse

    def counting(data: bytes) -> Parsed:
        seen.append(data)
        return real(data)

    monkeypatch.setattr(ragplan.reading.build, "parse", counting)
    return seen


def rags(plans: Path, use_cache: bool = True) -> dict[str, str]:
    return {a.id: a.rag for a in load_valid(plans, use_cache=use_cache).actions()}


def entries(cache_home: Path) -> list[Path]:
    """The cache's entries for files (the checks of whole plan sets are in checked/)."""
    folder = cache_home / "ragplan"
    return sorted(folder.glob("*.pickle")) if folder.exists() else []


def test_an_unchanged_file_is_read_from_the_cache(plans: Path, parses: list[bytes]) -> None:
    first = rags(plans)
    assert len(parses) == 1
    parses.clear()
    assert rags(plans) == first == {"1.1": "green", "1.2": "red"}
    assert parses == []


def test_an_edit_in_the_same_second_with_the_same_size_is_seen(
    plans: Path, parses: list[bytes]
) -> None:
    theme = plans / "1.yaml"
    assert rags(plans)["1.1"] == "green"
    before = theme.stat()
    text = (
        theme.read_text()
        .replace("rag: green", "rag: amber", 1)
        .replace("Audit case files.", "Audit case notes.")
    )
    theme.write_text(text)
    os.utime(theme, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = theme.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    plan_set = load_valid(plans)
    assert {a.id: (a.rag, a.summary) for a in plan_set.actions()}["1.1"] == (
        "amber",
        "Audit case notes.",
    )


def test_an_edited_config_in_the_same_second_is_seen(plans: Path, parses: list[bytes]) -> None:
    config = plans / "ragplan.yaml"
    config.write_text("title: Plan A\n")
    assert read_plan_set(DiskSource(plans)).plan_set.config.title == "Plan A"
    before = config.stat()
    config.write_text("title: Plan B\n")
    os.utime(config, ns=(before.st_atime_ns, before.st_mtime_ns))
    parses.clear()
    assert read_plan_set(DiskSource(plans)).plan_set.config.title == "Plan B"
    assert parses == [b"title: Plan B\n"]  # the unchanged theme came from the cache


def test_a_changed_scale_is_not_served_from_entries_made_with_the_old_one(plans: Path) -> None:
    write_tree(plans, {"1.yaml": THEME.replace("rag: red", "rag: RED")})
    assert rags(plans)["1.2"] == "red"  # matched to the default scale's key
    write_tree(plans, {"ragplan.yaml": "scale:\n  - {key: green, done: true}\n  - {key: late}\n"})
    actions = read_plan_set(DiskSource(plans)).plan_set.actions()
    assert [a.rag for a in actions] == ["green", "RED"]  # no longer a key of the scale


def test_problems_found_in_a_file_come_back_from_the_cache(plans: Path) -> None:
    write_tree(plans, {"2.yaml": 'id: "2"\ncolour: blue\nactions:\n  - id: 2.10\n'})
    first = validate([plans]).problems
    assert {p.rule for p in first} == {"unknown-key", "id-type", "missing-field"}
    assert validate([plans]).problems == first


@pytest.mark.parametrize("how", ["option", "env"])
def test_no_cache_neither_reads_nor_writes_the_cache(
    plans: Path, parses: list[bytes], cache_home: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    args = ["--no-cache", "validate", plans] if how == "option" else ["validate", plans]
    if how == "env":
        monkeypatch.setenv("RAGPLAN_NO_CACHE", "1")
    assert run_cli(*args).code == 0
    assert entries(cache_home) == []
    monkeypatch.delenv("RAGPLAN_NO_CACHE", raising=False)
    assert run_cli("validate", plans).code == 0  # fills the cache
    assert len(entries(cache_home)) == 1
    if how == "env":
        monkeypatch.setenv("RAGPLAN_NO_CACHE", "1")
    parses.clear()
    assert run_cli(*args).code == 0
    assert len(parses) == 1


def test_ragplan_no_cache_0_leaves_the_cache_on(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAGPLAN_NO_CACHE", "0")
    assert cache.enabled()
    monkeypatch.setenv("RAGPLAN_NO_CACHE", "yes")
    assert not cache.enabled()
    assert not cache.enabled(use_cache=False)


def test_corrupt_entries_are_ignored_and_replaced(
    plans: Path, parses: list[bytes], cache_home: Path
) -> None:
    expected = rags(plans)
    (entry,) = entries(cache_home)
    digest = entry.read_bytes()[:32]
    for garbage in (b"", b"not a pickle", digest, digest + b"\x80\x05garbage", digest[:-1]):
        entry.write_bytes(garbage)
        parses.clear()
        assert rags(plans) == expected
        assert len(parses) == 1
    parses.clear()
    assert rags(plans) == expected
    assert parses == []  # the last read wrote a good entry again


def test_an_entry_for_other_bytes_is_not_used(plans: Path, cache_home: Path) -> None:
    """Even an entry that unpickles is refused when its digest is not the file's."""
    rags(plans)
    (entry,) = entries(cache_home)
    stored = entry.read_bytes()
    write_tree(plans, {"1.yaml": THEME.replace("Train staff.", "Hire trainer.")})
    entry.write_bytes(stored)
    assert [a.summary for a in load_valid(plans).actions()][1] == "Hire trainer."


def test_a_cache_folder_that_cannot_be_made_means_no_cache(
    plans: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    run = run_cli("validate", "--format", "standard", plans)
    assert (run.code, run.err) == (0, "")
    assert "1 file, 2 actions: 0 errors, 0 warnings" in run.out
    assert rags(plans) == {"1.1": "green", "1.2": "red"}


def test_no_home_folder_means_no_cache(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    run = run_cli("validate", plans)
    assert (run.code, run.out, run.err) == (0, "", "")
    assert rags(plans) == {"1.1": "green", "1.2": "red"}


@pytest.mark.parametrize(
    "code", [errno.ENOSPC, errno.EROFS, errno.EACCES], ids=["full", "read-only", "denied"]
)
def test_a_full_or_read_only_disk_means_no_cache(
    plans: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    class FailingFile:
        def __init__(self, fd: int, mode: str) -> None:
            self.real = os.fdopen(fd, mode)

        def __enter__(self) -> FailingFile:
            return self

        def __exit__(self, *exc: object) -> None:
            self.real.close()

        def write(self, data: bytes) -> int:
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(cache.os, "fdopen", FailingFile)
    run = run_cli("validate", "--format", "standard", plans)
    assert (run.code, run.err) == (0, "")
    assert "0 errors, 0 warnings" in run.out
    assert rags(plans) == {"1.1": "green", "1.2": "red"}
    assert entries(cache_home) == []  # no entry, and no temporary file left behind


def test_a_read_only_cache_folder_is_read_but_not_written(
    plans: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rags(plans)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    write_tree(plans, {"1.yaml": THEME.replace("rag: red", "rag: amber")})
    assert rags(plans) == {"1.1": "green", "1.2": "amber"}
    assert run_cli("validate", plans).code == 0


def test_threads_writing_one_entry_at_once_leave_a_whole_one(plans: Path) -> None:
    shown = "plans/1.yaml"
    store = cache.FileCache("scale")
    values = [("value", n, "x" * 50_000) for n in range(8)]
    digest = store.digest(b"bytes")
    start = threading.Barrier(len(values))
    seen: list[object] = []

    def writer(value: object) -> None:
        start.wait()
        for _ in range(20):
            store.put(plans / "1.yaml", shown, digest, value)
            seen.append(store.get(plans / "1.yaml", shown, digest))

    threads = [threading.Thread(target=writer, args=(v,)) for v in values]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(v in values for v in seen)
    assert store.get(plans / "1.yaml", shown, digest) in values
    assert [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_two_processes_filling_the_cache_at_once_both_succeed(cache_home: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    command = [sys.executable, "-m", "ragplan", "validate", "--format", "parsable"]
    for _ in range(2):
        runs = [
            subprocess.Popen(
                [*command, str(EXAMPLE_PLANS)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        for run in runs:
            out, err = run.communicate(timeout=60)
            assert (run.returncode, out, err) == (0, b"", b"")
    assert len(entries(cache_home)) == 8  # six theme files, ragplan.yaml, one indicator file
    assert not any(p.name.endswith(".tmp") for p in entries(cache_home))
    assert validate([EXAMPLE_PLANS]).actions == 162


def _described(plans: Path, use_cache: bool) -> list[tuple[object, ...]]:
    plan_set = read_plan_set(DiskSource(plans), use_cache=use_cache).plan_set
    rows: list[tuple[object, ...]] = [(t.id, t.title, t.file, t.line) for t in plan_set.themes]
    for action in plan_set.actions():
        fields = [getattr(action, name) for name in action.__slots__ if name != "theme"]
        section = action.section.id if action.section else None
        rows.append((*fields[:-1], action.theme.id, section))
        assert action in action.theme.all_actions()
    for file in plan_set.indicator_files:
        rows.append((file.title, file.file))
        for indicator in file.indicators:
            values = [(v.period, v.value, v.numerator, v.denominator) for v in indicator.values]
            summaries = [(s.label, s.start, s.end, s.value) for s in indicator.summaries]
            rows.append((indicator.id, indicator.title, indicator.target, indicator.line))
            rows.append((*values, *summaries, indicator.marks))
    return rows


def test_a_plan_set_from_the_cache_is_the_one_read_from_the_files(in_tmp: Path) -> None:
    plans = in_tmp / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    read = _described(plans, use_cache=False)
    assert ("Timeliness", "plans/indicators/timeliness.yaml") in read
    assert _described(plans, use_cache=True) == read  # fills the cache
    assert _described(plans, use_cache=True) == read  # reads it


def test_an_edited_ragplan_never_reads_entries_written_by_the_old_one(
    plans: Path, parses: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    rags(plans)
    parses.clear()
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: "schema.py:1:2")
    rags(plans)
    assert len(parses) == 1


def test_compiled_templates_are_kept_and_recompiled_when_the_template_changes(
    plans: Path, cache_home: Path
) -> None:
    (plans / "templates").mkdir()
    template = plans / "templates" / "summary.md.j2"
    template.write_text("first {{ total }}\n", encoding="utf-8")
    assert run_cli("summary", plans, "-f", "md").out == "first 2\n"
    kept = list((cache_home / "ragplan" / "templates").iterdir())
    assert len(kept) == 1
    # Same size, same second: the bytecode is keyed on the source, so the edit shows.
    template.write_text("again {{ total }}\n", encoding="utf-8")
    assert run_cli("summary", plans, "-f", "md").out == "again 2\n"


def test_templates_render_when_the_cache_folder_cannot_be_written(
    plans: Path, cache_home: Path
) -> None:
    (cache_home / "ragplan").mkdir()
    (cache_home / "ragplan" / "templates").write_text("a file where a folder should be")
    run = run_cli("summary", plans, "-f", "md")
    assert run.code == 0 and "2 actions" in run.out


def test_no_cache_compiles_templates_afresh(plans: Path, cache_home: Path) -> None:
    assert run_cli("--no-cache", "summary", plans, "-f", "md").code == 0
    assert not (cache_home / "ragplan" / "templates").exists()


def test_the_checks_of_an_unchanged_plan_set_come_from_the_cache(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ragplan.rules.registry as registry

    runs: list[int] = []
    real = registry.check_plan_set

    def counting(plan_set: Any) -> Any:
        runs.append(1)
        return real(plan_set)

    monkeypatch.setattr(registry, "check_plan_set", counting)
    first = validate([plans]).problems
    assert validate([plans]).problems == first and len(runs) == 1  # the second: cached
    theme = plans / "1.yaml"
    theme.write_text(theme.read_text().replace("rag: red", "rag: purple"))
    changed = validate([plans]).problems
    assert len(runs) == 2 and [p.rule for p in changed] == ["unknown-status"]
    assert validate([plans], use_cache=False).problems == changed and len(runs) == 3


def _many_themes(root: Path, broken: bool = False) -> Path:
    files = {
        f"{n}.yaml": THEME.replace('id: "1"', f'id: "{n}"').replace('"1.', f'"{n}.')
        for n in range(1, 13)
    }
    if broken:  # problems in files parsed by each process
        files["2.yaml"] = files["2.yaml"].replace("rag: red", "rag: purple")
        files["11.yaml"] = files["11.yaml"].replace("rag: red", "rag: mauve")
    return write_tree(root, files)


@pytest.mark.parametrize("caching", [True, False])
def test_two_processes_read_what_one_reads(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, caching: bool, cache_home: Path
) -> None:
    import ragplan.reading.reader as reader_module

    plans = _many_themes(in_tmp / "plans", broken=True)
    monkeypatch.setenv("RAGPLAN_PROCESSES", "1")
    alone = validate([plans], use_cache=caching)
    monkeypatch.delenv("RAGPLAN_PROCESSES")
    monkeypatch.setattr(reader_module, "PARALLEL_BYTES", 1)  # fork for this small set
    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counting_fork)
    shutil.rmtree(cache_home / "ragplan", ignore_errors=True)
    both = validate([plans], use_cache=caching)
    assert forks == [1]
    assert both.problems == alone.problems
    assert [p.rule for p in both.problems] == ["unknown-status", "unknown-status"]
    assert both.actions == alone.actions == 24
    if caching:  # the second process filled the cache for its files too
        warm = validate([plans])
        assert warm.problems == alone.problems and forks == [1]


def test_without_a_second_process_one_reads_everything(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ragplan.reading.reader as reader_module

    plans = _many_themes(in_tmp / "plans")
    expected = [a.id for a in load_valid(plans, use_cache=False).actions()]
    monkeypatch.setattr(reader_module, "PARALLEL_BYTES", 1)

    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", no_fork)
    assert [a.id for a in load_valid(plans, use_cache=False).actions()] == expected


def test_a_file_changed_between_its_lookup_and_its_parse_is_never_cached_as_the_old(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the cache does not hold is hashed, then read again to be parsed (its bytes
    are not kept in between). If someone saves it in between, the report is of the new
    bytes, and the whole plan set's checks are not stored under the old bytes' digest."""
    plans = _many_themes(in_tmp / "plans")
    target = plans / "3.yaml"
    reads: list[str] = []
    real = ragplan.reading.reader._Reader.bytes_of

    def saved_meanwhile(self: Any, file: Any, limit: int) -> bytes | None:
        if file.path == target:
            reads.append(file.shown)
            if len(reads) == 2:  # the read to parse: someone saved the file just before
                target.write_text(target.read_text().replace("rag: red", "rag: green"))
        return real(self, file, limit)  # type: ignore[no-any-return]

    monkeypatch.setattr(ragplan.reading.reader._Reader, "bytes_of", saved_meanwhile)
    loaded = read_plan_set(DiskSource(plans))
    assert len(reads) == 2
    theme = next(t for t in loaded.plan_set.themes if t.id == "3")
    assert "red" not in {a.rag for a in theme.all_actions()}  # the new bytes
    assert loaded.digest is None  # so no checks are cached for the set as first hashed
    monkeypatch.undo()
    again = read_plan_set(DiskSource(plans))
    assert again.digest is not None
    assert "red" not in {
        a.rag for t in again.plan_set.themes if t.id == "3" for a in t.all_actions()
    }


def _summaries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The `by` of every summary computed (not taken from the cache), in order."""
    import ragplan.reports.summary as summary_module

    made: list[str] = []
    real = summary_module.summarise

    def counting(plan_set: Any, as_of: Any = None, by: str = "theme", since: Any = None) -> Any:
        made.append(by)
        return real(plan_set, as_of, by, since)

    monkeypatch.setattr(summary_module, "summarise", counting)
    return made


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The plan sets whose model was built (their folders, as shown), in order."""
    from ragplan.reading.loaded import Loaded

    built: list[str] = []
    real = Loaded._model

    def counting(self: Loaded) -> Any:
        if self._made is None:
            built.append(self.shown)
        return real(self)

    monkeypatch.setattr(Loaded, "_model", counting)
    return built


def test_a_warm_summary_comes_from_the_cache_without_building_the_plan_set(
    plans: Path, monkeypatch: pytest.MonkeyPatch, builds: list[str]
) -> None:
    from ragplan.plansets import read_valid, summary_of

    made = _summaries(monkeypatch)
    first = summary_of(read_valid(plans))
    assert made == ["theme"] and len(builds) == 1
    again = summary_of(read_valid(plans))
    assert again == first and made == ["theme"] and len(builds) == 1  # not even unpickled
    assert (again.total, again.done, [c.count for c in again.counts]) == (2, 1, [1, 0, 1])
    assert summary_of(read_valid(plans, use_cache=False)) == first and len(builds) == 2


def test_a_warm_validate_counts_without_building_the_plan_set(
    plans: Path, builds: list[str]
) -> None:
    first = validate([plans])
    assert len(builds) == 1
    again = validate([plans])
    assert (again.problems, again.files, again.actions) == ([], 1, 2) and len(builds) == 1
    (plans / "2.yaml").write_text(THEME.replace('"1', '"2'), encoding="utf-8")
    assert (validate([plans]).files, validate([plans]).actions) == (2, 4)
    assert first.actions == 2 and len(builds) == 2


def test_a_cached_summary_is_never_stale(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each thing a summary depends on makes a new one: the files' bytes (an edit in the
    same second, of the same size), ragplan.yaml, the grouping and the report date."""
    from datetime import date

    from ragplan.plansets import read_valid, summary_of

    made = _summaries(monkeypatch)
    assert [c.count for c in summary_of(read_valid(plans)).counts] == [1, 0, 1]
    theme = plans / "1.yaml"
    size = theme.stat().st_size
    theme.write_text(theme.read_text().replace("rag: green", "rag: amber"), encoding="utf-8")
    assert theme.stat().st_size == size
    assert [c.count for c in summary_of(read_valid(plans)).counts] == [0, 1, 1]
    (plans / "ragplan.yaml").write_text("title: Renamed plan\n", encoding="utf-8")
    assert summary_of(read_valid(plans)).title == "Renamed plan"
    by_lead = summary_of(read_valid(plans), by="lead_body")
    assert [g.id for g in by_lead.groups] == [None]
    theme.write_text(
        theme.read_text().replace(
            "summary: Train staff.", "summary: Train staff.\n    due: 2010-06-01"
        ),
        encoding="utf-8",
    )
    assert summary_of(read_valid(plans), date(2010, 5, 1)).overdue == 0
    assert summary_of(read_valid(plans), date(2010, 7, 1)).overdue == 1
    assert made == ["theme", "theme", "theme", "lead_body", "theme", "theme"]
    assert summary_of(read_valid(plans), date(2010, 7, 1)).overdue == 1
    assert len(made) == 6  # the same again: from the cache


def test_a_corrupt_entry_of_a_file_saved_since_it_was_hashed_is_an_error(
    plans: Path, cache_home: Path
) -> None:
    """The cache's entries are unpickled only when the model is needed. If one then turns
    out corrupt and its file has changed since it was hashed, the plan set read so far is
    of bytes no longer there: the command stops and says to run it again."""
    from ragplan.errors import UnreadablePathError

    rags(plans)
    (entry,) = entries(cache_home)
    entry.write_bytes(entry.read_bytes()[:32] + b"\x80\x05garbage")
    loaded = read_plan_set(DiskSource(plans))
    theme = plans / "1.yaml"
    theme.write_text(theme.read_text().replace("rag: red", "rag: amber"), encoding="utf-8")
    with pytest.raises(UnreadablePathError, match="1.yaml: changed while ragplan was reading"):
        loaded.plan_set  # noqa: B018


@pytest.mark.parametrize(
    "args",
    [
        ["-f", "text"],
        ["-f", "md"],
        ["-f", "html"],
        ["-f", "json"],
        ["-f", "csv"],
        ["--by", "lead_officer"],
    ],
    ids=lambda args: "".join(args),
)
def test_a_summary_from_the_cache_prints_as_one_made_afresh(
    args: list[str], cache_home: Path
) -> None:
    """The example plans (with indicators, so the kept summary holds their ratings) in
    every format: made afresh, made and kept, then from what was kept."""
    command = ["summary", str(EXAMPLE_PLANS), "--as-of", "2010-09-20", *args]
    fresh = run_cli("--no-cache", *command)
    assert fresh.code == 0 and not (cache_home / "ragplan" / "summary").exists()
    kept = run_cli(*command)
    assert (cache_home / "ragplan" / "summary").exists()
    assert fresh.out == kept.out == run_cli(*command).out
