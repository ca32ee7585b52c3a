"""The component-breadth tier rule of the 2017 launch standard (facts, section 7).

"Tier by breadth: Silver = works across 2 of 4 components, Gold = 3, Platinum = all 4". How a
city "works across" a component is UNKNOWN, so it is a parameter of the rule (WorkingAcross).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wwc_standard as wwc
from strategies import (
    COMPONENTS,
    breadth_revisions,
    make_breadth,
    make_criterion,
    make_standard,
    met_sets,
)
from wwc_standard import Tier


def launch_revision(per_component: int = 2, **working: int) -> wwc.Standard:
    """Two criteria per component (C1, C2 commit; M3, M4 measure; ...)."""
    criteria = [
        make_criterion(f"{component[0].upper()}{index}", components=[component])
        for index, component in enumerate(
            [c for c in COMPONENTS for _ in range(per_component)], start=1
        )
    ]
    return make_standard(criteria, tier_rule=make_breadth(**working))


@pytest.mark.parametrize(
    ("count", "tier"),
    [(0, Tier.NONE), (1, Tier.NONE), (2, Tier.SILVER), (3, Tier.GOLD), (4, Tier.PLATINUM)],
)
def test_tier_for_components_2017(count: int, tier: Tier) -> None:
    assert make_breadth().tier_for_components(count) is tier


@pytest.mark.parametrize(
    ("min_criteria", "min_percent", "size", "needed"),
    [(1, 0, 5, 1), (1, 50, 5, 3), (2, 0, 5, 2), (1, 100, 4, 4), (3, 50, 4, 3), (1, 34, 3, 2)],
)
def test_working_across_needed(min_criteria: int, min_percent: int, size: int, needed: int) -> None:
    rule = wwc.WorkingAcross(min_criteria=min_criteria, min_percent=min_percent)
    assert rule.needed(size) == needed


def test_defaults_of_working_across() -> None:
    assert wwc.WorkingAcross() == wwc.WorkingAcross(min_criteria=1, min_percent=0)


def test_breadth_counts_components_not_criteria() -> None:
    revision = launch_revision()
    assert revision.validate() == ()
    # Four criteria met, all in two components: Silver, not more.
    result = wwc.evaluate({"answers": dict.fromkeys(["C1", "C2", "M3", "M4"], "met")}, revision)
    assert result.points == 4
    assert result.tier is Tier.SILVER
    # One criterion in each of three components: Gold with fewer points.
    result = wwc.evaluate({"answers": dict.fromkeys(["C1", "M3", "T5"], "met")}, revision)
    assert (result.points, result.tier) == (3, Tier.GOLD)
    result = wwc.evaluate({"answers": dict.fromkeys(["C1", "M3", "T5", "A7"], "met")}, revision)
    assert result.tier is Tier.PLATINUM


def test_breadth_with_a_share_of_each_component() -> None:
    revision = launch_revision(min_percent=100)
    result = wwc.evaluate({"answers": dict.fromkeys(["C1", "M3", "T5", "A7"], "met")}, revision)
    assert result.tier is Tier.NONE
    gaps = {gap.tier: gap.criteria_needed for gap in result.gaps if gap.kind == "tier"}
    assert gaps == {Tier.SILVER: 2, Tier.GOLD: 3, Tier.PLATINUM: 4}


def test_breadth_gaps_name_the_criteria_needed() -> None:
    revision = launch_revision()
    result = wwc.evaluate({"answers": dict.fromkeys(["C1", "C2"], "met")}, revision)
    assert [gap.message for gap in result.gaps if gap.kind == "tier"] == [
        "1 more criterion for Silver (3 of 8)",
        "2 more criteria for Gold (4 of 8)",
        "3 more criteria for Platinum (5 of 8)",
    ]


def test_breadth_revision_round_trips_and_is_fingerprinted() -> None:
    revision = launch_revision(min_criteria=2, min_percent=50)
    again = wwc.Standard.from_dict(revision.to_dict())
    assert again == revision
    assert again.fingerprint == revision.fingerprint
    assert revision.to_dict()["tier_rule"]["kind"] == "component-breadth"


def test_breadth_rule_problems() -> None:
    bad = make_standard(
        [
            make_criterion("AA1", components=["x"]),
            make_criterion("AA2"),
            make_criterion("AA3", components=["commit", "act"]),
        ],
        tier_rule=make_breadth(3, 2, 5, components=("a", "a"), min_criteria=0, min_percent=101),
    )
    found = {(problem.path, problem.code) for problem in bad.validate()}
    assert found >= {
        ("tier_rule.components", "invalid-tier-rule"),
        ("tier_rule.working_across.min_criteria", "invalid-tier-rule"),
        ("tier_rule.working_across.min_percent", "invalid-tier-rule"),
        ("criteria[0].components", "invalid-component"),
        ("criteria[1].components", "invalid-component"),
        ("criteria[2].components", "invalid-component"),
    }
    assert any(code == "invalid-bands" for _, code in found)


def test_a_component_too_small_to_count_is_a_problem() -> None:
    # One criterion per component, but a component needs two met criteria to count.
    revision = launch_revision(per_component=1, min_criteria=2)
    assert ("tier_rule.working_across", "invalid-tier-rule") in {
        (p.path, p.code) for p in revision.validate()
    }


def test_unknown_tier_rule_fields_in_data_are_problems() -> None:
    data = launch_revision().to_dict()
    data["tier_rule"]["breadth"] = "wide"
    with pytest.raises(wwc.InvalidStandard) as info:
        wwc.Standard.from_dict(data)
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("tier_rule.breadth", "unknown-field")
    ]


@given(data=st.data(), revision=breadth_revisions())
def test_breadth_criteria_needed_is_exact(data: st.DataObject, revision: wwc.Standard) -> None:
    """Rule (2017): "Silver = works across 2 of 4 components, Gold = 3, Platinum = all 4". The
    distance to a tier, in criteria, is the fewest further criteria that reach it (checked by
    trying every set of further criteria), or None when no set can."""
    rule = revision.tier_rule
    assert isinstance(rule, wwc.ComponentBreadth)
    criteria = revision.criteria
    met = data.draw(met_sets(revision))
    unmet = [c.id for c in criteria if c.id not in met]
    for tier in (Tier.SILVER, Tier.GOLD, Tier.PLATINUM):
        needed = rule.criteria_needed(tier, met, criteria)
        reach = [
            size
            for size in range(len(unmet) + 1)
            if any(
                rule.tier([*met, *extra], criteria) >= tier
                for extra in itertools.combinations(unmet, size)
            )
        ]
        assert needed == (min(reach) if reach else None), (tier, sorted(met))
