"""``evaluate()``: a city's answers against a revision, with every status explained.

The evaluation itself is small and fast: one pass over the criteria in prerequisite order
decides each status, the points and the tier. Everything a person reads (the reasons of each
status, the gaps, the breakdown by practice area, eligibility, certification) is derived from
that on first access and cached, so apps that only need the tier do not pay for prose.

Only the official data of the revision decides a status or the tier. An unknown answer is never
met; a criterion whose prerequisite is not met earns no point ("blocked"); in auditor mode a met
answer without evidence earns no point ("unverified").
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._exports import publish
from wwc_standard._pickling import SlotsState
from wwc_standard._version import __version__
from wwc_standard.errors import AssessmentError, IncompleteStandard, Problem
from wwc_standard.i18n.messages import Clauses, Localizable, Message, Plural
from wwc_standard.revisions.model import Criterion, Requirement, Standard, content_fingerprint
from wwc_standard.revisions.registry import standard as shipped
from wwc_standard.revisions.registry import standards as shipped_versions
from wwc_standard.revisions.tiers import Tier

from .assessment import (
    _NO_CITY,
    _PLAIN_ANSWERS,
    Answer,
    AnswerStatus,
    Assessment,
    _plain_city,
    checklist_outcome,
    resolve,
)
from .statuses import Status

if TYPE_CHECKING:
    # The result classes are imported when a result is first read (see Evaluation): an app
    # that reads the tier and the points never needs them, and start-up does not pay for them.
    from .results import (
        Certification,
        CriterionResult,
        Gap,
        PracticeAreaResult,
        Reason,
        RequirementResult,
    )

__all__ = ["Evaluation", "check_options", "evaluate", "evaluate_parsed", "requirement_of"]

#: Identifies the layout of :meth:`Evaluation.to_dict`; bumped on any incompatible change.
EVALUATION_FORMAT = "wwc-standard.evaluation/1"


def _answered_status(answer: Answer, criterion: Criterion) -> Status:
    """What the answer alone establishes, before prerequisites and evidence rules."""
    checklist = criterion.checklist
    if checklist is not None and answer.checklist:
        outcome = checklist_outcome(answer, checklist.required, checklist.item_ids)
        if outcome is AnswerStatus.MET:
            return Status.MET
        if outcome is AnswerStatus.UNMET:
            return Status.SHORT
        if answer.status is None:
            return Status.UNKNOWN
    return _FROM_ANSWER[answer.status]


_FROM_ANSWER: Mapping[AnswerStatus | None, Status] = {
    AnswerStatus.MET: Status.MET,
    AnswerStatus.UNMET: Status.UNMET,
    AnswerStatus.UNKNOWN: Status.UNKNOWN,
    None: Status.UNKNOWN,
}
"""What an answer's status word alone establishes."""


def evaluate(
    assessment: Assessment | Mapping[str, Any],
    standard: str | Standard | None = None,
    *,
    require_evidence: bool = False,
) -> Evaluation:
    """Evaluate a city's answers against a revision of the standard.

    ``assessment`` is an :class:`Assessment` or JSON-like data in the assessment format.
    ``standard`` is a version string, a :class:`Standard`, or ``None`` for the assessment's pin
    (else the newest shipped revision). With ``require_evidence=True`` (auditor mode) a met
    answer counts only when it carries evidence; otherwise its status is ``unverified``.

    Raises :class:`~wwc_standard.AssessmentError` listing every problem of the input at once,
    :class:`~wwc_standard.UnknownStandard` for a version that is not shipped, and
    :class:`~wwc_standard.IncompleteStandard` for a revision whose criteria are not all listed.

    >>> import wwc_standard as wwc
    >>> result = wwc.evaluate({"standard": "2024", "answers": {"DM1": "met", "OD3": True}})
    >>> result.tier, result.points, result.possible
    (<Tier.NONE: 'none'>, 2, 43)
    >>> result.criteria["DM2"].status
    <Status.UNKNOWN: 'unknown'>
    >>> print(result.gaps[0].message)
    20 more criteria for Silver (22 of 43)
    """
    check_options(require_evidence)
    if type(assessment) is dict:
        fast = _evaluate_plain(assessment, standard, require_evidence)
        if fast is not None:
            return fast
    parsed, revision, problems = resolve(assessment, standard)
    if problems:
        raise AssessmentError(problems)
    assert revision is not None  # resolve() reports a problem whenever it finds no revision
    if not revision.complete:
        raise IncompleteStandard(
            revision.version,
            listed=len(revision.criteria),
            declared=revision.criteria_count,
            missing=revision.tier_rule.missing,
            approximate=revision.criteria_count_approximate,
        )
    return evaluate_parsed(parsed, revision, require_evidence)


