"""The house keeps its shape: no import cycles, no detours through the face, no borrowed
private names, no module too big to read.

The layer order itself is import-linter's `layers` contract in pyproject.toml
(``lint-imports`` in .ci/run); these tests check what a layer contract cannot say.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import grimp
import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wijkgraph"
MAX_LINES = 600


def module_name(path: Path) -> str:
    """``wijkgraph/analysis/run.py`` -> ``wijkgraph.analysis.run`` (a package: its folder)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    """Every Python file of the package (the locale folder holds none)."""
    return sorted(PACKAGE.rglob("*.py"))


def sources() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in source_files()}


MODULES: frozenset[str] = frozenset(module_name(p) for p in source_files())


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def resolve(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module an ``ImportFrom`` in `path` imports from."""
    if not node.level:
        return node.module or ""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()  # a module's relative imports start at its package
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(path: Path, tree: ast.AST) -> Iterator[tuple[int, str, str | None, str]]:
    """``(line, module, name, bound_as)`` for every import in `tree`, the code of `path`
    (`name` None for ``import x.y``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None, alias.asname or alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            module = resolve(path, node)
            for alias in node.names:
                yield node.lineno, module, alias.name, alias.asname or alias.name


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}: "


def by_place(found: str) -> tuple[str, int]:
    """Sort key of a ``file:line: what`` message."""
    file, line, _ = found.split(":", 2)
    return file, int(line)


# --------------------------------------------------------------------------------------
# (a) no import cycles
# --------------------------------------------------------------------------------------


def import_graph() -> nx.DiGraph:
    """Module -> module imports inside wijkgraph (also imports inside functions; not those
    under TYPE_CHECKING, which never run)."""
    graph = grimp.build_graph("wijkgraph", exclude_type_checking_imports=True, cache_dir=None)
    out = nx.DiGraph()
    out.add_nodes_from(graph.modules)
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            details = graph.get_import_details(importer=importer, imported=imported)
            lines = sorted(d["line_number"] for d in details)
            out.add_edge(importer, imported, lines=lines)
    return out


def test_no_import_cycles() -> None:
    graph = import_graph()
    assert graph.number_of_nodes() == len(MODULES), "grimp and the file walk disagree"
    problems = []
    groups = [sorted(c) for c in nx.strongly_connected_components(graph)
              if len(c) > 1 or any(graph.has_edge(m, m) for m in c)]
    for group in sorted(groups):
        cycle = nx.find_cycle(graph.subgraph(group))
        steps = " -> ".join(f"{a} (line {','.join(map(str, graph.edges[a, b]['lines']))})"
                            for a, b in cycle)
        problems.append(f"cycle among {', '.join(group)}:\n    {steps} -> {cycle[0][0]}")
    print("\n".join(problems))
    assert not problems, "import cycles:\n" + "\n".join(problems)


# --------------------------------------------------------------------------------------
# (b) nothing inside the package goes through its face
# --------------------------------------------------------------------------------------


def face_uses(code: dict[Path, str]) -> list[str]:
    """``from wijkgraph import X`` (X no submodule) and ``wijkgraph.X`` after
    ``import wijkgraph`` (X no submodule), in every module but the face itself."""
    found = []
    for path, text in code.items():
        if path == PACKAGE / "__init__.py":
            continue
        tree = ast.parse(text, str(path))
        bound: set[str] = set()
        for line, module, name, as_ in imports(path, tree):
            if module == "wijkgraph" and name is not None and f"wijkgraph.{name}" not in MODULES:
                found.append(f"{where(path, line)}from wijkgraph import {name}")
            if name is None and module.split(".")[0] == "wijkgraph":
                bound.add(as_ if module == "wijkgraph" or as_ == "wijkgraph" else "")
        bound.discard("")
        if not bound:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in bound and f"wijkgraph.{node.attr}" not in MODULES:
                found.append(f"{where(path, node.lineno)}{node.value.id}.{node.attr} "
                             "(the package face)")
    return sorted(found, key=by_place)


def test_no_module_imports_the_package_face() -> None:
    found = face_uses(sources())
    print("\n".join(found))
    assert not found, ("modules inside wijkgraph use the package face; import from the "
                       "defining module instead:\n" + "\n".join(found))


# --------------------------------------------------------------------------------------
# (c) nobody borrows another module's private names
# --------------------------------------------------------------------------------------


def private_borrowings(code: dict[Path, str]) -> list[str]:
    """``from wijkgraph.x import _y`` (``_y`` no submodule) in a module other than x, and
    ``m._y`` where ``m`` is an imported wijkgraph module."""
    found = []
    for path, text in code.items():
        me = module_name(path)
        tree = ast.parse(text, str(path))
        modules_bound: dict[str, str] = {}
        for line, module, name, as_ in imports(path, tree):
            if module.split(".")[0] != "wijkgraph":
                continue
            if name is None:
                # `import wijkgraph.a.b` binds the face `wijkgraph`; `... as m` binds a.b
                if as_ != "wijkgraph" or module == "wijkgraph":
                    modules_bound[as_] = module
                continue
            full = f"{module}.{name}"
            if full in MODULES:
                modules_bound[as_] = full
            elif is_private(name) and module != me:
                found.append(f"{where(path, line)}from {module} import {name}")
        if not modules_bound:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
                continue
            module = modules_bound.get(node.value.id)
            if module and module != me and is_private(node.attr) \
                    and f"{module}.{node.attr}" not in MODULES:
                found.append(f"{where(path, node.lineno)}{node.value.id}.{node.attr} "
                             f"({module})")
    return sorted(found, key=by_place)


def test_no_module_borrows_private_names() -> None:
    found = private_borrowings(sources())
    print("\n".join(found))
    assert not found, ("private names used outside their module (make them public or move "
                       "the code):\n" + "\n".join(found))


# --------------------------------------------------------------------------------------
# (d) every module readable in one sitting
# --------------------------------------------------------------------------------------


def sizes() -> list[tuple[int, str]]:
    """``(lines, path)`` of every module, largest first."""
    counted = [(len(p.read_text(encoding="utf-8").splitlines()), str(p.relative_to(ROOT)))
               for p in source_files()]
    return sorted(counted, key=lambda x: (-x[0], x[1]))


def test_no_module_over_600_lines() -> None:
    table = sizes()
    print("\n".join(f"{n:6d}  {name}" for n, name in table))
    too_big = [f"{name}: {n} lines" for n, name in table if n > MAX_LINES]
    assert not too_big, f"modules over {MAX_LINES} lines (split them):\n" + "\n".join(too_big)


# --------------------------------------------------------------------------------------
# the checkers themselves
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rel", "level", "module", "expected"), [
    ("wijkgraph/analysis/run.py", 1, "_result", "wijkgraph.analysis._result"),
    ("wijkgraph/analysis/run.py", 2, "model", "wijkgraph.model"),
    ("wijkgraph/analysis/__init__.py", 1, "run", "wijkgraph.analysis.run"),
    ("wijkgraph/cli.py", 1, None, "wijkgraph"),
])
def test_relative_imports_resolve(rel: str, level: int, module: str | None,
                                  expected: str) -> None:
    node = ast.ImportFrom(module=module, names=[ast.alias("x")], level=level)
    assert resolve(ROOT / rel, node) == expected


