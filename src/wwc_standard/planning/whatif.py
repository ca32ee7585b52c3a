"""What-if scenarios: change some answers, evaluate again, and compare.

Nothing is mutated: :func:`what_if` builds a new :class:`~wwc_standard.Assessment` with
``attrs.evolve`` and evaluates it with the same revision and options, so ``what_if(e)`` with no
change equals ``e``. :func:`compare` says what differs between two evaluations, and
:func:`sensitivity` runs one scenario per criterion.

>>> import wwc_standard as wwc
>>> e = wwc.evaluate(wwc.example_assessment())
>>> wwc.what_if(e) == e
True
>>> better = wwc.what_if(e, meet=["DM7", "LC6", "RDC7"])
>>> e.tier, better.tier, better.points - e.points
(<Tier.SILVER: 'silver'>, <Tier.GOLD: 'gold'>, 3)
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs

from wwc_standard._exports import publish
from wwc_standard._output import as_dict
from wwc_standard.errors import (
    AssessmentError,
    InvalidArgument,
    Problem,
    unknown_checklist_item,
    unknown_criterion,
)
from wwc_standard.evaluation.assessment import Answer, AnswerStatus, Assessment
from wwc_standard.evaluation.engine import Evaluation, evaluate, evaluate_parsed
from wwc_standard.evaluation.statuses import Status
from wwc_standard.i18n.messages import Items, Message, Plural, join_lines
from wwc_standard.revisions.tiers import PercentageBands, Tier

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Checklist, Standard

__all__ = [
    "SCENARIO_EVIDENCE",
    "Comparison",
    "Flip",
    "Sensitivity",
    "SensitivityRow",
    "compare",
    "items_to_meet",
    "scenario",
    "sensitivity",
    "what_if",
]

SCENARIO_EVIDENCE = "what-if: evidence assumed"
"""The evidence a scenario gives a criterion it meets, in auditor mode, when the answer has
none: meeting a criterion in a scenario includes documenting it."""


def tier_value(tier: Tier) -> Tier:
    """A tier as a message value: the tier itself, which words itself for a locale."""
    return tier


def items_to_meet(answer: Answer | None, checklist: Checklist) -> tuple[str, ...]:
    """The checklist items still to meet for the quota, in published order: the fewest that
    do it, taken from the items not answered met.

    >>> from wwc_standard import Checklist, ChecklistItem, Provenance
    >>> c = Checklist(required=3, items=tuple(ChecklistItem(id=i, text=i) for i in "abcd"),
    ...               provenance=Provenance(basis="read"))
    >>> items_to_meet(Answer(checklist={"a": True, "b": False}), c)
    ('b', 'c')
    """
    answered = answer.checklist if answer is not None else {}
    missing = [item for item in checklist.item_ids if answered.get(item) is not True]
    needed = max(0, checklist.required - (len(checklist.items) - len(missing)))
    return tuple(missing[:needed])


def what_if(
    subject: Evaluation | Assessment | Mapping[str, Any],
    meet: Iterable[str] = (),
    unmeet: Iterable[str] = (),
    checklist: Mapping[str, Mapping[str, bool | None]] | None = None,
    *,
    standard: str | Standard | None = None,
    require_evidence: bool = False,
) -> Evaluation:
    """A new evaluation with some answers changed; nothing is mutated.

    ``subject`` is an evaluation (its revision and options are kept) or an assessment (then
    evaluated with ``standard`` and ``require_evidence``, as :func:`~wwc_standard.evaluate`).

    - ``meet``: criteria answered met; a checklist gets the fewest items that fill its quota
      (:func:`items_to_meet`); in auditor mode an answer without evidence gets
      :data:`SCENARIO_EVIDENCE`. A criterion already met is left as it is.
    - ``unmeet``: criteria answered unmet (their checklist answers are dropped).
    - ``checklist``: criterion id to item id to ``True``/``False``/``None``, merged into the
      answer; the checklist then decides the status (unless the criterion is also in ``meet``).

    A criterion whose prerequisite is not met stays blocked: meet the prerequisite too.
    Raises :class:`~wwc_standard.AssessmentError` listing every unknown criterion or item
    (with a suggestion) and every contradictory change.

    >>> import wwc_standard as wwc
    >>> e = wwc.evaluate(wwc.example_assessment())
    >>> wwc.what_if(e, meet=["OD9", "PA5"])
    Traceback (most recent call last):
    ...
    wwc_standard.errors.AssessmentError: 1 problem in the assessment:
      meet[0]: revision 2024 has no criterion 'OD9' [unknown-criterion] (did you mean OD4?)
    """
    if isinstance(subject, Evaluation):
        base = subject
    else:
        base = evaluate(subject, standard, require_evidence=require_evidence)
    meet = _ids_argument(meet, "meet")
    unmeet = _ids_argument(unmeet, "unmeet")
    if checklist is not None and not isinstance(checklist, Mapping):
        raise InvalidArgument(
            [
                Problem.of(
                    "checklist",
                    "wrong-type",
                    Message(
                        "give {argument} as a mapping of criterion id to item id to true, "
                        "false or none, not {value}",
                        argument="checklist",
                        value=_short_repr(checklist),
                    ),
                )
            ]
        )
    checklist = dict(checklist or {})
    if not (meet or unmeet or checklist):
        return evaluate_parsed(base.assessment, base.standard, base.require_evidence)
    _raise_problems(base.standard, meet, unmeet, checklist)
    return scenario(base, meet, unmeet, checklist)


def scenario(
    base: Evaluation,
    meet: Sequence[str] = (),
    unmeet: Sequence[str] = (),
    checklist: Mapping[str, Mapping[str, bool | None]] | None = None,
) -> Evaluation:
    """:func:`what_if` of changes already checked: every id a criterion of ``base``'s
    revision, no criterion both met and unmet (the planners call it with their own sets)."""
    checklist = checklist or {}
    std = base.standard
    statuses = dict(zip((c.id for c in std.criteria), base.statuses, strict=True))
    answers = dict(base.assessment.answers)
    for key, items in checklist.items():
        old = answers.get(key)
        merged = {**(old.checklist if old else {}), **items}
        answers[key] = (
            attrs.evolve(old, status=None, checklist=merged)
            if old is not None
            else Answer(checklist=merged)
        )
    for key in meet:
        if statuses[key] is Status.MET and key not in checklist:
            continue
        old = answers.get(key) or _NO_ANSWER
        criterion = std[key]
        if not (old.checklist or old.evidence or old.note or criterion.checklist):
            # A bare answer (the usual one): the one met answer there is, shared.
            answers[key] = _MET_EVIDENCED if base.require_evidence else _MET_ANSWER
            continue
        filled = old.checklist
        if criterion.checklist is not None:
            filled = {**filled, **dict.fromkeys(items_to_meet(old, criterion.checklist), True)}
        evidence = old.evidence
        if base.require_evidence and not evidence:
            evidence = (SCENARIO_EVIDENCE,)
        # The new answer built at once: attrs.evolve, once per change, was most of the time
        # of a path (which meets dozens of criteria this way).
        answers[key] = Answer(
            status=AnswerStatus.MET, checklist=filled, evidence=evidence, note=old.note
        )
    for key in unmeet:
        old = answers.get(key)
        answers[key] = (
            attrs.evolve(old, status=AnswerStatus.UNMET, checklist={})
            if old is not None
            else Answer(status=AnswerStatus.UNMET)
        )
    changed = attrs.evolve(base.assessment, answers=answers)
    return evaluate_parsed(changed, std, base.require_evidence)


_NO_ANSWER = Answer()
"""The answer of a criterion the assessment does not answer."""
_MET_ANSWER = Answer(status=AnswerStatus.MET)
_MET_EVIDENCED = Answer(status=AnswerStatus.MET, evidence=(SCENARIO_EVIDENCE,))
"""A bare criterion met in a scenario, without and with auditor mode (answers are values)."""


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _ids_argument(value: object, argument: str) -> list[str]:
    """The criterion ids of ``meet`` or ``unmeet``: any iterable but a lone string."""
    if not isinstance(value, str | bytes):
        try:
            return list(cast(Iterable[str], value))
        except TypeError:
            pass
    raise InvalidArgument(
        [
            Problem.of(
                argument,
                "wrong-type",
                Message(
                    "give {argument} as a list of criterion ids, not {value}",
                    argument=argument,
                    value=_short_repr(value),
                ),
                hint=Message('a list, even of one: ["DM1"]'),
            )
        ]
    )


def _raise_problems(
    std: Standard, meet: list[str], unmeet: list[str], checklist: Mapping[str, Any]
) -> None:
    problems: list[Problem] = []
    ids = [criterion.id for criterion in std.criteria]

    def known(key: object, path: str) -> bool:
        if isinstance(key, str) and key in std:
            return True
        problems.append(unknown_criterion(path, std.version, key, ids))
        return False

    for name, keys in (("meet", meet), ("unmeet", unmeet)):
        for index, key in enumerate(keys):
            known(key, f"{name}[{index}]")
    for key in sorted(set(meet) & set(unmeet), key=str):
        problems.append(
            Problem.of(
                "unmeet",
                "conflicting-change",
                Message("{criterion} is both in meet and in unmeet", criterion=key),
                hint=Message("keep it in one of them"),
            )
        )
    for key, items in checklist.items():
        path = f"checklist.{key}"
        if not known(key, path):
            continue
        if key in unmeet:
            problems.append(
                Problem.of(
                    path,
                    "conflicting-change",
                    Message("{criterion} is in unmeet, which drops its checklist", criterion=key),
                    hint=Message("change its items or unmeet it, not both"),
                )
            )
        found = std[key].checklist
        if found is None:
            problems.append(
                Problem.of(
                    path,
                    "no-checklist",
                    Message(
                        "{criterion} has no checklist in revision {version}",
                        criterion=key,
                        version=std.version,
                    ),
                    hint=Message("use meet or unmeet for it"),
                )
            )
            continue
        if not isinstance(items, Mapping):
            problems.append(
                Problem.of(
                    path,
                    "wrong-type",
                    Message("give its items as a mapping of item id to true, false or none"),
                )
            )
            continue
        for item, value in items.items():
            if item not in found.item_ids:
                problems.append(unknown_checklist_item(f"{path}.{item}", key, item, found.item_ids))
            elif value is not None and not isinstance(value, bool):
                problems.append(
                    Problem.of(
                        f"{path}.{item}",
                        "wrong-type",
                        Message("an item is true, false or none, not {value}", value=repr(value)),
                    )
                )
    if problems:
        raise AssessmentError(problems)


# -- compare ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Flip:
    """A criterion whose status differs between two evaluations.

    >>> import wwc_standard as wwc
    >>> now = wwc.evaluate(wwc.example_assessment())
    >>> later = wwc.what_if(now, meet=["DM7", "LC6"], unmeet=["DM1"])
    >>> for flip in wwc.compare(now, later).flipped:
    ...     print(flip.criterion, flip.before.value, "->", flip.after.value)
    DM1 met -> unmet
    DM7 unmet -> met
    LC6 unknown -> met
    >>> wwc.compare(now, later).flipped[0].to_dict()
    {'criterion': 'DM1', 'before': 'met', 'after': 'unmet'}
    """

    criterion: str
    """Its id."""
    before: Status
    """Its status in the first evaluation."""
    after: Status
    """Its status in the second."""

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class Comparison:
    """What differs between two evaluations (``before`` and ``after``).

    >>> import wwc_standard as wwc
    >>> now = wwc.evaluate(wwc.example_assessment())
    >>> change = wwc.compare(now, wwc.what_if(now, meet=["DM7", "LC6", "RDC7"]))
    >>> change.tier_before, change.tier_after, change.tier_change, change.points
    (<Tier.SILVER: 'silver'>, <Tier.GOLD: 'gold'>, 1, 3)
    >>> change.gaps_closed[:2]
    ('3 more criteria for Gold (30 of 43)', '10 more criteria for Platinum (37 of 43)')
    >>> change.gaps_opened
    ('7 more criteria for Platinum (37 of 43)',)
    >>> print(change.explain("es"))
    Nivel: de Plata a Oro; puntos: de 27 a 30
    Ahora cumplidos: DM7, LC6 y RDC7
    >>> data = change.to_dict()
    >>> data["tier_after"], data["gained"], len(data["flipped"])
    ('gold', ['DM7', 'LC6', 'RDC7'], 3)
    """

    tier_before: Tier
    """The tier of the first evaluation."""
    tier_after: Tier
    """The tier of the second."""
    points_before: int
    """Points of the first."""
    points_after: int
    """Points of the second."""
    flipped: tuple[Flip, ...]
    """Criteria whose status changed, in published order of the second evaluation."""
    gained: tuple[str, ...]
    """Criteria met after and not before."""
    lost: tuple[str, ...]
    """Criteria met before and not after."""
    gaps_closed: tuple[str, ...]
    """Gaps of the first evaluation that the second no longer has (their English message)."""
    gaps_opened: tuple[str, ...]
    """Gaps of the second evaluation that the first did not have."""

    @property
    def points(self) -> int:
        """The change in points (negative when points were lost)."""
        return self.points_after - self.points_before

    @property
    def tier_change(self) -> int:
        """How many tiers up (positive) or down (negative)."""
        return self.tier_after.rank - self.tier_before.rank

    def _repr_html_(self) -> str:
        """The compact view a notebook shows, in the style of the reports."""
        # The report machinery (and Jinja2) when a notebook shows it: start-up never needs it.
        from wwc_standard._report import to_fragment

        from .report import comparison_card

        return to_fragment(comparison_card(self))

    def __repr__(self) -> str:
        """One line: ``<Comparison Silver -> Gold, points 27 -> 30: 4 gained, 1 lost>``."""
        return (
            f"<Comparison {self.tier_before.label} -> {self.tier_after.label}, points "
            f"{self.points_before} -> {self.points_after}: {len(self.gained)} gained, "
            f"{len(self.lost)} lost>"
        )

    def explain(self, locale: str = "en") -> str:
        """The comparison in words, one line per fact."""
        lines = [
            Message(
                "Tier: {before} to {after}; points: {points_before} to {points_after}",
                before=tier_value(self.tier_before),
                after=tier_value(self.tier_after),
                points_before=self.points_before,
                points_after=self.points_after,
            )
        ]
        if self.gained:
            lines.append(Message("Now met: {criteria}", criteria=Items(self.gained)))
        if self.lost:
            lines.append(Message("No longer met: {criteria}", criteria=Items(self.lost)))
        if not self.flipped:
            lines.append(Message("No criterion changed status."))
        return join_lines(line.render(locale) for line in lines)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return as_dict(self)


def _gap_key(gap: Any) -> tuple[Any, ...]:
    return (
        gap.kind,
        gap.tier,
        gap.criterion,
        gap.requirement,
        gap.status,
        gap.criteria_needed,
        gap.missing_items,
        gap.blocked_by,
    )


def compare(before: Evaluation, after: Evaluation) -> Comparison:
    """What changed from ``before`` to ``after``: tier, points, flipped criteria, gaps.

    >>> import wwc_standard as wwc
    >>> e = wwc.evaluate(wwc.example_assessment())
    >>> c = wwc.compare(e, wwc.what_if(e, meet=["DM7", "LC6", "RDC7", "PA4"], unmeet=["DM1"]))
    >>> c.tier_change, c.points, c.gained, c.lost
    (1, 3, ('DM7', 'LC6', 'PA4', 'RDC7'), ('DM1',))
    >>> print(c.explain())
    Tier: Silver to Gold; points: 27 to 30
    Now met: DM7, LC6, PA4, and RDC7
    No longer met: DM1
    """
    old = dict(zip((c.id for c in before.standard.criteria), before.statuses, strict=True))
    flipped = tuple(
        Flip(criterion=criterion.id, before=old[criterion.id], after=status)
        for criterion, status in zip(after.standard.criteria, after.statuses, strict=True)
        if criterion.id in old and old[criterion.id] is not status
    )
    met_before, met_after = set(before.met), set(after.met)
    closed_keys = {_gap_key(g) for g in after.gaps}
    opened_keys = {_gap_key(g) for g in before.gaps}
    return Comparison(
        tier_before=before.tier,
        tier_after=after.tier,
        points_before=before.points,
        points_after=after.points,
        flipped=flipped,
        gained=tuple(c for c in after.met if c not in met_before),
        lost=tuple(c for c in before.met if c not in met_after),
        gaps_closed=tuple(g.message for g in before.gaps if _gap_key(g) not in closed_keys),
        gaps_opened=tuple(g.message for g in after.gaps if _gap_key(g) not in opened_keys),
    )


# -- sensitivity -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SensitivityRow:
    """One criterion's effect on the tier, alone.

    >>> import wwc_standard as wwc
    >>> near = wwc.what_if(wwc.evaluate(wwc.example_assessment()), meet=["DM7", "LC6"])
    >>> row = wwc.sensitivity(near).if_met[0]
    >>> row.criterion, row.status, row.tier, row.points
    ('DM8', <Status.UNMET: 'unmet'>, <Tier.GOLD: 'gold'>, 30)
    >>> row.to_dict()
    {'criterion': 'DM8', 'status': 'unmet', 'tier': 'gold', 'points': 30}
    """

    criterion: str
    """Its id."""
    status: Status
    """Its status now."""
    tier: Tier
    """The tier if it alone changed (met, for a criterion not met; lost, for one met)."""
    points: int
    """The points if it alone changed."""

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class Sensitivity:
    """How each single answer moves the tier.

    ``if_met`` has a row for every criterion not met: the tier and points if it alone were met
    (a criterion blocked by a prerequisite gains nothing alone). ``at_risk`` lists the met
    criteria whose loss alone would drop the tier (losing a prerequisite also blocks what it
    unlocks), with the tier and points after the loss.

    >>> import wwc_standard as wwc
    >>> near = wwc.what_if(wwc.evaluate(wwc.example_assessment()), meet=["DM7", "LC6"])
    >>> print(wwc.sensitivity(near).explain())
    Silver with 29 points.
    Alone, these would raise the tier: DM8, DM9, PA4, BF3, RDC4, RDC5, RDC6, RDC7, RDC8, CI2,
    CI3, EVAL2, EVAL3, and EVAL4
    No single loss would drop the tier.
    >>> found = wwc.sensitivity(near)
    >>> found.raises_tier[:3], found.to_dict()["points"], len(found.to_dict()["if_met"])
    (('DM8', 'DM9', 'PA4'), 29, 14)
    """

    tier: Tier
    """The tier now."""
    points: int
    """The points now."""
    if_met: tuple[SensitivityRow, ...]
    """Per criterion not met, in published order: the outcome if it alone were met."""
    at_risk: tuple[SensitivityRow, ...]
    """Met criteria whose loss alone drops the tier, in published order."""
    losses: tuple[SensitivityRow, ...]
    """Per met criterion, in published order: the outcome if it alone were lost."""

    @property
    def raises_tier(self) -> tuple[str, ...]:
        """Criteria that alone would raise the tier."""
        return tuple(row.criterion for row in self.if_met if row.tier > self.tier)

    def _repr_html_(self) -> str:
        """The compact view a notebook shows, in the style of the reports."""
        # The report machinery (and Jinja2) when a notebook shows it: start-up never needs it.
        from wwc_standard._report import to_fragment

        from .report import sensitivity_card

        return to_fragment(sensitivity_card(self))

    def __repr__(self) -> str:
        """One line: ``<Sensitivity Silver, 27 points: 3 would raise the tier alone, ...>``."""
        return (
            f"<Sensitivity {self.tier.label}, {self.points} points: "
            f"{len(self.raises_tier)} would raise the tier alone, {len(self.at_risk)} at risk>"
        )

    def explain(self, locale: str = "en") -> str:
        """The sensitivity in words."""
        lines = [
            Plural(
                "{tier} with {n} point.",
                "{tier} with {n} points.",
                self.points,
                tier=tier_value(self.tier),
            ),
            Message(
                "Alone, these would raise the tier: {criteria}", criteria=Items(self.raises_tier)
            )
            if self.raises_tier
            else Message("No single criterion would raise the tier alone."),
            Plural(
                "At risk: {n} met criterion whose loss alone would drop the tier: {criteria}",
                "At risk: {n} met criteria whose loss alone would drop the tier: {criteria}",
                len(self.at_risk),
                criteria=Items(row.criterion for row in self.at_risk),
            )
            if self.at_risk
            else Message("No single loss would drop the tier."),
        ]
        return join_lines(line.render(locale) for line in lines)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return {
            "tier": self.tier.value,
            "points": self.points,
            "if_met": [row.to_dict() for row in self.if_met],
            "at_risk": [row.to_dict() for row in self.at_risk],
            "losses": [row.to_dict() for row in self.losses],
        }


def sensitivity(evaluation: Evaluation) -> Sensitivity:
    """What meeting each criterion alone, or losing it alone, would do: the same rows as one
    :func:`what_if` per criterion, computed from the statuses and the tier rule directly.

    Meeting a criterion not met makes it met when its prerequisites are (a blocked or
    unverified criterion in auditor mode counts: a scenario documents what it meets), and
    then unblocks what waited on it alone; losing a met criterion blocks what it unlocks. Each
    row costs the criteria it changes, not an evaluation: linear in the revision's size for
    the percentage rule (the breadth rule counts the criteria of each row again).

    >>> import wwc_standard as wwc
    >>> e = wwc.evaluate(wwc.example_assessment())
    >>> s = wwc.sensitivity(e)
    >>> len(s.if_met) + len(s.losses) == e.possible, s.raises_tier, s.at_risk
    (True, (), ())
    >>> gold = wwc.what_if(e, meet=["DM7", "LC6", "RDC7"])
    >>> len(wwc.sensitivity(gold).at_risk)  # at exactly 30 points, every loss drops to Silver
    30
    """
    std = evaluation.standard
    criteria = std.criteria
    statuses = evaluation.statuses
    plan = std._plan
    position = {i: k for k, (i, _) in enumerate(plan)}
    prerequisites = dict(plan)
    dependents: dict[int, list[int]] = {}
    for i, before in plan:
        for p in before:
            dependents.setdefault(p, []).append(i)
    met = [status is Status.MET for status in statuses]
    met_ids = [criteria[i].id for i, _ in plan if met[i]]
    points = evaluation.points

    def counts(i: int, p: int, taken: Container[int]) -> bool:
        # evaluate() reads a prerequisite's flag when it reaches the criterion: one placed
        # later (only in a cycle) is never met then.
        return position[p] < position[i] and (met[p] or p in taken)

    # The tier of each number of points, when only the number counts (the revision's table).
    by_points = std._tier_by_points

    def tier_of(changed: set[int], gain: bool) -> Tier:
        rule = std.tier_rule
        if by_points is not None:
            return by_points[points + len(changed) if gain else points - len(changed)]
        if isinstance(rule, PercentageBands):
            size = points + len(changed) if gain else points - len(changed)
            return rule.tier_for_points(size, len(criteria))
        if gain:
            ids = met_ids + [criteria[i].id for i in changed]
        else:
            lost = {criteria[i].id for i in changed}
            ids = [criterion_id for criterion_id in met_ids if criterion_id not in lost]
        return rule.tier(ids, criteria)

    rows, losses = [], []
    for i, status in enumerate(statuses):
        criterion_id = criteria[i].id
        changed: set[int] = set()
        if status is Status.MET:
            # Lost, and with it every met criterion that needs it (a met criterion's
            # prerequisites are all placed before it, so each is blocked now).
            changed.add(i)
            stack = [i]
            while stack:
                for d in dependents.get(stack.pop(), ()):
                    if met[d] and d not in changed:
                        changed.add(d)
                        stack.append(d)
            ids_tier = tier_of(changed, gain=False)
            losses.append(
                SensitivityRow(
                    criterion=criterion_id,
                    status=status,
                    tier=ids_tier,
                    points=points - len(changed),
                )
            )
            continue
        if status is not Status.BLOCKED and (
            not prerequisites[i] or all(counts(i, p, ()) for p in prerequisites[i])
        ):
            # Met, and then every blocked criterion whose prerequisites are all met with it.
            changed.add(i)
            stack = [i]
            while stack:
                for d in dependents.get(stack.pop(), ()):
                    if (
                        statuses[d] is Status.BLOCKED
                        and d not in changed
                        and all(counts(d, p, changed) for p in prerequisites[d])
                    ):
                        changed.add(d)
                        stack.append(d)
        rows.append(
            SensitivityRow(
                criterion=criterion_id,
                status=status,
                tier=tier_of(changed, gain=True) if changed else evaluation.tier,
                points=points + len(changed),
            )
        )
    return Sensitivity(
        tier=evaluation.tier,
        points=evaluation.points,
        if_met=tuple(rows),
        at_risk=tuple(row for row in losses if row.tier < evaluation.tier),
        losses=tuple(losses),
    )


publish(globals())
