"""Translations: which locales exist, their catalogs, and messages rendered for a locale.

English is the source language: a message's English text is its msgid. A :class:`Message`
keeps its msgid and its values apart until it is rendered, so the same reason can be read in
English, Spanish, Brazilian Portuguese or French, with its numbers, percentages, lists and dates
formatted by Babel for that locale. The locale is always passed explicitly: the process
environment is never read and ``gettext.install()`` is never called.

>>> print(Message("{count} of {total} criteria met", count=27, total=43))
27 of 43 criteria met
>>> print(Plural("{n} criterion", "{n} criteria", 1))
1 criterion
>>> print(Message("{ids} must be met first", ids=Items(["DM1", "DM2", "OD3"])))
DM1, DM2, and OD3 must be met first
>>> negotiate("es_AR"), negotiate("pt"), negotiate("fr-CA"), negotiate(None)
('es', 'pt_BR', 'fr', 'en')
"""

from __future__ import annotations

import datetime
import functools
import gettext
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

from .errors import Problem, UnknownLocale

__all__ = [
    "DOMAIN",
    "LOCALES",
    "N_",
    "Items",
    "Localizable",
    "Message",
    "Percent",
    "Plural",
    "negotiate",
    "translations",
]

DOMAIN = "wwc_standard"
"""The gettext domain of the library's own messages."""

LOCALES = ("en", "es", "pt_BR", "fr")
"""The locales the library speaks; English is the source."""

# A language the library speaks without the exact territory falls back to the variant the
# library has: pt_PT and pt to pt_BR (the only Portuguese catalog), es_AR to es, fr_CA to fr.
_BY_LANGUAGE = {"en": "en", "es": "es", "pt": "pt_BR", "fr": "fr"}


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
    raise UnknownLocale(
        [
            Problem(
                path="locale",
                code="unknown-locale",
                message=f"wwc-standard does not speak {str(locale)!r}",
                hint="use one of " + ", ".join(LOCALES),
                params={"locale": str(locale), "available": list(LOCALES)},
            )
        ]
    )


@functools.cache
def translations(locale: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The catalog of ``domain`` for a negotiated ``locale``; English gets the identity.

    Catalogs are read from the ``.po`` files shipped in the package and compiled in memory
    on first use, then cached for the life of the process.
    """
    if locale == "en":
        return gettext.NullTranslations()
    from ._catalogs import load_catalog

    return load_catalog(locale, domain)


@runtime_checkable
class Localizable(Protocol):
    """A value that words itself for a locale (a tier, a criterion's name)."""

    def localized(self, locale: str) -> str:
        """This value's text in ``locale``."""
        ...


class Percent:
    """A fraction (0.63) shown as a percentage formatted for the locale ("63.0%", "63,0 %")."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"Percent({self.value!r})"

    def to_json(self) -> float:
        return self.value


class Items:
    """A list of values joined for the locale ("DM1, DM2, and OD3", "DM1, DM2 y OD3")."""

    __slots__ = ("values",)

    def __init__(self, values: Iterable[Any]) -> None:
        self.values = tuple(values)

    def __repr__(self) -> str:
        return f"Items({list(self.values)!r})"

    def to_json(self) -> list[Any]:
        return [_json(value) for value in self.values]


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction without translating it (for tables of words)."""
    return msgid


class Message:
    """A translatable sentence: an English msgid with ``{named}`` placeholders and its values.

    Rendering looks the msgid up in the catalog of the locale and formats every value for it:
    integers and :class:`Percent` with Babel's number rules, :class:`Items` as a list, dates,
    nested messages and :class:`Localizable` values in the same locale.

    >>> Message("population {population} is below the floor of {floor}",
    ...         population=9500, floor=10000).render("en")
    'population 9,500 is below the floor of 10,000'
    """

    __slots__ = ("domain", "msgid", "n", "params", "plural")

    msgid: str
    plural: str | None
    n: int | None
    params: Mapping[str, Any]
    domain: str

    def __init__(self, msgid: str, /, *, domain: str = DOMAIN, **params: Any) -> None:
        self.msgid = msgid
        self.plural = None
        self.n = None
        self.params = params
        self.domain = domain

    def render(self, locale: str = "en") -> str:
        """The message in ``locale`` (any tag :func:`negotiate` accepts)."""
        locale = negotiate(locale) if locale not in LOCALES else locale
        catalog = translations(locale, self.domain)
        if self.plural is not None and self.n is not None:
            template = catalog.ngettext(self.msgid, self.plural, self.n)
        else:
            template = catalog.gettext(self.msgid)
        values = {key: _format(value, locale) for key, value in self.params.items()}
        return template.format(**values)

    def json_params(self) -> dict[str, Any]:
        """The values as JSON-compatible data (for ``params`` in ``to_dict()``)."""
        return {key: _json(value) for key, value in self.params.items()}

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, {dict(self.params)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.msgid, self.plural, self.n, self.domain, str(self)) == (
            other.msgid,
            other.plural,
            other.n,
            other.domain,
            str(other),
        )

    def __hash__(self) -> int:
        return hash((self.msgid, self.plural, self.n, self.domain))


def Plural(
    singular: str, plural: str, n: int, /, *, domain: str = DOMAIN, **params: Any
) -> Message:
    """A message with a singular and a plural msgid, chosen by ``n`` with the locale's plural
    rules; ``{n}`` in the text is the count.

    >>> print(Plural("{n} more criterion", "{n} more criteria", 3))
    3 more criteria
    """
    message = Message(singular, domain=domain, n=n, **params)
    message.plural = plural
    message.n = n
    return message


def _format(value: Any, locale: str) -> str:
    if isinstance(value, Message):
        return value.render(locale)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Localizable):
        return value.localized(locale)
    if isinstance(value, int):
        if locale == "en":
            return f"{value:,}"
        from babel.numbers import format_decimal

        return format_decimal(value, locale=locale)
    if isinstance(value, Percent):
        from babel.numbers import format_percent

        return format_percent(value.value, "#,##0.0%", locale=locale)
    if isinstance(value, Items):
        from babel.lists import format_list

        return format_list([_format(item, locale) for item in value.values], locale=locale)
    if isinstance(value, datetime.date):
        from babel.dates import format_date

        return format_date(value, format="long", locale=locale)
    return str(value)


def _json(value: Any) -> Any:
    if isinstance(value, Message):
        return str(value)
    if isinstance(value, Percent | Items):
        return value.to_json()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Localizable):
        return value.localized("en")
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return str(value)
