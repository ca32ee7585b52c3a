"""How a package of wwc-standard exports names that live in its modules, imported on first use.

Each subpackage (and the package itself) names its public family in a table, name to module.
Nothing is imported when the package is: a name's module is imported the first time the name
is read (PEP 562), which keeps ``import wwc_standard`` as cheap as the names an app uses, and
lets a package list names of a layer above without importing that layer.

>>> import wwc_standard.planning as planning
>>> "roadmap" in dir(planning), planning.roadmap.__name__
(True, 'roadmap')
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

import attrs

__all__ = ["lazy_exports", "publish", "resolve_annotations"]


def lazy_exports(
    package: str, table: Mapping[str, str], shown: list[str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, for the names of ``table``.

    ``table`` maps each name to the module that defines it, relative to ``package``
    (``".engine"``) or absolute (``"wwc_standard.history.diffs"``). ``shown`` is what ``dir()``
    lists: the package's ``__all__``. A name read once is stored in the package's namespace, so
    the next read costs a dictionary lookup.
    """

    def __getattr__(name: str) -> object:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(shown)

    return __getattr__, __dir__


#: The module that defines each published attrs class, whose globals resolve its annotations,
#: and the modules whose names its annotations also use (see :func:`publish`).
_DEFINED_IN: dict[type, tuple[str, tuple[str, ...]]] = {}


def publish(namespace: dict[str, Any], *, typing_only: tuple[str, ...] = ()) -> None:
    """Show the public classes of a module under the name of its package, where users meet them.

    Called at the end of a module with its ``globals()``: every class the module defines whose
    name its package exports gets the package as ``__module__``, so reprs, tracebacks and
    pickles name ``wwc_standard.evaluation.Evaluation``, not the private module that defines it
    (the package imports it back on first use). Two things depend on ``__module__`` and are
    kept working: :func:`resolve_annotations` resolves the annotations of attrs classes in the
    module that defines them, and the module's ``__test__`` lists the classes so that their
    doctests are still collected from it.

    ``typing_only`` names the modules whose classes the module's annotations name but that it
    imports only for type checking, to import them on first use: they are imported when the
    annotations are resolved.

    >>> import wwc_standard as wwc
    >>> wwc.Evaluation.__module__, wwc.revisions.ChecklistItem.__module__
    ('wwc_standard.evaluation', 'wwc_standard.revisions')
    """
    package = sys.modules[namespace["__package__"]]
    tests = namespace.setdefault("__test__", {})
    for name in getattr(package, "__all__", ()):
        value = namespace.get(name)
        if isinstance(value, type) and value.__module__ == namespace["__name__"]:
            if attrs.has(value):
                _DEFINED_IN[value] = (namespace["__name__"], typing_only)
            value.__module__ = package.__name__
            tests[name] = value


def resolve_annotations() -> None:
    """Resolve the field annotations of every published attrs class, once, where it is
    defined: what reads them (cattrs, the JSON Schemas) calls this first. It is not done at
    import, where it would cost start-up time that most apps never need.
    """
    while _DEFINED_IN:
        cls, (module, typing_only) = _DEFINED_IN.popitem()
        namespace = vars(sys.modules[module])
        for name in typing_only:
            namespace = {**vars(importlib.import_module(name)), **namespace}
        attrs.resolve_types(cls, globalns=namespace)
