"""Why each status is what it is: the results of the criteria and requirements of an
evaluation, and the reasons of its eligibility, worded as :class:`~.results.Reason` objects.

:class:`~.engine.Evaluation` makes them on first read, from the statuses the engine decided.
"""

from __future__ import annotations

from collections.abc import Mapping

from wwc_standard.i18n.messages import Items, Message, Plural
from wwc_standard.revisions.countries import Country
from wwc_standard.revisions.model import Criterion, Requirement, Standard

from .assessment import Answer, AnswerStatus, Assessment
from .results import CriterionResult, Reason, RequirementResult
from .statuses import Status

__all__ = ["INELIGIBLE", "criterion_result", "eligibility_of", "requirement_result"]

INELIGIBLE = frozenset(
    {"country-missing", "country-outside", "population-missing", "population-below-floor"}
)
"""The codes of the eligibility reasons that make a city ineligible."""


def eligibility_of(assessment: Assessment, standard: Standard) -> tuple[bool, tuple[Reason, ...]]:
    """Whether the city is eligible for ``standard``, and the reasons, worded."""
    rule = standard.eligibility
    city = assessment.city
    region = standard.text(rule.region)
    reasons = []
    if city.country is None:
        reasons.append(Reason.of("country-missing", Message("the city's country is not given")))
    else:
        # The sentences name the country and the region as bare nouns after a colon and in
        # parentheses: no article or preposition has to agree with a name that Babel or a
        # revision catalog supplies ("Brasil", "États-Unis", "the United States").
        country = Country(city.country)
        inside = city.country in rule.countries
        if inside and rule.provenance.inferred:
            text = Message(
                "country: {country}, within the revision's region ({region}; the country "
                "list is inferred)",
                country=country,
                region=region,
            )
        elif inside:
            text = Message(
                "country: {country}, within the revision's region ({region})",
                country=country,
                region=region,
            )
        elif rule.provenance.inferred:
            text = Message(
                "country: {country}, outside the revision's region ({region}; the country "
                "list is inferred)",
                country=country,
                region=region,
            )
        else:
            text = Message(
                "country: {country}, outside the revision's region ({region})",
                country=country,
                region=region,
            )
        code = "country-in-region" if inside else "country-outside"
        reasons.append(Reason.of(code, text, params={"country": city.country}))
    floor = rule.population_floor
    if city.population is None:
        reasons.append(
            Reason.of(
                "population-missing",
                Message("the city's population is not given"),
                params={"floor": floor},
            )
        )
    elif city.population >= floor:
        reasons.append(
            Reason.of(
                "population-meets-floor",
                Message(
                    "population {population} is at least {floor}",
                    population=city.population,
                    floor=floor,
                ),
            )
        )
    else:
        reasons.append(
            Reason.of(
                "population-below-floor",
                Message(
                    "population {population} is below the floor of {floor}",
                    population=city.population,
                    floor=floor,
                ),
            )
        )
    eligible = not any(reason.code in INELIGIBLE for reason in reasons)
    return eligible, tuple(reasons)


def requirement_result(
    requirement: Requirement, answer: Answer | None, require_evidence: bool
) -> RequirementResult:
    """The result of a certification requirement for its answer, with its reason."""
    if answer is None or answer.status is None or answer.status is AnswerStatus.UNKNOWN:
        status = Status.UNKNOWN
        if answer is None:
            reason = Reason.of("not-answered", Message("not answered; unknown is never met"))
        else:
            reason = Reason.of(
                "answered-unknown", Message("answered unknown; unknown is never met")
            )
    elif answer.status is AnswerStatus.UNMET:
        status, reason = Status.UNMET, Reason.of("answered-unmet", Message("answered unmet"))
    elif require_evidence and not answer.evidence:
        status = Status.UNVERIFIED
        reason = Reason.of(
            "no-evidence",
            Message("answered met without evidence; auditor mode needs evidence"),
        )
    else:
        status, reason = Status.MET, Reason.of("answered-met", Message("answered met"))
    return RequirementResult(
        id=requirement.id,
        name=requirement.name,
        status=status,
        gates_certification=requirement.gates_certification,
        inferred=requirement.provenance.inferred,
        reasons=(reason,),
    )


