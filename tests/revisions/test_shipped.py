"""The shipped revisions: pinned fingerprints, round trips, provenance, and the facts they encode.

A published revision never changes: a correction is a new revision id. The fingerprints below
are pinned on purpose, so that any change to the content of a published revision fails here.
Do not update a pin to make this pass; ship a new revision instead.
"""

from __future__ import annotations

import datetime
import itertools
import json

import pytest

import wwc_standard as wwc

# Changed deliberately in the facts correction of issue 14 (the old values and why are in
# CHANGELOG.md, "Fingerprints"): a stored assessment pinned to an old value is refused.
PINNED_FINGERPRINTS = {
    "2017": "sha256:d7b8002f54bb016f1ec3dc44dff91d03f9315e5a353baf477c3fd1c2e18c4393",
    "2018": "sha256:15b19ccf338ea152540617dcf06e1cd7d5c399a9827c13f17021fb33a71d3100",
    "2019": "sha256:d87f939b367e5c2bbcd07914b38e129540a0675cc5250dc9a4b3ce90c44541e7",
    "2020": "sha256:f0376a67c2f82c5b2b4d15ea9b4c6f8ed12cd4931478fe62a91a7e15876f9769",
    "2021": "sha256:8c8f041b1c3163191113cf7718858b6fe304cc0db4c9519a2385d4cfacbe9f86",
    "2022": "sha256:d4edb5c3bf91cecd30a993bd1725f3533f7cf48d5dbb361763b73ca6b07e29b2",
    "2023": "sha256:82f3354f00d4fb03cc53d79f605d8559ecb329bd800252374c78016a495023e5",
    "2024": "sha256:7c844a42feff38a0d74489ee206133848552da1d155a524d3a73d8b82646505c",
    "2025": "sha256:df67d590114f3a58602c5f2a7fc7ec988defbe028148c45a29f57be1f6fa34f6",
    "2026": "sha256:ea055995bd7fbf6c158b966c90c7db0c1e4f0e2996c51a930fee1ef239eba05a",
}

#: Facts section 5: the 43 criteria of Version 3.0, names as published, in published order.
CRITERIA_2022 = {
    "DM1": "Implementing Data Strategy and Governance",
    "DM2": "Maintaining a Comprehensive Data Inventory",
    "DM3": "Sharing Data",
    "DM4": "Improving Data Quality",
    "DM5": "Protecting Data Privacy and Confidentiality",
    "DM6": "Managing Data Security",
    "DM7": "Qualitative Data Practices",
    "DM8": "Disaggregated Data for Decision-Making",
    "DM9": "Data Service Standard",
    "LC1": "Executive Commitment to Data Informed Government",
    "LC2": "Use of Public Communications",
    "LC3": "Data Workforce Culture and Trainings",
    "LC4": "Performance Management Leadership",
    "LC5": "Data Leadership",
    "LC6": "Rigorous Evaluation Leadership & Expertise",
    "LC7": "Results-Driven Contracting Leadership",
    "OD1": "Open Data Policy",
    "OD2": "User Guidance for Open and Shared Data",
    "OD3": "Open Data Portal",
    "OD4": "User Insights About Open and Shared Data",
    "PA1": "Selecting and Using Performance Metrics for Strategic Goals and Priorities",
    "PA2": "Implementing Performance Management",
    "PA3": "Sharing Goals and Progress",
    "PA4": "Evaluating Disparate Impact of Automated Decisions",
    "PA5": "Using Analysis in Decisions",
    "BF1": "Data-Driven Budget and Financial Processes",
    "BF2": "Data-Driven Budget and Financial Decisions",
    "BF3": "Leveraging Funds for Outcomes",
    "RDC1": "Defining Goals for Key Procurements",
    "RDC2": "Measuring Outcomes for Key Procurements",
    "RDC3": "Assessing Vendor Performance",
    "RDC4": "Structuring Procurements to Support Strategic Goals",
    "RDC5": "Using Data to Manage Contracts and Improve Outcomes and Performance",
    "RDC6": "Making Informed Contracting Decisions",
    "RDC7": "Open and Shared Procurement Data",
    "RDC8": "Supporting Vendor Participation and Competition",
    "CI1": "Community Data Training and Collaboration",
    "CI2": "Analytics Service Delivery",
    "CI3": "Promotion of Data & Evidence",
    "EVAL1": "Establishing City-Wide Evaluation Commitments",
    "EVAL2": "Launching Rigorous Evaluations",
    "EVAL3": "Using Rigorous Evaluation Results to Make Decisions",
    "EVAL4": "Adapting Evidence-Based Programs",
}

