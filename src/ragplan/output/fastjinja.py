"""Rendering templates compiled ahead or by an earlier run, without Jinja's compiler.

A Jinja template compiles to Python code, which ragplan's Jinja environment keeps in the
cache (templates.py, Jinja's own FileSystemBytecodeCache format). Importing the `jinja2`
package loads its lexer, parser and compiler too (a fifth of a warm run's time), though
running compiled code needs only `jinja2.runtime` and the filters. So when every template
a report needs is in the cache for its current source, this module loads just those
modules and runs the code with `Runtime`, an environment of the few things compiled code
asks its environment for; else it returns None and the caller renders with Jinja, which
fills the cache.

The built-in templates need no cache: their code is compiled ahead and shipped in
ragplan.output.precompiled (precompile.py), used while its digest of the template's
source matches the file's, so even a first run or a --no-cache run compiles nothing.

The cache files are found as Jinja's FileSystemLoader and FileSystemBytecodeCache find
them; tests/test_fastjinja.py renders every built-in template both ways and checks the
output is the same, and that this module's view of Jinja's cache format is Jinja's.
"""

from __future__ import annotations

import marshal
import os
import pickle
import posixpath
import sys
from collections import ChainMap
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # the sha1 Jinja keys its cache with, without importing OpenSSL (hashlib)
    from _sha1 import sha1  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha1

# Jinja's bytecode cache format (jinja2/bccache.py): bc_version 5, then the Python
# version the code was compiled for.
BC_MAGIC = (
    b"j2" + pickle.dumps(5, 2) + pickle.dumps((sys.version_info[0] << 24) | sys.version_info[1], 2)
)
_ESCAPED = ("html", "htm", "html.j2", "htm.j2", "svg.j2")  # as templates.get_env escapes


class NotCached(Exception):
    """A template this run needs is not in the cache, or changed since it was compiled."""


def _jinja_runtime() -> Any:
    """jinja2.runtime and jinja2.defaults, loaded without running jinja2/__init__ (which
    imports the compiler) when Jinja is not imported yet. Later, `import jinja2` runs the
    package as usual and finds these modules already loaded."""
    if "jinja2.runtime" in sys.modules and "jinja2.defaults" in sys.modules:
        return sys.modules["jinja2.runtime"], sys.modules["jinja2.defaults"]
    if "jinja2" in sys.modules:  # the whole package is here already
        import jinja2.defaults
        import jinja2.runtime

        return jinja2.runtime, jinja2.defaults
    import importlib.util
    from types import ModuleType

    spec = importlib.util.find_spec("jinja2")
    if spec is None or spec.submodule_search_locations is None:
        raise NotCached("jinja2 is not installed")
    package = ModuleType("jinja2")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["jinja2"] = package
    try:
        import jinja2.defaults
        import jinja2.runtime
        import jinja2.utils  # noqa: F401  (the filters' decorators, for papers/document.py)
    finally:
        del sys.modules["jinja2"]
    return jinja2.runtime, jinja2.defaults


class Template:
    """A compiled template run outside Jinja: what compiled code and runtime.Context use
    of jinja2.Template."""

    def __init__(self, runtime: Runtime, namespace: dict[str, Any]) -> None:
        self.environment = runtime
        self.name = namespace["name"]
        self.blocks = namespace["blocks"]
        self.root_render_func = namespace["root"]
        self.globals = ChainMap({}, runtime.globals)
        namespace["environment"] = runtime

    def new_context(
        self, vars: dict[str, Any] | None = None, shared: bool = False, locals: Any = None
    ) -> Any:
        new_context = self.environment.runtime.new_context
        return new_context(
            self.environment, self.name, self.blocks, vars, shared, self.globals, locals
        )

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = self.new_context(dict(*args, **kwargs))
        return "".join(self.root_render_func(context))


