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

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wwc_standard as wwc
from reference import (
    reference_answer,
    reference_assessment,
    reference_evaluation,
    reference_frame,
)
from strategies import (
    assessments,
    breadth_revisions,
    cities,
    gating_requirement,
    make_criterion,
    make_standard,
    revisions,
    shipped_revisions,
)

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


def _frames_equal(found: Any, expected: Any) -> None:
    import pandas as pd

    assert list(found.columns) == list(expected.columns)
    assert list(found.dtypes.astype(str)) == list(expected.dtypes.astype(str))
    assert list(found["tier"].cat.categories) == list(expected["tier"].cat.categories)
    assert found["tier"].cat.ordered == expected["tier"].cat.ordered
    pd.testing.assert_frame_equal(found, expected, check_exact=True)


@given(
    data=st.data(),
    standards=st.lists(ANY_REVISION, min_size=1, max_size=3),
    require_evidence=st.booleans(),
    criteria=st.booleans(),
)
def test_to_frame_matches_the_rows_it_was_built_from(
    data: st.DataObject, standards: list[wwc.Standard], require_evidence: bool, criteria: bool
) -> None:
    """One row per evaluation (design, section 2: ``to_frame()``): built by columns, the frame
    is the one built a dict per row, with eligibility and certification worded with their
    reasons; over one revision or several, with the status of every criterion or without."""
    pytest.importorskip("pandas")
    evaluations = []
    for _ in range(data.draw(st.integers(0, 6))):
        standard = data.draw(st.sampled_from(standards))
        raw = data.draw(assessments(standard) | bare_assessments(standard))
        evaluations.append(wwc.evaluate(raw, standard, require_evidence=require_evidence))
    found = wwc.to_frame(evaluations, criteria=criteria)
    _frames_equal(found, reference_frame(evaluations, criteria=criteria))
    if evaluations:
        cohort = wwc.Cohort(evaluations=tuple(evaluations))
        _frames_equal(cohort.to_frame(criteria=criteria), found)


