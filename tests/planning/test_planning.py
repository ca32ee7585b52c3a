"""Roadmaps, what-if scenarios, sensitivity, the cheapest path to a tier, and cohorts.

The exactness of ``path_to`` is checked against brute force over every subset of the criteria
not met, on small generated revisions with prerequisites, checklists with quotas, and efforts.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import sys
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import wwc_standard as wwc
import wwc_standard.planning.whatif
from strategies import (
    answers_meeting,
    assessments,
    make_checklist,
    make_criterion,
    make_standard,
    revisions,
    scenarios,
)
from wwc_standard.cli.program import main
from wwc_standard.errors import InvalidArgument
from wwc_standard.planning.work import work_for

# -- helpers ----------------------------------------------------------------------------------


def brute_force(
    evaluation: wwc.Evaluation, tier: wwc.Tier, efforts: dict[str, float]
) -> float | None:
    """The least effort of any subset of the criteria not met that reaches ``tier``."""
    guidance = wwc.guidance().with_efforts(efforts)
    work = work_for(evaluation, guidance)
    ids = [w.id for w in work.values() if not math.isinf(w.effort)]
    cost = {w.id: w.effort for w in work.values()}
    best: float | None = None
    for size in range(len(ids) + 1):
        for subset in itertools.combinations(ids, size):
            total = sum(cost[i] for i in subset)
            if best is not None and total >= best:
                continue
            if wwc.what_if(evaluation, meet=subset).tier >= tier:
                best = total
    return best


def not_met(evaluation: wwc.Evaluation) -> set[str]:
    return {
        c.id
        for c, s in zip(evaluation.standard.criteria, evaluation.statuses, strict=True)
        if s is not wwc.Status.MET
    }


# -- path_to ----------------------------------------------------------------------------------


@given(scenarios(), st.sampled_from([wwc.Tier.SILVER, wwc.Tier.GOLD, wwc.Tier.PLATINUM]))
def test_path_to_is_the_cheapest_set_that_reaches_the_tier(
    scenario: tuple[wwc.Evaluation, dict[str, float]], tier: wwc.Tier
) -> None:
    """The cheapest set of criteria whose completion reaches the tier, respecting
    prerequisites ("points cannot be earned in subsequent criteria") and checklist quotas:
    applying it reaches the tier, and no strictly cheaper subset does."""
    evaluation, efforts = scenario
    path = wwc.path_to(evaluation, tier, effort=efforts)
    best = brute_force(evaluation, tier, efforts)
    if evaluation.tier >= tier:
        assert path.steps == ()
        assert path.effort == 0
        return
    assert path.reachable == (best is not None)
    if best is None:
        assert path.steps == ()
        assert "unreachable" in [r.code for r in path.reasons]
        return
    assert path.effort == pytest.approx(best)
    applied = wwc.what_if(evaluation, meet=path.criteria)
    assert applied.tier >= tier
    assert path.tier == applied.tier
    for step in path.steps:
        assert set(step.blocked_by) <= set(path.criteria)


@given(
    scenarios(breadth=True), st.sampled_from([wwc.Tier.SILVER, wwc.Tier.GOLD, wwc.Tier.PLATINUM])
)
def test_path_to_is_exact_under_component_breadth(
    scenario: tuple[wwc.Evaluation, dict[str, float]], tier: wwc.Tier
) -> None:
    """The 2017 rule (breadth across components) is used through the tier rule, not a count."""
    evaluation, efforts = scenario
    path = wwc.path_to(evaluation, tier, effort=efforts)
    best = brute_force(evaluation, tier, efforts)
    if evaluation.tier >= tier:
        assert path.criteria == ()
        return
    assert path.reachable == (best is not None)
    if best is not None:
        assert path.effort == pytest.approx(best)
        assert wwc.what_if(evaluation, meet=path.criteria).tier >= tier


def test_path_prices_a_checklist_by_the_items_still_needed() -> None:
    std = make_standard(
        [
            make_criterion("AA1", checklist=make_checklist(3, "abcd")),
            make_criterion("AA2"),
            make_criterion("AA3", prerequisites=["AA2"]),
        ],
        tier_rule=None,
    )
    data = {
        "answers": {
            "AA1": {"checklist": {"a": True, "b": True, "c": False, "d": False}},
            "AA3": "met",
        }
    }
    evaluation = wwc.evaluate(data, std)
    assert evaluation.criteria["AA1"].status is wwc.Status.SHORT
    assert evaluation.criteria["AA3"].status is wwc.Status.BLOCKED
    path = wwc.path_to(evaluation, wwc.Tier.PLATINUM, effort={"AA1": 6, "AA2": 4, "AA3": 9})
    assert path.criteria == ("AA1", "AA2", "AA3")
    assert path.checklist == {"AA1": ("c",)}
    # One item of the three needed: a third of AA1's effort; AA3 is already done, blocked only.
    assert path.effort == pytest.approx(2 + 4 + 0)
    assert [s.blocked_by for s in path.steps] == [(), (), ("AA2",)]


def test_path_says_why_a_tier_cannot_be_reached() -> None:
    evaluation = wwc.evaluate({"standard": "2024", "answers": {}})
    will_not = {c.id: math.inf for c in evaluation.standard.criteria[:10]}
    path = wwc.path_to(evaluation, "platinum", effort=will_not)
    assert not path.reachable
    assert path.steps == ()
    assert [r.code for r in path.reasons] == ["unreachable", "left-out"]
    assert "Platinum cannot be reached" in path.reasons[0].message


def test_path_names_the_gating_requirement_still_standing() -> None:
    evaluation = wwc.evaluate({"standard": "2024", "answers": answers_meeting(["DM1"])})
    path = wwc.path_to(evaluation, wwc.Tier.SILVER)
    assert len(path.criteria) == 21
    assert "requirement-stands" in [r.code for r in path.reasons]
    held = wwc.path_to(wwc.evaluate(wwc.example_assessment()), "silver")
    assert held.steps == ()
    assert held.reasons[0].code == "already-held"


def test_path_rejects_overrides_of_unknown_criteria() -> None:
    evaluation = wwc.evaluate(wwc.example_assessment())
    with pytest.raises(wwc.InvalidGuidance) as caught:
        wwc.path_to(evaluation, "gold", effort={"OD9": 1, "DM1": -2})
    assert [p.code for p in caught.value.problems] == ["invalid-effort"]
    with pytest.raises(wwc.InvalidGuidance) as caught:
        wwc.path_to(evaluation, "gold", effort={"OD9": 1})
    assert caught.value.problems[0].path == "efforts.OD9"
    assert caught.value.problems[0].hint == "did you mean OD4?"


# -- what_if, compare, sensitivity -------------------------------------------------------------


@given(scenarios())
def test_what_if_without_change_equals_and_never_mutates(
    scenario: tuple[wwc.Evaluation, dict[str, float]],
) -> None:
    evaluation, _ = scenario
    before = evaluation.assessment.to_dict()
    assert wwc.what_if(evaluation) == evaluation
    ids = sorted(not_met(evaluation))
    changed = wwc.what_if(evaluation, meet=ids)
    assert evaluation.assessment.to_dict() == before
    assert changed.standard is evaluation.standard
    assert changed.require_evidence == evaluation.require_evidence
    # Meeting every criterion not met meets them all: prerequisites and quotas are filled.
    assert changed.points == evaluation.possible


@given(scenarios())
def test_sensitivity_agrees_with_what_if_one_criterion_at_a_time(
    scenario: tuple[wwc.Evaluation, dict[str, float]],
) -> None:
    evaluation, _ = scenario
    result = wwc.sensitivity(evaluation)
    for row in result.if_met:
        alone = wwc.what_if(evaluation, meet=[row.criterion])
        assert (row.tier, row.points) == (alone.tier, alone.points)
        assert row.tier >= evaluation.tier
    for row in result.losses:
        alone = wwc.what_if(evaluation, unmeet=[row.criterion])
        assert (row.tier, row.points) == (alone.tier, alone.points)
    assert {r.criterion for r in result.at_risk} == {
        r.criterion for r in result.losses if r.tier < evaluation.tier
    }
    assert {r.criterion for r in result.if_met} == not_met(evaluation)


def test_what_if_lists_every_problem_with_suggestions() -> None:
    std = make_standard(
        [
            make_criterion("AA1", checklist=make_checklist(2, "abc")),
            make_criterion("AA2"),
            make_criterion("AA3"),
        ]
    )
    evaluation = wwc.evaluate({"answers": {}}, std)
    with pytest.raises(wwc.AssessmentError) as caught:
        wwc.what_if(
            evaluation,
            meet=["aa1", "AA2"],
            unmeet=["AA2"],
            checklist={"AA1": {"d": True, "a": "yes"}, "AA3": {"a": True}},
        )
    found = [(p.path, p.code, p.hint) for p in caught.value.problems]
    assert found == [
        ("meet[0]", "unknown-criterion", "did you mean AA1?"),
        ("unmeet", "conflicting-change", "keep it in one of them"),
        ("checklist.AA1.d", "unknown-checklist-item", "its items are a, b, and c"),
        ("checklist.AA1.a", "wrong-type", None),
        ("checklist.AA3", "no-checklist", "use meet or unmeet for it"),
    ]


def test_what_if_checklist_items_decide_and_meet_fills_the_quota() -> None:
    std = make_standard(
        [
            make_criterion("AA1", checklist=make_checklist(2, "abc")),
            make_criterion("AA2"),
            make_criterion("AA3"),
        ]
    )
    evaluation = wwc.evaluate({"answers": {"AA1": "met"}}, std)
    short = wwc.what_if(evaluation, checklist={"AA1": {"a": False, "b": False}})
    assert short.criteria["AA1"].status is wwc.Status.SHORT
    met = wwc.what_if(short, meet=["AA1"])
    assert met.criteria["AA1"].status is wwc.Status.MET
    assert dict(met.assessment.answers["AA1"].checklist) == {"a": True, "b": True}
    audited = wwc.what_if(wwc.evaluate({"answers": {}}, std, require_evidence=True), meet=["AA2"])
    assert audited.criteria["AA2"].status is wwc.Status.MET
    assert audited.assessment.answers["AA2"].evidence == (wwc.planning.whatif.SCENARIO_EVIDENCE,)


def test_compare_reports_flips_and_gaps() -> None:
    evaluation = wwc.evaluate(wwc.example_assessment())
    after = wwc.what_if(evaluation, meet=["DM7", "LC6", "RDC7"], unmeet=["DM1"])
    comparison = wwc.compare(evaluation, after)
    assert comparison.points == 2
    assert comparison.tier_change == 0
    assert [f.criterion for f in comparison.flipped] == ["DM1", "DM7", "LC6", "RDC7"]
    assert any("DM7" in gap for gap in comparison.gaps_closed)
    assert any("DM1" in gap for gap in comparison.gaps_opened)
    assert wwc.compare(evaluation, evaluation).flipped == ()
    json.dumps(comparison.to_dict())


# -- roadmap ----------------------------------------------------------------------------------


@given(
    scenarios(),
    st.none() | st.sampled_from([0.0, 0.5, 1.0, 3.0]),
    st.none() | st.sampled_from(list(wwc.Tier)),
)
def test_roadmap_invariants(
    scenario: tuple[wwc.Evaluation, dict[str, float]],
    capacity: float | None,
    target: wwc.Tier | None,
) -> None:
    """Every criterion not met appears exactly once, after its prerequisites; horizons are 3, 6
    and 12 months; projected tiers never fall from one horizon to the next."""
    evaluation, efforts = scenario
    plan = wwc.roadmap(evaluation, capacity=capacity, target=target, guidance=efforts)
    assert [h.months for h in plan.horizons] == [3, 6, 12]
    ids = [step.criterion for step in plan.steps]
    assert sorted(ids) == sorted(not_met(evaluation))
    position = {criterion: index for index, criterion in enumerate(ids)}
    std = evaluation.standard
    for criterion in ids:
        for prerequisite in std[criterion].prerequisites:
            if prerequisite in position:
                assert position[prerequisite] < position[criterion]
    tiers = [evaluation.tier, *(h.projected_tier for h in plan.horizons)]
    assert tiers == sorted(tiers)
    points = [evaluation.points, *(h.projected_points for h in plan.horizons)]
    assert points == sorted(points)
    for horizon in plan.horizons:
        for step in horizon.steps:
            assert step.reasons
    assert plan == wwc.roadmap(evaluation, capacity=capacity, target=target, guidance=efforts)
    json.dumps(plan.to_dict())


def test_roadmap_puts_the_next_tier_first_and_the_nearest_to_done_first() -> None:
    std = make_standard(
        [
            make_criterion("AA1", checklist=make_checklist(4, "abcd")),
            make_criterion("AA2"),
            make_criterion("AA3", prerequisites=["AA2"]),
            make_criterion("AA4"),
        ],
        tier_rule=None,
    )
    data = {"answers": {"AA1": {"checklist": {"a": True, "b": True, "c": True, "d": False}}}}
    evaluation = wwc.evaluate(data, std)
    plan = wwc.roadmap(evaluation, capacity=[4, 4, 8], guidance={"AA1": 8, "AA2": 2, "AA4": 1})
    first = plan.horizons[0].steps
    # One item short (2 of its 8 weeks left) beats a cheaper criterion not started.
    assert [s.criterion for s in first][:1] == ["AA1"]
    assert first[0].items == ("d",)
    assert "checklist-items" in [r.code for r in first[0].reasons]
    assert plan.horizons[0].projected_tier >= wwc.Tier.SILVER
    steps = [s.criterion for s in plan.steps]
    assert steps.index("AA2") < steps.index("AA3")
    assert plan.explain().startswith("Now: No tier, 0 points.")


def test_roadmap_refuses_a_bad_capacity() -> None:
    evaluation = wwc.evaluate(wwc.example_assessment())
    with pytest.raises(InvalidArgument) as caught:
        wwc.roadmap(evaluation, capacity=[1, -1, 2])
    assert caught.value.problems[0].code == "invalid-capacity"
    assert caught.value.problems[0].path == "capacity"
    assert isinstance(caught.value, ValueError)
    assert "assessment" not in str(caught.value)


# -- guidance ---------------------------------------------------------------------------------


def test_guidance_covers_every_shipped_criterion_as_advice(shipped: wwc.Standard) -> None:
    guidance = wwc.guidance()
    assert guidance.basis == "advice"
    for criterion in shipped.criteria:
        estimate = guidance.estimate(criterion)
        assert 0 < estimate.effort < math.inf
        assert estimate.reason.startswith("Advice:")
    for key in guidance.criteria:
        assert any(key in wwc.standard(v) for v in wwc.standards()), key
    for code in guidance.areas:
        assert any(
            code in [a.code for a in wwc.standard(v).practice_areas] for v in wwc.standards()
        )


def test_guidance_falls_back_to_area_then_default() -> None:
    guidance = wwc.guidance()
    assert guidance.estimate(make_criterion("DM42", "DM")).source == "area"
    assert guidance.estimate(make_criterion("ZZ1", "ZZ")).source == "default"


def test_load_guidance_lists_every_problem(tmp_path: Any) -> None:
    path = tmp_path / "effort.toml"
    path.write_text(
        'basis = "official"\n[capacity]\nperson_weeks_per_month = 0\n'
        "[default]\neffort = -1\n[areas.DM]\neffort = 2\n",
        encoding="utf-8",
    )
    with pytest.raises(wwc.InvalidGuidance) as caught:
        wwc.load_guidance(path)
    codes = [p.code for p in caught.value.problems]
    assert codes == [
        "not-advice",
        "invalid-capacity",
        "invalid-effort",
        "missing-reason",
        "missing-reason",
    ]


# -- cohorts ----------------------------------------------------------------------------------


@given(
    revisions(max_criteria=12).flatmap(
        lambda s: st.tuples(st.just(s), st.lists(assessments(s), max_size=5))
    )
)
def test_evaluate_many_equals_evaluate_one_by_one(pair: tuple[wwc.Standard, list[Any]]) -> None:
    std, items = pair
    try:
        expected = [wwc.evaluate(item, std) for item in items]
    except wwc.AssessmentError:
        assume(False)
        raise
    parsed = [wwc.Assessment.from_dict(item) for item in items]
    assert list(wwc.evaluate_many(items, std)) == expected
    assert list(wwc.evaluate_many(parsed, std)) == expected


def test_evaluate_many_lists_the_problems_of_every_assessment() -> None:
    items = [
        {"standard": "2024", "answers": {"DM1": "met"}},
        {"standard": "2024", "answers": {"DM99": "met"}},
        wwc.Assessment.from_dict({"answers": {"OD9": "met"}}),
    ]
    with pytest.raises(wwc.AssessmentError) as caught:
        wwc.evaluate_many(items)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("[1].answers.DM99", "unknown-criterion"),
        ("[2].answers.OD9", "unknown-criterion"),
    ]


def test_to_frame_with_pandas() -> None:
    pd = pytest.importorskip("pandas")
    cohort = wwc.evaluate_many([wwc.example_assessment(), {"standard": "2024", "answers": {}}])
    frame = cohort.to_frame(criteria=True)
    assert list(frame["tier"]) == ["silver", "none"]
    assert frame["tier"].cat.ordered
    assert frame["tier"].max() == "silver"
    assert list(frame["points"]) == [27, 0]
    assert frame.loc[0, "DM1"] == "met"
    assert isinstance(frame, pd.DataFrame)
    assert len(wwc.to_frame([])) == 0


def test_without_pandas_import_works_and_to_frame_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    cohort = wwc.evaluate_many([wwc.example_assessment()])
    assert cohort.tiers()[wwc.Tier.SILVER] == 1
    with pytest.raises(ImportError, match=r"pip install 'wwc-standard\[pandas\]'"):
        cohort.to_frame()


def test_import_does_not_import_pandas() -> None:
    import subprocess

    code = "import sys, wwc_standard; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- command line -----------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_roadmap_text_and_json() -> None:
    status, out, err = run("roadmap", "--example")
    assert (status, err) == (0, "")
    assert "By month 3: Gold, 30 points" in out
    status, out, _ = run("roadmap", "--example", "--format", "json", "--capacity", "2")
    data = json.loads(out)
    assert [h["months"] for h in data["horizons"]] == [3, 6, 12]
    assert data["horizons"][0]["capacity"] == 6


def test_cli_what_if_and_path() -> None:
    status, out, _ = run(
        "what-if", "--example", "--meet", "DM7,LC6", "--meet", "RDC7", "--unmeet", "DM1"
    )
    assert status == 0
    assert out.splitlines()[0] == "Tier: Silver to Silver; points: 27 to 29"
    # The options never swallow a FILE given after them.
    example = str(files("wwc_standard").joinpath("examples/exampleton.json"))
    status, out, _ = run("what-if", "--meet", "DM7", example)
    assert (status, out.splitlines()[1]) == (0, "Now met: DM7")
    status, out, _ = run("path", "--example", "--to", "gold", "--format", "json")
    assert status == 0
    assert json.loads(out)["criteria"] == ["DM7", "LC6", "RDC7"]
    status, out, _ = run("path", "--example", "--to", "gold")
    assert out.startswith("Gold: 3 criteria to complete, about 13 person-weeks (advice)")
    # --effort repeats or takes a list, and never swallows a FILE after it.
    status, out, _ = run(
        "path", "--to", "gold", "--effort", "LC6=inf,RDC7=inf", "--effort", "DM7=1", example
    )
    assert status == 0
    assert "LC6" not in out
    assert "RDC7" not in out


def test_cli_problems_exit_2_without_traceback() -> None:
    status, out, err = run("what-if", "--example", "--meet", "OD9", "--item", "DG1")
    assert status == 2
    assert out == ""
    assert "--item[0]" in err
    assert "Traceback" not in err
    status, _, err = run("what-if", "--example", "--meet", "OD9")
    assert status == 2
    assert "meet[0]: revision 2024 has no criterion 'OD9'" in err
    assert "did you mean OD" in err
    status, _, err = run("path", "--example", "--to", "bronze")
    assert status == 2
    assert "unknown tier 'bronze'" in err
    status, _, err = run("roadmap", "--example", "--effort", "OD3=lots")
    assert status == 2
    assert "invalid-effort" in err


def test_roadmap_and_path_word_checklists_and_prerequisites(tmp_path: Any) -> None:
    revision = tmp_path / "rubric.toml"
    revision.write_text(
        'schema = 1\nversion = "2024-rubric"\ntitle = "2024 with a rubric"\n'
        'extends = "2024"\nchanges = ["DM2 needs DM1; DM1 has a checklist"]\n'
        '[[amend_criteria]]\nid = "DM2"\nprerequisites = ["DM1"]\n'
        '[[amend_criteria]]\nid = "DM1"\n'
        "checklist = { required = 3, items = ["
        '{ id = "a", text = "A governance body exists." }, '
        '{ id = "b", text = "It meets every quarter." }, '
        '{ id = "c", text = "Its duties are written." }, '
        '{ id = "d", text = "Minutes are published." }], '
        'provenance = { basis = "inferred", note = "test" } }\n',
        encoding="utf-8",
    )
    std = wwc.load_standard(revision)
    answers: dict[str, Any] = {"DM1": {"checklist": {"a": True, "b": True, "c": False}}}
    answers.update(dict.fromkeys(["DM2", "DM3", "LC1", "LC2", "LC3", "OD1", "OD2"], "met"))
    evaluation = wwc.evaluate({"answers": answers}, std)
    steps = {step.criterion: step for step in wwc.roadmap(evaluation).steps}
    dm1 = [reason.message for reason in steps["DM1"].reasons]
    assert "1 checklist item short of its quota: c" in dm1
    assert "unlocks DM2" in dm1
    dm2 = [reason.message for reason in steps["DM2"].reasons]
    assert "already answered met: earns its point once DM1 is met" in dm2
    assert not any(reason.code == "effort" for reason in steps["DM2"].reasons)
    spanish = [reason.message(locale="es") for reason in steps["DM2"].reasons]
    assert "ya respondido como cumplido: suma su punto al cumplirse DM1" in spanish
    path = wwc.path_to(evaluation, "silver")
    assert "DM1" in path.criteria
    assert "(checklist items to meet: c)" in path.explain()
