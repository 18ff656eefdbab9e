"""The package's house rules, read from its code: no import cycle, no import upward, no re-export.

handbook.LAYERS names the layer subpackages, lowest first; a module at the
package root stands above them all. Every import of a handbook module, at
the top, inside a function or under TYPE_CHECKING, is an edge of the graph.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from helpers import ROOT

from handbook import LAYERS

PACKAGE = ROOT / "src" / "handbook"
CODE = [ROOT / folder for folder in ("src", "hooks", "tests", "bench")]
ENGINE = ("mkdocs", "properdocs", "material")
ENGINE_BOUNDARY = {"configuration"}  # the one module that may use the engine (its YAML loader)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def _source(node: ast.ImportFrom, module: str | None) -> str | None:
    """The handbook module an ImportFrom names ("" for the package), or None when it is not ours."""
    if node.level == 0:
        name = node.module or ""
        if name == "handbook":
            return ""
        return name.removeprefix("handbook.") if name.startswith("handbook.") else None
    if module is None:
        return None
    base = module.split(".") if module else []
    if not _is_package(module):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


@cache
def _imports(path: Path, module: str | None) -> list[tuple[str, str | None, int]]:
    """(module imported, name imported from it or None, line) for every import of a handbook module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            source = _source(node, module)
            if source is None:
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}".strip(".")
                if submodule in MODULES:
                    found.append((submodule, None, node.lineno))
                else:
                    found.append((source, alias.name, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("handbook."):
                    found.append((alias.name.removeprefix("handbook."), None, node.lineno))
    return found


def _graph() -> dict[str, set[str]]:
    return {
        module: {target for target, _, _ in _imports(path, module) if target != module}
        for module, path in MODULES.items()
        if module  # the package's own __init__ imports nothing (test below)
    }


def _layer(module: str) -> int:
    first = module.split(".")[0]
    return LAYERS.index(first) if first in LAYERS and "." in module else len(LAYERS)


def test_no_module_imports_a_module_that_imports_it_back():
    graph = _graph()
    cycles, state = [], {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                cycles.append(" -> ".join(trail[trail.index(target) :] + [module, target]))
            elif target not in state:
                visit(target, [*trail, module])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


def test_no_layer_imports_from_a_layer_above_it():
    upward = [
        f"{module} ({_layer(module)}) imports {target} ({_layer(target)})"
        for module, targets in _graph().items()
        for target in targets
        if target and _layer(target) > _layer(module)
    ]
    assert upward == []


def test_every_module_is_in_a_declared_layer_or_at_the_root():
    assert [m for m in MODULES if "." in m and m.split(".")[0] not in LAYERS] == []


def test_each_layer_says_what_it_holds_and_may_import_and_holds_no_code():
    for layer in LAYERS:
        init = PACKAGE / layer / "__init__.py"
        if not init.exists():
            continue
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{layer}/__init__.py says nothing"
        assert len(tree.body) == 1, f"{layer}/__init__.py holds more than its docstring"


@cache
def _defined(module: str) -> frozenset[str]:
    """The names a module defines at its top (functions, classes, assignments, also under an `if`)."""
    names: set[str] = set()
    body = list(ast.parse(MODULES[module].read_text(encoding="utf-8")).body)
    while body:
        node = body.pop()
        if isinstance(node, ast.If):
            body += node.body + node.orelse
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                elements = target.elts if isinstance(target, ast.Tuple) else [target]
                names.update(t.id for t in elements if isinstance(t, ast.Name))
    return frozenset(names)


def test_every_name_is_imported_from_the_module_that_defines_it():
    """No re-exports: `from handbook.x import y` only where y is x's own (src, hooks, tests and bench alike)."""
    borrowed = []
    for folder in CODE:
        for path in sorted(folder.rglob("*.py")):
            if ".venv" in path.parts:
                continue
            module = None
            if path.is_relative_to(PACKAGE):
                parts = path.relative_to(PACKAGE).with_suffix("").parts
                module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            for source, name, line in _imports(path, module):
                if name is not None and source in MODULES and name not in _defined(source):
                    borrowed.append(
                        f"{path.relative_to(ROOT)}:{line}: {name} is not handbook.{source}'s own".replace(".:", ":")
                    )
    assert borrowed == []


def test_only_the_configuration_loader_uses_the_engine():
    users = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            if any(name.split(".")[0] in ENGINE for name in names) and module.split(".")[-1] not in ENGINE_BOUNDARY:
                users.append(f"{module}:{node.lineno}")
    assert users == []
