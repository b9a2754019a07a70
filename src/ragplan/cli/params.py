"""Option values converted without pydantic, while typer's private slot for it is as
expected; typer's own conversion otherwise.

typer 0.29 converts every option's value with a pydantic TypeAdapter, and importing
pydantic takes longer than reading a council's whole plan set. Every option ragplan
declares is text, a whole number, a path, a flag, or a list of these; `PlainValues`
converts them as typer does (the tests compare the two on every option), so no run
imports pydantic.

This is ragplan's one use of another library's private names, and it turns itself off:
`PlainValues` goes into typer's private `_runtime_param` slot only when `slot_as_expected`
finds that slot, and everything PlainValues calls, exactly as typer 0.29 has them. A
typer release that moves or renames any of it makes ragplan convert options with typer's
own (public) machinery: slower by pydantic's import, never wrong. tests/test_startup.py
fails when that happens, so the slowdown is seen; tests/test_params.py shows commands
still convert their options correctly with the slot moved.
"""

from __future__ import annotations

import functools
import inspect
import typing
from pathlib import Path
from typing import Any

# The option types PlainValues converts; a declared option of any other type is a
# mistake the start-up tests catch.
PLAIN_TYPES = (str, int, Path, bool)


class NotPlain(TypeError):
    """An option whose type PlainValues does not convert."""


def plain_type(param: Any) -> Any:
    """The item type of an option ragplan declares (list[str] gives str)."""
    desc = param.type_descriptor
    annotation = desc.annotation
    if desc.is_list:
        (annotation,) = typing.get_args(annotation)
    if annotation not in PLAIN_TYPES or desc.is_tuple or desc.file_annotation is not None:
        raise NotPlain(f"{param.name}: {desc.annotation!r}")
    if desc.parameter_info.parser is not None or desc.parameter_info.path_type is not None:
        raise NotPlain(f"{param.name}: a parser or a path_type")
    return annotation


class PlainValues:
    """Typer's conversion of one option's value (see the module's docstring)."""

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        from typer import BadParameter

        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        item_type = plain_type(param)
        if param.type_descriptor.is_list:
            if isinstance(value, str):
                raise BadParameter("Value must be an iterable.", ctx=ctx, param=param)
            return [self._item(item_type, item, param, ctx) for item in value]
        return self._item(item_type, value, param, ctx)

    @staticmethod
    def _item(item_type: Any, value: Any, param: Any, ctx: Any) -> Any:
        from typer import BadParameter

        info = param.type_descriptor.parameter_info
        if item_type is str:
            return value if isinstance(value, str) else str(value)
        if item_type is bool:
            return bool(value)
        if item_type is Path:
            from typer._param_types import coerce_cli_path

            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        # A whole number: the messages are ragplan's own, in words.
        text = str(value).strip()
        if not (text.lstrip("-").isascii() and text.lstrip("-").isdigit()):
            raise BadParameter(f"'{value}' is not a whole number", ctx=ctx, param=param)
        number = int(text)
        if info.min is not None and number < info.min:
            raise BadParameter(f"{value} is too small: at least {info.min}", ctx=ctx, param=param)
        if info.max is not None and number > info.max:
            raise BadParameter(f"{value} is too large: at most {info.max}", ctx=ctx, param=param)
        return number


# typer's names PlainValues relies on, as typer 0.29 has them: the parameters of its
# path conversion and of a runtime parameter's coerce(), and what a declared option's
# type_descriptor and parameter_info hold.
_CLI_PATH_PARAMETERS = ["value", "parameter_info", "path_type", "param", "ctx"]
_COERCE_PARAMETERS = ["self", "value", "param", "ctx"]
_DESCRIPTOR_FIELDS = ("annotation", "is_list", "is_tuple", "file_annotation", "parameter_info")
_INFO_FIELDS = ("parser", "path_type", "min", "max")


def _parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


@functools.cache
def _typer_as_expected() -> bool:
    """typer's module-level names PlainValues uses exist with the parameters it calls
    them with (checked once a run)."""
    try:
        from typer._coercion import RuntimeParam
        from typer._param_types import coerce_cli_path

        return (
            _parameters(coerce_cli_path) == _CLI_PATH_PARAMETERS
            and _parameters(RuntimeParam.coerce) == _COERCE_PARAMETERS
        )
    except Exception:  # moved, renamed, or no longer a function: typer's own conversion
        return False


def slot_as_expected(param: Any) -> bool:
    """`param` (a declared option) has typer 0.29's empty `_runtime_param` slot, and typer
    converts its values with what is put there; checked on the option itself by putting a
    PlainValues in and taking it out again."""
    if not _typer_as_expected():
        return False
    try:
        desc = param.type_descriptor
        fields_there = all(hasattr(desc, name) for name in _DESCRIPTOR_FIELDS) and all(
            hasattr(desc.parameter_info, name) for name in _INFO_FIELDS
        )
        if not fields_there or vars(param).get("_runtime_param", False) is not None:
            return False
        probe = PlainValues()
        param._runtime_param = probe
        try:
            return bool(param.get_runtime_param() is probe)
        finally:
            param._runtime_param = None
    except Exception:
        return False


def install(params: list[Any]) -> bool:
    """Give each option, before its value is converted, the conversion above, if typer's
    slot for it is as expected on every option; else leave them all to typer. Returns
    whether it was given."""
    declared = [p for p in params if hasattr(p, "type_descriptor")]
    empty = [p for p in declared if not isinstance(vars(p).get("_runtime_param"), PlainValues)]
    if not all(slot_as_expected(p) for p in empty):
        return False
    for param in empty:
        param._runtime_param = PlainValues()
    return True
