"""Messages rendered for a locale: the translatable sentences of the library and their values.

English is the source language: a message's English text is its msgid. A :class:`Message`
keeps its msgid and its values apart until it is rendered, so the same reason can be read in
English, Spanish, Brazilian Portuguese or French, with its numbers, percentages, lists and dates
formatted by Babel for that locale. English, the text most often read, is formatted here as
Babel formats it for ``en``, byte for byte, without loading Babel (it would cost the first
English explanation many times its own time). The locale is always passed explicitly: the
process environment is never read and ``gettext.install()`` is never called.

>>> print(Message("{count} of {total} criteria met", count=27, total=43))
27 of 43 criteria met
>>> print(Plural("{n} criterion", "{n} criteria", 1))
1 criterion
>>> print(Message("{ids} must be met first", ids=Items(["DM1", "DM2", "OD3"])))
DM1, DM2, and OD3 must be met first
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

from wwc_standard._exports import publish
from wwc_standard._pickling import SlotsState

from .catalogs import DOMAIN, translations
from .languages import LOCALES, format_locale, negotiate

__all__ = [
    "N_",
    "Clauses",
    "Items",
    "Localizable",
    "Message",
    "Percent",
    "Plural",
    "Text",
    "as_optional_text",
    "as_text",
    "format_number",
    "join_lines",
]

HUGE = 10**15
"""From this size on, :func:`format_number` writes a number in scientific form: Babel formats
through ``decimal`` with 28 digits of precision (it fails from 10**27 up), Python will not write
an int of more than 4,300 digits, and no count or effort of the standard comes near it."""


@runtime_checkable
class Localizable(Protocol):
    """A value that words itself for a locale (a tier, a criterion's name)."""

    def localized(self, locale: str) -> str:
        """This value's text in ``locale``."""
        ...


class Percent(SlotsState):
    """A fraction (0.63) shown as a percentage formatted for the locale, with one decimal
    (or ``decimals=0`` for a whole bound such as a tier band's 68%).

    >>> [Message("{share}", share=Percent(27 / 43)).render(l) for l in ("en", "es", "pt_BR")]
    ['62.8%', '62,8\\xa0%', '62,8%']
    >>> Message("{bound}", bound=Percent(0.68, decimals=0)).render("fr")
    '68\\xa0%'
    """

    __slots__ = ("decimals", "value")

    def __init__(self, value: float, *, decimals: int = 1) -> None:
        self.value = value
        self.decimals = decimals

    def __repr__(self) -> str:
        return f"Percent({self.value!r})"

    def to_json(self) -> float:
        return self.value


class Items(SlotsState):
    """A list of values joined for the locale ("DM1, DM2, and OD3", "DM1, DM2 y OD3")."""

    __slots__ = ("values",)

    def __init__(self, values: Iterable[Any]) -> None:
        self.values = tuple(values)

    def __repr__(self) -> str:
        return f"Items({list(self.values)!r})"

    def to_json(self) -> list[Any]:
        return [_json(value) for value in self.values]


class Clauses(SlotsState):
    """Clauses joined with semicolons as the locale writes them ("a; b" in English, "a\u00a0; b"
    in French, with the no-break space French typography puts before a semicolon); each value
    is formatted in the locale like any message value.

    >>> clauses = Clauses(["population 9,500", "country: Spain"])
    >>> Message("{c}", c=clauses).render("en")
    'population 9,500; country: Spain'
    >>> Message("{c}", c=clauses).render("fr")
    'population 9,500\xa0; country: Spain'
    """

    __slots__ = ("values",)

    def __init__(self, values: Iterable[Any]) -> None:
        self.values = tuple(values)

    def __repr__(self) -> str:
        return f"Clauses({list(self.values)!r})"

    def localized(self, locale: str) -> str:
        """The clauses joined in ``locale``."""
        texts = [_format(value, locale) for value in self.values]
        if not texts:
            return ""
        joined = texts[0]
        for text in texts[1:]:
            # Translators: two clauses of one sentence, joined by a semicolon as the language
            # writes it (French: a no-break space before the semicolon).
            joined = Message("{first}; {second}", first=joined, second=text).render(locale)
        return joined

    def to_json(self) -> list[Any]:
        return [_json(value) for value in self.values]


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction without translating it (for tables of words)."""
    return msgid


class Message(SlotsState):
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
        """The message in ``locale`` (any tag :func:`negotiate` accepts): its words from the
        nearest catalog, its numbers, lists and dates in the full locale
        (:func:`~wwc_standard.i18n.languages.format_locale`).

        >>> message = Message("{n} criteria", n=1234567)
        >>> message.render("es"), message.render("es_MX")
        ('1.234.567 criteria', '1,234,567 criteria')
        """
        formats = locale
        if locale not in LOCALES:
            formats = format_locale(locale)
            locale = negotiate(locale)
        if locale == "en":
            # The source language: the msgid is the text (English plural: n == 1 or not).
            plural = self.plural is not None and self.n is not None and self.n != 1
            template = self.plural if plural and self.plural is not None else self.msgid
        else:
            catalog = translations(locale, self.domain)
            if self.plural is not None and self.n is not None:
                template = catalog.ngettext(self.msgid, self.plural, self.n)
            else:
                template = catalog.gettext(self.msgid)
        values = {key: _format(value, formats) for key, value in self.params.items()}
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


class Text(str):
    """An English sentence that can also be read in another locale: call it with the locale.

    It is the English string (equal to it, hashing and printing as it), so code written for
    English text keeps working; calling it renders the :class:`Message` behind it in any
    locale. Text made from a plain string reads the same in every locale.

    >>> reason = Text(Message("population {population} is below the floor of {floor}",
    ...                       population=9500, floor=10000))
    >>> reason == "population 9,500 is below the floor of 10,000", reason()
    (True, 'population 9,500 is below the floor of 10,000')
    >>> reason("fr")
    'population de 9\\u202f500 habitants, sous le seuil de 10\\u202f000'
    >>> Text("plain words")("es")
    'plain words'
    """

    # str subclasses cannot have non-empty __slots__; the message lives in the instance dict.
    message: Message | None
    """The translatable message behind the text; ``None`` for text made from a plain string."""

    def __new__(cls, value: Message | str) -> Text:
        if isinstance(value, Message):
            text = super().__new__(cls, value.render("en"))
            text.message = value
        else:
            text = super().__new__(cls, value)
            text.message = value.message if isinstance(value, Text) else None
        return text

    def __call__(self, locale: str = "en") -> str:
        """The text in ``locale`` (any tag :func:`negotiate` accepts)."""
        if self.message is None:
            if locale != "en" and locale not in LOCALES:
                negotiate(locale)  # an unknown locale is an error even for untranslated text
            return str(self)
        return self.message.render(locale)

    def __reduce__(self) -> tuple[Any, ...]:
        # str's own pickling would rebuild a plain string and lose the message.
        return (_text, (str(self), self.message))


def _text(english: str, message: Message | None) -> Text:
    text = Text(english)
    text.message = message
    return text


def as_text(value: Message | str) -> Text:
    """``value`` as :class:`Text` (the attrs converter of every ``message`` field)."""
    return value if isinstance(value, Text) else Text(value)


def as_optional_text(value: Message | str | None) -> Text | None:
    """Like :func:`as_text`, keeping ``None``."""
    return None if value is None else as_text(value)


def join_lines(lines: Iterable[str]) -> str:
    r"""The lines of a report joined with line feeds, each kept on one line: a line break
    inside a value (a city name with a line feed, a carriage return, U+2028) is shown as an
    escape, so no value can break a line of the report or forge one.

    >>> print(join_lines(["Exampleton\nGold: Silver", "Points: 27"]))
    Exampleton\nGold: Silver
    Points: 27
    """
    return "\n".join(_line_break(line.isascii()).sub(_escape_break, line) for line in lines)


@functools.cache
def _line_break(ascii_only: bool) -> re.Pattern[str]:
    """Every character str.splitlines() breaks a line at; in ASCII text (``ascii_only``),
    where only the ASCII ones can be, a class of those."""
    # Compiled on first use, each once, not at import: a class of characters beyond Latin-1
    # takes most of a millisecond to compile, and only a report joins lines; the ASCII class,
    # enough for most lines, compiles in a tenth of that.
    if ascii_only:
        return re.compile("[\n\r\v\f\x1c-\x1e]")
    return re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


_NAMED_BREAKS = {"\n": "\\n", "\r": "\\r"}


def _escape_break(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED_BREAKS.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def format_number(value: int | float, locale: str, pattern: str | None = None) -> str:
    """``value`` formatted for ``locale``: digits grouped (``pattern``, a Babel number pattern,
    for a float); from :data:`HUGE` up, in scientific form with four significant digits,
    the same in every locale but for the decimal sign; ``inf`` and ``nan`` as words Python
    uses. Never fails, whatever the size.

    >>> format_number(1234567, "fr"), format_number(1234567, "en")
    ('1\u202f234\u202f567', '1,234,567')
    >>> format_number(10**27, "es"), format_number(-(10**5000) * 7, "en")
    ('1E27', '-7E5000')
    >>> format_number(2.5e300, "pt_BR"), format_number(float("inf"), "fr")
    ('2,5E300', 'inf')
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if abs(value) >= HUGE:
        return _scientific(value, locale)
    if locale == "en":
        if pattern is None and isinstance(value, int):
            return f"{value:,}"
        english = _english_decimal(value, pattern or _ENGLISH_DECIMAL)
        if english is not None:
            return english
    # Babel on first use (start-up time; English needs none).
    from babel.numbers import format_decimal

    return str(format_decimal(value, pattern, locale=locale))


#: Babel's decimal pattern of the locale "en" (CLDR): the pattern when none is given.
_ENGLISH_DECIMAL = "#,##0.###"
#: A pattern :func:`_english_decimal` writes the way Babel does: digits grouped by three, then
#: optional decimals, the required ones ("0") before the optional ones ("#"), then "%" or not.
_SIMPLE_PATTERN = re.compile(r"#,##0(?:\.(0*)(#*))?(%?)")
#: Beyond this size, or more decimals, Babel's ``decimal`` context (28 digits) may fail to
#: round; Babel's own answer (or its error) is kept there.
_ENGLISH_LIMIT = 10**20
_ENGLISH_DECIMALS = 6


def _english_decimal(value: int | float, pattern: str) -> str | None:
    """``value`` with ``pattern`` in English, byte for byte as Babel's ``format_decimal`` and
    ``format_percent`` write it (tests/i18n/test_english.py compares them), without loading
    Babel; ``None`` for a pattern or value this does not cover, which Babel then formats.

    Babel reads the number as ``Decimal(str(value))``, scales it for a percentage, rounds it
    half to even to the most decimals of the pattern, drops optional zero decimals and writes
    a minus sign for any negative number, even one rounded to zero ("-0.0%").

    >>> _english_decimal(0.62791, "#,##0.0%"), _english_decimal(-1234.5, "#,##0.#")
    ('62.8%', '-1,234.5')
    >>> _english_decimal(0.0005, "#,##0.0%"), _english_decimal(2.0, "#,##0.#")
    ('0.0%', '2')
    """
    match = _SIMPLE_PATTERN.fullmatch(pattern)
    if match is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    required, optional, percent = (group or "" for group in match.groups())
    most = len(required) + len(optional)
    # Babel's Decimal(str(value)), read as digits times a power of ten, in integers (exact,
    # and without loading decimal).
    mantissa, _, exponent_text = str(value).lower().partition("e")
    sign = "-" if mantissa.startswith("-") else ""
    whole_digits, _, fraction_digits = mantissa.lstrip("+-").partition(".")
    digits = whole_digits + fraction_digits
    if not digits.isdigit() or most > _ENGLISH_DECIMALS:
        return None
    exponent = int(exponent_text or "0") - len(fraction_digits) + (2 if percent else 0) + most
    scaled = int(digits)
    if exponent >= 0:
        scaled *= 10**exponent
    else:
        unit = 10**-exponent
        scaled, rest = divmod(scaled, unit)
        if 2 * rest > unit or (2 * rest == unit and scaled % 2):  # half to even, as Babel
            scaled += 1
    whole, fraction = divmod(scaled, 10**most)
    if whole >= _ENGLISH_LIMIT:
        return None
    decimals = str(fraction).rjust(most, "0") if most else ""
    if most == 0 or (not required and fraction == 0):
        decimals = ""
    else:
        decimals = decimals[: len(required)] + decimals[len(required) :].rstrip("0")
    return f"{sign}{whole:,}{'.' if decimals else ''}{decimals}{percent}"


def _scientific(value: int | float, locale: str) -> str:
    magnitude = abs(value)
    if isinstance(value, float):
        digits, _, exponent_text = f"{magnitude:.3e}".partition("e")
        mantissa, exponent = digits.replace(".", ""), int(exponent_text)
    else:
        # No str() of the whole int: Python refuses one of more than 4,300 digits.
        exponent = int(math.log10(magnitude))
        while 10**exponent > magnitude:
            exponent -= 1
        while 10 ** (exponent + 1) <= magnitude:
            exponent += 1
        unit = 10 ** max(0, exponent - 3)
        digits_left, rest = divmod(magnitude, unit)
        if 2 * rest >= unit:  # rounded half up, as the float branch rounds
            digits_left += 1
        if digits_left >= 10_000:
            digits_left, exponent = digits_left // 10, exponent + 1
        mantissa = str(digits_left)
    mantissa = mantissa.rstrip("0") or "0"
    decimal = "." if locale == "en" else _decimal_symbol(locale)
    whole = mantissa[0] + (decimal + mantissa[1:] if len(mantissa) > 1 else "")
    return f"{'-' if value < 0 else ''}{whole}E{exponent}"


@functools.cache
def _decimal_symbol(locale: str) -> str:
    # Babel on first use (start-up time).
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(locale))


