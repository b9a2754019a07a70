"""ragplan uses other libraries' public names only. The one exception, documented in its
module and turning itself off when typer changes (tests/test_params.py), is
cli/params.py's use of typer's option-conversion slot."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

SOURCE = REPO / "src" / "ragplan"
EXCEPTION = SOURCE / "cli" / "params.py"


def _private(module: str, names: list[str]) -> bool:
    if module == "__future__" or module.split(".")[0] == "ragplan":
        return False
    return any(part.startswith("_") for part in module.split(".")) or any(
        name.startswith("_") for name in names
    )


def private_imports(path: Path) -> list[str]:
    """Imports in `path` (in functions too) of a private module or name of another
    package, CPython's included, as 'line: module name'."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [alias.name for alias in node.names]
            if _private(node.module, names):
                found.append(f"{node.lineno}: {node.module} {' '.join(names)}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _private(alias.name, []):
                    found.append(f"{node.lineno}: {alias.name}")
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def test_no_module_imports_another_packages_private_names() -> None:
    found = {
        str(path.relative_to(SOURCE)): private_imports(path)
        for path in sorted(SOURCE.rglob("*.py"))
        if path != EXCEPTION
    }
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_the_one_exception_is_typers_slot_only() -> None:
    modules = {line.split()[1] for line in private_imports(EXCEPTION)}
    assert modules == {"typer._coercion", "typer._param_types"}


def test_the_check_sees_a_private_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from _blake2 import blake2b\n"
        "def f():\n    from yaml._yaml import CParser\n    import _sha1\n"
        "from jinja2.utils import _PassArg\nfrom ragplan.x import _y\n"
    )
    assert private_imports(module) == [
        "1: _blake2 blake2b",
        "3: yaml._yaml CParser",
        "4: _sha1",
        "5: jinja2.utils _PassArg",
    ]
