"""Property tests: the rules of the standard that must hold for every input.

Each docstring quotes the rule it checks: from the facts file (docs of the standard) or from the
design's contract.
"""

from __future__ import annotations

import copy
import itertools
import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, example, given, note
from hypothesis import strategies as st

import wwc_standard as wwc
from strategies import (
    answers_meeting,
    assessment_like,
    assessments,
    band_percents,
    json_values,
    make_bands,
    met_sets,
    revisions,
    shipped_revisions,
    valid_band_sets,
)
from wwc_standard import Status, Tier

SHIPPED = shipped_revisions()
#: Shipped revisions and small hand-built ones with prerequisites and checklists.
ANY_REVISION = SHIPPED | revisions()


# -- meeting more never lowers the tier -----------------------------------------------------


@given(data=st.data(), revision=ANY_REVISION, require_evidence=st.booleans())
def test_a_superset_of_met_answers_never_lowers_the_tier_or_the_points(
    data: st.DataObject, revision: wwc.Standard, require_evidence: bool
) -> None:
    """Rule (facts, section 3): "each criterion is worth one point; the score is points /
    number of criteria", and the design: "meeting more never lowers the tier". A superset of
    met answers never earns a lower tier or fewer points (a met prerequisite only unlocks)."""
    before = data.draw(assessments(revision), label="assessment")
    extra = data.draw(met_sets(revision), label="also met")
    after = copy.deepcopy(before)
    after["answers"] = answers_meeting(extra, before["answers"], evidence=True)
    first = wwc.evaluate(before, revision, require_evidence=require_evidence)
    second = wwc.evaluate(after, revision, require_evidence=require_evidence)
    assert second.points >= first.points
    assert second.tier >= first.tier
    assert set(first.met) <= set(second.met)


@given(revision=SHIPPED, met=st.data())
def test_meeting_the_criteria_needed_reaches_the_tier_and_one_fewer_does_not(
    revision: wwc.Standard, met: st.DataObject
) -> None:
    """Rule (design, section 9): "always show the distance to the next tier in criteria". The
    number in a tier gap is exact: the fewest further criteria that reach the tier."""
    ids = [criterion.id for criterion in revision.criteria]
    chosen = met.draw(met_sets(revision))
    result = wwc.evaluate({"answers": dict.fromkeys(chosen, "met")}, revision)
    unmet = [key for key in ids if key not in chosen]
    for gap in (gap for gap in result.gaps if gap.kind == "tier"):
        needed = gap.criteria_needed
        assert needed is not None
        assert gap.tier is not None
        assert needed >= 1
        assert gap.message.startswith(f"{needed} more criteri")
        enough = wwc.evaluate(
            {"answers": dict.fromkeys([*chosen, *unmet[:needed]], "met")}, revision
        )
        assert enough.tier >= gap.tier
        fewer = wwc.evaluate(
            {"answers": dict.fromkeys([*chosen, *unmet[: needed - 1]], "met")}, revision
        )
        assert fewer.tier < gap.tier


# -- the bands partition 0..N ---------------------------------------------------------------


def _check_partition(rule: wwc.PercentageBands, possible: int) -> None:
    tiers = [rule.tier_for_points(points, possible) for points in range(possible + 1)]
    # Exactly one tier per count: the count lies in exactly one run [start of T, start of next).
    starts = [(Tier.NONE, 0), *rule.thresholds(possible)]
    for points, tier in enumerate(tiers):
        containing = [
            t
            for index, (t, start) in enumerate(starts)
            if start <= points and (index + 1 == len(starts) or points < starts[index + 1][1])
        ]
        assert containing == [tier], (points, containing, tier)
    # Non-decreasing in the count, and every tier (certified or not) is reached.
    assert all(a <= b for a, b in itertools.pairwise(tiers))
    assert set(tiers) == set(Tier)
    assert tiers[0] is Tier.NONE
    assert tiers[-1] is Tier.PLATINUM


def test_shipped_bands_partition_0_to_n(shipped: wwc.Standard) -> None:
    """Rule (facts, section 3): "test that the bands cover 0..N with no gap and no overlap",
    for every shipped revision."""
    assert isinstance(shipped.tier_rule, wwc.PercentageBands)
    _check_partition(shipped.tier_rule, shipped.possible)


