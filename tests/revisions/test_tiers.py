"""Tiers, bands and the exact tier arithmetic of the facts file (section 3)."""

from __future__ import annotations

import pytest

import wwc_standard as wwc
from strategies import PROVENANCE, make_bands, make_criterion, make_standard
from wwc_standard import Band, PercentageBands, Tier

# -- Tier ----------------------------------------------------------------------------------


def test_tiers_are_ordered_none_silver_gold_platinum() -> None:
    assert list(Tier) == [Tier.NONE, Tier.SILVER, Tier.GOLD, Tier.PLATINUM]
    assert Tier.NONE < Tier.SILVER < Tier.GOLD < Tier.PLATINUM
    assert Tier.PLATINUM > Tier.GOLD > Tier.SILVER > Tier.NONE
    assert Tier.GOLD <= Tier.GOLD
    assert Tier.GOLD >= Tier.GOLD
    assert not Tier.GOLD < Tier.GOLD
    assert not Tier.PLATINUM <= Tier.GOLD
    assert [tier.rank for tier in Tier] == [0, 1, 2, 3]
    assert sorted([Tier.PLATINUM, Tier.NONE, Tier.GOLD, Tier.SILVER]) == list(Tier)
    assert max([Tier.SILVER, Tier.NONE, Tier.GOLD]) is Tier.GOLD


def test_tiers_do_not_compare_with_other_types() -> None:
    with pytest.raises(TypeError):
        assert Tier.GOLD < 2  # type: ignore[operator]
    with pytest.raises(TypeError):
        assert Tier.GOLD >= "gold"  # type: ignore[operator]
    assert Tier.GOLD != "gold"


def test_tier_values_and_labels() -> None:
    assert [tier.value for tier in Tier] == ["none", "silver", "gold", "platinum"]
    assert [tier.label for tier in Tier] == ["No tier", "Silver", "Gold", "Platinum"]


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("none", Tier.NONE),
        ("silver", Tier.SILVER),
        ("Gold", Tier.GOLD),
        ("PLATINUM", Tier.PLATINUM),
        ("  gold \n", Tier.GOLD),
    ],
)
def test_tier_parse_ignores_case_and_spaces(text: str, tier: Tier) -> None:
    assert Tier.parse(text) is tier


@pytest.mark.parametrize("text", ["bronze", "", "gold!", "plata"])
def test_tier_parse_refuses_other_words_with_the_choices(text: str) -> None:
    with pytest.raises(ValueError, match="use one of none, silver, gold, platinum") as info:
        Tier.parse(text)
    assert repr(text) in str(info.value)


def test_tier_next() -> None:
    assert Tier.NONE.next() is Tier.SILVER
    assert Tier.SILVER.next() is Tier.GOLD
    assert Tier.GOLD.next() is Tier.PLATINUM
    assert Tier.PLATINUM.next() is None


# -- Band.minimum_points -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "possible", "points"),
    [
        (51, 43, 22),  # 21.93 -> 22
        (68, 43, 30),  # 29.24 -> 30
        (85, 43, 37),  # 36.55 -> 37
        (51, 45, 23),  # 22.95 -> 23
        (67, 45, 31),  # 30.15 -> 31
        (84, 45, 38),  # 37.8 -> 38
        (50, 10, 5),  # exactly 5: no rounding up
        (50, 11, 6),  # 5.5 -> 6
        (100, 43, 43),
        (1, 43, 1),
        (1, 100, 1),
        (1, 101, 2),  # 1.01 -> 2
        (51, 0, 0),
        (33, 3, 1),  # 0.99 -> 1
        (34, 3, 2),  # 1.02 -> 2
    ],
)
def test_band_minimum_points_is_the_exact_ceiling(percent: int, possible: int, points: int) -> None:
    band = Band(tier=Tier.SILVER, from_percent=percent)
    assert band.minimum_points(possible) == points
    # The definition: the smallest p with p * 100 >= percent * possible.
    assert points * 100 >= percent * possible
    assert points == 0 or (points - 1) * 100 < percent * possible


