"""No module of the package imports one that imports it back.

Every import statement counts, at module level or inside a function (an
import deferred to a call is still a dependency); only imports for type
checkers (``if TYPE_CHECKING:``), which never run, are left out. A package
importing its own submodules is how packages work, and is left out too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsfacts

__all__: list[str] = []

PACKAGE = Path(newsfacts.__file__).resolve().parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            skipped.update(id(child) for body in node.body for child in ast.walk(body))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            base = (
                package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            )
            module = ".".join([*base, *([node.module] if node.module else [])])
            candidates = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found.update(c for c in candidates if c in modules and c != name)
    # A package importing its own submodules is not a cycle to speak of.
    return {m for m in found if not name.startswith(m + ".") and not m.startswith(name + ".")}


@pytest.mark.skipif(
    not Path(newsfacts.__file__).is_file(),
    reason="reads the package's source files: the package is not installed as files",
)
def test_no_module_imports_one_that_imports_it_back() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert "newsfacts.loading" in graph["newsfacts.building"]  # the walk finds imports
    cycles: list[str] = []
    for start in graph:
        stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycles.append(" -> ".join((*path, nxt)))
                elif nxt not in path and nxt > start:
                    stack.append((nxt, (*path, nxt)))
    assert not cycles, "\n".join(cycles)
