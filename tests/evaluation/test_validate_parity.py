"""validate() returns exactly the problems evaluate() raises, and () exactly when it
succeeds; evaluate_many() refuses arguments of the wrong type with a documented error."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wwc_standard as wwc
from strategies import assessment_like, assessments
from wwc_standard.errors import WWCError

STANDARDS = st.sampled_from([None, "2024", "2018", "2017", "2042", "", 2024, 3.5, *wwc.standards()])


def _parity(data: Any, standard: Any) -> None:
    problems = wwc.validate(data, standard)
    raised: tuple[object, ...] = ()
    try:
        wwc.evaluate(data, standard)
    except WWCError as error:
        raised = error.problems or ("an error without problems",)
    assert problems == raised


@given(data=assessment_like(wwc.standard("2024")), standard=STANDARDS)
@example(data={"answers": {}}, standard="2018")
@example(data={"answers": {}}, standard="2042")
@example(data={"standard": "2018", "answers": {}}, standard=None)
@example(data={"standard": "2042", "answers": {"DM99": "met"}}, standard=None)
def test_validate_returns_what_evaluate_raises(data, standard):
    _parity(data, standard)


@given(data=assessments(wwc.standard("2024")), standard=STANDARDS)
def test_validate_is_empty_exactly_when_evaluate_succeeds(data, standard):
    _parity(data, standard)


def test_validate_of_an_incomplete_revision_and_an_unknown_version():
    assert [p.code for p in wwc.validate({"answers": {}}, "2018")] == ["incomplete-standard"]
    assert [p.code for p in wwc.validate({"answers": {}}, "2042")] == ["unknown-standard"]


@pytest.mark.parametrize("assessments_argument", [5, None, "2024", {"answers": {}}, b"x"])
def test_evaluate_many_refuses_what_is_not_a_list_of_assessments(assessments_argument):
    with pytest.raises(wwc.AssessmentError) as raised:
        wwc.evaluate_many(assessments_argument)
    [problem] = raised.value.problems
    assert (problem.path, problem.code) == ("assessments", "wrong-type")


@pytest.mark.parametrize("standard", [2024, 3.5, ["2024"], ""])
def test_evaluate_many_refuses_a_standard_of_the_wrong_type(standard):
    with pytest.raises(WWCError) as raised:
        wwc.evaluate_many([{"answers": {}}], standard)
    assert [p.code for p in raised.value.problems] == ["unknown-standard"]