_TOP_FIELDS = frozenset({"standard", "fingerprint", "city", "answers", "requirements"})


def _evaluate_plain(
    data: dict[str, Any], standard: str | Standard | None, require_evidence: bool
) -> Evaluation | None:
    """The evaluation of the commonest input, an app's request, in one pass; ``None`` when
    ``data`` is anything else (the full path then reads it, with every problem).

    The common case: known top-level fields; pins that are a version string and the revision's
    own fingerprint; a city the parser would read unchanged (``_plain_city``); no requirement
    answered; every answer in a bare form (``_PLAIN_ANSWERS``) to a criterion of a revision
    without checklists or prerequisites. Such an input has no problem, so reading the answers,
    checking them against the revision and deciding each status are one walk over the
    answers; the result is the one the full path gives (tests/evaluation/test_reference.py).
    """
    for key in data:
        if key not in _TOP_FIELDS or type(key) is not str:
            return None
    raw = data.get("answers")
    if type(raw) is not dict:
        return None
    if "requirements" in data:
        requirements = data["requirements"]
        if type(requirements) is not dict or requirements:
            return None
    version = data.get("standard")
    if version is not None and type(version) is not str:
        return None
    if "city" in data:
        city = _plain_city(data["city"])
        if city is None:
            return None
    else:
        city = _NO_CITY
    if isinstance(standard, Standard):
        revision = standard
    elif standard is not None:
        if type(standard) is not str:
            return None
        revision = shipped(standard)  # UnknownStandard, as the full path raises it
    elif version is not None:
        if version not in shipped_versions():
            return None
        revision = shipped(version)
    else:
        revision = shipped()
    if version is not None and version != revision.version:
        return None
    fingerprint = data.get("fingerprint")
    if fingerprint is not None and fingerprint != revision.fingerprint:
        return None
    independent = revision._independent_ids
    if independent is None or not revision.complete:
        return None
    # Each step below runs over all the answers in C: the types first (1 == True and
    # 0 == False would find the statuses of true and false; a key that is no string is a
    # problem), the ids against the revision's, then each criterion's status from its
    # answer's value alone (a missing answer and null alike: unknown).
    values = raw.values()
    if (
        not set(map(type, values)) <= _BARE_TYPES
        or not set(map(type, raw)) <= _STR_TYPE
        or not raw.keys() <= revision._by_id.keys()
    ):
        return None
    table = _PLAIN_EVIDENCED if require_evidence else _PLAIN_STATUSES
    try:
        statuses = tuple(map(table.__getitem__, map(raw.get, independent)))
    except KeyError:  # a word that is no status: the parser says so
        return None
    answers = dict(zip(raw, map(_PLAIN_ANSWERS.__getitem__, values), strict=True))
    points = statuses.count(_MET)
    tiers = revision._tier_by_points
    if tiers is not None:
        tier = tiers[points]
    else:
        met = [i for i, status in zip(independent, statuses, strict=True) if status is _MET]
        tier = revision.tier_rule.tier(met, revision.criteria)
    return Evaluation(
        standard=revision,
        assessment=Assessment(
            city=city,
            answers=answers,
            requirements={},
            standard=version,
            fingerprint=fingerprint,
        ),
        require_evidence=require_evidence,
        statuses=statuses,
        points=points,
        tier=tier,
    )


