"""The parts of an evaluation's result: reasons, and the results of each criterion, practice
area, requirement and gap, with certification (the statuses are in :mod:`.statuses`).

They are plain frozen values, built by :mod:`.engine` and read by the explanations and the
stored record; nothing here evaluates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._exports import publish
from wwc_standard._output import as_dict
from wwc_standard.i18n.messages import Message, Text, as_text
from wwc_standard.revisions.tiers import Tier

from .statuses import Status

__all__ = [
    "Certification",
    "CriterionResult",
    "Gap",
    "PracticeAreaResult",
    "Reason",
    "RequirementResult",
]


@attrs.frozen(kw_only=True)
class Reason:
    """Why something is as it is: a stable code, its values, and an English sentence.

    Match on ``code``; show ``message`` in the reader's language:

    >>> import wwc_standard as wwc
    >>> result = wwc.evaluate(wwc.example_assessment())
    >>> reason = result.criteria["DM9"].reasons[0]
    >>> reason.code, str(reason.message)
    ('not-answered', 'not answered; unknown is never met')
    >>> reason.localized("es")
    'sin respuesta; lo desconocido nunca cuenta como cumplido'
    >>> reason.to_dict()
    {'code': 'not-answered', 'message': 'not answered; unknown is never met', 'params': {}}
    """

    code: str
    """Stable, machine-readable ("not-answered", "prerequisite-not-met")."""
    message: Text = attrs.field(converter=as_text)
    """The reason: the English string, callable for another locale
    (``reason.message(locale="es")``)."""
    params: Mapping[str, Any] = attrs.field(factory=dict)
    """The values in the message, JSON-compatible."""
    text: Message | None = attrs.field(default=None, eq=False, repr=False)
    """The translatable message behind ``message``, when there is one."""

    @classmethod
    def of(cls, code: str, text: Message, *, params: Mapping[str, Any] | None = None) -> Reason:
        """A reason worded by a translatable :class:`~wwc_standard.i18n.messages.Message`;
        ``params`` (JSON-compatible) defaults to the message's values.

        >>> reason = Reason.of("not-answered", Message("not answered; unknown is never met"))
        >>> reason.code, reason.message("pt_BR")
        ('not-answered', 'sem resposta; o desconhecido nunca conta como atendido')
        """
        # Worded when first read: planners and evaluations make reasons by the dozen and most
        # are never read. ``message`` (and ``params``, when not given) stay unset here, and
        # __getattr__, which Python calls for an unset slot, words them once; every reader
        # (equality, hashing, pickling, to_dict) goes through it, so a reason made here is the
        # same value as one made with its message.
        reason = object.__new__(cls)
        object.__setattr__(reason, "code", code)
        object.__setattr__(reason, "text", text)
        if params is not None:
            object.__setattr__(reason, "params", params)
        return reason

    if not TYPE_CHECKING:  # to mypy, every field is always set

        def __getattr__(self, name: str) -> Any:
            if name == "message":
                value: Any = Text(self.text)
            elif name == "params":
                value = self.text.json_params()
            else:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            object.__setattr__(self, name, value)
            return value

    def localized(self, locale: str = "en") -> str:
        """The reason in ``locale`` (the same as ``reason.message(locale)``)."""
        return self.message(locale)

    def to_dict(self) -> dict[str, Any]:
        """The reason as JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class CriterionResult:
    """The outcome for one criterion: its status and why.

    >>> import wwc_standard as wwc
    >>> dm1 = wwc.evaluate(wwc.example_assessment()).criteria["DM1"]
    >>> dm1.name, dm1.status, dm1.met
    ('Implementing Data Strategy and Governance', <Status.MET: 'met'>, True)
    >>> [str(reason.message) for reason in dm1.reasons]
    ['answered met', 'with 1 piece of evidence']
    >>> dm1.to_dict()["evidence"]
    ['https://exampleton.example/data/governance-charter.pdf']
    """

    id: str
    """The criterion's id."""
    name: str
    """The criterion's name."""
    practice_area: str
    """The code of its practice area."""
    status: Status
    """Its status; only ``Status.MET`` earns the point."""
    reasons: tuple[Reason, ...]
    """Why it has this status."""
    checklist_met: int | None = None
    """Checklist items answered met, when the criterion has a checklist and it was answered."""
    checklist_required: int | None = None
    """The quota, when the criterion has a checklist."""
    missing_items: tuple[str, ...] = ()
    """Checklist items not (yet) met, when the checklist was answered."""
    blocked_by: tuple[str, ...] = ()
    """Prerequisites that are not met."""
    unlocks: tuple[str, ...] = ()
    """Criteria that have this one as a prerequisite."""
    evidence: tuple[str, ...] = ()
    """The evidence given with the answer."""

    @property
    def met(self) -> bool:
        """Whether it earns its point."""
        return self.status is Status.MET

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class PracticeAreaResult:
    """How one practice area stands: points next to the count of every status.

    >>> import wwc_standard as wwc
    >>> for area in wwc.evaluate(wwc.example_assessment()).practice_areas[:3]:
    ...     print(f"{area.code:4} {area.points}/{area.possible}  {area.name}")
    DM   6/9  Data Management
    ...
    >>> wwc.evaluate(wwc.example_assessment()).practice_areas[0].to_dict()["statuses"]
    {'met': 6, 'unmet': 2, 'unknown': 1, 'blocked': 0, 'short': 0, 'unverified': 0}
    """

    code: str
    """The area's code."""
    name: str
    """The area's name."""
    points: int
    """Criteria met in the area."""
    possible: int
    """Criteria in the area."""
    statuses: Mapping[Status, int]
    """How many of its criteria have each status (every status, zeros included)."""

    def to_dict(self) -> dict[str, Any]:
        """The breakdown as JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class RequirementResult:
    """The outcome for one certification requirement outside the points.

    >>> import wwc_standard as wwc
    >>> (outcome,) = wwc.evaluate(wwc.example_assessment()).requirements
    >>> outcome.id, outcome.status, outcome.gates_certification, outcome.inferred
    ('outcome', <Status.MET: 'met'>, True, True)
    >>> outcome.to_dict()["reasons"]
    [{'code': 'answered-met', 'message': 'answered met', 'params': {}}]
    """

    id: str
    """The requirement's id."""
    name: str
    """Its name."""
    status: Status
    """``MET``, ``UNMET``, ``UNKNOWN`` or (auditor mode) ``UNVERIFIED``."""
    gates_certification: bool
    """Whether certification needs it met."""
    inferred: bool
    """Whether the requirement, or that it gates certification, is inferred rather than read."""
    reasons: tuple[Reason, ...]
    """Why it has this status."""

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class Certification:
    """Whether the city could be certified, and at which tier; the earned tier stays separate.

    >>> import wwc_standard as wwc
    >>> wwc.evaluate(wwc.example_assessment()).certification.tier
    <Tier.SILVER: 'silver'>

    A city below the population floor earns its tier but could not be certified:

    >>> small = wwc.example_assessment().to_dict()
    >>> small["city"]["population"] = 1000
    >>> result = wwc.evaluate(small)
    >>> result.tier, result.certification.possible, result.certification.tier
    (<Tier.SILVER: 'silver'>, False, <Tier.NONE: 'none'>)
    >>> print(result.certification.reasons[0].message)
    the city is not eligible: population 1,000 is below the floor of 30,000
    """

    possible: bool
    """True when the earned tier is above none, the city is eligible and every gating
    requirement is met."""
    tier: Tier
    """The tier it could be certified at: the earned tier when possible, otherwise ``NONE``."""
    reasons: tuple[Reason, ...]
    """What stands in the way, or why nothing does."""

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return as_dict(self)


