"""evaluate(): statuses, points, tiers, breakdowns, gaps, eligibility and certification."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import wwc_standard as wwc
from strategies import (
    gating_requirement,
    make_bands,
    make_checklist,
    make_criterion,
    make_standard,
)
from wwc_standard import Status, Tier

IDS_2024 = [criterion.id for criterion in wwc.standard("2024").criteria]


def prerequisite_revision() -> wwc.Standard:
    """Six criteria: AA2 needs AA1, AA3 needs AA2, AA5 needs AA1 and AA4; AA4 has a 3-of-4
    checklist. Bands 51/68/85 of 6: Silver 4, Gold 5, Platinum 6."""
    return make_standard(
        [
            make_criterion("AA1"),
            make_criterion("AA2", prerequisites=["AA1"]),
            make_criterion("AA3", prerequisites=["AA2"]),
            make_criterion("AA4", checklist=make_checklist(3, "abcd")),
            make_criterion("AA5", "BB", prerequisites=["AA1", "AA4"]),
            make_criterion("AA6", "BB"),
        ],
        requirements=[gating_requirement()],
    )


def city(country: str = "US", population: int = 100_000) -> dict[str, Any]:
    return {"name": "Riverton", "country": country, "population": population}


def meeting(count: int, ids: list[str] = IDS_2024, **extra: Any) -> dict[str, Any]:
    """The first ``count`` criteria met, the rest unmet."""
    answers = {key: ("met" if index < count else "unmet") for index, key in enumerate(ids)}
    return {"answers": answers, **extra}


# -- statuses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("met", Status.MET),
        (True, Status.MET),
        ({"status": "met", "evidence": ["https://x.example/"]}, Status.MET),
        ("unmet", Status.UNMET),
        (False, Status.UNMET),
        ("unknown", Status.UNKNOWN),
        (None, Status.UNKNOWN),
        ({"note": "asking the data office"}, Status.UNKNOWN),
        ({"evidence": ["https://x.example/"]}, Status.UNKNOWN),
    ],
)
def test_status_of_an_answer(answer: Any, status: Status) -> None:
    result = wwc.evaluate({"answers": {"DM1": answer}}, "2024")
    assert result.criteria["DM1"].status is status
    assert result.points == (1 if status is Status.MET else 0)


def test_a_missing_answer_is_unknown_and_never_met() -> None:
    result = wwc.evaluate({"answers": {}}, "2024")
    assert result.points == 0
    assert result.tier is Tier.NONE
    assert set(result.statuses) == {Status.UNKNOWN}
    dm1 = result.criteria["DM1"]
    assert dm1.status is Status.UNKNOWN
    assert not dm1.met
    assert dm1.reasons[0].code == "not-answered"
    assert "never met" in dm1.reasons[0].message


def test_answered_unknown_is_never_met() -> None:
    result = wwc.evaluate({"answers": dict.fromkeys(IDS_2024, "unknown")}, "2024")
    assert result.points == 0
    assert result.tier is Tier.NONE
    assert result.criteria["OD3"].reasons[0].code == "answered-unknown"
    assert "never met" in result.criteria["OD3"].reasons[0].message


def test_every_status_carries_its_reason() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    for criterion in result.criteria.values():
        assert criterion.reasons, criterion.id
        assert all(reason.code and reason.message for reason in criterion.reasons)
    assert result.criteria["DM7"].reasons[0].code == "answered-unmet"
    assert result.criteria["DM1"].reasons[0].code == "answered-met"
    assert result.criteria["DM1"].reasons[1].code == "evidence"
    assert result.criteria["DM1"].reasons[1].params == {"count": 1}


def test_prerequisite_unmet_blocks_a_met_answer() -> None:
    result = wwc.evaluate({"answers": {"AA1": "unmet", "AA2": "met"}}, prerequisite_revision())
    aa2 = result.criteria["AA2"]
    assert aa2.status is Status.BLOCKED
    assert aa2.blocked_by == ("AA1",)
    assert aa2.reasons[0].code == "prerequisite-not-met"
    assert "AA1 (unmet)" in aa2.reasons[0].message
    assert result.points == 0


def test_prerequisite_unknown_blocks_a_met_answer() -> None:
    result = wwc.evaluate({"answers": {"AA2": "met"}}, prerequisite_revision())
    assert result.criteria["AA2"].status is Status.BLOCKED
    assert "AA1 (unknown)" in result.criteria["AA2"].reasons[0].message


def test_blocking_is_transitive() -> None:
    result = wwc.evaluate(
        {"answers": {"AA1": "unknown", "AA2": "met", "AA3": "met"}}, prerequisite_revision()
    )
    assert result.criteria["AA2"].status is Status.BLOCKED
    assert result.criteria["AA3"].status is Status.BLOCKED
    assert result.criteria["AA3"].blocked_by == ("AA2",)
    assert result.points == 0


def test_met_prerequisites_unlock() -> None:
    result = wwc.evaluate(
        {"answers": {"AA1": "met", "AA2": "met", "AA3": "met"}}, prerequisite_revision()
    )
    assert [result.criteria[k].status for k in ("AA1", "AA2", "AA3")] == [Status.MET] * 3
    assert result.points == 3


def test_every_prerequisite_must_be_met() -> None:
    revision = prerequisite_revision()
    result = wwc.evaluate({"answers": {"AA1": "met", "AA5": "met"}}, revision)
    assert result.criteria["AA5"].status is Status.BLOCKED
    assert result.criteria["AA5"].blocked_by == ("AA4",)
    result = wwc.evaluate(
        {"answers": {"AA1": "met", "AA4": {"checklist": dict.fromkeys("abc", True)}, "AA5": True}},
        revision,
    )
    assert result.criteria["AA5"].status is Status.MET


def test_unlocks_are_reported_on_the_prerequisite() -> None:
    result = wwc.evaluate({"answers": {"AA1": "unmet"}}, prerequisite_revision())
    aa1 = result.criteria["AA1"]
    assert aa1.unlocks == ("AA2", "AA5")
    assert "unlocks" in [reason.code for reason in aa1.reasons]


def test_an_unmet_answer_behind_an_unmet_prerequisite_stays_unmet() -> None:
    result = wwc.evaluate({"answers": {"AA2": "unmet"}}, prerequisite_revision())
    aa2 = result.criteria["AA2"]
    assert aa2.status is Status.UNMET
    assert aa2.blocked_by == ("AA1",)
    assert [reason.code for reason in aa2.reasons][:2] == ["answered-unmet", "prerequisite-pending"]


@pytest.mark.parametrize(
    ("marks", "status", "met", "missing"),
    [
        ({"a": True, "b": True, "c": True}, Status.MET, 3, ("d",)),
        ({"a": True, "b": True, "c": True, "d": True}, Status.MET, 4, ()),
        ({"a": True, "b": False, "c": False}, Status.SHORT, 1, ("b", "c", "d")),
        ({"a": False, "b": False}, Status.SHORT, 0, ("a", "b", "c", "d")),
        ({"a": True, "b": True, "c": False, "d": False}, Status.SHORT, 2, ("c", "d")),
        ({"a": True, "b": True}, Status.UNKNOWN, 2, ("c", "d")),  # undecided
        ({"a": True, "b": True, "c": None, "d": False}, Status.UNKNOWN, 2, ("c", "d")),
    ],
)
def test_checklist_decides_the_status(
    marks: dict[str, bool | None], status: Status, met: int, missing: tuple[str, ...]
) -> None:
    result = wwc.evaluate({"answers": {"AA4": {"checklist": marks}}}, prerequisite_revision())
    aa4 = result.criteria["AA4"]
    assert aa4.status is status
    assert aa4.checklist_met == met
    assert aa4.checklist_required == 3
    assert aa4.missing_items == missing


def test_checklist_short_of_its_quota_explains_itself() -> None:
    result = wwc.evaluate(
        {"answers": {"AA4": {"checklist": {"a": True, "b": False, "c": False}}}},
        prerequisite_revision(),
    )
    reason = result.criteria["AA4"].reasons[0]
    assert reason.code == "checklist-short"
    assert reason.params == {"met": 1, "required": 3, "items": ["b", "c", "d"]}
    assert "1 of 4 items met, 3 needed" in reason.message


def test_explicit_met_over_an_undecided_checklist_stands() -> None:
    result = wwc.evaluate(
        {"answers": {"AA4": {"status": "met", "checklist": {"a": True}}}}, prerequisite_revision()
    )
    assert result.criteria["AA4"].status is Status.MET
    assert result.criteria["AA4"].reasons[0].code != "checklist-met"


def test_auditor_mode_needs_evidence() -> None:
    data = {
        "answers": {
            "DM1": "met",
            "DM2": {"status": "met", "evidence": ["https://x.example/inventory"]},
            "DM3": "unmet",
        }
    }
    plain = wwc.evaluate(data, "2024")
    audited = wwc.evaluate(data, "2024", require_evidence=True)
    assert plain.criteria["DM1"].status is Status.MET
    assert audited.criteria["DM1"].status is Status.UNVERIFIED
    assert audited.criteria["DM1"].reasons[0].code == "no-evidence"
    assert audited.criteria["DM2"].status is Status.MET
    assert audited.criteria["DM2"].evidence == ("https://x.example/inventory",)
    assert audited.criteria["DM3"].status is Status.UNMET
    assert (plain.points, audited.points) == (2, 1)
    assert audited.require_evidence
    assert audited.to_dict()["options"] == {"require_evidence": True}


def test_auditor_mode_unverified_prerequisite_blocks() -> None:
    result = wwc.evaluate(
        {"answers": {"AA1": "met", "AA2": {"status": "met", "evidence": ["e"]}}},
        prerequisite_revision(),
        require_evidence=True,
    )
    assert result.criteria["AA1"].status is Status.UNVERIFIED
    assert result.criteria["AA2"].status is Status.BLOCKED


def test_auditor_mode_applies_to_a_met_checklist() -> None:
    data = {"answers": {"AA4": {"checklist": dict.fromkeys("abc", True)}}}
    result = wwc.evaluate(data, prerequisite_revision(), require_evidence=True)
    assert result.criteria["AA4"].status is Status.UNVERIFIED


# -- points, possible, tier -----------------------------------------------------------------


def test_points_possible_and_tier_of_the_example() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    assert (result.points, result.possible, result.tier) == (27, 43, Tier.SILVER)
    assert result.next_tier is Tier.GOLD
    assert result.standard is wwc.standard("2024")
    assert len(result.met) == 27
    assert result.met == tuple(k for k, c in result.criteria.items() if c.status is Status.MET)


def test_evaluate_accepts_a_version_a_standard_or_an_assessment() -> None:
    data = meeting(25)
    by_version = wwc.evaluate(data, "2022")
    by_object = wwc.evaluate(wwc.Assessment.from_dict(data), wwc.standard("2022"))
    assert by_version == by_object
    assert by_version.tier is Tier.SILVER


def test_platinum_has_no_next_tier() -> None:
    result = wwc.evaluate(meeting(43), "2024")
    assert result.tier is Tier.PLATINUM
    assert result.next_tier is None
    assert [gap for gap in result.gaps if gap.kind == "tier"] == []


# -- practice areas -------------------------------------------------------------------------


def test_practice_area_breakdown_of_the_example() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    breakdown = {
        area.code: (
            area.points,
            area.possible,
            area.statuses[Status.UNMET],
            area.statuses[Status.UNKNOWN],
        )
        for area in result.practice_areas
    }
    assert breakdown == {
        "DM": (6, 9, 2, 1),
        "LC": (6, 7, 0, 1),
        "OD": (4, 4, 0, 0),
        "PA": (4, 5, 1, 0),
        "BF": (2, 3, 0, 1),
        "RDC": (3, 8, 2, 3),
        "CI": (1, 3, 1, 1),
        "EVAL": (1, 4, 1, 2),
    }
    for area in result.practice_areas:
        assert set(area.statuses) == set(Status)  # every status, zeros included
        assert sum(area.statuses.values()) == area.possible
        assert area.statuses[Status.MET] == area.points
    assert sum(area.points for area in result.practice_areas) == result.points
    assert sum(area.possible for area in result.practice_areas) == result.possible
    assert result.practice_areas[0].name == "Data Management"


def test_practice_area_breakdown_counts_every_status() -> None:
    result = wwc.evaluate(
        {
            "answers": {
                "AA1": "unmet",
                "AA2": "met",  # blocked
                "AA4": {"checklist": {"a": False, "b": False}},  # short
                "AA5": "unknown",
                "AA6": "met",
            }
        },
        prerequisite_revision(),
    )
    aa, bb = result.practice_areas
    assert aa.statuses == {
        Status.MET: 0,
        Status.UNMET: 1,
        Status.UNKNOWN: 1,
        Status.BLOCKED: 1,
        Status.SHORT: 1,
        Status.UNVERIFIED: 0,
    }
    assert (bb.points, bb.possible, bb.statuses[Status.UNKNOWN]) == (1, 2, 1)


# -- gaps -----------------------------------------------------------------------------------


def test_gaps_of_the_example_city() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    tier_gaps = [gap for gap in result.gaps if gap.kind == "tier"]
    assert [gap.message for gap in tier_gaps] == [
        "3 more criteria for Gold (30 of 43)",
        "10 more criteria for Platinum (37 of 43)",
    ]
    assert [(gap.tier, gap.criteria_needed) for gap in tier_gaps] == [
        (Tier.GOLD, 3),
        (Tier.PLATINUM, 10),
    ]
    # Tier gaps come first.
    assert [gap.kind for gap in result.gaps[:2]] == ["tier", "tier"]
    criterion_gaps = [gap for gap in result.gaps if gap.kind == "criterion"]
    assert len(criterion_gaps) == 43 - 27
    assert [gap.criterion for gap in criterion_gaps] == [
        key for key, c in result.criteria.items() if c.status is not Status.MET
    ]
    dm7 = criterion_gaps[0]
    assert (dm7.criterion, dm7.status) == ("DM7", Status.UNMET)
    assert dm7.message == "DM7 Qualitative Data Practices: answered unmet"
    assert [gap for gap in result.gaps if gap.kind == "requirement"] == []


def test_tier_gaps_from_nothing() -> None:
    result = wwc.evaluate({"answers": {}}, "2024")
    assert [gap.message for gap in result.gaps if gap.kind == "tier"] == [
        "22 more criteria for Silver (22 of 43)",
        "30 more criteria for Gold (30 of 43)",
        "37 more criteria for Platinum (37 of 43)",
    ]


def test_one_criterion_short_of_a_tier_is_singular() -> None:
    result = wwc.evaluate(meeting(29), "2024")
    assert result.gaps[0].message == "1 more criterion for Gold (30 of 43)"
    assert result.gaps[0].criteria_needed == 1


def test_blocked_gap_names_what_blocks_it() -> None:
    result = wwc.evaluate({"answers": {"AA1": "unmet", "AA2": "met"}}, prerequisite_revision())
    (gap,) = [gap for gap in result.gaps if gap.criterion == "AA2"]
    assert gap.status is Status.BLOCKED
    assert gap.blocked_by == ("AA1",)
    (aa1,) = [gap for gap in result.gaps if gap.criterion == "AA1"]
    assert aa1.unlocks == ("AA2", "AA5")


def test_checklist_gap_names_the_missing_items_and_how_many_are_needed() -> None:
    result = wwc.evaluate(
        {"answers": {"AA4": {"checklist": {"a": True, "b": False}}}}, prerequisite_revision()
    )
    (gap,) = [gap for gap in result.gaps if gap.criterion == "AA4"]
    assert gap.status is Status.UNKNOWN
    assert gap.missing_items == ("b", "c", "d")
    assert gap.items_needed == 2
    result = wwc.evaluate(
        {"answers": {"AA4": {"checklist": {"a": False, "b": False, "c": False}}}},
        prerequisite_revision(),
    )
    (gap,) = [gap for gap in result.gaps if gap.criterion == "AA4"]
    assert gap.status is Status.SHORT
    assert gap.missing_items == ("a", "b", "c", "d")
    assert gap.items_needed == 3


def test_requirement_gap_when_the_outcome_is_not_met() -> None:
    result = wwc.evaluate(meeting(30, city=city()), "2024")
    (gap,) = [gap for gap in result.gaps if gap.kind == "requirement"]
    assert gap.requirement == "outcome"
    assert gap.status is Status.UNKNOWN
    assert result.gaps[-1] == gap  # after the tier and criterion gaps


def test_every_gap_serialises() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    for gap in result.gaps:
        data = gap.to_dict()
        assert json.loads(json.dumps(data)) == data
        assert data["kind"] in ("tier", "criterion", "requirement")


# -- eligibility ----------------------------------------------------------------------------


def reason_codes(result: wwc.Evaluation) -> list[str]:
    return [reason.code for reason in result.eligibility]


@pytest.mark.parametrize(
    ("city_data", "eligible", "codes"),
    [
        (city("US", 100_000), True, ["country-in-region", "population-meets-floor"]),
        (city("CA", 30_000), True, ["country-in-region", "population-meets-floor"]),
        (city("US", 29_999), False, ["country-in-region", "population-below-floor"]),
        (city("FR", 100_000), False, ["country-outside", "population-meets-floor"]),
        ({"population": 100_000}, False, ["country-missing", "population-meets-floor"]),
        ({"country": "US"}, False, ["country-in-region", "population-missing"]),
        ({}, False, ["country-missing", "population-missing"]),
    ],
)
def test_eligibility_reasons(city_data: dict[str, Any], eligible: bool, codes: list[str]) -> None:
    result = wwc.evaluate({"city": city_data, "answers": {}}, "2024")
    assert result.eligible is eligible
    assert reason_codes(result) == codes


def test_no_city_at_all_is_not_eligible() -> None:
    result = wwc.evaluate({"answers": {}}, "2024")
    assert not result.eligible
    assert reason_codes(result) == ["country-missing", "population-missing"]


@pytest.mark.parametrize(
    ("version", "eligible"), [("2022", False), ("2023", False), ("2024", True)]
)
def test_jamaica_may_certify_from_2024(version: str, eligible: bool) -> None:
    result = wwc.evaluate({"city": city("JM"), "answers": {}}, version)
    assert result.eligible is eligible


def test_eligibility_reasons_say_the_country_list_is_inferred() -> None:
    result = wwc.evaluate({"city": city("FR"), "answers": {}}, "2024")
    message = result.eligibility[0].message
    assert "France" in message
    assert result.eligibility[0].params == {"country": "FR"}
    assert "inferred" in message


def test_population_floor_reason_has_the_numbers() -> None:
    result = wwc.evaluate({"city": city("US", 29_999), "answers": {}}, "2024")
    reason = result.eligibility[1]
    assert reason.params == {"population": 29_999, "floor": 30_000}
    assert "29,999" in reason.message
    assert "30,000" in reason.message


# -- certification --------------------------------------------------------------------------


def test_certification_without_an_outcome_requirement_in_2022() -> None:
    result = wwc.evaluate(meeting(22, city=city()), "2022")
    assert result.tier is Tier.SILVER
    assert result.certification.possible
    assert result.certification.tier is Tier.SILVER
    assert [r.code for r in result.certification.reasons] == ["certifiable"]


def outcome(status: Any) -> dict[str, Any]:
    return {"outcome": status}


@pytest.mark.parametrize(
    ("requirements", "possible", "status"),
    [
        (outcome("met"), True, Status.MET),
        (outcome({"status": "met", "evidence": ["report.pdf"]}), True, Status.MET),
        (outcome("unmet"), False, Status.UNMET),
        (outcome("unknown"), False, Status.UNKNOWN),
        (outcome(None), False, Status.UNKNOWN),
        ({}, False, Status.UNKNOWN),
    ],
)
def test_certification_needs_the_outcome_requirement_from_2023(
    requirements: dict[str, Any], possible: bool, status: Status
) -> None:
    """Facts 2023: an outcome requirement is reported; INFERRED: it gates certification."""
    for version in ("2023", "2024", "2025", "2026"):
        result = wwc.evaluate(meeting(30, city=city(), requirements=requirements), version)
        assert result.tier is Tier.GOLD  # the earned tier stays
        (requirement,) = result.requirements
        assert requirement.status is status
        assert requirement.inferred
        assert requirement.gates_certification
        assert result.certification.possible is possible
        assert result.certification.tier is (Tier.GOLD if possible else Tier.NONE)
        if not possible:
            reason = result.certification.reasons[0]
            assert reason.code == "requirement-not-met"
            assert reason.params["inferred"] is True
            assert "inferred" in reason.message


def test_certification_needs_a_tier() -> None:
    result = wwc.evaluate(meeting(21, city=city(), requirements=outcome("met")), "2024")
    assert result.tier is Tier.NONE
    assert not result.certification.possible
    assert [r.code for r in result.certification.reasons] == ["no-tier"]


def test_certification_needs_eligibility() -> None:
    result = wwc.evaluate(meeting(43, city=city("FR"), requirements=outcome("met")), "2024")
    assert result.tier is Tier.PLATINUM
    assert not result.certification.possible
    assert result.certification.tier is Tier.NONE
    assert [r.code for r in result.certification.reasons] == ["not-eligible"]
    assert "France" in result.certification.reasons[0].message


def test_certification_lists_every_obstacle() -> None:
    result = wwc.evaluate({"city": city("FR", 10), "answers": {}}, "2024")
    assert [r.code for r in result.certification.reasons] == [
        "no-tier",
        "not-eligible",
        "requirement-not-met",
    ]


def test_auditor_mode_needs_evidence_for_the_outcome_too() -> None:
    data = meeting(43, city=city(), requirements=outcome("met"))
    data["answers"] = {key: {"status": "met", "evidence": ["doc"]} for key in IDS_2024}
    result = wwc.evaluate(data, "2024", require_evidence=True)
    assert result.tier is Tier.PLATINUM
    assert result.requirements[0].status is Status.UNVERIFIED
    assert not result.certification.possible


def test_certification_with_a_non_gating_requirement() -> None:
    import attrs

    requirement = attrs.evolve(gating_requirement(), gates_certification=False)
    revision = make_standard(
        [make_criterion(f"AA{i}") for i in range(1, 7)], requirements=[requirement]
    )
    result = wwc.evaluate(meeting(6, [f"AA{i}" for i in range(1, 7)], city=city()), revision)
    assert result.requirements[0].status is Status.UNKNOWN
    assert result.certification.possible
    assert [gap for gap in result.gaps if gap.kind == "requirement"] == []


# -- incomplete revisions -------------------------------------------------------------------


def test_an_incomplete_revision_cannot_score() -> None:
    revision = make_standard(
        [make_criterion(f"DG{i}", "DG") for i in range(1, 12)],
        criteria_count=45,
        tier_rule=make_bands(51, 67, 84),
    )
    assert revision.validate() == ()
    with pytest.raises(wwc.IncompleteStandard) as info:
        wwc.evaluate({"answers": {"DG1": "met"}}, revision)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, wwc.WWCError)
    assert (error.version, error.listed, error.declared) == (revision.version, 11, 45)
    assert "34 were not found in the sources we could read" in str(error)
    assert error.problems[0].code == "incomplete-standard"


# -- to_dict and from_dict ------------------------------------------------------------------

TOP_LEVEL_KEYS = [
    "format",
    "library",
    "standard",
    "options",
    "assessment",
    "assessment_fingerprint",
    "tier",
    "next_tier",
    "points",
    "possible",
    "eligible",
    "eligibility",
    "certification",
    "requirements",
    "practice_areas",
    "criteria",
    "gaps",
]


def test_to_dict_has_the_stable_keys_and_records_versions() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    data = result.to_dict()
    assert list(data) == TOP_LEVEL_KEYS
    assert data["format"] == "wwc-standard.evaluation/1"
    assert data["library"] == {"name": "wwc-standard", "version": wwc.__version__}
    assert data["standard"] == {
        "version": "2024",
        "fingerprint": wwc.standard("2024").fingerprint,
    }
    assert (data["tier"], data["next_tier"], data["points"], data["possible"]) == (
        "silver",
        "gold",
        27,
        43,
    )
    assert data["eligible"] is True
    assert data["certification"]["possible"] is True
    assert list(data["criteria"]) == IDS_2024
    assert data["criteria"]["DM1"]["status"] == "met"
    assert data["assessment"] == result.assessment.to_dict()


def test_to_dict_is_json_serialisable(shipped: wwc.Standard) -> None:
    data = wwc.evaluate(meeting(30, city=city()), shipped).to_dict()
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data


def test_evaluation_round_trips_through_its_dict() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    assert wwc.Evaluation.from_dict(result.to_dict()) == result
    assert wwc.Evaluation.from_dict(json.loads(json.dumps(result.to_dict()))) == result


def test_evaluation_of_a_hand_built_revision_round_trips_with_the_revision() -> None:
    revision = prerequisite_revision()
    result = wwc.evaluate(
        {"answers": {"AA1": "met", "AA2": "met", "AA4": {"checklist": {"a": True}}}},
        revision,
        require_evidence=True,
    )
    assert wwc.Evaluation.from_dict(result.to_dict(), standard=revision) == result


def _tampered(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(wwc.evaluate(wwc.example_assessment()).to_dict())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "path", "code"),
    [
        pytest.param(
            lambda d: d.__setitem__("tier", "gold"), "tier", "evaluation-mismatch", id="tier"
        ),
        pytest.param(
            lambda d: d.__setitem__("points", 30), "points", "evaluation-mismatch", id="points"
        ),
        pytest.param(
            lambda d: d.__setitem__("eligible", False),
            "eligible",
            "evaluation-mismatch",
            id="eligible",
        ),
        pytest.param(lambda d: d["gaps"].pop(), "gaps", "evaluation-mismatch", id="gaps"),
        pytest.param(
            lambda d: d["criteria"]["DM9"].__setitem__("status", "met"),
            "criteria.DM9.status",
            "evaluation-mismatch",
            id="status",
        ),
        pytest.param(
            lambda d: d["assessment"]["answers"].__setitem__("DM9", "met"),
            None,  # the first differing key, whichever the library compares first
            "evaluation-mismatch",
            id="answers",
        ),
        pytest.param(
            lambda d: d["options"].__setitem__("require_evidence", True),
            None,
            "evaluation-mismatch",
            id="options",
        ),
        pytest.param(
            lambda d: d["standard"].__setitem__("fingerprint", "sha256:" + "0" * 64),
            "standard.fingerprint",
            "fingerprint-mismatch",
            id="fingerprint",
        ),
        pytest.param(
            lambda d: d["standard"].__setitem__("version", "2023"),
            "standard.fingerprint",
            "fingerprint-mismatch",
            id="version",
        ),
        pytest.param(
            lambda d: d.__setitem__("format", "wwc-standard.evaluation/2"),
            "format",
            "unsupported-format",
            id="format",
        ),
        pytest.param(
            lambda d: d.__setitem__("extra", 1), "extra", "evaluation-mismatch", id="extra-key"
        ),
        pytest.param(
            lambda d: d.__setitem__("standard", "2024"),
            "standard",
            "wrong-type",
            id="standard-not-object",
        ),
        pytest.param(
            lambda d: d.__setitem__("options", ["x"]),
            "options",
            "wrong-type",
            id="options-not-object",
        ),
        pytest.param(
            lambda d: d.__setitem__("library", "wwc-standard"),
            "library",
            "wrong-type",
            id="library-not-object",
        ),
        pytest.param(
            lambda d: d.__setitem__("assessment", None), "", "wrong-type", id="assessment-null"
        ),
        pytest.param(lambda d: d.pop("tier"), "tier", "evaluation-mismatch", id="tier-removed"),
        pytest.param(lambda d: d.pop("gaps"), "gaps", "evaluation-mismatch", id="gaps-removed"),
    ],
)
def test_a_tampered_evaluation_dict_is_refused(change: Any, path: str | None, code: str) -> None:
    """A stored result is either reproduced exactly or refused, never silently changed."""
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.Evaluation.from_dict(_tampered(change))
    problem = info.value.problems[0]
    assert problem.code == code
    if path is not None:
        assert problem.path == path


@pytest.mark.parametrize("data", [None, [], "evaluation", {}, {"format": "x"}])
def test_from_dict_refuses_what_is_not_an_evaluation(data: Any) -> None:
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.Evaluation.from_dict(data)
    assert info.value.problems[0].code == "unsupported-format"


def test_explain_is_readable_text() -> None:
    text = wwc.evaluate(wwc.example_assessment()).explain()
    assert text.splitlines()[0] == "Exampleton: Silver"
    assert "Points: 27 of 43 criteria met (62.8%)" in text
    assert "3 more criteria for Gold (30 of 43)" in text
    assert "wwc-standard " + wwc.__version__ in text


@pytest.mark.parametrize("value", ["no", "yes", 1, 0, None, [True]])
def test_require_evidence_takes_true_or_false_only(value: Any) -> None:
    """A truthy value such as "no" switched auditor mode on, and the result's own to_dict()
    was then refused by from_dict()."""
    for call in (
        lambda: wwc.evaluate(wwc.example_assessment(), require_evidence=value),
        lambda: wwc.evaluate_many([wwc.example_assessment()], require_evidence=value),
    ):
        with pytest.raises(wwc.AssessmentError) as info:
            call()
        assert [(p.path, p.code) for p in info.value.problems] == [
            ("require_evidence", "wrong-type")
        ]
    stored = wwc.evaluate(wwc.example_assessment()).to_dict()
    stored["options"]["require_evidence"] = value
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.Evaluation.from_dict(stored)
    assert info.value.problems[0].path == "options.require_evidence"


def test_a_hand_built_assessment_with_a_lone_surrogate_still_fingerprints() -> None:
    """Parsed data with a lone surrogate is refused (invalid-text); one built by hand still
    evaluates and records its fingerprint, and the stored form is refused on the way back."""
    built = wwc.Assessment(city=wwc.evaluation.City(name="\ud800"), answers={})
    stored = wwc.evaluate(built, "2024").to_dict()
    assert stored["assessment_fingerprint"].startswith("sha256:")
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.Evaluation.from_dict(stored)
    assert [p.code for p in info.value.problems] == ["invalid-text"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.__setitem__("eligible", 1), "eligible"),
        (lambda d: d.__setitem__("points", 27.0), "points"),
        (lambda d: d["certification"].__setitem__("possible", 1), "certification.possible"),
        (lambda d: d["gaps"][2].__setitem__("items_needed", False), "gaps[2].items_needed"),
        (
            lambda d: d["criteria"]["DM1"]["reasons"][0].__setitem__("code", "x"),
            "criteria.DM1.reasons[0].code",
        ),
        (lambda d: d.__setitem__(7, "seven"), "7"),
        (lambda d: d["options"].__setitem__(None, True), "options.None"),
    ],
)
def test_a_stored_evaluation_is_refused_at_the_exact_field(change: Any, path: str) -> None:
    """Types count (1 is not true, 27.0 is not 27), non-string keys are refused as problems,
    and the refusal names the field, not its top-level key."""
    stored = _tampered(change)
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.Evaluation.from_dict(stored)
    assert [(p.path, p.code) for p in info.value.problems] == [(path, "evaluation-mismatch")]


def test_a_result_of_another_version_is_verified_by_meaning_not_wording() -> None:
    """A result stored by another version of the library (here one that worded its sentences
    otherwise and did not record the assessment's fingerprint) is reproduced when everything
    but the English sentences is the same, and refused when a status, a code or a value is not.
    """
    result = wwc.evaluate(wwc.example_assessment())
    stored = copy.deepcopy(result.to_dict())
    stored["library"]["version"] = "0.1.0"
    del stored["assessment_fingerprint"]
    for gap in stored["gaps"]:
        gap["message"] = "worded otherwise"
    for criterion in stored["criteria"].values():
        for reason in criterion["reasons"]:
            reason["message"] = reason["message"].replace(", and ", ", ")
    again = wwc.Evaluation.from_dict(stored)
    assert again.tier == result.tier
    assert again.library_version == "0.1.0"
    stored["criteria"]["DM1"]["reasons"][0]["params"] = {"changed": True}
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.Evaluation.from_dict(stored)
    assert info.value.problems[0].path == "criteria.DM1.reasons[0].params.changed"
    same_version = copy.deepcopy(result.to_dict())
    same_version["gaps"][0]["message"] = "worded otherwise"
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.Evaluation.from_dict(same_version)
    assert info.value.problems[0].path == "gaps[0].message"
