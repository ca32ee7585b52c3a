"""prerequisite_order() on graphlib gives exactly the order of the hand-written algorithm it
replaced (kept below as the reference), on random graphs: cycles, infinite efforts and
prerequisites outside the work included."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Container, Mapping
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from wwc_standard.evaluation import Status
from wwc_standard.planning.work import Work, prerequisite_order


def reference_order(
    work: Mapping[int, Work], met: Container[int], key: Callable[[int], Any]
) -> list[int]:
    """The order before graphlib, verbatim."""
    possible = {i for i, w in work.items() if not math.isinf(w.effort)}
    changed = True
    while changed:
        changed = False
        for i in sorted(possible):
            if any(p not in met and p not in possible for p in work[i].prerequisites):
                possible.discard(i)
                changed = True
    waiting = {i: sum(1 for p in work[i].prerequisites if p not in met) for i in possible}
    unlocks: dict[int, list[int]] = {}
    for i in possible:
        for p in work[i].prerequisites:
            if p not in met:
                unlocks.setdefault(p, []).append(i)
    heap = [(key(i), i) for i, count in waiting.items() if count == 0]
    heapq.heapify(heap)
    order = []
    while heap:
        _, i = heapq.heappop(heap)
        order.append(i)
        for j in unlocks.get(i, ()):
            waiting[j] -= 1
            if waiting[j] == 0:
                heapq.heappush(heap, (key(j), j))
    return order


def work_of(efforts: list[float], prerequisites: list[list[int]]) -> dict[int, Work]:
    return {
        i: Work(
            index=i,
            id=f"C{i}",
            status=Status.UNMET,
            effort=effort,
            full_effort=effort,
            items=(),
            prerequisites=tuple(prerequisites[i]),
            reason="",
        )
        for i, effort in enumerate(efforts)
    }


@st.composite
def graphs(draw: st.DrawFn) -> tuple[dict[int, Work], set[int], dict[int, float]]:
    n = draw(st.integers(min_value=0, max_value=12))
    efforts = draw(
        st.lists(st.sampled_from([0.0, 1.0, 2.0, 5.0, math.inf]), min_size=n, max_size=n)
    )
    # Indices up to n + 2: some prerequisites name no criterion of the work.
    prerequisites = [
        draw(st.lists(st.integers(min_value=0, max_value=n + 2), max_size=3, unique=True))
        for _ in range(n)
    ]
    met = draw(st.sets(st.integers(min_value=0, max_value=n + 2), max_size=4))
    work = {i: w for i, w in work_of(efforts, prerequisites).items() if i not in met}
    keys = {i: draw(st.sampled_from([0.0, 1.0, 2.0])) for i in range(n)}
    return work, met, keys


@given(case=graphs())
@example(  # a cycle: 0 and 1 wait on each other, 2 waits on them, 3 is free
    case=(work_of([1.0, 1.0, 1.0, 1.0], [[1], [0], [0], []]), set(), dict.fromkeys(range(4), 0.0))
)
def test_the_order_is_the_hand_written_one(
    case: tuple[dict[int, Work], set[int], dict[int, float]],
) -> None:
    work, met, keys = case
    assert prerequisite_order(work, met, keys.__getitem__) == reference_order(
        work, met, keys.__getitem__
    )


def test_criteria_in_a_cycle_and_what_waits_on_them_are_left_out() -> None:
    work = work_of([1.0, 1.0, 1.0, 1.0], [[1], [0], [0], []])
    assert prerequisite_order(work, set(), lambda i: 0) == [3]
