"""The modules of the revisions layer import one another without a cycle.

Imports inside functions count (they hide a cycle without breaking it); imports made for type
checking only do not, as they never run. The standard library is enough to check this, so the
test runs wherever the suite does.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import wwc_standard.revisions

PACKAGE = Path(wwc_standard.revisions.__file__).parent
NAME = "wwc_standard.revisions"


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


def _imported(tree: ast.AST, modules: set[str]) -> set[str]:
    """The modules of the layer that ``tree`` imports when it runs, anywhere in it."""
    found: set[str] = set()
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if _type_checking_only(node):
            assert isinstance(node, ast.If)
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                base = node.module
            elif node.level == 0 and node.module and node.module.startswith(NAME + "."):
                base = node.module.removeprefix(NAME + ".")
            else:
                base = None
            if base is None and node.level == 1:  # from . import codec
                found.update(alias.name for alias in node.names if alias.name in modules)
            elif base is not None:
                found.add(base.split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(NAME + "."):
                    found.add(alias.name.removeprefix(NAME + ".").split(".")[0])
        pending.extend(ast.iter_child_nodes(node))
    return found & modules


def test_the_revisions_modules_import_one_another_without_a_cycle() -> None:
    files = {path.stem: path for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    modules = set(files)
    graph = {
        name: _imported(ast.parse(path.read_text("utf-8")), modules) - {name}
        for name, path in sorted(files.items())
    }
    assert graph["model"] >= {"build", "codec", "validation"}  # the check sees the imports
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None
