"""A plain reference implementation of reading answers and evaluating them, for the tests.

It follows the rules as the documentation states them, one criterion at a time, with none of
the library's shortcuts (shared answers, tables per revision, a pass in prerequisite order, a
path for revisions without checklists or prerequisites). Property tests compare the library's
fast paths with it (tests/evaluation/test_reference.py). It reads valid assessments only:
problems are the parser's business, tested elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

import wwc_standard as wwc

__all__ = [
    "reference_answer",
    "reference_assessment",
    "reference_evaluation",
    "reference_frame",
]

_WORDS = {word.value: word for word in wwc.AnswerStatus}


def _status_word(value: Any) -> wwc.AnswerStatus | None:
    """true/false mean met/unmet; a word is read without surrounding spaces and in any ASCII
    case; null is no status."""
    if value is None:
        return None
    if isinstance(value, bool):
        return wwc.AnswerStatus.MET if value else wwc.AnswerStatus.UNMET
    word = value.strip()
    return _WORDS[word.lower() if word.isascii() else word]


def reference_answer(value: Any) -> wwc.Answer:
    """The answer a valid JSON-like value stands for."""
    if not isinstance(value, Mapping):
        return wwc.Answer(status=_status_word(value))
    return wwc.Answer(
        status=_status_word(value.get("status")),
        checklist=dict(value.get("checklist", {})),
        evidence=tuple(value.get("evidence", ())),
        note=value.get("note") or "",
    )


def reference_assessment(data: Mapping[str, Any]) -> wwc.Assessment:
    """A valid assessment's data read with :func:`reference_answer` for every answer (the city
    and pins by the library's parser, which no fast path changes)."""
    parsed = wwc.Assessment.from_dict({**data, "answers": {}, "requirements": {}})
    return attrs.evolve(
        parsed,
        answers={key: reference_answer(value) for key, value in data["answers"].items()},
        requirements={
            key: reference_answer(value) for key, value in data.get("requirements", {}).items()
        },
    )


def _answered(answer: wwc.Answer, criterion: wwc.Criterion) -> wwc.Status:
    """What the answer alone says: an answered checklist decides when its quota is reached
    (met) or can no longer be (short); otherwise the status word does, and unknown is never
    met."""
    checklist = criterion.checklist
    if checklist is not None and answer.checklist:
        yes = [item for item in checklist.item_ids if answer.checklist.get(item) is True]
        open_items = [item for item in checklist.item_ids if answer.checklist.get(item) is None]
        if len(yes) >= checklist.required:
            return wwc.Status.MET
        if len(yes) + len(open_items) < checklist.required:
            return wwc.Status.SHORT
    if answer.status is wwc.AnswerStatus.MET:
        return wwc.Status.MET
    if answer.status is wwc.AnswerStatus.UNMET:
        return wwc.Status.UNMET
    return wwc.Status.UNKNOWN


def reference_evaluation(
    assessment: wwc.Assessment, standard: wwc.Standard, require_evidence: bool = False
) -> wwc.Evaluation:
    """The evaluation, criterion by criterion: a met answer earns its point only with evidence
    in auditor mode (else unverified) and only once every prerequisite is met (else blocked)."""
    decided: dict[str, wwc.Status] = {}

    def status(criterion: wwc.Criterion) -> wwc.Status:
        if criterion.id not in decided:
            answer = assessment.answers.get(criterion.id)
            found = wwc.Status.UNKNOWN if answer is None else _answered(answer, criterion)
            if found is wwc.Status.MET:
                if require_evidence and not answer.evidence:  # type: ignore[union-attr]
                    found = wwc.Status.UNVERIFIED
                elif any(
                    status(standard[p]) is not wwc.Status.MET
                    for p in criterion.prerequisites
                    if p in standard
                ):
                    found = wwc.Status.BLOCKED
            decided[criterion.id] = found
        return decided[criterion.id]

    statuses = tuple(status(criterion) for criterion in standard.criteria)
    met = [c.id for c, s in zip(standard.criteria, statuses, strict=True) if s is wwc.Status.MET]
    return wwc.Evaluation(
        standard=standard,
        assessment=assessment,
        require_evidence=require_evidence,
        statuses=statuses,
        points=len(met),
        tier=standard.tier_rule.tier(met, standard.criteria),
    )


def reference_frame(evaluations: Iterable[wwc.Evaluation], *, criteria: bool = False) -> Any:
    """The DataFrame of a cohort built row by row, one dict per evaluation, as ``to_frame()``
    built it before it read columns: eligibility and certification asked of each evaluation
    (worded with their reasons), status words by ``value``."""
    import pandas as pd

    columns = [
        "city",
        "country",
        "population",
        "standard",
        "tier",
        "points",
        "possible",
        "eligible",
        "certifiable",
    ]
    rows = []
    for evaluation in evaluations:
        city = evaluation.assessment.city
        row: dict[str, Any] = {
            "city": city.name,
            "country": city.country,
            "population": city.population,
            "standard": evaluation.standard.version,
            "tier": evaluation.tier.value,
            "points": evaluation.points,
            "possible": evaluation.possible,
            "eligible": evaluation._eligibility[0],
            "certifiable": evaluation.certification.possible,
        }
        if criteria:
            for criterion, status in zip(
                evaluation.standard.criteria, evaluation.statuses, strict=True
            ):
                row[criterion.id] = status.value
        rows.append(row)
    frame = pd.DataFrame(rows, columns=None if rows else columns)
    frame["tier"] = pd.Categorical(
        frame["tier"], categories=[tier.value for tier in wwc.Tier], ordered=True
    )
    frame["population"] = frame["population"].astype("Int64")
    return frame