@given(data=st.data(), possible=st.integers(3, 100))
def test_valid_band_sets_partition_0_to_n(data: st.DataObject, possible: int) -> None:
    """Rule (facts, section 3): "the package must state its rule and test that the bands cover
    0..N with no gap and no overlap". Every count maps to exactly one tier, tiers never fall as
    the count rises, and each certified tier is reachable."""
    rule = data.draw(valid_band_sets(possible))
    assert rule.problems([], possible) == []
    _check_partition(rule, possible)


@given(percents=band_percents(), possible=st.integers(0, 150))
def test_bands_are_valid_exactly_when_every_tier_is_reachable(
    percents: tuple[int, int, int], possible: int
) -> None:
    """Rule (design, section 4): revision files are validated for "tier bands that cover 0..N
    with no gap or overlap". A band set passes validation if and only if no tier is left
    empty for N criteria."""
    rule = make_bands(*percents)
    tiers = {rule.tier_for_points(points, possible) for points in range(possible + 1)}
    assert (rule.problems([], possible) == []) == (tiers == set(Tier))


@given(percent=st.integers(1, 100), possible=st.integers(0, 10**6))
def test_band_minimum_points_is_the_exact_fraction(percent: int, possible: int) -> None:
    """Rule (facts, section 3): "a band's published lower bound is compared with the exact
    fraction, never a rounded or float percentage (points x 100 >= bound x N)"."""
    minimum = wwc.Band(tier=Tier.SILVER, from_percent=percent).minimum_points(possible)
    bound = Fraction(percent, 100)
    assert Fraction(minimum) >= bound * possible
    assert minimum == 0 or Fraction(minimum - 1) < bound * possible


@given(percents=band_percents(), possible=st.integers(1, 200), points=st.integers(0, 200))
def test_tier_for_points_compares_exact_fractions(
    percents: tuple[int, int, int], possible: int, points: int
) -> None:
    """Rule (facts, section 3): a count earns the highest tier whose lower bound it reaches,
    "compared with the exact fraction, never a rounded or float percentage"."""
    points = min(points, possible)
    rule = make_bands(*percents)
    share = Fraction(points, possible)
    expected = Tier.NONE
    for band in rule.bands:
        if share >= Fraction(band.from_percent, 100):
            expected = band.tier
    assert rule.tier_for_points(points, possible) is expected


# -- evaluation is deterministic and pure ---------------------------------------------------


@given(data=st.data(), revision=ANY_REVISION, require_evidence=st.booleans())
def test_evaluation_is_deterministic_and_never_mutates_its_input(
    data: st.DataObject, revision: wwc.Standard, require_evidence: bool
) -> None:
    """Rule (design, section 1): "evaluate ... are pure functions of their inputs". The same
    answers give the same result, and the input is left as it was."""
    assessment = data.draw(assessments(revision))
    before = copy.deepcopy(assessment)
    first = wwc.evaluate(assessment, revision, require_evidence=require_evidence)
    assert assessment == before
    second = wwc.evaluate(assessment, revision, require_evidence=require_evidence)
    assert assessment == before
    assert first == second
    assert first.to_dict() == second.to_dict()
    assert first.explain() == second.explain()
    parsed = wwc.Assessment.from_dict(assessment)
    assert wwc.evaluate(parsed, revision, require_evidence=require_evidence) == first


# -- round trips ----------------------------------------------------------------------------


@given(revision=revisions())
def test_generated_revisions_are_valid_and_round_trip(revision: wwc.Standard) -> None:
    """Rule (design, section 8): "every model object round-trips through cattrs".
    Standard.from_dict(s.to_dict()) == s, for hand-built revisions with prerequisites and
    checklists too."""
    assert revision.validate() == ()
    data = revision.to_dict()
    assert json.loads(json.dumps(data)) == data
    again = wwc.Standard.from_dict(data)
    assert again == revision
    assert again.fingerprint == revision.fingerprint


@given(data=st.data(), revision=ANY_REVISION)
def test_assessments_round_trip_through_their_dict(
    data: st.DataObject, revision: wwc.Standard
) -> None:
    """Rule (design, section 3): the assessment format is "JSON, TOML or a dict".
    Assessment.from_dict(a.to_dict()) == a, and to_dict() is JSON."""
    assessment = wwc.Assessment.from_dict(data.draw(assessments(revision)))
    as_data = assessment.to_dict()
    assert json.loads(json.dumps(as_data)) == as_data
    assert wwc.Assessment.from_dict(as_data) == assessment
    assert wwc.Assessment.from_dict(as_data).to_dict() == as_data


