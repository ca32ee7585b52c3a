"""Planning on hostile input: large revisions, deep prerequisite chains, misused arguments.

``sensitivity()`` computes its rows from the statuses and the tier rule directly; the
reference below is the computation it replaced (one what-if per criterion), kept verbatim.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import COMPONENTS, make_breadth, make_checklist, make_criterion, make_standard

import wwc_standard as wwc
from wwc_standard.evaluation import Status
from wwc_standard.planning import Sensitivity, SensitivityRow, sensitivity, what_if


def reference_sensitivity(evaluation: wwc.Evaluation) -> Sensitivity:
    """sensitivity() before it computed rows directly, verbatim."""
    rows, losses = [], []
    for criterion, status in zip(evaluation.standard.criteria, evaluation.statuses, strict=True):
        if status is Status.MET:
            lost = what_if(evaluation, unmeet=[criterion.id])
            losses.append(
                SensitivityRow(
                    criterion=criterion.id, status=status, tier=lost.tier, points=lost.points
                )
            )
        else:
            won = what_if(evaluation, meet=[criterion.id])
            rows.append(
                SensitivityRow(
                    criterion=criterion.id, status=status, tier=won.tier, points=won.points
                )
            )
    return Sensitivity(
        tier=evaluation.tier,
        points=evaluation.points,
        if_met=tuple(rows),
        at_risk=tuple(row for row in losses if row.tier < evaluation.tier),
        losses=tuple(losses),
    )


ANSWERS = st.sampled_from(
    [None, "met", "unmet", "unknown", {"status": "met", "evidence": ["a report"]}]
)


@st.composite
def scenarios(draw: st.DrawFn) -> wwc.Evaluation:
    """An evaluation of a random revision: prerequisites (cycles too), checklists, either rule,
    and answers of every kind, in auditor mode or not."""
    size = draw(st.integers(3, 14))
    breadth = draw(st.booleans())
    criteria = []
    for i in range(size):
        prerequisites = draw(st.lists(st.integers(0, size - 1), max_size=3, unique=True))
        checklist = make_checklist(2, "abc") if draw(st.integers(0, 4)) == 0 else None
        criteria.append(
            make_criterion(
                f"C{i}",
                prerequisites=[f"C{p}" for p in prerequisites if p != i],
                checklist=checklist,
                components=[COMPONENTS[i % 4]] if breadth else (),
            )
        )
    rule = make_breadth(min_criteria=draw(st.integers(1, 3))) if breadth else None
    std = make_standard(criteria, tier_rule=rule)
    answers: dict[str, Any] = {}
    for criterion in criteria:
        answer = draw(ANSWERS)
        if criterion.checklist is not None and draw(st.booleans()):
            answer = {"checklist": draw(st.dictionaries(st.sampled_from("abc"), st.booleans()))}
        if answer is not None:
            answers[criterion.id] = answer
    assessment = {
        "standard": std.version,
        "city": {"name": "Testville", "country": "US", "population": 100_000},
        "answers": answers,
    }
    return wwc.evaluate(assessment, std, require_evidence=draw(st.booleans()))


@settings(max_examples=300)
@given(scenarios())
def test_sensitivity_matches_one_what_if_per_criterion(evaluation: wwc.Evaluation) -> None:
    assert sensitivity(evaluation) == reference_sensitivity(evaluation)


def test_sensitivity_of_the_shipped_example_is_unchanged() -> None:
    e = wwc.evaluate(wwc.example_assessment())
    gold = what_if(e, meet=["DM7", "LC6", "RDC7"])
    for evaluation in (e, gold, wwc.evaluate(wwc.example_assessment(), require_evidence=True)):
        assert sensitivity(evaluation) == reference_sensitivity(evaluation)
