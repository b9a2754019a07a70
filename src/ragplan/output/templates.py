"""The one Jinja environment every template-made format uses (text, Markdown, HTML, Word),
sandboxed within limits (sandbox.py): templates come from plan repositories.

Templates are looked up by name in, in order: the folder given with --templates,
the plan set's own templates/ folder, and the built-in templates shipped as the
package ragplan.templates. Every filter and function templates may use is
registered in `get_env`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ragplan.errors import RagplanError, TemplateError, UnreadablePathError
from ragplan.output.templatefuncs import functions
from ragplan.paths import display_path

if TYPE_CHECKING:
    import jinja2


def builtin_templates() -> Path:
    """The folder of the default templates, inside the installed package."""
    from importlib import import_module

    # A plain package on disk: its file's folder (importlib.resources costs more).
    return Path(str(import_module("ragplan.templates").__file__)).parent


def search_path(plan_root: Path | None, templates: Path | None) -> list[Path]:
    """Where templates are looked up, first match wins."""
    found = []
    if templates is not None:
        if not templates.is_dir():
            what = "no such folder" if not templates.exists() else "not a folder"
            raise UnreadablePathError(f"{display_path(templates)}: {what}", field="templates")
        found.append(templates)
    if plan_root is not None and (plan_root / "templates").is_dir():
        found.append(_inside(plan_root / "templates", plan_root))
    found.append(builtin_templates())
    return found


def _inside(folder: Path, plan_root: Path) -> Path:
    """The plan set's templates/ folder, if no link in it leads out of the plan folder
    (a committed link to a private file would be rendered into the report)."""
    import os

    from ragplan.reading.disk import links_out

    every = [folder]
    for parent, folders, names in os.walk(folder):  # a linked folder is listed, not walked
        every += [Path(parent, name) for name in folders + names]
    for path in every:
        if links_out(path, plan_root):
            raise TemplateError(
                f"{display_path(path)}: is a symlink to a file outside the plan folder; "
                "copy the file in instead"
            )
    return folder


def find_template(name: str, plan_root: Path | None, templates: Path | None) -> Path:
    """The file `name` from the first folder of the search path that has it (a Word
    template, print.css): what a template loader would find, for files Jinja does not
    read itself."""
    for folder in search_path(plan_root, templates):
        if (folder / name).is_file():
            return folder / name
    raise TemplateError(f"template not found: {name}")


def template_cache(use_cache: bool) -> Path | None:
    """The folder compiled templates are kept in between runs, or None (no cache)."""
    from ragplan.reading import cache

    if not cache.enabled(use_cache):
        return None
    try:
        folder = cache.cache_dir() / "templates"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # read-only or full disk, or no home folder
        return None
    return folder


def _bytecode_cache(use_cache: bool) -> jinja2.BytecodeCache | None:
    import jinja2

    from ragplan import __version__

    class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
        """Compiled templates kept between runs, keyed on each template's source; a cache
        folder that cannot be read or written just means compiling again."""

        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            # Jinja keys compiled code on the template alone, not on how it was compiled:
            # code compiled by another ragplan (another sandbox) is never run.
            return super().get_cache_key(f"ragplan {__version__} {name}", filename)

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except Exception:
                pass

    folder = template_cache(use_cache)
    return None if folder is None else QuietBytecodeCache(str(folder))


def get_env(
    folders: list[Path],
    use_cache: bool = True,
    *,
    autoescape: bool | None = None,
    finalize: Callable[[Any], Any] | None = None,
) -> jinja2.Environment:
    """The one Jinja environment: sandboxed and limited (sandbox.py), strict about
    undefined names, escaping HTML (and, with `autoescape`, everything: a Word document is
    XML). `finalize` sees every value first."""
    import jinja2

    from ragplan.output.sandbox import LimitedSandbox

    escape_by_name = jinja2.select_autoescape(["html", "htm", "html.j2", "htm.j2", "svg.j2"])
    env = LimitedSandbox(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        bytecode_cache=_bytecode_cache(use_cache),
        undefined=jinja2.StrictUndefined,
        autoescape=escape_by_name if autoescape is None else autoescape,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    filters, names = functions()
    env.filters.update(filters)
    env.globals.update(names)
    return env


def render_template(
    context: dict[str, Any],
    name: str,
    plan_root: Path | None,
    templates: Path | None = None,
    template_file: Path | None = None,
    use_cache: bool = True,
) -> str:
    """Render the template `name` (or the file `template_file`) with `context`."""
    folders = search_path(plan_root, templates)
    if template_file is not None:
        if not template_file.is_file():
            raise UnreadablePathError(
                f"{display_path(template_file)}: no such file", field="template"
            )
        folders.insert(0, template_file.parent)
        name = template_file.name
    import jinja2

    env = get_env(folders, use_cache)
    try:
        template = env.get_template(name)
        text = template.render(context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from None
    except jinja2.TemplateSyntaxError as exc:
        where = display_path(Path(exc.filename)) if exc.filename else name
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:  # an undefined name, or the sandbox's refusal
        raise TemplateError(f"{_where_failed(exc, name)}: {exc.message or exc}") from None
    except RagplanError:
        raise
    except Exception as exc:  # an expression in a template that fails: a filter's TypeError
        raise TemplateError(f"{_where_failed(exc, name)}: {type(exc).__name__}: {exc}") from None
    return text.rstrip("\n") + "\n"


def _where_failed(exc: BaseException, name: str) -> str:
    """'templates/x.md.j2:12', the deepest template line in `exc`'s traceback (Jinja
    rewrites it to show template lines), else the template's name."""
    import traceback

    found = name
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2"):
            found = f"{display_path(Path(frame.filename))}:{frame.lineno}"
    return found
