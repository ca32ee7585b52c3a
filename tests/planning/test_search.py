"""The ways path_to() finds its set (wwc_standard.planning.search): the knapsack over
prerequisite trees and the branch and bound agree, the tally agrees with the tier rule, a
search stopped at its budget says so, and revisions far larger than any published plan
exactly (issue 11: path_to failed from about 1,500 criteria and rescanned every criterion at
each step)."""

from __future__ import annotations

import math
import random
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import wwc_standard as wwc
import wwc_standard.planning.search as search_module
from strategies import (
    breadth_revisions,
    make_criterion,
    make_standard,
    revisions,
)
from wwc_standard.planning import path_to, roadmap


@st.composite
def forests(draw: st.DrawFn, size: int = 30) -> tuple[wwc.Evaluation, dict[str, float]]:
    """A revision where each criterion waits on one earlier criterion at most, an evaluation
    of it and efforts with ties and fractions."""
    count = draw(st.integers(3, size))
    criteria = []
    for i in range(count):
        above = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        criteria.append(
            make_criterion(f"C{i}", prerequisites=[] if above is None else [f"C{above}"])
        )
    std = make_standard(criteria)
    answers = {f"C{i}": draw(st.sampled_from(["met", "unmet", "unknown"])) for i in range(count)}
    evaluation = wwc.evaluate({"standard": std.version, "answers": answers}, std)
    efforts = {c.id: draw(st.sampled_from([0.0, 0.5, 1.0, 2.5, 3.0, 8.0, 1 / 3])) for c in criteria}
    return evaluation, efforts


TIERS = st.sampled_from([wwc.Tier.SILVER, wwc.Tier.GOLD, wwc.Tier.PLATINUM])


@given(forests(), TIERS)
def test_the_knapsack_and_the_search_agree(
    scenario: tuple[wwc.Evaluation, dict[str, float]], tier: wwc.Tier
) -> None:
    evaluation, efforts = scenario
    knapsack = path_to(evaluation, tier, effort=efforts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_module, "_KNAPSACK_CELLS", 0)
        searched = path_to(evaluation, tier, effort=efforts)
    assume(searched.exact)
    assert knapsack.exact
    assert knapsack.reachable == searched.reachable
    assert math.fsum(s.effort for s in knapsack.steps) == math.fsum(
        s.effort for s in searched.steps
    )
    assert wwc.what_if(evaluation, meet=knapsack.criteria).tier >= min(tier, knapsack.tier)
    assert set(knapsack.criteria) >= {p for s in knapsack.steps for p in s.blocked_by}


@st.composite
def one_level_forests(draw: st.DrawFn) -> tuple[list[int], list[list[int]], list[list[int]], int]:
    """Costs (few values: ties everywhere), the one criterion each waits on at most (only on
    one that waits on nothing), what waits on each, and a number of criteria to take: every
    shape the pairs' way serves, built so (a pair of any costs, or a top lowered to the
    cheapest of what waits on it), none drawn to be thrown away."""
    size = draw(st.integers(1, 40))
    costs = draw(st.lists(st.sampled_from([0, 1, 2, 3, 6]), min_size=size, max_size=size))
    # A criterion waits on the one its number names when that one comes before it and waits
    # on nothing; else on none.
    named = draw(st.lists(st.integers(0, size - 1), min_size=size, max_size=size))
    parents: list[list[int]] = []
    for k, above in enumerate(named):
        parents.append([above] if above < k and not parents[above] else [])
    waiting: list[list[int]] = [[] for _ in range(size)]
    for k, above in enumerate(parents):
        for p in above:
            waiting[p].append(k)
    for k, below in enumerate(waiting):
        if len(below) > 1:
            costs[k] = min(costs[k], *(costs[d] for d in below))
    return costs, parents, waiting, draw(st.integers(0, size + 1))


@given(one_level_forests())
@example(([6, 0, 6, 0], [[], [0], [], [2]], [[1], [], [3], []], 3))  # two bundles, one top
@example(([6, 0, 0, 6], [[], [0], [], []], [[1], [], [], []], 2))  # the tree or alone: alone
@example(([1, 1, 1, 1], [[], [0], [0], []], [[1, 2], [], [], []], 3))  # the later child
def test_the_pairs_give_the_knapsack_s_set(
    forest: tuple[list[int], list[list[int]], list[list[int]], int],
) -> None:
    """The O(N log N) way for pairs and convex trees takes the very set the knapsack reads
    back, ties included (issue 12: results stay byte-identical)."""
    costs, parents, waiting, count = forest
    assert search_module._pairs_fit(costs, parents, waiting)
    knapsack = search_module._forest_cheapest(costs, parents, count)
    fast = search_module._pairs_cheapest(costs, parents, waiting, count)
    assert fast == (None if knapsack is None else sorted(knapsack))
    if fast is not None:
        assert len(fast) == count
        assert all(p in fast for k in fast for p in parents[k])


def test_the_pairs_fit_only_one_level_pairs_or_convex_trees() -> None:
    # A criterion waited on that waits itself: two levels.
    assert not search_module._pairs_fit([1, 1, 1], [[], [0], [1]], [[1], [2], []])
    # Two criteria wait on one dearer than one of them: neither a pair nor convex.
    assert not search_module._pairs_fit([2, 1, 3], [[], [0], [0]], [[1, 2], [], []])
    # The same top no dearer than either: convex.
    assert search_module._pairs_fit([1, 1, 3], [[], [0], [0]], [[1, 2], [], []])
    # A pair, whatever its costs.
    assert search_module._pairs_fit([5, 0], [[], [0]], [[1], []])


