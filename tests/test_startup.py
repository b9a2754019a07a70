"""Start-up: commands import only what they use, and convert options exactly as typer does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from conftest import EXAMPLE_PLANS

from ragplan.cli import _PlainValues, app

HEAVY = ("pydantic", "rich", "jinja2", "yaml")


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


@pytest.mark.parametrize(
    ("owner", "param"), [(o, p) for _, o, p in PARAMS], ids=[f"{c}-{p.name}" for c, _, p in PARAMS]
)
def test_options_are_converted_as_typer_converts_them(owner: Any, param: Any) -> None:
    # Compared with typer's own conversion, where this typer has one.
    build_runtime_param = pytest.importorskip("typer._coercion").build_runtime_param
    from typer._click import Context
    from typer._click.exceptions import BadParameter

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
        ours = outcome(_PlainValues(), value)
        typers = outcome(build_runtime_param(param.type_descriptor), value)
        assert ours == typers, (param.name, value)
        if ours[0] == "ok" and isinstance(ours[1], (list, Path)):
            assert type(ours[1]) is type(typers[1])
