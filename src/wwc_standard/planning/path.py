"""``path_to()``: the cheapest set of criteria whose completion reaches a tier.

The effort model (advice, from :mod:`wwc_standard.planning.effort`), for a criterion not met:

- not answered, unknown or unmet: its whole effort;
- with a checklist short of its quota (or undecided, or not answered): its effort in proportion
  to the items still needed, ``effort * needed / quota``, the items being the first ones in
  published order not answered met (:func:`~wwc_standard.planning.whatif.items_to_meet`);
- blocked (answered met, waiting on a prerequisite): nothing of its own, whatever its effort;
- unverified (auditor mode, met without evidence): ``evidence_fraction`` of its effort;
- an effort of ``math.inf``: the city will not take it on; it and what it unlocks are left out.

A prerequisite not met must be completed too, so only prerequisite-closed sets are considered.

The search is exact: a depth-first branch and bound over the criteria not met, in a
prerequisite order that tries cheaper criteria first. At each node the tier rule says how many
more criteria the tier needs at the least (``TierRule.criteria_needed``, exact for both kinds of
rule); the sum of that many of the cheapest criteria still open is a lower bound on what is left
to pay, because every criterion added counts as one and costs at least its own effort. A branch
whose cost plus bound cannot beat the best set found is cut; nothing else is.
"""

from __future__ import annotations

import graphlib
import heapq
import math
from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._exports import publish
from wwc_standard._output import as_dict
from wwc_standard._pickling import SlotsState
from wwc_standard.errors import InvalidArgument, Problem
from wwc_standard.evaluation.engine import Evaluation, requirement_of
from wwc_standard.evaluation.results import Reason, Status
from wwc_standard.i18n.messages import HUGE, Items, Localizable, Message, Plural, format_number
from wwc_standard.revisions.tiers import Tier

from .effort import Guidance, resolve_guidance, unit_value
from .whatif import items_to_meet, tier_value, what_if

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Standard

__all__ = ["Path", "PathStep", "Work", "path_to", "tier_argument", "work_for"]

_EPSILON = 1e-9
_LARGEST_SUM = 1e300