def evaluate_parsed(
    assessment: Assessment, standard: Standard, require_evidence: bool
) -> Evaluation:
    # The hot path of evaluate() and evaluate_many(). Statuses are compared by identity
    # (``is``), never looked up by enum key: an enum hashes in Python code, which cost more
    # than the rest of the loop. The tier of a count of points comes from a table made once
    # per revision when the rule allows it (percentage bands).
    criteria = standard.criteria
    independent = standard._independent_ids
    if independent is not None:
        # No checklist and no prerequisite: each status from its own answer alone, with the
        # same outcome as the general pass below. The answers are walked, not looked up one
        # criterion at a time (a read-only mapping's get() is a method call on the dict
        # behind it); unknown and unanswered criteria keep the default.
        by_id = dict.fromkeys(independent, _UNKNOWN)
        points = 0
        for criterion_id, given in assessment.answers.items():
            word = given.status
            if word is _ANSWERED_MET:
                if require_evidence and not given.evidence:
                    by_id[criterion_id] = _UNVERIFIED
                else:
                    by_id[criterion_id] = _MET
                    points += 1
            elif word is _ANSWERED_UNMET:
                by_id[criterion_id] = _UNMET
        # An answer to no criterion of the revision (evaluate() refuses one; a caller of
        # this function may not have checked) added a key: take the general pass instead.
        if len(by_id) == len(independent):
            table = standard._tier_by_points
            if table is not None:
                tier = table[points]
            else:
                tier = standard.tier_rule.tier([i for i, s in by_id.items() if s is _MET], criteria)
            return Evaluation(
                standard=standard,
                assessment=assessment,
                require_evidence=require_evidence,
                statuses=tuple(by_id.values()),
                points=points,
                tier=tier,
            )
    # One pass in prerequisite order over rows precomputed per revision.
    get = assessment.answers.get
    statuses = [_UNKNOWN] * len(criteria)
    met = [False] * len(criteria)
    met_ids = []
    for i, criterion_id, has_checklist, prerequisites in standard._evaluation_rows:
        answer = get(criterion_id)
        if answer is None:
            continue
        if has_checklist:
            status = _answered_status(answer, criteria[i])
        else:
            word = answer.status
            status = (
                _MET if word is _ANSWERED_MET else _UNMET if word is _ANSWERED_UNMET else _UNKNOWN
            )
        if status is _MET:
            if require_evidence and not answer.evidence:
                status = _UNVERIFIED
            elif prerequisites and not all(met[p] for p in prerequisites):
                status = Status.BLOCKED
            else:
                met[i] = True
                met_ids.append(criterion_id)
        statuses[i] = status
    table, points = standard._tier_by_points, len(met_ids)
    tier = table[points] if table is not None else standard.tier_rule.tier(met_ids, criteria)
    return Evaluation(
        standard=standard,
        assessment=assessment,
        require_evidence=require_evidence,
        statuses=tuple(statuses),
        points=points,
        tier=tier,
    )


_MET, _UNMET, _UNKNOWN, _UNVERIFIED = Status.MET, Status.UNMET, Status.UNKNOWN, Status.UNVERIFIED
_ANSWERED_MET, _ANSWERED_UNMET = AnswerStatus.MET, AnswerStatus.UNMET

# The status a bare answer decides alone, by auditor mode: a bare "met" carries no evidence,
# so in auditor mode it is unverified.
_PLAIN_STATUSES: dict[object, Status] = {
    value: _FROM_ANSWER[answer.status] for value, answer in _PLAIN_ANSWERS.items()
}
_PLAIN_EVIDENCED: dict[object, Status] = {
    value: _UNVERIFIED if status is _MET else status for value, status in _PLAIN_STATUSES.items()
}
_BARE_TYPES = frozenset({str, bool, type(None)})
_STR_TYPE = frozenset({str})


