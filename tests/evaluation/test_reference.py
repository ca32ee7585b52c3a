"""The fast paths give the same answers as a plain reference implementation (tests/reference.py).

``evaluate()`` reads bare answers as shared objects, checks the common case of an assessment
in one step, looks the tier of a count up in a table made per revision, and walks a revision
without checklists or prerequisites by its answers. None of that may change a result: the
evaluation is byte-identical to the reference's, whatever the input form (a dict, a parsed
assessment, a cohort), on shipped revisions and on revisions with checklists, prerequisites
and breadth rules.
"""

from __future__ import annotations

import json
import pickle
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

import wwc_standard as wwc
from reference import reference_answer, reference_assessment, reference_evaluation
from strategies import assessments, breadth_revisions, revisions, shipped_revisions

ANY_REVISION = shipped_revisions() | revisions() | breadth_revisions()
INELIGIBLE = {"country-missing", "country-outside", "population-missing", "population-below-floor"}
BARE = st.sampled_from(["met", "unmet", "unknown", True, False, None])


@st.composite
def bare_assessments(draw: st.DrawFn, standard: wwc.Standard) -> dict[str, Any]:
    """Every answer in a bare form, as an app sends them: the case read without the parser."""
    ids = [criterion.id for criterion in standard.criteria]
    answered = draw(st.lists(st.sampled_from(ids), unique=True))
    return {"answers": {key: draw(BARE) for key in answered}}


def _same(found: wwc.Evaluation, expected: wwc.Evaluation) -> None:
    assert found == expected
    assert (found.statuses, found.points, found.tier) == (
        expected.statuses,
        expected.points,
        expected.tier,
    )
    assert json.dumps(found.to_dict(), sort_keys=True) == json.dumps(
        expected.to_dict(), sort_keys=True
    )
    # Eligibility and certification decided without their text, as worded with it.
    assert found.eligible == (not any(r.code in INELIGIBLE for r in expected.eligibility))
    assert found._certifiable == expected.certification.possible


@given(data=st.data(), standard=ANY_REVISION, require_evidence=st.booleans())
@example(data=None, standard=wwc.standard("2024"), require_evidence=False).via("2024, all met")
def test_evaluate_matches_the_reference(
    data: st.DataObject | None, standard: wwc.Standard, require_evidence: bool
) -> None:
    """A missing answer "is unknown", and "unknown is never met"; a criterion whose prerequisite
    is not met is blocked; in auditor mode a met answer without evidence is unverified (design,
    sections 2 and 3): from a dict, from a parsed assessment and in a cohort alike."""
    if data is None:
        raw: dict[str, Any] = {"answers": {c.id: "met" for c in standard.criteria}}
    else:
        raw = data.draw(assessments(standard) | bare_assessments(standard))
    expected = reference_evaluation(reference_assessment(raw), standard, require_evidence)
    from_dict = wwc.evaluate(raw, standard, require_evidence=require_evidence)
    _same(from_dict, expected)
    parsed = wwc.Assessment.from_dict(raw)
    _same(wwc.evaluate(parsed, standard, require_evidence=require_evidence), expected)
    for result in wwc.evaluate_many([raw, parsed], standard, require_evidence=require_evidence):
        _same(result, expected)
    assert pickle.loads(pickle.dumps(from_dict)) == expected


@given(value=BARE)
def test_bare_answers_read_as_the_reference_reads_them(value: Any) -> None:
    """true/false mean met/unmet; a status word is its status; null is no status (design,
    section 3). A bare answer read by the fast path equals, and prints as, one read alone."""
    parsed = wwc.Assessment.from_dict({"answers": {"DM1": value}}).answers["DM1"]
    assert parsed == reference_answer(value)
    assert repr(parsed) == repr(reference_answer(value))
    assert parsed.to_data() == reference_answer(value).to_data()


@given(value=st.sampled_from([1, 0, 1.0, 0.0, "Met", " unmet ", "MET"]))
def test_look_alikes_of_bare_answers_take_the_parser(value: Any) -> None:
    """1 == True and 0 == False in Python, but a number is no answer: it is refused with its
    path, as before; a word in another case or with spaces is read as the parser reads it."""
    problems = wwc.validate({"answers": {"DM1": value}}, "2024")
    if isinstance(value, str):
        assert problems == ()
        parsed = wwc.Assessment.from_dict({"answers": {"DM1": value}}).answers["DM1"]
        assert parsed == reference_answer(value)
    else:
        assert [(p.path, p.code) for p in problems] == [("answers.DM1", "wrong-type")]
