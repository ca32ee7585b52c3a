"""A validating floor for ``evaluate()``: the least work a correct evaluation must do.

The benchmarks (``benchmarks/run.py``) time ``evaluate()`` against these functions in the same
run. They are written plainly, the way a careful prototype would be, and do everything the
library promises of a call, so that no ratio compares against a shortcut:

- every problem of the input is collected, each with its path and stable code (unknown
  criteria with a suggestion, checklist items, contradictions, wrong types, pins), and raised
  together as one :class:`~wwc_standard.AssessmentError`;
- the result is a real :class:`~wwc_standard.Evaluation`: statuses in published order,
  prerequisites and auditor mode respected, points and tier, everything else derived lazily
  by the library's own properties.

What a floor may keep between calls is what any implementation would: tables computed once
per revision (ids, prerequisite order, the tier of each number of points).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import wwc_standard as wwc
from wwc_standard.errors import Problem, unknown_checklist_item, unknown_criterion
from wwc_standard.evaluation.assessment import checklist_outcome
from wwc_standard.i18n.messages import Message

__all__ = ["floor_evaluate", "floor_evaluate_dict"]

MET, UNMET, UNKNOWN = wwc.Status.MET, wwc.Status.UNMET, wwc.Status.UNKNOWN
SHORT, BLOCKED, UNVERIFIED = wwc.Status.SHORT, wwc.Status.BLOCKED, wwc.Status.UNVERIFIED
ANSWERED_MET, ANSWERED_UNMET = wwc.AnswerStatus.MET, wwc.AnswerStatus.UNMET

_WORDS = {
    "met": wwc.AnswerStatus.MET,
    "unmet": wwc.AnswerStatus.UNMET,
    "unknown": wwc.AnswerStatus.UNKNOWN,
}
_TABLES: dict[int, tuple[Any, ...]] = {}


def _tables(standard: wwc.Standard) -> tuple[Any, ...]:
    """Per revision, once: criteria by id, (index, id, checklist, prerequisite indices) in
    prerequisite order, and the tier of every number of points."""
    found = _TABLES.get(id(standard))
    if found is None or found[0] is not standard:
        criteria = standard.criteria
        index = {c.id: i for i, c in enumerate(criteria)}
        order = [
            (index[c.id], c.id, c.checklist, tuple(index[p] for p in c.prerequisites if p in index))
            for c in standard.prerequisite_order
        ]
        rule = standard.tier_rule
        tiers = (
            [rule.tier_for_points(n, len(criteria)) for n in range(len(criteria) + 1)]
            if isinstance(rule, wwc.PercentageBands)
            else None
        )
        found = (standard, {c.id: c for c in criteria}, order, tiers)
        _TABLES[id(standard)] = found
    return found


def _check(assessment: wwc.Assessment, standard: wwc.Standard, by_id: Mapping[str, Any]) -> list:
    problems: list[Problem] = []
    if assessment.fingerprint is not None and assessment.fingerprint != standard.fingerprint:
        problems.append(
            Problem.of("fingerprint", "fingerprint-mismatch", Message("fingerprint differs"))
        )
    if assessment.standard is not None and assessment.standard != standard.version:
        problems.append(Problem.of("standard", "standard-mismatch", Message("standard differs")))
    for key, answer in assessment.answers.items():
        criterion = by_id.get(key)
        if criterion is None:
            problems.append(unknown_criterion(f"answers.{key}", standard.version, key, list(by_id)))
        elif answer.checklist:
            checklist = criterion.checklist
            if checklist is None:
                problems.append(
                    Problem.of(f"answers.{key}.checklist", "no-checklist", Message("none"))
                )
                continue
            for item in answer.checklist:
                if item not in checklist.item_ids:
                    problems.append(
                        unknown_checklist_item(
                            f"answers.{key}.checklist.{item}", key, item, checklist.item_ids
                        )
                    )
            outcome = checklist_outcome(answer, checklist.required, checklist.item_ids)
            if answer.status is not None and outcome is not None and answer.status is not outcome:
                problems.append(
                    Problem.of(f"answers.{key}.status", "checklist-contradiction", Message("no"))
                )
    known = {r.id for r in standard.requirements}
    for key in assessment.requirements:
        if key not in known:
            problems.append(
                Problem.of(f"requirements.{key}", "unknown-requirement", Message("unknown"))
            )
    return problems


def floor_evaluate(
    assessment: wwc.Assessment, standard: wwc.Standard, require_evidence: bool = False
) -> wwc.Evaluation:
    """Validate a parsed assessment against ``standard`` and evaluate it."""
    _, by_id, order, tiers = _tables(standard)
    problems = _check(assessment, standard, by_id)
    if problems:
        raise wwc.AssessmentError(problems)
    answers = assessment.answers
    statuses = [UNKNOWN] * len(standard.criteria)
    met_ids = []
    for i, criterion_id, checklist, prerequisites in order:
        answer = answers.get(criterion_id)
        if answer is None:
            continue
        word = answer.status
        status = MET if word is ANSWERED_MET else UNMET if word is ANSWERED_UNMET else UNKNOWN
        if checklist is not None and answer.checklist:
            # Items answered decide over the word: the quota met, or short of it.
            outcome = checklist_outcome(answer, checklist.required, checklist.item_ids)
            if outcome is ANSWERED_MET:
                status = MET
            elif outcome is ANSWERED_UNMET:
                status = SHORT
        if status is MET:
            if require_evidence and not answer.evidence:
                status = UNVERIFIED
            elif prerequisites and any(statuses[p] is not MET for p in prerequisites):
                status = BLOCKED
            else:
                met_ids.append(criterion_id)
        statuses[i] = status
    tier = (
        tiers[len(met_ids)]
        if tiers is not None
        else standard.tier_rule.tier(met_ids, standard.criteria)
    )
    return wwc.Evaluation(
        standard=standard,
        assessment=assessment,
        require_evidence=require_evidence,
        statuses=tuple(statuses),
        points=len(met_ids),
        tier=tier,
    )


def _parse_answer(value: Any, path: str, problems: list[Problem]) -> wwc.Answer:
    if value is True or value is False:
        return wwc.Answer(status=wwc.AnswerStatus.MET if value else wwc.AnswerStatus.UNMET)
    if value is None:
        return wwc.Answer()
    if isinstance(value, str):
        word = _WORDS.get(value.strip().lower())
        if word is None:
            problems.append(Problem.of(path, "unknown-status", Message("not a status")))
        return wwc.Answer(status=word)
    if isinstance(value, Mapping):
        status = value.get("status")
        evidence = value.get("evidence", [])
        if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
            problems.append(Problem.of(f"{path}.evidence", "wrong-type", Message("a list")))
            evidence = []
        note = value.get("note", "")
        if not isinstance(note, str):
            problems.append(Problem.of(f"{path}.note", "wrong-type", Message("a string")))
            note = ""
        for key in value:
            if key not in ("status", "checklist", "evidence", "note"):
                problems.append(Problem.of(f"{path}.{key}", "unknown-field", Message("unknown")))
        checklist = value.get("checklist", {})
        inner = _parse_answer(status, f"{path}.status", problems)
        return wwc.Answer(
            status=inner.status, checklist=checklist, evidence=tuple(evidence), note=note
        )
    problems.append(Problem.of(path, "wrong-type", Message("a status")))
    return wwc.Answer()


def floor_evaluate_dict(data: Mapping[str, Any]) -> wwc.Evaluation:
    """Parse JSON-like data with every problem and its path, then :func:`floor_evaluate`."""
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise wwc.AssessmentError([Problem.of("", "wrong-type", Message("an object"))])
    for key in data:
        if key not in ("standard", "fingerprint", "city", "answers", "requirements"):
            problems.append(Problem.of(key, "unknown-field", Message("unknown")))
    raw_city = data.get("city", {})
    city = wwc.City(
        name=raw_city.get("name"),
        country=raw_city.get("country"),
        population=raw_city.get("population"),
    )
    raw = data.get("answers")
    if not isinstance(raw, Mapping):
        raise wwc.AssessmentError([Problem.of("answers", "wrong-type", Message("an object"))])
    answers = {key: _parse_answer(value, f"answers.{key}", problems) for key, value in raw.items()}
    if problems:
        raise wwc.AssessmentError(problems)
    assessment = wwc.Assessment(
        city=city,
        answers=answers,
        standard=data.get("standard"),
        fingerprint=data.get("fingerprint"),
    )
    return floor_evaluate(assessment, wwc.standard(assessment.standard))