@attrs.frozen(kw_only=True)
class Evaluation:
    """The result of :func:`evaluate`: tier, points, statuses, gaps, eligibility.

    Values are computed once and cached; nothing in an Evaluation changes after it is made.
    Two evaluations are equal when they come from the same revision, answers and options.

    >>> import wwc_standard as wwc
    >>> result = wwc.evaluate(wwc.example_assessment())
    >>> result.standard.version, result.tier, result.next_tier, result.points, result.possible
    ('2024', <Tier.SILVER: 'silver'>, <Tier.GOLD: 'gold'>, 27, 43)
    >>> result.met[:4], result.eligible, [reason.code for reason in result.eligibility]
    (('DM1', 'DM2', 'DM3', 'DM4'), True, ['country-in-region', 'population-meets-floor'])
    >>> print(result.explain())
    Exampleton: Silver
    Revision 2024 (sha256:...), wwc-standard ...
    Points: 27 of 43 criteria met (62.8%)
    ...

    Stored as JSON, it reads back equal, checked against the revision's fingerprint:

    >>> wwc.Evaluation.from_dict(result.to_dict()) == result
    True
    """

    standard: Standard
    """The revision it was evaluated against (see ``standard.version`` and ``.fingerprint``)."""
    assessment: Assessment
    """The answers that were evaluated."""
    require_evidence: bool
    """Whether met answers needed evidence to count (auditor mode)."""
    statuses: tuple[Status, ...]
    """The status of each criterion, in the order of ``standard.criteria``."""
    points: int
    """Criteria met: one point each."""
    tier: Tier
    """The tier the points earn, whatever eligibility and requirements say."""
    library_version: str = __version__
    """The version of wwc-standard that produced it."""

    @property
    def possible(self) -> int:
        """The points available: the revision's criteria."""
        return self.standard.possible

    @property
    def next_tier(self) -> Tier | None:
        """The tier above the earned one, or ``None`` at Platinum."""
        return self.tier.next()

    @functools.cached_property
    def met(self) -> tuple[str, ...]:
        """Ids of the criteria met, in published order."""
        return tuple(
            c.id
            for c, s in zip(self.standard.criteria, self.statuses, strict=True)
            if s is Status.MET
        )

    @functools.cached_property
    def criteria(self) -> Mapping[str, CriterionResult]:
        """Criterion id to its result, in published order."""
        # The results and their reasons on first read: start-up time (see the imports above).
        from .reasons import criterion_result

        dependents = self.standard.dependents
        by_id = dict(zip((c.id for c in self.standard.criteria), self.statuses, strict=True))
        return {
            criterion.id: criterion_result(
                criterion,
                status,
                self.assessment.answers.get(criterion.id),
                by_id,
                dependents.get(criterion.id, ()),
                self.require_evidence,
            )
            for criterion, status in zip(self.standard.criteria, self.statuses, strict=True)
        }

    @functools.cached_property
    def practice_areas(self) -> tuple[PracticeAreaResult, ...]:
        """Each practice area's points next to the count of every status."""
        # The result classes on first read: start-up time (see the imports above).
        from .results import PracticeAreaResult

        results = []
        for area in self.standard.practice_areas:
            counts = dict.fromkeys(Status, 0)
            for criterion, status in zip(self.standard.criteria, self.statuses, strict=True):
                if criterion.practice_area == area.code:
                    counts[status] += 1
            results.append(
                PracticeAreaResult(
                    code=area.code,
                    name=area.name,
                    points=counts[Status.MET],
                    possible=sum(counts.values()),
                    statuses=counts,
                )
            )
        return tuple(results)

    @functools.cached_property
    def _eligibility(self) -> tuple[bool, tuple[Reason, ...]]:
        # The reasons on first read: start-up time (see the imports above).
        from .reasons import eligibility_of

        return eligibility_of(self.assessment, self.standard)

    @property
    def eligible(self) -> bool:
        """Whether the city may certify under this revision (country and population)."""
        # Decided without wording a reason (to_frame() asks it of every row): the same rule
        # as eligibility_of(), whose reasons are ineligible exactly in these cases.
        rule = self.standard.eligibility
        city = self.assessment.city
        return (
            city.country is not None
            and city.country in rule.countries
            and city.population is not None
            and city.population >= rule.population_floor
        )

    @property
    def _certifiable(self) -> bool:
        # certification.possible without wording a reason: a tier, eligibility, and every
        # gating requirement met as requirement_result() decides it (evidence in auditor mode).
        if self.tier is Tier.NONE or not self.eligible:
            return False
        answers = self.assessment.requirements
        for requirement in self.standard.requirements:
            if requirement.gates_certification:
                answer = answers.get(requirement.id)
                if (
                    answer is None
                    or answer.status is not AnswerStatus.MET
                    or (self.require_evidence and not answer.evidence)
                ):
                    return False
        return True

    @property
    def eligibility(self) -> tuple[Reason, ...]:
        """The reasons for ``eligible``, met and unmet alike."""
        return self._eligibility[1]

    @functools.cached_property
    def requirements(self) -> tuple[RequirementResult, ...]:
        """The certification requirements outside the points, and their status."""
        # The results and their reasons on first read: start-up time (see the imports above).
        from .reasons import requirement_result

        return tuple(
            requirement_result(req, self.assessment.requirements.get(req.id), self.require_evidence)
            for req in self.standard.requirements
        )

    @functools.cached_property
    def certification(self) -> Certification:
        """Whether certification is possible: tier, eligibility and gating requirements."""
        # The result classes and reasons on first read: start-up time (see the imports above).
        from .reasons import INELIGIBLE
        from .results import Certification, Reason

        reasons: list[Reason] = []
        if self.tier is Tier.NONE:
            reasons.append(
                Reason.of(
                    "no-tier",
                    Message("no tier is earned yet"),
                    params={"points": self.points, "possible": self.possible},
                )
            )
        if not self.eligible:
            unmet = [r.message for r in self.eligibility if r.code in INELIGIBLE]
            reasons.append(
                Reason.of(
                    "not-eligible",
                    Message("the city is not eligible: {reasons}", reasons=Clauses(unmet)),
                    params={},
                )
            )
        for requirement in self.requirements:
            if requirement.gates_certification and requirement.status is not Status.MET:
                named = _Lowercase(requirement_of(self.standard, requirement.id))
                if requirement.inferred:
                    text = Message(
                        "the {requirement} is {status}; it must be met to certify (inferred)",
                        requirement=named,
                        status=requirement.status,
                    )
                else:
                    text = Message(
                        "the {requirement} is {status}; it must be met to certify",
                        requirement=named,
                        status=requirement.status,
                    )
                params = {
                    "requirement": requirement.id,
                    "status": requirement.status.value,
                    "inferred": requirement.inferred,
                }
                reasons.append(Reason.of("requirement-not-met", text, params=params))
        possible = not reasons
        if possible:
            reasons.append(
                Reason.of(
                    "certifiable",
                    Message("the city could be certified {tier}", tier=self.tier),
                    params={"tier": self.tier.value},
                )
            )
        return Certification(
            possible=possible, tier=self.tier if possible else Tier.NONE, reasons=tuple(reasons)
        )

    @functools.cached_property
    def gaps(self) -> tuple[Gap, ...]:
        """What stands between the city and each higher tier, and certification.

        First the distance to every tier above the earned one ("8 more criteria for Gold"),
        then every criterion not met, in published order, then gating requirements not met.
        """
        # The result classes on first read: start-up time (see the imports above).
        from .results import Gap

        gaps: list[Gap] = []
        tier = self.next_tier
        while tier is not None:
            needed = self.standard.tier_rule.criteria_needed(tier, self.met, self.standard.criteria)
            if needed is not None:
                target = self.points + needed
                gaps.append(
                    Gap(
                        kind="tier",
                        tier=tier,
                        criteria_needed=needed,
                        message=Plural(
                            "{n} more criterion for {tier} ({target} of {possible})",
                            "{n} more criteria for {tier} ({target} of {possible})",
                            needed,
                            tier=tier,
                            target=target,
                            possible=self.possible,
                        ),
                    )
                )
            tier = tier.next()
        for result in self.criteria.values():
            if result.status is not Status.MET:
                gaps.append(
                    Gap(
                        kind="criterion",
                        criterion=result.id,
                        status=result.status,
                        message=Message(
                            "{criterion} {name}: {reason}",
                            criterion=result.id,
                            name=self.standard[result.id],
                            reason=result.reasons[0].message,
                        ),
                        missing_items=result.missing_items,
                        items_needed=max(
                            0, (result.checklist_required or 0) - (result.checklist_met or 0)
                        ),
                        blocked_by=result.blocked_by,
                        unlocks=result.unlocks,
                    )
                )
        for requirement in self.requirements:
            if requirement.gates_certification and requirement.status is not Status.MET:
                gaps.append(
                    Gap(
                        kind="requirement",
                        requirement=requirement.id,
                        status=requirement.status,
                        message=Message(
                            "{requirement}: {reason}",
                            requirement=requirement_of(self.standard, requirement.id),
                            reason=requirement.reasons[0].message,
                        ),
                    )
                )
        return tuple(gaps)

    def explain(self, locale: str = "en") -> str:
        """A readable account of the evaluation in ``locale``: the city, the revision, the tier,
        the score, each practice area, the distance to every higher tier, and the gaps by
        practice area with the criteria's names (the same report the command line prints).

        >>> import wwc_standard as wwc
        >>> print(wwc.evaluate(wwc.example_assessment()).explain("fr").splitlines()[2])
        Points\xa0: 27 critères remplis sur 43 (62,8\xa0%)
        """
        # The report's module when a report is asked for: start-up time.
        from .render import render_text

        return render_text(self, locale=locale)

    def to_html(self, locale: str = "en", roadmap: bool = False) -> str:
        """The evaluation as one complete, self-contained HTML5 report in ``locale``: inline
        CSS and SVG, no script, nothing fetched; printable and accessible (docs/reports.md).

        It shows the city, the revision, its fingerprint and the library version; the tier
        earned and whether certification is possible, apart; the points and the distance to
        every higher tier; a chart of the practice areas; every criterion with its status,
        reasons, evidence (a link only for an http(s) URL) and note; the gaps; eligibility;
        and with ``roadmap=True`` the 3, 6 and 12-month horizons of :func:`wwc_standard.roadmap`
        with the tier each reaches.

        >>> import wwc_standard as wwc
        >>> page = wwc.evaluate(wwc.example_assessment()).to_html(locale="fr")
        >>> page.startswith("<!DOCTYPE html>"), '<html lang="fr">' in page, "<script" in page
        (True, True, False)
        """
        # The report machinery (and Jinja2) on first use: start-up never needs it.
        from wwc_standard._report import to_html

        from .report import evaluation_report

        return to_html(evaluation_report(self, locale, roadmap=roadmap))

    def to_markdown(self, locale: str = "en", roadmap: bool = False) -> str:
        """The same report as :meth:`to_html`, as GitHub-flavoured Markdown tables.

        >>> import wwc_standard as wwc
        >>> print(wwc.evaluate(wwc.example_assessment()).to_markdown().splitlines()[0])
        # Exampleton: Silver
        """
        # The report machinery on first use: start-up never needs it.
        from wwc_standard._report import to_markdown

        from .report import evaluation_report

        return to_markdown(evaluation_report(self, locale, roadmap=roadmap))

    def _repr_html_(self) -> str:
        """The compact view a notebook shows: summary, distance to each tier, chart."""
        # The report machinery (and Jinja2) when a notebook shows the result.
        from wwc_standard._report import to_fragment

        from .report import evaluation_card

        return to_fragment(evaluation_card(self))

    def __repr__(self) -> str:
        """One line: ``<Evaluation Exampleton: Silver, 27/43, revision 2024>``."""
        # The helper on first use (start-up time).
        from wwc_standard._report import short

        return (
            f"<Evaluation {short(self.assessment.city.name)}: {self.tier.label}, "
            f"{self.points}/{self.possible}, revision {short(self.standard.version, 20)}>"
        )

    def to_dict(self) -> dict[str, Any]:
        """The evaluation as JSON-compatible data with stable keys (see docs/evaluation-format.md).

        It records the library version, the revision and its fingerprint, the options and the
        assessment, so :meth:`from_dict` can reproduce it, and the fingerprint of the recorded
        assessment: the one part that evaluating again cannot check, since any valid assessment
        evaluates. A change to the recorded answers, city or pins is then refused by
        :meth:`from_dict`. (It detects changes; it is not a signature.)
        """
        assessment = self.assessment.to_dict()
        return {
            "format": EVALUATION_FORMAT,
            "library": {"name": "wwc-standard", "version": self.library_version},
            "standard": {
                "version": self.standard.version,
                "fingerprint": self.standard.fingerprint,
            },
            "options": {"require_evidence": self.require_evidence},
            "assessment": assessment,
            "assessment_fingerprint": content_fingerprint(assessment),
            "tier": self.tier.value,
            "next_tier": self.next_tier.value if self.next_tier else None,
            "points": self.points,
            "possible": self.possible,
            "eligible": self.eligible,
            "eligibility": [reason.to_dict() for reason in self.eligibility],
            "certification": self.certification.to_dict(),
            "requirements": [r.to_dict() for r in self.requirements],
            "practice_areas": [area.to_dict() for area in self.practice_areas],
            "criteria": {key: result.to_dict() for key, result in self.criteria.items()},
            "gaps": [gap.to_dict() for gap in self.gaps],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], standard: Standard | None = None) -> Evaluation:
        """Rebuild an evaluation from :meth:`to_dict` data by evaluating it again.

        The recorded revision must be shipped (or given as ``standard``) with the recorded
        fingerprint, and evaluating the recorded assessment must give back exactly the recorded
        result; otherwise AssessmentError says what differs. So a stored result is either
        reproduced exactly or refused, never silently changed.
        """
        if not isinstance(data, Mapping) or data.get("format") != EVALUATION_FORMAT:
            raise AssessmentError(
                [
                    Problem.of(
                        "format",
                        "unsupported-format",
                        Message(
                            "not an evaluation in the format {format}", format=EVALUATION_FORMAT
                        ),
                    )
                ]
            )

        def section(key: str) -> Mapping[str, Any]:
            value = data.get(key)
            if not isinstance(value, Mapping):
                raise AssessmentError(
                    [Problem.of(key, "wrong-type", Message("'{key}' must be an object", key=key))]
                )
            return value

        recorded = section("standard")
        options = section("options")
        library = section("library")
        revision = standard or shipped(str(recorded.get("version")))
        if recorded.get("fingerprint") != revision.fingerprint:
            raise AssessmentError(
                [
                    Problem.of(
                        "standard.fingerprint",
                        "fingerprint-mismatch",
                        Message(
                            "the evaluation was made against {recorded}, revision {version} "
                            "here is {fingerprint}",
                            recorded=str(recorded.get("fingerprint")),
                            version=revision.version,
                            fingerprint=revision.fingerprint,
                        ),
                        hint=Message("pass the revision it was made against as standard="),
                    )
                ]
            )
        require_evidence = options.get("require_evidence", False)
        check_options(require_evidence, "options.require_evidence")
        again = evaluate(
            Assessment.from_dict(data.get("assessment")),
            revision,
            require_evidence=require_evidence,
        )
        again = attrs.evolve(again, library_version=str(library.get("version")))
        # A result stored by another version of the library is verified by what it means,
        # not by how that version worded it: see _difference().
        by_meaning = library.get("version") != __version__
        where = _difference(again.to_dict(), data, "", by_meaning)
        if where is not None:
            raise AssessmentError(
                [
                    Problem.of(
                        where,
                        "evaluation-mismatch",
                        Message(
                            "evaluating the recorded assessment again gives a different '{key}'",
                            key=where,
                        ),
                        hint=Message(
                            "the result was not produced by this library and revision as recorded"
                        ),
                    )
                ]
            )
        return again


