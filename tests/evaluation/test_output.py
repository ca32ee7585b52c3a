"""The one output converter (wwc_standard._output) gives exactly the JSON forms that the
hand-written ``to_dict()`` methods of the result values gave before it: the reference forms
below are those methods, kept here verbatim as plain functions, and compared on random
evaluations and plans."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import wwc_standard as wwc
from strategies import assessments, revisions, scenarios, shipped_revisions


def reason(r: Any) -> dict[str, Any]:
    return {"code": r.code, "message": str(r.message), "params": dict(r.params)}


def criterion_result(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "practice_area": c.practice_area,
        "status": c.status.value,
        "reasons": [reason(x) for x in c.reasons],
        "checklist_met": c.checklist_met,
        "checklist_required": c.checklist_required,
        "missing_items": list(c.missing_items),
        "blocked_by": list(c.blocked_by),
        "unlocks": list(c.unlocks),
        "evidence": list(c.evidence),
    }


def practice_area_result(a: Any) -> dict[str, Any]:
    return {
        "code": a.code,
        "name": a.name,
        "points": a.points,
        "possible": a.possible,
        "statuses": {status.value: count for status, count in a.statuses.items()},
    }


def requirement_result(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "status": r.status.value,
        "gates_certification": r.gates_certification,
        "inferred": r.inferred,
        "reasons": [reason(x) for x in r.reasons],
    }


def certification(c: Any) -> dict[str, Any]:
    return {"possible": c.possible, "tier": c.tier.value, "reasons": [reason(x) for x in c.reasons]}


def gap(g: Any) -> dict[str, Any]:
    return {
        "kind": g.kind,
        "message": str(g.message),
        "tier": g.tier.value if g.tier else None,
        "criteria_needed": g.criteria_needed,
        "criterion": g.criterion,
        "requirement": g.requirement,
        "status": g.status.value if g.status else None,
        "missing_items": list(g.missing_items),
        "items_needed": g.items_needed,
        "blocked_by": list(g.blocked_by),
        "unlocks": list(g.unlocks),
    }


def flip(f: Any) -> dict[str, Any]:
    return {"criterion": f.criterion, "before": f.before.value, "after": f.after.value}


def comparison(c: Any) -> dict[str, Any]:
    return {
        "tier_before": c.tier_before.value,
        "tier_after": c.tier_after.value,
        "points_before": c.points_before,
        "points_after": c.points_after,
        "flipped": [flip(x) for x in c.flipped],
        "gained": list(c.gained),
        "lost": list(c.lost),
        "gaps_closed": list(c.gaps_closed),
        "gaps_opened": list(c.gaps_opened),
    }


def sensitivity_row(r: Any) -> dict[str, Any]:
    return {
        "criterion": r.criterion,
        "status": r.status.value,
        "tier": r.tier.value,
        "points": r.points,
    }


def sensitivity(s: Any) -> dict[str, Any]:
    return {
        "tier": s.tier.value,
        "points": s.points,
        "if_met": [sensitivity_row(x) for x in s.if_met],
        "at_risk": [sensitivity_row(x) for x in s.at_risk],
        "losses": [sensitivity_row(x) for x in s.losses],
    }


def path_step(s: Any) -> dict[str, Any]:
    return {
        "criterion": s.criterion,
        "name": s.name,
        "status": s.status.value,
        "effort": s.effort,
        "items": list(s.items),
        "blocked_by": list(s.blocked_by),
        "effort_reason": s.effort_reason,
    }


def same(data: Any, reference: Any) -> None:
    """Equal as data, of the same JSON types, and byte-identical as JSON."""
    assert data == reference
    assert json.dumps(data, allow_nan=True) == json.dumps(reference, allow_nan=True)
    assert type(json.loads(json.dumps(data))) is type(json.loads(json.dumps(reference)))


def check_evaluation(evaluation: wwc.Evaluation) -> None:
    for result in evaluation.criteria.values():
        same(result.to_dict(), criterion_result(result))
    for area in evaluation.practice_areas:
        same(area.to_dict(), practice_area_result(area))
    for requirement in evaluation.requirements:
        same(requirement.to_dict(), requirement_result(requirement))
    for item in evaluation.gaps:
        same(item.to_dict(), gap(item))
        assert type(item.to_dict()["message"]) is str
    for item in evaluation.eligibility:
        same(item.to_dict(), reason(item))
    same(evaluation.certification.to_dict(), certification(evaluation.certification))


@given(data=st.data(), revision=shipped_revisions() | revisions(), evidence=st.booleans())
def test_result_forms_are_the_hand_written_ones(
    data: st.DataObject, revision: wwc.Standard, evidence: bool
) -> None:
    if not revision.complete:
        return
    evaluation = wwc.evaluate(data.draw(assessments(revision)), revision, require_evidence=evidence)
    check_evaluation(evaluation)
    report = wwc.sensitivity(evaluation)
    same(report.to_dict(), sensitivity(report))
    changed = wwc.what_if(evaluation, unmeet=[c.id for c in revision.criteria[:2]])
    difference = wwc.compare(evaluation, changed)
    same(difference.to_dict(), comparison(difference))


@given(case=scenarios())
def test_path_steps_are_the_hand_written_ones(
    case: tuple[wwc.Evaluation, dict[str, float]],
) -> None:
    evaluation, efforts = case
    path = wwc.path_to(evaluation, wwc.Tier.PLATINUM, effort=efforts)
    for step in path.steps:
        same(step.to_dict(), path_step(step))
    assert not any(math.isnan(step.effort) for step in path.steps)