#: Facts section 5: the practice areas, their names, aliases and criteria counts.
PRACTICE_AREAS_2022 = [
    ("DM", "Data Management", (), 9),
    ("LC", "Leadership and Capacity", ("Leadership & Capacity",), 7),
    ("OD", "Open Data", (), 4),
    ("PA", "Performance and Analytics", ("Performance & Analytics",), 5),
    ("BF", "Data-Driven Budget and Finance", ("Data-Driven Budgeting and Finance",), 3),
    ("RDC", "Results-Driven Contracting", (), 8),
    ("CI", "Community Impact", ("Stakeholder Impact",), 3),
    ("EVAL", "Rigorous Evaluations", ("Evaluations",), 4),
]


# -- fingerprints and round trips ----------------------------------------------------------


def test_every_shipped_revision_has_a_pinned_fingerprint() -> None:
    assert set(PINNED_FINGERPRINTS) == set(wwc.standards())


@pytest.mark.parametrize(("version", "fingerprint"), sorted(PINNED_FINGERPRINTS.items()))
def test_published_revision_fingerprint_is_pinned(version: str, fingerprint: str) -> None:
    """A published revision never changes: a correction is a new revision id."""
    assert wwc.standard(version).fingerprint == fingerprint


def test_fingerprints_are_all_different() -> None:
    prints = [wwc.standard(v).fingerprint for v in wwc.standards()]
    assert len(set(prints)) == len(prints)


def test_fingerprint_is_stable_across_calls_and_copies(shipped: wwc.Standard) -> None:
    first = shipped.fingerprint
    assert shipped.fingerprint == first
    rebuilt = wwc.Standard.from_dict(shipped.to_dict())
    assert rebuilt is not shipped
    assert rebuilt.fingerprint == first