@given(data=st.data(), revision=ANY_REVISION, require_evidence=st.booleans())
def test_evaluations_round_trip_through_their_dict(
    data: st.DataObject, revision: wwc.Standard, require_evidence: bool
) -> None:
    """Rule (Evaluation.from_dict): "a stored result is either reproduced exactly or refused,
    never silently changed". Evaluation.from_dict(e.to_dict()) == e, through JSON too."""
    result = wwc.evaluate(
        data.draw(assessments(revision)), revision, require_evidence=require_evidence
    )
    stored = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert wwc.Evaluation.from_dict(stored, standard=revision) == result


# -- robustness -----------------------------------------------------------------------------


def _evaluation_or_assessment_error(value: Any, revision: wwc.Standard | None) -> None:
    before = copy.deepcopy(value)
    problems = wwc.validate(value, revision)
    if problems:
        with pytest.raises(wwc.AssessmentError) as info:
            wwc.evaluate(value, revision)
        assert info.value.problems == problems
        for problem in problems:
            assert isinstance(problem, wwc.Problem)
            assert isinstance(problem.path, str)
            assert problem.code
            assert problem.message
        json.dumps([problem.to_dict() for problem in problems])
    else:
        result = wwc.evaluate(value, revision)
        assert isinstance(result, wwc.Evaluation)
        json.dumps(result.to_dict(), allow_nan=False)
    assert repr(value) == repr(before)  # never mutated


@given(data=st.data(), revision=ANY_REVISION)
def test_arbitrary_input_gives_an_evaluation_or_an_assessment_error(
    data: st.DataObject, revision: wwc.Standard
) -> None:
    """Rule (design, section 3): "every problem in an input is reported at once, each with its
    path, a stable code". Whatever JSON-like value is given, evaluate() returns an Evaluation or
    raises AssessmentError with those problems, and nothing else (no TypeError, KeyError,
    AttributeError ...)."""
    _evaluation_or_assessment_error(
        data.draw(assessment_like(revision) | json_values(), label="input"), revision
    )


@given(value=assessment_like(wwc.standard("2023")) | json_values())
def test_arbitrary_input_against_the_pinned_or_newest_revision(value: Any) -> None:
    """Rule (design, section 2): "standard: ... None (the assessment's pin, else the newest)";
    whatever the input, the result is an Evaluation or an AssessmentError."""
    _evaluation_or_assessment_error(value, None)


# -- invariants of every evaluation ---------------------------------------------------------


@given(data=st.data(), revision=ANY_REVISION, require_evidence=st.booleans())
def test_invariants_of_an_evaluation(
    data: st.DataObject, revision: wwc.Standard, require_evidence: bool
) -> None:
    """Rules (facts, section 3): "each criterion is worth one point" and only a met criterion
    earns it; "some criteria have prerequisites that must be met, or points cannot be earned in
    subsequent criteria"; and (design, section 9) "unknown is never met"."""
    assessment = data.draw(assessments(revision))
    result = wwc.evaluate(assessment, revision, require_evidence=require_evidence)
    note(result.explain())
    statuses = {key: criterion.status for key, criterion in result.criteria.items()}
    met = [key for key, status in statuses.items() if status is Status.MET]
    # Points are the criteria met, and the tier is what the bands give for them.
    assert result.points == len(met) == len(result.met)
    assert result.possible == len(revision.criteria)
    assert result.tier is revision.tier_rule.tier(met, revision.criteria)
    # A criterion is never met while a prerequisite is not.
    for criterion in revision.criteria:
        if statuses[criterion.id] is Status.MET:
            assert all(statuses[p] is Status.MET for p in criterion.prerequisites)
        if statuses[criterion.id] is Status.BLOCKED:
            blocked_by = result.criteria[criterion.id].blocked_by
            assert blocked_by
            assert all(statuses[p] is not Status.MET for p in blocked_by)
            assert set(blocked_by) <= set(criterion.prerequisites)
    # Unanswered criteria are unknown; only an answer can be met.
    for key, status in statuses.items():
        if key not in assessment["answers"]:
            assert status is Status.UNKNOWN
    # Auditor mode: every met criterion carries evidence.
    if require_evidence:
        assert all(result.criteria[key].evidence for key in met)
    # One criterion gap per criterion not met, after the tier gaps.
    kinds = [gap.kind for gap in result.gaps]
    assert kinds == sorted(kinds, key=["tier", "criterion", "requirement"].index)
    assert [gap.criterion for gap in result.gaps if gap.kind == "criterion"] == [
        key for key, status in statuses.items() if status is not Status.MET
    ]
    # The breakdown adds up.
    assert sum(area.points for area in result.practice_areas) == result.points
    assert sum(area.possible for area in result.practice_areas) == result.possible
    # Certification needs a tier, eligibility and every gating requirement met.
    gating_met = all(r.status is Status.MET for r in result.requirements if r.gates_certification)
    possible = result.tier > Tier.NONE and result.eligible and gating_met
    assert result.certification.possible is possible
    assert result.certification.tier is (result.tier if possible else Tier.NONE)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON-like value: keys of objects, indexes of lists."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


