"""Start-up: commands import only what they use, and convert options exactly as typer does."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from conftest import EXAMPLE_PLANS, require

from ragplan.cli import app
from ragplan.cli.params import PlainValues, plain_type

HEAVY = ("pydantic", "rich", "jinja2", "yaml", "docx", "docxtpl", "lxml", "weasyprint")
WORD_AND_PDF = {"docx", "docxtpl", "lxml", "weasyprint"}


def imported_by(*args: str) -> list[str]:
    """The heavy top-level packages that `ragplan ARGS` imports, run as a fresh process."""
    code = (
        "import sys\n"
        "from ragplan.cli import main\n"
        f"sys.argv = ['ragplan', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
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
    ],
    ids=lambda args: args[0],
)
def test_no_command_imports_pydantic(args: list[str]) -> None:
    heavy = imported_by(*(str(EXAMPLE_PLANS) if a == "PLANS" else a for a in args))
    assert "pydantic" not in heavy


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "PLANS", "-f", "html"],
        ["summary", "PLANS", "-f", "md", "--by", "lead_officer"],
        ["outstanding", "PLANS", "-f", "text"],
        ["outstanding", "PLANS", "-f", "csv", "--status", "red"],
        ["validate", "PLANS"],
    ],
    ids=lambda args: "-".join(args[:1] + args[2:4]),
)
def test_reports_and_validate_import_no_word_or_pdf_library(args: list[str]) -> None:
    heavy = imported_by(*(str(EXAMPLE_PLANS) if a == "PLANS" else a for a in args))
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


def test_validate_piped_imports_no_pydantic_rich_or_jinja2() -> None:
    assert imported_by("--no-cache", "validate", str(EXAMPLE_PLANS)) == ["yaml"]
    assert imported_by("--no-cache", "validate", "-f", "json", str(EXAMPLE_PLANS)) == ["yaml"]


def test_a_run_served_from_the_cache_does_not_even_import_yaml() -> None:
    assert imported_by("validate", str(EXAMPLE_PLANS)) == ["yaml"]  # fills the cache
    assert imported_by("validate", str(EXAMPLE_PLANS)) == []


def _params() -> list[tuple[str, Any, Any]]:
    group = typer.main.get_command(app)
    found = [("ragplan", group, p) for p in group.params]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found += [(name, command, p) for p in command.params]
    return found


PARAMS = _params()
SAMPLES: list[Any] = [None, "auto", "plans", "a b/c.yaml", "10", "0", "-1", "x", "", "007"]


def test_typer_has_the_conversion_slot_plainvalues_fills() -> None:
    """A typer release that moves these internals fails here, loudly, not at a user's run."""
    assert typer.__version__.startswith("0.29."), "cli/params.py is written for typer 0.29"
    from typer._coercion import build_runtime_param  # noqa: F401
    from typer._param_types import coerce_cli_path  # noqa: F401

    for _, _, param in PARAMS:
        if hasattr(param, "type_descriptor"):
            assert param._runtime_param is None or isinstance(param._runtime_param, PlainValues)


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
