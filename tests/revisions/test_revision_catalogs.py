"""The texts of the revisions in Spanish, Brazilian Portuguese and French.

One gettext domain per revision (``revision-<version>``), looked up along ``extends``; the
templates are extracted from the revision files by the ``wwc_revision`` Babel extractor. These
tests fail when a text of a revision file changes and its template or catalogs are not updated
(``.ci/catalogs.py`` updates them), when a text is left untranslated or fuzzy, and when
the lookup stops following ``extends``.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

import wwc_standard as wwc
from wwc_standard.i18n.extract import extract_revision, revision_texts
from wwc_standard.revisions.texts import revision_domains, text_in

TRANSLATED = ("es", "pt_BR", "fr")
VERSIONS = wwc.standards()
PACKAGE = resources.files("wwc_standard")
CHECKOUT = Path(__file__).resolve().parents[2]

# The fingerprints of the revisions whose texts have a domain chain (as pinned in
# test_shipped.py, since the facts correction of issue 14): attaching the chain must not change
# them.
FINGERPRINTS_BEFORE_TRANSLATION = {
    "2022": "sha256:d4edb5c3bf91cecd30a993bd1725f3533f7cf48d5dbb361763b73ca6b07e29b2",
    "2023": "sha256:82f3354f00d4fb03cc53d79f605d8559ecb329bd800252374c78016a495023e5",
    "2024": "sha256:7c844a42feff38a0d74489ee206133848552da1d155a524d3a73d8b82646505c",
    "2025": "sha256:df67d590114f3a58602c5f2a7fc7ec988defbe028148c45a29f57be1f6fa34f6",
    "2026": "sha256:ea055995bd7fbf6c158b966c90c7db0c1e4f0e2996c51a930fee1ef239eba05a",
}


def _toml(version: str) -> bytes:
    return (PACKAGE / "standards" / f"{version}.toml").read_bytes()


def _extracted(version: str) -> list[tuple[int, str, list[str]]]:
    found = extract_revision(io.BytesIO(_toml(version)), (), (), {})
    return [(lineno, text, comments) for lineno, _, text, comments in found]


def _template(version: str) -> Catalog:
    with (PACKAGE / "locales" / f"revision-{version}.pot").open("rb") as source:
        return read_po(source, domain=f"revision-{version}")


def _catalog_file(locale: str, version: str) -> Any:
    return PACKAGE / "locales" / locale / "LC_MESSAGES" / f"revision-{version}.po"


def _catalog(locale: str, version: str) -> Catalog:
    with _catalog_file(locale, version).open("rb") as source:
        return read_po(source, locale=locale, domain=f"revision-{version}")


# -- templates and catalogs up to date ------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_template_equals_a_fresh_extraction(version: str) -> None:
    """The committed template holds exactly the texts of the revision file, in their order,
    each located in the file (without a line number: see tests/test_catalogs.py)."""
    template = _template(version)
    committed = [
        (message.locations, message.id, message.auto_comments) for message in template if message.id
    ]
    where = [(f"src/wwc_standard/standards/{version}.toml", None)]
    fresh: dict[str, tuple[list[tuple[str, None]], str, list[str]]] = {}
    for _, text, comments in _extracted(version):
        if text in fresh:  # the same text twice is one message with both comments
            first = fresh[text]
            fresh[text] = (where, text, [*first[2], *comments])
        else:
            fresh[text] = (where, text, comments)
    assert committed == list(fresh.values()), (
        f"locales/revision-{version}.pot is stale: run .ci/catalogs.py"
    )


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_text_is_translated_and_none_is_fuzzy(locale: str, version: str) -> None:
    template = _template(version)
    if not len(template):
        # Policy: a revision that introduces no text ships no catalog; the lookup skips it.
        assert not _catalog_file(locale, version).is_file()
        return
    catalog = _catalog(locale, version)
    wanted = [message.id for message in template if message.id]
    assert [message.id for message in catalog if message.id] == wanted
    assert not catalog.fuzzy
    assert not catalog.obsolete
    for message in catalog:
        if message.id:
            assert message.string, f"{locale} revision-{version}: {message.id!r} untranslated"
            assert not message.fuzzy, f"{locale} revision-{version}: {message.id!r} is fuzzy"
            assert message.string.strip() == message.string


@pytest.mark.parametrize("locale", TRANSLATED)
def test_catalogs_say_the_translation_is_unofficial(locale: str) -> None:
    for version in VERSIONS:
        if _catalog_file(locale, version).is_file():
            catalog = _catalog(locale, version)
            assert "UNOFFICIAL TRANSLATION" in catalog.header_comment
            assert "unofficial" in str(catalog.language_team)


def test_no_catalog_without_a_template() -> None:
    for locale in TRANSLATED:
        folder = PACKAGE / "locales" / locale / "LC_MESSAGES"
        for entry in folder.iterdir():
            if entry.name.startswith("revision-"):
                version = entry.name.removeprefix("revision-").removesuffix(".po")
                assert version in VERSIONS, f"{locale}/{entry.name} has no revision file"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_text_is_translated_the_same_way_in_every_revision(locale: str) -> None:
    """Revisions that do not extend each other (2017, 2018, 2022) repeat some names."""
    seen: dict[str, tuple[str, str]] = {}
    for version in VERSIONS:
        if not _catalog_file(locale, version).is_file():
            continue
        for message in _catalog(locale, version):
            if message.id:
                first = seen.setdefault(message.id, (version, message.string))
                assert message.string == first[1], (
                    f"{message.id!r}: {first[0]} and {version} differ in {locale}"
                )


@pytest.mark.skipif(
    not (CHECKOUT / ".ci" / "catalogs.py").is_file(), reason="needs a source checkout"
)
def test_the_update_script_finds_nothing_stale() -> None:
    run = subprocess.run(
        [sys.executable, str(CHECKOUT / ".ci" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.skipif(
    not (CHECKOUT / ".ci" / "catalogs.py").is_file(), reason="needs a source checkout"
)
def test_a_comment_added_to_every_module_leaves_the_catalogs_up_to_date(tmp_path: Path) -> None:
    """Catalog locations carry no line numbers, so moving every message one line down (a
    comment added at the top of each module and revision file) changes no catalog."""
    shutil.copytree(CHECKOUT / "src", tmp_path / "src")
    shutil.copytree(CHECKOUT / ".ci", tmp_path / ".ci")
    shutil.copy(CHECKOUT / "pyproject.toml", tmp_path)
    edited = [*tmp_path.glob("src/wwc_standard/**/*.py"), *tmp_path.glob("src/**/*.toml")]
    for path in edited:
        path.write_text("# a comment that moves every line down\n" + path.read_text("utf-8"))
    run = subprocess.run(
        [sys.executable, str(tmp_path / ".ci" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert len(edited) > 40
    assert run.returncode == 0, run.stdout + run.stderr


# -- the extractor ---------------------------------------------------------------------------


def test_the_extractor_is_registered_for_babel() -> None:
    (entry_point,) = metadata.entry_points(group="babel.extractors", name="wwc_revision")
    assert entry_point.load() is extract_revision


def test_babel_extracts_with_the_registered_method() -> None:
    from babel.messages.extract import extract

    found = list(extract("wwc_revision", io.BytesIO(_toml("2023"))))
    assert [(lineno, text) for lineno, text, _, _ in found] == [
        (lineno, text) for lineno, text, _ in _extracted("2023")
    ]
    assert found[1][:3] == (26, "Outcome requirement", ["outcome requirement name"])


@pytest.mark.parametrize("version", VERSIONS)
def test_each_text_is_found_on_the_line_it_is_written(version: str) -> None:
    lines = _toml(version).decode("utf-8").splitlines()
    for lineno, text, _ in _extracted(version):
        assert json.dumps(text, ensure_ascii=False) in lines[lineno - 1]


def test_what_is_extracted_and_what_is_not() -> None:
    data = {
        "version": "2099",
        "title": "T",
        "notes": ["a note"],
        "changes": ["a change"],
        "provenance": {"basis": "read", "note": "a provenance note"},
        "sources": [{"key": "k", "title": "a source title"}],
        "eligibility": {"region": "R"},
        "practice_areas": [{"code": "DM", "name": "Area", "aliases": ["Alias"]}],
        "criteria": [
            {
                "id": "DM1",
                "name": "Name",
                "description": "Desc",
                "checklist": {"items": [{"id": "a", "text": "Item"}]},
            }
        ],
        "requirements": [{"id": "outcome", "name": "Req", "description": "Req desc"}],
    }
    found = [(text, comment) for _, text, comment in revision_texts(data)]
    assert found == [
        ("T", "revision 2099 title"),
        ("R", "eligibility region: a bare noun phrase, with no leading article or preposition"),
        ("Area", "DM practice area name"),
        ("Name", "DM1 name"),
        ("Desc", "DM1 description"),
        ("Item", "DM1 checklist item a"),
        ("Req", "outcome requirement name"),
        ("Req desc", "outcome requirement description"),
    ]


# -- the model speaks the locale -------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "criterion", "locale", "expected"),
    [
        ("2024", "DM1", "es", "Implementación de la estrategia y la gobernanza de datos"),
        ("2024", "DM1", "pt_BR", "Implementação da estratégia e da governança de dados"),
        ("2024", "DM1", "fr", "Mise en œuvre de la stratégie et de la gouvernance des données"),
        ("2022", "DM8", "pt_BR", "Dados desagregados para a tomada de decisões"),
        ("2026", "RDC3", "fr", "Évaluation du rendement des fournisseurs"),
        ("2023", "EVAL4", "es", "Adaptación de programas basados en evidencia"),
        ("2018", "DG1", "es", "Inventario integral de datos"),
        (
            "2021",
            "SE1",
            "fr",
            "Nom non trouvé\u00a0: suivre les besoins des utilisateurs des données ouvertes",
        ),
        ("2024", "DM1", "en", "Implementing Data Strategy and Governance"),
    ],
)
def test_criterion_titles(version: str, criterion: str, locale: str, expected: str) -> None:
    assert wwc.standard(version)[criterion].title(locale) == expected


def test_descriptions_areas_items_requirements_and_regions() -> None:
    std = wwc.standard("2024")
    assert std["OD3"].describe("fr") == (
        "Les données ouvertes sont publiées en ligne, en un seul endroit public et central."
    )
    assert std.practice_area("BF").title("pt_BR") == "Orçamento e finanças orientados por dados"
    assert std.practice_area("CI").title("es") == "Impacto en la comunidad"
    (outcome,) = std.requirements
    assert outcome.title("fr") == "Exigence de résultats"
    assert outcome.describe("es").startswith("La ciudad demuestra que cumple un estándar")
    assert std.eligibility.region_in("es") == "América del Norte, América Central y América del Sur"
    assert (
        std.localized("pt_BR")
        == "Padrão da Certificação What Works Cities, versão 3.0 (ciclo 2024)"
    )
    item = wwc.standard("2018")["DG1"].checklist
    assert item is not None
    assert item.items[2].title("fr") == (
        "L'inventaire couvre des jeux de données de plus de 80\xa0% des services."
    )


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_shipped_text_reads_translated(version: str, locale: str) -> None:
    std = wwc.standard(version)
    texts: list[tuple[str, str]] = [(std.title, std.localized(locale))]
    texts.append((std.eligibility.region, std.eligibility.region_in(locale)))
    texts += [(area.name, area.title(locale)) for area in std.practice_areas]
    for criterion in std.criteria:
        texts += [
            (criterion.name, criterion.title(locale)),
            (criterion.description, criterion.describe(locale)),
        ]
        if criterion.checklist is not None:
            texts += [(item.text, item.title(locale)) for item in criterion.checklist.items]
    for requirement in std.requirements:
        texts += [
            (requirement.name, requirement.title(locale)),
            (requirement.description, requirement.describe(locale)),
        ]
    untranslated = [english for english, shown in texts if english == shown]
    assert untranslated == []


def test_variants_negotiate_like_the_library_messages() -> None:
    crit = wwc.standard("2024")["OD3"]
    assert crit.title("es_AR") == crit.title("es") == "Portal de datos abiertos"
    assert crit.title("pt") == crit.title("pt_PT") == crit.title("pt_BR")
    assert crit.title("fr-CA") == crit.title("fr")
    assert crit.title(None) == "Open Data Portal"  # type: ignore[arg-type]


def test_an_unknown_locale_is_a_clear_error() -> None:
    crit = wwc.standard("2024")["OD3"]
    with pytest.raises(wwc.UnknownLocale, match="does not speak 'de'"):
        crit.title("de")
    with pytest.raises(ValueError, match="does not speak 'xx'"):
        wwc.standard("2024").practice_area("OD").title("xx")


# -- the lookup follows extends --------------------------------------------------------------


def test_domains_follow_extends() -> None:
    assert wwc.standard("2026").domains == (
        "revision-2026",
        "revision-2025",
        "revision-2024",
        "revision-2023",
        "revision-2022",
    )
    assert wwc.standard("2022").domains == ("revision-2022",)
    std = wwc.standard("2026")
    for owner in (std.practice_areas[0], std.criteria[0], std.requirements[0], std.eligibility):
        assert owner._domains == std.domains


def test_inherited_texts_come_from_the_catalog_that_introduced_them() -> None:
    # DM1 is written in 2022.toml, the outcome requirement in 2023.toml, the region in 2024.toml.
    assert "Implementing Data Strategy and Governance" not in {m.id for m in _catalog("es", "2026")}
    std = wwc.standard("2026")
    assert std["DM1"].title("es") == wwc.standard("2022")["DM1"].title("es")
    assert std.requirements[0].title("pt_BR") == "Requisito de resultados"
    assert std.eligibility.region_in("fr") == (
        "Amérique du Nord, Amérique centrale et Amérique du Sud"
    )
    # Without the chain, the 2026 domain alone does not know DM1.
    assert text_in(std["DM1"].name, ("revision-2026",), "es") == std["DM1"].name


def test_a_user_revision_gets_shipped_translations_for_what_it_inherits() -> None:
    own = wwc.standard("2024").to_dict()
    mine = {
        "schema": 1,
        "version": "2024-rubric",
        "extends": "2024",
        "title": "My rubric",
        "changes": ["Adds a criterion of our own."],
        "practice_areas": own["practice_areas"],
        "criteria": [
            *own["criteria"],
            {
                "id": "DM10",
                "practice_area": "DM",
                "name": "Our Own Criterion",
                "description": "Something we ask of ourselves.",
                "provenance": {"basis": "inferred"},
            },
        ],
        "criteria_count": 44,
        "tier_rule": own["tier_rule"],
    }
    std = wwc.Standard.from_dict(mine)
    assert std.domains == (
        "revision-2024-rubric",
        "revision-2024",
        "revision-2023",
        "revision-2022",
    )
    assert std["DM1"].title("es") == "Implementación de la estrategia y la gobernanza de datos"
    assert std.requirements[0].title("fr") == "Exigence de résultats"
    assert std["DM10"].title("es") == "Our Own Criterion"
    assert std["DM10"].describe("fr") == "Something we ask of ourselves."
    assert std.localized("pt_BR") == "My rubric"


def test_a_revision_built_by_hand_speaks_english() -> None:
    area = attrs.evolve(wwc.standard("2024").practice_area("OD"))
    assert area._domains == ()
    assert area.title("es") == "Open Data"


def test_revision_domains_stop_at_an_unknown_parent() -> None:
    def lookup(version: str) -> dict[str, Any]:
        raise LookupError(version)

    assert revision_domains({"version": "x", "extends": "y"}, lookup) == ("revision-x",)


# -- the chain is no part of the revision ----------------------------------------------------


@pytest.mark.parametrize("version", sorted(FINGERPRINTS_BEFORE_TRANSLATION))
def test_fingerprints_are_unchanged(version: str) -> None:
    assert wwc.standard(version).fingerprint == FINGERPRINTS_BEFORE_TRANSLATION[version]


@pytest.mark.parametrize("version", VERSIONS)
def test_the_chain_is_not_in_the_canonical_form_nor_in_equality(version: str) -> None:
    std = wwc.standard(version)
    assert "revision-" not in json.dumps(std.to_dict())
    bare = attrs.evolve(std)  # a copy without the chain
    assert bare.domains == ()
    assert bare == std
    assert hash(bare) == hash(std)
    assert bare.fingerprint == std.fingerprint
    assert bare.to_dict() == std.to_dict()
    if std.criteria:
        criterion = std.criteria[0]
        assert attrs.evolve(criterion) == criterion
        assert hash(attrs.evolve(criterion)) == hash(criterion)
        assert "_domains" not in repr(criterion)


def test_no_catalog_is_read_until_a_translated_text_is_asked_for() -> None:
    script = """
import sys
import wwc_standard as wwc
from wwc_standard.i18n import catalogs as _i18n
std = wwc.standard("2024")
std["DM1"].title("en"), std.fingerprint
print(_i18n.translations.cache_info().currsize, "babel.messages.pofile" in sys.modules)
std["DM1"].title("es")
print(_i18n.translations.cache_info().currsize, "babel.messages.pofile" in sys.modules)
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[:2] == ["0 False", "3 True"]
