"""Start-up: commands import only what they use, and convert options exactly as typer does."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from conftest import EXAMPLE_PLANS, require

from ragplan.cli import app
from ragplan.cli.params import PlainValues, plain_type, slot_as_expected

HEAVY = (
    "pydantic",
    "rich",
    "jinja2",
    "yaml",
    "openpyxl",
    "decimal",
    "docx",
    "docxtpl",
    "docxcompose",
    "babel",
    "lxml",
    "weasyprint",
)
WORD_AND_PDF = {"docx", "docxtpl", "docxcompose", "babel", "lxml", "weasyprint"}
PAPER = EXAMPLE_PLANS / "papers" / "board-2010-09.md"


def imported_by(*args: str) -> list[str]:
    """The heavy top-level packages that `ragplan ARGS` imports, run as a fresh process."""
    code = (
        "import sys\n"
        "from ragplan.cli import run\n"
        f"run({list(args)!r})\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return eval(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "PLANS", "--as-of", "2010-09-20", "--by", "theme"],
        ["outstanding", "PLANS", "--status", "amber", "--lead", "AD CSC", "--as-of", "2010-12-31"],
        ["validate", "PLANS", "--strict", "--max-file-size", "5"],
        ["set", "1.3.6.1", "PLANS", "--rag", "amber", "--dry-run"],
        ["history", "PLANS", "--last", "2"],
        ["collect", "status", "NOWHERE", "PLANS", "-q"],
        ["collect", "apply", "NOWHERE/x.xlsx", "PLANS", "--dry-run"],
        ["import", "NOWHERE/x.csv", "--to", "NOWHERE", "--map", "rag=Status"],
        ["indicators", "PLANS", "--theme", "1.3", "--period", "Q2", "--as-of", "2010-09-20"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_no_command_imports_pydantic(args: list[str], tmp_path: Path) -> None:
    places = {"PLANS": str(EXAMPLE_PLANS), "NOWHERE": str(tmp_path)}
    heavy = imported_by(*(_filled(a, places) for a in args))
    assert "pydantic" not in heavy


def _filled(arg: str, places: dict[str, str]) -> str:
    """`PLANS` or `NOWHERE/x.csv` with the place put in."""
    head, sep, tail = arg.partition("/")
    return places[head] + sep + tail if head in places else arg


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "PLANS", "-f", "html"],
        ["summary", "PLANS", "-f", "md", "--by", "lead_officer"],
        ["outstanding", "PLANS", "-f", "text"],
        ["outstanding", "PLANS", "-f", "csv", "--status", "red"],
        ["validate", "PLANS"],
        ["validate", "EXAMPLE"],
        ["paper", "PAPER", "-f", "md"],
    ],
    ids=lambda args: "-".join(args[:1] + args[2:4]),
)
def test_reports_and_validate_import_no_word_or_pdf_library(args: list[str]) -> None:
    places = {"PLANS": str(EXAMPLE_PLANS), "PAPER": str(PAPER)}
    heavy = imported_by(*(places.get(a, a) for a in args))
    assert not (WORD_AND_PDF | {"pydantic"}) & set(heavy)


@pytest.mark.parametrize(("fmt", "library"), [("docx", "docxtpl"), ("pdf", "weasyprint")])
def test_word_and_pdf_libraries_are_imported_when_asked_for(
    tmp_path: Path, fmt: str, library: str
) -> None:
    """The test above would pass if imported_by saw nothing: here it sees the library."""
    if library == "weasyprint" and importlib.util.find_spec("weasyprint") is None:
        require("WeasyPrint is not installed (pip install -e '.[test]' brings it)")
    out = str(tmp_path / f"summary.{fmt}")
    assert library in imported_by("summary", str(EXAMPLE_PLANS), "-f", fmt, "-o", out)


def test_a_paper_in_word_imports_docxcompose(tmp_path: Path) -> None:
    """A paper in Word merges its reports with docxcompose (docxtpl imports it whenever it
    is installed, for its sub-documents: some 15 ms); a paper in Markdown imports no
    Word library (above)."""
    paper = imported_by("paper", str(PAPER), "-f", "docx", "-o", str(tmp_path / "p.docx"))
    assert {"docx", "docxtpl", "docxcompose"} <= set(paper)


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "PLANS", "--format", "md"],
        ["outstanding", "PLANS", "--format", "csv"],
        ["validate", "PLANS", "--strict"],
    ],
    ids=lambda args: args[0],
)
def test_everyday_commands_never_import_openpyxl(args: list[str]) -> None:
    """openpyxl takes longer to import than a plan set takes to read: only the spreadsheet
    commands may."""
    heavy = imported_by(*(str(EXAMPLE_PLANS) if a == "PLANS" else a for a in args))
    assert "openpyxl" not in heavy


@pytest.fixture(scope="module")
def no_papers(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The example plans without their board paper (which validate renders with Jinja)."""
    folder = tmp_path_factory.mktemp("startup") / "plans"
    shutil.copytree(EXAMPLE_PLANS, folder, ignore=shutil.ignore_patterns("papers"))
    return str(folder)


