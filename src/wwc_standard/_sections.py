"""Sections of a report that a higher layer makes, named by the package root.

The report of an evaluation may end with its roadmap, which only the planning layer can make,
and the evaluation layer must not import planning (the layers of docs/architecture.md). So the
package root, which sits above every layer and composes them, names the function that makes
the section (:func:`provide`), and the evaluation report asks for it by name
(:func:`provider`): the dependency is declared once, at the top, and no layer imports one above
it. This module is tiny and imports nothing, as the package root imports it at start-up.

>>> provider("roadmap").__name__
'report_section'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["provide", "provider"]

#: Name of a section to ``"package.module:function"``, the function that makes it.
_PROVIDERS: dict[str, str] = {}


def provide(name: str, where: str) -> None:
    """Register ``where`` (``"package.module:function"``) as the maker of the section ``name``."""
    _PROVIDERS[name] = where


def provider(name: str) -> Callable[..., Any]:
    """The function registered for the section ``name``, its module imported on first use."""
    # importlib when a report asks for a section of a layer above (see the module's notes).
    import importlib

    module, _, function = _PROVIDERS[name].partition(":")
    made: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return made