def _format(value: Any, locale: str) -> str:
    if isinstance(value, Message):
        return value.render(locale)
    if isinstance(value, Text):
        return value(locale)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value, locale)
    # A Localizable, tested by its method: isinstance() on a runtime-checkable Protocol is
    # many times slower, and this runs for every value of every message.
    localized = getattr(value, "localized", None)
    if callable(localized):
        return str(localized(locale))
    if isinstance(value, Percent):
        if locale == "en":
            english = _english_decimal(value.value, _percent_pattern("en", value.decimals))
            if english is not None:
                return english
        # Babel on first use (start-up time; English needs none).
        from babel.numbers import format_percent

        return format_percent(value.value, _percent_pattern(locale, value.decimals), locale=locale)
    if isinstance(value, Items):
        items = [_format(item, locale) for item in value.values]
        if locale == "en":
            return _english_list(items)
        # Babel on first use (start-up time; English needs none).
        from babel.lists import format_list

        return format_list(items, locale=locale)
    if isinstance(value, datetime.date):
        if locale == "en":
            # Babel's long English date, "MMMM d, y": the year in full, never padded.
            return f"{_ENGLISH_MONTHS[value.month - 1]} {value.day}, {value.year}"
        # Babel on first use (start-up time; English needs none).
        from babel.dates import format_date

        return format_date(value, format="long", locale=locale)
    return str(value)