def criterion_result(
    criterion: Criterion,
    status: Status,
    answer: Answer | None,
    statuses: Mapping[str, Status],
    unlocks: tuple[str, ...],
    require_evidence: bool,
) -> CriterionResult:
    """The result of ``criterion`` for the status the engine decided, with every reason."""
    checklist = criterion.checklist
    checklist_met: int | None = None
    missing: tuple[str, ...] = ()
    if checklist is not None and answer is not None and answer.checklist:
        checklist_met = sum(1 for i in checklist.item_ids if answer.checklist.get(i) is True)
        missing = tuple(i for i in checklist.item_ids if answer.checklist.get(i) is not True)
    blocked_by = tuple(p for p in criterion.prerequisites if statuses[p] is not Status.MET)
    reasons: list[Reason] = []
    required = checklist.required if checklist else None
    total = len(checklist.items) if checklist else None
    checklist_params = {"met": checklist_met, "required": required, "items": list(missing)}
    if answer is None:
        reasons.append(Reason.of("not-answered", Message("not answered; unknown is never met")))
    elif status is Status.SHORT:
        reasons.append(
            Reason.of(
                "checklist-short",
                Message(
                    "checklist short of its quota: {met} of {total} items met, {required} "
                    "needed; not met: {items}",
                    met=checklist_met,
                    total=total,
                    required=required,
                    items=Items(missing),
                ),
                params=checklist_params,
            )
        )
    elif status is Status.UNKNOWN and checklist_met is not None and answer.status is None:
        reasons.append(
            Reason.of(
                "checklist-undecided",
                Message(
                    "checklist undecided: {met} of {total} items met, {required} needed, the "
                    "rest not known; unknown is never met",
                    met=checklist_met,
                    total=total,
                    required=required,
                ),
                params=checklist_params,
            )
        )
    elif status is Status.UNKNOWN:
        reasons.append(
            Reason.of("answered-unknown", Message("answered unknown; unknown is never met"))
        )
    elif status is Status.UNMET:
        reasons.append(Reason.of("answered-unmet", Message("answered unmet")))
    elif status is Status.BLOCKED:
        waiting = Items(
            Message("{criterion} ({status})", criterion=p, status=statuses[p]) for p in blocked_by
        )
        reasons.append(
            Reason.of(
                "prerequisite-not-met",
                Plural(
                    "answered met, but its prerequisite {prerequisites} must be met first; "
                    "no point until then",
                    "answered met, but its prerequisites {prerequisites} must be met first; "
                    "no point until then",
                    len(blocked_by),
                    prerequisites=waiting,
                ),
                params={"prerequisites": list(blocked_by)},
            )
        )
    elif status is Status.UNVERIFIED:
        reasons.append(
            Reason.of(
                "no-evidence",
                Message(
                    "answered met without evidence; auditor mode counts only evidenced answers"
                ),
            )
        )
    elif checklist_met is not None and required is not None and checklist_met < required:
        # An explicit "met" stands while the checklist is still undecided; say so plainly.
        reasons.append(
            Reason.of(
                "answered-met-checklist-open",
                Message(
                    "answered met; its checklist confirms {met} of the {required} items "
                    "needed, the rest not known",
                    met=checklist_met,
                    required=required,
                ),
                params=checklist_params,
            )
        )
    elif checklist_met is not None:
        reasons.append(
            Reason.of(
                "checklist-met",
                Message(
                    "checklist met: {met} of {total} items, {required} needed",
                    met=checklist_met,
                    total=total,
                    required=required,
                ),
                params={"met": checklist_met, "required": required},
            )
        )
    else:
        reasons.append(Reason.of("answered-met", Message("answered met")))
    if status is Status.MET and answer is not None and not require_evidence:
        count = len(answer.evidence)
        if count:
            evidence = Plural("with {n} piece of evidence", "with {n} pieces of evidence", count)
        else:
            evidence = Message(
                "no evidence given; reviewers verify met answers against documentation"
            )
        reasons.append(Reason.of("evidence", evidence, params={"count": count}))
    if status is not Status.BLOCKED and blocked_by and status is not Status.MET:
        reasons.append(
            Reason.of(
                "prerequisite-pending",
                Plural(
                    "its prerequisite {prerequisites} is not met either",
                    "its prerequisites {prerequisites} are not met either",
                    len(blocked_by),
                    prerequisites=Items(blocked_by),
                ),
                params={"prerequisites": list(blocked_by)},
            )
        )
    if unlocks and status is not Status.MET:
        reasons.append(
            Reason.of(
                "unlocks",
                Plural(
                    "{criteria} cannot earn a point until this is met",
                    "{criteria} cannot earn a point until this is met",
                    len(unlocks),
                    criteria=Items(unlocks),
                ),
                params={"criteria": list(unlocks)},
            )
        )
    return CriterionResult(
        id=criterion.id,
        name=criterion.name,
        practice_area=criterion.practice_area,
        status=status,
        reasons=tuple(reasons),
        checklist_met=checklist_met,
        checklist_required=required,
        missing_items=missing,
        blocked_by=blocked_by,
        unlocks=unlocks,
        evidence=answer.evidence if answer else (),
    )