class Weeks(SlotsState):
    """An amount of effort as a message value, formatted for the locale ("2.5", "2,5")."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def localized(self, locale: str) -> str:
        """The amount with at most one decimal."""
        if locale == "en" and abs(self.value) < HUGE:
            return f"{self.value:,.1f}".removesuffix(".0")
        value = round(self.value, 1) if math.isfinite(self.value) else self.value
        return format_number(value, locale, "#,##0.#")

    def __str__(self) -> str:
        return self.localized("en")


@attrs.frozen(kw_only=True)
class Work:
    """What completing one criterion not met takes, under the effort model."""

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
    index = {criterion.id: i for i, criterion in enumerate(std.criteria)}
    found: dict[int, Work] = {}
    for i, (criterion, status) in enumerate(zip(std.criteria, evaluation.statuses, strict=True)):
        if status is Status.MET:
            continue
        estimate = guidance.estimate(criterion)
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
        found[i] = Work(
            index=i,
            id=criterion.id,
            status=status,
            effort=effort,
            full_effort=full,
            items=items,
            prerequisites=tuple(index[p] for p in criterion.prerequisites if p in index),
            reason=estimate.reason,
        )
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
    graph = {
        i: [p for p in w.prerequisites if p not in met]
        for i, w in work.items()
        if not math.isinf(w.effort)
    }
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


def _candidate_order(work: Mapping[int, Work], met: set[int]) -> list[int]:
    """The criteria that can be completed, cheapest available first (published order on ties)."""
    return prerequisite_order(work, met, lambda i: work[i].effort)


def cheapest(
    standard: Standard, met: set[int], work: Mapping[int, Work], target: Tier
) -> tuple[list[int], float] | None:
    """The cheapest prerequisite-closed set of criteria (indices) that, added to ``met``,
    reaches ``target``, and its effort; ``None`` when no set reaches it. Exact."""
    rule = standard.tier_rule
    criteria = standard.criteria
    ids = [criterion.id for criterion in criteria]
    order = _candidate_order(work, met)
    costs = [work[i].effort for i in order]
    largest = max(costs, default=0.0)
    if largest * max(1, len(costs)) > _LARGEST_SUM:
        # Efforts so large (1e308) that their sums would overflow to infinity and every set
        # would look as costly as none: scale them by a power of two, which keeps every
        # comparison of sums as it was.
        scale = math.ldexp(1.0, -math.frexp(largest)[1])
        costs = [cost * scale for cost in costs]
    else:
        scale = 1.0
    by_cost = sorted(range(len(order)), key=lambda k: (costs[k], k))
    taken: set[int] = set(met)
    excluded: set[int] = set()
    chosen: list[int] = []
    best: list[Any] = [None, math.inf]

    def needed() -> int | None:
        return rule.criteria_needed(target, [ids[i] for i in taken], criteria)

    def bound(position: int, count: int) -> float | None:
        total, found = 0.0, 0
        if count == 0:
            return 0.0
        for k in by_cost:
            if k < position:
                continue
            i = order[k]
            if any(p in excluded for p in work[i].prerequisites):
                continue
            total += costs[k]
            found += 1
            if found == count:
                return total
        return None

    # A depth-first search over "take order[position]" then "leave it out", on a stack of its
    # own rather than Python's (a revision of thousands of criteria would exceed the recursion
    # limit): each entry is a position, the cost so far, and what to do there.
    enter, after_take, after_leave = 0, 1, 2
    stack: list[tuple[int, float, int]] = [(0, 0.0, enter)]
    while stack:
        position, cost, step = stack.pop()
        if step == after_leave:
            excluded.discard(order[position])
            continue
        if step == after_take:
            chosen.pop()
            taken.discard(order[position])
        else:
            count = needed()
            if count is None:
                continue
            if count == 0:
                if cost < best[1] - _EPSILON:
                    best[0], best[1] = list(chosen), cost
                continue
            if position >= len(order):
                continue
            rest = bound(position, count)
            if rest is None or cost + rest >= best[1] - _EPSILON:
                continue
            i = order[position]
            if not any(p in excluded for p in work[i].prerequisites):
                taken.add(i)
                chosen.append(i)
                stack.append((position, cost, after_take))
                stack.append((position + 1, cost + costs[position], enter))
                continue
        # Leave order[position] out, then search on without it.
        excluded.add(order[position])
        stack.append((position, cost, after_leave))
        stack.append((position + 1, cost, enter))

    if best[0] is None:
        return None
    return best[0], best[1] / scale


@attrs.frozen(kw_only=True)
class PathStep:
    """One criterion of a path: what to complete, and what it takes."""

    criterion: str
    """Its id."""
    name: str
    """Its name."""
    status: Status
    """Its status now."""
    effort: float
    """The effort it takes (advice), in the guidance's unit."""
    items: tuple[str, ...] = ()
    """For a checklist: the items to meet."""
    blocked_by: tuple[str, ...] = ()
    """Its prerequisites not met now (they are in the path too, earlier)."""
    effort_reason: str = ""
    """Why the guidance gives this effort (advice): ``EffortEstimate.reason``, English, and
    for the shipped guidance also callable with a locale (``step.effort_reason("es")``)."""
    _title: Localizable | None = attrs.field(default=None, eq=False, repr=False)
    """The criterion, to word its name for a locale; not content."""

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class Path:
    """The cheapest way from an evaluation to a tier (see :func:`path_to`)."""

    target: Tier
    """The tier asked for."""
    start: Tier
    """The tier held now."""
    reachable: bool
    """Whether the tier can be reached with the criteria the city can take on."""
    steps: tuple[PathStep, ...]
    """What to complete, prerequisites first; empty when the tier is held or unreachable."""
    effort: float
    """The total effort of the steps (advice), in ``unit``."""
    unit: str
    """The unit of effort ("person-weeks")."""
    tier: Tier
    """The tier reached once every step is done (the tier held, when unreachable)."""
    points: int
    """The points then."""
    reasons: tuple[Reason, ...]
    """What the path means: already held, why unreachable, what still stands between the
    tier and certification (a gating requirement, eligibility)."""

    @property
    def criteria(self) -> tuple[str, ...]:
        """The ids of the criteria to complete, in the order of ``steps``."""
        return tuple(step.criterion for step in self.steps)

    @property
    def checklist(self) -> Mapping[str, tuple[str, ...]]:
        """Criterion id to the checklist items to meet, for steps with a checklist."""
        return {step.criterion: step.items for step in self.steps if step.items}

    def explain(self, locale: str = "en") -> str:
        """The path in words: one line per step, then its reasons."""
        lines = []
        if self.reachable and self.steps:
            lines.append(
                Plural(
                    "{target}: {n} criterion to complete, about {effort} {unit} (advice)",
                    "{target}: {n} criteria to complete, about {effort} {unit} (advice)",
                    len(self.steps),
                    target=tier_value(self.target),
                    effort=Weeks(self.effort),
                    unit=unit_value(self.unit),
                ).render(locale)
            )
            for step in self.steps:
                detail = (
                    Message("(checklist items to meet: {items})", items=Items(step.items)).render(
                        locale
                    )
                    if step.items
                    else ""
                )
                lines.append(
                    Message(
                        "  {criterion} {name}: {effort} {detail}",
                        criterion=step.criterion,
                        name=step._title or step.name,
                        effort=Weeks(step.effort),
                        detail=detail,
                    )
                    .render(locale)
                    .rstrip()
                )
        lines.extend(f"- {reason.localized(locale)}" for reason in self.reasons)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return {
            "target": self.target.value,
            "start": self.start.value,
            "reachable": self.reachable,
            "tier": self.tier.value,
            "points": self.points,
            "effort": self.effort,
            "unit": self.unit,
            "criteria": list(self.criteria),
            "steps": [step.to_dict() for step in self.steps],
            "reasons": [reason.to_dict() for reason in self.reasons],
        }