def test_validate_piped_imports_no_pydantic_rich_or_jinja2(no_papers: str) -> None:
    # decimal: the example's indicators are numbers, read exactly.
    expected = ["decimal", "yaml"]
    assert imported_by("--no-cache", "validate", no_papers) == expected
    assert imported_by("--no-cache", "validate", "-f", "json", no_papers) == expected


def test_validate_renders_papers_with_jinja_alone() -> None:
    expected = ["decimal", "jinja2", "yaml"]
    assert imported_by("--no-cache", "validate", str(EXAMPLE_PLANS)) == expected


def test_a_run_served_from_the_cache_does_not_even_import_yaml(no_papers: str) -> None:
    assert imported_by("validate", no_papers) == ["decimal", "yaml"]  # fills the cache
    # Nor decimal: the checks and counts come from the cache, the model is not unpickled.
    assert imported_by("validate", no_papers) == []


def ragplan_modules(*args: str) -> set[str]:
    """ragplan's own modules that `ragplan ARGS` imports, run as a fresh process."""
    code = (
        "import sys\n"
        "from ragplan.cli import run\n"
        f"run({list(args)!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('ragplan.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(eval(done.stdout.strip().splitlines()[-1]))


def test_checks_from_the_cache_import_no_rule_over_the_plan_set(no_papers: str) -> None:
    """The rules over the whole plan set are loaded to run them, not to read their cached
    result; the rules found while reading stay (the reader raises them)."""
    checking = ragplan_modules("summary", no_papers)  # fills the cache, checks run
    assert {"ragplan.rules.registry", "ragplan.rules.duplicate_id"} <= checking
    cached = ragplan_modules("summary", no_papers)
    rules = {m for m in cached if m.startswith("ragplan.rules.")}
    assert "ragplan.rules.registry" not in cached
    assert rules == {"ragplan.rules.reading"}


BRAG = EXAMPLE_PLANS.parent / "tests" / "cases" / "brag" / "plans"


@pytest.mark.parametrize("command", ["validate", "summary", "outstanding"])
def test_plans_without_indicators_never_import_decimal(command: str) -> None:
    """Indicators' exact arithmetic costs nothing to the plans that have none."""
    assert "decimal" not in imported_by("--no-cache", command, str(BRAG))


def _params() -> list[tuple[str, Any, Any]]:
    group = typer.main.get_command(app)
    found = [("ragplan", group, p) for p in group.params]
    commands = list(group.commands.items())  # type: ignore[attr-defined]
    while commands:  # and the commands of groups such as `collect`
        name, command = commands.pop(0)
        found += [(name, command, p) for p in command.params]
        commands += [(f"{name} {n}", c) for n, c in getattr(command, "commands", {}).items()]
    return found


PARAMS = _params()
SAMPLES: list[Any] = [None, "auto", "plans", "a b/c.yaml", "10", "0", "-1", "x", "", "007"]


def test_typer_has_the_conversion_slot_plainvalues_fills() -> None:
    """A typer release that moves these internals fails here, loudly: ragplan still works
    with it (cli/params.py turns itself off, tests/test_params.py), but every command then
    imports pydantic."""
    for _, _, param in PARAMS:
        if hasattr(param, "type_descriptor"):
            assert slot_as_expected(param), param.name


@pytest.mark.parametrize(
    ("owner", "param"), [(o, p) for _, o, p in PARAMS], ids=[f"{c}-{p.name}" for c, _, p in PARAMS]
)
def test_every_option_has_a_type_plainvalues_converts(owner: Any, param: Any) -> None:
    if hasattr(param, "type_descriptor"):
        plain_type(param)  # raises NotPlain for a type that would need typer's conversion


@pytest.mark.parametrize(
    ("owner", "param"), [(o, p) for _, o, p in PARAMS], ids=[f"{c}-{p.name}" for c, _, p in PARAMS]
)
def test_options_are_converted_as_typer_converts_them(owner: Any, param: Any) -> None:
    """The same values as typer's own conversion, and the same values refused (in words
    of ragplan's own, never pydantic's)."""
    build_runtime_param = pytest.importorskip("typer._coercion").build_runtime_param
    from typer._click import Context
    from typer._click.exceptions import BadParameter

    if not hasattr(param, "type_descriptor") or param.type_descriptor.annotation is bool:
        return
    ctx = Context(owner)
    samples = SAMPLES
    if param.nargs == -1 or param.multiple:
        samples = [None, (), ("plans",), ("plans", "x/y.yaml"), ["a"]]

    def outcome(runtime: Any, value: Any) -> Any:
        try:
            return ("ok", runtime.coerce(value, param=param, ctx=ctx))
        except BadParameter as exc:
            return ("refused", exc.format_message())

    for value in samples:
        ours = outcome(PlainValues(), value)
        typers = outcome(build_runtime_param(param.type_descriptor), value)
        assert ours[0] == typers[0], (param.name, value)
        if ours[0] == "ok":
            assert ours == typers, (param.name, value)
            if isinstance(ours[1], (list, Path)):
                assert type(ours[1]) is type(typers[1])
        else:
            assert "Input should" not in ours[1] and "pydantic" not in ours[1]


# What a warm run of an everyday command, piped, must never import: the Word, PDF and
# spreadsheet libraries, pydantic, rich (a pipe gets plain text) and YAML (the plans are
# cached). Jinja is imported whole: templates render through its public API only.
NEVER_WARM = {
    "docx", "docxtpl", "docxcompose", "lxml", "openpyxl", "weasyprint", "pydantic", "rich",
    "yaml",
}  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "PLANS"],
        ["outstanding", "PLANS", "-f", "md"],
        ["outstanding", "PLANS", "-f", "csv", "--status", "red"],
        ["indicators", "PLANS"],
        ["validate", "PLANS"],
        ["validate", "EXAMPLE"],
    ],
    ids=lambda args: " ".join(args[:1] + args[2:3] + (["papers"] if "EXAMPLE" in args else [])),
)
def test_a_warm_everyday_command_imports_only_what_it_uses(
    args: list[str], no_papers: str, tmp_path: Path
) -> None:
    places = {"PLANS": no_papers, "EXAMPLE": str(EXAMPLE_PLANS)}  # EXAMPLE: with its papers
    argv = [places.get(a, a) for a in args]
    code = (
        "import io, contextlib, sys\n"
        "from ragplan.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = run({argv!r})\n"
        "print(code, sorted(sys.modules))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the first run fills the caches
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
    code_and_modules = done.stdout.strip().splitlines()[-1]
    exit_code, modules = code_and_modules.split(" ", 1)
    assert exit_code == "0"
    loaded = set(eval(modules))
    tops = {m.split(".")[0] for m in loaded}
    assert not (NEVER_WARM & (loaded | tops)), sorted(NEVER_WARM & (loaded | tops))