#: Keys of a stored evaluation added since the first version of its format: a result stored by
#: an earlier version of the library may lack them, and is verified without them.
_ADDED_SINCE = frozenset({"assessment_fingerprint"})


def _difference(fresh: Any, stored: Any, path: str, by_meaning: bool) -> str | None:
    """The path of the first value where ``stored`` differs from ``fresh`` (the evaluation
    made again), or ``None``; types count (``1`` is not ``true``, ``27.0`` is not ``27``).

    With ``by_meaning`` (the result was stored by another version of the library) the English
    sentences, every ``message``, are not compared: the revision and its fingerprint, the
    options, the assessment, the statuses, points and tier, and the codes and values of every
    problem and reason must still be the same (docs/evaluation.md).
    """
    if isinstance(fresh, dict):
        if not isinstance(stored, Mapping):
            return path or "(the evaluation)"
        for key, value in fresh.items():
            if by_meaning and (
                key == "message" or (not path and key in _ADDED_SINCE and key not in stored)
            ):
                continue
            inner = f"{path}.{key}" if path else key
            if key not in stored:
                return inner
            found = _difference(value, stored[key], inner, by_meaning)
            if found is not None:
                return found
        for key in stored:
            if key not in fresh:
                return f"{path}.{key}" if path else str(key)
        return None
    if isinstance(fresh, list):
        if not isinstance(stored, list) or len(stored) != len(fresh):
            return path
        for index, (value, kept) in enumerate(zip(fresh, stored, strict=True)):
            found = _difference(value, kept, f"{path}[{index}]", by_meaning)
            if found is not None:
                return found
        return None
    return None if type(fresh) is type(stored) and fresh == stored else path