def certification_notes(evaluation: Evaluation, tier: Tier) -> list[Reason]:
    """What still stands between ``tier`` and certification once it is earned."""
    notes = []
    for requirement in evaluation.requirements:
        if requirement.gates_certification and requirement.status is not Status.MET:
            named = requirement_of(evaluation.standard, requirement.id)
            message = (
                Message(
                    "certifying at {tier} also needs the {requirement} met: it is {status} "
                    "(that it gates certification is inferred)",
                    tier=tier_value(tier),
                    requirement=named,
                    status=requirement.status,
                )
                if requirement.inferred
                else Message(
                    "certifying at {tier} also needs the {requirement} met: it is {status}",
                    tier=tier_value(tier),
                    requirement=named,
                    status=requirement.status,
                )
            )
            notes.append(Reason.of("requirement-stands", message))
    if not evaluation.eligible:
        notes.append(
            Reason.of(
                "not-eligible",
                Message(
                    "the city is not eligible to certify under revision {version}",
                    version=evaluation.standard.version,
                ),
            )
        )
    return notes


def tier_argument(tier: object, argument: str) -> Tier:
    """The tier an argument names (a ``Tier`` or its name, any case); raises
    :class:`~wwc_standard.errors.InvalidArgument` naming ``argument`` for anything else."""
    if isinstance(tier, Tier):
        return tier
    if isinstance(tier, str):
        try:
            return Tier.parse(tier)
        except ValueError:
            pass
    raise InvalidArgument(
        [
            Problem.of(
                argument,
                "unknown-tier",
                Message("unknown tier {tier}", tier=repr(tier)),
                hint=Message("use silver, gold or platinum"),
            )
        ]
    )