#: A shipped revision with a valid assessment of it.
_EVALUATED = SHIPPED.flatmap(lambda revision: st.tuples(st.just(revision), assessments(revision)))


@given(
    case=_EVALUATED,
    where=st.integers(min_value=0),
    remove=st.booleans(),
    new_value=json_values(max_leaves=5),
)
# Found by a random run: removing the assessment's pin reproduced a record of its own, since
# an unpinned assessment evaluates to the same result (fixed by the assessment fingerprint).
@example(
    case=(wwc.standard("2024"), {"standard": "2024", "answers": {"DM1": "met"}}),
    where=("assessment", "standard"),
    remove=True,
    new_value=None,
)
# Shrunk from the same run: an empty city name removed (a name that is absent is valid too).
@example(
    case=(wwc.standard("2022"), {"answers": {}, "city": {"name": "", "population": 0}}),
    where=("assessment", "city", "name"),
    remove=True,
    new_value=None,
)
def test_any_change_to_a_stored_evaluation_is_refused(
    case: tuple[wwc.Standard, dict[str, Any]],
    where: int | tuple[Any, ...],
    remove: bool,
    new_value: Any,
) -> None:
    """Rule (Evaluation.from_dict): "a stored result is either reproduced exactly or refused,
    never silently changed". Replacing or removing any one value of to_dict() makes
    from_dict() refuse it with a WWCError, and with nothing else. ``where`` picks the value:
    an index into every path of the record, or (in the pinned examples) the path itself."""
    revision, assessment = case
    stored = wwc.evaluate(assessment, revision).to_dict()
    paths = _paths(stored)[1:]
    path = where if isinstance(where, tuple) else paths[where % len(paths)]
    assert path in paths
    note(f"path: {path!r}")
    tampered = copy.deepcopy(stored)
    *parents, last = path
    holder = tampered
    for step in parents:
        holder = holder[step]
    if remove:
        del holder[last]
    else:
        holder[last] = new_value
    assume(tampered != stored)
    # The library version is recorded, not recomputed: a stored result says which version of
    # wwc-standard made it, and that is reproduced as recorded.
    assume(not (path == ("library", "version") and isinstance(holder.get(last), str)))
    with pytest.raises(wwc.WWCError):
        wwc.Evaluation.from_dict(tampered)


_ANY = json_values(max_leaves=8)
_RECORD_LIKE = st.fixed_dictionaries(
    {"format": st.just("wwc-standard.evaluation/1")},
    optional={
        "standard": st.fixed_dictionaries(
            {},
            optional={
                "version": st.sampled_from(wwc.standards()) | _ANY,
                "fingerprint": st.sampled_from(wwc.standards()).map(
                    lambda v: wwc.standard(v).fingerprint
                )
                | _ANY,
            },
        )
        | _ANY,
        "options": st.fixed_dictionaries({}, optional={"require_evidence": _ANY}) | _ANY,
        "library": st.fixed_dictionaries({}, optional={"version": _ANY}) | _ANY,
        "assessment": st.just({"answers": {}}) | _ANY,
        "tier": _ANY,
    },
)


@given(value=_RECORD_LIKE | json_values())
def test_from_dict_of_anything_is_refused_cleanly(value: Any) -> None:
    """Rule (design, section 5): errors about input are WWCError subclasses that carry their
    problems; a value that is not a stored evaluation never raises anything else."""
    with pytest.raises(wwc.WWCError) as info:
        wwc.Evaluation.from_dict(value)
    assert info.value.problems
