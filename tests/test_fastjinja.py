"""Cached templates rendered without Jinja's compiler give what Jinja gives, and are used
only while the cache holds the template's current source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_PLANS, REPO, run_cli, write_tree
from gitrepo import SINCE_TAG, since_repo

from ragplan.output import fastjinja

CASES = REPO / "tests" / "cases"
PAPER = EXAMPLE_PLANS / "papers" / "board-2010-09.md"


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each render's path: True where the cached code rendered it, False where Jinja did.
    The built-in templates' code compiled ahead is not used: these tests are of the cache
    (test_every_report_renders_the_same_compiled_ahead is of the code compiled ahead)."""
    monkeypatch.setattr(fastjinja, "USE_PRECOMPILED", False)
    used: list[bool] = []
    real = fastjinja.render_cached

    def spy(*args: Any) -> str | None:
        text = real(*args)
        used.append(text is not None)
        return text

    monkeypatch.setattr(fastjinja, "render_cached", spy)
    return used


def test_the_cache_format_is_jinjas() -> None:
    import jinja2.bccache

    assert fastjinja.BC_MAGIC == jinja2.bccache.bc_magic
    bucket_cache = jinja2.FileSystemBytecodeCache("/nowhere")
    key = fastjinja.sha1(b"summary.md.j2")
    key.update(b"|/t/summary.md.j2")
    assert key.hexdigest() == bucket_cache.get_cache_key("summary.md.j2", "/t/summary.md.j2")


def _reports(case: Path) -> tuple[str, ...]:
    indicators = (case / "plans" / "indicators").is_dir()
    return ("summary", "outstanding", *(("indicators",) if indicators else ()))


REPORTS = [
    (case.name, report, fmt)
    for case in sorted(p for p in CASES.iterdir() if (p / "plans").is_dir())
    for report in _reports(case)
    for fmt in ("text", "md", "html")
]


@pytest.mark.parametrize(("case", "report", "fmt"), REPORTS, ids=["-".join(r) for r in REPORTS])
def test_every_report_renders_the_same_from_the_cache(
    case: str, report: str, fmt: str, fast: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES / case)
    first = run_cli(report, "plans", "-f", fmt)
    second = run_cli(report, "plans", "-f", fmt)
    assert first.code == second.code == 0, first.err
    assert fast == [False, True]  # Jinja compiled it; then the cached code ran
    assert second.out == first.out


