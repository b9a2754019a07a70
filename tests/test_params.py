"""cli/params.py's pydantic-free conversion turns itself off when typer's private slot is
not exactly as expected: commands then convert their options with typer's own machinery,
slower but with the same values and the same refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.core
from conftest import EXAMPLE_PLANS, run_cli

from ragplan.cli import params


@pytest.fixture(autouse=True)
def _checked_afresh() -> Iterator[None]:
    params._typer_as_expected.cache_clear()
    yield
    params._typer_as_expected.cache_clear()


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every value PlainValues converts, as it converts it."""
    seen: list[Any] = []
    coerce = params.PlainValues.coerce

    def counted(self: params.PlainValues, value: Any, param: Any, ctx: Any) -> Any:
        seen.append(value)
        return coerce(self, value, param, ctx)

    monkeypatch.setattr(params.PlainValues, "coerce", counted)
    return seen


def _move_the_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typer release that keeps its conversion under another name: `_runtime_param` is
    still there, but typer no longer reads it."""
    from typer._coercion import build_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_coercer", None) is None:
            self._coercer = build_runtime_param(self.type_descriptor)
        return self._coercer

    monkeypatch.setattr(typer.core._TyperParameter, "get_runtime_param", get_runtime_param)


def _change_path_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    """typer's path conversion takes one more argument (typer's own calls still work)."""
    import typer._param_types

    convert = typer._param_types.coerce_cli_path

    def coerce_cli_path(
        value: Any,
        parameter_info: Any,
        *,
        path_type: Any,
        param: Any = None,
        ctx: Any = None,
        resolve: bool = False,
    ) -> Any:
        return convert(value, parameter_info, path_type=path_type, param=param, ctx=ctx)

    monkeypatch.setattr(typer._param_types, "coerce_cli_path", coerce_cli_path)


def _change_coerce_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer._coercion import RuntimeParam

    coerce = RuntimeParam.coerce

    def with_a_new_argument(
        self: Any, value: Any, param: Any, ctx: Any, strict: bool = False
    ) -> Any:
        return coerce(self, value, param, ctx)

    monkeypatch.setattr(RuntimeParam, "coerce", with_a_new_argument)


def _drop_the_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typer release whose parameters have no `_runtime_param` at all."""
    monkeypatch.setattr(typer.core.TyperOption, "__getattribute__", _hide_slot, raising=False)
    monkeypatch.setattr(typer.core.TyperArgument, "__getattribute__", _hide_slot, raising=False)


def _hide_slot(self: Any, name: str) -> Any:
    if name == "__dict__":
        found = dict(object.__getattribute__(self, "__dict__"))
        found.pop("_runtime_param", None)
        return found
    return object.__getattribute__(self, name)


CHANGES = {
    "slot moved": _move_the_slot,
    "slot gone": _drop_the_slot,
    "path conversion changed": _change_path_conversion,
    "coerce takes another argument": _change_coerce_signature,
}


def test_with_typer_as_installed_the_fast_path_is_on(conversions: list[Any]) -> None:
    run = run_cli("validate", EXAMPLE_PLANS, "--max-file-size", "50")
    assert run.code == 0, run.err
    assert "50" in conversions  # --max-file-size went through PlainValues


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_a_changed_typer_turns_the_fast_path_off(
    change: str, conversions: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    CHANGES[change](monkeypatch)
    run = run_cli("validate", EXAMPLE_PLANS, "--max-file-size", "50")
    assert run.code == 0, run.err
    assert conversions == []  # typer converted every option itself


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_with_the_fast_path_off_options_get_the_same_values(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text, paths (the plans, -o) and a whole number, converted by typer itself, give the
    report the fast path gives; a bad number is still a usage error."""
    args = ["outstanding", EXAMPLE_PLANS, "-f", "md", "--as-of", "2010-09-20"]
    args += ["--status", "amber,red"]
    fast_out = tmp_path / "fast.md"
    fast = run_cli(*args, "-o", fast_out)
    CHANGES[change](monkeypatch)
    slow_out = tmp_path / "slow.md"
    slow = run_cli(*args, "-o", slow_out)
    assert fast.code == slow.code == 0, slow.err
    listed = fast_out.read_text()
    assert "| 1.1.5.2 |" in listed and "| 1.3.6.1 |" in listed  # an amber and the red one
    assert slow_out.read_text() == fast_out.read_text()
    refused = run_cli("validate", EXAMPLE_PLANS, "--max-file-size", "0")
    assert refused.code == 2
    assert "--max-file-size" in refused.err
    refused = run_cli("validate", EXAMPLE_PLANS, "--max-file-size", "many")
    assert refused.code == 2
    assert "--max-file-size" in refused.err


def _declared() -> list[Any]:
    import typer.main

    from ragplan.cli import app

    group = typer.main.get_command(app)
    found = list(group.params)
    for command in group.commands.values():  # type: ignore[attr-defined]
        found += command.params
    return [p for p in found if hasattr(p, "type_descriptor")]


@pytest.mark.parametrize("change", [None, *CHANGES], ids=["as installed", *CHANGES])
def test_the_start_up_check_fills_the_slot_only_as_expected(
    change: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if change is not None:
        CHANGES[change](monkeypatch)
    declared = _declared()
    assert params.install(declared) is (change is None)
    filled = [isinstance(vars(p).get("_runtime_param"), params.PlainValues) for p in declared]
    assert all(filled) if change is None else not any(filled)
