"""Hostile input: nesting deeper than anything reads, prerequisite chains of thousands of
criteria, numbers too large to format, misused arguments. Each fails as a documented
WWCError with a path and a stable code, or works; never a RecursionError or OverflowError."""

from __future__ import annotations

import difflib
import math
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import make_criterion, make_standard

import wwc_standard as wwc
from wwc_standard._data import MAX_DEPTH, depth, parse
from wwc_standard.errors import InvalidArgument, did_you_mean
from wwc_standard.i18n.languages import LOCALES
from wwc_standard.i18n.messages import Message, format_number
from wwc_standard.planning import path_to, roadmap, what_if
from wwc_standard.planning.effort import MAX_EFFORT, Weeks

# -- depth ------------------------------------------------------------------------------------

DEEP = [
    (b"[" * 100_000, ".json"),
    (b'{"a":' * 100_000, ".json"),
    (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), ".json"),
    (b"a = " + b"[" * 100_000, ".toml"),
    (b"a = " + b"{b = " * 100_000, ".toml"),
    (b"a" + b".b" * MAX_DEPTH + b" = 1", ".toml"),
]


@pytest.mark.parametrize(("raw", "suffix"), DEEP)
def test_data_nested_too_deep_is_a_problem(raw: bytes, suffix: str) -> None:
    with pytest.raises(wwc.AssessmentError) as caught:
        parse(raw, suffix, "deep" + suffix, wwc.AssessmentError)
    assert [p.code for p in caught.value.problems] == ["too-deep"]


def test_a_file_nested_too_deep_is_refused(tmp_path: Any) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 100_000)
    with pytest.raises(wwc.AssessmentError) as caught:
        wwc.load_assessment(path)
    assert caught.value.problems[0].code == "too-deep"


def test_data_at_the_depth_limit_is_read() -> None:
    raw = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    assert depth(parse(raw, ".json", "ok.json", wwc.AssessmentError)) == MAX_DEPTH


def test_a_deeply_nested_dict_passed_to_evaluate_is_a_problem() -> None:
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    data = wwc.example_assessment().to_dict()
    data["answers"]["DM1"] = {"status": "met", "note": deep, "evidence": [deep]}
    with pytest.raises(wwc.AssessmentError) as caught:
        wwc.evaluate(data)
    assert {p.code for p in caught.value.problems} == {"wrong-type"}


# -- prerequisite chains ----------------------------------------------------------------------


def recursive_plan(std: wwc.Standard) -> list[int]:
    """Standard._plan's order as it was, recursive."""
    index = {criterion.id: i for i, criterion in enumerate(std.criteria)}
    placed: list[int] = []
    seen: set[int] = set()

    def place(i: int) -> None:
        if i in seen:
            return
        seen.add(i)
        for prerequisite in std.criteria[i].prerequisites:
            if prerequisite in index:
                place(index[prerequisite])
        placed.append(i)

    for i in range(len(std.criteria)):
        place(i)
    return placed


@given(st.lists(st.lists(st.integers(0, 30), max_size=4), min_size=1, max_size=30))
def test_plan_keeps_the_recursive_order(prerequisites: list[list[int]]) -> None:
    # Any graph: forward and backward edges, cycles, unknown ids, duplicates.
    criteria = [
        make_criterion(f"C{i}", prerequisites=[f"C{p}" for p in before if p != i])
        for i, before in enumerate(prerequisites)
    ]
    std = make_standard(criteria)
    assert [i for i, _ in std._plan] == recursive_plan(std)


def chain(size: int) -> wwc.Standard:
    # Each criterion needs the next one, so the walk in published order goes all the way down.
    return make_standard(
        [
            make_criterion(f"C{i}", prerequisites=[f"C{i + 1}"] if i + 1 < size else [])
            for i in range(size)
        ]
    )


