"""The gettext catalogs: complete, up to date with the sources, and consistent with Babel.

Every check runs on every catalog found by the layout ``locales/<locale>/LC_MESSAGES/<domain>.po``
(the library's messages and the texts of each revision alike), so a new domain or locale is
covered as soon as its files exist. These tests fail when a message is added to the code and
not translated: run ``.ci/catalogs.py`` and translate what it reports (docs/translations.md).
"""

from __future__ import annotations

import gettext
import io
import string
import sys
import tomllib
from pathlib import Path

import babel
import pytest
from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.frontend import parse_keywords
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from wwc_standard.i18n.catalogs import DOMAIN
from wwc_standard.i18n.languages import LOCALES, PLURAL_FORMS
from wwc_standard.i18n.messages import Plural
from wwc_standard.planning.effort import GUIDANCE_DOMAIN

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "wwc_standard"
LOCALE_DIR = PACKAGE / "locales"
CATALOGS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
TEMPLATES = sorted(LOCALE_DIR.glob("*.pot"))


def read(path: Path) -> Catalog:
    with path.open("rb") as source:
        locale = path.parent.parent.name if path.suffix == ".po" else None
        return read_po(source, locale=locale, domain=path.stem)


def catalog_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


def strings(message: Message) -> tuple[str, ...]:
    value = message.string
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def ids(message: Message) -> tuple[str, ...]:
    value = message.id
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("domain", [DOMAIN, GUIDANCE_DOMAIN])
def test_the_layout_has_a_catalog_per_locale_for_the_library(domain: str) -> None:
    """The library's messages and the shipped guidance texts; the revisions' are checked in
    tests/test_revision_catalogs.py."""
    for locale in LOCALES:
        path = LOCALE_DIR / locale / "LC_MESSAGES" / f"{domain}.po"
        assert path.exists() == (locale != "en"), path
        assert (path in CATALOGS) == (locale != "en")
    assert LOCALE_DIR / f"{domain}.pot" in TEMPLATES
    assert {p.parent.parent.name for p in CATALOGS} == set(LOCALES) - {"en"}


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_every_message_is_translated_and_none_is_fuzzy(path: Path) -> None:
    catalog = read(path)
    assert not catalog.fuzzy, "the catalog header is marked fuzzy"
    missing = [ids(m)[0] for m in catalog if m.id and not all(strings(m))]
    fuzzy = [ids(m)[0] for m in catalog if m.id and m.fuzzy]
    assert missing == [], f"untranslated in {catalog_id(path)}"
    assert fuzzy == [], f"fuzzy in {catalog_id(path)}"


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_translations_keep_the_placeholders(path: Path) -> None:
    """``{count}`` in the English text must be ``{count}`` in the translation, no more, no less
    (for plurals: every form uses only the msgids' placeholders, and together all of them)."""
    wrong = []
    for message in read(path):
        if not message.id or not all(strings(message)):
            continue
        expected = set().union(*(placeholders(text) for text in ids(message)))
        found = [placeholders(text) for text in strings(message)]
        if len(found) == 1 and found[0] != expected:
            wrong.append((ids(message)[0], strings(message)[0]))
        elif len(found) > 1 and (
            any(not f <= expected for f in found) or set().union(*found) != expected
        ):
            wrong.append((ids(message)[0], strings(message)[-1]))
    assert wrong == []


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_plural_forms_follow_the_fixed_cldr_rules(path: Path) -> None:
    """Every catalog declares the rule of PLURAL_FORMS, not the installed Babel's, and every
    plural message has a translation for each of its forms."""
    locale = path.parent.parent.name
    catalog = read(path)
    assert catalog.plural_forms == PLURAL_FORMS[locale]
    assert catalog.num_plurals == 3
    for message in catalog:
        if message.id and message.pluralizable:
            assert len(strings(message)) == 3, ids(message)[0]
            assert all(strings(message)), ids(message)[0]


#: The CLDR category, and so the gettext form, that each count takes (CLDR 42 and later).
EXPECTED_FORMS = {
    "es": {0: 2, 1: 0, 2: 2, 1_000_000: 1},
    "pt_BR": {0: 0, 1: 0, 2: 2, 1_000_000: 1},
    "fr": {0: 0, 1: 0, 2: 2, 1_000_000: 1},
}


@pytest.mark.parametrize("locale", sorted(PLURAL_FORMS))
def test_the_fixed_rules_pick_cldr_categories(locale: str) -> None:
    """The table itself, read with gettext's own parser: one for 1 (and 0 in pt and fr), many
    for whole millions, other for the rest."""
    rule = gettext.c2py(PLURAL_FORMS[locale].split("plural=", 1)[1].rstrip(";"))
    assert {n: rule(n) for n in EXPECTED_FORMS[locale]} == EXPECTED_FORMS[locale]
    assert rule(2_000_000) == 1
    assert rule(1_000_001) == 2


