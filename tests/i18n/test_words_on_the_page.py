"""The words on the page (issue 13, item 6): country names from Babel in the reader's language,
numbers and dates in the full locale asked for, eligibility sentences that read in every locale,
and French typography (a no-break space before ; : ? !) in every French catalog."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

import wwc_standard as wwc
from wwc_standard.evaluation.render import render_text
from wwc_standard.i18n.languages import LOCALES, format_locale, negotiate
from wwc_standard.i18n.messages import Clauses, Items, Message, Percent
from wwc_standard.revisions.countries import ENGLISH_NAMES, Country, country_name

PACKAGE = Path(wwc.__file__).resolve().parent
FRENCH = sorted((PACKAGE / "locales" / "fr" / "LC_MESSAGES").glob("*.po"))

#: Full locales a reader may ask for, with the catalog that words them.
READERS = {
    "en": "en",
    "es": "es",
    "es_MX": "es",
    "es_AR": "es",
    "pt_BR": "pt_BR",
    "pt_PT": "pt_BR",
    "fr": "fr",
    "fr_CA": "fr",
    "en_GB": "en",
}


def shipped_countries() -> set[str]:
    return {code for v in wwc.standards() for code in wwc.standard(v).eligibility.countries}


# -- country names ----------------------------------------------------------------------------


def test_the_english_table_names_exactly_the_shipped_revisions_countries() -> None:
    assert set(ENGLISH_NAMES) == shipped_countries()


@pytest.mark.parametrize("code", sorted(ENGLISH_NAMES))
def test_every_english_name_is_babels(code: str) -> None:
    assert ENGLISH_NAMES[code] == Locale.parse("en").territories[code]


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("code", ["US", "BR", "MX", "CA", "JM", "FR", "DE"])
def test_a_country_is_named_by_babel_in_the_readers_language(reader: str, code: str) -> None:
    expected = Locale.parse(format_locale(reader)).territories[code]
    assert country_name(code, reader) == expected
    assert Country(code).localized(reader) == expected


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize(
    ("version", "code"), [("2022", "US"), ("2022", "BR"), ("2024", "MX"), ("2024", "FR")]
)
def test_eligibility_names_the_country_not_its_code(reader: str, version: str, code: str) -> None:
    result = wwc.evaluate({"city": {"country": code, "population": 50_000}, "answers": {}}, version)
    reason = result.eligibility[0]
    text = reason.message(reader)
    assert country_name(code, reader) in text
    assert not re.search(rf"\b{code}\b", text), text
    # The region is the revision's own text, translated by the reader's catalog.
    region = result.standard.text(result.standard.eligibility.region).localized(reader)
    assert region in text
    # Programs still read the code.
    assert reason.params == {"country": code}
    assert reason.to_dict()["params"] == {"country": code}


#: The words each catalog must use around a country and a region: no article or preposition
#: that agrees with the name (the old "fica em América do Norte", "se trouve en les États-Unis").
REGION_FORMS = {
    "en": ("country: ", "the revision's region ("),
    "es": ("país: ", "la región de la revisión ("),
    "pt_BR": ("país: ", "região da revisão ("),
    "fr": ("pays\u00a0: ", "région de la révision ("),
}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("code", ["US", "JM", "FR"])
@pytest.mark.parametrize("version", ["2022", "2024"])
def test_region_sentences_need_no_agreement_with_the_names(
    locale: str, code: str, version: str
) -> None:
    result = wwc.evaluate({"city": {"country": code, "population": 50_000}, "answers": {}}, version)
    text = result.eligibility[0].message(locale)
    label, region = REGION_FORMS[locale]
    name = country_name(code, locale)
    assert text.startswith(f"{label}{name}, "), text
    assert region in text
    # The names stand alone: after a colon, and first inside parentheses.
    revision_region = result.standard.text(result.standard.eligibility.region).localized(locale)
    assert f"({revision_region}" in text


# -- formats of the full locale, words of the nearest catalog ----------------------------------


@pytest.mark.parametrize(("reader", "catalog"), sorted(READERS.items()))
def test_numbers_dates_and_lists_follow_the_full_locale(reader: str, catalog: str) -> None:
    babel_locale = format_locale(reader)
    assert negotiate(reader) == catalog
    day = datetime.date(2024, 3, 1)
    message = Message(
        "{n} {share} {day} {ids}",
        n=1234567,
        share=Percent(0.628),
        day=day,
        ids=Items(["DM1", "DM2", "OD3"]),
    )
    expected = " ".join(
        [
            format_decimal(1234567, locale=babel_locale),
            format_percent(
                0.628,
                str(Locale.parse(babel_locale).percent_formats[None].pattern).replace(
                    "#,##0", "#,##0.0", 1
                ),
                locale=babel_locale,
            ),
            format_date(day, format="long", locale=babel_locale),
            format_list(["DM1", "DM2", "OD3"], locale=babel_locale),
        ]
    )
    assert message.render(reader) == expected


def test_mexico_and_portugal_get_their_own_formats() -> None:
    assert Message("{n}", n=1234567).render("es_MX") == "1,234,567"
    assert Message("{n}", n=1234567).render("es") == "1.234.567"
    assert Message("{n}", n=1234567).render("pt_PT") == "1\u00a0234\u00a0567"
    assert Message("{n}", n=1234567).render("pt_BR") == "1.234.567"
    # The words are the nearest catalog's.
    assert Message("{n} met", n=3).render("pt_PT") == Message("{n} met", n=3).render("pt_BR")


@pytest.mark.parametrize("reader", sorted(READERS))
def test_the_text_report_reads_in_the_full_locale(reader: str) -> None:
    result = wwc.evaluate(
        {"city": {"name": "Riverton", "country": "MX", "population": 1_234_567}, "answers": {}}
    )
    text = render_text(result, locale=reader)
    population = format_decimal(1_234_567, locale=format_locale(reader))
    assert population in text
    assert country_name("MX", reader) in text
    # The first line is worded by the catalog.
    assert text.splitlines()[0] == render_text(result, locale=negotiate(reader)).splitlines()[0]


@pytest.mark.parametrize("tag", ["es_ZZ", "pt_XX", "fr-QQ"])
def test_a_territory_babel_does_not_know_keeps_the_catalogs_formats(tag: str) -> None:
    assert format_locale(tag) == negotiate(tag)


def test_an_unknown_language_is_still_refused() -> None:
    with pytest.raises(wwc.UnknownLocale):
        format_locale("de_DE")
    with pytest.raises(wwc.UnknownLocale):
        Message("{n}", n=1).render("de_DE")


def test_english_names_and_american_english_do_not_import_babel() -> None:
    code = (
        "import sys, wwc_standard as wwc\n"
        "r = wwc.evaluate({'city': {'country': 'JM', 'population': 50000}, 'answers': {}})\n"
        "r.explain('en'); r.explain('en_US'); r.eligibility[0].message('en-US')\n"
        "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


# -- French typography --------------------------------------------------------------------------

#: What is code, not French prose, inside a message: JSON keys and literals in straight quotes
#: (French prose quotes with « »), ``{{ }}`` JSON objects, and URLs.
_CODE = re.compile(r'"[^"]*":?|\'[^\'\s]*\'|\{\{[^{}]*\}\}|https?://\S*')


def _french_strings() -> list[tuple[str, str]]:
    found = []
    for path in FRENCH:
        with path.open("rb") as source:
            catalog = read_po(source, locale="fr", domain=path.stem)
        for message in catalog:
            if not message.id:
                continue
            value = message.string
            for text in value if isinstance(value, list | tuple) else (value,):
                found.append((f"{path.stem}: {message.id!r}", text))
    return found


def test_every_french_message_puts_a_no_break_space_before_high_punctuation() -> None:
    """French typography: a no-break space (U+00A0, or the narrow U+202F) before ; : ? and !
    in prose; code quoted in a message (JSON, 'sha256:') keeps its own spelling."""
    wrong = []
    for where, text in _french_strings():
        prose = _CODE.sub("", text)
        for match in re.finditer(r"(.)[;:?!]", prose):
            if match.group(1) not in "\u00a0\u202f":
                wrong.append(f"{where}: {text!r}")
                break
    assert not wrong, "\n".join(wrong)


def test_the_french_check_finds_a_missing_space() -> None:
    prose = _CODE.sub("", "deux clauses; une autre")
    assert re.search(r"[^\u00a0\u202f][;:?!]", prose)
    assert not re.search(r"[^\u00a0\u202f][;:?!]", _CODE.sub("", 'ajoutez "answers": {{"a": 1}}'))


@pytest.mark.parametrize("locale", LOCALES)
def test_clauses_are_joined_as_the_language_writes_them(locale: str) -> None:
    joined = Message("{c}", c=Clauses(["a", "b", "c"])).render(locale)
    separator = "\u00a0; " if locale == "fr" else "; "
    assert joined == separator.join(["a", "b", "c"])
    assert Message("{c}", c=Clauses([])).render(locale) == ""


def test_french_eligibility_and_ineligibility_use_french_semicolons() -> None:
    result = wwc.evaluate({"city": {"country": "FR", "population": 10}, "answers": {}}, "2024")
    report = result.explain("fr")
    assert "\u00a0; " in report
    assert not re.search(r"[^\u00a0\u202f];", report)
    not_eligible = [r for r in result.certification.reasons if r.code == "not-eligible"]
    assert not_eligible
    assert "\u00a0; " in not_eligible[0].message("fr")


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_diff_names_the_countries_it_adds_with_their_codes(reader: str) -> None:
    text = wwc.diff(wwc.standard("2023"), wwc.standard("2024")).explain(reader)
    line = next(line for line in text.splitlines() if "(JM)" in line)
    for code in ("AG", "JM", "VI"):
        assert f"{country_name(code, reader)} ({code})" in line