@pytest.mark.parametrize(("percent", "possible"), [(7, 100), (14, 50), (28, 100), (55, 200)])
def test_band_minimum_points_never_uses_floats(percent: int, possible: int) -> None:
    # In floating point, ceil(percent / 100 * possible) overshoots by one for these (0.07 * 100
    # is 7.000000000000001); the exact rule must not.
    exact = percent * possible // 100
    assert percent * possible % 100 == 0
    assert Band(tier=Tier.GOLD, from_percent=percent).minimum_points(possible) == exact
    assert Band(tier=Tier.GOLD, from_percent=7).minimum_points(10**15) == 7 * 10**13


# -- PercentageBands -----------------------------------------------------------------------


def bands_2022() -> PercentageBands:
    return make_bands(51, 68, 85)


def bands_2018() -> PercentageBands:
    return make_bands(51, 67, 84)


def test_thresholds_of_the_2022_bands_for_43_criteria() -> None:
    assert bands_2022().thresholds(43) == (
        (Tier.SILVER, 22),
        (Tier.GOLD, 30),
        (Tier.PLATINUM, 37),
    )


def test_thresholds_of_the_2018_bands_for_45_criteria() -> None:
    assert bands_2018().thresholds(45) == (
        (Tier.SILVER, 23),
        (Tier.GOLD, 31),
        (Tier.PLATINUM, 38),
    )


@pytest.mark.parametrize(
    ("points", "tier"),
    [
        (0, Tier.NONE),
        (21, Tier.NONE),
        (22, Tier.SILVER),
        (29, Tier.SILVER),
        (30, Tier.GOLD),
        (36, Tier.GOLD),
        (37, Tier.PLATINUM),
        (43, Tier.PLATINUM),
    ],
)
def test_tier_for_points_2022(points: int, tier: Tier) -> None:
    assert bands_2022().tier_for_points(points, 43) is tier


@pytest.mark.parametrize(
    ("points", "tier"),
    [
        (0, Tier.NONE),
        (22, Tier.NONE),
        (23, Tier.SILVER),
        # 30/45 = 66.67% lies between the published "66" and "67": under the exact
        # lower-bound rule it is Silver (a nearest-percent rounding would make it Gold).
        (30, Tier.SILVER),
        (31, Tier.GOLD),
        (37, Tier.GOLD),
        (38, Tier.PLATINUM),
        (45, Tier.PLATINUM),
    ],
)
def test_tier_for_points_2018(points: int, tier: Tier) -> None:
    assert bands_2018().tier_for_points(points, 45) is tier


def test_criteria_needed_counts_from_the_met_criteria() -> None:
    criteria = [make_criterion(f"AA{i}") for i in range(1, 44)]
    rule = bands_2022()
    met = [c.id for c in criteria[:27]]
    assert rule.criteria_needed(Tier.NONE, met, criteria) == 0
    assert rule.criteria_needed(Tier.SILVER, met, criteria) == 0
    assert rule.criteria_needed(Tier.GOLD, met, criteria) == 3
    assert rule.criteria_needed(Tier.PLATINUM, met, criteria) == 10
    assert rule.criteria_needed(Tier.PLATINUM, [], criteria) == 37
    assert rule.tier(met, criteria) is Tier.SILVER


def test_valid_bands_have_no_problems() -> None:
    criteria = [make_criterion(f"AA{i}") for i in range(1, 44)]
    assert bands_2022().problems(criteria, 43) == []
    assert bands_2018().problems(criteria[:45], 45) == []


@pytest.mark.parametrize(
    ("percents", "possible", "path"),
    [
        ((51, 68, 85), 3, "tier_rule.bands[2]"),  # 2, 3, 3: platinum empty
        ((51, 68, 85), 4, "tier_rule.bands[1]"),  # 3, 3, 4: gold empty
        ((51, 51, 85), 43, "tier_rule.bands[1]"),  # overlapping silver and gold
        ((51, 68, 68), 43, "tier_rule.bands[2]"),
        ((0, 68, 85), 43, "tier_rule.bands[0]"),  # silver at 0 points: no tier unreachable
    ],
)
def test_bands_that_leave_a_tier_empty_are_problems(
    percents: tuple[int, int, int], possible: int, path: str
) -> None:
    criteria = [make_criterion(f"AA{i}") for i in range(1, possible + 1)]
    found = make_bands(*percents).problems(criteria, possible)
    assert path in [entry[0] for entry in found]
    assert all(entry[1] == "invalid-bands" for entry in found)


