"""The typed model: Standard, PracticeArea, Criterion, Checklist, Provenance."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import attrs
import pytest

import wwc_standard as wwc
from strategies import PROVENANCE, make_checklist, make_criterion, make_standard


def test_standard_is_indexed_by_criterion_id() -> None:
    revision = wwc.standard("2024")
    criterion = revision["DM1"]
    assert isinstance(criterion, wwc.Criterion)
    assert (criterion.id, criterion.name, criterion.practice_area) == (
        "DM1",
        "Implementing Data Strategy and Governance",
        "DM",
    )
    assert revision["OD3"].name == "Open Data Portal"


def test_unknown_criterion_id_is_a_key_error_with_a_suggestion() -> None:
    revision = wwc.standard("2024")
    with pytest.raises(KeyError, match="did you mean DM9") as info:
        revision["DM99"]
    assert "2024" in str(info.value)
    with pytest.raises(KeyError, match="did you mean OD3"):
        revision["od3"]


def test_unknown_criterion_far_from_every_id_has_no_suggestion() -> None:
    with pytest.raises(KeyError) as info:
        wwc.standard("2024")["zzzzzz"]
    assert "did you mean" not in str(info.value)


@pytest.mark.parametrize("key", [5, None, 1.5, ("DM1",)])
def test_indexing_with_a_non_string_is_a_key_error(key: object) -> None:
    with pytest.raises(KeyError):
        wwc.standard("2024")[key]  # type: ignore[index]


def test_standard_contains_iterates_and_has_a_length() -> None:
    revision = wwc.standard("2024")
    assert "DM1" in revision
    assert "DM99" not in revision
    assert 5 not in revision
    assert [c.id for c in revision] == [c.id for c in revision.criteria]
    assert len(revision) == 43
    assert revision.possible == 43
    assert revision.complete


def test_practice_area_lookup() -> None:
    revision = wwc.standard("2024")
    assert revision.practice_area("RDC").name == "Results-Driven Contracting"
    with pytest.raises(KeyError, match="XX"):
        revision.practice_area("XX")
    with pytest.raises(KeyError):
        revision.criteria_in("XX")
    assert [c.id for c in revision.criteria_in("CI")] == ["CI1", "CI2", "CI3"]


def test_source_lookup() -> None:
    revision = wwc.standard("2024")
    assert revision.source("govtech").url == "https://www.govtech.com/"
    with pytest.raises(KeyError, match="nope"):
        revision.source("nope")


def test_in_force_on() -> None:
    revision = wwc.standard("2023")
    assert revision.in_force_on(datetime.date(2023, 1, 1))
    assert revision.in_force_on(datetime.date(2030, 1, 1))
    assert not revision.in_force_on(datetime.date(2022, 12, 31))


def test_model_objects_are_frozen() -> None:
    revision = wwc.standard("2024")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        revision.version = "2030"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        revision["DM1"].name = "x"  # type: ignore[misc]
    assert isinstance(revision.criteria, tuple)
    assert isinstance(revision.practice_areas, tuple)
    assert isinstance(revision.eligibility.countries, tuple)


def test_model_objects_take_keyword_arguments_only() -> None:
    with pytest.raises(TypeError):
        wwc.Provenance("read")  # type: ignore[misc]


def test_provenance_inferred() -> None:
    assert wwc.Provenance(basis="inferred").inferred
    assert not wwc.Provenance(basis="read").inferred
    assert wwc.Provenance(basis="read").sources == ()


def test_checklist_quota_and_item_ids() -> None:
    checklist = make_checklist(3, "abcd")
    assert checklist.quota == "3 of 4"
    assert checklist.item_ids == ("a", "b", "c", "d")


def test_incomplete_revision_is_not_complete() -> None:
    revision = make_standard([make_criterion("AA1"), make_criterion("AA2")], criteria_count=45)
    assert not revision.complete
    assert revision.possible == 2
    assert revision.criteria_count == 45


def test_prerequisite_order_puts_prerequisites_first_and_keeps_published_order() -> None:
    revision = make_standard(
        [
            make_criterion("AA1", prerequisites=["AA3"]),
            make_criterion("AA2"),
            make_criterion("AA3", prerequisites=["AA4"]),
            make_criterion("AA4"),
            make_criterion("AA5", prerequisites=["AA1", "AA2"]),
        ]
    )
    assert revision.validate() == ()
    order = [c.id for c in revision.prerequisite_order]
    assert order == ["AA4", "AA3", "AA1", "AA2", "AA5"]
    assert revision.dependents == {
        "AA3": ("AA1",),
        "AA4": ("AA3",),
        "AA1": ("AA5",),
        "AA2": ("AA5",),
    }


def test_without_prerequisites_the_order_is_the_published_one() -> None:
    revision = wwc.standard("2024")
    assert revision.prerequisite_order == revision.criteria
    assert revision.dependents == {}


def test_hand_built_revision_validates_like_a_loaded_one() -> None:
    revision = make_standard(
        [
            make_criterion("AA1", prerequisites=["AA1"]),
            make_criterion("AA2", prerequisites=["AA9"]),
            make_criterion("AA3", checklist=make_checklist(0, "ab")),
        ]
    )
    codes = {(problem.path, problem.code) for problem in revision.validate()}
    assert ("criteria[0].prerequisites[0]", "prerequisite-cycle") in codes
    assert ("criteria[1].prerequisites[0]", "unknown-prerequisite") in codes
    assert ("criteria[2].checklist.required", "quota-out-of-range") in codes
    for problem in revision.validate():
        assert isinstance(problem, wwc.Problem)


def test_hand_built_revision_round_trips_through_its_dict() -> None:
    revision = make_standard(
        [
            make_criterion("AA1", checklist=make_checklist(2, "abc")),
            make_criterion("AA2", prerequisites=["AA1"]),
            make_criterion("BB3", "BB"),
        ],
        areas=["AA", "BB"],
    )
    assert revision.validate() == ()
    again = wwc.Standard.from_dict(revision.to_dict())
    assert again == revision
    assert again.fingerprint == revision.fingerprint
    assert again["AA1"].checklist == make_checklist(2, "abc")


def test_checklist_item_may_carry_its_own_provenance() -> None:
    checklist = wwc.Checklist(
        required=1,
        items=(
            wwc.ChecklistItem(id="a", text="A", provenance=PROVENANCE),
            wwc.ChecklistItem(id="b", text="B"),
        ),
        provenance=PROVENANCE,
    )
    revision = make_standard(
        [make_criterion("AA1", checklist=checklist), make_criterion("AA2"), make_criterion("AA3")]
    )
    assert revision.validate() == ()
    assert wwc.Standard.from_dict(revision.to_dict()) == revision


def test_public_names_are_exported_and_sorted() -> None:
    assert wwc.__all__ == sorted(wwc.__all__)
    for name in wwc.__all__:
        assert hasattr(wwc, name), name


def test_the_version_says_what_it_is() -> None:
    """A development version (nothing of it is published yet) goes with an Unreleased section
    of the changelog; a release version has its own dated section."""
    parsed = re.fullmatch(r"(\d+\.\d+\.\d+)(\.dev\d+)?", wwc.__version__)
    assert parsed is not None, wwc.__version__
    release, dev = parsed.groups()
    changelog = (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text("utf-8")
    if dev:
        assert "## [Unreleased]" in changelog
        assert f"## [{release}]" not in changelog
    else:
        assert f"## [{release}] - " in changelog
