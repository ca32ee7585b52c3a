"""Reading the shipped gettext catalogs.

The ``.po`` files under ``locales/`` are the only form committed and shipped; they are compiled
in memory by Babel the first time a locale is used, so a wheel, an editable install and a
source checkout all read the same files and no compiled ``.mo`` can fall out of date.
"""

from __future__ import annotations

import functools
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

__all__ = ["DOMAIN", "catalog_path", "load_catalog", "translations"]

DOMAIN = "wwc_standard"
"""The gettext domain of the library's own messages."""


def catalog_path(locale: str, domain: str) -> str:
    """The catalog's path inside the package, relative to ``wwc_standard/``."""
    return f"locales/{locale}/LC_MESSAGES/{domain}.po"


def load_catalog(locale: str, domain: str) -> gettext.NullTranslations:
    """The compiled catalog of ``domain`` in ``locale``; the identity if none is shipped."""
    # importlib.resources and Babel's catalog machinery on first use of a translated locale:
    # they cost start-up time that English never needs.
    import gettext
    from importlib.resources import files

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    resource = files("wwc_standard").joinpath(catalog_path(locale, domain))
    if not resource.is_file():
        return gettext.NullTranslations()
    with resource.open("rb") as source:
        catalog = read_po(source, locale=locale, domain=domain)
    compiled = io.BytesIO()
    # Fuzzy entries are left out, as msgfmt does: a guess is never shown as a translation.
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=domain)


@functools.cache
def translations(locale: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The catalog of ``domain`` for a negotiated ``locale``; English gets the identity.

    Catalogs are read from the ``.po`` files shipped in the package and compiled in memory
    on first use, then cached for the life of the process.
    """
    if locale == "en":
        # gettext on first use, not at start-up.
        import gettext

        return gettext.NullTranslations()
    return load_catalog(locale, domain)