class Runtime:
    """The environment compiled templates run in: what they, jinja2.runtime and the
    filters ask of jinja2.Environment, with ragplan's filters and functions."""

    is_async = False
    shared = False
    optimized = True
    sandboxed = False
    finalize = None
    concat = "".join
    newline_sequence = "\n"  # the wordwrap filter's

    def __init__(
        self, folders: list[Path], cache: Path | None, builtin: Path | None = None
    ) -> None:
        runtime, defaults = _jinja_runtime()
        from ragplan.output.templatefuncs import functions

        self.runtime = runtime
        self.undefined = runtime.StrictUndefined
        self.context_class = runtime.Context
        self.filters = dict(defaults.DEFAULT_FILTERS)
        self.tests = dict(defaults.DEFAULT_TESTS)
        self.globals: dict[str, Any] = dict(defaults.DEFAULT_NAMESPACE)
        self.policies = dict(defaults.DEFAULT_POLICIES)
        filters, names = functions()
        self.filters.update(filters)
        self.globals.update(names)
        self.searchpath = [os.fspath(f) for f in folders]
        self.builtin = None if builtin is None else os.fspath(builtin)
        self.cache = cache
        self.loaded: dict[str, Template] = {}

    @staticmethod
    def autoescape(name: str | None) -> bool:
        """As jinja2.select_autoescape(_ESCAPED) decides: by the template's name, and on
        for a template made from a string (no name)."""
        return name is None or name.lower().endswith(tuple("." + e for e in _ESCAPED))

    def get_template(self, name: str, parent: str | None = None, globals: Any = None) -> Template:
        if name not in self.loaded:
            self.loaded[name] = Template(self, self._namespace(name))
        return self.loaded[name]

    def _namespace(self, name: str) -> dict[str, Any]:
        """The module the compiled code of template `name` makes, from the cache."""
        pieces = [p for p in name.split("/") if p and p != "."]
        if any(os.sep in p or p == os.pardir for p in pieces):
            raise NotCached(name)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise NotCached(name)
        with open(filename, encoding="utf-8") as f:
            source = f.read()
        filename = os.path.normpath(filename)
        if folder == self.builtin and len(pieces) == 1:
            made = _precompiled(pieces[0], source, self)
            if made is not None:
                made["__file__"] = filename
                return made
        if self.cache is None:
            raise NotCached(name)
        key = sha1(name.encode("utf-8"))
        key.update(f"|{filename}".encode())
        try:
            with open(self.cache / f"__jinja2_{key.hexdigest()}.cache", "rb") as f:
                if f.read(len(BC_MAGIC)) != BC_MAGIC:
                    raise NotCached(name)
                if pickle.load(f) != sha1(source.encode("utf-8")).hexdigest():
                    raise NotCached(name)  # the template changed since it was compiled
                code = marshal.load(f)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            raise NotCached(name) from None
        namespace: dict[str, Any] = {"environment": self, "__file__": code.co_filename}
        exec(code, namespace)
        return namespace

    # What compiled code calls on its environment, as jinja2.Environment does it.

    def getitem(self, obj: Any, argument: Any) -> Any:
        try:
            return obj[argument]
        except (AttributeError, TypeError, LookupError):
            if isinstance(argument, str):
                try:
                    return getattr(obj, argument)
                except AttributeError:
                    pass
            return self.undefined(obj=obj, name=argument)

    def getattr(self, obj: Any, attribute: str) -> Any:
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def call_filter(self, name: str, value: Any, args: Any = None, kwargs: Any = None,
                    context: Any = None, eval_ctx: Any = None) -> Any:  # fmt: skip
        return self._call(self.filters, name, value, args, kwargs, context, eval_ctx)

    def call_test(self, name: str, value: Any, args: Any = None, kwargs: Any = None,
                  context: Any = None, eval_ctx: Any = None) -> Any:  # fmt: skip
        return self._call(self.tests, name, value, args, kwargs, context, eval_ctx)

    def _call(
        self,
        functions: dict[str, Callable[..., Any]],
        name: str,
        value: Any,
        args: Any,
        kwargs: Any,
        context: Any,
        eval_ctx: Any,
    ) -> Any:
        from jinja2.nodes import EvalContext
        from jinja2.utils import _PassArg

        func = functions[name]
        arguments = [value, *(args if args is not None else ())]
        pass_arg = _PassArg.from_obj(func)
        if pass_arg is _PassArg.context:
            arguments.insert(0, context)
        elif pass_arg is _PassArg.eval_context:
            if eval_ctx is None:
                eval_ctx = context.eval_ctx if context is not None else EvalContext(self)  # type: ignore[arg-type]
            arguments.insert(0, eval_ctx)
        elif pass_arg is _PassArg.environment:
            arguments.insert(0, self)
        return func(*arguments, **(kwargs or {}))


# Off in tests that check the cache itself.
USE_PRECOMPILED = True


def module_name(template: str) -> str:
    """'summary_txt_j2': the module of ragplan.output.precompiled that built-in template
    `template` is compiled ahead into (ragplan/output/precompile.py)."""
    return template.replace(".", "_").replace("-", "_")


def _precompiled(template: str, source: str, runtime: Runtime) -> dict[str, Any] | None:
    """The module the built-in template `template` makes, from the code compiled ahead
    (ragplan.output.precompiled), or None if that is not for this source."""
    if not USE_PRECOMPILED:
        return None
    import importlib

    try:
        module = importlib.import_module(f"ragplan.output.precompiled.{module_name(template)}")
    except ImportError:
        return None
    if module.SOURCE_SHA1 != sha1(source.encode("utf-8")).hexdigest():
        return None  # the template changed since it was compiled ahead
    return module.load(runtime)  # type: ignore[no-any-return]


def render_cached(
    name: str,
    folders: list[Path],
    context: dict[str, Any],
    cache: Path | None,
    builtin: Path | None = None,
) -> str | None:
    """The template `name` rendered with `context` from code compiled ahead (a built-in
    template, from `builtin`) or on an earlier run (in `cache`), or None when it or a
    template it needs is not compiled for its current source (or rendering it fails:
    Jinja, run again, then says why in its own words)."""
    try:
        runtime = Runtime(folders, cache, builtin)
        return runtime.get_template(name).render(context)
    except Exception:
        return None
