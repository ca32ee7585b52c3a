"""The locales the library speaks, their plural rules, and how a requested locale is matched.

This is the one module of the i18n layer that imports upward: it raises
:class:`~wwc_standard.errors.UnknownLocale`, an error of the library's family, for a language
the library does not speak. That is the single documented exception to the layers (see
docs/architecture.md and ``[tool.importlinter]`` in pyproject.toml): ``errors`` words its
problems with :mod:`.messages`, which matches locales here.

>>> negotiate("es_AR"), negotiate("pt"), negotiate("fr-CA"), negotiate(None)
('es', 'pt_BR', 'fr', 'en')
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

# Imported as a module, not by name: errors imports this module (through .messages) while it
# is being initialised, and UnknownLocale is looked up only when a locale is refused.
from wwc_standard import errors

__all__ = ["LOCALES", "PLURAL_FORMS", "format_locale", "locales", "negotiate"]

LOCALES = ("en", "es", "pt_BR", "fr")
"""The locales the library speaks; English is the source."""

PLURAL_FORMS: Mapping[str, str] = {
    "es": "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
    "pt_BR": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
    "fr": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
}
"""The gettext plural rule of each translated locale, as its catalogs' headers declare it.

CLDR's current rules (CLDR 42 and later, in Babel from 2.19): form 0 is CLDR's "one", form 1
its "many" (whole millions: "1.000.000 de criterios", "1 000 000 de critères") and form 2
"other". They are fixed here rather than read from the installed Babel, whose tables follow
the CLDR version it bundles, so that the catalogs, and what users read, stay the same under
every Babel version the library supports. They are worded as Babel 2.19 words them, so
``pybabel update`` there leaves the headers as they are. The runtime uses each catalog's
header; the catalog tests check the headers against this table.
"""

# A language the library speaks without the exact territory falls back to the variant the
# library has: pt_PT and pt to pt_BR (the only Portuguese catalog), es_AR to es, fr_CA to fr.
_BY_LANGUAGE = {"en": "en", "es": "es", "pt": "pt_BR", "fr": "fr"}


def locales() -> tuple[str, ...]:
    """The locales the library speaks, English (the source) first.

    >>> locales()
    ('en', 'es', 'pt_BR', 'fr')
    """
    return LOCALES


def negotiate(locale: object) -> str:
    """The supported locale for ``locale`` (a tag such as ``"es_AR"`` or ``"fr-CA"``, a
    ``babel.Locale``, or ``None`` for English).

    Raises :class:`~wwc_standard.UnknownLocale` for a language the library does not speak.

    >>> negotiate("pt_PT"), negotiate("EN_us")
    ('pt_BR', 'en')
    """
    if locale is None:
        return "en"
    tag = str(locale).strip().replace("-", "_")
    language = tag.split("_", 1)[0].split("@", 1)[0].split(".", 1)[0].lower()
    if tag in LOCALES:
        return tag
    if language in _BY_LANGUAGE:
        return _BY_LANGUAGE[language]
    raise errors.UnknownLocale.of(str(locale), LOCALES)


# The English variants whose CLDR formats are those of "en" itself (en is US English): they
# keep English output free of Babel.
_PLAIN_ENGLISH = frozenset({"en", "en_us"})


@functools.lru_cache(maxsize=256)  # bounded: the tags come from users
def format_locale(locale: object) -> str:
    """The locale numbers, percentages, lists and dates are formatted in for ``locale``: the
    full tag when Babel knows it (``es_MX`` keeps Mexico's formats, ``pt_PT`` Portugal's),
    else the catalog's locale (:func:`negotiate`). The words come from the nearest catalog
    (:func:`negotiate`); the two are kept apart, so a reader in Lisbon reads the Brazilian
    catalog's sentences with Portuguese numbers and dates.

    Raises :class:`~wwc_standard.UnknownLocale` for a language the library does not speak.

    >>> format_locale("es-MX"), format_locale("pt_PT"), format_locale("fr"), format_locale(None)
    ('es_MX', 'pt_PT', 'fr', 'en')
    >>> format_locale("en_US"), format_locale("es_ZZ")
    ('en', 'es')
    """
    catalog = negotiate(locale)
    if locale is None:
        return catalog
    tag = str(locale).strip().replace("-", "_").split(".", 1)[0].split("@", 1)[0]
    if tag in LOCALES or tag.lower() in _PLAIN_ENGLISH:
        return catalog
    # Babel on first use, for a tag with a territory or script only (English needs none).
    from babel import Locale, UnknownLocaleError

    try:
        parsed = str(Locale.parse(tag))
    except (UnknownLocaleError, ValueError, TypeError):
        return catalog
    # Babel fills a territory it does not know with the language's likeliest (es_ZZ reads as
    # es_ES): only a tag Babel takes as it is keeps its own formats.
    if parsed.lower() != tag.lower():
        return catalog
    return parsed
