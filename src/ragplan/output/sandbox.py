"""The one sandbox every template is rendered in: report templates (text, Markdown, HTML,
SVG), Word templates and board papers.

A plan repository's templates and papers can be changed by anyone who can open a pull
request, and ragplan renders them on the machine that reports on the plans (a CI runner,
an officer's computer). So they are rendered in Jinja's ImmutableSandboxedEnvironment (no
name starting with '_', no changing a list or a dict in place, only safe calls), and
within limits, so that a template can neither run code nor take the machine's memory or
time: whatever it builds, one render stops with `LimitError` at the template's line.

The limits, documented in docs/templates.md:

- `MAX_SIZE` characters in a string, items in a list, made by `*`, `+`, `~`, `%`,
  `.format()`, `.center()` and the like, or a filter; widths past it are refused before
  anything is built;
- `MAX_INT_BITS` bits in a number made by `*` or `**`;
- `MAX_LOOPS` loop iterations in one render, all loops together;
- `MAX_OUTPUT` characters of output from one render;
- `MAX_SECONDS` seconds of processor time for one render (a busy machine does not make
  a template fail).

How: Jinja's public hooks for sandboxes (`intercepted_binops` and `call_binop`,
`call`), its documented `code_generator_class` (every `{% for %}` counts its iterations,
every `~` checks what it made) and `template_class` (output is gathered piece by piece,
and a piece past the limits is refused at the template line that made it).
"""

from __future__ import annotations

import math
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import update_wrapper
from types import BuiltinMethodType, FunctionType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_SIZE = 10_000_000
MAX_INT_BITS = 100_000
MAX_LOOPS = 10_000_000
MAX_OUTPUT = 50_000_000
MAX_SECONDS = 8.0

# How often (in iterations, calls, pieces of output) the clock is read.
_CLOCK_EVERY = 1024
_SEQUENCES = (str, bytes, list, tuple)


class LimitError(SecurityError):
    """A template went past one of the sandbox's limits."""


def _refuse_size(size: Any) -> None:
    if isinstance(size, int) and size > MAX_SIZE:
        raise LimitError(
            f"this would make text or a list of {size:,} characters or items, "
            f"past the limit of {MAX_SIZE:,}"
        )


def _bounded(value: Any) -> Any:
    """`value`, if it is not a string or collection past MAX_SIZE."""
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
        _refuse_size(len(value))
    return value