def check_options(require_evidence: object, path: str = "require_evidence") -> None:
    """Raise AssessmentError unless ``require_evidence`` is ``True`` or ``False``: a truthy
    value such as ``"no"`` must not switch auditor mode on.

    >>> check_options("no")
    Traceback (most recent call last):
    ...
    wwc_standard.errors.AssessmentError: 1 problem in the assessment:
      require_evidence: expected true/false, found 'no' [wrong-type]
    """
    if not isinstance(require_evidence, bool):
        raise AssessmentError(
            [
                Problem.of(
                    path,
                    "wrong-type",
                    Message(
                        "expected {expected}, found {found}",
                        expected=Message("true/false"),
                        found=repr(require_evidence),
                    ),
                )
            ]
        )


def requirement_of(standard: Standard, requirement_id: str) -> Requirement:
    """The requirement of ``standard`` with the id ``requirement_id`` (which it has)."""
    return next(r for r in standard.requirements if r.id == requirement_id)


class _Lowercase(SlotsState):
    """A name worded for the locale, then put in lower case to stand inside a sentence."""

    __slots__ = ("named",)

    def __init__(self, named: Localizable) -> None:
        self.named = named

    def localized(self, locale: str) -> str:
        return self.named.localized(locale).lower()


# The annotations of Evaluation's cached properties name the result classes.
publish(globals(), typing_only=("wwc_standard.evaluation.results",))
