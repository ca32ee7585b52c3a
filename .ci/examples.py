"""List every public name of wwc-standard whose docstring has no doctested example.

    .venv/bin/python .ci/examples.py                    # every public name, with or without
    .venv/bin/python .ci/examples.py --check            # only the missing; exit 1 if any
    .venv/bin/python .ci/examples.py --check --members  # also methods and properties (CI)

The public names are ``wwc_standard.__all__`` and the ``__all__`` of every family
(``revisions``, ``evaluation``, ``planning``, ``history``, ``i18n``, ``errors``): every class
and function among them (``__version__`` is a string and has no docstring of its own). A name
counts as having an example only if ``pytest --doctest-modules`` really runs one for it: the
examples are looked for with :class:`doctest.DocTestFinder` in the module that defines the name
(the family's table of ``wwc_standard._exports`` says which), where a published class is found
through the module's ``__test__`` (see ``wwc_standard._exports.publish``). A ``>>>`` in a
layer's ``__init__`` module, whose doctests pytest does not collect, does not count, and neither
does an example whose every line is skipped (``# doctest: +SKIP``).

``--members`` adds the public methods and properties of each public class (defined in the
class, not inherited, and not dunders): each has an example when its docstring has one or when
an example of its class uses it (``.member``); an override without a docstring of its own shows
its base's, and has the base's examples. ``--check`` judges classes and functions only, unless
given with ``--members``.
"""

from __future__ import annotations

import argparse
import doctest
import functools
import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

#: The package and its families, each with an ``__all__``.
FAMILIES = (
    "wwc_standard",
    "wwc_standard.revisions",
    "wwc_standard.evaluation",
    "wwc_standard.planning",
    "wwc_standard.history",
    "wwc_standard.i18n",
    "wwc_standard.errors",
)


def defining_module(family: ModuleType, name: str) -> ModuleType:
    """The module whose doctests pytest collects for ``family.name``."""
    table: dict[str, str] = getattr(family, "_EXPORTS", {})
    if name in table:
        return importlib.import_module(table[name], family.__name__)
    value = getattr(family, name)
    module = sys.modules[value.__module__]
    if not hasattr(module, "__path__"):  # a plain module, such as wwc_standard.errors
        return module
    # A package: an eager import of the top namespace, whose family table says where it lives.
    for other in FAMILIES[1:]:
        sub = importlib.import_module(other)
        if getattr(sub, name, None) is value and name in getattr(sub, "_EXPORTS", {}):
            return defining_module(sub, name)
    raise LookupError(f"cannot tell which module defines {family.__name__}.{name}")


def public_names() -> dict[str, tuple[object, ModuleType, str]]:
    """Each public class and function once, by the first name it is published under: the
    object, the module that defines it, and its own name there."""
    seen: dict[int, str] = {}
    found: dict[str, tuple[object, ModuleType, str]] = {}
    for family_name in FAMILIES:
        family = importlib.import_module(family_name)
        for name in family.__all__:
            value = getattr(family, name)
            # Functions wrapped by functools (a cache) count as functions.
            if not (inspect.isclass(value) or inspect.isroutine(inspect.unwrap(value))):
                continue
            if id(value) in seen:
                continue
            seen[id(value)] = name
            module = defining_module(family, name)
            found[f"{family_name}.{name}"] = (value, module, value.__name__)
    return found


def examples_by_name(module: ModuleType) -> dict[str, int]:
    """The doctests pytest collects from ``module``, by the dotted name of what holds them
    relative to the module (``evaluate``, ``Evaluation.explain``), with their count of examples
    that are not skipped."""
    return {name: len(sources) for name, sources in example_sources(module).items()}


def example_sources(module: ModuleType) -> dict[str, list[str]]:
    """The source of each example pytest runs from ``module`` (skipped ones left out), by the
    dotted name of what holds it, as :func:`examples_by_name` names them."""
    finder = doctest.DocTestFinder()
    found: dict[str, list[str]] = {}
    for test in finder.find(module, module.__name__):
        relative = test.name.removeprefix(module.__name__ + ".").removeprefix("__test__.")
        run = [e.source for e in test.examples if not e.options.get(doctest.SKIP, False)]
        found.setdefault(relative, []).extend(run)
    return found


def members(cls: type) -> Iterator[str]:
    """The public methods and properties a class defines itself; an alias
    (``localized = title``) is listed once, under its first name, as doctest finds it."""
    seen: set[int] = set()
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, staticmethod | classmethod):
            value = value.__func__
        if isinstance(value, functools.cached_property):
            value = value.func
        if (inspect.isfunction(value) or isinstance(value, property)) and id(value) not in seen:
            seen.add(id(value))
            yield name


def member_has_example(sources: dict[str, list[str]], own: str, member: str) -> bool:
    """Whether ``own.member`` has an example of its own, or an example of its class (in the
    class's docstring or another member's) calls it (``result.explain()``, ``plan.steps``): a
    property shown in the class's example needs no second one."""
    if sources.get(f"{own}.{member}"):
        return True
    called = re.compile(rf"\.{re.escape(member)}\b")
    return any(
        called.search(source)
        for name, found in sources.items()
        if name == own or name.startswith(own + ".")
        for source in found
    )


def documented_by(cls: type, member: str) -> type:
    """The class whose docstring documents ``cls.member``: ``cls`` itself, unless the member
    overrides a base class's method without a docstring of its own, which it then inherits
    (``inspect.getdoc`` and the API reference show the base's)."""
    value = vars(cls)[member]
    if isinstance(value, staticmethod | classmethod):
        value = value.__func__
    if getattr(value, "__doc__", None):
        return cls
    for base in cls.__mro__[1:]:
        if member in vars(base):
            return documented_by(base, member)
    return cls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a name has no example")
    parser.add_argument(
        "--members", action="store_true", help="also list public methods and properties"
    )
    args = parser.parse_args(argv)

    names = public_names()
    where = {id(value): (module, own) for value, module, own in names.values()}
    cache: dict[str, dict[str, list[str]]] = {}

    def sources_of(module: ModuleType) -> dict[str, list[str]]:
        if module.__name__ not in cache:
            cache[module.__name__] = example_sources(module)
        return cache[module.__name__]

    missing: list[str] = []
    rows: list[str] = []
    member_missing: list[str] = []
    member_total = 0
    for public, (value, module, own) in sorted(names.items()):
        sources = sources_of(module)
        has = bool(sources.get(own))
        if not has:
            missing.append(public)
        rows.append(f"{'ok     ' if has else 'MISSING'}  {public}  ({module.__name__})")
        if args.members and inspect.isclass(value):
            for member in members(value):
                member_total += 1
                base = documented_by(value, member)
                base_module, base_own = where.get(id(base), (module, own))
                if not member_has_example(sources_of(base_module), base_own, member):
                    member_missing.append(f"{public}.{member}")

    if not args.check:
        print("\n".join(rows))
    else:
        for public in missing:
            print(f"no doctested example: {public}")
    print(f"{len(missing)} of {len(names)} public classes and functions have no doctested example")
    if args.members:
        for public in member_missing:
            print(f"  member without an example: {public}")
        print(
            f"{len(member_missing)} of {member_total} public methods and properties of those"
            " classes have no doctested example"
        )
    return 1 if args.check and (missing or member_missing) else 0


if __name__ == "__main__":
    sys.exit(main())
