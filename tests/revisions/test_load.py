"""Loading and validating revision data: every problem at once, each with its path and code.

Broken revisions are made from a shipped one's ``to_dict()``, changed in one or more places.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import Any

import pytest

import wwc_standard as wwc

Data = dict[str, Any]


def base(version: str = "2022") -> Data:
    """The data of a shipped revision, under a version of its own: changed content may not
    keep a shipped version (``shipped-version``)."""
    data = copy.deepcopy(wwc.standard(version).to_dict())
    data["version"] = f"{version}-test"
    return data


def problems_of(data: Any) -> list[wwc.Problem]:
    """The problems InvalidStandard reports for ``data`` (fails if it is accepted)."""
    with pytest.raises(wwc.InvalidStandard) as info:
        wwc.Standard.from_dict(data)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, wwc.WWCError)
    assert error.origin == "<dict>"
    assert error.problems, "InvalidStandard without problems"
    # The message lists every problem, one per line, with its path and code.
    lines = str(error).splitlines()
    assert len(lines) == 1 + len(error.problems)
    for problem, line in zip(error.problems, lines[1:], strict=True):
        assert f"[{problem.code}]" in line
        assert problem.path in line
    return list(error.problems)


def found(data: Any) -> set[tuple[str, str]]:
    return {(problem.path, problem.code) for problem in problems_of(data)}


def test_a_shipped_revision_dict_loads() -> None:
    # a shipped version is kept when the content is that revision's
    assert wwc.Standard.from_dict(wwc.standard("2022").to_dict()) == wwc.standard("2022")


def test_the_shipped_toml_loads_through_from_dict() -> None:
    import tomllib
    from importlib import resources

    text = (resources.files("wwc_standard") / "standards" / "2022.toml").read_text("utf-8")
    assert wwc.Standard.from_dict(tomllib.loads(text)) == wwc.standard("2022")


# -- the standard's own rules ---------------------------------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    data = base()
    criteria = data["criteria"]
    criteria[1]["id"] = "DM1"  # duplicate id
    criteria[2]["prerequisites"] = ["DM99"]  # unknown prerequisite
    criteria[3]["prerequisites"] = ["DM4"]  # its own prerequisite
    criteria[5]["prerequisites"] = ["DM7"]  # DM6 -> DM7 -> DM6
    criteria[6]["prerequisites"] = ["DM6"]
    criteria[7]["practice_area"] = "DN"  # unknown practice area
    criteria[8]["provenance"]["sources"] = ["nope"]  # unknown source
    criteria[9]["checklist"] = {
        "required": 5,  # quota out of range
        "items": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}],  # duplicate item
        "provenance": {"basis": "read"},
    }
    data["eligibility"]["countries"] = ["ZZ", "US", "CA"]  # unknown, unsorted
    assert found(data) == {
        ("criteria[1].id", "duplicate-id"),
        ("criteria[2].prerequisites[0]", "unknown-prerequisite"),
        ("criteria[3].prerequisites[0]", "prerequisite-cycle"),
        ("criteria[5].prerequisites", "prerequisite-cycle"),
        ("criteria[7].practice_area", "unknown-practice-area"),
        ("criteria[8].provenance.sources[0]", "unknown-source"),
        ("criteria[9].checklist.items[1].id", "duplicate-id"),
        ("criteria[9].checklist.required", "quota-out-of-range"),
        ("eligibility.countries[0]", "unknown-country"),
        ("eligibility.countries", "unsorted-countries"),
    }


def test_duplicate_criterion_id() -> None:
    data = base()
    data["criteria"][42]["id"] = "EVAL1"
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("criteria[42].id", "duplicate-id")
    assert "EVAL1" in problem.message


def test_unknown_prerequisite_suggests_the_closest_id() -> None:
    data = base()
    data["criteria"][0]["prerequisites"] = ["DM2", "OD33"]
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("criteria[0].prerequisites[1]", "unknown-prerequisite")
    assert "OD33" in problem.message
    assert problem.hint == "did you mean OD3?"


def test_self_prerequisite() -> None:
    data = base()
    data["criteria"][4]["prerequisites"] = ["DM5"]
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("criteria[4].prerequisites[0]", "prerequisite-cycle")
    assert "DM5" in problem.message


def test_prerequisite_cycle_names_the_cycle() -> None:
    data = base()
    data["criteria"][0]["prerequisites"] = ["DM2"]
    data["criteria"][1]["prerequisites"] = ["DM3"]
    data["criteria"][2]["prerequisites"] = ["DM1"]
    (problem,) = problems_of(data)
    assert problem.code == "prerequisite-cycle"
    assert problem.path in {f"criteria[{i}].prerequisites" for i in range(3)}
    for criterion_id in ("DM1", "DM2", "DM3"):
        assert criterion_id in problem.message
    assert problem.hint


def test_prerequisites_that_form_a_dag_are_accepted() -> None:
    data = base()
    data["criteria"][0]["prerequisites"] = ["DM2", "DM3"]
    data["criteria"][1]["prerequisites"] = ["DM3"]
    data["criteria"][42]["prerequisites"] = ["DM1"]
    revision = wwc.Standard.from_dict(data)
    assert revision["DM1"].prerequisites == ("DM2", "DM3")
    assert revision.fingerprint != wwc.standard("2022").fingerprint


@pytest.mark.parametrize(("required", "items"), [(0, 3), (4, 3), (-1, 2), (1, 0)])
def test_quota_out_of_range(required: int, items: int) -> None:
    data = base()
    data["criteria"][0]["checklist"] = {
        "required": required,
        "items": [{"id": str(i), "text": f"item {i}"} for i in range(items)],
        "provenance": {"basis": "read", "sources": ["city-tracker"]},
    }
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("criteria[0].checklist.required", "quota-out-of-range")
    assert problem.hint is not None


def test_valid_checklist_is_accepted() -> None:
    data = base()
    data["criteria"][0]["checklist"] = {
        "required": 3,
        "items": [{"id": c, "text": f"item {c}"} for c in "abcd"],
        "provenance": {"basis": "read", "sources": ["city-tracker"]},
    }
    checklist = wwc.Standard.from_dict(data)["DM1"].checklist
    assert checklist is not None
    assert checklist.quota == "3 of 4"


def test_duplicate_checklist_item() -> None:
    data = base()
    data["criteria"][0]["checklist"] = {
        "required": 1,
        "items": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "a", "text": "C"}],
        "provenance": {"basis": "read"},
    }
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("criteria[0].checklist.items[2].id", "duplicate-id")


def test_checklist_citing_an_unknown_source() -> None:
    data = base()
    data["criteria"][0]["checklist"] = {
        "required": 1,
        "items": [{"id": "a", "text": "A", "provenance": {"basis": "read", "sources": ["x"]}}],
        "provenance": {"basis": "read", "sources": ["y"]},
    }
    assert found(data) == {
        ("criteria[0].checklist.provenance.sources[0]", "unknown-source"),
        ("criteria[0].checklist.items[0].provenance.sources[0]", "unknown-source"),
    }


def _set_bands(*percents: tuple[str, int]) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        data["tier_rule"]["bands"] = [{"tier": t, "from_percent": p} for t, p in percents]

    return change


def _small(count: int) -> Data:
    data = base()
    data["criteria"] = data["criteria"][:count]
    data["criteria_count"] = count
    return data


def test_bands_empty() -> None:
    data = base()
    data["tier_rule"]["bands"] = []
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("tier_rule.bands", "invalid-bands")


def test_bands_out_of_order() -> None:
    data = base()
    _set_bands(("gold", 68), ("silver", 51), ("platinum", 85))(data)
    assert ("tier_rule.bands", "invalid-bands") in found(data)


def test_bands_overlapping() -> None:
    data = base()
    _set_bands(("silver", 51), ("gold", 51), ("platinum", 85))(data)
    assert found(data) == {("tier_rule.bands[1]", "invalid-bands")}


@pytest.mark.parametrize(
    ("count", "paths"),
    [
        (2, {"tier_rule.bands[1]", "tier_rule.bands[2]"}),  # Silver 2, Gold 2, Platinum 2
        (3, {"tier_rule.bands[2]"}),  # Silver 2, Gold 3, Platinum 3: Platinum empty
        (4, {"tier_rule.bands[1]"}),  # Silver 3, Gold 3, Platinum 4: Gold empty
    ],
)
def test_the_2022_bands_are_invalid_for_a_small_revision(count: int, paths: set[str]) -> None:
    assert found(_small(count)) == {(path, "invalid-bands") for path in paths}


def test_the_2022_bands_are_valid_for_5_criteria() -> None:
    # Silver 3 (2.55), Gold 4 (3.4), Platinum 5 (4.25): one count per tier.
    assert wwc.Standard.from_dict(_small(5)).possible == 5


def test_valid_bands_for_a_small_revision_are_accepted() -> None:
    data = _small(3)
    _set_bands(("silver", 33), ("gold", 66), ("platinum", 100))(data)
    revision = wwc.Standard.from_dict(data)
    assert revision.possible == 3


def test_more_criteria_listed_than_declared() -> None:
    data = base()
    data["criteria_count"] = 40
    assert ("criteria_count", "criteria-count") in found(data)


def test_fewer_criteria_listed_than_declared_is_an_incomplete_revision_not_a_problem() -> None:
    data = base()
    data["criteria"] = data["criteria"][:11]
    data["criteria_count"] = 43
    revision = wwc.Standard.from_dict(data)
    assert not revision.complete


def test_unknown_practice_area_suggests_the_closest_code() -> None:
    data = base()
    data["criteria"][20]["practice_area"] = "PAA"
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("criteria[20].practice_area", "unknown-practice-area")
    assert problem.hint == "did you mean PA?"


def test_duplicate_practice_area() -> None:
    data = base()
    data["practice_areas"].append(copy.deepcopy(data["practice_areas"][0]))
    assert found(data) == {("practice_areas[8].code", "duplicate-id")}


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda d: d["provenance"], "provenance.sources[0]"),
        (lambda d: d["in_force"]["provenance"], "in_force.provenance.sources[0]"),
        (lambda d: d["tier_rule"]["provenance"], "tier_rule.provenance.sources[0]"),
        (lambda d: d["eligibility"]["provenance"], "eligibility.provenance.sources[0]"),
        (lambda d: d["practice_areas"][2]["provenance"], "practice_areas[2].provenance.sources[0]"),
        (lambda d: d["criteria"][3]["provenance"], "criteria[3].provenance.sources[0]"),
    ],
)
def test_unknown_source_key(where: Callable[[Data], Data], path: str) -> None:
    data = base()
    where(data)["sources"] = ["no-such-source"]
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == (path, "unknown-source")
    assert "no-such-source" in problem.message


def test_unknown_source_of_a_requirement() -> None:
    data = base("2023")
    data["requirements"][0]["provenance"]["sources"] = ["gov-tech"]
    assert found(data) == {("requirements[0].provenance.sources[0]", "unknown-source")}


def test_duplicate_source_key() -> None:
    data = base()
    data["sources"].append(copy.deepcopy(data["sources"][0]))
    assert found(data) == {(f"sources[{len(data['sources']) - 1}].key", "duplicate-id")}


def test_duplicate_requirement() -> None:
    data = base("2023")
    data["requirements"].append(copy.deepcopy(data["requirements"][0]))
    assert ("requirements[1].id", "duplicate-id") in found(data)


@pytest.mark.parametrize("country", ["ZZ", "XK", "EU", "us", "USA", ""])
def test_unknown_country(country: str) -> None:
    data = base()
    countries = sorted(["CA", "US", country])
    data["eligibility"]["countries"] = countries
    assert found(data) == {
        (f"eligibility.countries[{countries.index(country)}]", "unknown-country")
    }


def test_unsorted_and_repeated_countries() -> None:
    data = base()
    data["eligibility"]["countries"] = ["US", "CA"]
    assert found(data) == {("eligibility.countries", "unsorted-countries")}
    data["eligibility"]["countries"] = ["CA", "US", "US"]
    assert found(data) == {("eligibility.countries", "unsorted-countries")}


def test_negative_population_floor() -> None:
    data = base()
    data["eligibility"]["population_floor"] = -1
    assert found(data) == {("eligibility.population_floor", "negative-population")}


def test_changes_without_extends() -> None:
    data = base()
    data["changes"] = ["Something changed."]
    assert found(data) == {("changes", "changes-without-extends")}


# -- wrong types and unknown fields: problems, never a raw cattrs exception -----------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.__setitem__("criteria_count", "43"), {("criteria_count", "wrong-type")}),
        (lambda d: d.__setitem__("criteria_count", True), {("criteria_count", "wrong-type")}),
        (lambda d: d.__setitem__("criteria_count", 43.0), {("criteria_count", "wrong-type")}),
        (lambda d: d.__setitem__("title", 7), {("title", "wrong-type")}),
        (lambda d: d.__setitem__("version", 2022), {("version", "wrong-type")}),
        (lambda d: d.__setitem__("criteria", 5), {("criteria", "wrong-type")}),
        (lambda d: d["criteria"].__setitem__(0, [1, 2]), {("criteria[0]", "wrong-type")}),
        (lambda d: d["criteria"].__setitem__(0, "DM1"), {("criteria[0]", "wrong-type")}),
        (
            lambda d: d["criteria"][0].__setitem__("name", None),
            {("criteria[0].name", "wrong-type")},
        ),
        (
            lambda d: d["criteria"][0].__setitem__("provenance", None),
            {("criteria[0].provenance", "wrong-type")},
        ),
        (
            lambda d: d["criteria"][0]["provenance"].__setitem__("basis", "guessed"),
            {("criteria[0].provenance.basis", "wrong-type")},
        ),
        (
            lambda d: d["tier_rule"]["bands"][0].__setitem__("tier", "bronze"),
            {("tier_rule.bands[0].tier", "wrong-type")},
        ),
        (
            lambda d: d["tier_rule"]["bands"][0].__setitem__("from_percent", "51"),
            {("tier_rule.bands[0].from_percent", "wrong-type")},
        ),
        (lambda d: d.__setitem__("tier_rule", "bands"), {("tier_rule", "wrong-type")}),
        (
            lambda d: d["in_force"].__setitem__("start", "2022-13-01"),
            {("in_force.start", "wrong-type")},
        ),
        (
            lambda d: d["in_force"].__setitem__("start", datetime.datetime(2022, 8, 1, 9)),
            {("in_force.start", "wrong-type")},
        ),
        (
            lambda d: d["in_force"].__setitem__("start", 20220801),
            {("in_force.start", "wrong-type")},
        ),
        (
            lambda d: d["eligibility"].__setitem__("population_floor", "30000"),
            {("eligibility.population_floor", "wrong-type")},
        ),
        (lambda d: d.pop("title"), {("title", "missing-field")}),
        (lambda d: d["criteria"][0].pop("id"), {("criteria[0].id", "missing-field")}),
        (lambda d: d.__setitem__("colour", "blue"), {("colour", "unknown-field")}),
        (
            lambda d: d["criteria"][0].__setitem__("points", 2),
            {("criteria[0].points", "unknown-field")},
        ),
        (
            lambda d: d["criteria"][0]["provenance"].__setitem__("confidence", "high"),
            {("criteria[0].provenance.confidence", "unknown-field")},
        ),
        (
            lambda d: d["tier_rule"].__setitem__("rounding", "nearest"),
            {("tier_rule.rounding", "unknown-field")},
        ),
    ],
)
def test_wrong_types_and_unknown_fields_are_problems(
    change: Callable[[Data], Any], expected: set[tuple[str, str]]
) -> None:
    data = base()
    change(data)
    assert found(data) == expected


def test_wrong_types_in_many_places_are_all_reported() -> None:
    data = base()
    data["title"] = 1
    data["criteria"][3]["name"] = 2
    data["practice_areas"][1]["code"] = 3
    data["shade"] = "x"
    assert found(data) == {
        ("title", "wrong-type"),
        ("criteria[3].name", "wrong-type"),
        ("practice_areas[1].code", "wrong-type"),
        ("shade", "unknown-field"),
    }


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.__setitem__("notes", "One note."), "notes"),
        (lambda d: d.__setitem__("changes", "One change."), "changes"),
        (
            lambda d: d["practice_areas"][1].__setitem__("aliases", "L&C"),
            "practice_areas[1].aliases",
        ),
        (lambda d: d["eligibility"].__setitem__("countries", "US"), "eligibility.countries"),
        (
            lambda d: d["criteria"][0]["provenance"].__setitem__("sources", "city-tracker"),
            "criteria[0].provenance.sources",
        ),
        (
            lambda d: d["criteria"][1].__setitem__("prerequisites", "DM1"),
            "criteria[1].prerequisites",
        ),
    ],
)
def test_a_string_where_a_list_is_expected_is_a_wrong_type(
    change: Callable[[Data], Any], path: str
) -> None:
    """A string is not a list of strings: it must never be split into its characters."""
    data = base()
    change(data)
    assert (path, "wrong-type") in found(data)


@pytest.mark.parametrize("data", [None, [], "2022", 2022])
def test_a_revision_that_is_not_a_mapping(data: Any) -> None:
    assert found(data) == {("", "wrong-type")}


def test_a_non_string_key_is_a_problem_not_a_crash() -> None:
    data: dict[Any, Any] = base()
    data[1] = "one"
    problems = problems_of(data)
    assert problems
    assert all(problem.code in ("wrong-type", "unknown-field") for problem in problems)


def test_unknown_tier_rule_kind() -> None:
    data = base()
    data["tier_rule"]["kind"] = "nearest-percent"
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("tier_rule", "wrong-type")
    assert "nearest-percent" in problem.message


# -- schema and extends ---------------------------------------------------------------------


@pytest.mark.parametrize("schema", [0, 2, "1", None])
def test_unsupported_schema(schema: Any) -> None:
    data = base()
    data["schema"] = schema
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("schema", "unsupported-schema")
    assert problem.hint


def test_missing_schema_means_the_current_one() -> None:
    data = copy.deepcopy(wwc.standard("2022").to_dict())
    del data["schema"]
    assert wwc.Standard.from_dict(data) == wwc.standard("2022")


def _extending(parent: str = "2026", **fields: Any) -> Data:
    data: Data = {
        "schema": 1,
        "version": "2031",
        "extends": parent,
        "title": "A later cycle",
        "changes": ["Nothing but the year."],
        "provenance": {"basis": "read", "sources": ["govtech"]},
        "in_force": {"start": "2031-01-01", "provenance": {"basis": "inferred"}},
    }
    data.update(fields)
    return data


def test_extends_takes_over_everything_else_from_the_parent() -> None:
    revision = wwc.Standard.from_dict(_extending())
    parent = wwc.standard("2026")
    assert revision.version == "2031"
    assert revision.extends == "2026"
    assert revision.criteria == parent.criteria
    assert revision.tier_rule == parent.tier_rule
    assert revision.eligibility == parent.eligibility
    assert revision.requirements == parent.requirements
    assert revision.sources == parent.sources
    assert revision.notes == ()
    assert revision.in_force.start == datetime.date(2031, 1, 1)


def test_extends_an_unknown_revision() -> None:
    (problem,) = problems_of(_extending("2016"))
    assert (problem.path, problem.code) == ("extends", "unknown-standard")
    assert "2016" in problem.message


def test_extends_without_changes() -> None:
    data = _extending()
    del data["changes"]
    (problem,) = problems_of(data)
    assert (problem.path, problem.code) == ("changes", "missing-changes")
    assert "2026" in problem.message
    assert problem.hint


def test_extends_with_empty_changes() -> None:
    assert found(_extending(changes=[])) == {("changes", "missing-changes")}


def test_extends_itself_is_a_cycle() -> None:
    assert found(_extending("2031")) == {("extends", "extends-cycle")}


def test_extends_that_is_not_a_string() -> None:
    assert found(_extending(2026)) == {("extends", "wrong-type")}  # type: ignore[arg-type]


def test_extending_revision_is_validated_after_merging() -> None:
    assert found(_extending(criteria_count=40)) == {("criteria_count", "criteria-count")}
    eligibility = copy.deepcopy(base("2026")["eligibility"])
    eligibility["countries"].reverse()
    assert found(_extending(eligibility=eligibility)) == {
        ("eligibility.countries", "unsorted-countries")
    }