def path_to(
    evaluation: Evaluation,
    tier: Tier | str,
    *,
    effort: Guidance | Mapping[str, float] | None = None,
) -> Path:
    """The cheapest set of criteria (and checklist items) whose completion reaches ``tier``.

    Exact, not greedy (see the module's notes on the search). ``effort`` is effort guidance, or
    criterion id to effort overriding the shipped advice; an effort of ``math.inf`` marks a
    criterion the city will not take on. The path is empty when the tier is already held; when
    no set reaches it, ``reachable`` is false and ``reasons`` say why.

    >>> import wwc_standard as wwc
    >>> e = wwc.evaluate(wwc.example_assessment())
    >>> p = wwc.path_to(e, "gold")
    >>> p.criteria, p.effort, p.tier
    (('DM7', 'LC6', 'RDC7'), 13.0, <Tier.GOLD: 'gold'>)
    >>> p.start, p.reachable
    (<Tier.SILVER: 'silver'>, True)
    """
    target = tier_argument(tier, "tier")
    std = evaluation.standard
    guidance = resolve_guidance(effort, std)
    common: dict[str, Any] = {
        "target": target,
        "start": evaluation.tier,
        "unit": guidance.unit,
    }
    if evaluation.tier >= target:
        return Path(
            reachable=True,
            steps=(),
            effort=0.0,
            tier=evaluation.tier,
            points=evaluation.points,
            reasons=(
                Reason.of(
                    "already-held",
                    Plural(
                        "{tier} is already earned: {n} point",
                        "{tier} is already earned: {n} points",
                        evaluation.points,
                        tier=tier_value(evaluation.tier),
                    ),
                    params={"tier": evaluation.tier.value, "points": evaluation.points},
                ),
                *certification_notes(evaluation, evaluation.tier),
            ),
            **common,
        )
    work = work_for(evaluation, guidance)
    met = {i for i, status in enumerate(evaluation.statuses) if status is Status.MET}
    found = cheapest(std, met, work, target)
    if found is None:
        left_out = [w.id for w in work.values() if math.isinf(w.effort)]
        best = std.tier_rule.tier(
            [std.criteria[i].id for i in met | set(_candidate_order(work, met))], std.criteria
        )
        reasons = [
            Reason.of(
                "unreachable",
                Message(
                    "{target} cannot be reached: with every criterion the city can take on, "
                    "the tier is {best}",
                    target=tier_value(target),
                    best=tier_value(best),
                ),
            )
        ]
        if left_out:
            reasons.append(
                Reason.of(
                    "left-out",
                    Message(
                        "left out because their effort is given as infinite: {criteria}",
                        criteria=Items(left_out),
                    ),
                )
            )
        return Path(
            reachable=False,
            steps=(),
            effort=0.0,
            tier=evaluation.tier,
            points=evaluation.points,
            reasons=tuple(reasons),
            **common,
        )
    chosen = found[0]
    chosen_set = set(chosen)
    in_order = [i for i, _ in std._plan if i in chosen_set]
    steps = tuple(
        PathStep(
            criterion=work[i].id,
            name=std.criteria[i].name,
            status=work[i].status,
            effort=work[i].effort,
            items=work[i].items,
            blocked_by=tuple(std.criteria[p].id for p in work[i].prerequisites if p not in met),
            effort_reason=work[i].reason,
            title=std.criteria[i],
        )
        for i in in_order
    )
    reached = what_if(evaluation, meet=[step.criterion for step in steps])
    return Path(
        reachable=True,
        steps=steps,
        effort=sum(step.effort for step in steps),
        tier=reached.tier,
        points=reached.points,
        reasons=tuple(certification_notes(evaluation, target)),
        **common,
    )


publish(globals())