@pytest.mark.parametrize("locale", sorted(PLURAL_FORMS))
def test_the_fixed_rules_agree_with_the_cldr_of_the_installed_babel(locale: str) -> None:
    """Where the installed Babel bundles a CLDR with the "many" category (Babel 2.19 and later),
    its categories give the same forms as our table; older Babels are not consulted."""
    categories = Locale.parse(locale).plural_form
    if "many" not in categories.tags:
        pytest.skip(f"Babel {babel.__version__} bundles a CLDR without 'many' for {locale}")
    order = {"one": 0, "many": 1, "other": 2}
    for n, form in EXPECTED_FORMS[locale].items():
        assert order[categories(n)] == form, n


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("n", [0, 1, 2, 1_000_000])
def test_a_plural_message_is_rendered_in_the_form_of_its_count(locale: str, n: int) -> None:
    """Rendered through the library (the shipped catalog and its header's rule), each count
    takes the form its CLDR category gives, with the count formatted for the locale."""
    singular, plural = (
        "{n} more criterion for {tier} ({target} of {possible})",
        ("{n} more criteria for {tier} ({target} of {possible})"),
    )
    text = Plural(singular, plural, n, tier="Gold", target=30, possible=43).render(locale)
    if locale == "en":
        expected = singular if n == 1 else plural
    else:
        catalog = read(LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po")
        message = catalog.get((singular, plural))
        assert message is not None
        expected = strings(message)[EXPECTED_FORMS[locale][n]]
    number = format_decimal(n, locale=locale)
    assert text == expected.format(n=number, tier="Gold", target="30", possible="43")


def test_the_many_form_reads_as_cldr_writes_it() -> None:
    """A whole million takes "de" before its noun in es, pt_BR and fr."""
    message = Plural("{n} point", "{n} points", 1_000_000)
    assert message.render("es") == "1.000.000 de puntos"
    assert message.render("pt_BR") == "1.000.000 de pontos"
    assert message.render("fr") == "1\u202f000\u202f000 de points"
    assert message.render("en") == "1,000,000 points"
    assert Plural("{n} point", "{n} points", 2_000_001).render("es") == "2.000.001 puntos"


@pytest.mark.parametrize("path", [*CATALOGS, *TEMPLATES], ids=catalog_id)
def test_locations_name_files_without_line_numbers(path: Path) -> None:
    """So that moving a message to another line (a comment added above it) changes no
    catalog: .ci/catalogs.py writes locations without line numbers."""
    with_lines = [(m.id, m.locations) for m in read(path) if any(line for _, line in m.locations)]
    assert with_lines == []
    assert "#: src/" in path.read_text("utf-8") or not any(m.id for m in read(path))


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalogs_say_the_translation_is_unofficial(path: Path) -> None:
    assert "UNOFFICIAL" in read(path).header_comment


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalogs_compile(path: Path) -> None:
    # Babel's own checks are for %-style "python-format" messages; ours use {named} fields,
    # which test_translations_keep_the_placeholders checks.
    catalog = read(path)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert compiled.getvalue()


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
def test_catalogs_have_exactly_the_messages_of_their_template(template: Path) -> None:
    """A catalog with a message its template lacks is stale; one without a message of its
    template has not been updated (``.ci/catalogs.py`` does both)."""
    expected = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read(template) if m.id}
    for locale in sorted(set(LOCALES) - {"en"}):
        path = LOCALE_DIR / locale / "LC_MESSAGES" / f"{template.stem}.po"
        if not expected and not path.exists():
            continue  # a revision that brings no new text inherits every translation
        found = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read(path) if m.id}
        assert sorted(map(str, expected - found)) == [], f"missing from {locale}/{template.stem}"
        assert sorted(map(str, found - expected)) == [], f"stale in {locale}/{template.stem}"


def extracted_library_messages() -> set[str | tuple[str, ...]]:
    """The library's messages as ``pybabel extract -F pyproject.toml src/wwc_standard`` finds
    them, with the mapping and keywords of ``[tool.babel]``."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["babel"]
    method_map, options, keywords = [], {}, {}
    for entry in config["mappings"]:
        entry = dict(entry)
        method, pattern = entry.pop("method"), entry.pop("pattern")
        if "keywords" in entry:
            entry["keywords"] = parse_keywords(entry["keywords"])
            keywords.update(entry["keywords"])
        method_map.append((pattern, method))
        options[pattern] = entry
    # The mapping's keywords also as keywords=: Babel before 2.18 ignores them per mapping.
    found = extract_from_dir(str(PACKAGE), method_map, options, keywords=keywords)
    return {message if isinstance(message, str) else tuple(message) for _, _, message, *_ in found}


def test_the_library_template_is_up_to_date_with_the_sources() -> None:
    """Fails when a ``Message`` is added, changed or removed in the code and the template and
    catalogs were not regenerated (``.ci/catalogs.py``)."""
    sources = extracted_library_messages()
    template = {
        m.id if isinstance(m.id, str) else tuple(m.id)
        for m in read(LOCALE_DIR / f"{DOMAIN}.pot")
        if m.id
    }
    assert sorted(map(str, sources - template)) == [], "in the code, not in the template"
    assert sorted(map(str, template - sources)) == [], "in the template, no longer in the code"


def test_extraction_finds_the_library_messages() -> None:
    """The check above is not vacuous: the extraction sees Message, Plural and N_."""
    sources = extracted_library_messages()
    assert "answered unmet" in sources  # Message
    plurals = {m for m in sources if isinstance(m, tuple)}
    assert (
        "{n} more criterion for {tier} ({target} of {possible})",
        "{n} more criteria for {tier} ({target} of {possible})",
    ) in plurals  # Plural
    assert "Platinum" in sources  # N_


def test_the_old_extractor_path_still_works_for_one_release() -> None:
    """0.1.0's docs named ``wwc_standard._extract:extract_revision`` in pybabel mappings: it
    still extracts the same texts until 0.3.0, with a DeprecationWarning."""
    revision = str(PACKAGE / "standards" / "2022.toml")
    sys.modules.pop("wwc_standard._extract", None)
    with pytest.warns(DeprecationWarning, match=r"0\.3\.0"):
        old = list(extract_from_file("wwc_standard._extract:extract_revision", revision))
    new = list(extract_from_file("wwc_standard.i18n.extract:extract_revision", revision))
    assert old == new
    assert len(new) > 40