@given(st.data(), st.booleans())
def test_the_tally_agrees_with_the_rule(data: st.DataObject, breadth: bool) -> None:
    std = data.draw(breadth_revisions() if breadth else revisions(max_criteria=12))
    tally = std.tier_rule.tally(std.criteria)
    met: set[int] = set()
    for i in data.draw(st.lists(st.integers(0, len(std.criteria) - 1), max_size=30)):
        if i in met:
            tally.remove(i)
            met.discard(i)
        else:
            tally.add(i)
            met.add(i)
        ids = [std.criteria[k].id for k in met]
        for tier in wwc.Tier:
            assert tally.needed(tier) == std.tier_rule.criteria_needed(tier, ids, std.criteria)


def test_the_inherited_tally_asks_the_rule() -> None:
    std = make_standard([make_criterion(f"C{i}") for i in range(10)])
    tally = wwc.TierRule.tally(std.tier_rule, std.criteria)
    assert type(tally) is search_module.Tally
    tally.add(0)
    tally.add(3)
    assert tally.needed(wwc.Tier.SILVER) == std.tier_rule.criteria_needed(
        wwc.Tier.SILVER, ["C0", "C3"], std.criteria
    )


def _several_prerequisites(size: int) -> tuple[wwc.Evaluation, dict[str, float]]:
    rnd = random.Random(size)
    criteria = [
        make_criterion(
            f"C{i}",
            prerequisites=sorted({f"C{rnd.randrange(i)}" for _ in range(2)}) if i > 3 else [],
        )
        for i in range(size)
    ]
    std = make_standard(criteria)
    evaluation = wwc.evaluate({"standard": std.version, "answers": {}}, std)
    return evaluation, {c.id: float(rnd.randrange(1, 9)) for c in criteria}


def test_a_search_stopped_at_its_budget_says_so(monkeypatch: Any) -> None:
    evaluation, efforts = _several_prerequisites(40)
    monkeypatch.setattr(search_module, "search_budget", lambda candidates: 3)
    path = path_to(evaluation, "gold", effort=efforts)
    assert path.reachable
    assert not path.exact
    assert path.to_dict()["exact"] is False
    assert wwc.what_if(evaluation, meet=path.criteria).tier >= wwc.Tier.GOLD
    assert "not-proven" in [reason.code for reason in path.reasons]
    for locale in ("en", "es", "pt_BR", "fr"):
        assert path.explain(locale)
    plan = roadmap(evaluation, guidance=efforts)
    assert "not-proven" in [note.code for note in plan.notes]


def test_a_search_within_its_budget_is_exact() -> None:
    evaluation, efforts = _several_prerequisites(40)
    path = path_to(evaluation, "gold", effort=efforts)
    assert path.exact
    assert "not-proven" not in [reason.code for reason in path.reasons]


def test_a_large_revision_without_prerequisites_is_planned_exactly() -> None:
    size = 20_000
    std = make_standard([make_criterion(f"C{i}") for i in range(size)])
    efforts = {f"C{i}": float((i * 7919) % 13) for i in range(size)}
    evaluation = wwc.evaluate({"standard": std.version, "answers": {"C1": "met"}}, std)
    path = path_to(evaluation, "gold", effort=efforts)
    needed = -(-68 * size // 100) - 1
    assert path.exact
    assert len(path.steps) == needed
    cheapest = sorted((efforts[c], int(c[1:])) for c in efforts if c != "C1")[:needed]
    assert path.effort == sum(effort for effort, _ in cheapest)
    plan = roadmap(evaluation, guidance=efforts)
    assert len(plan.steps) == size - 1


def test_a_large_forest_is_planned_exactly() -> None:
    size = 3_000
    rnd = random.Random(3)
    criteria = [
        make_criterion(f"C{i}", prerequisites=[f"C{rnd.randrange(i)}"] if i % 3 == 0 and i else [])
        for i in range(size)
    ]
    std = make_standard(criteria)
    evaluation = wwc.evaluate({"standard": std.version, "answers": {}}, std)
    efforts = {c.id: float(rnd.randrange(1, 11)) for c in criteria}
    path = path_to(evaluation, "silver", effort=efforts)
    assert path.exact
    assert set(path.criteria) >= {p for step in path.steps for p in step.blocked_by}
    assert len(path.steps) == -(-51 * size // 100)


def test_a_large_forest_of_pairs_gives_the_knapsack_s_set() -> None:
    # Every third criterion waits on one a few places earlier (the benchmarks' shape), with
    # efforts of few values: ties at every size the knapsack reads back.
    rnd = random.Random(12)
    size = 1_500
    parents: list[list[int]] = [[k - 7] if k % 3 == 2 and k >= 7 else [] for k in range(size)]
    waiting: list[list[int]] = [[] for _ in range(size)]
    for k, above in enumerate(parents):
        for p in above:
            waiting[p].append(k)
    costs = [rnd.choice([0, 6, 6, 12]) for _ in range(size)]
    assert search_module._pairs_fit(costs, parents, waiting)
    for count in (1, 500, 1_000, 1_499):
        knapsack = search_module._forest_cheapest(costs, parents, count)
        assert knapsack is not None
        assert search_module._pairs_cheapest(costs, parents, waiting, count) == sorted(knapsack)