def test_a_chain_longer_than_the_recursion_limit_plans() -> None:
    size = sys.getrecursionlimit() + 1000
    std = chain(size)
    assert [c.id for c in std.prerequisite_order] == [f"C{i}" for i in reversed(range(size))]
    evaluation = wwc.evaluate(
        {"standard": std.version, "city": {"name": "X", "country": "US"}, "answers": {}}, std
    )
    path = path_to(evaluation, "silver")
    assert path.reachable
    assert len(path.steps) == -(-51 * size // 100)
    plan = roadmap(evaluation)
    assert {step.criterion for step in plan.steps} == {c.id for c in std.criteria}


# -- numbers ----------------------------------------------------------------------------------

HUGE_NUMBERS = [10**27, -(10**27), 10**5000, 7 * 10**4400, 1e308, -1e300, 2.5e27, math.inf]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("value", HUGE_NUMBERS, ids=lambda v: format_number(v, "en"))
def test_huge_numbers_format_in_every_locale(value: float, locale: str) -> None:
    text = format_number(value, locale)
    assert text
    assert Message("{n} people", n=value).render(locale)
    assert Weeks(float(value) if abs(value) < 1e308 else math.inf).localized(locale)


def test_huge_numbers_are_in_scientific_form() -> None:
    assert format_number(10**27, "en") == "1E27"
    assert format_number(123_456 * 10**30, "fr") == "1,235E35"
    assert format_number(10**5000 + 1, "pt_BR") == "1E5000"
    assert format_number(99_995 * 10**40, "en") == "1E45"
    assert format_number(999_999_999_999_999, "en") == "999,999,999,999,999"


@pytest.mark.parametrize("locale", LOCALES)
def test_a_huge_population_renders(locale: str) -> None:
    data = wwc.example_assessment().to_dict()
    for population in (10**27, 10**5000):
        data["city"]["population"] = population
        try:
            evaluation = wwc.evaluate(data)
        except wwc.WWCError:
            continue  # refused at input: as good
        assert evaluation.explain(locale=locale)


@pytest.mark.parametrize("effort", [1e308, MAX_EFFORT * 1.000001, 10**400])
def test_an_effort_above_the_largest_is_refused(effort: float) -> None:
    """Issue 11, defect 4: efforts of 1e308 made path_to say Gold cannot be reached while
    naming Platinum (their sums overflowed); they are refused, with their path."""
    evaluation = wwc.evaluate(wwc.example_assessment())
    with pytest.raises(wwc.InvalidGuidance) as raised:
        path_to(evaluation, "gold", effort={"DM7": effort})
    [problem] = raised.value.problems
    assert (problem.path, problem.code) == ("efforts.DM7", "invalid-effort")
    with pytest.raises(wwc.InvalidArgument):
        roadmap(evaluation, capacity=MAX_EFFORT * 2)


def test_path_to_with_the_largest_efforts_is_consistent() -> None:
    evaluation = wwc.evaluate(wwc.example_assessment())
    efforts = dict.fromkeys((c.id for c in evaluation.standard.criteria), float(MAX_EFFORT))
    path = path_to(evaluation, "gold", effort=efforts)
    assert path.reachable
    assert path.tier >= wwc.Tier.GOLD
    assert path.effort == MAX_EFFORT * len(path.steps)
    small = path_to(evaluation, "gold", effort=dict.fromkeys(efforts, 1.0))
    assert path.criteria == small.criteria
    plan = roadmap(evaluation, guidance=efforts, capacity=MAX_EFFORT)
    assert all(math.isfinite(step.cumulative_effort) for step in plan.steps)
    for locale in LOCALES:
        assert path.explain(locale)


# -- did you mean -----------------------------------------------------------------------------


@given(st.text("abcDM19", max_size=6), st.lists(st.text("abcDM19", max_size=6), max_size=40))
def test_did_you_mean_answers_as_difflib(word: str, choices: list[str]) -> None:
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    hint = did_you_mean(word, choices)
    assert (hint.json_params()["choice"] if hint else None) == (
        by_folded[close[0]] if close else None
    )


def test_did_you_mean_among_many_choices() -> None:
    choices = [f"C{i}" for i in range(100_000)]
    for i in range(100):
        hint = did_you_mean(f"C{i * 997}x", choices)
        assert hint is not None
    assert str(did_you_mean("c4242", choices)) == "did you mean C4242?"


# -- misused arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "path", "code"),
    [
        (lambda e: path_to(e, "bronze"), "tier", "unknown-tier"),
        (lambda e: path_to(e, 3), "tier", "unknown-tier"),
        (lambda e: roadmap(e, target="bronze"), "target", "unknown-tier"),
        (lambda e: roadmap(e, capacity=-1), "capacity", "invalid-capacity"),
        (lambda e: what_if(e, meet=None), "meet", "wrong-type"),
        (lambda e: what_if(e, unmeet=7), "unmeet", "wrong-type"),
        (lambda e: what_if(e, meet="DM1"), "meet", "wrong-type"),
        (lambda e: what_if(e, checklist=["DG1"]), "checklist", "wrong-type"),
    ],
)
def test_misused_arguments_are_named(call: Any, path: str, code: str) -> None:
    evaluation = wwc.evaluate(wwc.example_assessment())
    with pytest.raises(InvalidArgument) as caught:
        call(evaluation)
    error = caught.value
    assert isinstance(error, wwc.WWCError)
    assert isinstance(error, ValueError)
    assert isinstance(error, TypeError)
    assert [(p.path, p.code) for p in error.problems] == [(path, code)]
    assert "assessment" not in str(error)
    for locale in LOCALES:
        assert error.localized(locale)
