"""What completing each criterion not met takes, and the order criteria can be completed in:
the ground :func:`~wwc_standard.planning.path_to` and :func:`~wwc_standard.roadmap` both plan on.

The effort model (advice, from :mod:`wwc_standard.planning.effort`), for a criterion not met:

- not answered, unknown or unmet: its whole effort;
- with a checklist short of its quota (or undecided, or not answered): its effort in proportion
  to the items still needed, ``effort * needed / quota``, the items being the first ones in
  published order not answered met (:func:`~wwc_standard.planning.whatif.items_to_meet`);
- blocked (answered met, waiting on a prerequisite): nothing of its own, whatever its effort;
- unverified (auditor mode, met without evidence): ``evidence_fraction`` of its effort;
- an effort of ``math.inf``: the city will not take it on; it and what it unlocks are left out.
"""

from __future__ import annotations

import graphlib
import heapq
import math
from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard.evaluation.statuses import Status

from .whatif import items_to_meet

if TYPE_CHECKING:
    from wwc_standard.evaluation.engine import Evaluation

    from .effort import Guidance

__all__ = ["Work", "prerequisite_order", "work_for"]


@attrs.define
class Work:
    """What completing one criterion not met takes, under the effort model.

    Not frozen: the planners build one per criterion not met on every call, and a frozen
    class's ``__init__`` (``object.__setattr__`` per field) took several times as long; it
    never leaves the library, and nothing changes it after it is built.
    """

    index: int
    """Its position in ``standard.criteria``."""
    id: str
    """Its id."""
    status: Status
    """Its status now."""
    effort: float
    """The effort still to spend (``math.inf`` when the city will not take it on)."""
    full_effort: float
    """Its whole effort per the guidance."""
    items: tuple[str, ...]
    """For a checklist: the items still to meet, in published order."""
    prerequisites: tuple[int, ...]
    """Indices of its prerequisites."""
    reason: str
    """Why the guidance gives this effort (advice)."""

    @property
    def nearness(self) -> float:
        """The share of its whole effort still to spend: 0 when nothing is left of its own."""
        if self.full_effort <= 0 or math.isinf(self.effort):
            return 0.0 if self.effort == 0 else 1.0
        return self.effort / self.full_effort


def work_for(evaluation: Evaluation, guidance: Guidance) -> dict[int, Work]:
    """The work of every criterion not met, by index in ``standard.criteria``."""
    std = evaluation.standard
    answers = evaluation.assessment.answers
    index: dict[str, int] | None = None  # made for the first criterion with prerequisites
    estimate_of = guidance.estimate
    found: dict[int, Work] = {}
    for i, (criterion, status) in enumerate(zip(std.criteria, evaluation.statuses, strict=True)):
        if status is Status.MET:
            continue
        prerequisites: tuple[int, ...] = ()
        if criterion.prerequisites:
            if index is None:
                index = {c.id: k for k, c in enumerate(std.criteria)}
            prerequisites = tuple(index[p] for p in criterion.prerequisites if p in index)
        estimate = estimate_of(criterion)
        full = estimate.effort
        items: tuple[str, ...] = ()
        if status is Status.BLOCKED:
            effort = 0.0
        elif status is Status.UNVERIFIED:
            effort = full * guidance.evidence_fraction
        elif criterion.checklist is not None:
            items = items_to_meet(answers.get(criterion.id), criterion.checklist)
            effort = full * len(items) / criterion.checklist.required
        else:
            effort = full
        if math.isinf(full) and status is not Status.BLOCKED:
            # A blocked criterion is done already: it earns its point with its prerequisites.
            effort = math.inf
        # Positional, in the order of the fields: one Work per criterion not met, per call.
        reason = estimate.reason
        found[i] = Work(i, criterion.id, status, effort, full, items, prerequisites, reason)
    return found


def prerequisite_order(
    work: Mapping[int, Work], met: Container[int], key: Callable[[int], Any]
) -> list[int]:
    """The criteria of ``work`` that can be completed, in a prerequisite order that takes the
    available criterion with the smallest ``key(index)`` first (the index breaks ties).

    A criterion can be completed when its effort is finite and each of its prerequisites is in
    ``met`` or can be completed itself; the others are left out. This is the one place for that
    rule and that order: :func:`path_to` searches in it (cheapest first) and
    :func:`~wwc_standard.roadmap` schedules in it (by tier, nearness, effort), so the two agree
    on what the city can take on.
    """
    # Each criterion waits on its prerequisites not yet met; graphlib hands out those whose
    # prerequisites are all settled, and the heap takes the one with the smallest key.
    graph: dict[int, list[int]] = {}
    waits = False
    for i, w in work.items():
        if math.isinf(w.effort):
            continue
        before = [p for p in w.prerequisites if p not in met] if w.prerequisites else []
        waits = waits or bool(before)
        graph[i] = before
    if not waits:
        # Nothing waits on anything (every published revision): the order is a sort, by key
        # and then index (sorting by index first, a stable sort by key keeps that on ties).
        return sorted(sorted(graph), key=key)
    while True:
        sorter = graphlib.TopologicalSorter(graph)
        try:
            sorter.prepare()
            break
        except graphlib.CycleError as cycle:
            # Only a revision built by hand, never validated, has one: criteria in a cycle
            # can never be completed, and neither can what waits on them.
            for i in cycle.args[1]:
                graph.pop(i, None)
    possible: set[int] = set()
    heap: list[tuple[Any, int]] = []
    order = []
    while sorter.is_active():
        for i in sorter.get_ready():
            if i in graph and all(p in possible for p in graph[i]):
                heapq.heappush(heap, (key(i), i))
            else:  # infinite effort, not a criterion of the work, or waits on one of those
                sorter.done(i)
        if heap:
            _, i = heapq.heappop(heap)
            order.append(i)
            possible.add(i)
            sorter.done(i)
    return order