def _refuse_bits(bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise LimitError(
            f"this would make a number of about {bits:,} bits, past the limit of {MAX_INT_BITS:,}"
        )


# A printf-style conversion ('%05d', '%-*s', '%.3000f'): its width and precision.
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _values(args: Any) -> list[Any]:
    if isinstance(args, tuple):
        return list(args)
    if isinstance(args, dict):
        return list(args.values())
    return [args]


def _check_printf(text: str, args: Any) -> None:
    """Refuse `text % args` whose widths or precisions would make huge text."""
    for match in _PRINTF.finditer(text):
        for given in match.groups():
            if given == "*":
                for value in _values(args):
                    _refuse_size(value)
            elif given is not None:
                _refuse_size(int(given))


def _check_format(text: str, args: Iterable[Any]) -> None:
    """Refuse `text.format(...)` whose format specs would make huge text: a width in the
    spec, or one given as an argument ('{:>{}}')."""
    for _, field, spec, _ in string.Formatter().parse(text):
        if field is None or not spec:
            continue
        for digits in re.findall(r"\d+", spec):
            _refuse_size(int(digits))
        if "{" in spec:
            for value in args:
                _refuse_size(value)


def _check_str_method(text: str, name: str, args: tuple[Any, ...], kwargs: Any) -> None:
    """Refuse a call of one of str's methods that makes text longer than it is given."""
    given = [*args, *kwargs.values()]
    if name in ("center", "ljust", "rjust", "zfill") and given:
        _refuse_size(given[0])
    elif name == "expandtabs":
        tab = given[0] if given else 8
        if isinstance(tab, int):
            _refuse_size(len(text) + text.count("\t") * tab)
    elif name == "replace" and len(given) >= 2:
        old, new = given[0], given[1]
        if isinstance(old, str) and isinstance(new, str):
            times = text.count(old) if old else len(text) + 1
            if len(given) > 2 and isinstance(given[2], int) and given[2] >= 0:
                times = min(times, given[2])
            _refuse_size(len(text) + times * len(new))
    elif name in ("format", "format_map"):
        if name == "format":
            _check_format(text, given)
        elif given and isinstance(given[0], dict):
            _check_format(text, list(given[0].values()))


def _check_join(items: list[Any], separator: Any) -> None:
    sizes = sum(len(x) for x in items if isinstance(x, str))
    _refuse_size(sizes + len(str(separator)) * len(items))


def _check_filter(name: str, given: list[Any], kwargs: dict[str, Any]) -> None:
    """Refuse a call of a built-in filter that would make huge text or lists."""
    value, rest = (given[0] if given else None), [*given[1:], *kwargs.values()]
    if name in ("center", "batch", "slice"):  # a width, or a number of rows or columns
        for number in rest:
            _refuse_size(number)
    elif name == "indent" and isinstance(value, str):
        width = rest[0] if rest else 4
        wide = width if isinstance(width, int) else len(str(width))
        _refuse_size(len(value) + (value.count("\n") + 1) * wide)
    elif name == "replace" and isinstance(value, str):
        _check_str_method(value, "replace", tuple(rest), {})
    elif name == "format" and isinstance(value, str):
        _check_printf(value, tuple(given[1:]) or kwargs)


def _limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` (a filter) with its arguments checked first and its result after."""
    if getattr(function, "ragplan_limited", False):
        return function

    def limited(*args: Any, **kwargs: Any) -> Any:
        given = [a for a in args if not isinstance(a, Context | EvalContext | jinja2.Environment)]
        if name == "join" and given and not isinstance(given[0], list | tuple | str):
            items = list(given[0])  # a generator or map: listed once, to be measured
            _refuse_size(len(items))
            args = tuple(items if a is given[0] else a for a in args)
            given[0] = items
        if name == "join" and given and isinstance(given[0], list | tuple):
            _check_join(list(given[0]), given[1] if len(given) > 1 else "")
        _check_filter(name, given, kwargs)
        return _bounded(function(*args, **kwargs))

    update_wrapper(limited, function)  # keeps pass_context and the like
    limited.ragplan_limited = True  # type: ignore[attr-defined]
    return limited


class LimitedFilters(dict[str, Any]):
    """An environment's filters, each wrapped by _limited_filter as it is added."""

    def __init__(self, found: dict[str, Any]) -> None:
        super().__init__()
        self.update(found)

    def __setitem__(self, name: str, function: Any) -> None:
        super().__setitem__(name, _limited_filter(name, function))

    def update(self, *found: Any, **more: Any) -> None:
        for name, function in dict(*found, **more).items():
            self[name] = function


class _Budget:
    """What one render has used so far."""

    __slots__ = ("deadline", "loops", "ticks")

    def __init__(self) -> None:
        self.deadline = time.process_time() + MAX_SECONDS
        self.loops = 0
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        if not self.ticks % _CLOCK_EVERY:
            self.check_clock()

    def check_clock(self) -> None:
        if time.process_time() > self.deadline:
            raise LimitError(f"rendering took more than {MAX_SECONDS:g} seconds of processor time")


class _LimitedCode(CodeGenerator):
    """Jinja's code for a template, with every loop counted and every `~` measured."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        counted = nodes.EnvironmentAttribute("count_loop", lineno=node.lineno)
        if not (isinstance(node.iter, nodes.Call) and node.iter.node == counted):
            node.iter = nodes.Call(counted, [node.iter], [], None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedTemplate(jinja2.Template):
    """A template whose output is gathered piece by piece, within MAX_OUTPUT and
    MAX_SECONDS; a piece past them is refused at the template line that made it."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        environment = self.environment
        assert isinstance(environment, LimitedSandbox)
        with environment.limits() as budget:
            chunks: list[str] = []
            pieces: list[str] = []
            size = 0
            made = self.generate(*args, **kwargs)
            for piece in made:
                size += len(piece)
                pieces.append(piece)
                if len(pieces) >= _CLOCK_EVERY:
                    chunks.append("".join(pieces))
                    pieces.clear()
                    try:
                        budget.check_clock()
                    except LimitError as exc:
                        _stop(made, exc)
                if size > MAX_OUTPUT:
                    _stop(made, LimitError(f"the output is longer than {MAX_OUTPUT:,} characters"))
            chunks.append("".join(pieces))
            return "".join(chunks)


def _stop(made: Any, exc: LimitError) -> None:
    """`exc` raised inside the running template, where Jinja's traceback gives its line."""
    made.throw(exc)
    raise exc  # the template went on after it: stop here


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox within the limits above. A subclass that intercepts
    more operators calls call_binop here for the ones it does not handle."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _LimitedCode
    template_class = LimitedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = LimitedFilters(self.filters)
        self.globals.pop("lipsum", None)  # lipsum(n=...) makes text in a loop of its own
        self._budget = _Budget()
        self._depth = 0

    @contextmanager
    def limits(self) -> Iterator[_Budget]:
        """A new budget for a render; one render inside another (an include, a Word
        document's parts) shares the outer one's."""
        if not self._depth:
            self._budget = _Budget()
        self._depth += 1
        try:
            yield self._budget
        finally:
            self._depth -= 1

    def count_loop(self, iterable: Any) -> Iterator[Any]:
        """`iterable`, each item counted against MAX_LOOPS."""
        budget = self._budget
        for item in iterable:
            budget.loops += 1
            if not budget.loops % _CLOCK_EVERY:
                if budget.loops > MAX_LOOPS:
                    raise LimitError(f"the loops ran more than {MAX_LOOPS:,} times")
                budget.check_clock()
            yield item

    def bounded(self, value: Any) -> Any:
        return _bounded(value)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self._budget.tick()
        ints = isinstance(left, int) and isinstance(right, int)
        if operator == "**" and ints and right > 0 and abs(left) > 1:
            _refuse_bits(int(right * math.log2(abs(left))) + 1)
        elif operator == "*":
            if ints:
                _refuse_bits(abs(left).bit_length() + abs(right).bit_length())
            elif isinstance(right, int) and isinstance(left, _SEQUENCES):
                _refuse_size(len(left) * right)
            elif isinstance(left, int) and isinstance(right, _SEQUENCES):
                _refuse_size(len(right) * left)
        elif operator == "+" and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
            _refuse_size(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _check_printf(left, right)
        return _bounded(super().call_binop(context, operator, left, right))

    def call(
        __self,  # noqa: N805 - as Jinja names them, so no keyword argument can clash
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        __self._budget.tick()
        method = __obj
        if isinstance(method, FunctionType):  # str.format, as the sandbox wraps it
            method = getattr(method, "__wrapped__", method)
        if isinstance(method, BuiltinMethodType) and isinstance(method.__self__, str):
            _check_str_method(method.__self__, method.__name__, args, kwargs)
        return _bounded(super().call(__context, __obj, *args, **kwargs))
