"""Amendments of hostile or large revision files: paths in the file's terms, misspelt ids
caught, no raw exception, and linear work (the same results as the plain algorithm)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wwc_standard as wwc
from wwc_standard.revisions.inheritance import CRITERION_KEYS, apply_amendments
from wwc_standard.revisions.model import Criterion

BASE = {"version": "2022-mine", "extends": "2022", "title": "t", "changes": ["c"]}
NEW = {"name": "n", "description": "d", "provenance": {"basis": "inferred"}}


def problems(data: Mapping[str, Any]) -> list[tuple[str, str, str | None]]:
    with pytest.raises(wwc.InvalidStandard) as raised:
        wwc.Standard.from_dict(data)
    return [
        (p.path, p.code, None if p.hint is None else str(p.hint)) for p in raised.value.problems
    ]


def test_the_criterion_keys_are_the_fields_of_criterion():
    fields = [f.name for f in attrs.fields(Criterion) if f.init]
    assert sorted(CRITERION_KEYS) == sorted(fields)


def test_a_misspelt_key_is_reported_where_it_is_in_the_file():
    data = {**BASE, "amend_criteria": [{"id": "DM3", "prerequisite": ["DM2"]}]}
    assert problems(data) == [
        ("amend_criteria[0].prerequisite", "unknown-field", "did you mean prerequisites?")
    ]


def test_problems_in_amended_keys_are_reported_at_the_amendment():
    data = {
        **BASE,
        "amend_criteria": [{"id": "DM2", "name": 5}, {"id": "DM3", "checklist": []}],
    }
    found = {(path, code) for path, code, _ in problems(data)}
    assert found == {
        ("amend_criteria[0].name", "wrong-type"),
        ("amend_criteria[1].checklist", "wrong-type"),
    }
    data = {**BASE, "amend_criteria": [{"id": "DM2"}, {"id": "DM3", "prerequisites": ["DM99"]}]}
    assert [(path, code) for path, code, _ in problems(data)] == [
        ("amend_criteria[1].prerequisites[0]", "unknown-prerequisite")
    ]


def test_a_new_id_close_to_an_existing_one_is_taken_for_a_misspelling():
    data = {**BASE, "amend_criteria": [{"id": "DM33", "prerequisites": ["DM2"]}]}
    assert problems(data) == [("amend_criteria[0].id", "unknown-criterion", "did you mean DM3?")]


def test_a_new_criterion_with_every_key_is_still_added_even_when_its_id_is_close():
    data = {
        **BASE,
        "criteria_count": 44,
        "amend_criteria": [{"id": "DM33", "practice_area": "DM", **NEW}],
    }
    mine = wwc.Standard.from_dict(data)
    assert "DM33" in mine
    assert [c.id for c in mine.criteria if c.practice_area == "DM"][-1] == "DM33"


def test_a_new_criterion_far_from_every_id_still_lists_its_missing_keys():
    data = {**BASE, "amend_criteria": [{"id": "ZZZ-new", "name": "n"}]}
    codes = {(path, code) for path, code, _ in problems(data)}
    assert ("amend_criteria[0].practice_area", "missing-field") in codes


@pytest.mark.parametrize("key", [["a"], {"a": 1}, 5, None])
def test_a_source_key_of_the_wrong_type_is_a_problem_at_its_own_index(key):
    data = {**BASE, "sources": [{"key": key, "title": "t"}]}
    assert [(path, code) for path, code, _ in problems(data)] == [("sources[0].key", "wrong-type")]


@pytest.mark.parametrize("removal", [["DM1"], {"id": 1}, None, 3])
def test_hostile_removals_are_problems(removal):
    data = {**BASE, "remove_criteria": [removal, "DM1", "DM1"]}
    assert {code for _, code, _ in problems(data)} == {"unknown-criterion"}


# -- the same results as the plain algorithm, in linear time ----------------------------------


def plain(merged: dict[str, Any]) -> None:
    """The former, quadratic algorithm: a scan of the list for every removal and amendment."""
    removals = merged.pop("remove_criteria", None)
    amendments = merged.pop("amend_criteria", None) or []
    current = list(merged["criteria"])

    def index_of(criterion_id: object) -> int | None:
        for i, item in enumerate(current):
            if isinstance(item, Mapping) and item.get("id") == criterion_id:
                return i
        return None

    for criterion_id in removals or []:
        at = index_of(criterion_id)
        if at is not None:
            del current[at]
    seen: set[str] = set()
    for amendment in amendments:
        criterion_id = amendment["id"]
        if criterion_id in seen:
            continue
        seen.add(criterion_id)
        at = index_of(criterion_id)
        if at is not None:
            current[at] = {**current[at], **amendment}
            continue
        if any(key not in amendment for key in ("id", "name", "practice_area")):
            continue
        area = amendment.get("practice_area")
        last = max(
            (i for i, item in enumerate(current) if item.get("practice_area") == area),
            default=len(current) - 1,
        )
        current.insert(last + 1, dict(amendment))
    merged["criteria"] = current


IDS = st.sampled_from(["A1", "A2", "B1", "B2", "C1", "Q7", "X9", "Y8", "W5"])
AREAS = st.sampled_from(["A", "B", "C", "D"])


@given(
    criteria=st.lists(st.fixed_dictionaries({"id": IDS, "practice_area": AREAS}), max_size=8),
    removals=st.none() | st.lists(IDS, max_size=4),
    amendments=st.lists(
        st.fixed_dictionaries(
            {"id": IDS}, optional={"practice_area": AREAS, "name": st.sampled_from(["n", "m"])}
        ),
        max_size=8,
    ),
)
def test_amendments_give_the_results_of_the_plain_algorithm(criteria, removals, amendments):
    # "name" stands for every required key: an addition needs id, name and practice_area here
    amendments = [
        {**a, "description": "d", "provenance": {}} if "name" in a and "practice_area" in a else a
        for a in amendments
    ]
    merged = {"criteria": criteria, "remove_criteria": removals, "amend_criteria": amendments}
    expected = copy.deepcopy(merged)
    plain(expected)
    apply_amendments(merged)
    assert merged == expected


class Counting(dict):  # type: ignore[type-arg]
    """A criterion's data that counts how often it is read."""

    reads = 0

    def get(self, *args: Any) -> Any:
        Counting.reads += 1
        return super().get(*args)


@pytest.mark.parametrize("n", [1_000, 4_000])
def test_amending_many_criteria_takes_linear_work(n):
    # No clock: the number of reads of criteria grows linearly with the amendments (the plain
    # algorithm reads every criterion for every amendment: 16,000 of them took 52 s).
    amendments = [
        {"id": f"N{i}", "practice_area": ("DM", "OD", "PA")[i % 3], **NEW} for i in range(n)
    ]
    criteria = [Counting(c) for c in wwc.standard("2022").to_dict()["criteria"]]
    merged = {"criteria": criteria, "amend_criteria": [*amendments, {"id": "DM1", "name": "x"}]}
    merged["remove_criteria"] = ["DM2"]
    Counting.reads = 0
    apply_amendments(merged)
    assert len(merged["criteria"]) == n + 42
    assert merged["criteria"][0]["name"] == "x"
    assert Counting.reads <= 10 * 43
