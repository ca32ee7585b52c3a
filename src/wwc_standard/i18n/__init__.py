"""Layer 0, the words: the locales the library speaks, translatable messages, catalogs.

English is the source language; every text a person reads is a :class:`Text` (an English
``str`` that can be called with a locale), rendered from a message whose values Babel formats
for the locale passed explicitly, never read from the environment.

May import: the standard library and Babel only, with one documented exception:
:mod:`.languages` imports :mod:`wwc_standard.errors` to raise ``UnknownLocale`` (see
docs/architecture.md).
"""

from typing import TYPE_CHECKING

from wwc_standard._exports import lazy_exports

if TYPE_CHECKING:
    from .languages import locales, negotiate
    from .messages import Text

__all__ = [
    "Text",
    "locales",
    "negotiate",
]

# Each name is imported from its module on first use (see wwc_standard._exports).
_EXPORTS = {
    "Text": ".messages",
    "locales": ".languages",
    "negotiate": ".languages",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