#: The month names of Babel's long English date (CLDR "en", format context, wide).
_ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _english_list(items: list[str]) -> str:
    """``items`` joined as Babel's "standard" English list pattern joins them (CLDR "en"):
    "a", "a and b", "a, b, and c".

    >>> _english_list([]), _english_list(["DM1", "DM2"]), _english_list(["a", "b", "c"])
    ('', 'DM1 and DM2', 'a, b, and c')
    """
    if len(items) <= 1:
        return items[0] if items else ""
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return f"{', '.join(items[:-1])}, and {items[-1]}"


#: Babel's percent pattern of the locale "en" (CLDR).
_ENGLISH_PERCENT = "#,##0%"


@functools.cache
def _percent_pattern(locale: str, decimals: int = 1) -> str:
    # The locale's own percent pattern (its sign, its spacing: "62,8\xa0%" in Spanish and
    # French), with one decimal by default so that 62.8% and 63.0% are never shown alike.
    if locale == "en":
        pattern = _ENGLISH_PERCENT
    else:
        # Babel on first use (start-up time; English needs none).
        from babel import Locale

        pattern = str(Locale.parse(locale).percent_formats[None].pattern)
    return pattern.replace("#,##0", "#,##0" + ("." + "0" * decimals if decimals else ""), 1)


def _json(value: Any) -> Any:
    if isinstance(value, Message | Text):
        return str(value)
    if isinstance(value, Percent | Items | Clauses):
        return value.to_json()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    localized = getattr(value, "localized", None)
    if callable(localized):
        return str(localized("en"))
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return str(value)


publish(globals())