@pytest.mark.parametrize(("case", "report", "fmt"), REPORTS, ids=["-".join(r) for r in REPORTS])
def test_every_report_renders_the_same_compiled_ahead(
    case: str, report: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run (no cache) renders the built-in templates from the code compiled ahead
    (ragplan.output.precompiled), and that gives what Jinja gives."""
    monkeypatch.chdir(CASES / case)
    monkeypatch.setattr(fastjinja, "USE_PRECOMPILED", False)
    by_jinja = run_cli("--no-cache", report, "plans", "-f", fmt)
    monkeypatch.setattr(fastjinja, "USE_PRECOMPILED", True)
    used: list[bool] = []
    real = fastjinja.render_cached
    monkeypatch.setattr(
        fastjinja, "render_cached", lambda *a: used.append(bool(t := real(*a))) or t
    )
    ahead = run_cli("--no-cache", report, "plans", "-f", fmt)
    assert by_jinja.code == ahead.code == 0, ahead.err
    assert used == [True]
    assert ahead.out == by_jinja.out


def test_diff_history_and_the_paper_render_the_same_compiled_ahead(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    since_repo(CASES / "since", in_tmp, commit_now=True)
    for args in (
        ("diff", SINCE_TAG, "plans"),
        ("history", "plans"),
        ("summary", "plans", "--since", SINCE_TAG),
        ("outstanding", "plans", "--since", SINCE_TAG),
        ("paper", PAPER),
    ):
        for fmt in ("text", "md", "html"):
            if args[0] == "paper" and fmt == "text":
                continue  # a paper is Markdown, HTML, Word or PDF
            monkeypatch.setattr(fastjinja, "USE_PRECOMPILED", False)
            by_jinja = run_cli("--no-cache", *args, "-f", fmt)
            monkeypatch.setattr(fastjinja, "USE_PRECOMPILED", True)
            ahead = run_cli("--no-cache", *args, "-f", fmt)
            assert by_jinja.code == ahead.code == 0, (args, fmt, ahead.err)
            assert ahead.out == by_jinja.out, (args, fmt)


def test_the_code_compiled_ahead_is_of_every_built_in_template_as_it_is_now() -> None:
    """Run `python -m ragplan.output.precompile` after changing a built-in template: until
    then the changed template is compiled by Jinja on every first run (never rendered
    from old code: its digest no longer matches), and this test fails."""
    import importlib
    import re

    import jinja2

    from ragplan.output import precompile

    folder = REPO / "src" / "ragplan" / "output" / "precompiled"
    names = precompile.templates()
    assert sorted(p.stem for p in folder.glob("*_j2.py")) == sorted(
        precompile.module_name(t) for t in names
    ), "run python -m ragplan.output.precompile"
    for template in names:
        module = importlib.import_module(
            f"ragplan.output.precompiled.{precompile.module_name(template)}"
        )
        source = (REPO / "templates" / template).read_bytes()
        assert module.SOURCE_SHA1 == fastjinja.sha1(source).hexdigest(), (
            f"{template} changed: run python -m ragplan.output.precompile"
        )
        text = Path(module.__file__).read_text(encoding="utf-8")
        version = re.search(r"compiled by Jinja (\S+):", text)
        if version and version[1] == jinja2.__version__:  # else made by another Jinja
            assert text == precompile.compiled(template), template


def test_a_changed_built_in_template_is_compiled_by_jinja(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A built-in template edited in place (a checkout, a patched install) is never run
    from the code compiled ahead of the edit."""
    import shutil

    from ragplan.output import templates

    copy = tmp_path / "templates"
    shutil.copytree(templates.builtin_templates(), copy)
    (copy / "summary.md.j2").write_text("Edited {{ total }}\n")
    monkeypatch.setattr(templates, "builtin_templates", lambda: copy)
    run = run_cli("--no-cache", "summary", str(EXAMPLE_PLANS), "-f", "md")
    assert run.out == "Edited 162\n"


def test_diff_history_and_the_paper_render_the_same_from_the_cache(
    in_tmp: Path, fast: list[bool]
) -> None:
    since_repo(CASES / "since", in_tmp, commit_now=True)
    for args in (
        ("diff", SINCE_TAG, "plans"),
        ("history", "plans"),
        ("summary", "plans", "--since", SINCE_TAG),
        ("paper", PAPER),
    ):
        for fmt in ("md", "html"):
            fast.clear()
            first, second = run_cli(*args, "-f", fmt), run_cli(*args, "-f", fmt)
            assert first.code == second.code == 0, first.err
            assert fast == [False, True], (args, fmt)
            assert second.out == first.out, (args, fmt)


def test_a_changed_template_is_compiled_again(in_tmp: Path, fast: list[bool]) -> None:
    write_tree(
        in_tmp / "plans", {"1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: red}\n'}
    )
    template = write_tree(in_tmp / "mine", {"summary.md.j2": "First {{ total }}\n"})
    assert run_cli("summary", "plans", "-f", "md", "--templates", template).out == "First 1\n"
    assert run_cli("summary", "plans", "-f", "md", "--templates", template).out == "First 1\n"
    (template / "summary.md.j2").write_text("Second {{ total }}\n")
    assert run_cli("summary", "plans", "-f", "md", "--templates", template).out == "Second 1\n"
    assert fast == [False, True, False]  # fmt: skip


def test_a_template_error_is_reported_as_jinja_reports_it(in_tmp: Path) -> None:
    write_tree(
        in_tmp / "plans", {"1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", summary: s, rag: red}\n'}
    )
    template = write_tree(in_tmp / "mine", {"summary.md.j2": "{{ total }}{{ nothing_here }}\n"})
    for _ in range(2):  # compiled, then from the cache: the same message
        run = run_cli("summary", "plans", "-f", "md", "--templates", template)
        assert run.code == 4
        assert run.err.endswith(
            "ragplan: error: template summary.md.j2: 'nothing_here' is undefined\n"
        )


def test_only_a_plan_sets_own_template_imports_jinjas_compiler_and_only_once(
    tmp_path: Path,
) -> None:
    """The built-in templates are compiled ahead: no run imports Jinja's compiler for
    them, not even the first. A plan set's own template is compiled on its first run and
    then comes from the cache."""
    plans = tmp_path / "plans"
    import shutil

    shutil.copytree(EXAMPLE_PLANS, plans, ignore=shutil.ignore_patterns("papers"))
    code = (
        "import io, contextlib, sys\n"
        "from ragplan.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    run(['outstanding', {str(plans)!r}, '-f', 'md'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('jinja2')))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    compiler = {"jinja2.compiler", "jinja2.lexer", "jinja2.parser"}

    def modules() -> set[str]:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        return set(eval(done.stdout.strip().splitlines()[-1]))

    first = modules()
    assert "jinja2.runtime" in first and not compiler & first
    (plans / "templates").mkdir()
    (plans / "templates" / "outstanding.md.j2").write_text("{{ title }}\n")
    assert compiler <= modules()  # the plan set's own template: compiled
    warm = modules()
    assert "jinja2.runtime" in warm and not compiler & warm