def test_bands_out_of_order_are_a_problem() -> None:
    rule = PercentageBands(
        bands=(
            Band(tier=Tier.GOLD, from_percent=68),
            Band(tier=Tier.SILVER, from_percent=51),
            Band(tier=Tier.PLATINUM, from_percent=85),
        ),
        provenance=PROVENANCE,
    )
    found = rule.problems([], 43)
    assert ("tier_rule.bands", "invalid-bands") in [(path, code) for path, code, _ in found]


def test_no_bands_is_a_problem() -> None:
    rule = PercentageBands(bands=(), provenance=PROVENANCE)
    found = rule.problems([], 43)
    assert [path for path, _, _ in found] == ["tier_rule.bands"]
    assert "found none" in found[0][2]


@pytest.mark.parametrize(
    ("percents", "index"), [((0, 68, 85), 0), ((-5, 68, 85), 0), ((51, 68, 101), 2)]
)
def test_a_lower_bound_must_be_above_0_and_at_most_100(
    percents: tuple[int, int, int], index: int
) -> None:
    found = make_bands(*percents).problems([], 43)
    assert (f"tier_rule.bands[{index}].from_percent", "invalid-bands") in [
        (path, code) for path, code, _ in found
    ]


# -- the boundary counts on every shipped revision (facts section 3) ------------------------


@pytest.mark.parametrize(
    ("met", "tier"),
    [
        (0, Tier.NONE),
        (21, Tier.NONE),
        (22, Tier.SILVER),
        (29, Tier.SILVER),
        (30, Tier.GOLD),
        (36, Tier.GOLD),
        (37, Tier.PLATINUM),
        (43, Tier.PLATINUM),
    ],
)
def test_boundary_counts_of_every_shipped_revision(
    shipped: wwc.Standard, met: int, tier: Tier
) -> None:
    """2022 standard: 0-21 no tier, 22-29 Silver, 30-36 Gold, 37-43 Platinum (of 43)."""
    ids = [criterion.id for criterion in shipped.criteria]
    answers = dict.fromkeys(ids[:met], "met")
    answers.update(dict.fromkeys(ids[met:], "unmet"))
    result = wwc.evaluate({"answers": answers}, shipped)
    assert result.possible == 43
    assert result.points == met
    assert result.tier is tier


@pytest.mark.parametrize(
    ("met", "tier"),
    [
        (0, Tier.NONE),
        (22, Tier.NONE),
        (23, Tier.SILVER),
        (30, Tier.SILVER),  # 30/45 = 66.67%: Silver under the exact lower-bound rule
        (31, Tier.GOLD),
        (37, Tier.GOLD),
        (38, Tier.PLATINUM),
        (45, Tier.PLATINUM),
    ],
)
def test_boundary_counts_of_a_45_criterion_revision_with_the_2018_bands(
    met: int, tier: Tier
) -> None:
    """2018 standard: 45 criteria, Silver 51-66%, Gold 67-83%, Platinum 84%+."""
    criteria = [make_criterion(f"AA{i}") for i in range(1, 46)]
    revision = make_standard(criteria, tier_rule=bands_2018())
    assert revision.validate() == ()
    answers = {c.id: ("met" if i < met else "unmet") for i, c in enumerate(criteria)}
    result = wwc.evaluate({"answers": answers}, revision)
    assert (result.points, result.possible, result.tier) == (met, 45, tier)


def test_shipped_thresholds_are_the_published_ones(shipped: wwc.Standard) -> None:
    rule = shipped.tier_rule
    assert isinstance(rule, PercentageBands)
    assert [band.from_percent for band in rule.bands] == [51, 68, 85]
    assert rule.thresholds(shipped.possible) == (
        (Tier.SILVER, 22),
        (Tier.GOLD, 30),
        (Tier.PLATINUM, 37),
    )