def test_to_frame_of_a_cohort_matches_the_rows() -> None:
    """The frame of a benchmark-sized cohort of the shipped revisions, eligible or not,
    certifiable or not, equals the one built a dict per row."""
    pytest.importorskip("pandas")
    items = []
    for seed in range(300):
        standard = ("2022", "2023", "2024", "2025", "2026")[seed % 5]
        answers = {
            c.id: ("met" if (seed + i) % 7 else "unmet")
            for i, c in enumerate(wwc.standard(standard).criteria)
        }
        items.append(
            {
                "standard": standard,
                "city": {
                    "name": f"City {seed}",
                    "country": ("US", "FR", "BR", None)[seed // 2 % 4],
                    "population": (None, 5, 30000, 10**6)[seed % 3],
                },
                "answers": answers,
                "requirements": (
                    {r.id: "met" for r in wwc.standard(standard).requirements} if seed % 2 else {}
                ),
            }
        )
    items = [{k: v for k, v in item.items() if v is not None} for item in items]
    for item in items:
        item["city"] = {k: v for k, v in item["city"].items() if v is not None}
    cohort = wwc.evaluate_many(items)
    for criteria in (False, True):
        _frames_equal(
            cohort.to_frame(criteria=criteria), reference_frame(cohort, criteria=criteria)
        )


#: Populations a City built by hand may hold: pandas infers another dtype from some of them
#: (a float, NaN for a missing one), fails on others (beyond Int64), and to_frame() with it.
ODD_POPULATIONS = [None, 10**6, 2**53 + 1, 2**63 + 5, 10**20, True, 40000.0, "x"]


# A criterion "tier" puts status words among the tier's categories: pandas 3 warns (both ways).
@pytest.mark.filterwarnings("ignore:Constructing a Categorical with a dtype and values")
@pytest.mark.parametrize("population", ODD_POPULATIONS)
@pytest.mark.parametrize("ids", [("A1", "A2", "A3"), ("points", "tier", "population", "A1")])
@pytest.mark.parametrize("several", [False, True])
def test_to_frame_of_odd_values_matches_the_rows(
    population: Any, ids: tuple[str, ...], several: bool
) -> None:
    """Columns are handed to pandas typed only when pandas would infer that type from their
    values: a population of another type or beyond int64, or a criterion id that names a
    column of the frame (its status words written into it), gives the frame, or the error,
    of the rows."""
    pytest.importorskip("pandas")
    odd = make_standard([make_criterion(i) for i in ids], requirements=[gating_requirement()])
    others = [odd, wwc.standard("2024")] if several else [odd]
    evaluations = []
    for row in range(8):
        standard = others[row % len(others)]
        raw = {
            "city": {"name": f"C{row}", "country": ("US", "CA", None, "FR")[row % 4]},
            "answers": {c.id: "met" for c in standard.criteria[: row * 2]},
            "requirements": {"outcome": "met"} if row % 2 else {},
        }
        evaluation = wwc.evaluate(raw, standard)
        city = attrs.evolve(
            evaluation.assessment.city, population=(population, 50000)[row % 3 == 0]
        )
        evaluation = attrs.evolve(
            evaluation, assessment=attrs.evolve(evaluation.assessment, city=city)
        )
        evaluations.append(evaluation)
    for criteria in (False, True):
        try:
            expected = reference_frame(evaluations, criteria=criteria)
        except (TypeError, ValueError, OverflowError) as error:
            with pytest.raises(type(error)):
                wwc.to_frame(evaluations, criteria=criteria)
        else:
            _frames_equal(wwc.to_frame(evaluations, criteria=criteria), expected)


@st.composite
def plain_requests(draw: st.DrawFn, standard: wwc.Standard) -> dict[str, Any]:
    """An app's request: bare answers, a city, and sometimes the pins; now and then a value
    the one-pass path leaves to the parser (a word in another case, a number, an unknown id or
    field, a country in lower case, a fractional population)."""
    data = draw(bare_assessments(standard))
    if draw(st.booleans()):
        data["city"] = draw(cities())
    if draw(st.booleans()):
        data["standard"] = draw(st.sampled_from([standard.version, "2024", "1999"]))
    if draw(st.booleans()):
        data["fingerprint"] = draw(
            st.sampled_from([standard.fingerprint, wwc.standard("2024").fingerprint, "sha256:x"])
        )
    if draw(st.booleans()):
        data["requirements"] = draw(st.sampled_from([{}, {"outcome": "met"}]))
    odd = draw(
        st.sampled_from(
            [
                None,
                ("answers", "DM99", "met"),
                ("answers", "DM1", 1),
                ("answers", "DM1", " Met"),
                ("answers", 5, "met"),
                ("city", "population", 1000.0),
                ("city", "population", -1),
                ("city", "country", "us"),
                ("city", "name", "\ud800"),
                ("city", "mayor", "x"),
                ("", "extra", 1),
            ]
        )
    )
    if odd is not None:
        section, key, value = odd
        if section:
            data[section] = {**data.get(section, {}), key: value}
        else:
            data[key] = value
    return data


@given(data=st.data(), standard=ANY_REVISION, require_evidence=st.booleans())
def test_an_apps_request_reads_as_the_parser_reads_it(
    data: st.DataObject, standard: wwc.Standard, require_evidence: bool
) -> None:
    """Every problem of an input is reported at once, each with its path (design, section 3):
    evaluate() of a request gives the evaluation of the reference, or raises the problems
    validate() finds, byte for byte; given the revision or reading it from the pin."""
    raw = data.draw(plain_requests(standard))
    for given_standard in (standard, None):
        problems = wwc.validate(raw, given_standard)
        if problems:
            with pytest.raises(wwc.WWCError) as caught:
                wwc.evaluate(raw, given_standard, require_evidence=require_evidence)
            assert caught.value.problems == problems
            assert [str(p) for p in caught.value.problems] == [str(p) for p in problems]
            with pytest.raises(wwc.WWCError) as caught_many:
                wwc.evaluate_many([raw], given_standard, require_evidence=require_evidence)
            assert [p.path for p in caught_many.value.problems] == [
                f"[0].{p.path}" if p.path else "[0]" for p in problems
            ]
            continue
        found = wwc.evaluate(raw, given_standard, require_evidence=require_evidence)
        assert problems == ()
        revision = found.standard
        assert given_standard is None or revision is given_standard
        expected = reference_evaluation(reference_assessment(raw), revision, require_evidence)
        _same(found, expected)
        assert found.assessment == wwc.Assessment.from_dict(raw)
        assert repr(found.assessment) == repr(wwc.Assessment.from_dict(raw))
        # evaluate_many() takes the same one-pass path for each request.
        [many] = wwc.evaluate_many([raw], given_standard, require_evidence=require_evidence)
        _same(many, expected)
        assert repr(many.assessment) == repr(found.assessment)
