"""ISO 3166-1 alpha-2 country codes, to check the ``country`` of a city, and country names.

The 249 officially assigned codes. Shipped as data rather than read from Babel's territory
list, which also holds codes that are not countries (``EU``, ``UN``, ``XK``, ``ZZ`` ...), so a
Babel upgrade can never change which assessments are valid.

A country is named for a reader by :class:`Country`, with Babel's territory names (CLDR) in
the reader's locale.
"""

from __future__ import annotations

from wwc_standard._pickling import SlotsState

__all__ = ["ENGLISH_NAMES", "ISO_3166_ALPHA_2", "Country", "country_name"]

# fmt: off
ISO_3166_ALPHA_2: frozenset[str] = frozenset([
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
    "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
    "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
    "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
    "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
    "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
    "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
    "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
    "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV",
    "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ",
    "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
    "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
    "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
    "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
    "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR",
    "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
])
# fmt: on


ENGLISH_NAMES: dict[str, str] = {
    "AG": "Antigua & Barbuda",
    "AI": "Anguilla",
    "AR": "Argentina",
    "AW": "Aruba",
    "BB": "Barbados",
    "BL": "St. Barthélemy",
    "BM": "Bermuda",
    "BO": "Bolivia",
    "BQ": "Caribbean Netherlands",
    "BR": "Brazil",
    "BS": "Bahamas",
    "BV": "Bouvet Island",
    "BZ": "Belize",
    "CA": "Canada",
    "CL": "Chile",
    "CO": "Colombia",
    "CR": "Costa Rica",
    "CU": "Cuba",
    "CW": "Curaçao",
    "DM": "Dominica",
    "DO": "Dominican Republic",
    "EC": "Ecuador",
    "FK": "Falkland Islands",
    "GD": "Grenada",
    "GF": "French Guiana",
    "GL": "Greenland",
    "GP": "Guadeloupe",
    "GS": "South Georgia & South Sandwich Islands",
    "GT": "Guatemala",
    "GY": "Guyana",
    "HN": "Honduras",
    "HT": "Haiti",
    "JM": "Jamaica",
    "KN": "St. Kitts & Nevis",
    "KY": "Cayman Islands",
    "LC": "St. Lucia",
    "MF": "St. Martin",
    "MQ": "Martinique",
    "MS": "Montserrat",
    "MX": "Mexico",
    "NI": "Nicaragua",
    "PA": "Panama",
    "PE": "Peru",
    "PM": "St. Pierre & Miquelon",
    "PR": "Puerto Rico",
    "PY": "Paraguay",
    "SR": "Suriname",
    "SV": "El Salvador",
    "SX": "Sint Maarten",
    "TC": "Turks & Caicos Islands",
    "TT": "Trinidad & Tobago",
    "US": "United States",
    "UY": "Uruguay",
    "VC": "St. Vincent & Grenadines",
    "VE": "Venezuela",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}
"""The English names (CLDR "en", as Babel gives them) of the countries the shipped revisions
list, and of no other.

Why a table at all: English output is written without loading Babel (its import costs the
first English explanation many times its own time, see tests/i18n/test_english.py), and an
eligibility reason names the city's country. Why only these: they are the countries a
shipped revision can find a city eligible in, so the names English readers meet most; this is
not a copy of CLDR, and any other code is named by Babel itself. tests/revisions test that the
table holds exactly the shipped revisions' countries and that every name is Babel's.
"""


def country_name(code: str, locale: str = "en") -> str:
    """The name of the country ``code`` in ``locale`` (Babel's territory names, CLDR); the
    code itself when Babel has no name for it.

    >>> country_name("US"), country_name("US", "es"), country_name("BR", "fr")
    ('United States', 'Estados Unidos', 'Brésil')
    >>> country_name("MX", "pt_PT"), country_name("FR", "en")
    ('México', 'France')
    """
    if locale == "en" and code in ENGLISH_NAMES:
        return ENGLISH_NAMES[code]
    # Babel on first use (start-up time; English names of the shipped countries need none).
    from babel import Locale

    from wwc_standard.i18n.languages import format_locale

    name = Locale.parse(format_locale(locale)).territories.get(code)
    return str(name) if name else code


class Country(SlotsState):
    """A country as a message value: its name in the reader's locale (a ``Localizable``),
    followed by its code with ``coded=True`` (for lists an auditor checks against codes); its
    ISO code in ``str()``.

    >>> Country("US").localized("fr"), str(Country("US"))
    ('États-Unis', 'US')
    >>> Country("JM", coded=True).localized("es")
    'Jamaica (JM)'
    """

    __slots__ = ("code", "coded")

    def __init__(self, code: str, *, coded: bool = False) -> None:
        self.code = code
        self.coded = coded

    def localized(self, locale: str = "en") -> str:
        """The country's name in ``locale``."""
        name = country_name(self.code, locale)
        return f"{name} ({self.code})" if self.coded and name != self.code else name

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"Country({self.code!r})"