@attrs.frozen(kw_only=True)
class Gap:
    """Something between the city and a higher tier or certification, explained.

    ``kind`` is ``"tier"`` (the distance to a higher tier, in criteria), ``"criterion"`` (a
    criterion not met), or ``"requirement"`` (a gating requirement not met).

    >>> import wwc_standard as wwc
    >>> gaps = wwc.evaluate(wwc.example_assessment()).gaps
    >>> for gap in gaps[:3]:
    ...     print(gap.kind, "|", gap.message)
    tier | 3 more criteria for Gold (30 of 43)
    tier | 10 more criteria for Platinum (37 of 43)
    criterion | DM7 Qualitative Data Practices: answered unmet
    >>> gaps[0].tier, gaps[0].criteria_needed, gaps[0].message("es")
    (<Tier.GOLD: 'gold'>, 3, 'faltan 3 criterios para Oro (30 de 43)')
    >>> {key: value for key, value in gaps[2].to_dict().items() if value}
    {'kind': 'criterion', 'message': 'DM7 Qualitative Data Practices: answered unmet',
     'criterion': 'DM7', 'status': 'unmet'}
    """

    kind: str
    """``"tier"``, ``"criterion"`` or ``"requirement"``."""
    message: Text = attrs.field(converter=as_text)
    """The gap: the English string ("8 more criteria for Gold (30 of 43)"), callable for
    another locale (``gap.message(locale="es")``)."""
    tier: Tier | None = None
    """For a tier gap: the tier."""
    criteria_needed: int | None = None
    """For a tier gap: how many more criteria must be met at the least."""
    criterion: str | None = None
    """For a criterion gap: its id."""
    requirement: str | None = None
    """For a requirement gap: its id."""
    status: Status | None = None
    """For a criterion or requirement gap: its status."""
    missing_items: tuple[str, ...] = ()
    """For a checklist short of its quota or undecided: the items not met."""
    items_needed: int = 0
    """For a checklist: how many more items must be met."""
    blocked_by: tuple[str, ...] = ()
    """For a blocked criterion: the prerequisites to meet first."""
    unlocks: tuple[str, ...] = ()
    """Criteria waiting on this one as a prerequisite."""

    def to_dict(self) -> dict[str, Any]:
        """The gap as JSON-compatible data."""
        return as_dict(self)


publish(globals())
