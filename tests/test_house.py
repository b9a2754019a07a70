"""The house keeps its shape: no import circle between modules, no two modules with one name,
and no generated code checked in. The layers are kept by lint-imports in CI (see
[tool.importlinter] in pyproject.toml), other packages' private names by
tests/test_public_apis.py."""

from __future__ import annotations

from pathlib import Path

import grimp

SRC = Path(__file__).resolve().parent.parent / "src" / "ragplan"


def test_no_module_is_in_an_import_circle() -> None:
    """Imports inside functions and under TYPE_CHECKING count: a circle of any kind means
    two modules cannot be understood, or moved, one without the other."""
    graph = grimp.build_graph("ragplan", cache_dir=None)
    circles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            # A way back from what `module` imports to `module` itself closes a circle.
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain is not None:
                circles.append(" -> ".join((module, *chain)))
    assert circles == []


def test_no_generated_code_is_checked_in() -> None:
    generated = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "generated" in path.read_text(encoding="utf-8")[:300].lower()
        or path.parent.name in {"precompiled", "generated"}
    ]
    assert generated == []


def test_no_two_modules_share_a_name() -> None:
    """A newcomer finds a module by its name: `problems.py` in two packages is two guesses."""
    names: dict[str, list[str]] = {}
    for path in SRC.rglob("*.py"):
        if path.name != "__init__.py":
            names.setdefault(path.name, []).append(str(path.relative_to(SRC)))
    assert {n: paths for n, paths in names.items() if len(paths) > 1} == {}