def test_fingerprint_is_sha256_of_the_canonical_json(shipped: wwc.Standard) -> None:
    import hashlib

    canonical = json.dumps(
        shipped.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert shipped.fingerprint == f"sha256:{digest}"


def test_shipped_revision_round_trips_through_its_dict(shipped: wwc.Standard) -> None:
    assert wwc.Standard.from_dict(shipped.to_dict()) == shipped


def test_to_dict_equals_its_own_json_round_trip(shipped: wwc.Standard) -> None:
    data = shipped.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["schema"] == 1
    assert data["version"] == shipped.version


def test_to_dict_returns_a_fresh_copy(shipped: wwc.Standard) -> None:
    data = shipped.to_dict()
    data["criteria"].clear()
    data["title"] = "changed"
    assert len(shipped.to_dict()["criteria"]) == 43
    assert shipped.to_dict()["title"] == shipped.title


def test_any_change_to_a_fact_changes_the_fingerprint() -> None:
    import attrs

    base = wwc.standard("2022")
    changed = [
        attrs.evolve(base, title=base.title + "."),
        attrs.evolve(
            base,
            criteria=(
                *base.criteria[:-1],
                attrs.evolve(base.criteria[-1], name="Adapting Evidence Based Programs"),
            ),
        ),
        attrs.evolve(base, provenance=attrs.evolve(base.provenance, note="")),
        attrs.evolve(base, eligibility=attrs.evolve(base.eligibility, population_floor=30001)),
    ]
    prints = {base.fingerprint, *(revision.fingerprint for revision in changed)}
    assert len(prints) == 1 + len(changed)


def test_shipped_revisions_are_valid(shipped: wwc.Standard) -> None:
    assert shipped.validate() == ()
    assert shipped.complete


# -- provenance ----------------------------------------------------------------------------


def _provenances(revision: wwc.Standard) -> list[tuple[str, wwc.Provenance]]:
    found = [
        ("revision", revision.provenance),
        ("in_force", revision.in_force.provenance),
        ("tier_rule", revision.tier_rule.provenance),
        ("eligibility", revision.eligibility.provenance),
    ]
    found += [(f"area {a.code}", a.provenance) for a in revision.practice_areas]
    found += [(f"criterion {c.id}", c.provenance) for c in revision.criteria]
    found += [(f"requirement {r.id}", r.provenance) for r in revision.requirements]
    return found


def test_every_fact_records_its_provenance_and_cites_existing_sources(
    shipped: wwc.Standard,
) -> None:
    keys = {source.key for source in shipped.sources}
    for where, provenance in _provenances(shipped):
        assert isinstance(provenance, wwc.Provenance), where
        assert provenance.basis in ("read", "inferred"), where
        assert provenance.sources, f"{where} cites no source"
        for key in provenance.sources:
            assert key in keys, f"{where} cites unknown source {key!r}"
            assert shipped.source(key).key == key


def test_every_criterion_records_provenance(shipped: wwc.Standard) -> None:
    for criterion in shipped.criteria:
        assert criterion.provenance.basis == "read", criterion.id
        assert "city-tracker" in criterion.provenance.sources, criterion.id


def test_sources_have_unique_keys_and_titles(shipped: wwc.Standard) -> None:
    keys = [source.key for source in shipped.sources]
    assert len(keys) == len(set(keys))
    for source in shipped.sources:
        assert source.title.strip()
        assert source.url is None or source.url.startswith("https://")


def test_inferred_facts_are_labelled_inferred(shipped: wwc.Standard) -> None:
    # Facts section 4: which countries "Latin America" or "the Americas" covers is inferred.
    assert shipped.eligibility.provenance.inferred
    # Exact start days were not found in the sources we could read (all inferred).
    assert shipped.in_force.provenance.inferred
    # The 2022 bands are read in many sources.
    assert not shipped.tier_rule.provenance.inferred


# -- the 2022 standard, Version 3.0 (facts section 5) ---------------------------------------


def test_2022_has_the_43_published_criteria_in_order() -> None:
    revision = wwc.standard("2022")
    assert [(c.id, c.name) for c in revision.criteria] == list(CRITERIA_2022.items())
    assert revision.criteria_count == 43
    assert len(revision) == 43


def test_2022_practice_areas_names_aliases_and_counts() -> None:
    revision = wwc.standard("2022")
    assert [(a.code, a.name, a.aliases) for a in revision.practice_areas] == [
        (code, name, aliases) for code, name, aliases, _ in PRACTICE_AREAS_2022
    ]
    for code, _, _, count in PRACTICE_AREAS_2022:
        members = revision.criteria_in(code)
        assert len(members) == count, code
        assert all(c.id.startswith(code) and c.id[len(code) :].isdigit() for c in members)
        assert [c.id for c in members] == [f"{code}{n}" for n in range(1, count + 1)]


def test_2022_criteria_have_no_checklists_or_prerequisites() -> None:
    """Facts section 3: checklists, quotas and prerequisites of the 2022 criteria are UNKNOWN;
    the package must not invent them."""
    for criterion in wwc.standard("2022").criteria:
        assert criterion.checklist is None, criterion.id
        assert criterion.prerequisites == (), criterion.id


def test_later_cycles_keep_the_2022_criteria_and_bands(shipped: wwc.Standard) -> None:
    base = wwc.standard("2022")
    assert shipped.criteria == base.criteria
    assert shipped.practice_areas == base.practice_areas
    assert shipped.tier_rule == base.tier_rule
    assert shipped.criteria_count == 43


def test_later_cycles_extend_the_previous_year_and_say_what_changed() -> None:
    # 2017 (launch), 2018 (45 criteria) and 2022 (Version 3.0) are new standards; every other
    # cycle extends the year before.
    new_standards = {"2017", "2018", "2022"}
    for previous, version in itertools.pairwise(wwc.standards()):
        revision = wwc.standard(version)
        if version in new_standards:
            assert revision.extends is None, version
        else:
            assert revision.extends == previous
            assert revision.changes, version


def test_in_force_dates() -> None:
    starts = {v: wwc.standard(v).in_force.start for v in wwc.standards()}
    assert starts == {
        "2017": datetime.date(2017, 4, 1),
        "2018": datetime.date(2018, 1, 26),  # inferred: the day after the inaugural cohort
        "2019": datetime.date(2019, 1, 1),
        "2020": datetime.date(2020, 1, 1),
        "2021": datetime.date(2021, 1, 1),
        "2022": datetime.date(2022, 8, 1),
        "2023": datetime.date(2023, 1, 1),
        "2024": datetime.date(2024, 1, 1),
        "2025": datetime.date(2025, 1, 1),
        "2026": datetime.date(2026, 1, 1),
    }


# -- the outcome requirement (facts section 2, 2023) ----------------------------------------


def test_2022_has_no_outcome_requirement() -> None:
    assert wwc.standard("2022").requirements == ()


@pytest.mark.parametrize("version", ["2023", "2024", "2025", "2026"])
def test_outcome_requirement_exists_from_2023_and_is_labelled_inferred(version: str) -> None:
    """Facts: the outcome requirement is reported from 2023; whether it gates certification is
    UNKNOWN (INFERRED: a certification requirement outside the 43 points)."""
    revision = wwc.standard(version)
    assert [r.id for r in revision.requirements] == ["outcome"]
    requirement = revision.requirements[0]
    assert requirement.gates_certification is True
    assert requirement.provenance.basis == "inferred"
    assert requirement.provenance.inferred
    assert requirement.provenance.note
    assert revision.possible == 43  # outside the points


# -- eligibility (facts section 4) ----------------------------------------------------------


@pytest.mark.parametrize("version", ["2024", "2025", "2026"])
@pytest.mark.parametrize("country", ["JM", "BR", "CA", "US", "MX", "AR", "PR", "TT", "BS"])
def test_2024_on_the_americas_may_apply(version: str, country: str) -> None:
    assert country in wwc.standard(version).eligibility.countries


@pytest.mark.parametrize("version", wwc.standards())
@pytest.mark.parametrize("country", ["FR", "ES", "GB", "PT", "DE", "NG", "JP"])
def test_countries_outside_the_americas_are_never_eligible(version: str, country: str) -> None:
    assert country not in wwc.standard(version).eligibility.countries


@pytest.mark.parametrize("version", ["2022", "2023"])
def test_2022_and_2023_us_canada_and_latin_america(version: str) -> None:
    countries = wwc.standard(version).eligibility.countries
    for country in ("US", "CA", "MX", "BR", "AR", "CO", "CL", "PE"):
        assert country in countries
    # The Caribbean outside Latin America joins only with the 2024 wording.
    for country in ("JM", "TT", "BS", "BB"):
        assert country not in countries


def test_eligibility_population_floor_is_30000(shipped: wwc.Standard) -> None:
    assert shipped.eligibility.population_floor == 30000


def test_eligibility_countries_are_sorted_unique_iso_codes(shipped: wwc.Standard) -> None:
    from wwc_standard.revisions.countries import ISO_3166_ALPHA_2

    countries = shipped.eligibility.countries
    assert list(countries) == sorted(set(countries))
    assert set(countries) <= ISO_3166_ALPHA_2
