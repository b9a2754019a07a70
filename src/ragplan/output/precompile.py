"""The built-in templates, compiled ahead: `python -m ragplan.output.precompile` writes
each as a module of ragplan.output.precompiled, so that no run, not even a first one,
compiles them (fastjinja.py runs the code; a template changed since is compiled by Jinja
as usual, and tests/test_fastjinja.py fails until this is run again).

Each module holds the code Jinja makes of the template, inside `load(environment)`,
which returns what a template module holds (its `name`, `root`, `blocks`); as a module,
it is compiled to bytecode once, by Python, like any other.
"""

from __future__ import annotations

import sys
from hashlib import sha1
from pathlib import Path

from ragplan.output.fastjinja import module_name

HEADER = '''"""{name}, compiled by Jinja {version}: made by `python -m ragplan.output.precompile`
from templates/{name}; do not edit."""

SOURCE_SHA1 = "{digest}"


def load(environment):
'''


def compiled(template: str) -> str:
    """The text of the module for built-in template `template`."""
    import jinja2

    from ragplan.output.templates import builtin_templates, get_env

    folder = builtin_templates()
    env = get_env([folder], use_cache=False)
    source = (folder / template).read_text(encoding="utf-8")
    filename = str(folder / template)
    code = env.compile(source, template, filename, raw=True)
    body = "".join(f"    {line}\n" if line else "\n" for line in code.splitlines())
    digest = sha1(source.encode("utf-8")).hexdigest()
    head = HEADER.format(name=template, version=jinja2.__version__, digest=digest)
    return f"{head}{body}    return locals()\n"


def templates() -> list[str]:
    """The names of the built-in Jinja templates."""
    from ragplan.output.templates import builtin_templates

    return sorted(p.name for p in builtin_templates().glob("*.j2"))


def main() -> None:
    out = Path(__file__).parent / "precompiled"
    wanted = {f"{module_name(t)}.py": compiled(t) for t in templates()}
    for old in out.glob("*_j2.py"):
        if old.name not in wanted:
            old.unlink()
    for file, text in wanted.items():
        path = out / file
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