def test_the_module_list_is_complete() -> None:
    assert {"wijkgraph", "wijkgraph.i18n", "wijkgraph.analysis.run"} <= MODULES
    assert not is_private("__version__") and is_private("_cell_text")


FAKE = PACKAGE / "cli.py"


def test_the_face_checker_finds_face_uses() -> None:
    code = {FAKE: "import wijkgraph\nimport wijkgraph.io.tables\nfrom wijkgraph import load, io\n"
                  "wijkgraph.analyse(1)\nwijkgraph.io.tables.read(2)\n"}
    assert face_uses(code) == ["wijkgraph/cli.py:3: from wijkgraph import load",
                               "wijkgraph/cli.py:4: wijkgraph.analyse (the package face)"]


def test_the_private_checker_finds_borrowed_names() -> None:
    code = {FAKE: "from wijkgraph.io.tables import _cell_text, squash_cell\n"
                  "from wijkgraph.analysis import _summary\nimport wijkgraph.io.tables as t\n"
                  "from wijkgraph._version import __version__\n"
                  "_summary._SENTENCE_END, t._private, t.public\n"}
    assert private_borrowings(code) == [
        "wijkgraph/cli.py:1: from wijkgraph.io.tables import _cell_text",
        "wijkgraph/cli.py:5: _summary._SENTENCE_END (wijkgraph.analysis._summary)",
        "wijkgraph/cli.py:5: t._private (wijkgraph.io.tables)"]


def test_every_top_level_module_has_a_layer() -> None:
    """A module left out of the layers contract is checked by nobody (``_progress`` was)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    named = {part.strip() for layer in contract["layers"]
             for part in layer.replace("|", ":").split(":")}
    present = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
               if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.stem != "__init__"}
    assert present - named == set()
