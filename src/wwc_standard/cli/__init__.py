"""Layer 5, the command line: ``wwc-standard`` and ``python -m wwc_standard``.

:func:`main` (in :mod:`.program`) builds the parser from the shared options (:mod:`.options`)
and one module per group of commands (:mod:`.plan`, :mod:`.revisions`). Problems are printed
one per line on standard error with exit status 2, never as a traceback.

May import every layer below it; nothing imports it but ``__main__``.
"""

from typing import TYPE_CHECKING

from wwc_standard._exports import lazy_exports

if TYPE_CHECKING:
    from .program import main

__all__ = [
    "main",
]

# Each name is imported from its module on first use (see wwc_standard._exports).
_EXPORTS = {
    "main": ".program",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
