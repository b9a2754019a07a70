"""Option values converted without pydantic.

typer 0.29 converts every option's value with a pydantic TypeAdapter, and
importing pydantic takes longer than reading a council's whole plan set. Every
option ragplan declares is text, a whole number, a path, a flag, or a list of
these; `PlainValues` converts them as typer does (the tests compare the two on
every option), so no run imports pydantic. It plugs into typer's private
`_runtime_param` slot, which is why pyproject.toml pins typer to 0.29.x and
tests/test_startup.py fails loudly when a typer release moves it.
"""

from __future__ import annotations

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
        from typer._click.exceptions import BadParameter

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
        from typer._click.exceptions import BadParameter

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


def install(params: list[Any]) -> None:
    """Give each option, before its value is converted, the conversion above."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = PlainValues()
