"""Count the public names whose docstring has no example (no ``>>>`` line).

The public names are every family's ``__all__`` (the subpackages revisions, evaluation,
planning, history, i18n, errors and cli) and the everyday core's (``wwc_standard.__all__``,
whose names all belong to a family, but for ``__version__``, a string with no docstring of its
own). A name counts as having an example when its own docstring holds a doctest; for a class,
the class docstring. Prints the counts and the names without one; exits 0 (a measure, not a
gate). Run from the root of a checkout:

    PYTHONPATH=src python .ci/examples.py
"""

from __future__ import annotations

import importlib
import sys

FAMILIES = ("revisions", "evaluation", "planning", "history", "i18n", "errors", "cli")


def public_names() -> dict[str, object]:
    """Every public name, as ``family.Name``, with its object; each object counted once."""
    import wwc_standard

    names: dict[str, object] = {}
    seen: set[int] = set()
    for family in FAMILIES:
        package = importlib.import_module(f"wwc_standard.{family}")
        for name in package.__all__:
            value = getattr(package, name)
            if id(value) not in seen:
                seen.add(id(value))
                names[f"{family}.{name}"] = value
    for name in wwc_standard.__all__:
        value = getattr(wwc_standard, name)
        if id(value) not in seen and name != "__version__":
            seen.add(id(value))
            names[name] = value
    return names


def has_example(value: object) -> bool:
    # Its own docstring: inspect.getdoc would lend a class without one its base's example.
    return ">>>" in (getattr(value, "__doc__", None) or "")


def main() -> int:
    names = public_names()
    missing = sorted(name for name, value in names.items() if not has_example(value))
    print(f"{len(names)} public names, {len(names) - len(missing)} with an example in their")
    print(f"docstring, {len(missing)} without:")
    for name in missing:
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
