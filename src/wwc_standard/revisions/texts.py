"""The texts of a revision in a locale: one gettext domain per revision, looked up along
``extends``.

Every revision has its own domain, ``revision-<version>`` (``revision-2024``), whose catalog holds
only the texts its file introduces, with the English text as msgid. A revision that extends
another inherits its texts, so a text is looked up in the revision's own domain first and then in
the domains of the revisions it extends (2024, then 2023, then 2022): a text is translated once,
in the catalog of the revision that introduced it.

The chain of domains is attached to a revision and its objects when the revision is built; no
catalog is read then. A catalog is read the first time a text of its domain is asked for in a
locale other than English (see :mod:`wwc_standard.i18n.catalogs`). A domain with no catalog (a
revision loaded by a user, or one that changes no text) is the identity, so such a revision's own
texts stay in English while the texts it inherits from a shipped revision are translated.

>>> revision_domains({"version": "2024", "extends": "2023"},
...                  lambda v: {"2023": {"version": "2023", "extends": "2022"},
...                             "2022": {"version": "2022"}}[v])
('revision-2024', 'revision-2023', 'revision-2022')
>>> text_in("Open Data", ("revision-2024", "revision-2023", "revision-2022"), "pt_BR")
'Dados abertos'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from wwc_standard._pickling import SlotsState
from wwc_standard.i18n.catalogs import translations
from wwc_standard.i18n.languages import LOCALES, negotiate

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["RevisionText", "attach_domains", "domain_of", "revision_domains", "text_in"]

_PREFIX = "revision-"


def domain_of(version: str) -> str:
    """The gettext domain of a revision's texts.

    >>> domain_of("2022")
    'revision-2022'
    """
    return _PREFIX + version


def revision_domains(
    data: Mapping[str, Any], lookup: Callable[[str], Mapping[str, Any]]
) -> tuple[str, ...]:
    """The domains a revision's texts are looked up in, its own first, then along ``extends``.

    ``data`` is the revision as written (before ``extends`` is resolved) and ``lookup`` finds
    the data of the revision it extends, as when the revision was built.
    """
    versions: list[str] = []
    current: Mapping[str, Any] | None = data
    while current is not None:
        version = current.get("version")
        if not isinstance(version, str) or version in versions:
            break
        versions.append(version)
        parent = current.get("extends")
        current = None
        if isinstance(parent, str):
            try:
                current = lookup(parent)
            except LookupError:
                break
    return tuple(domain_of(version) for version in versions)


def text_in(text: str, domains: tuple[str, ...], locale: str) -> str:
    """``text`` (English, as in the revision file) in ``locale``, looked up along ``domains``.

    English, an untranslated text and an empty chain give ``text`` itself. Raises
    :class:`~wwc_standard.UnknownLocale` for a language the library does not speak.

    >>> text_in("Data Management", ("revision-2022",), "fr")
    'Gestion des données'
    >>> text_in("A text of my own", ("revision-2022",), "es")
    'A text of my own'
    """
    if locale not in LOCALES:
        locale = negotiate(locale)
    if locale == "en" or not text:
        return text
    for domain in domains:
        # A text lives in the catalog of the revision that introduced it, so the first catalog
        # that changes it has the translation.
        translated = translations(locale, domain).gettext(text)
        if translated != text:
            return translated
    return text


class RevisionText(SlotsState):
    """A text of a revision, worded for a locale when it is rendered (a :class:`Localizable`).

    >>> import wwc_standard
    >>> region = wwc_standard.standard("2022").text("the United States, Canada and Latin America")
    >>> print(region)
    the United States, Canada and Latin America
    >>> region.localized("es")
    'Estados Unidos, Canadá y América Latina'
    """

    __slots__ = ("domains", "text")

    def __init__(self, text: str, domains: tuple[str, ...]) -> None:
        self.text = text
        self.domains = domains

    def localized(self, locale: str) -> str:
        """The text in ``locale``."""
        return text_in(self.text, self.domains, locale)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"RevisionText({self.text!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RevisionText):
            return NotImplemented
        return (self.text, self.domains) == (other.text, other.domains)

    def __hash__(self) -> int:
        return hash((self.text, self.domains))


def attach_domains(standard: Standard, domains: tuple[str, ...]) -> None:
    """Give a freshly built revision and every object in it the chain its texts are looked
    up in.

    The chain is no part of the revision's content: it is left out of ``to_dict()``, the
    fingerprint, equality and hashing. The objects are frozen; they are set here once, right
    after they were built and before anyone else holds them.
    """
    owners: list[object] = [standard, standard.eligibility]
    owners += standard.practice_areas
    owners += standard.requirements
    for criterion in standard.criteria:
        owners.append(criterion)
        if criterion.checklist is not None:
            owners += criterion.checklist.items
    for owner in owners:
        object.__setattr__(owner, "_domains", domains)
