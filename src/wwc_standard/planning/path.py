"""``path_to()``: the cheapest set of criteria whose completion reaches a tier.

What each criterion not met takes is the effort model of :mod:`wwc_standard.planning.work`;
the set is found, exactly, by :mod:`wwc_standard.planning.search`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._exports import publish
from wwc_standard._output import as_dict
from wwc_standard.errors import InvalidArgument, Problem
from wwc_standard.evaluation.engine import Evaluation, requirement_of
from wwc_standard.evaluation.results import Reason
from wwc_standard.evaluation.statuses import Status
from wwc_standard.i18n.messages import (
    Items,
    Localizable,
    Message,
    Plural,
    join_lines,
)
from wwc_standard.revisions.tiers import Tier

from .effort import Guidance, Weeks, resolve_guidance, unit_value
from .search import candidate_order, cheapest
from .whatif import scenario, tier_value
from .work import work_for

if TYPE_CHECKING:
    pass

__all__ = ["Path", "PathStep", "path_to", "tier_argument"]


@attrs.frozen(kw_only=True)
class PathStep:
    """One criterion of a path: what to complete, and what it takes.

    >>> import wwc_standard as wwc
    >>> path = wwc.path_to(wwc.evaluate(wwc.example_assessment()), "gold")
    >>> for step in path.steps:
    ...     print(step.criterion, step.status.value, step.effort, step.name)
    DM7 unmet 6.0 Qualitative Data Practices
    LC6 unknown 3.0 Rigorous Evaluation Leadership & Expertise
    RDC7 unknown 4.0 Open and Shared Procurement Data
    >>> path.steps[1].to_dict()["blocked_by"]
    []
    """

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
    """The cheapest way from an evaluation to a tier (see :func:`path_to`).

    >>> import math
    >>> import wwc_standard as wwc
    >>> result = wwc.evaluate(wwc.example_assessment())
    >>> path = wwc.path_to(result, "gold")
    >>> print(path.explain())
    Gold: 3 criteria to complete, about 13 person-weeks (advice)
      DM7 Qualitative Data Practices: 6
      LC6 Rigorous Evaluation Leadership & Expertise: 3
      RDC7 Open and Shared Procurement Data: 4
    >>> path.tier, path.points, path.exact
    (<Tier.GOLD: 'gold'>, 30, True)

    A criterion the city will not take on (an infinite effort) is left out, and the path goes
    around it:

    >>> wwc.path_to(result, "gold", effort={"DM7": math.inf}).criteria
    ('DM8', 'LC6', 'RDC7')

    As JSON, with each step (``checklist`` and ``items`` name the checklist items to meet,
    for a revision whose criteria have checklists):

    >>> data = path.to_dict()
    >>> data["target"], data["criteria"], data["effort"], path.checklist
    ('gold', ['DM7', 'LC6', 'RDC7'], 13.0, {})
    >>> {key: data["steps"][0][key] for key in ("criterion", "status", "effort", "items")}
    {'criterion': 'DM7', 'status': 'unmet', 'effort': 6.0, 'items': []}
    """

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
    tier and certification (a gating requirement, eligibility), whether it is not proven the
    cheapest."""
    exact: bool = True
    """Whether the search proved the path the cheapest. Always, unless the revision is far
    larger than any the program publishes and the search stopped at its budget
    (:func:`search_budget`): the path then reaches the tier, the cheapest found."""

    @property
    def criteria(self) -> tuple[str, ...]:
        """The ids of the criteria to complete, in the order of ``steps``."""
        return tuple(step.criterion for step in self.steps)

    @property
    def checklist(self) -> Mapping[str, tuple[str, ...]]:
        """Criterion id to the checklist items to meet, for steps with a checklist."""
        return {step.criterion: step.items for step in self.steps if step.items}

    def _repr_html_(self) -> str:
        """The compact view a notebook shows, in the style of the reports."""
        # The report machinery (and Jinja2) when a notebook shows it: start-up never needs it.
        from wwc_standard._report import to_fragment

        from .report import path_card

        return to_fragment(path_card(self))

    def __repr__(self) -> str:
        """One line: ``<Path Silver -> Gold: reachable, 3 criteria, 4.5 person-weeks>``."""
        reach = "reachable" if self.reachable else "unreachable"
        return (
            f"<Path {self.start.label} -> {self.target.label}: {reach}, "
            f"{len(self.steps)} criteria, {self.effort:.4g} {self.unit}>"
        )

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
        return join_lines(lines)

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
            "exact": self.exact,
        }


def not_proven(target: Tier) -> Reason:
    """The reason saying the way to ``target`` is the cheapest found, not proven the cheapest."""
    return Reason.of(
        "not-proven",
        Message(
            "the way to {target} is the cheapest the search found within its budget of steps; "
            "a cheaper one may exist",
            target=tier_value(target),
        ),
    )


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
            [std.criteria[i].id for i in met | set(candidate_order(work, met))], std.criteria
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
    chosen, _, exact = found
    chosen_set = set(chosen)
    in_order = [i for i, _ in std._plan if i in chosen_set]
    steps = tuple(
        PathStep(
            criterion=work[i].id,
            name=std.criteria[i].name,
            status=work[i].status,
            effort=work[i].effort,
            items=work[i].items,
            blocked_by=tuple(std.criteria[p].id for p in work[i].prerequisites if p not in met)
            if work[i].prerequisites
            else (),
            effort_reason=work[i].reason,
            title=std.criteria[i],
        )
        for i in in_order
    )
    tier_reached, points_reached = _reached(evaluation, [step.criterion for step in steps])
    return Path(
        reachable=True,
        steps=steps,
        effort=sum(step.effort for step in steps),
        tier=tier_reached,
        points=points_reached,
        reasons=(
            *certification_notes(evaluation, target),
            *([] if exact else [not_proven(target)]),
        ),
        exact=exact,
        **common,
    )


def _reached(evaluation: Evaluation, meet: list[str]) -> tuple[Tier, int]:
    """The tier and points of ``evaluation`` with the criteria ``meet`` (none met now) met."""
    std = evaluation.standard
    if std._independent_ids is not None:
        # No checklist and no prerequisite: each status comes from its own answer alone (as
        # evaluate() reads such a revision), so each criterion met adds its point, no more.
        points = evaluation.points + len(meet)
        table = std._tier_by_points
        if table is not None:
            return table[points], points
        return std.tier_rule.tier([*evaluation.met, *meet], std.criteria), points
    # Otherwise a scenario evaluated: a prerequisite met may unblock criteria answered met.
    # The steps are criteria of this revision, none met now: no need to check them again.
    reached = scenario(evaluation, meet=meet)
    return reached.tier, reached.points


publish(globals())
