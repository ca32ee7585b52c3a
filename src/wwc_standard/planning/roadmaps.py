"""``roadmap()``: what to do in the next 3, 6 and 12 months, in order, and why.

Every criterion not met appears exactly once: in one of the three horizons, or in ``later``.

How the order is built (each rule breaks the ties of the one before):

1. **Reach the next tier first.** The exact cheapest path to the next tier (:func:`path_to`)
   comes first, then the cheapest path from there to the tier after, and so on up to Platinum.
   With ``target``, the cheapest path to the target comes first instead.
2. **Prerequisites before what they unlock**, always (a topological order).
3. **Nearest to done first**: the share of its effort still to spend, so a checklist one item
   short or a criterion blocked only by its prerequisites goes before one not started.
4. **Less effort first**, then published order: the order is deterministic.

Steps are then scheduled one after another against the capacity: a step belongs to the first
horizon by whose end the work up to and including it fits. Whatever does not fit in 12 months,
and every criterion whose effort is given as ``math.inf``, goes to ``later``. Efforts and the
capacity are advice (:mod:`wwc_standard.planning.effort`); they never change a tier.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Collection, Mapping, Sequence, Set
from typing import Any, NamedTuple

import attrs

from wwc_standard._exports import publish
from wwc_standard.errors import InvalidArgument, Problem
from wwc_standard.evaluation.engine import Evaluation
from wwc_standard.evaluation.results import Reason
from wwc_standard.evaluation.statuses import Status
from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Items, Localizable, Message, Plural, join_lines
from wwc_standard.revisions.model import Standard
from wwc_standard.revisions.tiers import Tier

from .effort import MAX_EFFORT, Guidance, Weeks, resolve_guidance, unit_value
from .path import certification_notes, not_proven, tier_argument
from .search import cheapest
from .whatif import tier_value
from .work import Work, prerequisite_order, work_for

__all__ = ["HORIZON_MONTHS", "Horizon", "Roadmap", "RoadmapStep", "roadmap"]

HORIZON_MONTHS = (3, 6, 12)
"""The horizons of every roadmap, in months from now: those the program named at its 2017
launch, used by this library for every revision (later cycles' horizons were not found)."""

_EPSILON = 1e-9


@attrs.frozen(kw_only=True)
class RoadmapStep:
    """One criterion to complete, with what is missing and why it comes here.

    >>> import wwc_standard as wwc
    >>> plan = wwc.roadmap(wwc.evaluate(wwc.example_assessment()))
    >>> for step in plan.horizons[0].steps:
    ...     print(step.criterion, step.status.value, step.effort, step.cumulative_effort)
    LC6 unknown 3.0 3.0
    RDC7 unknown 4.0 7.0
    DM7 unmet 6.0 13.0
    >>> [reason.code for reason in plan.horizons[0].steps[0].reasons]
    ['reaches-tier', 'effort']
    >>> step = plan.later[0].to_dict()
    >>> step["criterion"], step["effort"], step["cumulative_effort"]
    ('PA4', 10.0, 79.0)
    """

    criterion: str
    """Its id."""
    name: str
    """Its name."""
    practice_area: str
    """Its practice area's code."""
    status: Status
    """Its status now."""
    effort: float
    """The effort it takes (advice), in the roadmap's unit."""
    items: tuple[str, ...] = ()
    """For a checklist: the items still to meet for its quota."""
    blocked_by: tuple[str, ...] = ()
    """Its prerequisites not met now (earlier in the roadmap)."""
    unlocks: tuple[str, ...] = ()
    """Criteria not met now that wait on it."""
    cumulative_effort: float = 0.0
    """The effort of every step up to and including this one."""
    _context: _StepContext | None = attrs.field(default=None, repr=False)
    """What its reasons are worded from, besides the step's own fields."""
    _title: Localizable | None = attrs.field(default=None, eq=False, repr=False)
    """The criterion, to word its name for a locale; not content."""

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """Why this step, why here and why in this order, in words.

        Worded when first read: a roadmap has a step for every criterion not met, and most
        are never explained (to_dict() and explain() read them all).
        """
        return () if self._context is None else _reasons(self, self._context)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return {
            "criterion": self.criterion,
            "name": self.name,
            "practice_area": self.practice_area,
            "status": self.status.value,
            "effort": None if math.isinf(self.effort) else self.effort,
            "items": list(self.items),
            "blocked_by": list(self.blocked_by),
            "unlocks": list(self.unlocks),
            "cumulative_effort": None
            if math.isinf(self.cumulative_effort)
            else self.cumulative_effort,
            "reasons": [reason.to_dict() for reason in self.reasons],
        }


@attrs.frozen(kw_only=True)
class Horizon:
    """The steps to finish by a number of months from now, and where they lead.

    >>> import wwc_standard as wwc
    >>> plan = wwc.roadmap(wwc.evaluate(wwc.example_assessment()), capacity=6)
    >>> for horizon in plan.horizons:
    ...     print(horizon.months, horizon.capacity, horizon.effort, len(horizon.steps),
    ...           horizon.projected_tier.value, horizon.projected_points)
    3 18.0 13.0 3 gold 30
    6 18.0 18.0 3 gold 33
    12 36.0 38.0 6 platinum 39
    >>> data = plan.horizons[0].to_dict()
    >>> data["months"], data["effort"], data["projected_tier"], len(data["steps"])
    (3, 13.0, 'gold', 3)
    """

    months: int
    """The end of the horizon, in months from now (3, 6 or 12)."""
    capacity: float
    """The effort available within this horizon (advice), in the roadmap's unit."""
    steps: tuple[RoadmapStep, ...]
    """The steps that finish within it, in order."""
    projected_tier: Tier
    """The tier earned once every step up to the end of this horizon is done."""
    projected_points: int
    """The points then."""

    @property
    def effort(self) -> float:
        """The effort of its steps."""
        return sum(step.effort for step in self.steps)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return {
            "months": self.months,
            "capacity": self.capacity,
            "effort": self.effort,
            "projected_tier": self.projected_tier.value,
            "projected_points": self.projected_points,
            "steps": [step.to_dict() for step in self.steps],
        }


@attrs.frozen(kw_only=True)
class Roadmap:
    """Horizons of 3, 6 and 12 months, each with ordered steps, and what comes later.

    >>> import wwc_standard as wwc
    >>> plan = wwc.roadmap(wwc.evaluate(wwc.example_assessment()))
    >>> plan.tier, plan.points, plan.unit, len(plan.steps)
    (<Tier.SILVER: 'silver'>, 27, 'person-weeks', 16)
    >>> [step.criterion for step in plan.later]
    ['PA4', 'BF3', 'EVAL2', 'EVAL3']
    >>> print(plan.explain())
    Now: Silver, 27 points. Efforts are in person-weeks (advice, not part of the standard).
    <BLANKLINE>
    By month 3: Gold, 30 points (13 of the 18 person-weeks available by then)
      LC6 Rigorous Evaluation Leadership & Expertise [3]
    ...
    >>> print(plan.explain("es").splitlines()[0])
    Ahora: Plata, 27 puntos. ...
    >>> data = plan.to_dict()
    >>> data["tier"], data["target"], [h["months"] for h in data["horizons"]], len(data["later"])
    ('silver', None, [3, 6, 12], 4)
    """

    tier: Tier
    """The tier held now."""
    points: int
    """The points now."""
    target: Tier | None
    """The tier the roadmap aims for first, when one was given."""
    unit: str
    """The unit of every effort ("person-weeks")."""
    horizons: tuple[Horizon, ...]
    """The three horizons, 3, 6 and 12 months."""
    later: tuple[RoadmapStep, ...]
    """What does not fit in 12 months, in order."""
    notes: tuple[Reason, ...] = ()
    """What the roadmap cannot change: a gating requirement, eligibility, advice."""

    @property
    def steps(self) -> tuple[RoadmapStep, ...]:
        """Every step, horizons then later, in order."""
        return tuple(step for h in self.horizons for step in h.steps) + self.later

    def to_html(self, locale: str = "en") -> str:
        """The roadmap as one self-contained HTML5 report in ``locale``: where each horizon
        leads, then each horizon's steps in order with why, what comes later, and the notes.

        >>> import wwc_standard as wwc
        >>> page = wwc.roadmap(wwc.evaluate(wwc.example_assessment())).to_html("es")
        >>> '<html lang="es">' in page, "Hoja de ruta" in page
        (True, True)
        """
        # The report machinery (and Jinja2) on first use: start-up never needs it.
        from wwc_standard._report import to_html

        from .report import roadmap_report

        return to_html(roadmap_report(self, locale))

    def to_markdown(self, locale: str = "en") -> str:
        """The same report as :meth:`to_html`, as GitHub-flavoured Markdown tables.

        >>> import wwc_standard as wwc
        >>> print(wwc.roadmap(wwc.evaluate(wwc.example_assessment())).to_markdown()[:9])
        # Roadmap
        """
        # The report machinery on first use: start-up never needs it.
        from wwc_standard._report import to_markdown

        from .report import roadmap_report

        return to_markdown(roadmap_report(self, locale))

    def _repr_html_(self) -> str:
        """The compact view a notebook shows, in the style of the reports."""
        # The report machinery (and Jinja2) when a notebook shows it: start-up never needs it.
        from wwc_standard._report import to_fragment

        from .report import roadmap_card

        return to_fragment(roadmap_card(self))

    def __repr__(self) -> str:
        """One line: ``<Roadmap Silver, 27 points -> 3m Gold, ..., 12m Platinum; 4 later>``."""
        reached = ", ".join(f"{h.months}m {h.projected_tier.label}" for h in self.horizons)
        return (
            f"<Roadmap {self.tier.label}, {self.points} points -> {reached}; "
            f"{len(self.later)} later>"
        )

    def explain(self, locale: str = "en") -> str:
        """The roadmap in words, horizon by horizon."""
        lines = [
            Message(
                "Now: {tier}, {points}. Efforts are in {unit} (advice, not part of the standard).",
                tier=tier_value(self.tier),
                points=Plural("{n} point", "{n} points", self.points),
                unit=unit_value(self.unit),
            ).render(locale)
        ]
        work = available = 0.0
        for horizon in self.horizons:
            work += horizon.effort
            available += horizon.capacity
            lines.append("")
            lines.append(
                Message(
                    "By month {months}: {tier}, {points} ({effort} of the {capacity} "
                    "{unit} available by then)",
                    months=horizon.months,
                    tier=tier_value(horizon.projected_tier),
                    points=Plural("{n} point", "{n} points", horizon.projected_points),
                    effort=Weeks(work),
                    capacity=Weeks(available),
                    unit=unit_value(self.unit),
                ).render(locale)
            )
            lines.extend(_step_lines(horizon.steps, locale))
            if not horizon.steps:
                lines.append("  " + Message("nothing fits in this horizon").render(locale))
        if self.later:
            lines.append("")
            lines.append(
                Plural("Later: {n} criterion", "Later: {n} criteria", len(self.later)).render(
                    locale
                )
            )
            lines.extend(_step_lines(self.later, locale))
        if self.notes:
            lines.append("")
            lines.extend(f"- {note.localized(locale)}" for note in self.notes)
        return join_lines(lines)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return {
            "tier": self.tier.value,
            "points": self.points,
            "target": self.target.value if self.target else None,
            "unit": self.unit,
            "horizons": [h.to_dict() for h in self.horizons],
            "later": [step.to_dict() for step in self.later],
            "notes": [note.to_dict() for note in self.notes],
        }


def report_section(evaluation: Evaluation, locale: str) -> Any:
    """The roadmap of ``evaluation`` (default capacity and guidance) as the last section of
    its report, a :class:`wwc_standard._report.Section`: the package root registers this
    function as the ``"roadmap"`` section (:mod:`wwc_standard._sections`), since the
    evaluation layer cannot import planning."""
    # The report wording on first use: only a report with roadmap=True needs it.
    from .report import roadmap_section

    return roadmap_section(roadmap(evaluation), negotiate(locale))


def _step_lines(steps: Sequence[RoadmapStep], locale: str) -> list[str]:
    lines = []
    for step in steps:
        effort = (
            Message("not planned").render(locale)
            if math.isinf(step.effort)
            else Weeks(step.effort).localized(locale)
        )
        lines.append(
            Message(
                "  {criterion} {name} [{effort}]",
                criterion=step.criterion,
                name=step._title or step.name,
                effort=effort,
            ).render(locale)
        )
        lines.extend(f"      {reason.localized(locale)}" for reason in step.reasons)
    return lines


def _capacities(capacity: float | Sequence[float] | None, guidance: Guidance) -> list[float]:
    spans = [HORIZON_MONTHS[0]] + [b - a for a, b in itertools.pairwise(HORIZON_MONTHS)]
    problems = []
    if capacity is None:
        return [guidance.capacity_per_month * months for months in spans]
    if isinstance(capacity, int | float) and not isinstance(capacity, bool):
        values = [float(capacity) * months for months in spans]
    elif isinstance(capacity, Sequence) and not isinstance(capacity, str) and len(capacity) == 3:
        values = [float(v) if _number(v) else -1.0 for v in capacity]
    else:
        values = [-1.0]
    if any(
        not _number(v) or not 0 <= v <= MAX_EFFORT * months
        for v, months in zip(values, spans, strict=False)
    ):
        problems.append(
            Problem.of(
                "capacity",
                "invalid-capacity",
                Message(
                    "capacity is a number of {unit} per month, from 0 to {most}, or three "
                    "numbers, one per horizon, each at most that much a month. Found {value}",
                    unit=unit_value(guidance.unit),
                    most=MAX_EFFORT,
                    value=repr(capacity),
                ),
            )
        )
        raise InvalidArgument(problems)
    return values


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def roadmap(
    evaluation: Evaluation,
    *,
    capacity: float | Sequence[float] | None = None,
    target: Tier | str | None = None,
    guidance: Guidance | Mapping[str, float] | None = None,
) -> Roadmap:
    """A roadmap for the next 3, 6 and 12 months (see the module notes for the order).

    ``capacity`` is the effort available per month (advice: the guidance's default, 6
    person-weeks a month), or three numbers, the effort available in each horizon (months 0-3,
    3-6 and 6-12). ``target`` puts the cheapest path to that tier first. ``guidance`` is effort
    guidance, or criterion id to effort overriding the shipped advice (``math.inf``: will not
    take it on).

    >>> import wwc_standard as wwc
    >>> e = wwc.evaluate(wwc.example_assessment())
    >>> plan = wwc.roadmap(e)
    >>> [(h.months, h.projected_tier.value, h.projected_points) for h in plan.horizons]
    [(3, 'gold', 30), (6, 'gold', 33), (12, 'platinum', 39)]
    >>> plan.horizons[0].steps[0].criterion, len(plan.later)
    ('LC6', 4)
    >>> print(plan.horizons[0].steps[0].reasons[0].message)
    part of the cheapest way to reach Gold
    """
    std = evaluation.standard
    advice = resolve_guidance(guidance, std)
    capacities = _capacities(capacity, advice)
    goal = None if target is None else tier_argument(target, "target")
    work = work_for(evaluation, advice)
    met = {i for i, status in enumerate(evaluation.statuses) if status is Status.MET}

    # 1. The tier pushes: groups of criteria, each the cheapest path to the next tier.
    group: dict[int, int] = {}
    purpose: dict[int, Tier] = {}
    projected = set(met)
    unproven: list[Tier] = []
    tiers = [goal] if goal is not None else []
    tier = evaluation.tier.next()
    while tier is not None:
        if goal is None or tier > goal:
            tiers.append(tier)
        tier = tier.next()
    for number, tier in enumerate(tiers):
        held = _tier_of(std, projected)
        if held >= tier:
            continue
        left = {i: w for i, w in work.items() if i not in projected}
        found = cheapest(std, projected, left, tier)
        if found is None:
            break
        if not found[2]:
            unproven.append(tier)
        for i in found[0]:
            group[i] = number
            purpose[i] = tier
        projected.update(found[0])

    # 2-4. A prerequisite order by (group, nearness, effort, published order).
    rest = len(tiers)

    def key(i: int) -> tuple[Any, ...]:
        w = work[i]
        return (group.get(i, rest), w.nearness, w.effort, i)

    order = prerequisite_order(work, met, key)
    ordered = set(order)
    unplanned = [i for i, _ in std._plan if i in work and i not in ordered]

    # Scheduling against the capacity, one step after another.
    ends = [sum(capacities[: k + 1]) for k in range(len(capacities))]
    buckets: list[list[RoadmapStep]] = [[] for _ in HORIZON_MONTHS]
    later: list[RoadmapStep] = []
    reached: list[set[int]] = [set() for _ in HORIZON_MONTHS]
    spent = 0.0
    horizon = 0
    met_now = set(evaluation.met)
    for i in order:
        spent += work[i].effort
        while horizon < len(ends) and spent > ends[horizon] + _EPSILON:
            horizon += 1
        step = _step(evaluation, met_now, work[i], spent, purpose, advice.unit, horizon < len(ends))
        if horizon < len(ends):
            buckets[horizon].append(step)
            reached[horizon].add(i)
        else:
            later.append(step)
    for i in unplanned:
        later.append(_step(evaluation, met_now, work[i], math.inf, purpose, advice.unit, False))

    horizons = []
    finished = set(met)
    for k, months in enumerate(HORIZON_MONTHS):
        finished |= reached[k]
        horizons.append(
            Horizon(
                months=months,
                capacity=capacities[k],
                steps=tuple(buckets[k]),
                projected_tier=_tier_of(std, finished),
                projected_points=len(finished),
            )
        )
    notes = [
        Reason.of(
            "advice",
            Message(
                "efforts and capacity are the advice of wwc-standard, not part of the What Works "
                "Cities standard; only the standard decides a tier"
            ),
        ),
        *(not_proven(tier) for tier in unproven),
        *certification_notes(evaluation, horizons[-1].projected_tier),
    ]
    return Roadmap(
        tier=evaluation.tier,
        points=evaluation.points,
        target=goal,
        unit=advice.unit,
        horizons=tuple(horizons),
        later=tuple(later),
        notes=tuple(notes),
    )


class _StepContext(NamedTuple):
    """What a step's reasons say besides the step's own fields: why it is in the roadmap and
    where, and the advice behind its effort. Content of the step (its reasons are). A named
    tuple: one is built per step, and a tuple is the cheapest immutable value to build."""

    purpose: Tier | None
    """The tier whose cheapest path it is part of; None: a step after those paths."""
    unit: str
    """The roadmap's unit of effort."""
    effort_reason: str
    """Why the guidance gives its effort (advice)."""
    scheduled: bool
    """Whether it fits in the 12 months."""


def _step(
    evaluation: Evaluation,
    met_now: Set[str],
    work: Work,
    cumulative: float,
    purpose: Mapping[int, Tier],
    unit: str,
    scheduled: bool,
) -> RoadmapStep:
    std = evaluation.standard
    criterion = std.criteria[work.index]
    return RoadmapStep(
        criterion=criterion.id,
        name=criterion.name,
        practice_area=criterion.practice_area,
        status=work.status,
        effort=work.effort,
        items=work.items,
        blocked_by=_not_in(criterion.prerequisites, met_now),
        unlocks=_not_in(std.dependents.get(criterion.id, ()), met_now),
        cumulative_effort=cumulative,
        context=_StepContext(purpose.get(work.index), unit, work.reason, scheduled),
        title=criterion,
    )


def _tier_of(std: Standard, met: Collection[int]) -> Tier:
    """The tier of the criteria ``met`` (indices): from the revision's table of points when only
    their number counts, else by its rule."""
    table = std._tier_by_points
    if table is not None:
        return table[len(met)]
    return std.tier_rule.tier([std.criteria[i].id for i in met], std.criteria)


def _not_in(ids: Sequence[str], met: Set[str]) -> tuple[str, ...]:
    """``ids`` not in ``met``, in order (most criteria have none to look at)."""
    return tuple(c for c in ids if c not in met) if ids else ()


def _reasons(step: RoadmapStep, context: _StepContext) -> tuple[Reason, ...]:
    """The reasons of ``step``, in words (see :attr:`RoadmapStep.reasons`)."""
    reasons = []
    if math.isinf(step.effort):
        reasons.append(
            Reason.of(
                "not-planned",
                Message("not planned: its effort, or a prerequisite's, is given as infinite"),
            )
        )
    elif context.purpose is not None:
        reasons.append(
            Reason.of(
                "reaches-tier",
                Message(
                    "part of the cheapest way to reach {tier}",
                    tier=tier_value(context.purpose),
                ),
            )
        )
    else:
        reasons.append(
            Reason.of(
                "after-tier-steps",
                Message("after the steps that reach the next tiers: the remaining criteria"),
            )
        )
    blocked_by = step.blocked_by
    if step.status is Status.BLOCKED:
        reasons.append(
            Reason.of(
                "waiting-on-prerequisites",
                Plural(
                    "already answered met: earns its point once {criteria} is met",
                    "already answered met: earns its point once {criteria} are met",
                    len(blocked_by),
                    criteria=Items(blocked_by),
                ),
                params={"criteria": list(blocked_by)},
            )
        )
    elif blocked_by:
        reasons.append(
            Reason.of(
                "after-prerequisites",
                Plural(
                    "comes after its prerequisite {criteria}",
                    "comes after its prerequisites {criteria}",
                    len(blocked_by),
                    criteria=Items(blocked_by),
                ),
                params={"criteria": list(blocked_by)},
            )
        )
    if step.status is Status.UNVERIFIED:
        reasons.append(
            Reason.of(
                "needs-evidence",
                Message("met in practice: gather its evidence for the reviewers"),
            )
        )
    if step.items:
        reasons.append(
            Reason.of(
                "checklist-items",
                Plural(
                    "{n} checklist item short of its quota: {items}",
                    "{n} checklist items short of its quota: {items}",
                    len(step.items),
                    items=Items(step.items),
                ),
            )
        )
    if step.unlocks:
        reasons.append(
            Reason.of(
                "unlocks",
                Message("unlocks {criteria}", criteria=Items(step.unlocks)),
            )
        )
    # A blocked criterion is answered met already: no work of its own, so no effort advice.
    if step.status is not Status.BLOCKED and not math.isinf(step.effort):
        reasons.append(
            Reason.of(
                "effort",
                Message(
                    "about {effort} {unit}; {reason}",
                    effort=Weeks(step.effort),
                    unit=unit_value(context.unit),
                    reason=context.effort_reason,
                ),
            )
        )
    if not context.scheduled and not math.isinf(step.cumulative_effort):
        reasons.append(
            Reason.of(
                "beyond-horizons",
                Message("does not fit in 12 months at this capacity"),
            )
        )
    return tuple(reasons)


publish(globals())
